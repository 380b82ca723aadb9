//! `batch` as a pipeline stage (issue 17): JSON Lines articles from a file or standard input,
//! findings as JSON Lines (or CSV) on standard output, in input order, one article's rows
//! together; offsets into the `text` field; a bad line an error row naming its line.

mod common;
use common::*;
use std::io::Write;
use std::process::Stdio;

/// The seed article's text.
fn seed(dir: &std::path::Path) -> String {
    std::fs::read_to_string(dir.join("article.txt")).unwrap()
}

/// One JSON line of an article.
fn line(fields: &[(&str, &str)]) -> String {
    let map: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
        .collect();
    serde_json::Value::Object(map).to_string()
}

fn csv_rows(text: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn json_lines_from_stdin_become_json_lines_on_stdout_in_input_order() {
    let dir = sample_dir();
    let d = dir.path();
    let text = seed(d);
    let short = "\"They've invaded before,\" Lloyd Austin said.\n";
    let input = [
        line(&[
            ("id", "a1"),
            ("text", &text),
            ("date", "2021-12-05"),
            ("outlet", "AFP"),
        ]),
        line(&[("id", "a2"), ("text", short), ("title", "Short")]),
        "{\"id\": \"broken\", \"text\": ".to_string(),
        String::new(),
        line(&[("text", short), ("file", "draft.md")]),
        line(&[("id", "a5"), ("text", &text)]),
    ]
    .join("\n");
    let mut child = command(d)
        .args(["batch", "-", "--corpus", "corpus", "--format", "jsonl"])
        .args(["--summary", "summary.csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a bad line fails the run: {}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("<stdin>:3: not a JSON article object"),
        "{}",
        stderr(&out)
    );
    let rows = jsonl(&out);
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r["article_id"].as_str().unwrap())
        .collect();
    let mut want = vec!["a1"; SEED_STATEMENTS];
    want.extend(["a2", "draft.md"]);
    want.extend(vec!["a5"; SEED_STATEMENTS]);
    assert_eq!(ids, want, "input order, one article's rows together");
    assert_eq!(rows[0]["outlet"], "AFP");
    assert_eq!(rows[0]["article_date"], "2021-12-05");
    assert_eq!(
        rows[SEED_STATEMENTS]["file"], "<stdin>:2",
        "a line without `file` is INPUT:LINE"
    );
    assert_eq!(rows[SEED_STATEMENTS]["verdict"], "verbatim");
    // Offsets are into the `text` field, and lines are its lines.
    for r in &rows[..SEED_STATEMENTS] {
        let spans: Vec<[usize; 2]> = match r.get("content_span") {
            Some(span) => vec![span.clone()],
            None => r["content_spans"].as_array().unwrap().clone(),
        }
        .iter()
        .map(|s| [0, 1].map(|k| s[k].as_u64().unwrap() as usize))
        .collect();
        let content = loose(r["content"].as_str().unwrap());
        for [a, b] in &spans {
            assert!(content.contains(&loose(&text[*a..*b])), "{r}");
        }
        let first = spans[0][0];
        assert_eq!(
            text[..first].matches('\n').count() + 1,
            r["line"].as_u64().unwrap() as usize
        );
    }
    let summary = csv_rows(&std::fs::read_to_string(d.join("summary.csv")).unwrap());
    let got: Vec<(&str, &str, &str)> = summary.iter().map(|r| (&r[0], &r[1], &r[4])).collect();
    assert_eq!(
        got,
        [
            ("a1", "<stdin>:1", SEED_STATEMENTS.to_string().as_str()),
            ("a2", "<stdin>:2", "1"),
            ("", "", ""),
            ("draft.md", "draft.md", "1"),
            ("a5", "<stdin>:6", SEED_STATEMENTS.to_string().as_str()),
        ]
    );
    assert!(
        summary[2][12].starts_with("<stdin>:3: "),
        "{:?}",
        &summary[2]
    );
}

/// A JSON Lines file naming each article's `file` and `id` as batch would gives the bytes
/// batch gives for the files themselves: what the Spark job relies on.
#[test]
fn a_json_lines_file_gives_the_rows_of_the_articles_it_holds() {
    let dir = sample_dir();
    let d = dir.path();
    std::fs::create_dir(d.join("arts")).unwrap();
    let md = "# Talks\n\n**\"They've invaded before,\"** said _Lloyd Austin_.\n";
    std::fs::write(d.join("arts/b.md"), md).unwrap();
    std::fs::copy(d.join("article.txt"), d.join("arts/a.txt")).unwrap();
    let mut jl = String::new();
    for name in ["arts/a.txt", "arts/b.md"] {
        let text = std::fs::read_to_string(d.join(name)).unwrap();
        jl.push_str(&line(&[("id", name), ("file", name), ("text", &text)]));
        jl.push('\n');
    }
    std::fs::write(d.join("arts.jsonl"), jl).unwrap();
    let files = run(d, &["batch", "arts", "--corpus", "corpus", "--report", "-"]);
    let lines = run(
        d,
        &[
            "batch",
            "arts.jsonl",
            "--corpus",
            "corpus",
            "--report",
            "-",
            "--summary",
            "s.csv",
        ],
    );
    assert_eq!(files.status.code(), Some(0), "{}", stderr(&files));
    assert_eq!(lines.status.code(), Some(0), "{}", stderr(&lines));
    assert_eq!(stdout(&lines), stdout(&files));
    let rows = csv_rows(&stdout(&files));
    assert_eq!(rows.len(), SEED_STATEMENTS + 1);
    assert_eq!(
        &rows[SEED_STATEMENTS][3], "arts/b.md",
        "Markdown told by `file`"
    );
    // The same bytes in a report file.
    run(
        d,
        &["batch", "arts", "--corpus", "corpus", "--report", "out.csv"],
    );
    assert_eq!(
        std::fs::read_to_string(d.join("out.csv")).unwrap(),
        stdout(&files)
    );
}

#[test]
fn a_csv_report_needs_a_destination() {
    let dir = sample_dir();
    let out = run(dir.path(), &["batch", "article.txt", "--corpus", "corpus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--report"), "{}", stderr(&out));
}

/// `--list` prints the articles batch would check, as JSON article lines (paths as batch
/// reads them, errors in their place) without opening a corpus; fed back to batch, the list
/// gives batch's report.
#[test]
fn list_names_the_articles_and_checking_the_list_is_checking_the_inputs() {
    let dir = sample_dir();
    let d = dir.path();
    std::fs::create_dir(d.join("arts")).unwrap();
    std::fs::copy(d.join("article.txt"), d.join("arts/a.txt")).unwrap();
    std::fs::write(
        d.join("arts/b.md"),
        "**\"They've invaded before,\"** said _Lloyd Austin_.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("m.csv"),
        "id,path,date,outlet\nm1,arts/a.txt,2021-12-05,AFP\nm2,arts/b.md,whenever,X\n",
    )
    .unwrap();
    let out = run(
        d,
        &["batch", "--list", "m.csv", "arts", "--corpus", "nowhere"],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "a bad manifest row: {}",
        stderr(&out)
    );
    let listed = jsonl(&out);
    assert_eq!(listed.len(), 4);
    let want = serde_json::json!({
        "id": "m1", "path": "arts/a.txt", "date": "2021-12-05", "outlet": "AFP", "title": null
    });
    let got = &listed[0];
    for k in ["id", "path", "date", "outlet"] {
        assert_eq!(got[k], want[k], "{k}: {got}");
    }
    assert_eq!(
        listed[1]["error"],
        "m.csv:3: date \"whenever\" is not a date"
    );
    assert_eq!(listed[2]["path"], "arts/a.txt");
    let good: Vec<String> = stdout(&out)
        .lines()
        .filter(|l| !l.contains("\"error\""))
        .map(String::from)
        .collect();
    std::fs::write(d.join("list.jsonl"), good.join("\n")).unwrap();
    std::fs::write(
        d.join("good.csv"),
        "id,path,date,outlet\nm1,arts/a.txt,2021-12-05,AFP\n",
    )
    .unwrap();
    let direct = run(
        d,
        &[
            "batch", "good.csv", "arts", "--corpus", "corpus", "--report", "-",
        ],
    );
    let listed = run(
        d,
        &["batch", "list.jsonl", "--corpus", "corpus", "--report", "-"],
    );
    assert_eq!(stdout(&listed), stdout(&direct));
    assert_eq!(csv_rows(&stdout(&direct)).len(), 2 * SEED_STATEMENTS + 1);
}

/// Regression: a report to /dev/null (a device, which cannot be synced) was an error.
#[test]
fn a_report_to_dev_null_is_not_an_error() {
    let dir = sample_dir();
    let out = run(
        dir.path(),
        &[
            "batch",
            "article.txt",
            "--corpus",
            "corpus",
            "--report",
            "/dev/null",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
