//! The HTML review page: self-contained, escaped, and checked in a real headless browser.

mod common;
use common::*;
use std::process::Command;

fn chromium() -> Option<String> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            Command::new("which")
                .arg(name)
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        })
}

#[test]
fn page_is_self_contained_and_escapes_article_text() {
    let dir = sample_dir();
    std::fs::write(dir.path().join("evil.txt"), "\"They've invaded before,\" Lloyd Austin said.\n\nFooter <script>alert(1)</script>\n\n<img src=x onerror=alert(2)> \"<b>bold</b>,\" he said.\n").unwrap();
    let out = run(
        dir.path(),
        &[
            "check", "evil.txt", "--corpus", "corpus", "--format", "html",
        ],
    );
    let page = stdout(&out);
    assert!(page.starts_with("<!doctype html>"));
    assert!(
        !page.contains("<script>alert"),
        "article text must be escaped"
    );
    assert!(!page.contains("<img"), "article text must be escaped");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "no external assets"
    );
    assert_eq!(
        page.matches("<script>").count(),
        1,
        "only the page's own filter script"
    );
}

#[test]
fn html_file_is_written_beside_the_text_report() {
    let dir = sample_dir();
    let out = run(
        dir.path(),
        &[
            "check",
            "article.txt",
            "--corpus",
            "corpus",
            "--html",
            "report.html",
        ],
    );
    // Since the gate's not-in-corpus outcome, nothing in the seed article needs attention.
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("{SEED_STATEMENTS} statements")));
    let page = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert_eq!(
        page.matches("<mark class=\"verbatim\"").count(),
        5,
        "one highlight per verbatim statement"
    );
}

/// Renders the sample's page in headless Chromium and reads the highlights and counts back
/// from the rendered DOM. Skips when no browser is installed, except in CI (CI=true), where
/// `.ci/run` installs Debian's chromium.
#[test]
fn sample_page_renders_in_a_real_browser() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var("CI").is_err(),
            "CI must have chromium (.ci/run installs it)"
        );
        eprintln!("skipped: no chromium on this machine");
        return;
    };
    let dir = sample_dir();
    run(
        dir.path(),
        &[
            "check",
            "article.txt",
            "--corpus",
            "corpus",
            "--html",
            "report.html",
        ],
    );
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}", dir.path().join("report.html").display());
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(&url)
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("16 statements: 5 verbatim, 1 near-verbatim"),
        "{}",
        &dom[..dom.len().min(2000)]
    );
    // Highlighted statements per verdict (a statement in several pieces has several marks).
    let count = |verdict: &str| {
        let open = format!("<mark class=\"{verdict}\"");
        let ids: std::collections::BTreeSet<String> = dom
            .split(open.as_str())
            .skip(1)
            .filter_map(|m| {
                m.split("href=\"#f0-")
                    .nth(1)?
                    .split('"')
                    .next()
                    .map(str::to_string)
            })
            .collect();
        ids.len()
    };
    assert_eq!(
        (
            count("verbatim"),
            count("near-verbatim"),
            count("unverified")
        ),
        (5, 1, 10)
    );
    assert!(dom.contains("data-count=\"10\""));
    assert!(
        dom.contains("<del>the</del>"),
        "the dropped article is marked in the passage"
    );
}

#[test]
fn each_card_shows_file_line_and_whether_it_needs_attention() {
    let dir = sample_dir();
    std::fs::write(
        dir.path().join("my draft.md"),
        "# Austin\n\n\"We remain focused on this,\" Austin said.\n\n\"We are certainly not committed to helping Ukraine defend its sovereign territory,\" Austin said.\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "check",
            "my draft.md",
            "--corpus",
            "corpus",
            "--format",
            "html",
        ],
    );
    let page = stdout(&out);
    let cards: Vec<&str> = page.split("<div class=\"finding ").skip(1).collect();
    assert_eq!(cards.len(), 2, "{page}");
    assert!(cards[0].starts_with("verbatim\" data-verdict=\"verbatim\" data-attention=\"false\""));
    assert!(
        cards[0].contains("<span class=\"ok\">no action needed</span>"),
        "{}",
        cards[0]
    );
    assert!(
        cards[0].contains("<span class=\"meta where\">my draft.md:3, direct</span>"),
        "{}",
        cards[0]
    );
    assert!(cards[1].contains("data-attention=\"true\""), "{}", cards[1]);
    assert!(
        cards[1].contains("<span class=\"attention\">needs attention</span>"),
        "{}",
        cards[1]
    );
    assert!(cards[1].contains("my draft.md:5, direct"), "{}", cards[1]);
}
