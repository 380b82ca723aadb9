//! Round 6 of issue 14: where a statement's speaker and content end when numbers, a party
//! parenthesis, a quotation's closing comma, an inverted speaker's description or a second cue
//! stand near them, or when the cue stands in an adverbial or participle clause before the main
//! clause.

use super::check;

#[test]
fn approximators_and_parentheses_table() {
    check(&[
        (
            "an approximator before a counting word opens the content, not a preposition",
            "The agency said about half of the new permits went to small farms.",
            vec![(
                "indirect",
                "The agency",
                "said",
                "about half of the new permits went to small farms",
            )],
        ),
        (
            "an approximator before a counting word opens the speaker phrase",
            "In Ohio, around a third of the teachers said they would strike.",
            vec![(
                "indirect",
                "around a third of the teachers",
                "said",
                "they would strike",
            )],
        ),
        (
            "a quoted title inside an opening prepositional phrase is not the content",
            "On \"Morning Report,\" the senator said the bridge would close in May.",
            vec![(
                "indirect",
                "the senator",
                "said",
                "the bridge would close in May",
            )],
        ),
        (
            "a party parenthesis after a name that does not open the clause",
            "At the town meeting Rep. Ana Ruiz (D-Ore.) said the bridge would be rebuilt.",
            vec![(
                "indirect",
                "Ana Ruiz",
                "said",
                "the bridge would be rebuilt",
            )],
        ),
    ]);
}

#[test]
fn quotation_comma_and_inverted_speaker_table() {
    check(&[
        (
            "a participle after a quotation's closing comma is a second statement",
            "Okafor said the plan was \"a good start,\" adding that more money was needed.",
            vec![
                (
                    "partial",
                    "Okafor",
                    "said",
                    "the plan was \"a good start,\"",
                ),
                ("indirect", "Okafor", "adding", "more money was needed"),
            ],
        ),
        (
            "a description after an inverted speaker is not resumed content",
            "The river is cleaner than a decade ago, said Lena Park, a chemist at the water board.",
            vec![(
                "indirect",
                "Lena Park",
                "said",
                "The river is cleaner than a decade ago",
            )],
        ),
    ]);
}

#[test]
fn according_to_content_before_table() {
    check(&[
        (
            "a dash after the source: the content stands before",
            "Exports fell for a third month, according to the trade ministry - the longest slide in years.",
            vec![(
                "indirect",
                "the trade ministry",
                "according to",
                "Exports fell for a third month",
            )],
        ),
        (
            "a cue word giving no statement leaves the source its own",
            "The mayor will speak at the fair next week, according to a city notice.",
            vec![(
                "indirect",
                "a city notice",
                "according to",
                "The mayor will speak at the fair next week",
            )],
        ),
        (
            "a phrase before an according to set off by commas: the clause resumes after it",
            "Shortly after noon, according to the fire service, the crews reached the mill.",
            vec![(
                "indirect",
                "the fire service",
                "according to",
                "Shortly after noon ... the crews reached the mill",
            )],
        ),
        (
            "the clause resumes past an appositive of the source at a verb",
            "At the root of the delay, according to Ana Ruiz, a former port official, was a lack of cranes.",
            vec![(
                "indirect",
                "Ana Ruiz",
                "according to",
                "At the root of the delay ... was a lack of cranes",
            )],
        ),
        (
            "a clause with its verb before the source does not resume past it",
            "The crews reached the mill, according to the fire service, which sent four engines.",
            vec![(
                "indirect",
                "the fire service",
                "according to",
                "The crews reached the mill",
            )],
        ),
    ]);
}

#[test]
fn speaker_apart_from_cue_table() {
    check(&[
        (
            "a description with an abbreviation and a currency sign between quotation and name",
            "\"We will not stop,\" Fight for $20 co-chair J. R. Okoye said.",
            vec![("direct", "J. R. Okoye", "said", "We will not stop")],
        ),
        (
            "a quotation closed by a question mark before a description and a name",
            "\"Who pays for it?\" longtime county treasurer Mo Diaz asked.",
            vec![("direct", "Mo Diaz", "asked", "Who pays for it?")],
        ),
        (
            "a description before a name after a quotation, an appositive before the cue",
            "\"We had better years,\" county delegate Ana Ruiz, a retired teacher, said.",
            vec![(
                "direct",
                "Ana Ruiz",
                "said",
                "We had better years",
            )],
        ),
        (
            "an absolute phrase with a number before a say participle",
            "The vote was close, with 40 percent of the members saying the fee was too high.",
            vec![(
                "indirect",
                "40 percent of the members",
                "saying",
                "the fee was too high",
            )],
        ),
        (
            "an absolute phrase before a naming participle, a title's modifier first",
            "The debate grew heated, with former Gov. Ana Ruiz calling the levy a disgrace.",
            vec![(
                "indirect",
                "Ana Ruiz",
                "calling",
                "the levy a disgrace",
            )],
        ),
        (
            "a second absolute phrase joined by `and` ends the first one's content",
            "The plan drew fire, with the union calling it a giveaway and the mayor praising \
             its reach.",
            vec![("indirect", "the union", "calling", "it a giveaway")],
        ),
        (
            "no absolute phrase of a speaker when a verb stands in the noun phrase",
            "The town cheered, with his campaign buffeted by losses and denying the report.",
            vec![],
        ),
        (
            "an aside between double hyphens after the speaker",
            "The harbor master -- who has worked the docks for years -- said the pier was unsafe.",
            vec![(
                "indirect",
                "The harbor master",
                "said",
                "the pier was unsafe",
            )],
        ),
        (
            "a quantifier before a lowercase singular noun opens the speaker phrase; the participle aside ends with it",
            "One longtime volunteer, noting the early frost, said the shelter was full.",
            vec![
                ("indirect", "One longtime volunteer", "noting", "the early frost"),
                (
                    "indirect",
                    "One longtime volunteer",
                    "said",
                    "the shelter was full",
                ),
            ],
        ),
        (
            "a number abbreviation inside the appositive ends no sentence",
            "Tom Varga, the No. 3 official at the port, said the cranes were idle.",
            vec![("indirect", "Tom Varga", "said", "the cranes were idle")],
        ),
        (
            "a phrase of plain words between the cue and that",
            "Ines Moreau said in one of a string of posts on her website that the mill would close.",
            vec![("indirect", "Ines Moreau", "said", "the mill would close")],
        ),
        (
            "a phrase opened by to before a verb is no phrase before that",
            "The council vowed to fine the firms that dump waste in the river.",
            vec![(
                "indirect",
                "The council",
                "vowed",
                "to fine the firms that dump waste in the river",
            )],
        ),
        (
            "a dash aside holding commas after a description with a preposition",
            "Several workers at the mill \u{2014} welders, drivers, clerks \u{2014} said the wages were too low.",
            vec![(
                "indirect",
                "Several workers at the mill",
                "said",
                "the wages were too low",
            )],
        ),
        (
            "a party and state after a name, then a participle aside",
            "Sen. Maria Lund, D-Minn., speaking after the hearing, said the bill was dead.",
            vec![("indirect", "Maria Lund", "said", "the bill was dead")],
        ),
    ]);
}

#[test]
fn praise_and_reference_cues_table() {
    check(&[
        (
            "lauded takes a noun phrase",
            "The governor lauded the volunteers for their \"tireless work\" after the flood.",
            vec![(
                "partial",
                "The governor",
                "lauded",
                "the volunteers for their \"tireless work\" after the flood",
            )],
        ),
        (
            "heralded takes a noun phrase",
            "The minister heralded a new rail link to the coast.",
            vec![(
                "indirect",
                "The minister",
                "heralded",
                "a new rail link to the coast",
            )],
        ),
        (
            "referenced with a quotation",
            "The bank referenced \"stubborn inflation\" in its outlook.",
            vec![(
                "partial",
                "The bank",
                "referenced",
                "\"stubborn inflation\" in its outlook",
            )],
        ),
        (
            "a website is a phrase head between the cue and its content",
            "The league says on its website that the final was moved to June.",
            vec![(
                "indirect",
                "The league",
                "says",
                "the final was moved to June",
            )],
        ),
    ]);
}

#[test]
fn question_verbs_table() {
    check(&[(
        "pressed by a named asker puts a question like asked",
        "When pressed by the host about how the dam would be paid for, the mayor said the state would help.",
        vec![
            (
                "indirect",
                "the host",
                "pressed",
                "about how the dam would be paid for",
            ),
            ("indirect", "the mayor", "said", "the state would help"),
        ],
    )]);
}

#[test]
fn colon_opener_block_quote_table() {
    check(&[
        (
            "a paragraph set as a block quote after 'X added:'",
            "The coach added:\n\nWe played hard all season and we will be back next year.\n",
            vec![(
                "direct",
                "The coach",
                "added",
                "We played hard all season and we will be back next year.",
            )],
        ),
        (
            "a short line after the colon is no block quote",
            "The coach added:\n\nMore soon.\n",
            vec![],
        ),
    ]);
}

#[test]
fn noun_cue_clause_end_table() {
    check(&[
        (
            "a noun cue's that clause ends before the sentence's own verb",
            "Her claim that the bridge was unsafe was rejected by the board.",
            vec![("indirect", "she", "claim", "the bridge was unsafe")],
        ),
        (
            "a past form in -ed after the clause's verb is the sentence's own",
            "Her claim that the bridge was unsafe sparked an inquiry.",
            vec![("indirect", "she", "claim", "the bridge was unsafe")],
        ),
        (
            "a past participle after an auxiliary stays in the clause",
            "His warning that the vote was rigged prompted a recount.",
            vec![("indirect", "he", "warning", "the vote was rigged")],
        ),
        (
            "a participle after not stays in the clause",
            "Her insistence that the plan had not failed surprised the council.",
            vec![("indirect", "she", "insistence", "the plan had not failed")],
        ),
        (
            "a reduced relative before a preposition stays in the clause",
            "His promise that the mayor would sign laws passed by the council was kept.",
            vec![(
                "indirect",
                "he",
                "promise",
                "the mayor would sign laws passed by the council",
            )],
        ),
        (
            "a conjunction keeps a second verb inside the clause; an irregular past ends it",
            "His warning that rents were rising and wages were flat went unheeded.",
            vec![(
                "indirect",
                "he",
                "warning",
                "rents were rising and wages were flat",
            )],
        ),
        (
            "an adjective in un- after a verb no table knows is not the sentence's verb (the verb is not seen)",
            "Her warning that the dam was unsafe remains unheeded.",
            vec![(
                "indirect",
                "she",
                "warning",
                "the dam was unsafe remains unheeded",
            )],
        ),
    ]);
}

#[test]
fn writer_appositives_and_dangling_connectives_table() {
    check(&[
        (
            "a writer's appositive naming the clause a claim ends the content",
            "Moreau said the levee was sound, a claim engineers dispute.",
            vec![("indirect", "Moreau", "said", "the levee was sound")],
        ),
        (
            "an adjective may stand before the appositive's noun",
            "The mayor said the depot would close, an apparent swipe at the province.",
            vec![("indirect", "The mayor", "said", "the depot would close")],
        ),
        (
            "a conjunction left before the next attribution is dropped",
            "The mayor said the town would recover, and the premier agreed.",
            vec![("indirect", "The mayor", "said", "the town would recover")],
        ),
    ]);
}

#[test]
fn verbs_that_state_nothing_table() {
    check(&[
        (
            "a verb that gives no statement ends no content before it",
            "Ruth Ames told the paper that she thinks the strike will continue until the spring.",
            vec![(
                "indirect",
                "Ruth Ames",
                "told",
                "she thinks the strike will continue until the spring",
            )],
        ),
        (
            "a clause set off by a comma ends the content though its verb states nothing",
            "Ruth Ames said the strike was over, and a union leaflet quoted the new terms.",
            vec![("indirect", "Ruth Ames", "said", "the strike was over")],
        ),
        (
            "a verb joined to the speaker's ends the content though it states nothing",
            "Ruth Ames said the strike was over and warned against any new walkouts.",
            vec![("indirect", "Ruth Ames", "said", "the strike was over")],
        ),
    ]);
}

#[test]
fn titles_and_subject_participles_table() {
    check(&[
        (
            "a title after a possessive in the tail: the content stands before the cue",
            "The ferry was the town's lifeline for decades, she said Monday morning on KRVN's \u{201c}Farm Hour.\u{201d}",
            vec![(
                "indirect",
                "she",
                "said",
                "The ferry was the town's lifeline for decades",
            )],
        ),
        (
            "a title after a possessive in a lead opened by a weekday is no quotation of the speaker's",
            "Monday on KRVN's \u{201c}Farm Hour,\u{201d} Ana Ruiz said the ferry would run again in May.",
            vec![(
                "indirect",
                "Ana Ruiz",
                "said",
                "the ferry would run again in May",
            )],
        ),
        (
            "a participle after the content's subject describes it; the clause goes on",
            "The port authority says shippers, facing higher fees, moved their cargo to Halifax.",
            vec![(
                "indirect",
                "The port authority",
                "says",
                "shippers, facing higher fees, moved their cargo to Halifax",
            )],
        ),
    ]);
}

#[test]
fn fronted_adverbial_clause_table() {
    check(&[
        (
            "a content in a fronted `although` clause ends where the main clause starts",
            "Although Roe said the council would repeal the levy, she voted against the measure.",
            vec![(
                "indirect",
                "Roe",
                "said",
                "the council would repeal the levy",
            )],
        ),
        (
            "a main clause with an irregular verb and no comma after it",
            "After the mayor said the budget was balanced, auditors found a gap of $3 million.",
            vec![("indirect", "the mayor", "said", "the budget was balanced")],
        ),
        (
            "a relative clause inside the fronted content goes on to its verb",
            "Although Roe said the plan, which passed in May, would fail, she voted for it.",
            vec![(
                "indirect",
                "Roe",
                "said",
                "the plan, which passed in May, would fail",
            )],
        ),
        (
            "a list inside the fronted content goes on",
            "While Roe said the levy would hurt farmers, ranchers and growers, she kept it.",
            vec![(
                "indirect",
                "Roe",
                "said",
                "the levy would hurt farmers, ranchers and growers",
            )],
        ),
        (
            "a cue in the main clause keeps its own content",
            "Though Roe insisted the levy would go, Lee told reporters it would stay.",
            vec![
                ("indirect", "Roe", "insisted", "the levy would go"),
                ("indirect", "Lee", "told", "it would stay"),
            ],
        ),
        (
            "a fronted `having` participle: the main clause's subject speaks",
            "Having announced that the ferry would stop, Judge Ana Ruiz adjourned the hearing.",
            vec![("indirect", "Ana Ruiz", "announced", "the ferry would stop")],
        ),
        (
            "a fronted `while` and a gerund cue: a main clause with a determiner subject",
            "While insisting the levy would go, the mayor kept it in the budget.",
            vec![("indirect", "the mayor", "insisting", "the levy would go")],
        ),
        (
            "`Having said that` has no content and no speaker of its own",
            "Having said that, the mayor left.",
            vec![],
        ),
        (
            "a participle between the subject and its verb ends before the verb",
            "Roe, while insisting the levy would go, kept it in the budget.",
            vec![("indirect", "Roe", "insisting", "the levy would go")],
        ),
        (
            "an adverb before the participle; a relative clause inside its content goes on",
            "Roe, after initially saying the levy, which passed in May, would go, kept it.",
            vec![(
                "indirect",
                "Roe",
                "saying",
                "the levy, which passed in May, would go",
            )],
        ),
        (
            "without an opener, a comma clause after the content stays the speaker's",
            "Roe said the levy would go, the council would meet and the fund would close.",
            vec![(
                "indirect",
                "Roe",
                "said",
                "the levy would go, the council would meet and the fund would close",
            )],
        ),
    ]);
}
