//! `quotecheck extract`: statements only, as text and as the JSON Lines the PolNeAR scorer reads.

mod common;
use common::*;

#[test]
fn extract_lists_statements_without_a_corpus() {
    let dir = sample_dir();
    let out = run(dir.path(), &["extract", "article.txt", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(0));
    let st = jsonl(&out);
    assert_eq!(st.len(), 14);
    assert!(st.iter().all(|s| s.get("verdict").is_none()));
    let kinds: Vec<&str> = st.iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "direct").count(), 4);
    // The continuation paragraph has no cue of its own.
    assert!(st
        .iter()
        .any(|s| s["cue"].is_null() && s["speaker"] == "Lloyd Austin"));
    let text = stdout(&run(dir.path(), &["extract", "article.txt"]));
    assert!(text.trim_end().ends_with("14 statements"), "{text}");
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
