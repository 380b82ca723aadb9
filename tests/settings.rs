//! Settings files that are wrong in the ways people get them wrong (issue 16): a bad value
//! in `quotecheck.toml` is named by its own line, and a `speakers.csv` with an unterminated
//! quote is warned of with its file and line instead of silently losing its aliases.

mod common;
use common::*;

#[test]
fn bad_threshold_names_its_own_line_not_the_section_header() {
    let dir = sample_dir();
    let d = dir.path();
    let table = [
        (
            "corpus = \"corpus\"\n\n[thresholds]\nnear_min_coverage = 0.8\naltered_min_coverage = 1.5\n",
            "quotecheck.toml:5: altered_min_coverage = 1.5: a share must be between 0 and 1",
        ),
        (
            "corpus = \"corpus\"\nthresholds.paraphrase_min_coverage = -1\n",
            "quotecheck.toml:2: paraphrase_min_coverage = -1",
        ),
        (
            "corpus = \"corpus\"\n[thresholds]\naltered_max_run = \"three\"\n",
            "quotecheck.toml:3: invalid type: string \"three\"",
        ),
        (
            "corpus = \"corpus\"\n\nfail_on = [\"altered\", \"sometimes\"]\n",
            "quotecheck.toml:3: fail_on: invalid --fail-on rule 'sometimes'",
        ),
    ];
    for (config, want) in table {
        std::fs::write(d.join("quotecheck.toml"), config).unwrap();
        let out = run(d, &["check", "article.txt"]);
        assert_eq!(out.status.code(), Some(2), "{config}");
        assert!(stderr(&out).contains(want), "{config}\n{}", stderr(&out));
    }
}

#[test]
fn speakers_csv_with_an_unterminated_quote_is_warned_with_file_and_line() {
    let dir = sample_dir();
    let d = dir.path();
    std::fs::write(
        d.join("corpus/speakers.csv"),
        "name,aliases,role,affiliations\nJen Psaki,\"Jennifer Psaki,Press Secretary,White House\nLloyd J. Austin III,SEC AUSTIN,Secretary of Defense,Pentagon\n",
    )
    .unwrap();
    for extra in [&["--no-index"][..], &["--index", "idx"][..]] {
        let out = check_jsonl_with(d, "article.txt", extra);
        assert!(
            stderr(&out).contains("speakers.csv:2: a quoted field opens here and is never closed"),
            "{extra:?}: {}",
            stderr(&out)
        );
    }
    let out = run(d, &["index", "corpus", "--index", "idx2"]);
    assert!(
        stderr(&out).contains("warning: skipped corpus/speakers.csv:2: a quoted field"),
        "{}",
        stderr(&out)
    );
}
