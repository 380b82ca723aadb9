//! The judge's table tests: verdicts and differences on one turn, and thresholds that change
//! grades.

use super::*;
use crate::corpus::{parse_transcript, Corpus};
use crate::finding::{Kind, SpeakerType, Statement, Verdict};
use crate::matching::Haystack;
use std::path::Path;

fn corpus(turn: &str) -> Haystack {
    let text = format!("---\ntitle: t\nspeakers: Ann Lee (Speaker)\n---\n\nAnn Lee: {turn}\n");
    let doc = parse_transcript("t.txt", &text).unwrap();
    Haystack::new(Corpus::from_documents(
        Path::new("."),
        vec![doc],
        Vec::new(),
    ))
}

fn statement(text: &str, kind: Kind) -> Statement {
    Statement {
        file: "c.csv".into(),
        statement_id: "c1".into(),
        line: 2,
        kind,
        speaker: "Ann Lee".into(),
        speaker_mention: "Ann Lee".into(),
        speaker_role: None,
        speaker_type: SpeakerType::Person,
        cue: None,
        content: text.into(),
        quoted: if kind == Kind::Direct {
            vec![text.into()]
        } else {
            Vec::new()
        },
        content_span: None,
        content_spans: None,
        speaker_span: None,
        cue_span: None,
        statement_date: None,
        via: None,
    }
}

#[test]
fn verdicts_and_their_differences() {
    use Kind::{Direct, Indirect};
    let turn = "I think that we can not win this war without our allies, and we will \
                cut taxes for 13,000 families, because we're gonna need them.";
    let c = corpus(turn);
    let table: [(&str, Kind, Verdict, &[&str]); 9] = [
        (
            "we can not win this war without our allies",
            Direct,
            Verdict::Verbatim,
            &[],
        ),
        (
            "I think we can not win this war",
            Direct,
            Verdict::NearVerbatim,
            &["-that (filler)"],
        ),
        (
            "we cannot win this war",
            Direct,
            Verdict::NearVerbatim,
            &["can not -> cannot (contraction)"],
        ),
        (
            "because we are going to need them",
            Direct,
            Verdict::NearVerbatim,
            &[
                "we're -> we are (contraction)",
                "gonna -> going to (contraction)",
            ],
        ),
        (
            "I think that we can win this war without our allies",
            Direct,
            Verdict::Altered,
            &["-not (negation)"],
        ),
        (
            "we will cut taxes for 30,000 families",
            Direct,
            Verdict::Altered,
            &["13,000 -> 30,000 (number)"],
        ),
        (
            "I know that we can not win this war without our allies",
            Direct,
            Verdict::Altered,
            &["think -> know (hedge)"],
        ),
        (
            "she believed that they could not win this war without their allies",
            Indirect,
            Verdict::Paraphrase,
            &[
                "I -> she (reported speech)",
                "our -> their (reported speech)",
            ],
        ),
        (
            "the moon is made of cheese and nobody knows why",
            Direct,
            Verdict::Unverified,
            &[],
        ),
    ];
    for (text, kind, want, diffs) in table {
        let f = judge(&c, statement(text, kind), None, &Thresholds::default());
        assert_eq!(f.verdict, want, "{text}: {:?}", f.differences);
        for d in diffs {
            assert!(
                f.differences.iter().any(|x| x.to_string() == *d),
                "{text}: {d} not in {:?}",
                f.differences
            );
        }
    }
}

#[test]
fn thresholds_from_settings_change_grades() {
    use Kind::{Direct, Indirect};
    let turn = "I think that we can not win this war without our allies, and we will \
                cut taxes for 13,000 families, because we're gonna need them.";
    let c = corpus(turn);
    let strict = |f: fn(&mut Thresholds)| {
        let mut t = Thresholds::default();
        f(&mut t);
        t
    };
    let table: [(&str, &str, Kind, Thresholds, Verdict); 4] = [
        (
            "defaults",
            "she believed that they could not win this war without their allies",
            Indirect,
            Thresholds::default(),
            Verdict::Paraphrase,
        ),
        (
            "paraphrase needs every content word (and meaning is not asked)",
            "she believed that they could not win this war without their allies",
            Indirect,
            strict(|t| {
                t.paraphrase_min_coverage = 1.0;
                t.meaning_min_support = 2.0;
                t.meaning_min_possible = 2.0;
            }),
            Verdict::Unverified,
        ),
        (
            "defaults",
            "we will cut taxes for 30,000 families",
            Direct,
            Thresholds::default(),
            Verdict::Altered,
        ),
        (
            "altered needs full coverage around the edit",
            "we will cut taxes for 30,000 families",
            Direct,
            strict(|t| t.altered_min_coverage = 1.0),
            Verdict::Paraphrase,
        ),
    ];
    for (name, text, kind, th, want) in table {
        let f = judge(&c, statement(text, kind), None, &th);
        assert_eq!(f.verdict, want, "{name}: {text}");
    }
}

#[test]
fn a_short_phrase_of_common_words_is_no_paraphrase() {
    use Kind::Indirect;
    let c = corpus(
        "So I would send two more brigades to the northern border. \
         Then he changed his mind about the whole plan.",
    );
    let words_only = |min_words: usize| Thresholds {
        paraphrase_min_words: min_words,
        meaning_min_support: 2.0,
        meaning_min_possible: 2.0,
        ..Thresholds::default()
    };
    let table: [(&str, &str, usize, Verdict); 5] = [
        (
            "one telling word and one common word",
            "the army would send",
            2,
            Verdict::Unverified,
        ),
        (
            "one telling word",
            "his mind freely",
            2,
            Verdict::Unverified,
        ),
        (
            "a reworded clause keeps its telling words",
            "he would dispatch two more brigades to the northern border",
            2,
            Verdict::Paraphrase,
        ),
        (
            "one telling word in a long run of the speaker's words",
            "he would send two more troops to the",
            2,
            Verdict::Paraphrase,
        ),
        (
            "the setting lowered to one",
            "the army would send",
            1,
            Verdict::Paraphrase,
        ),
    ];
    for (name, text, min_words, want) in table {
        let f = judge(&c, statement(text, Indirect), None, &words_only(min_words));
        assert_eq!(f.verdict, want, "{name}: {text}: {:?}", f.differences);
    }
}
