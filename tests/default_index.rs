//! The index by default (issue 17): built on first use inside the corpus folder, or in the
//! per-user cache when the folder is read-only, said so on stderr, reused after; `--no-index`
//! builds nothing; `--index-as-is` uses an index without its corpus; a long statement is
//! found through the index. Runs the real binary in a temp dir, the cache in it too.

mod common;
use common::*;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

const LOCAL: &str = "corpus/.quotecheck.idx";

/// `(statement_id, verdict, source_file)` of each finding.
fn findings(o: &std::process::Output) -> Vec<(String, String, String)> {
    assert!(
        matches!(o.status.code(), Some(0) | Some(1)),
        "{}",
        stderr(o)
    );
    jsonl(o)
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (s("statement_id"), s("verdict"), s("source_file"))
        })
        .collect()
}

/// The index directories in the cache folder.
fn cached(dir: &Path) -> Vec<String> {
    std::fs::read_dir(cache_of(dir))
        .map(|r| {
            r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".idx"))
                .collect()
        })
        .unwrap_or_default()
}

fn set_mode(p: &Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn first_use_builds_the_index_in_the_corpus_folder_and_later_runs_reuse_it() {
    let dir = sample_dir();
    let d = dir.path();
    let brute = check_jsonl_with(d, "article.txt", &["--no-index"]);
    assert!(!d.join(LOCAL).exists(), "--no-index builds nothing");
    let first = check_jsonl(d, "article.txt");
    let err = stderr(&first);
    assert!(
        err.contains("indexing corpus into corpus/.quotecheck.idx") && err.contains("first use"),
        "{err}"
    );
    assert!(err.contains("built it in"), "{err}");
    assert!(d.join(LOCAL).join("records").is_file());
    assert!(cached(d).is_empty(), "{:?}", cached(d));
    assert_eq!(findings(&first), findings(&brute));
    let second = check_jsonl(d, "article.txt");
    assert!(!stderr(&second).contains("index"), "{}", stderr(&second));
    assert_eq!(findings(&second), findings(&brute));
    // verify and batch go through the same default.
    std::fs::remove_dir_all(d.join(LOCAL)).unwrap();
    std::fs::write(
        d.join("claims.csv"),
        "id,speaker,statement\nc1,Lloyd Austin,\"it really raises our concern\"\n",
    )
    .unwrap();
    let verify = |extra: &[&str]| {
        let mut args = vec!["verify", "claims.csv", "--corpus", "corpus"];
        args.extend_from_slice(extra);
        run(d, &args)
    };
    let v = verify(&["--no-index"]);
    assert!(!d.join(LOCAL).exists(), "verify --no-index builds nothing");
    let w = verify(&[]);
    assert!(stderr(&w).contains("indexing corpus"), "{}", stderr(&w));
    assert_eq!(stdout(&v), stdout(&w), "the same verdict either way");
    let b = run(
        d,
        &[
            "batch",
            "article.txt",
            "--corpus",
            "corpus",
            "--report",
            "o.csv",
        ],
    );
    assert!(!stderr(&b).contains("indexing"), "{}", stderr(&b));
}

#[test]
fn a_read_only_corpus_gets_its_index_in_the_cache_shared_by_every_spelling() {
    let dir = sample_dir();
    let d = dir.path();
    let brute = findings(&check_jsonl_with(d, "article.txt", &["--no-index"]));
    set_mode(&d.join("corpus"), 0o555);
    let first = check_jsonl(d, "article.txt");
    let second_dir = d.join("elsewhere");
    std::fs::create_dir(&second_dir).unwrap();
    // The same corpus by another path, from another folder: the same cached index.
    let abs = d.join("corpus").canonicalize().unwrap();
    let second = command(&second_dir)
        .env("QUOTECHECK_CACHE", cache_of(d))
        .args(["check", "../article.txt", "--format", "jsonl", "--corpus"])
        .arg(&abs)
        .output()
        .unwrap();
    set_mode(&d.join("corpus"), 0o755);
    let err = stderr(&first);
    assert!(!d.join(LOCAL).exists(), "nothing written in the corpus");
    assert!(
        err.contains("read-only") && err.contains(".qc-cache/corpus-"),
        "{err}"
    );
    assert_eq!(cached(d).len(), 1, "{:?}", cached(d));
    assert_eq!(findings(&first), brute);
    assert!(!stderr(&second).contains("index"), "{}", stderr(&second));
    // Sources are named under the corpus path this run gives, not the one that built it.
    let abs = abs.to_string_lossy().into_owned();
    let renamed: Vec<_> = brute
        .iter()
        .map(|(id, v, src)| {
            let src = match src.strip_prefix("corpus/") {
                Some(rest) => format!("{abs}/{rest}"),
                None => src.clone(),
            };
            (id.clone(), v.clone(), src)
        })
        .collect();
    assert_eq!(findings(&second), renamed);
}

/// `quotecheck index CORPUS` builds where `check` looks: the cache, for a read-only corpus.
#[test]
fn index_without_a_path_builds_where_check_looks() {
    let dir = sample_dir();
    let d = dir.path();
    set_mode(&d.join("corpus"), 0o555);
    let built = run(d, &["index", "corpus"]);
    let checked = check_jsonl(d, "article.txt");
    set_mode(&d.join("corpus"), 0o755);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(!d.join(LOCAL).exists());
    assert_eq!(cached(d).len(), 1, "{:?}", cached(d));
    assert!(!stderr(&checked).contains("index"), "{}", stderr(&checked));
    // Writable: inside the corpus folder, as before.
    assert!(run(d, &["index", "corpus"]).status.success());
    assert!(d.join(LOCAL).join("records").is_file());
}

#[test]
fn a_read_only_corpus_without_a_cache_folder_is_scanned_with_a_warning() {
    let dir = sample_dir();
    let d = dir.path();
    let brute = findings(&check_jsonl_with(d, "article.txt", &["--no-index"]));
    set_mode(&d.join("corpus"), 0o555);
    let out = command(d)
        .env_remove("QUOTECHECK_CACHE")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("HOME")
        .args([
            "check",
            "article.txt",
            "--corpus",
            "corpus",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    set_mode(&d.join("corpus"), 0o755);
    assert!(
        stderr(&out).contains("read-only and no cache folder is set"),
        "{}",
        stderr(&out)
    );
    assert_eq!(findings(&out), brute);
    assert!(!d.join(LOCAL).exists());
}

#[test]
fn an_index_used_as_it_is_needs_no_corpus_and_is_never_rebuilt() {
    let dir = sample_dir();
    let d = dir.path();
    let brute = findings(&check_jsonl_with(d, "article.txt", &["--no-index"]));
    assert!(run(d, &["index", "corpus", "--index", "c.idx"])
        .status
        .success());
    // The corpus moves away: the index alone answers, naming sources under --corpus.
    std::fs::rename(d.join("corpus"), d.join("gone")).unwrap();
    let as_is = check_jsonl_with(d, "article.txt", &["--index", "c.idx", "--index-as-is"]);
    assert_eq!(findings(&as_is), brute);
    assert!(!stderr(&as_is).contains("index"), "{}", stderr(&as_is));
    // Damaged: an error, not a rebuild (there is no corpus to rebuild it from).
    let records = d.join("c.idx/records");
    let mut b = std::fs::read(&records).unwrap();
    b[8] = 99;
    std::fs::write(&records, b).unwrap();
    let bad = check_jsonl_with(d, "article.txt", &["--index", "c.idx", "--index-as-is"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("unusable index") && stderr(&bad).contains("format version 99"),
        "{}",
        stderr(&bad)
    );
    assert!(!stderr(&bad).contains("rebuilt"), "{}", stderr(&bad));
}

/// Deterministic words from a vocabulary of 5,000 (so that a passage has rare words).
fn words(n: usize, seed: u64) -> Vec<String> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            format!("w{}", (x >> 33) % 5000)
        })
        .collect()
}

/// A candidate passage is two chunks of 100 words: a statement of 1,000 words is found by its
/// rare words and then read with enough of its turn around it to be aligned whole.
#[test]
fn a_long_statement_is_aligned_whole_through_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    long_turn_claim(d, &words(50_000, 11));
    for extra in [&["--no-index"][..], &[][..]] {
        let mut args = vec![
            "verify",
            "claims.csv",
            "--corpus",
            "corpus",
            "--format",
            "jsonl",
        ];
        args.extend_from_slice(extra);
        let out = run(d, &args);
        let rows = jsonl(&out);
        assert_eq!(rows[0]["verdict"], "altered", "{extra:?}: {}", stderr(&out));
        assert_eq!(rows[0]["score_parts"]["matched"], 999, "{extra:?}");
    }
    assert!(
        d.join(LOCAL).is_dir(),
        "the second run went through the index"
    );
}
