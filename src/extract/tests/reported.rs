//! Reported speech: cue classes, addressees, participles, coordinated verbs, headlines.

use super::check;

#[test]
fn reported_speech_table() {
    check(&[
        (
            "told reporters",
            "Jane Smith told reporters that the bill was dead.",
            vec![("indirect", "Jane Smith", "told", "the bill was dead")],
        ),
        (
            "an addressee's description and a time word before `that`",
            "Jane Smith told The Harbour Gazette newspaper of Halifax on Friday that the bill \
             was dead.",
            vec![("indirect", "Jane Smith", "told", "the bill was dead")],
        ),
        (
            "told NP a story that ...: what was told, not a relative clause's content",
            "Jane Smith told the crowd a story that made them laugh.",
            vec![(
                "indirect",
                "Jane Smith",
                "told",
                "the crowd a story that made them laugh",
            )],
        ),
        (
            "a closing tell cue: a name before the addressee's lowercase head, then a weekday",
            "The grant covers two new clinics, Jane Smith told the Senate committee Tuesday.",
            vec![(
                "indirect",
                "Jane Smith",
                "told",
                "The grant covers two new clinics",
            )],
        ),
        (
            "a closing tell cue: an indefinite addressee, then a prepositional phrase",
            "The grant covers two new clinics, Jane Smith told a panel in the capital.",
            vec![(
                "indirect",
                "Jane Smith",
                "told",
                "The grant covers two new clinics",
            )],
        ),
        (
            "`that` and a verb after the addressee open a relative clause, not the content",
            "\"We will not wait,\" Jane Smith told a crowd at the hall that packed the aisles.",
            vec![("direct", "Jane Smith", "told", "We will not wait")],
        ),
        (
            "a request holds its addressee: urged NP to ...",
            "Jane Smith urged the council to delay the vote.",
            vec![(
                "indirect",
                "Jane Smith",
                "urged",
                "the council to delay the vote",
            )],
        ),
        (
            "`to` and a bare verb after a weekday is an infinitive, not a phrase (`to ... visit`)",
            "Jane Smith told the council Monday to block the visit.",
            vec![(
                "indirect",
                "Jane Smith",
                "told",
                "the council Monday to block the visit",
            )],
        ),
        (
            "a subordinate clause opening the reported clause, a comma after it",
            "Roe said when he took office, the deficit was larger than the budget.",
            vec![(
                "indirect",
                "Roe",
                "said",
                "when he took office, the deficit was larger than the budget",
            )],
        ),
        (
            "an attribution after a quotation closed by a comma ends the content before",
            "Her friends call him \"a real menace,\" Jane said as she turned to leave.",
            vec![("partial", "Her friends", "call", "him \"a real menace,\"")],
        ),
        (
            "an aspect verb and `to` before the cue: its subject speaks",
            "After the hearing, Roe continued to say the audit had been rigged.",
            vec![("indirect", "Roe", "say", "the audit had been rigged")],
        ),
        (
            "a two-word aspect verb, a complementizer after the cue",
            "Roe went on to explain that the levy would end in May.",
            vec![("indirect", "Roe", "explain", "the levy would end in May")],
        ),
        (
            "an adverb and an aspect verb before a participle cue",
            "The tenants immediately began calling for the landlord to resign.",
            vec![(
                "indirect",
                "The tenants",
                "calling for",
                "the landlord to resign",
            )],
        ),
        (
            "a time phrase between the cue and that",
            "The mayor said last week that the bridge would reopen.",
            vec![("indirect", "The mayor", "said", "the bridge would reopen")],
        ),
        (
            "a noun-phrase object ends before a second verb of the subject",
            "The governor praised the new budget and quickly signed the order.",
            vec![("indirect", "The governor", "praised", "the new budget")],
        ),
        (
            "a noun-phrase object ends before a new subject",
            "The governor praised the new budget, but she voted against the bill.",
            vec![("indirect", "The governor", "praised", "the new budget")],
        ),
        (
            "a naming cue with a pronoun object and no quotation",
            "At the hearing the mayor called him reckless.",
            vec![("indirect", "the mayor", "called", "him reckless")],
        ),
        (
            "called NAME a Z: a name and what it is called",
            "At the rally Roe called Lena Holm a danger to the valley.",
            vec![(
                "indirect",
                "Roe",
                "called",
                "Lena Holm a danger to the valley",
            )],
        ),
        (
            "calls NAME a possessive noun phrase",
            "At the rally Roe calls Lena Holm her closest ally.",
            vec![("indirect", "Roe", "calls", "Lena Holm her closest ally")],
        ),
        (
            "called NP a Z: a determiner and a noun, then what it is called",
            "Roe called the new levy an insult to farmers.",
            vec![(
                "indirect",
                "Roe",
                "called",
                "the new levy an insult to farmers",
            )],
        ),
        (
            "called NP ADJ: an adjective by its ending is what the noun phrase is called",
            "Roe called the new levy reckless.",
            vec![("indirect", "Roe", "called", "the new levy reckless")],
        ),
        (
            "calls NAME ADJ",
            "Roe calls Lena Holm unqualified.",
            vec![("indirect", "Roe", "calls", "Lena Holm unqualified")],
        ),
        (
            "called NP with no adjective ending names nothing (a compound noun)",
            "The mayor called the county attorney.",
            vec![],
        ),
        (
            "called NAME and a time phrase names nothing",
            "Roe called Lena Holm an hour later.",
            vec![],
        ),
        (
            "a naming cue in a phrasal verb is no naming",
            "The mayor called it off after the storm.",
            vec![],
        ),
        (
            "a naming word as a noun before a verb is no naming",
            "The roll call itself was long and noisy.",
            vec![],
        ),
        (
            "a poll's share as the subject",
            "About 3 in 10 say the bus fare should be lower.",
            vec![(
                "indirect",
                "About 3 in 10",
                "say",
                "the bus fare should be lower",
            )],
        ),
        (
            "a percentage as the subject",
            "On schools the split is wide: 52% say the district needs more teachers.",
            vec![("indirect", "52%", "say", "the district needs more teachers")],
        ),
        (
            "a cue inside the subject's relative clause",
            "Teachers who spoke with the council said the new rota was unworkable.",
            vec![(
                "indirect",
                "Teachers",
                "said",
                "the new rota was unworkable",
            )],
        ),
        (
            "a semicolon ends reported content",
            "Jane Smith said the bridge would reopen in May; others expect a longer delay.",
            vec![(
                "indirect",
                "Jane Smith",
                "said",
                "the bridge would reopen in May",
            )],
        ),
        (
            "a list goes on over its semicolons",
            "Jane Smith said the plan covers roads; it covers bridges; and it covers ports.",
            vec![(
                "indirect",
                "Jane Smith",
                "said",
                "the plan covers roads; it covers bridges; and it covers ports",
            )],
        ),
        (
            "told CNN (addressee is not the speaker)",
            "Jane Smith told CNN the bill was dead.",
            vec![("indirect", "Jane Smith", "told", "the bill was dead")],
        ),
        (
            "wrote on Twitter",
            "Jane Smith wrote on Twitter that the bill was dead.",
            vec![("indirect", "Jane Smith", "wrote", "the bill was dead")],
        ),
        (
            "in an interview with",
            "Jane Smith said in an interview with CNN that the bill was dead.",
            vec![("indirect", "Jane Smith", "said", "the bill was dead")],
        ),
        (
            "warned without that",
            "Jane Smith warned the bill was dead.",
            vec![("indirect", "Jane Smith", "warned", "the bill was dead")],
        ),
        (
            "denied a noun phrase",
            "Jane Smith denied the reports.",
            vec![("indirect", "Jane Smith", "denied", "the reports")],
        ),
        (
            "saying participle",
            "Jane Smith left the room, saying the bill was dead.",
            vec![("indirect", "Jane Smith", "saying", "the bill was dead")],
        ),
        (
            "participle after a leading adverbial",
            "On Thursday, Jane Smith appeared on TV, saying the bill was dead.",
            vec![("indirect", "Jane Smith", "saying", "the bill was dead")],
        ),
        (
            "coordinated speech verbs: each its own statement, split at the conjunction",
            "Jane Smith praised the bill and stressed that it would pass.",
            vec![
                ("indirect", "Jane Smith", "praised", "the bill"),
                ("indirect", "Jane Smith", "stressed", "it would pass"),
            ],
        ),
        (
            "a participle clause after the content is the writer's",
            "Sanders told reporters he would not seek a recount, conceding the race.",
            vec![("indirect", "Sanders", "told", "he would not seek a recount")],
        ),
        (
            "title-case headline",
            "Clinton Says Russians Hacked DNC",
            vec![("indirect", "Clinton", "Says", "Russians Hacked DNC")],
        ),
        (
            "participle after a preposition: the subject speaks",
            "The candidate ended by saying, \"We will win this state.\"",
            vec![(
                "direct",
                "The candidate",
                "saying",
                "We will win this state.",
            )],
        ),
        (
            "a verb joined to an attributed one keeps its speaker",
            "But Sanders told reporters that he would stay and said \"the record is clear.\"",
            vec![
                ("indirect", "Sanders", "told", "he would stay"),
                ("direct", "Sanders", "said", "the record is clear."),
            ],
        ),
        (
            "speech act with a noun-phrase object",
            "Rubio criticized the climate accord adopted in Paris.",
            vec![(
                "indirect",
                "Rubio",
                "criticized",
                "the climate accord adopted in Paris",
            )],
        ),
        (
            "called for",
            "Jane Smith called for a new vote on the bill.",
            vec![(
                "indirect",
                "Jane Smith",
                "called for",
                "a new vote on the bill",
            )],
        ),
        (
            "relative clause",
            "Ukraine, which had warned that Russia would invade, asked for help.",
            vec![
                ("indirect", "Ukraine", "warned", "Russia would invade"),
                ("indirect", "Ukraine", "asked", "for help"),
            ],
        ),
        (
            "according to a common noun phrase",
            "Turnout rose sharply, according to exit polls.",
            vec![(
                "indirect",
                "exit polls",
                "according to",
                "Turnout rose sharply",
            )],
        ),
        (
            "promised to",
            "Jane Smith promised to fight the bill.",
            vec![("indirect", "Jane Smith", "promised", "to fight the bill")],
        ),
        (
            "quoted cue needs a quotation",
            "Jane Smith called the plan \"a disaster\".",
            vec![("partial", "Jane Smith", "called", "the plan \"a disaster\"")],
        ),
        (
            "quoted cue without one",
            "Jane Smith called a press conference on the bill.",
            vec![],
        ),
        (
            "quantity as speaker",
            "About 9 percent said they had no preference at all.",
            vec![(
                "indirect",
                "About 9 percent",
                "said",
                "they had no preference at all",
            )],
        ),
    ]);
}

#[test]
fn content_ends_before_the_writers_aside_table() {
    check(&[
        (
            "although and the speaker as the aside's subject",
            "Hugo Brandl said the audit was clean, although he again kept the ledgers locked away.",
            vec![("indirect", "Hugo Brandl", "said", "the audit was clean")],
        ),
        (
            "even as and the speaker's name",
            "Hugo Brandl said the audit was clean, even as Brandl kept the figures private.",
            vec![("indirect", "Hugo Brandl", "said", "the audit was clean")],
        ),
        (
            "though and someone else as subject: the clause may be the speaker's",
            "Hugo Brandl said the audit was clean, though the books were late.",
            vec![(
                "indirect",
                "Hugo Brandl",
                "said",
                "the audit was clean, though the books were late",
            )],
        ),
        (
            "a bare plural appositive noun and a relative characterise the clause",
            "Hugo Brandl said the audit was clean, claims that the inspectors could not confirm.",
            vec![("indirect", "Hugo Brandl", "said", "the audit was clean")],
        ),
        (
            "a bare plural noun that is no appositive noun: the clause goes on",
            "Hugo Brandl said the audit was clean, books that nobody had opened included.",
            vec![(
                "indirect",
                "Hugo Brandl",
                "said",
                "the audit was clean, books that nobody had opened included",
            )],
        ),
        (
            "a lone dash opens the writer's aside",
            "Hugo Brandl said the bridge would open in June \u{2015} a date few engineers believe.",
            vec![(
                "indirect",
                "Hugo Brandl",
                "said",
                "the bridge would open in June",
            )],
        ),
        (
            "paired dashes enclose words of the reported clause",
            "Hugo Brandl said the bridge \u{2014} the older of the two \u{2014} would close.",
            vec![(
                "indirect",
                "Hugo Brandl",
                "said",
                "the bridge \u{2014} the older of the two \u{2014} would close",
            )],
        ),
    ]);
}

#[test]
fn content_before_a_cue_with_adjuncts_table() {
    check(&[
        (
            "prepositional phrases after the cue leave the content before it",
            "The party had \"made history\" in the state, she said in a video message to the convention.",
            vec![(
                "partial",
                "she",
                "said",
                "The party had \"made history\" in the state",
            )],
        ),
        (
            "a closing time phrase with that is no complement clause",
            "\"You will look back on this night,\" he said in his speech that night.",
            vec![("direct", "he", "said", "You will look back on this night")],
        ),
        (
            "an infinitive after the cue is its content",
            "At every rally, Mendes vows to cut the tax on fuel.",
            vec![("indirect", "Mendes", "vows", "to cut the tax on fuel")],
        ),
        (
            "a semicolon ends the attribution's clause: the words after it are the writer's",
            "The dam would hold, the engineers insisted on Friday; the mayor ordered an \
             evacuation anyway.",
            vec![("indirect", "the engineers", "insisted", "The dam would hold")],
        ),
        (
            "a semicolon right after the cue and its addressee",
            "The dam would hold, Ines Brandt told the council; two days later it failed.",
            vec![("indirect", "Ines Brandt", "told", "The dam would hold")],
        ),
    ]);
}

#[test]
fn comment_clause_as_table() {
    check(&[
        (
            "a closing `as X said`: the words before are the statement",
            "The bypass is \"years behind schedule,\" as Ines Brandt said on Monday.",
            vec![(
                "partial",
                "Ines Brandt",
                "said",
                "The bypass is \"years behind schedule,\"",
            )],
        ),
        (
            "`as X put it` after a quotation",
            "\"The bypass is years behind schedule,\" as Ines Brandt put it.",
            vec![(
                "direct",
                "Ines Brandt",
                "put it",
                "The bypass is years behind schedule",
            )],
        ),
        (
            "a quotation before a mid-sentence `as X said`",
            "That the bypass is \"years behind,\" as Brandt said in May, alarms the council.",
            vec![(
                "partial",
                "Brandt",
                "said",
                "That the bypass is \"years behind,\"",
            )],
        ),
        (
            "`as` opening a clause with content of its own is no comment clause",
            "The road closed, as Brandt said the council would need more money.",
            vec![(
                "indirect",
                "Brandt",
                "said",
                "the council would need more money",
            )],
        ),
    ]);
}
