//! The data desk's batch CSV (issue 16): the JSON's fields as columns, progress lines and a
//! totals line on a standard error that is not a terminal, report paths cleaned, and the
//! formula guard that a desk feeding pandas can turn off.

mod common;
use common::*;
use std::collections::HashMap;
use std::process::Command;

/// The batch report as rows of column -> cell.
fn table(path: &std::path::Path) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).expect("a CSV file");
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    r.records()
        .map(|row| {
            let row = row.expect("a whole row");
            header
                .iter()
                .cloned()
                .zip(row.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

/// Runs `quotecheck ARGS` in `dir` with `env` set.
fn run_env(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(args)
        .current_dir(dir)
        .envs(env.iter().copied())
        .output()
        .expect("run quotecheck")
}

/// A misattribution (a true speaker), a cue and a statement date (`on Saturday`), and a
/// statement dated before the only transcript that holds it (a flag).
const STORY: &str = "Published: 6 Dec 2021\n\n\"There are already almost 100,000 Russian troops along that border with Ukraine,\" Austin said.\n\n\"We remain focused on this,\" Austin told reporters on Saturday.\n\n\"They've invaded before,\" Austin said on Friday.\n";

#[test]
fn batch_report_has_the_fields_the_json_has() {
    let dir = sample_dir();
    let d = dir.path();
    std::fs::write(d.join("story.txt"), STORY).unwrap();
    std::fs::write(
        d.join("manifest.csv"),
        "id,path,date,outlet,title\ns1,story.txt,,AFP,Austin on the border\n",
    )
    .unwrap();
    let out = run(
        d,
        &[
            "batch",
            "manifest.csv",
            "--report",
            "out.csv",
            "--corpus",
            "corpus",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let rows = table(&d.join("out.csv"));
    let json = jsonl(&check_jsonl(d, "story.txt"));
    assert_eq!(rows.len(), json.len());
    for (row, f) in rows.iter().zip(&json) {
        assert_eq!(row["title"], "Austin on the border");
        let text = |k: &str| f[k].as_str().unwrap_or("").to_string();
        assert_eq!(row["cue"], text("cue"));
        assert_eq!(row["statement_date"], text("statement_date"));
        assert_eq!(row["true_speaker"], text("true_speaker"));
        assert_eq!(
            row["source_line"],
            f["source_line"]
                .as_u64()
                .map_or(String::new(), |l| l.to_string())
        );
        let flags: Vec<&str> = f["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        assert_eq!(row["flags"], flags.join("; "));
    }
    // The values are there, not just the columns.
    assert_eq!(rows[0]["true_speaker"], "Bret Baier");
    assert_eq!(rows[1]["cue"], "told");
    assert_eq!(rows[1]["statement_date"], "2021-12-04");
    assert_eq!(rows[1]["source_line"], "14");
    assert!(
        rows[2]["flags"].contains("only a later transcript holds it"),
        "{:?}",
        rows[2]
    );
    // Without a manifest title, an HTML article's own title fills the column.
    std::fs::write(
        d.join("page.html"),
        "<html><head><title>Austin speaks</title></head><body><p>\"We remain focused on this,\" Austin said.</p></body></html>",
    )
    .unwrap();
    run(
        d,
        &[
            "batch",
            "page.html",
            "--report",
            "page.csv",
            "--corpus",
            "corpus",
        ],
    );
    assert_eq!(table(&d.join("page.csv"))[0]["title"], "Austin speaks");
}

#[test]
fn batch_prints_progress_lines_and_totals_when_stderr_is_not_a_terminal() {
    let dir = sample_dir();
    let d = dir.path();
    std::fs::create_dir(d.join("articles")).unwrap();
    for i in 0..5 {
        std::fs::write(d.join(format!("articles/{i}.txt")), STORY).unwrap();
    }
    let args = [
        "batch", "articles", "--report", "out.csv", "--corpus", "corpus",
    ];
    let out = run_env(d, &args, &[("QUOTECHECK_PROGRESS_SECONDS", "0")]);
    let err = stderr(&out);
    let progress: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("quotecheck: checking "))
        .collect();
    assert_eq!(progress.len(), 4, "a line per article but the last: {err}");
    assert!(
        progress[0].starts_with("quotecheck: checking 1/5 articles, "),
        "{err}"
    );
    assert!(progress[0].contains("/s, ETA "), "{err}");
    let last = err.lines().last().unwrap_or("");
    assert!(
        last.starts_with("quotecheck: checked 5 articles (0 could not be checked) in ")
            && last.contains(": 15 statements: 5 verbatim, 0 near-verbatim, 0 altered, 0 paraphrase, 5 misattributed, 5 unverified; 10 need attention; report out.csv"),
        "{err}"
    );
    // By default lines come every 10 s: a short batch prints only the totals.
    let out = run(d, &args);
    let err = stderr(&out);
    assert!(!err.contains("quotecheck: checking "), "{err}");
    assert!(err.contains("quotecheck: checked 5 articles"), "{err}");
}

#[test]
fn report_paths_are_written_as_given_cleaned() {
    let dir = sample_dir();
    let d = dir.path();
    std::fs::create_dir_all(d.join("scratch")).unwrap();
    std::fs::create_dir_all(d.join("shared")).unwrap();
    std::fs::write(d.join("shared/a.txt"), STORY).unwrap();
    std::fs::write(d.join("shared/b.txt"), STORY).unwrap();
    std::fs::write(d.join("scratch/m.csv"), "path\n../shared/a.txt\n").unwrap();
    let out = run(
        d,
        &[
            "batch",
            "scratch/m.csv",
            "scratch/../shared/./b.txt",
            "--report",
            "out.csv",
            "--summary",
            "sum.csv",
            "--corpus",
            "corpus",
        ],
    );
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    let rows = table(&d.join("out.csv"));
    let files: Vec<&str> = rows.iter().map(|r| r["file"].as_str()).collect();
    assert_eq!(
        files,
        [
            "shared/a.txt",
            "shared/a.txt",
            "shared/a.txt",
            "shared/b.txt",
            "shared/b.txt",
            "shared/b.txt"
        ]
    );
    assert_eq!(rows[3]["article_id"], "shared/b.txt");
    let summary = table(&d.join("sum.csv"));
    let files: Vec<&str> = summary.iter().map(|r| r["file"].as_str()).collect();
    assert_eq!(files, ["shared/a.txt", "shared/b.txt"]);
    let out = run(
        d,
        &[
            "check",
            "scratch/../shared/a.txt",
            "--corpus",
            "corpus",
            "--quiet",
        ],
    );
    assert!(
        stdout(&out).starts_with("shared/a.txt:3: "),
        "{}",
        stdout(&out)
    );
}

#[test]
fn no_formula_guard_writes_cells_as_they_are() {
    let dir = sample_dir();
    let d = dir.path();
    let base = ["batch", "article.txt", "--corpus", "corpus", "--report"];
    run(d, &[&base[..], &["guarded.csv"]].concat());
    run(
        d,
        &[
            &base[..],
            &["raw.csv", "--no-formula-guard", "--summary", "sum.csv"],
        ]
        .concat(),
    );
    let differences = |f: &str| -> Vec<String> {
        table(&d.join(f))
            .iter()
            .map(|r| r["differences"].clone())
            .filter(|c| !c.is_empty())
            .collect()
    };
    assert_eq!(differences("guarded.csv"), ["'-the (filler)"]);
    assert_eq!(differences("raw.csv"), ["-the (filler)"]);
}

/// `script` (util-linux) runs a command on a pseudo-terminal: how a test sees the bar a
/// person sees.
fn on_a_terminal(dir: &std::path::Path, args: &[&str]) -> Option<String> {
    let cmd = std::iter::once(env!("CARGO_BIN_EXE_quotecheck"))
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let out = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(dir)
        .env("QUOTECHECK_PROGRESS_SECONDS", "0")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn batch_draws_a_bar_on_a_terminal_and_ends_its_line() {
    let dir = sample_dir();
    let d = dir.path();
    std::fs::create_dir(d.join("articles")).unwrap();
    for i in 0..3 {
        std::fs::write(d.join(format!("articles/{i}.txt")), STORY).unwrap();
    }
    let args = [
        "batch", "articles", "--report", "out.csv", "--corpus", "corpus",
    ];
    let Some(screen) = on_a_terminal(d, &args) else {
        eprintln!("skipped: no `script` to run a pseudo-terminal");
        return;
    };
    let lines: Vec<&str> = screen.split(['\r', '\n']).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("checking  [") && l.contains("3/3 articles")),
        "{screen:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("quotecheck: checked 3 articles")),
        "the totals line starts a line of its own: {screen:?}"
    );
    assert!(
        !screen.contains("quotecheck: checking "),
        "no log lines on a terminal: {screen:?}"
    );
}
