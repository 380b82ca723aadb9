//! Cue forms and what stands around a cue: progressive and perfect cues, addressees and time
//! phrases before `that`, participles of a noun phrase, continuation cues, `says of X`.

use super::check;

#[test]
fn progressive_and_perfect_cues_table() {
    check(&[
        (
            "progressive cue with an addressee before that",
            "Nora Quint is warning tenants that the landlord will raise the rent.",
            vec![(
                "indirect",
                "Nora Quint",
                "warning",
                "the landlord will raise the rent",
            )],
        ),
        (
            "contracted progressive: the pronoun is the speaker",
            "Nora Quint spoke at the rally. She's claiming that the fund ran dry in March.",
            vec![(
                "indirect",
                "Nora Quint",
                "claiming",
                "the fund ran dry in March",
            )],
        ),
        (
            "perfect progressive",
            "Omar Reyes has been saying that the mill will reopen.",
            vec![("indirect", "Omar Reyes", "saying", "the mill will reopen")],
        ),
        (
            "a time phrase between the cue and that",
            "Omar Reyes has said from the outset that the mill will reopen.",
            vec![("indirect", "Omar Reyes", "said", "the mill will reopen")],
        ),
        (
            "charges that: a clause cue",
            "Omar Reyes charges that the board sold the land in secret.",
            vec![(
                "indirect",
                "Omar Reyes",
                "charges",
                "the board sold the land in secret",
            )],
        ),
        (
            "charged with: no clause, no statement",
            "Police charged Omar Reyes with theft after the raid.",
            vec![],
        ),
        (
            "a negated progressive gives nothing",
            "Omar Reyes is not saying whether the mill will reopen.",
            vec![],
        ),
    ]);
}

#[test]
fn pull_quote_lines_table() {
    check(&[
        (
            "reader comments one line each, horizontal bar, hyphen and a closing period",
            "\"The ferry has not run on time all winter.\" \u{2015} Ivo Marsh\n\"We pay twice what the town over pays.\"\u{2015} Dana Okoye.\n\"Fix the pier first.\" - Lu Chen",
            vec![
                (
                    "direct",
                    "Ivo Marsh",
                    "\u{2015}",
                    "The ferry has not run on time all winter.",
                ),
                (
                    "direct",
                    "Dana Okoye",
                    "\u{2015}",
                    "We pay twice what the town over pays.",
                ),
                ("direct", "Lu Chen", "-", "Fix the pier first."),
            ],
        ),
        (
            "a dash and a name that do not end the sentence are no pull quote",
            "A banner, \"Save our ferry\" \u{2015} Harbour Road, was torn down overnight.",
            vec![],
        ),
    ]);
}

#[test]
fn participle_after_a_noun_phrase_table() {
    check(&[
        (
            "footage of a person saying: that person speaks",
            "The spot closes with footage of Ines Varga saying, \"Every dock will reopen.\"",
            vec![("direct", "Ines Varga", "saying", "Every dock will reopen.")],
        ),
        (
            "a clip of a person asking a question",
            "Rivals shared a clip of Paul Odum asking, \"Where did the money go?\"",
            vec![("direct", "Paul Odum", "asking", "Where did the money go?")],
        ),
        (
            "tweets saying that: their author, the clause's subject, speaks",
            "Early Tuesday, Ines Varga posted a string of tweets saying that the count was flawed.",
            vec![("indirect", "Ines Varga", "saying", "the count was flawed")],
        ),
        (
            "a sign saying: no recording and no author, no statement",
            "A man held a sign saying the end was near.",
            vec![],
        ),
    ]);
}

#[test]
fn continuation_cues_table() {
    check(&[
        (
            "said before adding, a quotation each",
            "\"The tide is early,\" Kofi Mensah said before adding: \"Move the boats tonight.\"",
            vec![
                ("direct", "Kofi Mensah", "said", "The tide is early"),
                ("direct", "Kofi Mensah", "adding", "Move the boats tonight."),
            ],
        ),
        (
            "said, adding that a quotation",
            "\"The tide is early,\" Kofi Mensah said, adding that \"the pier may flood.\"",
            vec![
                ("direct", "Kofi Mensah", "said", "The tide is early"),
                ("direct", "Kofi Mensah", "adding", "the pier may flood."),
            ],
        ),
        (
            "said, insisting that a clause",
            "\"The tide is early,\" Kofi Mensah said, insisting that the pier would hold.",
            vec![
                ("direct", "Kofi Mensah", "said", "The tide is early"),
                (
                    "indirect",
                    "Kofi Mensah",
                    "insisting",
                    "the pier would hold",
                ),
            ],
        ),
    ]);
}

#[test]
fn cue_with_an_of_topic_table() {
    check(&[
        (
            "says of a rival, a quotation: the topic is no speaker",
            "Greta Holm says of her opponent, \"She has never run a business.\"",
            vec![(
                "direct",
                "Greta Holm",
                "says",
                "She has never run a business.",
            )],
        ),
        (
            "said of a plan that a clause",
            "Greta Holm said of the merger that it would cost jobs.",
            vec![("indirect", "Greta Holm", "said", "it would cost jobs")],
        ),
    ]);
}

#[test]
fn progressive_inside_a_clause_and_dash_after_a_cue_table() {
    check(&[
        (
            "a progressive inside the reported clause belongs to it",
            "Rhea Tolan said that for months rivals had been predicting her defeat.",
            vec![(
                "indirect",
                "Rhea Tolan",
                "said",
                "for months rivals had been predicting her defeat",
            )],
        ),
        (
            "a quotation before the cue keeps its statement when a dash follows the speaker",
            "\"We will win,\" said Rhea Tolan \u{2014} who then left the hall.",
            vec![("direct", "Rhea Tolan", "said", "We will win")],
        ),
    ]);
}

#[test]
fn manner_adverb_and_noun_subject_table() {
    check(&[
        (
            "an adverb of manner between the cue and a colon",
            "Vance fired back sharply: \u{201c}They have never built a road.\u{201d}",
            vec![(
                "direct",
                "Vance",
                "fired back",
                "They have never built a road.",
            )],
        ),
        (
            "an adverb of manner before `that`",
            "Vance said angrily that the road was never built.",
            vec![("indirect", "Vance", "said", "the road was never built")],
        ),
        (
            "a noun that carries words is the subject of a noun-cue verb",
            "The letter claims \u{201c}Vance never built a road.\u{201d}",
            vec![(
                "direct",
                "The letter",
                "claims",
                "Vance never built a road.",
            )],
        ),
        (
            "an adjective before a noun cue is still no subject",
            "The false claims about the road spread quickly.",
            vec![],
        ),
        (
            "a quantifier opening a short phrase before a pronoun subject",
            "Vance wrote in both letters he was \"proud\" of the road.",
            vec![("partial", "Vance", "wrote", "he was \"proud\" of the road")],
        ),
        (
            "a short phrase after the cue, then a comma and a quotation to the end",
            "Vance wrote to his 20,000 followers on the site, \"The road is open.\"",
            vec![("direct", "Vance", "wrote", "The road is open.")],
        ),
        (
            "a title after such a phrase is no statement",
            "Vance wrote in the preface to his memoir, \"A Road of My Own.\"",
            vec![],
        ),
        (
            "a whole quotation keeps its statement when a participle follows",
            "Vance promised, \"We will build it,\" referring to the bypass.",
            vec![("direct", "Vance", "promised", "We will build it")],
        ),
    ]);
}

#[test]
fn cues_joined_by_a_coordinator_table() {
    check(&[
        (
            "a participle after `and` is coordinated with the cue, not with the content",
            "Greta Lindqvist toured the mill on Friday, telling workers the mill would stay \
             open and shaking hands outside the gates.",
            vec![(
                "indirect",
                "Greta Lindqvist",
                "telling",
                "the mill would stay open",
            )],
        ),
        (
            "a participle of the content's own keeps the one after `and` in the content",
            "Greta Lindqvist spoke at the mill, telling workers the mill would keep running \
             and hiring.",
            vec![(
                "indirect",
                "Greta Lindqvist",
                "telling",
                "the mill would keep running and hiring",
            )],
        ),
        (
            "a past verb after `and` is the content's",
            "Greta Lindqvist spoke at the mill, saying the owners had left and the workers \
             moved away.",
            vec![(
                "indirect",
                "Greta Lindqvist",
                "saying",
                "the owners had left and the workers moved away",
            )],
        ),
        (
            "a participle cue joined by `but` and an adverb has the first one's speaker",
            "Greta Lindqvist spoke for an hour, insisting the budget was balanced but quietly \
             conceding that the reserve was gone.",
            vec![
                (
                    "indirect",
                    "Greta Lindqvist",
                    "insisting",
                    "the budget was balanced",
                ),
                (
                    "indirect",
                    "Greta Lindqvist",
                    "conceding",
                    "the reserve was gone",
                ),
            ],
        ),
        (
            "a cue with no words of its own before `and` and a joined cue says nothing",
            "At the hearing Greta Lindqvist laughed and admitted \"the forms were a mess.\"",
            vec![(
                "direct",
                "Greta Lindqvist",
                "admitted",
                "the forms were a mess.",
            )],
        ),
        (
            "a naming participle before a joined one still states its object",
            "Greta Lindqvist went after the council on Monday, calling the levy \"a disgrace\" \
             and predicting that voters would repeal it.",
            vec![
                (
                    "partial",
                    "Greta Lindqvist",
                    "calling",
                    "the levy \"a disgrace\"",
                ),
                (
                    "indirect",
                    "Greta Lindqvist",
                    "predicting",
                    "voters would repeal it",
                ),
            ],
        ),
    ]);
}
