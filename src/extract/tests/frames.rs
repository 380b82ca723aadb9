//! Attribution frames the verb table alone does not give: noun cues, a bare name before a
//! colon, a question put to someone, `He said:` closing a paragraph, a fragment before an
//! interrupting attribution, long descriptive speakers, appositives with abbreviations,
//! `said that` before a preposition, invisible spaces.

use super::check;

#[test]
fn noun_cue_table() {
    check(&[
        (
            "possessive name and noun cue",
            "Observers doubted Lena Park's claim that the ballots had been counted twice.",
            vec![(
                "indirect",
                "Lena Park",
                "claim",
                "the ballots had been counted twice",
            )],
        ),
        (
            "possessive pronoun, adjective between",
            "Rosa Levin spoke at noon. Few heeded her stark warning that the dam would fail.",
            vec![("indirect", "Rosa Levin", "warning", "the dam would fail")],
        ),
        (
            "a light verb's subject makes the claim",
            "Victor Hale made a false claim that he had opposed the war.",
            vec![("indirect", "Victor Hale", "claim", "he had opposed the war")],
        ),
        (
            "a speech-act noun other than claim (a retort) carries its possessor's words",
            "Mayor Ida Brenner answered her rival Paul Ostrow's retort that the budget was \
             balanced.",
            vec![(
                "indirect",
                "Paul Ostrow",
                "retort",
                "the budget was balanced",
            )],
        ),
        (
            "a light verb's noun cue before a comma and a quotation",
            "Mayor Ida Brenner issued a statement, \"The ferry will run again in May.\"",
            vec![(
                "direct",
                "Ida Brenner",
                "statement",
                "The ferry will run again in May.",
            )],
        ),
        (
            "a light verb's noun cue before a colon: the subject speaks, not the clause",
            "The harbour board released a brief statement: \"Repairs will take a year.\"",
            vec![(
                "direct",
                "The harbour board",
                "statement",
                "Repairs will take a year.",
            )],
        ),
        (
            "a cue before the light verb has the sentence",
            "Lund said the board issued a statement, \"Repairs will take a year.\"",
            vec![(
                "partial",
                "Lund",
                "said",
                "the board issued a statement, \"Repairs will take a year.\"",
            )],
        ),
        (
            "a determiner and an adjective before a noun cue: no verb, no speaker",
            "The report contained a common claim without evidence.",
            vec![],
        ),
    ]);
}

#[test]
fn cueless_frames_table() {
    check(&[
        (
            "bare name, colon, quotation (a quoted post)",
            "Okafor: \"We will land on the moon by 2030.\"",
            vec![("direct", "Okafor", ":", "We will land on the moon by 2030.")],
        ),
        (
            "a capitals label before a colon is no name",
            "UPDATE: \"The road is closed.\"",
            vec![],
        ),
        (
            "a question put by an unnamed asker frames the answer, and is no statement",
            "Asked whether he would back the nominee, Ortega shrugged.",
            vec![],
        ),
        (
            "question after a subordinator, asker named with by",
            "\"Absolutely,\" he said when asked by a reporter if the offer still stood.",
            vec![
                ("direct", "he", "said", "Absolutely"),
                (
                    "indirect",
                    "a reporter",
                    "asked",
                    "if the offer still stood",
                ),
            ],
        ),
        (
            "He said: closing a paragraph, the quotation in the next",
            "Gareth Lowe spoke last.\n\nHe said:\n\n\"We have a plan for the harbour.\"",
            vec![(
                "direct",
                "Gareth Lowe",
                "said",
                "We have a plan for the harbour.",
            )],
        ),
        (
            "made the following statement: the light verb's subject speaks",
            "On May 2, Gareth Lowe made the following statement:\n\n\
             \"We have a plan for the harbour.\"",
            vec![(
                "direct",
                "Gareth Lowe",
                "statement",
                "We have a plan for the harbour.",
            )],
        ),
    ]);
}

#[test]
fn colon_openers_with_adjuncts_and_inverted_table() {
    check(&[
        (
            "a prepositional phrase between the cue and the colon",
            "Gareth Lowe wrote in a letter to the harbour board:\n\n\
             \"We will not sell the pier.\"",
            vec![(
                "direct",
                "Gareth Lowe",
                "wrote",
                "We will not sell the pier.",
            )],
        ),
        (
            "an addressee and a time word between the cue and the colon",
            "Gareth Lowe told reporters on Monday:\n\n\"We will not sell the pier.\"",
            vec![(
                "direct",
                "Gareth Lowe",
                "told",
                "We will not sell the pier.",
            )],
        ),
        (
            "a cue opening the sentence, the speaker after it",
            "Gareth Lowe spoke last.\n\nAdded Lowe:\n\n\"We will not sell the pier.\"",
            vec![(
                "direct",
                "Gareth Lowe",
                "Added",
                "We will not sell the pier.",
            )],
        ),
        (
            "released the following statement: a light verb",
            "After the vote, Gareth Lowe released the following statement:\n\n\
             \"We will not sell the pier.\"",
            vec![(
                "direct",
                "Gareth Lowe",
                "statement",
                "We will not sell the pier.",
            )],
        ),
    ]);
}

#[test]
fn speaker_and_content_apart_table() {
    check(&[
        (
            "a fragment before an interrupting attribution",
            "Police, she says, have no policy on the matter.",
            vec![(
                "indirect",
                "she",
                "says",
                "Police ... have no policy on the matter",
            )],
        ),
        (
            "a long descriptive speaker after the quote",
            "\"It works,\" said oil and gas worker Sam Miller.",
            vec![("direct", "Sam Miller", "said", "It works")],
        ),
        (
            "an appositive with a state abbreviation and commas",
            "Sandra Inman, a supporter from Jackson, Miss., said she could not back the plan.",
            vec![(
                "indirect",
                "Sandra Inman",
                "said",
                "she could not back the plan",
            )],
        ),
        (
            "an appositive with a relative clause",
            "Anna Kowalski, a geologist at the university who studies faults, said the wave \
             was the largest in decades.",
            vec![(
                "indirect",
                "Anna Kowalski",
                "said",
                "the wave was the largest in decades",
            )],
        ),
        (
            "said that, then a clause opening with a preposition",
            "Carter said that for decades critics had predicted a withdrawal.",
            vec![(
                "indirect",
                "Carter",
                "said",
                "for decades critics had predicted a withdrawal",
            )],
        ),
        (
            "a zero-width space between the name and the cue",
            "Sam Miller\u{200b}said the pipeline was safe.",
            vec![("indirect", "Sam Miller", "said", "the pipeline was safe")],
        ),
        (
            "a no-break space between the name and the cue",
            "Sam Miller\u{a0}said the pipeline was safe.",
            vec![("indirect", "Sam Miller", "said", "the pipeline was safe")],
        ),
        (
            "according to at the start of a sentence",
            "According to Haley, the threats were made over several months.",
            vec![(
                "indirect",
                "Haley",
                "According to",
                "the threats were made over several months",
            )],
        ),
        (
            "a party and state in parentheses between the name and the cue",
            "Sen. Rand Paul (R-Ky.) said the plan had failed.",
            vec![("indirect", "Rand Paul", "said", "the plan had failed")],
        ),
        (
            "after a quote, a name with two appositives before the cue",
            "\"It is an overreach,\" Ada Price, the attorney general of Utah, one of the states \
             suing, said on Monday.",
            vec![("direct", "Ada Price", "said", "It is an overreach")],
        ),
        (
            "a phrase between the cue and a clause opening with a pronoun",
            "Trump said after the convention he would not accept the endorsement.",
            vec![(
                "indirect",
                "Trump",
                "said",
                "he would not accept the endorsement",
            )],
        ),
        (
            "interrupted quotation",
            "\"The drugs,\" he says, \"are mostly meant for export.\"",
            vec![(
                "direct",
                "he",
                "says",
                "The drugs ... are mostly meant for export.",
            )],
        ),
    ]);
}

#[test]
fn transcript_turns_table() {
    check(&[
        (
            "a turn of a person the article has named, then a turn of the host",
            "Governor Ana Ruiz spoke to the host, Tom Akers.\n\nRUIZ: Well, look, the bridge will be rebuilt by May.\n\nAKERS: But, Governor, who pays for it?",
            vec![
                ("direct", "Ana Ruiz", ":", "Well, look, the bridge will be rebuilt by May."),
                ("direct", "Tom Akers", ":", "But, Governor, who pays for it?"),
            ],
        ),
        (
            "a label the article never named is no turn before a turn has been read",
            "The council met on Monday.\n\nBOND: The bridge will be rebuilt by May.",
            vec![],
        ),
        (
            "a stage direction between turns is no statement",
            "Ana Ruiz spoke on Sunday.\n\n\"RUIZ: The bridge will be rebuilt by May.\n\n\"(CROSSTALK.)\n\n\"RUIZ: And it will cost less than the old one.\"",
            vec![
                ("direct", "Ana Ruiz", ":", "The bridge will be rebuilt by May."),
                ("direct", "Ana Ruiz", ":", "And it will cost less than the old one."),
            ],
        ),
    ]);
}

#[test]
fn name_colon_frames_table() {
    check(&[
        (
            "a party parenthesis between the name and the colon",
            "Rep. Ana Ruiz (D-Ore.):\"We never saw the letter.\"",
            vec![("direct", "Ana Ruiz", ":", "We never saw the letter.")],
        ),
        (
            "a description before a full name and the colon",
            "Former state treasurer Ana Ruiz: \"We never saw the letter.\"",
            vec![("direct", "Ana Ruiz", ":", "We never saw the letter.")],
        ),
        (
            "a headline fragment and a dash before the name",
            "Iowa polls - Carl Bialik: \"Keep on contacting voters as late as possible.\"",
            vec![(
                "direct",
                "Carl Bialik",
                ":",
                "Keep on contacting voters as late as possible.",
            )],
        ),
        (
            "a clause closed by its verb and a colon keeps its subject",
            "Ruiz resisted: \"We never saw the letter.\"",
            vec![("direct", "Ruiz", "resisted", "We never saw the letter.")],
        ),
    ]);
}
