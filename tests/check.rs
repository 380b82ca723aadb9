//! `quotecheck check`: the sample article against the sample corpus, output formats, exit
//! statuses and errors, run through the real binary in a temp dir.

mod common;
use common::*;

/// Every statement of the seed fixture's expected.csv gets its verdict and speaker.
#[test]
fn sample_article_gets_expected_verdicts() {
    let dir = sample_dir();
    let out = check_jsonl(dir.path(), "article.txt");
    assert_eq!(
        out.status.code(),
        Some(0),
        "every quotation of a speaker the corpus holds is the speaker's; the one unverified \
         quotation is Lavrov's, whom the corpus lacks (not-in-corpus), which the default gate \
         lets pass, so exit 0\n{}",
        stderr(&out)
    );
    let findings = jsonl(&out);
    let expected =
        std::fs::read_to_string(root().join("tests/fixtures/seed/expected.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(expected.as_bytes());
    let mut failures = Vec::new();
    for row in rdr.records() {
        let row = row.unwrap();
        let (id, speaker, excerpt, verdicts) = (&row[0], &row[1], &row[3], &row[4]);
        let found = findings
            .iter()
            .find(|f| loose(f["content"].as_str().unwrap()).contains(&loose(excerpt)));
        let Some(f) = found else {
            failures.push(format!("{id}: no statement contains {excerpt:?}"));
            continue;
        };
        let verdict = f["verdict"].as_str().unwrap();
        if !verdicts.split('|').any(|v| v == verdict) {
            failures.push(format!("{id}: verdict {verdict}, expected {verdicts}"));
        }
        let got = f["speaker"].as_str().unwrap().to_lowercase();
        let alternatives: Vec<String> = speaker
            .split(['/', '(', ')'])
            .map(|s| s.trim().trim_start_matches("the ").to_lowercase())
            .filter(|s| !s.is_empty())
            .collect();
        if !alternatives.iter().any(|a| got.contains(a.as_str())) {
            failures.push(format!("{id}: speaker {got:?}, expected {speaker:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn jsonl_records_carry_the_documented_fields() {
    let dir = sample_dir();
    let out = check_jsonl(dir.path(), "article.txt");
    let text = std::fs::read_to_string(dir.path().join("article.txt")).unwrap();
    for f in jsonl(&out) {
        for key in [
            "file",
            "statement_id",
            "kind",
            "speaker",
            "speaker_mention",
            "cue",
            "content",
            "speaker_span",
            "cue_span",
            "verdict",
            "score",
            "source_file",
            "source_title",
            "source_date",
            "source_speaker",
            "source_text",
            "differences",
        ] {
            assert!(f.get(key).is_some(), "missing {key} in {f}");
        }
        // Spans are byte offsets into the article file.
        let span = f
            .get("content_span")
            .or_else(|| f["content_spans"].get(0))
            .unwrap();
        let (s, e) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert!(
            loose(f["content"].as_str().unwrap()).starts_with(&loose(&text[s..e])),
            "{f}"
        );
        if let Some(sp) = f["speaker_span"].as_array() {
            let (s, e) = (
                sp[0].as_u64().unwrap() as usize,
                sp[1].as_u64().unwrap() as usize,
            );
            assert!(!text[s..e].trim().is_empty());
        }
    }
}

#[test]
fn text_report_shows_evidence_and_summary() {
    let dir = sample_dir();
    let out = run(dir.path(), &["check", "article.txt", "--corpus", "corpus"]);
    let text = stdout(&out);
    assert!(text.contains("NEAR-VERBATIM"), "{text}");
    assert!(
        text.contains("[-the-]"),
        "the dropped article is marked in the passage:\n{text}"
    );
    assert!(
        text.contains("corpus/2021-12-04-austin-baier-reagan-forum.txt"),
        "{text}"
    );
    let last = text.lines().last().unwrap();
    assert!(last.starts_with("16 statements: 5 verbatim, 1 near-verbatim, 0 altered, 0 paraphrase, 0 misattributed, 10 unverified"), "{last}");
    assert!(
        !text.contains('\x1b'),
        "no colour when NO_COLOR is set and stdout is a pipe"
    );
    let coloured = stdout(&run(
        dir.path(),
        &[
            "check",
            "article.txt",
            "--corpus",
            "corpus",
            "--color",
            "always",
        ],
    ));
    assert!(coloured.contains("\x1b[32m"));
}

#[test]
fn csv_and_json_formats() {
    let dir = sample_dir();
    let csv_out = stdout(&run(
        dir.path(),
        &[
            "check",
            "article.txt",
            "--corpus",
            "corpus",
            "--format",
            "csv",
        ],
    ));
    let mut rdr = csv::Reader::from_reader(csv_out.as_bytes());
    assert_eq!(rdr.headers().unwrap().get(12), Some("verdict"));
    assert_eq!(rdr.records().count(), SEED_STATEMENTS);
    let json_out = stdout(&run(
        dir.path(),
        &[
            "check",
            "article.txt",
            "--corpus",
            "corpus",
            "--format",
            "json",
        ],
    ));
    let doc: serde_json::Value = serde_json::from_str(&json_out).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["summary"]["verbatim"], 5);
    assert_eq!(doc["articles"][0]["date"], "2021-12-05");
}

#[test]
fn article_from_stdin_and_date_option() {
    let dir = sample_dir();
    let article = std::fs::read(dir.path().join("article.txt")).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args([
            "check",
            "-",
            "--corpus",
            "corpus",
            "--format",
            "jsonl",
            "--date",
            "2021-12-06",
        ])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), &article).unwrap();
    let out = child.wait_with_output().unwrap();
    let findings = jsonl(&out);
    assert_eq!(findings.len(), SEED_STATEMENTS);
    assert_eq!(findings[0]["file"], "-");
    // "said Friday" against Monday 6 Dec is Friday 3 Dec
    let biden = findings
        .iter()
        .find(|f| f["cue"] == "said" && f["speaker"] == "Joe Biden")
        .unwrap();
    assert_eq!(biden["statement_date"], "2021-12-03");
}

#[test]
fn crlf_bom_and_curly_quotes_read_the_same() {
    let dir = sample_dir();
    let text = std::fs::read_to_string(dir.path().join("article.txt")).unwrap();
    let mut curly = String::from("\u{feff}");
    let mut open = false;
    for c in text.chars() {
        if c == '"' {
            curly.push(if open { '\u{201d}' } else { '\u{201c}' });
            open = !open;
        } else if c == '\n' {
            curly.push_str("\r\n");
        } else {
            curly.push(c);
        }
    }
    std::fs::write(dir.path().join("curly.txt"), curly).unwrap();
    let a = jsonl(&check_jsonl(dir.path(), "article.txt"));
    let b = jsonl(&check_jsonl(dir.path(), "curly.txt"));
    let verdicts = |v: &[serde_json::Value]| {
        v.iter()
            .map(|f| (f["speaker"].clone(), f["verdict"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(verdicts(&a), verdicts(&b));
}

#[test]
fn missing_corpus_is_a_clear_error() {
    let dir = sample_dir();
    let out = run(dir.path(), &["check", "article.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("reference_data: corpus directory not found"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unreadable_article_is_named_and_the_rest_go_on() {
    let dir = sample_dir();
    let out = run(
        dir.path(),
        &[
            "check",
            "nope.txt",
            "article.txt",
            "--corpus",
            "corpus",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope.txt: "), "{}", stderr(&out));
    assert_eq!(
        jsonl(&out).len(),
        SEED_STATEMENTS,
        "the readable article is still checked"
    );
}

#[test]
fn bad_transcript_is_named_with_its_line_and_skipped() {
    let dir = sample_dir();
    std::fs::write(
        dir.path().join("corpus/broken.txt"),
        "---\ntitle: x\ndate: not a date\n---\nA: b\n",
    )
    .unwrap();
    let out = check_jsonl(dir.path(), "article.txt");
    assert!(stderr(&out).contains("broken.txt:3:"), "{}", stderr(&out));
    assert_eq!(jsonl(&out).len(), SEED_STATEMENTS);
}

#[test]
fn clean_article_exits_zero() {
    let dir = sample_dir();
    std::fs::write(
        dir.path().join("clean.txt"),
        "\"They've invaded before,\" Lloyd Austin said.\n",
    )
    .unwrap();
    let out = check_jsonl(dir.path(), "clean.txt");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(jsonl(&out)[0]["verdict"], "verbatim");
}

/// Regression: a quote from the interviewer given to the official is misattributed, and
/// the report names who said it.
#[test]
fn interviewer_words_given_to_official_are_misattributed() {
    let dir = sample_dir();
    std::fs::write(dir.path().join("mis.txt"), "\"There are already almost 100,000 Russian troops along that border with Ukraine,\" Austin said.\n").unwrap();
    let out = check_jsonl(dir.path(), "mis.txt");
    let f = &jsonl(&out)[0];
    assert_eq!(f["verdict"], "misattributed");
    assert_eq!(f["true_speaker"], "Bret Baier");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn changed_number_is_altered() {
    let dir = sample_dir();
    std::fs::write(dir.path().join("alt.txt"), "\"There are already almost 200,000 Russian troops along that border with Ukraine,\" Bret Baier said.\n").unwrap();
    let f = &jsonl(&check_jsonl(dir.path(), "alt.txt"))[0];
    assert_eq!(f["verdict"], "altered");
    assert!(
        f["differences"][0].as_str().unwrap().contains("(number)"),
        "{f}"
    );
}

/// An article whose only date is in its file name (as archives name them) is judged as of
/// that date: transcripts dated after it are no evidence. `--date` still wins.
#[test]
fn a_date_in_the_file_name_dates_the_article() {
    let dir = sample_dir();
    let name = "kyiv_2021-11-01_draft.txt";
    let text = std::fs::read_to_string(dir.path().join("article.txt")).unwrap();
    let undated: String = text
        .lines()
        .filter(|l| !l.starts_with("Published:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(
        undated, text,
        "the seed article has a date line to take out"
    );
    std::fs::write(dir.path().join(name), undated).unwrap();
    let findings = jsonl(&run(
        dir.path(),
        &["check", name, "--corpus", "corpus", "--format", "jsonl"],
    ));
    assert_eq!(findings.len(), SEED_STATEMENTS);
    assert!(
        findings.iter().all(|f| f["verdict"] == "unverified"),
        "a November article cannot be supported by December transcripts"
    );
    assert!(findings.iter().any(|f| f["reason"] == "only_later_sources"));
    let friday = |fs: &[serde_json::Value]| {
        fs.iter()
            .find(|f| f["cue"] == "said" && f["speaker"] == "Joe Biden")
            .map(|f| f["statement_date"].clone())
            .unwrap()
    };
    assert_eq!(friday(&findings), "2021-10-29");
    let given = jsonl(&run(
        dir.path(),
        &[
            "check",
            name,
            "--corpus",
            "corpus",
            "--format",
            "jsonl",
            "--date",
            "2021-12-06",
        ],
    ));
    assert_eq!(friday(&given), "2021-12-03");
    assert!(given.iter().any(|f| f["verdict"] == "verbatim"));
}
