//! Hostile and pathological input: each case runs the real binary under a time bound and
//! reads its peak memory (VmHWM) from /proc; none may panic, hang or lose the other inputs.
//! The bounds are generous (debug build, shared CI machine): they catch hangs and blow-ups,
//! not slowness; `scripts/hostile.sh` measures the same cases on a release build. The two
//! big inputs are bounded relative to a run on a twentieth or a tenth of them in the same
//! test ([`linear_limit`]), since a fixed bound failed on a slow machine with linear code.

mod common;
use common::*;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Output, wall time and peak resident memory (KiB, when /proc tells) of one run.
struct Measured {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    secs: f64,
    peak_kib: u64,
}

fn measure(dir: &Path, args: &[&str], limit: Duration) -> Measured {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut out, &mut s).ok();
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut err, &mut s).ok();
        s
    });
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0;
    let status = loop {
        if let Ok(s) = std::fs::read_to_string(&status_path) {
            if let Some(kib) = s
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            {
                peak_kib = kib;
            }
        }
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            panic!("{args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Measured {
        code: status.code(),
        stdout: reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
        secs: start.elapsed().as_secs_f64(),
        peak_kib,
    }
}

fn report(case: &str, m: &Measured) {
    eprintln!(
        "{case}: {:.2}s, peak {} MiB, exit {:?}",
        m.secs,
        m.peak_kib / 1024,
        m.code
    );
}

const MIB: u64 = 1024;

/// The time bound of a case `scale` times bigger than the one `args` runs on `dir`: that
/// run's wall time times `scale` (linear growth) times a slack of 3 for a loaded machine,
/// and never under 60 s. Growth faster than linear (quadratic: `scale` squared) fails it
/// on any machine, while a slow machine or a debug build only stretches it.
fn linear_limit(dir: &Path, args: &[&str], scale: u32) -> Duration {
    let small = measure(dir, args, Duration::from_secs(600));
    assert!(matches!(small.code, Some(0) | Some(1)), "{}", small.stderr);
    let limit = Duration::from_secs_f64(small.secs * f64::from(scale) * 3.0);
    eprintln!(
        "{args:?}: {:.2}s, so {scale} times the input has {:.0}s",
        small.secs,
        limit.as_secs_f64()
    );
    limit.max(Duration::from_secs(60))
}

#[test]
fn fifty_megabyte_article() {
    let dir = sample_dir();
    let article = std::fs::read_to_string(dir.path().join("article.txt")).unwrap();
    let copies = 50_000_000 / (article.len() + 2);
    let big = format!("{article}\n\n").repeat(copies);
    std::fs::write(dir.path().join("big.txt"), &big).unwrap();
    let twentieth = &big[..(article.len() + 2) * (copies / 20)];
    std::fs::write(dir.path().join("small.txt"), twentieth).unwrap();
    let limit = linear_limit(
        dir.path(),
        &["extract", "small.txt", "--format", "jsonl"],
        20,
    );
    let m = measure(
        dir.path(),
        &["extract", "big.txt", "--format", "jsonl"],
        limit,
    );
    report("50 MB article (extract)", &m);
    assert_eq!(m.code, Some(0), "{}", m.stderr);
    assert!(m.stdout.lines().count() > 10_000);
    assert!(m.peak_kib < 1024 * MIB, "peak {} KiB", m.peak_kib);
}

#[test]
fn one_ten_megabyte_line() {
    let dir = sample_dir();
    let piece = "\"Quote,\" he said. word ";
    std::fs::write(dir.path().join("line.txt"), piece.repeat(10_000_000 / 23)).unwrap();
    std::fs::write(dir.path().join("tenth.txt"), piece.repeat(1_000_000 / 23)).unwrap();
    let check = |file| ["check", file, "--corpus", "corpus", "--format", "jsonl"];
    let limit = linear_limit(dir.path(), &check("tenth.txt"), 10);
    let m = measure(dir.path(), &check("line.txt"), limit);
    report("one 10 MB line (check)", &m);
    assert!(matches!(m.code, Some(0) | Some(1)), "{}", m.stderr);
    assert!(m.peak_kib < 1536 * MIB, "peak {} KiB", m.peak_kib);
}

#[test]
fn quote_marks_nesting_and_long_quotes() {
    let dir = sample_dir();
    let d = dir.path();
    std::fs::write(d.join("marks.txt"), "\"".repeat(100_000)).unwrap();
    std::fs::write(
        d.join("curly.txt"),
        "\u{201c}\u{201d}\u{201c}".repeat(40_000),
    )
    .unwrap();
    std::fs::write(
        d.join("nested.txt"),
        "He said \"a 'b \"c 'd \"e ".repeat(5_000) + "\" end.",
    )
    .unwrap();
    let words: Vec<&str> =
        "we look at the numbers of forces that are in the border region and it raises our concern"
            .split(' ')
            .collect();
    let long: Vec<&str> = (0..1000).map(|i| words[i * 7 % words.len()]).collect();
    std::fs::write(
        d.join("long.txt"),
        format!("\"{},\" Lloyd Austin said.\n", long.join(" ")),
    )
    .unwrap();
    for file in ["marks.txt", "curly.txt", "nested.txt", "long.txt"] {
        let m = measure(
            d,
            &["check", file, "--corpus", "corpus", "--format", "jsonl"],
            Duration::from_secs(120),
        );
        report(file, &m);
        assert!(matches!(m.code, Some(0) | Some(1)), "{file}: {}", m.stderr);
    }
}

#[test]
fn invalid_utf8_is_read_lossily_with_a_warning() {
    let dir = sample_dir();
    let mut bytes = b"\"They've invaded before,\" Lloyd Austin said. ".to_vec();
    bytes.extend([0xff, 0xfe, 0x80]);
    bytes.extend(b" More.\n");
    std::fs::write(dir.path().join("bad.txt"), &bytes).unwrap();
    let m = measure(
        dir.path(),
        &[
            "check", "bad.txt", "--corpus", "corpus", "--format", "jsonl",
        ],
        Duration::from_secs(60),
    );
    assert_eq!(m.code, Some(0), "{}", m.stderr);
    assert!(
        m.stderr.contains("bad.txt: invalid UTF-8 at byte 45"),
        "{}",
        m.stderr
    );
    assert!(m.stdout.contains("\"verdict\":\"verbatim\""));
}

#[test]
fn empty_file_and_a_directory_of_ten_thousand_empty_files() {
    let dir = sample_dir();
    let d = dir.path();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    let m = measure(
        d,
        &["check", "empty.txt", "--corpus", "corpus"],
        Duration::from_secs(60),
    );
    assert_eq!(m.code, Some(0));
    assert!(m.stdout.contains("0 statements"), "{}", m.stdout);
    std::fs::create_dir(d.join("empties")).unwrap();
    for i in 0..10_000 {
        std::fs::write(d.join(format!("empties/{i:05}.txt")), "").unwrap();
    }
    let m = measure(
        d,
        &[
            "batch",
            "empties",
            "--report",
            "out.csv",
            "--summary",
            "sum.csv",
            "--corpus",
            "corpus",
        ],
        Duration::from_secs(180),
    );
    report("10,000 empty files (batch)", &m);
    assert_eq!(m.code, Some(0), "{}", m.stderr);
    let summary = std::fs::read_to_string(d.join("sum.csv")).unwrap();
    assert_eq!(summary.lines().count(), 10_001);
}

#[test]
fn transcript_with_a_hundred_thousand_turns() {
    let dir = sample_dir();
    let d = dir.path();
    let mut t = String::from("---\ntitle: many turns\ndate: 2021-12-04\n---\n\n");
    for i in 0..100_000 {
        t.push_str(&format!(
            "SPEAKER {}: turn {i} on the border region and our concern.\n\n",
            i % 9
        ));
    }
    std::fs::write(d.join("corpus/many.txt"), t).unwrap();
    let m = measure(
        d,
        &[
            "check",
            "article.txt",
            "--corpus",
            "corpus",
            "--format",
            "jsonl",
        ],
        Duration::from_secs(240),
    );
    report("transcript of 100,000 turns (check)", &m);
    assert!(matches!(m.code, Some(0) | Some(1)), "{}", m.stderr);
    assert!(
        m.stdout.contains("\"verdict\":\"near-verbatim\""),
        "the sample's verdicts survive a big corpus"
    );
    assert!(m.peak_kib < 1024 * MIB, "peak {} KiB", m.peak_kib);
}
