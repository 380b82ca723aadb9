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
