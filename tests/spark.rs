//! The Spark job (`spark/batch.py`, issue 17) run for real with `spark-submit` on `local[2]`:
//! its report and summary part files hold the rows `quotecheck batch` writes for the same
//! inputs (every kind: a folder of plain text, Markdown, HTML and invalid UTF-8, a manifest
//! with a missing file and a bad date, JSON Lines with a bad line); articles given as URIs
//! that Spark reads itself, the binary and index shipped to the executors, Parquet, and a
//! task whose worker is killed mid-task, run again without a row lost or doubled.
//!
//! Needs Java and a Python with pyspark: `$QUOTECHECK_SPARK_VENV`, else `target/venv-spark`
//! or `.venv-spark` (what `.ci/run` makes); without them each test says so and passes, unless
//! `QUOTECHECK_SPARK_REQUIRED` is set (as `.ci/run` sets it): then missing them fails.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The virtual environment holding pyspark, and whether Java runs; `None` (with a message
/// on stderr) when either is missing.
fn spark_env() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("QUOTECHECK_SPARK_VENV").map(PathBuf::from),
        Some(root().join("target/venv-spark")),
        Some(root().join(".venv-spark")),
    ];
    let venv = candidates.into_iter().flatten().find(|v| {
        Command::new(v.join("bin/python"))
            .args(["-c", "import pyspark"])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    match (venv, java) {
        (Some(v), true) => Some(v),
        (v, java) => {
            let why = format!(
                "the Spark test needs Java ({}) and pyspark in $QUOTECHECK_SPARK_VENV, \
                 target/venv-spark or .venv-spark ({}); .ci/run installs both",
                if java { "found" } else { "missing" },
                if v.is_some() { "found" } else { "missing" },
            );
            assert!(
                std::env::var_os("QUOTECHECK_SPARK_REQUIRED").is_none(),
                "QUOTECHECK_SPARK_REQUIRED is set, but {why}"
            );
            eprintln!("skipped: {why}");
            None
        }
    }
}

/// A temp dir with `corpus/` (the sample corpus) and articles of every kind of input.
fn inputs_dir() -> tempfile::TempDir {
    let dir = sample_dir();
    let d = dir.path();
    let seed = std::fs::read_to_string(d.join("article.txt")).unwrap();
    std::fs::create_dir_all(d.join("arts/sub")).unwrap();
    std::fs::write(d.join("arts/a.txt"), &seed).unwrap();
    std::fs::write(
        d.join("arts/b.md"),
        "# Talks\n\n**\"They've invaded before,\"** said _Lloyd Austin_.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("arts/sub/c.html"),
        "<html><body><p>\"It really raises our concern,\" Lloyd Austin said.</p></body></html>\n",
    )
    .unwrap();
    let mut bad = seed.clone().into_bytes();
    bad.splice(10..10, [0xff, 0xfe]);
    std::fs::write(d.join("arts/sub/utf8.txt"), bad).unwrap();
    std::fs::write(
        d.join("m.csv"),
        "id,path,date,outlet\nm1,arts/a.txt,2021-12-05,AFP\nm2,missing.txt,,X\nm3,arts/b.md,someday,Y\n",
    )
    .unwrap();
    let line = |v: serde_json::Value| v.to_string();
    let jl = [
        line(serde_json::json!({"id": "j1", "text": seed, "date": "2021-12-05", "outlet": "AP"})),
        "{broken".to_string(),
        String::new(),
        line(
            serde_json::json!({"text": "\"They've invaded before,\" Lloyd Austin said.", "file": "x.md"}),
        ),
        line(serde_json::json!({"id": "j5", "date": "not a date", "text": "x"})),
    ];
    std::fs::write(d.join("in.jsonl"), jl.join("\n") + "\n").unwrap();
    dir
}

/// The header and the sorted rows of CSV files (a part file's header once).
fn csv_rows(files: &[PathBuf]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = Vec::new();
    let mut rows = Vec::new();
    for f in files {
        let mut r = csv::Reader::from_path(f).unwrap();
        header = r.headers().unwrap().iter().map(String::from).collect();
        rows.extend(
            r.records()
                .map(|r| r.unwrap().iter().map(String::from).collect()),
        );
    }
    rows.sort();
    (header, rows)
}

/// Asserts that Spark's header and sorted rows are batch's, naming the first rows that differ.
fn same_rows(
    what: &str,
    spark: &(Vec<String>, Vec<Vec<String>>),
    batch: &(Vec<String>, Vec<Vec<String>>),
) {
    assert_eq!(spark.0, batch.0, "{what}: the columns");
    let only = |a: &[Vec<String>], b: &[Vec<String>]| -> Vec<Vec<String>> {
        a.iter()
            .filter(|r| !b.contains(r))
            .take(3)
            .cloned()
            .collect()
    };
    assert!(
        spark.1 == batch.1,
        "{what}: {} rows from Spark, {} from batch; only Spark's: {:?}; only batch's: {:?}",
        spark.1.len(),
        batch.1.len(),
        only(&spark.1, &batch.1),
        only(&batch.1, &spark.1)
    );
}

/// The CSV part files of a Spark output folder.
fn parts(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("part-")
        })
        .collect();
    v.sort();
    v
}

/// Runs `quotecheck batch INPUTS` in `dir`: its report and summary.
fn batch(dir: &Path, inputs: &[&str]) -> [(Vec<String>, Vec<Vec<String>>); 2] {
    let mut args = vec!["batch", "--corpus", "corpus", "--index", "idx"];
    args.extend(["--report", "batch.csv", "--summary", "batch-summary.csv"]);
    args.extend_from_slice(inputs);
    let out = run(dir, &args);
    assert_eq!(
        out.status.code(),
        Some(2),
        "bad inputs among them: {}",
        stderr(&out)
    );
    [
        csv_rows(&[dir.join("batch.csv")]),
        csv_rows(&[dir.join("batch-summary.csv")]),
    ]
}

/// Runs the Spark job in `dir` with `master`; `env` is set for it (and its executors).
fn spark_submit(venv: &Path, dir: &Path, master: &str, args: &[&str], env: &[(&str, &Path)]) {
    let mut c = Command::new(venv.join("bin/spark-submit"));
    c.current_dir(dir)
        .env("PYSPARK_PYTHON", venv.join("bin/python"))
        .env("QUOTECHECK_BIN", env!("CARGO_BIN_EXE_quotecheck"))
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .env("QUOTECHECK_CACHE", cache_of(dir))
        .args(["--master", master, "--conf", "spark.ui.enabled=false"])
        .arg(root().join("spark/batch.py"))
        .args(["--corpus", "corpus", "--index", "idx"])
        .args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "spark-submit failed: {}\n{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn spark_local_2_writes_the_rows_and_summary_of_batch() {
    let Some(venv) = spark_env() else { return };
    let dir = inputs_dir();
    let d = dir.path();
    let inputs = ["arts", "m.csv", "in.jsonl"];
    let [report, summary] = batch(d, &inputs);
    assert!(report.1.len() > 2 * SEED_STATEMENTS, "{}", report.1.len());
    let mut args = vec!["--report", "out"];
    args.extend_from_slice(&inputs);
    spark_submit(&venv, d, "local[2]", &args, &[]);
    assert_eq!(
        csv_rows(&parts(&d.join("out"))),
        report,
        "the report's rows"
    );
    assert_eq!(
        csv_rows(&parts(&d.join("out-summary"))),
        summary,
        "the summary's rows"
    );
}

#[test]
fn urls_read_by_spark_shipped_files_parquet_and_a_dead_task_run_again() {
    let Some(venv) = spark_env() else { return };
    let dir = inputs_dir();
    let d = dir.path();
    let [report, summary] = batch(d, &["arts", "in.jsonl"]);
    let abs = d.canonicalize().unwrap();
    let url = |p: &str| format!("file://{}/{p}", abs.display());
    let (arts, jl) = (url("arts"), url("in.jsonl"));
    let mark = d.join("died");
    spark_submit(
        &venv,
        d,
        // Two threads, and up to four attempts of a task (local mode retries none otherwise).
        "local[2,4]",
        &["--report", "out", "--parquet", "--ship", &arts, &jl],
        &[
            ("QUOTECHECK_BIN", &root().join("tests/spark/dies-once.sh")),
            (
                "QUOTECHECK_REAL",
                Path::new(env!("CARGO_BIN_EXE_quotecheck")),
            ),
            ("DIES_ONCE_MARK", &mark),
        ],
    );
    assert!(mark.is_dir(), "a task's worker was killed");
    // Articles Spark read are named by their URL, as batch names the files of a folder (in
    // the report's `file`, cleaned as batch cleans a path: `file:/abs/...`).
    let prefixes = [url(""), format!("file:{}/", abs.display())];
    let local = |(h, rows): (Vec<String>, Vec<Vec<String>>)| {
        let unurl = |c: String| prefixes.iter().fold(c, |c, p| c.replace(p, ""));
        let mut rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|r| r.into_iter().map(unurl).collect())
            .collect();
        rows.sort();
        (h, rows)
    };
    for (name, want) in [("out", report), ("out-summary", summary)] {
        let csv = d.join(format!("{name}.csv"));
        let o = Command::new(venv.join("bin/python"))
            .arg(root().join("tests/spark/parquet-to-csv.py"))
            .arg(d.join(name))
            .arg(&csv)
            .env("SPARK_LOCAL_IP", "127.0.0.1")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        same_rows(name, &local(csv_rows(&[csv])), &want);
    }
}
