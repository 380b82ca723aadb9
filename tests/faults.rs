//! Faults: a damaged, truncated, version-mismatched or stale index is never trusted (it is
//! rebuilt, and the verdicts stay the same); concurrent index builds do not corrupt it; a
//! corpus file that vanishes is reported, not fatal; the corpus is never modified.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::Path;

const INDEX: &str = "corpus/.quotecheck.idx";

fn verdicts(dir: &Path, extra: &[&str]) -> (Vec<(String, String)>, String) {
    let out = check_jsonl_with(dir, "article.txt", extra);
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "{}",
        stderr(&out)
    );
    let v = jsonl(&out)
        .iter()
        .map(|f| {
            (
                f["statement_id"].as_str().unwrap().to_string(),
                f["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (v, stderr(&out))
}

fn corpus_hashes(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn damaged_indexes_are_rebuilt_not_trusted() {
    let dir = sample_dir();
    let d = dir.path();
    let (brute, _) = verdicts(d, &["--no-index"]);
    assert_eq!(run(d, &["index", "corpus"]).status.code(), Some(0));
    let (indexed, _) = verdicts(d, &[]);
    assert_eq!(indexed, brute, "the index gives the brute-force verdicts");
    // Each damage: the file of the index directory it is done to, what is done (`None`:
    // the directory is replaced by a file, as an index of format 1 was), and what the
    // message says.
    type Damage = fn(&mut Vec<u8>);
    let flip: Damage = |b| {
        let i = b.len() / 2;
        b[i] ^= 0xff
    };
    let truncate: Damage = |b| b.truncate(b.len() / 3);
    let table: [(&str, &str, Option<Damage>, &str); 6] = [
        (
            "records: byte flipped",
            "records",
            Some(flip),
            "unusable index",
        ),
        (
            "records: truncated",
            "records",
            Some(truncate),
            "unusable index",
        ),
        (
            "records: version",
            "records",
            Some(|b| b[8] ^= 0x01),
            "format version",
        ),
        (
            "tantivy: byte flipped",
            "tantivy/*",
            Some(flip),
            "checksum mismatch",
        ),
        (
            "tantivy: truncated",
            "tantivy/*",
            Some(truncate),
            "unusable index",
        ),
        (
            "format 1: a single file",
            "",
            None,
            "not an index directory",
        ),
    ];
    for (name, file, damage, message) in table {
        let index = d.join(INDEX);
        match damage {
            Some(damage) => {
                let target = match file {
                    "tantivy/*" => largest_file(&index.join("tantivy")),
                    f => index.join(f),
                };
                let mut bytes = std::fs::read(&target).unwrap();
                damage(&mut bytes);
                std::fs::write(&target, &bytes).unwrap();
            }
            None => {
                std::fs::remove_dir_all(&index).unwrap();
                std::fs::write(&index, b"QCINDEX\0").unwrap();
            }
        }
        let (after, err) = verdicts(d, &[]);
        assert!(
            err.contains(message) && err.contains("rebuil"),
            "{name}: {err}"
        );
        assert_eq!(after, brute, "{name}");
        let (again, err) = verdicts(d, &[]);
        assert_eq!(again, brute);
        assert!(
            !err.contains("rebuil"),
            "{name}: the rebuilt index is trusted: {err}"
        );
    }
}

/// The largest file in `dir`: in a tantivy index, one that a search reads.
fn largest_file(dir: &Path) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .max_by_key(|e| e.metadata().unwrap().len())
        .unwrap()
        .path()
}

#[test]
fn stale_index_is_rebuilt_when_the_corpus_changes() {
    let dir = sample_dir();
    let d = dir.path();
    run(d, &["index", "corpus"]);
    std::fs::write(
        d.join("corpus/extra.txt"),
        "---\ntitle: new\ndate: 2021-12-05\n---\n\nJoe Biden: A new remark about the border.\n",
    )
    .unwrap();
    let (_, err) = verdicts(d, &[]);
    assert!(
        err.contains("corpus changed") && err.contains("rebuilt"),
        "{err}"
    );
}

#[test]
fn concurrent_index_builds_leave_one_valid_index() {
    let dir = sample_dir();
    let d = dir.path();
    // All four start before any is waited for, so that their builds and installs overlap.
    let children: Vec<_> = (0..4)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_quotecheck"))
                .args(["index", "corpus"])
                .current_dir(d)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("start quotecheck index")
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().expect("wait for quotecheck index");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let (v, err) = verdicts(d, &[]);
    assert_eq!(v.len(), SEED_STATEMENTS);
    assert!(!err.contains("unusable"), "{err}");
    let leftovers: Vec<_> = std::fs::read_dir(d.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp") || n.contains("old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn vanished_corpus_file_is_reported_not_fatal() {
    let dir = sample_dir();
    let d = dir.path();
    // A name listed in the directory whose file cannot be read: what a file deleted between
    // listing and reading looks like.
    std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("corpus/gone.txt")).unwrap();
    let table: [(&str, &[&str]); 2] = [
        ("brute force", &["--no-index"]),
        ("indexed", &["--index", "idx.bin"]),
    ];
    for (name, extra) in table {
        let out = check_jsonl_with(d, "article.txt", extra);
        // Not an error: the seed's verdicts decide the status, as without the vanished file.
        let clean = check_jsonl_with(d, "article.txt", &["--no-index"]);
        assert!(
            matches!(out.status.code(), Some(0) | Some(1)),
            "{name}: {}",
            stderr(&out)
        );
        assert_eq!(out.status.code(), clean.status.code(), "{name}");
        assert!(
            stderr(&out).contains("gone.txt"),
            "{name}: {}",
            stderr(&out)
        );
        assert_eq!(jsonl(&out).len(), SEED_STATEMENTS, "{name}");
    }
}

#[test]
fn the_corpus_is_never_modified() {
    let dir = sample_dir();
    let d = dir.path();
    let before = corpus_hashes(d);
    run(d, &["index", "corpus", "--index", "elsewhere.idx"]);
    run(
        d,
        &[
            "check",
            "article.txt",
            "--corpus",
            "corpus",
            "--index",
            "elsewhere.idx",
        ],
    );
    run(d, &["check", "article.txt", "--corpus", "corpus"]);
    run(
        d,
        &[
            "batch",
            "article.txt",
            "--corpus",
            "corpus",
            "--report",
            "out.csv",
        ],
    );
    assert_eq!(corpus_hashes(d), before);
}
