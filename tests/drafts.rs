//! Drafts as newsrooms really save them (issue 16): Windows-1252 and UTF-16 text, files that
//! are not text, empty files, Markdown read by pulldown-cmark and HTML as CMSs write it, and
//! the `--quiet` gate line that says what changed and who said it.

mod common;
use common::*;

/// Austin's words with a negation added, Baier's words given to Austin, and a true quote.
const DRAFT: &str = "# Austin on Ukraine\n\n\u{201c}We are certainly not committed to helping Ukraine defend its sovereign territory,\u{201d} Austin said.\n\n\u{201c}There are already almost 100,000 Russian troops along that border with Ukraine,\u{201d} Austin said.\n\n\u{201c}We remain focused on this,\u{201d} Austin said.\n";

/// [`DRAFT`] with a quote nobody in the corpus said.
const DRAFT_UNVERIFIED: &str = "\n\u{201c}We will never send troops,\u{201d} Austin said.\n";

/// `text` in Windows-1252 (the curly quotes as 0x93/0x94).
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            c if c.is_ascii() => c as u8,
            c => panic!("{c:?} is not in the test's table"),
        })
        .collect()
}

fn check_quiet(dir: &std::path::Path, file: &str) -> std::process::Output {
    run(dir, &["check", file, "--corpus", "corpus", "--quiet"])
}

#[test]
fn windows_1252_draft_is_decoded_and_fails_the_gate() {
    let dir = sample_dir();
    let bytes = windows_1252(DRAFT);
    std::fs::write(dir.path().join("draft.txt"), &bytes).unwrap();
    let out = check_quiet(dir.path(), "draft.txt");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("draft.txt: invalid UTF-8 at byte 21; read as Windows-1252"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out).lines().count(), 2, "{}", stdout(&out));
    // spans are byte offsets into the Windows-1252 file
    let st = jsonl(&check_jsonl(dir.path(), "draft.txt"));
    assert_eq!(st.len(), 3);
    let span = st[2]["content_span"].as_array().unwrap();
    let (s, e) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[s..e], b"We remain focused on this");
    assert_eq!(st[2]["line"], 7);
    // the review page shows the decoded text with the statement highlighted
    let page = run(
        dir.path(),
        &[
            "check",
            "draft.txt",
            "--corpus",
            "corpus",
            "--format",
            "html",
        ],
    );
    assert!(
        stdout(&page).contains("\u{201c}<mark class=\"verbatim\""),
        "{}",
        stdout(&page)
    );
}

#[test]
fn utf16_draft_with_a_bom_is_decoded() {
    let dir = sample_dir();
    let mut bytes = vec![0xff, 0xfe];
    for u in DRAFT.encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    std::fs::write(dir.path().join("draft.txt"), &bytes).unwrap();
    let out = check_quiet(dir.path(), "draft.txt");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("draft.txt:3: altered"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_file_that_is_not_text_is_refused_with_exit_2() {
    let dir = sample_dir();
    let table: [(&str, &[u8], &str); 3] = [
        (
            "report.txt",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Speaker (\x93x\x94) >>\n",
            "a PDF document",
        ),
        (
            "draft.md",
            b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
            "a ZIP archive",
        ),
        (
            "notes.txt",
            b"Austin said \x00\x01\x02\x03 \"yes\".",
            "a NUL byte at byte 12",
        ),
    ];
    for (name, bytes, what) in table {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let out = check_quiet(dir.path(), name);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stdout(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("{name}: not a text file ({what}")),
            "{name}: {err}"
        );
        assert_eq!(stdout(&out), "", "{name}: no statement of binary junk");
    }
}

#[test]
fn an_empty_draft_is_warned_about() {
    let dir = sample_dir();
    std::fs::write(dir.path().join("empty.md"), "").unwrap();
    std::fs::write(
        dir.path().join("blank.html"),
        "<html><body><p>&nbsp;</p></body></html>",
    )
    .unwrap();
    let out = check_quiet(dir.path(), "empty.md");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("warning: empty.md: the article is empty"),
        "{}",
        stderr(&out)
    );
    let out = check_quiet(dir.path(), "blank.html");
    assert!(
        stderr(&out).contains("warning: blank.html: the article has no text"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn quiet_line_says_what_changed_and_who_said_it() {
    let dir = sample_dir();
    std::fs::write(
        dir.path().join("draft.md"),
        format!("{DRAFT}{DRAFT_UNVERIFIED}"),
    )
    .unwrap();
    let out = check_quiet(dir.path(), "draft.md");
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "draft.md:3: altered: Lloyd J. Austin III: \"We are certainly not committed to helping Ukraine defend its sovereign territory\"; changes: +not (negation)",
            "draft.md:5: misattributed: Lloyd J. Austin III: \"There are already almost 100,000 Russian troops along that border with Ukraine\"; said by: Bret Baier",
            "draft.md:9: unverified: Lloyd J. Austin III: \"We will never send troops\"; reason: no_passage",
        ],
        "{text}"
    );
}

/// A Markdown draft with what writers use: front matter, emphasis around and inside quotes,
/// links, a list, a block quote, inline HTML, escapes, entities and a table.
const MARKDOWN: &str = "---\ntitle: \"Austin: 'focused'\"\ndate: 2021-12-05\n---\n\n# Austin on Ukraine\n\n- **\u{201c}We remain focused on this,\u{201d}** said [Lloyd Austin](https://example.org/austin).\n\n> \"We are certainly committed to helping Ukraine defend its *sovereign* territory,\" Austin said.\n\nHe added: \u{201c}They<span class=\"x\">'</span>ve invaded before\u{201d} \\* &amp; so on.\n\n| who | what |\n|---|---|\n| Austin | said things |\n";

#[test]
fn markdown_draft_read_by_pulldown_cmark_keeps_file_offsets() {
    let dir = sample_dir();
    std::fs::write(dir.path().join("draft.md"), MARKDOWN).unwrap();
    let st = jsonl(&check_jsonl(dir.path(), "draft.md"));
    let verdicts: Vec<(&str, &str)> = st
        .iter()
        .map(|s| {
            (
                s["content"].as_str().unwrap(),
                s["verdict"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        verdicts[..2],
        [
            ("We remain focused on this", "verbatim"),
            (
                "We are certainly committed to helping Ukraine defend its sovereign territory",
                "verbatim"
            ),
        ],
        "{verdicts:?}"
    );
    for s in &st[..2] {
        let span = s["content_span"].as_array().unwrap();
        let (a, b) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        let in_file = &MARKDOWN[a..b];
        assert_eq!(
            loose(in_file.replace("*", "").as_str()),
            loose(s["content"].as_str().unwrap())
        );
    }
    assert_eq!(st[0]["line"], 8);
    assert_eq!(st[1]["line"], 10);
    // the front matter's date is the article's date: `statement_date` needs none here, but
    // the text report prints the article's date from it
    let out = run(
        dir.path(),
        &[
            "check", "draft.md", "--corpus", "corpus", "--format", "json",
        ],
    );
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["articles"][0]["date"], "2021-12-05");
    assert_eq!(doc["articles"][0]["title"], "Austin: 'focused'");
}

/// An article as a CMS exports it: a head with a title, scripts and styles, comments, smart
/// quotes as entities (named, numeric and Windows-1252 numbers), `<br>`, nested inline tags.
const CMS_HTML: &str = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Austin &amp; Ukraine | The Daily</title>\n<style>p { color: red; } /* \"We remain focused on this,\" Austin said. */</style>\n<script type=\"text/javascript\">var s = \"\\\"They've invaded before,\\\" Austin said.\";</script></head>\n<body><article>\n<h1>Austin on Ukraine</h1>\n<!-- <p>\"We are certainly not committed,\" Austin said.</p> -->\n<p>&ldquo;We remain <em>focused</em> on this,&rdquo; said <a href=\"/people/austin\"><strong>Lloyd&nbsp;Austin</strong></a>.</p>\n<p>&#8220;We are certainly committed to helping Ukraine defend its sovereign territory,&#8221; Austin said.<br>\nHe spoke at the forum.</p>\n<p>&#147;They&rsquo;ve invaded before,&#148; Austin said.</p>\n</article></body></html>\n";

#[test]
fn html_draft_as_a_cms_writes_it() {
    let dir = sample_dir();
    std::fs::write(dir.path().join("story.html"), CMS_HTML).unwrap();
    let st = jsonl(&check_jsonl(dir.path(), "story.html"));
    let got: Vec<(&str, &str, &str)> = st
        .iter()
        .map(|s| {
            (
                s["content"].as_str().unwrap(),
                s["speaker"].as_str().unwrap(),
                s["verdict"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "We remain focused on this",
                "Lloyd J. Austin III",
                "verbatim"
            ),
            (
                "We are certainly committed to helping Ukraine defend its sovereign territory",
                "Lloyd J. Austin III",
                "verbatim"
            ),
            (
                "They\u{2019}ve invaded before",
                "Lloyd J. Austin III",
                "verbatim"
            ),
        ],
        "nothing from the head, the script, the style or the comment: {got:?}"
    );
    let lines: Vec<u64> = st.iter().map(|s| s["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [8, 9, 11]);
    let span = st[1]["content_span"].as_array().unwrap();
    let (a, b) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &CMS_HTML[a..b],
        "We are certainly committed to helping Ukraine defend its sovereign territory"
    );
    let out = run(
        dir.path(),
        &[
            "check",
            "story.html",
            "--corpus",
            "corpus",
            "--format",
            "json",
        ],
    );
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["articles"][0]["title"], "Austin & Ukraine | The Daily");
}
