//! Mixed-format corpora through the real binary: JSON Lines, CSV, WebVTT with cue times, a
//! `speakers.csv` roster matching an institution to its press secretary, and a broken file
//! skipped with a warning naming it; with and without the index.

mod common;
use common::*;

/// A temp dir holding a copy of tests/fixtures/corpus as `corpus/`.
fn fixture_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("corpus");
    std::fs::create_dir(&to).unwrap();
    for e in std::fs::read_dir(root().join("tests/fixtures/corpus")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::copy(
        root().join("tests/fixtures/corpus-article.txt"),
        dir.path().join("article.txt"),
    )
    .unwrap();
    dir
}

#[test]
fn mixed_formats_roster_and_cue_times() {
    let dir = fixture_dir();
    for extra in [&["--no-index"][..], &["--index", "c.idx"][..]] {
        let out = check_jsonl_with(dir.path(), "article.txt", extra);
        let err = stderr(&out);
        assert!(
            err.contains("broken.csv:1: CSV header lacks column \"date\""),
            "{extra:?}: {err}"
        );
        let f = jsonl(&out);
        let got: Vec<(&str, &str, Option<&str>, &str)> = f
            .iter()
            .map(|f| {
                (
                    f["speaker"].as_str().unwrap(),
                    f["verdict"].as_str().unwrap(),
                    f["source_time"].as_str(),
                    f["source_speaker"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("the White House", "verbatim", None, "Jen Psaki"),
                ("Joe Biden", "verbatim", Some("00:41:07"), "Joe Biden"),
            ],
            "{extra:?}"
        );
        let flags = f[0]["flags"].to_string();
        assert!(
            flags.contains("they are Jen Psaki's, Press Secretary"),
            "{flags}"
        );
    }
}
