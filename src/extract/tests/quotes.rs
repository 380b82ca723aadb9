//! Direct quotations: quote marks, split quotes, quotes across sentences and paragraphs.

use super::check;

#[test]
fn quote_mark_table() {
    check(&[
        (
            "straight",
            "\"We will not back down,\" Smith said.",
            vec![("direct", "Smith", "said", "We will not back down")],
        ),
        (
            "curly, split quote as one statement",
            "\u{201c}We will not back down,\u{201d} she said, \u{201c}and we will win.\u{201d}",
            vec![(
                "direct",
                "she",
                "said",
                "We will not back down ... and we will win.",
            )],
        ),
        (
            "single nested in double",
            "He said \"it's 'fine' for now\" today.",
            vec![("partial", "He", "said", "\"it's 'fine' for now\" today")],
        ),
        (
            "British style: single marks, a possessive inside, a double quotation nested",
            "\u{2018}The voters\u{2019} anger is real,\u{2019} Smith said. \u{2018}They call it \u{201c}the \
             tax\u{201d} here.\u{2019}\n\n\u{2018}We will not back down,\u{2019} she said.",
            vec![
                (
                    "direct",
                    "Smith",
                    "said",
                    "The voters\u{2019} anger is real ... They call it \u{201c}the tax\u{201d} here.",
                ),
                ("direct", "Smith", "said", "We will not back down"),
            ],
        ),
        (
            "an American article's single marks stay apostrophes and nested quotes",
            "The 'reform' bill failed on Monday. \"It will pass,\" Smith said.",
            vec![("direct", "Smith", "said", "It will pass")],
        ),
        (
            "two apostrophes as a quote mark",
            "''We are ready,'' Smith said.",
            vec![("direct", "Smith", "said", "We are ready")],
        ),
        (
            "multi-sentence quote",
            "\"We are ready. We have trained for years,\" Smith said.",
            vec![(
                "direct",
                "Smith",
                "said",
                "We are ready. We have trained for years",
            )],
        ),
        (
            "quote continued after the attribution sentence",
            "\"We are ready,\" Smith said. \"We have trained for years.\"",
            vec![(
                "direct",
                "Smith",
                "said",
                "We are ready ... We have trained for years.",
            )],
        ),
        (
            "quote left open at a paragraph's end, attributed in the next",
            "\"We are ready.\n\n\"We have trained,\" Smith said.",
            vec![(
                "direct",
                "Smith",
                "said",
                "We are ready. ... We have trained",
            )],
        ),
        (
            "continuation paragraph",
            "\"We are ready,\" Smith said.\n\n\"We have trained for years.\"",
            vec![
                ("direct", "Smith", "said", "We are ready"),
                ("direct", "Smith", "", "We have trained for years."),
            ],
        ),
    ]);
}

#[test]
fn paragraphs_one_newline_apart() {
    check(&[
        (
            "a quotation on its own line after a statement is not the next line's",
            "\u{201c}It is over,\u{201d} he said. \u{201c}Why did we lose?\u{201d}\n\
             Campaign spokesman Jon Reyes added, \u{201c}We will be back.\u{201d}",
            vec![
                ("direct", "he", "said", "It is over ... Why did we lose?"),
                ("direct", "Jon Reyes", "added", "We will be back."),
            ],
        ),
        (
            "a quotation left open at a line's end runs on; the next line opens its own",
            "\u{201c}We lost,\u{201d} Roe said. \u{201c}We will be back next year.\n\
             \u{201c}The work starts now,\u{201d} Roe said. \u{201c}Join us.\u{201d}",
            vec![
                (
                    "direct",
                    "Roe",
                    "said",
                    "We lost ... We will be back next year.",
                ),
                ("direct", "Roe", "said", "The work starts now ... Join us."),
            ],
        ),
        (
            "a line longer than any hard wrap ends its paragraph without a period",
            "The mayor kept up her attack on the council all week, in the hours before the vote on the harbour budget\n\
             Reyes, in Leeds, said the plan was \u{201c}a disgrace.\u{201d}",
            vec![("partial", "Reyes", "said", "the plan was \u{201c}a disgrace.\u{201d}")],
        ),
        (
            "a short line without a period is a hard wrap",
            "Jon Reyes, the mayor of the\nCity of Leeds, said the plan was a disgrace.",
            vec![("indirect", "Jon Reyes", "said", "the plan was a disgrace")],
        ),
        (
            "a hard-wrapped quotation stays one paragraph",
            "\"We are ready for the\nstorm,\" the mayor said.",
            vec![("direct", "the mayor", "said", "We are ready for the\nstorm")],
        ),
    ]);
}

#[test]
fn split_quote_asides_table() {
    check(&[
        (
            "a participle phrase between the pieces of a split quote",
            "\"Each time you say that,\" Okafor said, looking at the minister, \"you help the other side.\"",
            vec![(
                "direct",
                "Okafor",
                "said",
                "Each time you say that ... you help the other side.",
            )],
        ),
        (
            "a split quote whose second comma the writer left out",
            "\"We will build the dam,\" Okafor said \"and the valley will pay for it.\"",
            vec![(
                "direct",
                "Okafor",
                "said",
                "We will build the dam ... and the valley will pay for it.",
            )],
        ),
        (
            "a title inside an inverted speaker phrase is no second piece",
            "\"We must win the valley back,\" wrote the authors of the \"Valley Plan,\" in a long report.",
            vec![(
                "direct",
                "the authors of the",
                "wrote",
                "We must win the valley back",
            )],
        ),
        (
            "a quotation inside an earlier speaker's clause is not the next cue's",
            "After Roe said the plan was \"too little, too late,\" Lee said, \"It is all we have.\"",
            vec![
                ("partial", "Roe", "said", "the plan was \"too little, too late,\""),
                ("direct", "Lee", "said", "It is all we have."),
            ],
        ),
        (
            "a colon after the cue opens its quotation; the one before is no piece",
            "With the vote \"all but lost,\" Lee added: \"We fight on.\"",
            vec![("direct", "Lee", "added", "We fight on.")],
        ),
        (
            "a quotation after a clause of time after the cue",
            "Roe said as she left the stage, \"We will be back.\"",
            vec![("direct", "Roe", "said", "We will be back.")],
        ),
        (
            "`as long as` after the cue is part of what was said",
            "Roe said as long as the money lasts, \"we will keep going.\"",
            vec![(
                "partial",
                "Roe",
                "said",
                "as long as the money lasts, \"we will keep going.\"",
            )],
        ),
        (
            "a quotation after a cue in a lead is not the main cue's when it has a clause",
            "Walking in to chants of \"Four more years,\" Roe said the vote was hers.",
            vec![("indirect", "Roe", "said", "the vote was hers")],
        ),
        (
            "a conjunction between the pieces of a split quote",
            "\"I like Lena,\" he said, but \"on budgets she has a long record of mistakes.\"",
            vec![(
                "direct",
                "he",
                "said",
                "I like Lena ... on budgets she has a long record of mistakes.",
            )],
        ),
        (
            "a speech participle between the pieces is a statement of its own",
            "\"We are ready,\" Roe said, adding, \"The rest is up to them.\"",
            vec![
                ("direct", "Roe", "said", "We are ready"),
                ("direct", "Roe", "adding", "The rest is up to them."),
            ],
        ),
    ]);
}

#[test]
fn quotations_before_and_after_short_frames_table() {
    check(&[
        (
            "a quotation alone before according to",
            "\u{201c}The ferry will not run this winter,\u{201d} according to the harbour board.",
            vec![(
                "direct",
                "the harbour board",
                "according to",
                "The ferry will not run this winter",
            )],
        ),
        (
            "a participle after a quotation that holds the comma",
            "Lund waved at the \u{201c}experts,\u{201d} saying, \u{201c}They never rode a bus.\u{201d}",
            vec![("direct", "Lund", "saying", "They never rode a bus.")],
        ),
        (
            "a subordinate clause after the cue closes the attribution of the quotation before",
            "\u{201c}Where is the bus? Is it late?\u{201d} Lund asks as a driver in a red cap walks past the stop.",
            vec![("direct", "Lund", "asks", "Where is the bus? Is it late?")],
        ),
        (
            "a quotation right after a preposition is a title when a clause follows the cue",
            "Asked why the line was late, in an interview on \"Morning Report,\" Lund said \
             the buses were \"never on time.\"",
            vec![(
                "partial",
                "Lund",
                "said",
                "the buses were \"never on time.\"",
            )],
        ),
        (
            "a subordinate clause set off by commas between the cue and a quotation",
            "Lund said in the spring, when the line first closed, \"Nobody will miss it.\"",
            vec![("direct", "Lund", "said", "Nobody will miss it.")],
        ),
        (
            "a topic opened by about before a comma and a quotation",
            "Lund said about the strike, \u{201c}Nobody wanted it.\u{201d}",
            vec![("direct", "Lund", "said", "Nobody wanted it.")],
        ),
    ]);
}
