//! Bounded fuzzing without nightly: seeded mutations of the inputs kept in
//! `tests/fuzz_corpus/<target>/` are thrown at each parser, the index loader and the aligner, each input
//! under a watchdog. A panic or a hang fails the test and saves the input beside the seeds,
//! where it is replayed on every later run (so each crash found becomes a regression test).
//! `QUOTECHECK_FUZZ_SECONDS` sets each target's time budget (default 2; `.ci/run` gives more).

use quotecheck::matching::align::{align, best_window, Seq};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Longest any single input may take before it counts as a hang.
const HANG: Duration = Duration::from_secs(10);
/// Largest input the mutator grows to.
const MAX_LEN: usize = 64 * 1024;

/// xorshift64*: a small deterministic generator (seeded from the clock, printed on failure).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes that matter to the parsers: quote marks, separators, markup, broken UTF-8.
const INTERESTING: [&[u8]; 16] = [
    b"\"",
    "\u{201c}".as_bytes(),
    "\u{201d}".as_bytes(),
    b"'",
    b"\n\n",
    b":",
    b",",
    b".",
    b"---\n",
    b"[",
    b"(",
    b" said ",
    b"...",
    b"\xff",
    b"\xe2\x80",
    b"Q: ",
];

fn mutate(rng: &mut Rng, input: &[u8], seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(6) {
            0 if !v.is_empty() => {
                let i = at.min(v.len() - 1);
                v[i] ^= 1 << rng.below(8);
            }
            1 => {
                let piece = INTERESTING[rng.below(INTERESTING.len())];
                v.splice(at..at, piece.iter().copied());
            }
            2 if !v.is_empty() => {
                let end = (at + rng.below(64)).min(v.len());
                v.drain(at.min(end)..end);
            }
            3 if !v.is_empty() => {
                let start = rng.below(v.len());
                let end = (start + rng.below(256)).min(v.len());
                let piece = v[start..end].to_vec();
                v.splice(at..at, piece);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + rng.below(512)).min(other.len());
                    v.splice(at..at, other[start..end].iter().copied());
                }
            }
            _ => v.insert(at, rng.next() as u8),
        }
    }
    v.truncate(MAX_LEN);
    v
}

/// Runs `f` on the kept inputs, then on mutations of them until the budget is spent.
fn fuzz(target: &str, f: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_corpus")
        .join(target);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fuzz corpus")
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let seeds: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let budget = Duration::from_secs_f64(
        std::env::var("QUOTECHECK_FUZZ_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(2.0),
    );
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut rng = Rng(seed);
    let start = Instant::now();
    let mut runs = 0usize;
    let mut i = 0;
    while i < seeds.len() || start.elapsed() < budget {
        let input = if i < seeds.len() {
            seeds[i].clone()
        } else {
            let pick = rng.below(seeds.len());
            mutate(&mut rng, &seeds[pick], &seeds)
        };
        i += 1;
        let (tx, rx) = mpsc::channel();
        let data = input.clone();
        std::thread::spawn(move || {
            let ok = catch_unwind(AssertUnwindSafe(|| f(&data))).is_ok();
            let _ = tx.send(ok);
        });
        let outcome = rx.recv_timeout(HANG);
        if outcome != Ok(true) {
            let hash = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
            });
            let path = dir.join(format!("crash-{hash:016x}"));
            std::fs::write(&path, &input).unwrap();
            let what = if outcome.is_err() { "hung" } else { "panicked" };
            panic!(
                "fuzz target {target} {what} (rng seed {seed}); input saved to {}",
                path.display()
            );
        }
        runs += 1;
    }
    eprintln!(
        "fuzz {target}: {runs} inputs in {:.1}s",
        start.elapsed().as_secs_f64()
    );
}

#[test]
fn fuzz_extract() {
    fuzz("extract", |bytes| {
        let a = quotecheck::Article::from_bytes("fuzz.txt", bytes);
        for st in quotecheck::statements(&a) {
            for [s, e] in st.spans() {
                assert!(
                    s <= e && e <= bytes.len(),
                    "span {s}..{e} out of {}",
                    bytes.len()
                );
            }
        }
        let md = quotecheck::Article::from_bytes("fuzz.md", bytes);
        quotecheck::statements(&md);
        let html = quotecheck::Article::from_bytes("fuzz.html", bytes);
        quotecheck::statements(&html);
    });
}

#[test]
fn fuzz_transcript() {
    fuzz("transcript", |bytes| {
        let _ = quotecheck::corpus::parse_transcript("fuzz.txt", &String::from_utf8_lossy(bytes));
    });
}

#[test]
fn fuzz_align() {
    fuzz("align", |bytes| {
        // The first byte splits the input into statement and source; bytes are word ids, 0 is an ellipsis.
        let cut = bytes
            .first()
            .map_or(0, |b| *b as usize)
            .min(bytes.len().saturating_sub(1));
        let seq = |b: &[u8]| Seq {
            ids: b.iter().map(|&x| u32::from(x % 23)).collect(),
            gap: b.iter().map(|&x| 6 + u32::from(x % 5)).collect(),
            ellipsis: b.iter().map(|&x| x == 0).collect(),
            alts: Vec::new(),
        };
        let (s, t) = (
            seq(bytes.get(1..=cut).unwrap_or(&[])),
            seq(bytes.get(cut + 1..).unwrap_or(&[])),
        );
        let (window, _) = best_window(&s, &t.ids, |_| true);
        let a = align(&s, &t, window.clone());
        assert!(a.t_range.start >= window.start && a.t_range.end <= window.end.max(window.start));
    });
}

#[test]
fn fuzz_jsonl() {
    fuzz("jsonl", |bytes| {
        let _ = quotecheck::corpus::parse_jsonl("fuzz.jsonl", &String::from_utf8_lossy(bytes));
    });
}

#[test]
fn fuzz_csv() {
    fuzz("csv", |bytes| {
        let _ = quotecheck::corpus::parse_csv("fuzz.csv", &String::from_utf8_lossy(bytes));
    });
}

#[test]
fn fuzz_captions() {
    fuzz("captions", |bytes| {
        let text = String::from_utf8_lossy(bytes);
        let _ = quotecheck::corpus::parse_captions(std::path::Path::new("fuzz.vtt"), &text);
        let _ = quotecheck::corpus::parse_captions(std::path::Path::new("fuzz.srt"), &text);
    });
}

#[test]
fn fuzz_roster() {
    fuzz("roster", |bytes| {
        let _ = quotecheck::corpus::roster::Roster::parse(
            "speakers.csv",
            &String::from_utf8_lossy(bytes),
        );
    });
}

/// The index loader on damaged records files: opening an index directory whose `records`
/// is the input (beside the tantivy index of `reference_data/`, built once) must fail cleanly
/// or give an index whose queries fail cleanly. (A damaged tantivy file is caught by its
/// checksum: `tests/faults.rs`.)
#[test]
fn fuzz_index() {
    fuzz("index", |bytes| {
        use quotecheck::index::{build, Index, RECORDS, TANTIVY};
        static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("reference_data");
        let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        let built = BUILT.get_or_init(|| {
            let p = tmp.join("fuzz-index-built.idx");
            build(&root, &p).expect("index of reference_data");
            p
        });
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = tmp.join(format!("fuzz-index-{n}.idx"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(RECORDS), bytes).unwrap();
        std::os::unix::fs::symlink(built.join(TANTIVY), dir.join(TANTIVY)).unwrap();
        if let Ok(index) = Index::open(&dir, &root) {
            let text = "they have invaded before and so as we look at the numbers of forces";
            let words: Vec<String> = text.split(' ').map(str::to_string).collect();
            let ordered: Vec<Option<String>> = words.iter().cloned().map(Some).collect();
            if let Ok(found) = index.candidates(&words, &ordered, None) {
                let _ = index.corpus_for(&found);
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    });
}
