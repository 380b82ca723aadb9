//! README.md against real runs: its sample report must be what the binary prints, block for
//! block, and the hook it documents must be the one shipped in `hooks/`.

mod common;
use common::*;

/// The text of the first fenced block after the heading `heading`.
fn fenced_after(readme: &str, heading: &str) -> String {
    let at = readme
        .find(heading)
        .unwrap_or_else(|| panic!("README has no {heading:?}"));
    let rest = &readme[at..];
    let open = rest.find("```\n").expect("a fenced block") + 4;
    let close = rest[open..].find("```").expect("the block closes") + open;
    rest[open..close].to_string()
}

#[test]
fn readme_sample_report_matches_a_real_run() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let sample = fenced_after(&readme, "## Sample text report");
    // The layout the README's command runs in: the seed article and reference_data/.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("tests/fixtures/seed")).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/seed/article.txt"),
        d.join("tests/fixtures/seed/article.txt"),
    )
    .unwrap();
    std::fs::create_dir(d.join("reference_data")).unwrap();
    for entry in std::fs::read_dir(root().join("reference_data")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&p, d.join("reference_data").join(p.file_name().unwrap())).unwrap();
        }
    }
    let out = run(d, &["check", "tests/fixtures/seed/article.txt"]);
    let real = stdout(&out);
    let blocks: Vec<&str> = sample.split("\n\n").map(str::trim_end).collect();
    assert!(blocks.len() >= 3, "{sample}");
    for block in &blocks[..blocks.len() - 1] {
        assert!(
            real.contains(&format!("{block}\n\n")),
            "README's sample block is not in a real run:\n{block}\n--- real run:\n{real}"
        );
    }
    let summary = blocks[blocks.len() - 1];
    assert_eq!(real.lines().last(), Some(summary), "{real}");
    assert!(summary.starts_with(&format!("{SEED_STATEMENTS} statements")));
}

#[test]
fn readme_installs_the_binary_its_examples_call_and_points_at_the_shipped_hook() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains("cargo install --path ."), "no install step");
    assert!(readme.contains("hooks/pre-commit"));
    assert!(root().join("hooks/pre-commit").is_file());
}
