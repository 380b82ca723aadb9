//! Where the speaker stands (before, inverted, appositive, colon, dash, previous sentence)
//! and who a mention resolves to.

use super::check;
use crate::article::Article;
use crate::extract::extract_unfiltered;

#[test]
fn speaker_position_table() {
    check(&[
        (
            "abbreviated title keeps its period",
            "\"People make claims,\" Mrs. Clinton said, a hint of frustration in her voice.",
            vec![("direct", "Clinton", "said", "People make claims")],
        ),
        (
            "long appositive with a relative clause and a second appositive",
            "Geoff Garin, a pollster who works with Priorities USA, a pro-Clinton group, \
             said the primaries have helped her.",
            vec![(
                "indirect",
                "Geoff Garin",
                "said",
                "the primaries have helped her",
            )],
        ),
        (
            "inverted, relative clause about the speaker",
            "\"It was a big deal,\" said Jim Whelan who represents Atlantic City.",
            vec![("direct", "Jim Whelan", "said", "It was a big deal")],
        ),
        (
            "description, then the name closed by a comma before the cue",
            "Few were convinced. One of the founders of the club, Mary Holt, said the merger \
             would at least test their rules.",
            vec![(
                "indirect",
                "Mary Holt",
                "said",
                "the merger would at least test their rules",
            )],
        ),
        (
            "a clause after an inverted cue is content, not a speaker",
            "A nurse from the valley, wearing a badge of the union, said he had doubts about it.",
            vec![(
                "indirect",
                "A nurse from the valley",
                "said",
                "he had doubts about it",
            )],
        ),
        (
            "the object of a relative clause before the cue is no speaker",
            "The nurse who treated Lena Holm said the wound was deep.",
            vec![("indirect", "The nurse", "said", "the wound was deep")],
        ),
        (
            "a prepositional phrase between the subject and its relative clause",
            "A voter in Dover who backed Lena Holm said the economy came first.",
            vec![("indirect", "A voter", "said", "the economy came first")],
        ),
        (
            "the subject after a complementizer deep in a long clause",
            "The good news for the mayor is that most residents in the valley said the tax \
             was fair.",
            vec![(
                "indirect",
                "most residents in the valley",
                "said",
                "the tax was fair",
            )],
        ),
        (
            "the subject of a relative clause opened by a preposition and which",
            "Holm faces a county in which 60 percent of farmers say the levy is unfair.",
            vec![(
                "indirect",
                "60 percent of farmers",
                "say",
                "the levy is unfair",
            )],
        ),
        (
            // (A quotation keeps the nested report a statement of its own, whose speaker is
            // what this row tests.)
            "that before a quantifier opens a clause, not a phrase",
            "The officials noted that most farmers said the levy was \"unfair.\"",
            vec![
                (
                    "partial",
                    "The officials",
                    "noted",
                    "most farmers said the levy was \"unfair.\"",
                ),
                (
                    "partial",
                    "most farmers",
                    "said",
                    "the levy was \"unfair.\"",
                ),
            ],
        ),
        (
            "an object relative clause inside the subject stays in it",
            "The workers that the mayor fired said the plant was unsafe.",
            vec![(
                "indirect",
                "The workers that the mayor fired",
                "said",
                "the plant was unsafe",
            )],
        ),
        (
            "a cue inside a relative clause of the description is the description's",
            "The clerk of the county, a Democrat who spoke on the condition of anonymity, \
             said the ballots were counted twice.",
            vec![(
                "indirect",
                "The clerk of the county",
                "said",
                "the ballots were counted twice",
            )],
        ),
        (
            "lowercase description between the quotation and the speaker",
            "\"Our allies no longer trust us,\" former state governor Tom Reyes said.",
            vec![(
                "direct",
                "Tom Reyes",
                "said",
                "Our allies no longer trust us",
            )],
        ),
        (
            "a quotation inside the clause is no quotation before the speaker",
            "The \"open door\" policy Smith cited has appeared in many speeches.",
            vec![],
        ),
        (
            "colon",
            "Smith said: \"The plan failed.\"",
            vec![("direct", "Smith", "said", "The plan failed.")],
        ),
        (
            "inverted, title stripped",
            "\"The plan failed,\" said Commissioner Jane Doe.",
            vec![("direct", "Jane Doe", "said", "The plan failed")],
        ),
        (
            "a hyphenated role word between a modifier and the name",
            "Democratic front-runner Jane Doe weighed in on Friday, saying the plan failed.",
            vec![("indirect", "Jane Doe", "saying", "the plan failed")],
        ),
        (
            "inverted, lowercase speaker phrase",
            "\"The plan failed,\" said one former campaign aide.",
            vec![(
                "direct",
                "one former campaign aide",
                "said",
                "The plan failed",
            )],
        ),
        (
            "dash",
            "\"The plan failed\" \u{2014} Commissioner Jane Doe",
            vec![("direct", "Jane Doe", "\u{2014}", "The plan failed")],
        ),
        (
            "appositive",
            "Hugh Hill, a doctor at Mercy Hospital, said the clinic was full.",
            vec![("indirect", "Hugh Hill", "said", "the clinic was full")],
        ),
        (
            "appositive after the quote",
            "\"It is full,\" Hugh Hill, a doctor at Mercy Hospital, said.",
            vec![("direct", "Hugh Hill", "said", "It is full")],
        ),
        (
            "appositive after a name that ends in a suffix's period",
            "\"It is full,\" Hugh Hill Jr., a doctor at Mercy Hospital, said.",
            vec![("direct", "Hugh Hill Jr", "said", "It is full")],
        ),
        (
            "speaker in the previous sentence",
            "Jane Smith was asked about it. \"No comment.\"",
            vec![("direct", "Jane Smith", "", "No comment.")],
        ),
        (
            "colon frame without a listed cue",
            "Jane Smith resisted: \"We will not move.\"",
            vec![("direct", "Jane Smith", "resisted", "We will not move.")],
        ),
        (
            "according to",
            "The economy is slowing, according to the central bank.",
            vec![(
                "indirect",
                "the central bank",
                "according to",
                "The economy is slowing",
            )],
        ),
        (
            "in a statement",
            "The company said in a statement that profits fell.",
            vec![("indirect", "The company", "said", "profits fell")],
        ),
        (
            "parenthetical attribution",
            "An ambassador's job, he said, should be to counter lies.",
            vec![(
                "indirect",
                "he",
                "said",
                "An ambassador's job ... should be to counter lies",
            )],
        ),
    ]);
}

#[test]
fn speaker_resolution_table() {
    check(&[
        (
            "role noun to the last full name",
            "Defense Secretary Lloyd Austin spoke first.\n\n\"We are ready,\" the defense secretary said.",
            vec![("direct", "Lloyd Austin", "said", "We are ready")],
        ),
        (
            "metonym kept as institution",
            "The Kremlin said the talks were useful.",
            vec![("indirect", "The Kremlin", "said", "the talks were useful")],
        ),
        (
            "possessive role",
            "Putin's spokesman said the talks were useful.",
            vec![("indirect", "Putin's spokesman", "said", "the talks were useful")],
        ),
    ]);
}

#[test]
fn described_sources_after_content_table() {
    check(&[
        (
            "an adjective between the article and the source noun",
            "The ferry will not sail until spring, a former official said.",
            vec![(
                "indirect",
                "a former official",
                "said",
                "The ferry will not sail until spring",
            )],
        ),
        (
            "a place name and a noun before the source noun",
            "The runway was closed for repairs, a Lagos airport official told reporters.",
            vec![(
                "indirect",
                "a Lagos airport official",
                "told",
                "The runway was closed for repairs",
            )],
        ),
        (
            "plural sources with modifiers and no article",
            "Nobody was hurt in the fire, local police officials said.",
            vec![(
                "indirect",
                "local police officials",
                "said",
                "Nobody was hurt in the fire",
            )],
        ),
        (
            "a quantifier that is also a determiner, alone as the subject",
            "Some say the vote will be delayed, and several said it should be.",
            vec![
                ("indirect", "Some", "say", "the vote will be delayed"),
                ("indirect", "several", "said", "it should be"),
            ],
        ),
        (
            "a quantifier before a noun `say` is no subject",
            "The tenants want some say in the vote.",
            vec![],
        ),
        (
            "a quantifier before the source noun",
            "The vote will be delayed, one official said.",
            vec![(
                "indirect",
                "one official",
                "said",
                "The vote will be delayed",
            )],
        ),
        (
            "a modifier between the source link and the name",
            "\"The facts have not changed,\" a spokeswoman for council Democrats said.",
            vec![("direct", "Democrats", "said", "The facts have not changed")],
        ),
        (
            "a cue in a relative clause on a noun takes no content from before it",
            "Hart said the dam was sound, a claim Reed rejected.",
            vec![("indirect", "Hart", "said", "the dam was sound")],
        ),
    ]);
}

#[test]
fn inverted_speakers_with_trailing_words_table() {
    check(&[
        (
            "a prepositional description after an inverted speaker",
            "\"We have work to do,\" said a longtime adviser to the mayor, who asked for anonymity.",
            vec![("direct", "a longtime adviser", "said", "We have work to do")],
        ),
        (
            "a time clause after an inverted speaker",
            "\"Anyone who breaks the rules pays,\" said Dana Golan when asked about the fines.",
            vec![("direct", "Dana Golan", "said", "Anyone who breaks the rules pays")],
        ),
        (
            "a relative clause with a cue of its own after an inverted speaker",
            "\"The plan will fail,\" said Ana Borges, who predicted about one-third of the \
             buses would stop.",
            vec![
                ("direct", "Ana Borges", "said", "The plan will fail"),
                (
                    "indirect",
                    "Ana Borges",
                    "predicted",
                    "about one-third of the buses would stop",
                ),
            ],
        ),
        (
            "a clause with a verb of its own before an inverted cue is content, no appositive",
            "In Gary, the mill is hanging on, but it is under pressure from imports, said the \
             company's chief executive, Ana Ruiz.",
            vec![(
                "indirect",
                "Ana Ruiz",
                "said",
                "In Gary, the mill is hanging on, but it is under pressure from imports",
            )],
        ),
        (
            "a participle description after an inverted speaker",
            "\"There was never an order,\" said the station chief known as Bob.",
            vec![("direct", "the station chief", "said", "There was never an order")],
        ),
    ]);
}

#[test]
fn relative_after_inverted_speaker_mentions_the_name_only() {
    // A regression: the relative clause's speaker phrase read back over the earlier cue
    // ("said Ana Borges").
    let text = "\"The plan will fail,\" said Ana Borges, who added that the state had no money.";
    let got = extract_unfiltered(&Article::from_bytes("t.txt", text.as_bytes()));
    let mentions: Vec<&str> = got.iter().map(|s| s.speaker_mention.as_str()).collect();
    assert_eq!(mentions, ["Ana Borges", "Ana Borges"]);
}

#[test]
fn long_noun_phrase_subjects_table() {
    check(&[
        (
            "a subject of sixteen words with no verb or clause word in it",
            "Nearly half of the farmers interviewed in three provinces during the drought say \
             prices must rise.",
            vec![(
                "indirect",
                "Nearly half of the farmers interviewed in three provinces during the drought",
                "say",
                "prices must rise",
            )],
        ),
        (
            "a long subject with a relative clause in it is not read",
            "Most residents who moved to the valley in the last decade since the plant opened \
             say rents are too high.",
            vec![],
        ),
        (
            "a capitalised modifier opening the sentence is no name",
            "Large majorities of voters said the economy was the top issue.",
            vec![(
                "indirect",
                "Large majorities of voters",
                "said",
                "the economy was the top issue",
            )],
        ),
        (
            "a reflexive after a name leaves the name",
            "Trump himself said the deal was bad.",
            vec![("indirect", "Trump", "said", "the deal was bad")],
        ),
        (
            "a date in a long description is no name",
            "A March 3 memo from the regional transport board to its members warns that fares \
             will rise.",
            vec![(
                "indirect",
                "A March 3 memo from the regional transport board to its members",
                "warns",
                "fares will rise",
            )],
        ),
        (
            "a fraction subject keeps its first number",
            "One in four voters said tolls were too high. Five in ten drivers said the roads \
             were worse.",
            vec![
                (
                    "indirect",
                    "One in four voters",
                    "said",
                    "tolls were too high",
                ),
                (
                    "indirect",
                    "Five in ten drivers",
                    "said",
                    "the roads were worse",
                ),
            ],
        ),
    ]);
}

#[test]
fn unnamed_subject_before_an_appositive_table() {
    check(&[
        (
            "a share of a group, its number in apposition",
            "A fifth of renters, 21 percent, say the rules are unfair.",
            vec![(
                "indirect",
                "A fifth of renters",
                "say",
                "the rules are unfair",
            )],
        ),
        (
            "a description, an including-appositive with a relative clause",
            "Many farmers in the valley, including some who sold land to the city, said the \
             price was too low.",
            vec![(
                "indirect",
                "Many farmers in the valley",
                "said",
                "the price was too low",
            )],
        ),
        (
            "an adverb between commas",
            "Opponents of the new road, however, say it will cut the town in two.",
            vec![(
                "indirect",
                "Opponents",
                "say",
                "it will cut the town in two",
            )],
        ),
        (
            "the subject of a first verb ends on its noun, not a link word",
            "Hundreds of nurses marched to the ministry and said wages were too low.",
            vec![(
                "indirect",
                "Hundreds of nurses",
                "said",
                "wages were too low",
            )],
        ),
        (
            "the subject of a first verb ends on its noun, not a determiner",
            "A spokesman for the union met the minister and said talks would go on.",
            vec![("indirect", "the union", "said", "talks would go on")],
        ),
        (
            "a clause before the commas is content of an inverted cue",
            "The bridge also needs repairs after the flood, which damaged its piers, said the \
             engineer.",
            vec![(
                "indirect",
                "the engineer",
                "said",
                "The bridge also needs repairs after the flood, which damaged its piers",
            )],
        ),
    ]);
}

#[test]
fn a_year_or_number_before_the_cue_table() {
    check(&[
        (
            "a cue in `-ed` after a year is a verb when a clause follows",
            "A survey from 2019 noted that most riders paid cash.",
            vec![(
                "indirect",
                "A survey from 2019",
                "noted",
                "most riders paid cash",
            )],
        ),
        (
            "a participle after a number and before its noun is no cue",
            "The 40 pledged delegates met in May.",
            vec![],
        ),
        (
            "a year after a source noun's `from` names no source: the phrase is the speaker",
            "A letter from 1998 warned that the dam would fail.",
            vec![(
                "indirect",
                "A letter from 1998",
                "warned",
                "the dam would fail",
            )],
        ),
        (
            "a name after a source noun's `from` is the source",
            "A letter from the mayor warned that the dam would fail.",
            vec![("indirect", "the mayor", "warned", "the dam would fail")],
        ),
    ]);
}
