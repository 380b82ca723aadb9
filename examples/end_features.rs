//! Prints, for every reported content the reading rules end in the given articles, its start,
//! the rules' end and each place the content-end model (`src/extract/ends.rs`) weighs, with
//! its features, as JSON Lines: the training data of `scripts/train-ends.py`.
//!
//! usage: cargo run --release --example end_features -- ARTICLE...

use quotecheck::extract::{ends, extract_unfiltered};
use quotecheck::Article;

fn main() {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let article = match std::fs::read(&path) {
            Ok(bytes) => Article::from_bytes(&path, &bytes),
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        let (_, traces) = ends::traced(|| extract_unfiltered(&article));
        for t in traces {
            let candidates: Vec<_> = t
                .candidates
                .iter()
                .map(|c| serde_json::json!({"cut": c.cut, "features": c.features}))
                .collect();
            let row = serde_json::json!({
                "file": path,
                "start": t.start,
                "end": t.end,
                "candidates": candidates,
            });
            println!("{row}");
        }
    }
    if failed {
        std::process::exit(1);
    }
}
