//! The shipped pre-commit hook (`hooks/pre-commit`) in a real git repository: it checks the
//! staged content, not the working copy, and drafts with any file name.

mod common;
use common::*;
use std::path::Path;
use std::process::{Command, Output};

fn git(dir: &Path, args: &[&str]) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_quotecheck"));
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("QUOTECHECK", bin)
        .env("NO_COLOR", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .expect("git runs")
}

/// A newsroom repository: the sample corpus, a quotecheck.toml, the hook installed.
fn newsroom_repo() -> tempfile::TempDir {
    let dir = sample_dir();
    let d = dir.path();
    std::fs::write(d.join("quotecheck.toml"), "corpus = \"corpus\"\n").unwrap();
    assert!(git(d, &["init", "-q"]).status.success());
    assert!(git(d, &["add", "corpus", "quotecheck.toml"])
        .status
        .success());
    assert!(git(d, &["commit", "-q", "-m", "corpus"]).status.success());
    let hook = d.join(".git/hooks/pre-commit");
    std::fs::copy(root().join("hooks/pre-commit"), &hook).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    std::fs::create_dir(d.join("drafts")).unwrap();
    dir
}

const MISQUOTE: &str = "# Austin\n\n\"We are certainly not committed to helping Ukraine defend its sovereign territory,\" Austin said.\n";
const FIXED: &str = "# Austin\n\n\"We are certainly committed to helping Ukraine defend its sovereign territory,\" Austin said.\n";

fn both(o: &Output) -> String {
    format!("{}{}", stdout(o), stderr(o))
}

#[test]
fn hook_checks_the_staged_draft_not_the_working_copy() {
    let dir = newsroom_repo();
    let d = dir.path();
    let name = "drafts/my draft \u{e9}t\u{e9} 'final'.md";
    std::fs::write(d.join(name), MISQUOTE).unwrap();
    assert!(git(d, &["add", name]).status.success());
    // The working copy is fixed, but the misquote is what is staged.
    std::fs::write(d.join(name), FIXED).unwrap();
    let out = git(d, &["commit", "-q", "-m", "draft"]);
    assert!(!out.status.success(), "the staged misquote was committed");
    let text = both(&out);
    assert!(
        text.contains(&format!(
            "{name}:3: altered: Lloyd J. Austin III: \"We are certainly not committed"
        )),
        "{text}"
    );
    assert!(text.contains("commit blocked"), "{text}");
    // Staging the fix lets the commit through.
    assert!(git(d, &["add", name]).status.success());
    let out = git(d, &["commit", "-q", "-m", "draft"]);
    assert!(out.status.success(), "{}", both(&out));
    // A commit without drafts is not checked.
    std::fs::write(d.join("notes.md"), MISQUOTE).unwrap();
    assert!(git(d, &["add", "notes.md"]).status.success());
    let out = git(d, &["commit", "-q", "-m", "notes"]);
    assert!(out.status.success(), "{}", both(&out));
}

#[test]
fn hook_blocks_a_staged_draft_that_is_not_text() {
    let dir = newsroom_repo();
    let d = dir.path();
    std::fs::write(d.join("drafts/story.txt"), b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n").unwrap();
    assert!(git(d, &["add", "drafts/story.txt"]).status.success());
    let out = git(d, &["commit", "-q", "-m", "pdf"]);
    assert!(!out.status.success());
    assert!(
        both(&out).contains("drafts/story.txt: not a text file (a PDF document)"),
        "{}",
        both(&out)
    );
}
