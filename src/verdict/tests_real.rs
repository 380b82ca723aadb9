//! The judge's table tests for how real articles quote: dates, short fragments, evidence of
//! a misattribution, editorial conventions, quotations stitched from several places, and one
//! corpus person per name.

use super::*;
use crate::corpus::{parse_transcript, Corpus};
use crate::date::Date;
use crate::finding::{Kind, Reason, SpeakerType, Statement, Verdict};
use crate::matching::Haystack;
use std::path::Path;

/// A transcript: file, date, participants, and turns as (speaker, text).
type Doc<'a> = (&'a str, &'a str, &'a str, &'a [(&'a str, &'a str)]);

/// A verdict and its reason.
type Outcome = (Verdict, Option<Reason>);

/// A corpus of transcripts.
fn corpus(docs: &[Doc]) -> Haystack {
    let docs = docs
        .iter()
        .map(|(name, date, speakers, turns)| {
            let body: Vec<String> = turns.iter().map(|(s, t)| format!("{s}: {t}")).collect();
            let text = format!(
                "---\ntitle: {name}\ndate: {date}\nspeakers: {speakers}\n---\n\n{}\n",
                body.join("\n\n")
            );
            parse_transcript(name, &text).unwrap()
        })
        .collect();
    Haystack::new(Corpus::from_documents(Path::new("."), docs, Vec::new()))
}

/// A statement of `speaker`: `quoted` pieces for a direct or partial one.
fn statement(speaker: &str, kind: Kind, content: &str, quoted: &[&str]) -> Statement {
    Statement {
        file: "a.txt".into(),
        statement_id: "S1".into(),
        line: 1,
        kind,
        speaker: speaker.into(),
        speaker_mention: speaker.into(),
        speaker_role: None,
        speaker_type: SpeakerType::Person,
        cue: Some("said".into()),
        content: content.into(),
        quoted: quoted.iter().map(|q| q.to_string()).collect(),
        content_span: None,
        content_spans: None,
        speaker_span: None,
        cue_span: None,
        statement_date: None,
        via: None,
    }
}

fn day(s: &str) -> Option<Date> {
    Date::parse_iso(s)
}

const DEBATE: &str = "Ann Lee (Candidate); Bob Ray (Candidate); Cy Host (Moderator)";

fn debates() -> Haystack {
    corpus(&[
        (
            "first.txt",
            "2016-09-26",
            DEBATE,
            &[
                (
                    "Cy Host",
                    "Tonight we talk about the bridges and the schools of this state.",
                ),
                (
                    "Ann Lee",
                    "We will rebuild every bridge in the state before the end of my first term. \
                     And I think the schools need new teachers in every county.",
                ),
                (
                    "Bob Ray",
                    "She said, we will raise taxes on every family in the state, and nobody believes it. \
                     Maybe he didn't do a good job and I was unsatisfied with his work. We \
                     have to stop the violence in hell of a year.",
                ),
                (
                    "Ann Lee",
                    "Slashing taxes on the wealthy has never worked for working families anywhere.",
                ),
            ],
        ),
        (
            "second.txt",
            "2016-10-09",
            DEBATE,
            &[(
                "Ann Lee",
                "Our farmers deserve a fair price for every bushel of corn they grow.",
            )],
        ),
    ])
}

#[test]
fn time_table() {
    let hay = debates();
    let th = Thresholds::default();
    let farmers = "Our farmers deserve a fair price for every bushel of corn they grow";
    let table: [(&str, &str, Option<Date>, Outcome); 4] = [
        (
            "a later debate cannot support it",
            farmers,
            day("2016-10-01"),
            (Verdict::Unverified, Some(Reason::OnlyLaterSources)),
        ),
        (
            "the same day can",
            farmers,
            day("2016-10-09"),
            (Verdict::Verbatim, None),
        ),
        (
            "a later day can",
            farmers,
            day("2016-11-01"),
            (Verdict::Verbatim, None),
        ),
        (
            "no date: any transcript, said so",
            farmers,
            None,
            (Verdict::Verbatim, None),
        ),
    ];
    for (name, text, date, (want, reason)) in table {
        let st = statement("Ann Lee", Kind::Direct, text, &[text]);
        let f = judge(&hay, st, date, &th);
        assert_eq!(
            (f.verdict, f.reason),
            (want, reason),
            "{name}: {:?}",
            f.flags
        );
        assert!(
            f.source_date.is_none_or(|d| date.is_none_or(|c| d <= c)),
            "{name}"
        );
    }
    let st = statement("Ann Lee", Kind::Direct, farmers, &[farmers]);
    let f = judge(&hay, st, None, &th);
    assert!(
        f.flags.iter().any(|x| x.contains("no date")),
        "{:?}",
        f.flags
    );
}

#[test]
fn short_fragments_table() {
    let hay = debates();
    let th = Thresholds::default();
    let on = day("2016-09-30");
    let table: [(&str, Kind, &str, &[&str], Outcome); 4] = [
        (
            "three quoted words alone",
            Kind::Direct,
            "rebuild every bridge",
            &["rebuild every bridge"],
            (Verdict::Unverified, Some(Reason::TooShort)),
        ),
        (
            "a fragment whose clause is about the same thing",
            Kind::Partial,
            "she vowed to \"rebuild every bridge\" in the state within her term",
            &["rebuild every bridge"],
            (Verdict::Verbatim, None),
        ),
        (
            "a fragment whose clause is about something else",
            Kind::Partial,
            "she would \"rebuild every bridge\" of trust with voters abroad",
            &["rebuild every bridge"],
            (Verdict::Unverified, Some(Reason::TooShort)),
        ),
        (
            "reported speech of three words is judged as reported speech",
            Kind::Indirect,
            "schools need teachers",
            &[],
            (Verdict::Paraphrase, None),
        ),
    ];
    for (name, kind, text, quoted, (want, reason)) in table {
        let f = judge(&hay, statement("Ann Lee", kind, text, quoted), on, &th);
        assert_eq!(
            (f.verdict, f.reason),
            (want, reason),
            "{name}: {:?}",
            f.alternative
        );
    }
}

#[test]
fn misattribution_needs_evidence_table() {
    let hay = debates();
    let th = Thresholds::default();
    let on = day("2016-09-27");
    let table: [(&str, &str, &str, Verdict); 3] = [
        (
            "the moderator's own words, given to a candidate",
            "Bob Ray",
            "Tonight we talk about the bridges and the schools of this state",
            Verdict::Misattributed,
        ),
        (
            "the other turn is quoting the attributed speaker",
            "Ann Lee",
            "we will raise taxes on every family in the state",
            Verdict::Unverified,
        ),
        (
            "a speaker who is not in that transcript",
            "Dee Out",
            "Tonight we talk about the bridges and the schools of this state",
            Verdict::Unverified,
        ),
    ];
    for (name, speaker, text, want) in table {
        let f = judge(
            &hay,
            statement(speaker, Kind::Direct, text, &[text]),
            on,
            &th,
        );
        assert_eq!(
            f.verdict, want,
            "{name}: {:?} {:?}",
            f.true_speaker, f.flags
        );
    }
}

#[test]
fn editorial_conventions_table() {
    let hay = debates();
    let th = Thresholds::default();
    let on = day("2016-09-27");
    let table: [(&str, &str, &str, &str); 4] = [
        (
            "a dropped sentence-opening And",
            "Ann Lee",
            "We will rebuild every bridge in the state before the end of my first term. I think the schools need new teachers in every county.",
            "-And (filler)",
        ),
        (
            "a negation moved into the word",
            "Bob Ray",
            "Maybe he didn't do a good job and I wasn't satisfied with his work.",
            "(negation in the word)",
        ),
        (
            "an apostrophe typo",
            "Bob Ray",
            "We have to stop the violence in he'll of a year.",
            "(spelling)",
        ),
        (
            "a contraction",
            "Bob Ray",
            "Maybe he did not do a good job and I was unsatisfied with his work.",
            "(contraction)",
        ),
    ];
    for (name, speaker, text, diff) in table {
        let f = judge(
            &hay,
            statement(speaker, Kind::Direct, text, &[text]),
            on,
            &th,
        );
        let diffs: Vec<String> = f.differences.iter().map(ToString::to_string).collect();
        assert_eq!(f.verdict, Verdict::NearVerbatim, "{name}: {diffs:?}");
        assert!(diffs.iter().any(|d| d.contains(diff)), "{name}: {diffs:?}");
    }
    // Reported speech may name whom the speaker called "he".
    let f = judge(
        &hay,
        statement(
            "Bob Ray",
            Kind::Indirect,
            "Maybe Smith didn't do a good job and Bob was unsatisfied with his work",
            &[],
        ),
        on,
        &th,
    );
    assert_ne!(f.verdict, Verdict::Altered, "{:?}", f.differences);
}

#[test]
fn stitched_quotes_table() {
    let hay = debates();
    let th = Thresholds::default();
    let on = day("2016-09-27");
    let pieces = [
        "We will rebuild every bridge in the state before the end of my first term",
        "Slashing taxes on the wealthy has never worked for working families anywhere.",
    ];
    let content = pieces.join(" ... ");
    let f = judge(
        &hay,
        statement("Ann Lee", Kind::Direct, &content, &pieces),
        on,
        &th,
    );
    let diffs: Vec<String> = f.differences.iter().map(ToString::to_string).collect();
    assert_eq!(f.verdict, Verdict::NearVerbatim, "{diffs:?}");
    assert!(
        diffs.iter().any(|d| d.contains("(quotes joined)")),
        "{diffs:?}"
    );
    // A piece that is not the speaker's leaves the whole unverified.
    let wrong = [
        pieces[0],
        "Our schools will close on every Sunday of the year",
    ];
    let content = wrong.join(" ... ");
    let f = judge(
        &hay,
        statement("Ann Lee", Kind::Direct, &content, &wrong),
        on,
        &th,
    );
    assert_ne!(f.verdict, Verdict::NearVerbatim);
    // Two fragments of a partial statement, each the speaker's, are verbatim.
    let f = judge(
        &hay,
        statement(
            "Ann Lee",
            Kind::Partial,
            "she promised to \"rebuild every bridge in the state\" and to find \"new teachers in every county\"",
            &["rebuild every bridge in the state", "new teachers in every county"],
        ),
        on,
        &th,
    );
    assert_eq!(f.verdict, Verdict::Verbatim, "{:?}", f.differences);
}

#[test]
fn one_person_per_name_by_date() {
    let hay = corpus(&[
        (
            "old.txt",
            "1992-10-11",
            "Bill Ross (Candidate)",
            &[(
                "Bill Ross",
                "We will balance the budget of this nation within four years.",
            )],
        ),
        (
            "new.txt",
            "2016-09-26",
            "Hilda Ross (Candidate)",
            &[(
                "Hilda Ross",
                "We will raise the minimum wage for every worker in the land.",
            )],
        ),
    ]);
    let table: [(&str, &str, &str); 3] = [
        ("1992", "1992-10-20", "Bill Ross"),
        ("2016", "2016-10-01", "Hilda Ross"),
        ("before both, nearest", "1990-01-01", "Bill Ross"),
    ];
    for (name, date, want) in table {
        let got = hay.corpus().identities("Ross", day(date));
        assert_eq!(got, [want], "{name}");
    }
    assert_eq!(hay.corpus().identities("Ross", None).len(), 2);
}

/// Paraphrase by meaning: the speaker's words said otherwise, and not the same topic or the
/// opposite claim. Only with the sentence vectors built in.
#[cfg(quotecheck_vectors)]
#[test]
fn paraphrase_by_meaning_table() {
    let hay = corpus(&[(
        "town.txt",
        "2016-09-26",
        DEBATE,
        &[
            (
                "Cy Host",
                "Mrs. Lee, your opponent says the harbour plan will cost jobs. How do you answer?",
            ),
            (
                "Ann Lee",
                "The harbour plan creates work. Thousands of dock workers will be hired to \
                 rebuild the piers, and the shipyards will reopen next spring.",
            ),
            (
                "Ann Lee",
                "I have always opposed the new casino on the waterfront, and I still oppose it.",
            ),
        ],
    )]);
    let th = Thresholds::default();
    let on = day("2016-09-27");
    let table: [(&str, &str, bool); 4] = [
        (
            "the claim in other words",
            "the harbour plan would bring thousands of jobs for dock workers rebuilding the piers",
            true,
        ),
        (
            "the opposite of what she said",
            "she supports building the new casino on the waterfront",
            false,
        ),
        (
            "the same topic, another claim",
            "the harbour plan will be paid for by a new tax on fishing boats",
            false,
        ),
        (
            "nothing she said",
            "the city should lower the speed limit on every school street",
            false,
        ),
    ];
    for (name, text, want) in table {
        let f = judge(
            &hay,
            statement("Ann Lee", Kind::Indirect, text, &[]),
            on,
            &th,
        );
        assert_eq!(
            f.verdict == Verdict::Paraphrase,
            want,
            "{name}: {:?} {:?}",
            f.verdict,
            f.meaning
        );
        if want {
            let m = f.meaning.as_ref().expect("the meaning parts are shown");
            assert!(!m.shared.is_empty(), "{name}: {m:?}");
            assert!(f.source_line.is_some(), "{name}");
        }
    }
}

/// Regression: a passage that shares only the statement's names (`Bob Stone`) supported any
/// claim about that person by meaning (`So this is who Donald Trump is` for `Donald Trump has
/// shown us who he is`, and for anything else said of him).
#[cfg(quotecheck_vectors)]
#[test]
fn a_passage_that_shares_only_names_is_no_support() {
    let hay = corpus(&[(
        "town.txt",
        "2016-09-26",
        DEBATE,
        &[
            ("Ann Lee", "So this is who Bob Stone is."),
            ("Ann Lee", "Bob Stone once ran the harbour board."),
        ],
    )]);
    let table: [(&str, &str); 2] = [
        (
            "another claim about the person",
            "Bob Stone has cheated the people who worked for him",
        ),
        (
            "the name and common words",
            "Bob Stone has shown us who he is and we should believe him",
        ),
    ];
    for (name, text) in table {
        let f = judge(
            &hay,
            statement("Ann Lee", Kind::Indirect, text, &[]),
            day("2016-09-27"),
            &Thresholds::default(),
        );
        assert_eq!(f.verdict, Verdict::Unverified, "{name}: {:?}", f.meaning);
    }
}

/// Regression: a quotation about someone else (`She's still got the best friends she had in
/// grade school`) was a paraphrase of the speaker's words about themself (`My best friend
/// from grade school ...`) twenty years before: a quotation keeps the speaker's person.
#[cfg(quotecheck_vectors)]
#[test]
fn a_quote_about_someone_else_is_no_paraphrase_of_the_speaker_about_themself() {
    let hay = corpus(&[(
        "town.txt",
        "1996-10-16",
        DEBATE,
        &[(
            "Ann Lee",
            "My best friend from grade school is a baker, and he told me the rent doubled.",
        )],
    )]);
    let quote = "She's still got the best friends that she had in grade school";
    let f = judge(
        &hay,
        statement("Ann Lee", Kind::Direct, quote, &[quote]),
        day("2016-01-31"),
        &Thresholds::default(),
    );
    assert_eq!(f.verdict, Verdict::Unverified, "{:?}", f.meaning);
    if let Some(m) = &f.meaning {
        assert!(m.conflicts.iter().any(|c| c == "Person"), "{m:?}");
    }
}

/// A quotation claims the speaker's words: the same claim in other words makes it unverified
/// with the passage flagged as a possible paraphrase, never a paraphrase (which is reported
/// speech).
#[cfg(quotecheck_vectors)]
#[test]
fn a_quotation_in_other_words_is_only_a_possible_paraphrase() {
    let hay = corpus(&[(
        "port.txt",
        "2016-09-26",
        DEBATE,
        &[(
            "Ann Lee",
            "The harbour plan creates work. Thousands of dock workers will be hired to \
             rebuild the piers, and the shipyards will reopen next spring.",
        )],
    )]);
    let said =
        "the harbour plan would bring thousands of jobs for dock workers rebuilding the piers";
    let table: [(&str, Kind, &[&str], bool); 2] = [
        ("reported speech", Kind::Indirect, &[], true),
        ("a quotation", Kind::Direct, &[said], false),
    ];
    for (name, kind, quoted, want) in table {
        let f = judge(
            &hay,
            statement("Ann Lee", kind, said, quoted),
            day("2016-09-27"),
            &Thresholds::default(),
        );
        assert_eq!(
            f.verdict == Verdict::Paraphrase,
            want,
            "{name}: {:?}",
            f.meaning
        );
        if !want {
            assert_eq!(f.verdict, Verdict::Unverified, "{name}");
            assert!(
                f.flags.iter().any(|x| x.starts_with("possible paraphrase")),
                "{name}: {:?}",
                f.flags
            );
        }
    }
}

/// A reporter's summary of several claims made sentences apart in one turn is supported by
/// the whole turn; a short claim is judged on sentences and pairs only.
#[cfg(quotecheck_vectors)]
#[test]
fn a_summary_of_a_turns_claims_is_read_against_the_whole_turn() {
    let hay = corpus(&[(
        "hall.txt",
        "2016-09-26",
        DEBATE,
        &[(
            "Ann Lee",
            "Thank you all for coming out tonight. Our town needs better schools for every \
             child. I have met so many parents who worry about crowded classrooms. We will \
             hire more teachers and fix the old buildings. And we will pay for it by ending \
             the tax break for the casino owners.",
        )],
    )]);
    let f = judge(
        &hay,
        statement(
            "Ann Lee",
            Kind::Indirect,
            "better schools and more teachers, paid for by ending the casino owners' tax break",
            &[],
        ),
        day("2016-09-27"),
        &Thresholds::default(),
    );
    assert_eq!(f.verdict, Verdict::Paraphrase, "{:?}", f.meaning);
    let source = f.source_text.expect("the passage is shown");
    assert!(
        source.contains("schools") && source.contains("casino"),
        "{source}"
    );
}
