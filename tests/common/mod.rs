//! Helpers shared by the integration tests: a temp dir holding the sample article and corpus,
//! and running the real binary in it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Statements the extractor finds in the seed article (tests/fixtures/seed/article.txt):
/// "say X and accuse Russia of Y" and "denied X and accused the West of Y" count two each.
pub const SEED_STATEMENTS: usize = 16;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temp dir with `article.txt` (the seed article) and `corpus/` (reference_data).
pub fn sample_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        root().join("tests/fixtures/seed/article.txt"),
        dir.path().join("article.txt"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("corpus")).unwrap();
    for entry in std::fs::read_dir(root().join("reference_data")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&p, dir.path().join("corpus").join(p.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// The per-user index cache the tests' runs use: inside the test's temp dir, so that nothing
/// reaches the user's home.
pub fn cache_of(dir: &Path) -> PathBuf {
    dir.join(".qc-cache")
}

/// The binary, to run in `dir` with the index cache in `dir` ([`cache_of`]).
pub fn command(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quotecheck"));
    c.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("QUOTECHECK_CACHE", cache_of(dir));
    c
}

/// Runs `quotecheck ARGS` in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    command(dir).args(args).output().expect("run quotecheck")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// JSON Lines output parsed.
pub fn jsonl(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// Lower case letters and digits only, single-spaced: for comparing excerpts with content.
pub fn loose(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs `quotecheck check FILE --corpus corpus --format jsonl` in `dir`.
pub fn check_jsonl(dir: &Path, file: &str) -> Output {
    check_jsonl_with(dir, file, &[])
}

/// [`check_jsonl`] with more arguments (`--no-index`, `--index PATH`, ...).
pub fn check_jsonl_with(dir: &Path, file: &str, extra: &[&str]) -> Output {
    let mut args = vec!["check", file, "--corpus", "corpus", "--format", "jsonl"];
    args.extend_from_slice(extra);
    run(dir, &args)
}

/// Writes `corpus/long.txt`, one turn of Dan Long made of `turn`, and `claims.csv`, one
/// direct claim of words 20,000..21,000 of it with word 500 changed to `never`: a long
/// statement against a long turn (the turn needs 21,000 words or more).
pub fn long_turn_claim(dir: &Path, turn: &[String]) {
    std::fs::create_dir_all(dir.join("corpus")).unwrap();
    std::fs::write(
        dir.join("corpus/long.txt"),
        format!(
            "---\ntitle: Long\ndate: 2020-01-01\nspeakers: Dan Long (Speaker)\n---\n\nDan Long: {}\n",
            turn.join(" ")
        ),
    )
    .unwrap();
    let mut statement = turn[20_000..21_000].to_vec();
    statement[500] = "never".to_string();
    std::fs::write(
        dir.join("claims.csv"),
        format!(
            "id,speaker,statement,kind,date\nlong,Dan Long,{},direct,2020-01-01\n",
            statement.join(" ")
        ),
    )
    .unwrap();
}
