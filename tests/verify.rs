//! `quotecheck verify`: claims files against a small corpus, one row per claim, bad rows named
//! with file and line, the output formats, `--explain`, and a long statement against a long
//! turn finishing quickly. Runs the real binary in a temp dir.

mod common;
use common::*;
use std::path::Path;
use std::time::{Duration, Instant};

/// A temp dir holding `corpus/` and the claims files of `tests/fixtures/verify/`.
fn verify_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixtures = root().join("tests/fixtures/verify");
    std::fs::create_dir(dir.path().join("corpus")).unwrap();
    for entry in std::fs::read_dir(fixtures.join("corpus")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.path().join("corpus").join(p.file_name().unwrap())).unwrap();
    }
    for name in ["claims.csv", "bad-rows.csv"] {
        std::fs::copy(fixtures.join(name), dir.path().join(name)).unwrap();
    }
    dir
}

/// The `note` column of the fixture (which verify ignores), first word: the expected verdict.
fn expected_verdicts(dir: &Path) -> Vec<(String, String)> {
    let mut rdr = csv::Reader::from_path(dir.join("claims.csv")).unwrap();
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            let note = r[5].to_string();
            let verdict = note.split([':', ' ']).next().unwrap().to_string();
            (r[0].to_string(), verdict)
        })
        .collect()
}

fn verify_jsonl(dir: &Path, file: &str) -> (std::process::Output, Vec<serde_json::Value>) {
    let out = run(
        dir,
        &["verify", file, "--corpus", "corpus", "--format", "jsonl"],
    );
    let rows = jsonl(&out);
    (out, rows)
}

fn row<'a>(rows: &'a [serde_json::Value], id: &str) -> &'a serde_json::Value {
    rows.iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no row {id}"))
}

#[test]
fn every_claim_gets_its_expected_verdict() {
    let dir = verify_dir();
    let (out, rows) = verify_jsonl(dir.path(), "claims.csv");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let expected = expected_verdicts(dir.path());
    assert_eq!(rows.len(), expected.len(), "one row per claim");
    let mut failures = Vec::new();
    for (id, want) in &expected {
        let got = row(&rows, id)["verdict"].as_str().unwrap().to_string();
        if &got != want {
            failures.push(format!("{id}: {got}, expected {want}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn findings_carry_their_evidence() {
    let dir = verify_dir();
    let (_, rows) = verify_jsonl(dir.path(), "claims.csv");
    let diffs = |id: &str| -> Vec<String> {
        row(&rows, id)["differences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap().to_string())
            .collect()
    };
    let table: [(&str, &str); 6] = [
        ("v2", "-that (filler)"),
        ("v3", "gonna -> going to (contraction)"),
        ("v4", "13,000 -> 30000 (number)"),
        ("v5", "may -> will (hedge)"),
        ("v6", "my -> his (reported speech)"),
        ("v11", "... for 3 words (ellipsis)"),
    ];
    for (id, want) in table {
        assert!(
            diffs(id).iter().any(|d| d == want),
            "{id}: {want:?} not in {:?}",
            diffs(id)
        );
    }
    assert_eq!(row(&rows, "v7")["true_speaker"], "Ann Moderator");
    assert_eq!(row(&rows, "v9")["decided_by"], "quoted words");
    assert_eq!(row(&rows, "v9")["kind"], "partial");
    let flags = row(&rows, "v10")["flags"].to_string();
    assert!(flags.contains("2020-09-25"), "{flags}");
    assert_eq!(row(&rows, "v10")["reason"], "only_later_sources");
    assert!(row(&rows, "v1")["flags"].as_array().unwrap().is_empty());
    let parts = &row(&rows, "v4")["score_parts"];
    assert_eq!(parts["matched"], 10);
    assert_eq!(parts["words"], 11);
    assert_eq!(parts["substantive"], 1);
    assert!(row(&rows, "v8")["score_parts"].is_null());
    let alt = &row(&rows, "v7")["alternative"];
    assert!(alt.is_null() || alt["speaker"] != "Ann Moderator", "{alt}");
}

#[test]
fn bad_rows_are_named_and_the_rest_verified() {
    let dir = verify_dir();
    let out = run(
        dir.path(),
        &["verify", "bad-rows.csv", "--corpus", "corpus"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("bad-rows.csv:3:") && err.contains("speaker"),
        "{err}"
    );
    assert!(
        err.contains("bad-rows.csv:4:") && err.contains("sideways"),
        "{err}"
    );
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let ids: Vec<String> = rdr.records().map(|r| r.unwrap()[0].to_string()).collect();
    assert_eq!(ids, ["ok1", "ok2"]);
}

#[test]
fn a_file_without_a_statement_column_or_a_corpus_is_an_error() {
    let dir = verify_dir();
    std::fs::write(dir.path().join("x.csv"), "id,speaker,text\n1,a,b\n").unwrap();
    let out = run(dir.path(), &["verify", "x.csv", "--corpus", "corpus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("x.csv:1:"), "{}", stderr(&out));
    let out = run(dir.path(), &["verify", "claims.csv", "--corpus", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nowhere"), "{}", stderr(&out));
}

#[test]
fn text_report_and_explain() {
    let dir = verify_dir();
    let out = run(
        dir.path(),
        &[
            "verify",
            "claims.csv",
            "--corpus",
            "corpus",
            "--format",
            "text",
            "--explain",
        ],
    );
    let text = stdout(&out);
    assert!(text.contains("claims.csv:5: v4 (direct"), "{text}");
    assert!(text.contains("ALTERED"), "{text}");
    assert!(text.contains("11 statements"), "{text}");
    let explain = stderr(&out);
    assert!(explain.contains("v4 (direct)"), "{explain}");
    assert!(explain.contains("matched 10/11 words"), "{explain}");
    assert!(explain.contains("verdict altered"), "{explain}");
}

/// Deterministic filler text: `n` words from a small vocabulary.
fn words(n: usize, seed: u64) -> Vec<String> {
    const VOCAB: [&str; 24] = [
        "budget", "county", "river", "school", "teacher", "road", "bridge", "money", "state",
        "family", "library", "tax", "spring", "plan", "vote", "town", "council", "market", "water",
        "park", "street", "house", "farm", "court",
    ];
    let mut x = seed;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            VOCAB[(x >> 33) as usize % VOCAB.len()].to_string()
        })
        .collect()
}

#[test]
fn a_long_statement_against_a_long_turn_stays_fast() {
    let dir = tempfile::tempdir().unwrap();
    long_turn_claim(dir.path(), &words(50_000, 7));
    let start = Instant::now();
    // The aligner's bound on a long turn is what is tested, so the whole turn is aligned
    // (`--no-index`): in a corpus of 24 distinct words no word is rare, and the index, which
    // finds passages by rare words, cannot tell where the statement is (tests/default_index.rs
    // checks a long statement through the index, in a corpus with rare words).
    let out = run(
        dir.path(),
        &[
            "verify",
            "claims.csv",
            "--corpus",
            "corpus",
            "--format",
            "jsonl",
            "--no-index",
        ],
    );
    let rows = jsonl(&out);
    let took = start.elapsed();
    assert_eq!(rows[0]["verdict"], "altered", "{}", stderr(&out));
    assert_eq!(rows[0]["score_parts"]["matched"], 999);
    assert!(took < Duration::from_secs(30), "took {took:?}");
}

/// Regression (issue 12): `check` said `verbatim` and `verify` said `altered` for a partial
/// statement whose quoted words are the speaker's but whose reported frame negates them. One
/// rule in the judge now decides both: the reported speech is altered, the negation named.
#[test]
fn a_negated_frame_around_sound_quoted_words_is_altered_in_check_and_verify() {
    let dir = sample_dir();
    let d = dir.path();
    let statement =
        "they were not \"certainly committed to helping Ukraine defend its sovereign territory\"";
    std::fs::write(
        d.join("draft.txt"),
        format!("Lloyd Austin said {statement}.\n"),
    )
    .unwrap();
    std::fs::write(
        d.join("claims.csv"),
        format!(
            "id,speaker,statement,kind,date\nc1,Lloyd Austin,\"{}\",indirect,\n",
            statement.replace('"', "\"\"")
        ),
    )
    .unwrap();
    let checked = jsonl(&check_jsonl_with(d, "draft.txt", &["--no-index"]));
    let verified = jsonl(&run(
        d,
        &[
            "verify",
            "claims.csv",
            "--corpus",
            "corpus",
            "--format",
            "jsonl",
        ],
    ));
    for (name, rows) in [("check", checked), ("verify", verified)] {
        assert_eq!(rows.len(), 1, "{name}: {rows:?}");
        let f = &rows[0];
        assert_eq!(f["kind"], "partial", "{name}");
        assert_eq!(f["verdict"], "altered", "{name}: {f}");
        assert_eq!(f["decided_by"], "reported speech", "{name}");
        let diffs = f["differences"].as_array().unwrap();
        assert!(
            diffs.iter().any(|x| x == "+not (negation)"),
            "{name}: {diffs:?}"
        );
    }
}
