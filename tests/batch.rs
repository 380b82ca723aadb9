//! `quotecheck batch`: inputs of every kind, a stable CSV report, the summary with error rows,
//! spreadsheet-safe cells, and Ctrl-C leaving a valid CSV.

mod common;
use common::*;
use std::process::{Command, Stdio};

fn rows(path: &std::path::Path) -> Vec<csv::StringRecord> {
    let mut r = csv::Reader::from_path(path).expect("a CSV file");
    r.records().map(|r| r.expect("a whole CSV row")).collect()
}

/// The cell of `row` under the column named `name` in the CSV file at `path`.
fn cell(path: &std::path::Path, row: usize, name: &str) -> String {
    let mut r = csv::Reader::from_path(path).expect("a CSV file");
    let at = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    rows(path)[row][at].to_string()
}

#[test]
fn manifest_directory_and_file_inputs_with_summary() {
    let dir = sample_dir();
    let d = dir.path();
    std::fs::create_dir(d.join("more")).unwrap();
    std::fs::write(
        d.join("more/austin.md"),
        "\"They've invaded before,\" Lloyd Austin said.\n",
    )
    .unwrap();
    std::fs::write(d.join("more/notes.json"), "{}").unwrap();
    std::fs::write(d.join("manifest.csv"), "id,path,date,outlet,title\nafp-1,article.txt,2021-12-05,AFP,Talks\ngone,missing.txt,,X,Gone\n").unwrap();
    let out = run(
        d,
        &[
            "batch",
            "manifest.csv",
            "more",
            "--report",
            "out.csv",
            "--summary",
            "summary.csv",
            "--corpus",
            "corpus",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unreadable article makes the run fail: {}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("missing.txt"));
    let report = rows(&d.join("out.csv"));
    assert_eq!(
        report.len(),
        SEED_STATEMENTS + 1,
        "the article's statements and 1 of the Markdown file"
    );
    assert_eq!(
        (&report[0][0], &report[0][1], &report[0][2]),
        ("afp-1", "AFP", "2021-12-05")
    );
    assert_eq!(&report[SEED_STATEMENTS][3], "more/austin.md");
    let summary = rows(&d.join("summary.csv"));
    let got: Vec<(&str, &str, &str)> = summary.iter().map(|r| (&r[0], &r[4], &r[12])).collect();
    assert_eq!(got[0], ("afp-1", SEED_STATEMENTS.to_string().as_str(), ""));
    assert_eq!((got[1].0, got[1].1), ("gone", ""));
    assert!(got[1].2.contains("missing.txt"), "{got:?}");
    assert_eq!(got[2], ("more/austin.md", "1", ""));
}

#[test]
fn same_input_gives_the_same_bytes() {
    let dir = sample_dir();
    let d = dir.path();
    std::fs::create_dir(d.join("arts")).unwrap();
    for i in 0..20 {
        std::fs::copy(d.join("article.txt"), d.join(format!("arts/a{i:02}.txt"))).unwrap();
    }
    run(
        d,
        &["batch", "arts", "--report", "one.csv", "--corpus", "corpus"],
    );
    run(
        d,
        &["batch", "arts", "--report", "two.csv", "--corpus", "corpus"],
    );
    let (one, two) = (
        std::fs::read(d.join("one.csv")).unwrap(),
        std::fs::read(d.join("two.csv")).unwrap(),
    );
    assert_eq!(one, two);
    let report = rows(&d.join("one.csv"));
    assert_eq!(report.len(), 20 * SEED_STATEMENTS);
    let files: Vec<&str> = report.iter().map(|r| &r[3]).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "rows in input order");
}

#[test]
fn formula_cells_are_neutralised() {
    let dir = sample_dir();
    std::fs::write(
        dir.path().join("evil.txt"),
        "\"=HYPERLINK(1) is not a quote,\" Lloyd Austin said.\n",
    )
    .unwrap();
    run(
        dir.path(),
        &[
            "batch", "evil.txt", "--report", "out.csv", "--corpus", "corpus",
        ],
    );
    let report = rows(&dir.path().join("out.csv"));
    assert_eq!(&report[0][9], "'=HYPERLINK(1) is not a quote");
}

/// Regression: Ctrl-C in the middle of a batch must leave a valid CSV holding whole articles.
#[test]
fn interrupt_leaves_a_valid_csv_of_finished_articles() {
    let dir = sample_dir();
    let d = dir.path();
    let mut manifest = String::from("id,path\n");
    for i in 0..4000 {
        manifest.push_str(&format!("a{i},article.txt\n"));
    }
    std::fs::write(d.join("manifest.csv"), manifest).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args([
            "batch",
            "manifest.csv",
            "--report",
            "out.csv",
            "--summary",
            "summary.csv",
            "--corpus",
            "corpus",
        ])
        .current_dir(d)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until some rows are written, then interrupt.
    let report = d.join("out.csv");
    let start = std::time::Instant::now();
    while std::fs::metadata(&report).map_or(0, |m| m.len()) < 20_000
        && start.elapsed().as_secs() < 60
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = rows(&report);
    assert!(
        !rows.is_empty() && rows.len() < 4000 * SEED_STATEMENTS,
        "{} rows",
        rows.len()
    );
    assert_eq!(rows.len() % SEED_STATEMENTS, 0, "whole articles only");
    let summary = self::rows(&d.join("summary.csv"));
    assert_eq!(
        summary.len() * SEED_STATEMENTS,
        rows.len(),
        "the summary lists the finished articles"
    );
}

/// A match in a caption file says where in the video it was said, in the batch report too.
#[test]
fn caption_time_reaches_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("corpus")).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/corpus/2021-12-03-remarks.vtt"),
        d.join("corpus/remarks.vtt"),
    )
    .unwrap();
    std::fs::write(
        d.join("a.txt"),
        "\"The most comprehensive and meaningful set of initiatives,\" Joe Biden said.\n",
    )
    .unwrap();
    run(
        d,
        &[
            "batch", "a.txt", "--corpus", "corpus", "--report", "out.csv",
        ],
    );
    let report = d.join("out.csv");
    assert_eq!(cell(&report, 0, "verdict"), "verbatim");
    assert_eq!(cell(&report, 0, "caption_time"), "00:41:07");
}
