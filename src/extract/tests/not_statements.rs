//! Quotation marks and cue words that do not make a statement (titles, nicknames, nouns).

use super::check;

#[test]
fn not_statements_table() {
    check(&[
        (
            "title",
            "The film \"Gone with the Wind\" was shown again.",
            vec![],
        ),
        (
            "nickname",
            "Bill \"The Hammer\" Jones arrived late.",
            vec![],
        ),
        (
            "a subordinate clause right after the cue is the writer's",
            "The group found columns Lena Roe wrote while a student at the college.",
            vec![],
        ),
        (
            "scare quotes",
            "The so-called \"experts\" were wrong again.",
            vec![],
        ),
        (
            "noun 'state'",
            "Western states will hold elections in March.",
            vec![],
        ),
        (
            "participle as adjective",
            "Sanders trails in pledged delegates by a wide margin.",
            vec![],
        ),
        (
            "'said to'",
            "The house is said to be haunted by ghosts.",
            vec![],
        ),
        (
            "'That said'",
            "That said, Cruz cannot win the nomination outright.",
            vec![],
        ),
        (
            "cue word as a noun after a possessive",
            "Trump's tweets angered party leaders again.",
            vec![],
        ),
        (
            "participle as adjective after a number",
            "Clinton has won 500 pledged delegates so far.",
            vec![],
        ),
    ]);
}

#[test]
fn requests_for_anonymity_table() {
    check(&[
        (
            "a request not to be named beside a quotation is no second statement",
            "\"We are scared,\" one tenant, who asked not to be named, told the Courier.",
            vec![("direct", "one tenant", "told", "We are scared")],
        ),
        (
            "a request for anonymity in a relative clause on the speaker",
            "\"We are scared,\" said a tenant who requested anonymity.",
            vec![("direct", "a tenant", "said", "We are scared")],
        ),
        (
            "a request not to be identified after a reported clause",
            "The plant will close, said a manager who requested not to be identified.",
            vec![("indirect", "a manager", "said", "The plant will close")],
        ),
    ]);
}

#[test]
fn transcript_and_link_furniture_table() {
    check(&[
        (
            "a link to the writer's account after a quotation",
            "\"We are ready,\" Roe said.\n\n\"Follow Jo Lane on Twitter @jolane.\"",
            vec![("direct", "Roe", "said", "We are ready")],
        ),
        (
            "a stage direction in quotation marks after a statement",
            "\"We are ready,\" Roe said.\n\n\"(APPLAUSE.)\"",
            vec![("direct", "Roe", "said", "We are ready")],
        ),
    ]);
}

#[test]
fn passive_cues_table() {
    check(&[
        (
            "a passive auxiliary before an adverb and the cue",
            "The levy was widely criticized as unfair.",
            vec![],
        ),
        (
            "a past participle and its agent, after an adverb, set off after its noun",
            "The mayor's remarks, first reported by the Globe, drew a rebuke.",
            vec![],
        ),
        (
            "a past participle and its agent after a noun",
            "The county will merge the two schools, a plan criticized by the union.",
            vec![],
        ),
        (
            "`by` and a gerund after the cue is no agent",
            "He responded by saying the plan was dead.",
            vec![("indirect", "He", "saying", "the plan was dead")],
        ),
        (
            "a question verb's asker after `by` leaves the answer's speaker",
            "When pressed by reporters, he said the plan was dead.",
            vec![("indirect", "he", "said", "the plan was dead")],
        ),
    ]);
}
