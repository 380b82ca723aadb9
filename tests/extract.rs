//! `quotecheck extract`: statements only, as text and as the JSON Lines the PolNeAR scorer reads.

mod common;
use common::*;

#[test]
fn extract_lists_statements_without_a_corpus() {
    let dir = sample_dir();
    let out = run(dir.path(), &["extract", "article.txt", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(0));
    let st = jsonl(&out);
    assert_eq!(st.len(), SEED_STATEMENTS);
    assert!(st.iter().all(|s| s.get("verdict").is_none()));
    let kinds: Vec<&str> = st.iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "direct").count(), 4);
    // The continuation paragraph has no cue of its own.
    assert!(st
        .iter()
        .any(|s| s["cue"].is_null() && s["speaker"] == "Lloyd Austin"));
    let text = stdout(&run(dir.path(), &["extract", "article.txt"]));
    assert!(
        text.trim_end()
            .ends_with(&format!("{SEED_STATEMENTS} statements")),
        "{text}"
    );
}

#[test]
fn addressee_is_not_the_speaker() {
    let dir = sample_dir();
    let st = jsonl(&run(
        dir.path(),
        &["extract", "article.txt", "--format", "jsonl"],
    ));
    let lavrov = st
        .iter()
        .find(|s| {
            s["content"]
                .as_str()
                .unwrap()
                .contains("security guarantees")
        })
        .unwrap();
    assert_eq!(lavrov["speaker"], "Sergei Lavrov");
    assert_eq!(lavrov["kind"], "partial");
}

/// Regression (found by fuzzing): a paragraph ending in a cue and `on` ("Smith said on")
/// looked for a weekday one token past the end and panicked.
#[test]
fn paragraph_ending_in_cue_and_preposition_does_not_panic() {
    let dir = sample_dir();
    std::fs::write(
        dir.path().join("a.txt"),
        "\"We will,\" Smith said on\n\nThen \"more,\" she said on",
    )
    .unwrap();
    let out = run(dir.path(), &["extract", "a.txt", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(jsonl(&out).len(), 2);
}

/// Extracts from raw bytes and checks every span lies inside the text, on char boundaries,
/// in order; returns the statements.
fn extract_checked(bytes: &[u8]) -> Vec<quotecheck::Statement> {
    let article = quotecheck::Article::from_bytes("t.txt", bytes);
    let st = quotecheck::extract::extract(&article);
    let text = &article.text;
    for s in &st {
        let mut spans = s.spans();
        spans.extend(s.speaker_span);
        spans.extend(s.cue_span);
        for [a, b] in spans {
            assert!(a <= b && b <= text.len(), "span {a}..{b} of {}", text.len());
            assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        }
    }
    st
}

/// Pathological inputs finish (linear work) and give sane spans: a 20 MB article, 10,000
/// unbalanced quote marks, a single 5 MB line, binary garbage.
#[test]
fn pathological_inputs_finish() {
    let seed = std::fs::read_to_string(root().join("tests/fixtures/seed/article.txt")).unwrap();
    let mut big = String::new();
    while big.len() < 20_000_000 {
        big.push_str(&seed);
        big.push_str("\n\n");
    }
    assert!(extract_checked(big.as_bytes()).len() > 1000);
    let unbalanced = "He said \"it will \u{201c}go ".repeat(5_000);
    extract_checked(unbalanced.as_bytes());
    let one_line = seed.replace('\n', " ").repeat(5_000_000 / seed.len() + 1);
    assert!(!extract_checked(one_line.as_bytes()).is_empty());
    let cues = "Smith said Jones said that \"".repeat(100_000);
    extract_checked(cues.as_bytes());
    // xorshift bytes: deterministic garbage
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let garbage: Vec<u8> = (0..2_000_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    extract_checked(&garbage);
}

mod fuzz {
    use super::extract_checked;
    use proptest::prelude::*;

    /// Pieces that exercise the extractor: cues, names, quotes of every kind, breaks.
    const PIECES: [&str; 24] = [
        "said",
        "told",
        "according to",
        "Smith",
        "the White House",
        "he",
        "\"",
        "\u{201c}",
        "\u{201d}",
        "''",
        "'",
        ",",
        ".",
        ":",
        "\n\n",
        "\n",
        " ",
        "that",
        "Friday",
        "(",
        ")",
        "\u{2014}",
        "é",
        "Sen.",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Random text never panics and gives in-bounds spans.
        #[test]
        fn random_text(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            extract_checked(&bytes);
        }

        /// Article-like text built from the extractor's own vocabulary.
        #[test]
        fn random_articles(idx in proptest::collection::vec(0..PIECES.len(), 0..200)) {
            let text: String = idx.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
            extract_checked(text.as_bytes());
        }

        /// The seed article with bytes deleted, replaced and inserted.
        #[test]
        fn mutated_seed(edits in proptest::collection::vec((any::<usize>(), any::<u8>(), 0..3u8), 1..40)) {
            let mut bytes = std::fs::read(super::root().join("tests/fixtures/seed/article.txt")).unwrap();
            for (at, b, op) in edits {
                let at = at % (bytes.len() + 1);
                match op {
                    0 if at < bytes.len() => { bytes.remove(at); }
                    1 if at < bytes.len() => bytes[at] = b,
                    _ => bytes.insert(at, b),
                }
            }
            extract_checked(&bytes);
        }
    }
}
