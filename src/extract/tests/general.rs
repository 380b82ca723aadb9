//! General frames of issue 14: a cue nested inside reported content, a participle's speaker
//! after a clause, `cited Y as Z`, and `her answer was that ...`.

use super::check;

#[test]
fn nested_cue_keeps_outer_content_table() {
    check(&[
        (
            "what she calls: the outer content runs to the sentence end",
            "Garcia says she admired the coach's patience through what she calls a \"long winter.\"",
            vec![
                (
                    "partial",
                    "Garcia",
                    "says",
                    "she admired the coach's patience through what she calls a \"long winter.\"",
                ),
                ("partial", "Garcia", "calls", "a \"long winter.\""),
            ],
        ),
        (
            "what he argued: the outer content runs over the inner cue",
            "Okafor said the council ignored what he argued was a clear warning about the river.",
            vec![
                (
                    "indirect",
                    "Okafor",
                    "said",
                    "the council ignored what he argued was a clear warning about the river",
                ),
                ("indirect", "Okafor", "argued", "was a clear warning about the river"),
            ],
        ),
        (
            "a report opening another's reported clause is no statement of its own",
            "Okafor said he had asked the council to delay the vote.",
            vec![(
                "indirect",
                "Okafor",
                "said",
                "he had asked the council to delay the vote",
            )],
        ),
        (
            "a named speaker right after a say-cue opens the reported clause",
            "Okafor said Lindqvist told him the bridge would close in May.",
            vec![(
                "indirect",
                "Okafor",
                "said",
                "Lindqvist told him the bridge would close in May",
            )],
        ),
        (
            "the name's modifiers after the say-cue are in the clause too",
            "Song said Democratic presidential candidate Ana Ruiz had said the plan would fail.",
            vec![(
                "indirect",
                "Song",
                "said",
                "Democratic presidential candidate Ana Ruiz had said the plan would fail",
            )],
        ),
        (
            "a quotation inside the nested report stays a statement of its own",
            "Okafor said Lindqvist called the plan \"a disaster.\"",
            vec![
                (
                    "partial",
                    "Okafor",
                    "said",
                    "Lindqvist called the plan \"a disaster.\"",
                ),
                ("partial", "Lindqvist", "called", "the plan \"a disaster.\""),
            ],
        ),
    ]);
}

#[test]
fn participle_takes_clause_subject_table() {
    check(&[
        (
            "a participle after a clause with an object: the subject speaks",
            "The magazine praised the governor, saying she \"kept her word.\"",
            vec![(
                "partial",
                "The magazine",
                "saying",
                "she \"kept her word.\"",
            )],
        ),
        (
            "a date phrase opening the clause is no speaker",
            "On Tuesday they closed the hearing by declaring that the vote was final.",
            vec![("indirect", "they", "declaring", "the vote was final")],
        ),
        (
            "a month phrase opening the clause is no speaker",
            "In early March the union ended the strike, saying the offer was fair.",
            vec![("indirect", "the union", "saying", "the offer was fair")],
        ),
    ]);
}

#[test]
fn cited_as_table() {
    check(&[
        (
            "cited Y as Z: an indirect statement without a quotation",
            "The mayor cited the storm damage as the reason the budget was late.",
            vec![(
                "indirect",
                "The mayor",
                "cited",
                "the storm damage as the reason the budget was late",
            )],
        ),
        (
            "cited without `as` is no statement",
            "The driver was cited for parking near the school.",
            vec![],
        ),
        (
            "cited a noun phrase alone is no statement",
            "Reyes cited the report in her opening remarks.",
            vec![],
        ),
        (
            "described Y as Z",
            "The senator described the new levy as a gift to landlords.",
            vec![(
                "indirect",
                "The senator",
                "described",
                "the new levy as a gift to landlords",
            )],
        ),
        (
            "portrayed Y as Z",
            "Her rival has portrayed her as soft on crime.",
            vec![("indirect", "Her rival", "portrayed", "her as soft on crime")],
        ),
        (
            "characterized without `as` is no statement",
            "The drought characterized the decade for farmers.",
            vec![],
        ),
        (
            "described a noun phrase alone is no statement",
            "The pilot described the landing in a short video.",
            vec![],
        ),
    ]);
}

#[test]
fn answer_was_that_table() {
    check(&[
        (
            "her answer was that: the possessor speaks",
            "Asked about the delay, her answer was that the permits had expired.",
            vec![("indirect", "she", "answer was", "the permits had expired")],
        ),
        (
            "X's best response was to say that",
            "Lindqvist's best response was to say that the figures were old.",
            vec![(
                "indirect",
                "Lindqvist",
                "response was to say",
                "the figures were old",
            )],
        ),
        (
            "a reply noun without a possessive is no statement",
            "The answer was that nobody knew.",
            vec![],
        ),
    ]);
}
