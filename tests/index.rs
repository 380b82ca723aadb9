//! `quotecheck index` and `check --index`: same verdicts as without the index, rebuilt when
//! the corpus changes or the index is damaged, run through the real binary in a temp dir.

mod common;
use common::*;

fn verdicts(o: &std::process::Output) -> Vec<String> {
    jsonl(o)
        .iter()
        .map(|f| f["verdict"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn index_gives_same_verdicts_and_rebuilds_when_needed() {
    let dir = sample_dir();
    let check = |extra: &[&str]| check_jsonl_with(dir.path(), "article.txt", extra);
    let brute = check(&["--no-index"]);
    let out = run(dir.path(), &["index", "corpus", "--index", "c.idx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let indexed = check(&["--index", "c.idx"]);
    assert_eq!(verdicts(&indexed), verdicts(&brute));
    assert!(
        !stderr(&indexed).contains("rebuilt"),
        "{}",
        stderr(&indexed)
    );
    // A changed corpus: rebuilt, and said so.
    std::fs::write(
        dir.path().join("corpus/extra.jsonl"),
        "{\"id\": \"x\", \"speaker\": \"Nobody\", \"text\": \"Unrelated words here.\"}\n",
    )
    .unwrap();
    let after = check(&["--index", "c.idx"]);
    assert!(
        stderr(&after).contains("corpus changed"),
        "{}",
        stderr(&after)
    );
    assert_eq!(verdicts(&after), verdicts(&brute));
    // A damaged records file: never trusted, rebuilt with the reason (every kind of damage,
    // to each part of the index: tests/faults.rs).
    let bytes = std::fs::read(dir.path().join("c.idx/records")).unwrap();
    let table: [(&str, Vec<u8>); 3] = [
        ("truncated", bytes[..bytes.len() / 2].to_vec()),
        ("format version", {
            let mut b = bytes.clone();
            b[8] = 99;
            b
        }),
        ("checksum mismatch", {
            let mut b = bytes.clone();
            let k = b.len() - 10;
            b[k] ^= 0xff;
            b
        }),
    ];
    for (want, damaged) in table {
        std::fs::write(dir.path().join("c.idx/records"), damaged).unwrap();
        let o = check(&["--index", "c.idx"]);
        assert!(stderr(&o).contains(want), "{want}: {}", stderr(&o));
        assert_eq!(verdicts(&o), verdicts(&brute), "{want}");
    }
}

/// Regression: through the index, a misattribution looked for the attributed speaker only
/// among the passages read back, so a transcript without a `speakers:` line whose other
/// turns were not among them gave "not a speaker of that transcript" where the whole corpus
/// gave `misattributed`. A document read back from the index now knows all its speakers.
#[test]
fn misattribution_through_the_index_knows_every_speaker_of_the_transcript() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("corpus")).unwrap();
    let mut t = String::from("---\ntitle: Briefing\ndate: 2022-03-01\n---\n\n");
    t.push_str(
        "ANN HOST: Will the harbour tunnel really open before the winter storms reach the coast?\n\n",
    );
    for i in 0..40 {
        t.push_str(&format!(
            "BO PIKE: Answer {i} about budgets, schools{i} and roads{i} in the northern districts.\n\n"
        ));
    }
    std::fs::write(d.join("corpus/briefing.txt"), t).unwrap();
    std::fs::write(
        d.join("a.txt"),
        "Published: 2 March 2022\n\n\"Will the harbour tunnel really open before the winter storms reach the coast?\" Bo Pike asked.\n",
    )
    .unwrap();
    let brute = check_jsonl_with(d, "a.txt", &["--no-index"]);
    let indexed = check_jsonl_with(d, "a.txt", &["--index", "i.idx"]);
    assert_eq!(verdicts(&brute), ["misattributed"], "{}", stderr(&brute));
    assert_eq!(verdicts(&indexed), verdicts(&brute), "{}", stderr(&indexed));
}
