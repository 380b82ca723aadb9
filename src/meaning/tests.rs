//! Tests of the meaning layer: on a tiny hand-made table (always), and on the shipped table
//! when this build carries it (`cfg(quotecheck_vectors)`).

use super::table::tests::tiny;
use super::words::{is_content, stem};
use super::*;

fn tiny_model() -> Model {
    Model::from_bytes(&tiny().to_bytes()).unwrap()
}

#[test]
fn embedding_is_the_weighted_normalised_mean() {
    let m = tiny_model();
    // "tax" alone is its own row, normalised: (1, 0, 0).
    let e = m.embed("tax");
    assert!((e.as_slice()[0] - 1.0).abs() < 1e-6, "{:?}", e);
    // No tokens: the zero vector, cosine 0 with anything.
    let z = m.embed("");
    assert!(z.as_slice().iter().all(|&x| x == 0.0));
    assert_eq!(z.cosine(&e), 0.0);
    // "raise" and "cut" are opposite rows.
    assert!((m.embed("raise").cosine(&m.embed("cut")) + 1.0).abs() < 1e-6);
    // SIF: the frequent "the" barely moves "the tax" off "tax".
    assert!(m.embed("the tax").cosine(&e) > 0.99);
}

#[test]
fn common_component_is_removed() {
    let mut t = tiny();
    t.common = vec![vec![1.0, 0.0, 0.0]];
    let m = Model::from_table(t, 1e-3).unwrap();
    let e = m.embed("taxes");
    assert!(e.as_slice()[0].abs() < 1e-6, "{:?}", e);
    assert!((e.as_slice()[1] - 1.0).abs() < 1e-6, "{:?}", e);
}

#[test]
fn background_is_the_best_cosine() {
    let m = tiny_model();
    let (c, i) = m.background_cosine(&m.embed("jobs"));
    assert!((c - 1.0).abs() < 1e-6);
    assert_eq!(i, Some(0));
    let (c, i) = m.background_cosine(&m.embed("cut"));
    assert!(c.abs() < 0.2, "{c}");
    assert!(i.is_some());
}

#[test]
fn damaged_bytes_give_no_model() {
    let mut b = tiny().to_bytes();
    let n = b.len();
    b[n / 2] ^= 1;
    assert_eq!(Model::from_bytes(&b).unwrap_err(), TableError::Checksum);
}

#[test]
fn share_is_idf_weighted_over_distinct_content_words() {
    let m = tiny_model();
    let idf = |w: &str| if w == "jobs" { 3.0 } else { 1.0 };
    const CASES: &[(&str, &str, &str, f32, &[&str])] = &[
        (
            "all held",
            "cut taxes jobs",
            "jobs and the tax cuts",
            1.0,
            &["cut", "taxes", "jobs"],
        ),
        (
            "rare word held",
            "cut taxes jobs",
            "jobs, jobs",
            0.6,
            &["jobs"],
        ),
        (
            "common words held",
            "cut taxes jobs",
            "cut the taxes",
            0.4,
            &["cut", "taxes"],
        ),
        (
            "stop words do not count",
            "the jobs of the",
            "jobs",
            1.0,
            &["jobs"],
        ),
        ("nothing held", "cut taxes", "raise jobs", 0.0, &[]),
        ("no content", "the of and", "the of and", 0.0, &[]),
    ];
    for (name, s, p, share, shared) in CASES {
        let q = m.query(s, idf);
        let sup = m.support(&q, p);
        assert!((sup.share - share).abs() < 1e-6, "{name}: {sup:?}");
        assert_eq!(sup.shared, *shared, "{name}");
        let want = SEMANTIC_WEIGHT * (sup.cosine - sup.background) + LEXICAL_WEIGHT * sup.share;
        assert!((sup.score - want).abs() < 1e-6, "{name}");
    }
}

#[test]
fn conflicts_table() {
    let m = tiny_model();
    let neg = Conflict::Negation;
    let num = |s: &str| Conflict::Number {
        statement: s.into(),
    };
    let missing = |s: &str| Conflict::NumberMissing {
        statement: s.into(),
    };
    let ant = |s: &str, p: &str| Conflict::Antonym {
        statement: s.into(),
        passage: p.into(),
    };
    let name = |s: &str| Conflict::Name {
        statement: s.into(),
    };
    let cases: Vec<(&str, &str, &str, Vec<Conflict>)> = vec![
        (
            "same claim",
            "he supports the plan",
            "I support this plan",
            vec![],
        ),
        (
            "antonym",
            "he supports the plan",
            "I oppose this plan",
            vec![ant("supports", "oppose")],
        ),
        (
            "negation added",
            "he will not cut taxes",
            "I will cut taxes",
            vec![neg.clone()],
        ),
        (
            "contracted negation both",
            "he won't cut taxes",
            "I will not cut taxes",
            vec![],
        ),
        (
            "double negation is none",
            "he never said no",
            "I said it",
            vec![],
        ),
        (
            "negation away from the shared words",
            "taxes will fall",
            "I do not agree with him at all about anything here. Taxes will fall.",
            vec![],
        ),
        (
            "same number, other form",
            "a five trillion dollar cut",
            "a $5 trillion cut",
            vec![],
        ),
        (
            "digits with commas",
            "4,300 dollars",
            "they lost 4300",
            vec![],
        ),
        (
            "other number",
            "23 million out of work",
            "20 million out of work",
            vec![num("23000000")],
        ),
        (
            "number missing",
            "23 million out of work",
            "many out of work",
            vec![missing("23000000")],
        ),
        ("hyphenated number", "forty-six states", "46 states", vec![]),
        ("decimal and suffix", "$3.2bn", "3.2 billion", vec![]),
        (
            "one is not a number",
            "one of the things",
            "the things",
            vec![],
        ),
        (
            "other name",
            "he attacked Romney on taxes",
            "I attacked Ryan on taxes",
            vec![name("romney")],
        ),
        (
            "name absent, none other",
            "he praised Romney",
            "he is a good man",
            vec![],
        ),
        (
            "the same country named otherwise",
            "jobs would come back to the United States",
            "how do we bring American jobs back",
            vec![],
        ),
        (
            "another country",
            "jobs would come back to the United States",
            "how do we bring Chinese jobs back",
            vec![name("united"), name("states")],
        ),
    ];
    for (label, s, p, want) in cases {
        let q = m.query(s, |_| 1.0);
        assert_eq!(m.support(&q, p).conflicts, want, "{label}");
    }
}

#[test]
fn stems_table() {
    const CASES: &[(&str, &str)] = &[
        ("cuts", "cut"),
        ("cut", "cut"),
        ("changed", "chang"),
        ("change", "chang"),
        ("changes", "chang"),
        ("funding", "fund"),
        ("fund", "fund"),
        ("taxes", "tax"),
        ("policies", "policy"),
        ("stopping", "stop"),
        ("business", "business"),
        ("us", "us"),
        ("crisis", "crisis"),
        // Irregular past tenses meet their base form (`irregular_verbs.txt`).
        ("made", "make"),
        ("makes", "make"),
        ("paid", "pay"),
        ("paying", "pay"),
    ];
    for (w, want) in CASES {
        assert_eq!(stem(w), *want, "{w}");
    }
}

#[test]
fn content_words_table() {
    const CASES: &[(&str, bool)] = &[
        ("subsidy", true),
        ("the", false),
        ("said", false),
        ("not", false),
        ("don't", false),
        ("x", false),
        ("pbs", true),
        // Indefinite pronouns say no more than `any` or `some`.
        ("anything", false),
        ("someone", false),
        ("everybody", false),
    ];
    for (w, want) in CASES {
        assert_eq!(is_content(w), *want, "{w}");
    }
}

#[test]
fn status_matches_the_build() {
    let built_in = BUILT_IN.is_some();
    match Model::status() {
        Ok(m) => {
            assert!(built_in);
            assert!(m.dims() > 0);
        }
        Err(e) => {
            assert!(!built_in, "built-in table unreadable: {e}");
            assert_eq!(*e, Unavailable::NotBuiltIn);
            assert!(e.to_string().contains("words only"));
        }
    }
}

#[test]
fn a_pronoun_holds_the_name_of_whom_it_may_mean_table() {
    let m = tiny_model();
    // (case, statement, passage, referents: the other people of the passage's conversation,
    // the statement's words the passage holds)
    type Case<'a> = (&'a str, &'a str, &'a str, &'a [&'a str], &'a [&'a str]);
    let cases: [Case; 6] = [
        (
            "you: the person addressed",
            "the mayor said Rivera skipped the audit",
            "You skipped the audit.",
            &["ana", "rivera"],
            &["rivera", "skipped", "audit"],
        ),
        (
            "he: the person spoken of",
            "the mayor said Rivera skipped the audit",
            "And he skipped the audit.",
            &["rivera"],
            &["rivera", "skipped", "audit"],
        ),
        (
            "no one else in the conversation",
            "the mayor said Rivera skipped the audit",
            "You skipped the audit.",
            &[],
            &["skipped", "audit"],
        ),
        (
            "someone else in the conversation",
            "the mayor said Rivera skipped the audit",
            "You skipped the audit.",
            &["lopez"],
            &["skipped", "audit"],
        ),
        (
            "they: a group, not a person",
            "the mayor said Rivera skipped the audit",
            "They skipped the audit.",
            &["rivera"],
            &["skipped", "audit"],
        ),
        (
            "I: the speaker themself",
            "the mayor said Rivera skipped the audit",
            "I skipped the audit.",
            &["rivera"],
            &["skipped", "audit"],
        ),
    ];
    for (case, s, p, referents, want) in cases {
        let q = m.query(s, |_| 1.0);
        let got = m.support_with(&q, p, referents).shared;
        let want: Vec<String> = want.iter().map(|w| w.to_string()).collect();
        assert_eq!(got, want, "{case}");
    }
}

#[test]
fn a_word_of_the_same_root_is_held_table() {
    let m = tiny_model();
    // (case, statement, passage, the statement's words the passage holds)
    let cases: [(&str, &str, &str, &[&str]); 6] = [
        (
            "adjective and noun",
            "she promised economic fairness",
            "We will build a fair economy.",
            &["economic", "fairness"],
        ),
        (
            "noun and verb, inflected",
            "he backed the protection of miners",
            "We protected the miners.",
            &["protection", "miners"],
        ),
        (
            "verb and noun",
            "the plan would employ veterans",
            "Employment for veterans is the plan.",
            &["plan", "employ", "veterans"],
        ),
        (
            "same letters, another root",
            "the police budget grew",
            "Our policy on the budget grew.",
            &["budget", "grew"],
        ),
        (
            "a name is no word of the root",
            "his statements about jobs",
            "Jobs are leaving the United States.",
            &["jobs"],
        ),
        (
            "a root too short to tell",
            "they want more party unity",
            "We are part of it.",
            &[],
        ),
    ];
    for (case, s, p, want) in cases {
        let q = m.query(s, |_| 1.0);
        let want: Vec<String> = want.iter().map(|w| w.to_string()).collect();
        assert_eq!(m.support(&q, p).shared, want, "{case}");
    }
}

#[cfg(quotecheck_vectors)]
mod shipped {
    use super::*;

    fn model() -> &'static Model {
        Model::get().expect("the shipped table loads")
    }

    #[test]
    fn wordpiece_matches_the_python_tokenizer() {
        let m = model();
        let vocab = {
            let t = Table::parse(BUILT_IN.unwrap()).unwrap();
            t.vocab
        };
        for (text, want) in super::super::wordpiece_cases::CASES {
            let got: Vec<&str> = m
                .tokenizer()
                .encode(text)
                .into_iter()
                .map(|i| vocab[i as usize].as_str())
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn paraphrases_are_closer_than_same_topic_claims() {
        let m = model();
        // (name, statement, paraphrase, same-topic other claim)
        const CASES: &[(&str, &str, &str, &str)] = &[
            (
                "pbs",
                "he would end federal funding for public broadcasting",
                "I'm going to stop the subsidy to PBS.",
                "We have to cut the federal deficit and balance the budget.",
            ),
            (
                "navy",
                "the Navy's smaller fleet reflects how the military has changed",
                "we also have fewer horses and bayonets, because the nature of our military's changed",
                "We need to spend more on the military to keep the country safe.",
            ),
        ];
        for (name, s, para, other) in CASES {
            let q = m.embed(s);
            let (a, b) = (q.cosine(&m.embed(para)), q.cosine(&m.embed(other)));
            assert!(a > b, "{name}: paraphrase {a} vs other {b}");
        }
    }
    #[test]
    fn an_acronym_reads_as_its_name_for_the_vectors_table() {
        let m = model();
        // (statement, passage): one spells out the name the other gives by its initials.
        const CASES: &[(&str, &str)] = &[
            (
                "the North Atlantic Treaty Organization should spend more on defence",
                "NATO members have to pay more for their defense.",
            ),
            (
                "NATO members have to pay more for their defense",
                "The North Atlantic Treaty Organization should spend more on defence.",
            ),
            (
                "she called the Environmental Protection Agency a job killer",
                "The EPA is killing jobs all over this country.",
            ),
        ];
        for (s, p) in CASES {
            let q = m.query(s, |_| 1.0);
            let plain = q.embedding.cosine(&m.embed(p));
            let read = m.support(&q, p).cosine;
            assert!(read > plain + 0.05, "{s} / {p}: {read} vs {plain}");
        }
    }
}

/// Tools, not tests (ignored; run by name): scoring a pairs file for
/// `scripts/distill/compare.py`, and timing the embedding.
#[cfg(quotecheck_vectors)]
mod tools {
    use super::*;
    use std::io::Write;

    fn env(name: &str) -> String {
        std::env::var(name)
            .unwrap_or_else(|_| panic!("set {name} (see scripts/distill/compare.py)"))
    }

    /// Reads `QUOTECHECK_PAIRS` (CSV with id, statement, passage) and `QUOTECHECK_IDF` (TSV
    /// word, idf), writes `QUOTECHECK_SCORES` (CSV of each pair's support).
    #[test]
    #[ignore = "a tool: compare.py runs it with QUOTECHECK_PAIRS, QUOTECHECK_IDF, QUOTECHECK_SCORES"]
    fn score_pairs() {
        let m = Model::get().expect("the shipped table loads");
        let idf: rustc_hash::FxHashMap<String, f32> =
            std::fs::read_to_string(env("QUOTECHECK_IDF"))
                .unwrap()
                .lines()
                .filter_map(|l| l.split_once('\t'))
                .map(|(w, v)| (w.to_string(), v.parse().unwrap()))
                .collect();
        let unseen = idf.values().fold(0f32, |a, &b| a.max(b));
        let mut rd = csv::Reader::from_path(env("QUOTECHECK_PAIRS")).unwrap();
        let head = rd.headers().unwrap().clone();
        let col = |n: &str| head.iter().position(|h| h == n).unwrap();
        let (ci, cs, cp) = (col("id"), col("statement"), col("passage"));
        let mut out =
            std::io::BufWriter::new(std::fs::File::create(env("QUOTECHECK_SCORES")).unwrap());
        writeln!(out, "id,score,cosine,background,share,shared,conflicts").unwrap();
        for rec in rd.records() {
            let rec = rec.unwrap();
            let q = m.query(&rec[cs], |w| idf.get(w).copied().unwrap_or(unseen));
            let s = m.support(&q, &rec[cp]);
            let conflicts: Vec<String> = s.conflicts.iter().map(|c| format!("{c:?}")).collect();
            writeln!(
                out,
                "{},{},{},{},{},\"{}\",\"{}\"",
                &rec[ci],
                s.score,
                s.cosine,
                s.background,
                s.share,
                s.shared.join(" "),
                conflicts.join("; ").replace('"', "'")
            )
            .unwrap();
        }
    }

    /// Times embedding and support in a loop of 10,000 (run with `--release --nocapture`).
    #[test]
    #[ignore = "a benchmark: cargo test --release --lib meaning::tests::tools::timing -- --ignored --nocapture"]
    fn timing() {
        let t0 = std::time::Instant::now();
        let m = Model::get().expect("the shipped table loads");
        let load = t0.elapsed();
        let s = "Governor Romney's central economic plan calls for a five trillion dollar tax cut, \
                 on top of the extension of the Bush tax cuts, and two trillion dollars in military spending";
        let p = "And the answer is neither the president nor I are proposing any changes for any \
                 current retirees or near retirees, either to Social Security or Medicare.";
        let n = 10_000;
        let words = s.split_whitespace().count();
        let t = std::time::Instant::now();
        let mut sink = 0f32;
        for _ in 0..n {
            sink += m.embed(std::hint::black_box(s)).as_slice()[0];
        }
        let embed = t.elapsed() / n;
        let ids = m.tokenizer().encode(s);
        let t = std::time::Instant::now();
        for _ in 0..n {
            sink += m.embed_ids(std::hint::black_box(&ids)).as_slice()[0];
        }
        let embed_ids = t.elapsed() / n;
        let t = std::time::Instant::now();
        for _ in 0..n {
            sink += m.background_cosine(&m.embed(std::hint::black_box(s))).0;
        }
        let bg = t.elapsed() / n;
        let q = m.query(s, |_| 1.0);
        let t = std::time::Instant::now();
        for _ in 0..n {
            sink += m.support(&q, std::hint::black_box(p)).score;
        }
        let support = t.elapsed() / n;
        println!(
            "load+parse+background {load:?}; {words}-word sentence ({} tokens): embed {embed:?}, \
             embed from ids {embed_ids:?}, embed+background {bg:?}; support of a {}-word passage {support:?} ({sink})",
            ids.len(),
            p.split_whitespace().count()
        );
    }
}
