//! Prints the training data of the extractor's two learned stages as JSON Lines, for the given
//! articles:
//! - `statements`: every statement the reading rules find (before the learned filter), with
//!   its file, spans, kind and filter features (`scripts/train-filter.py`);
//! - `ends`: every reported content the rules end, with its start, the rules' end and each
//!   place the content-end model (`src/extract/ends.rs`) weighs, with its features
//!   (`scripts/train-ends.py`).
//!
//! usage: cargo run --release --example training_features -- statements|ends ARTICLE...

use quotecheck::extract::{ends, extract_unfiltered, filter};
use quotecheck::Article;
use serde_json::{json, Value};

/// The rows of one article for `what`.
fn rows(what: &str, path: &str, article: &Article) -> Vec<Value> {
    if what == "statements" {
        return extract_unfiltered(article)
            .iter()
            .map(|st| {
                json!({
                    "file": path,
                    "kind": st.kind.as_str(),
                    "content_spans": st.spans(),
                    "speaker_span": st.speaker_span,
                    "cue_span": st.cue_span,
                    "features": filter::features(st, &article.text),
                })
            })
            .collect();
    }
    let (_, traces) = ends::traced(|| extract_unfiltered(article));
    traces
        .iter()
        .map(|t| {
            let candidates: Vec<Value> = t
                .candidates
                .iter()
                .map(|c| json!({"cut": c.cut, "features": c.features}))
                .collect();
            json!({"file": path, "start": t.start, "end": t.end, "candidates": candidates})
        })
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let what = args.next().unwrap_or_default();
    if what != "statements" && what != "ends" {
        eprintln!("usage: training_features statements|ends ARTICLE...");
        std::process::exit(2);
    }
    let mut failed = false;
    for path in args {
        match std::fs::read(&path) {
            Ok(bytes) => {
                let article = Article::from_bytes(&path, &bytes);
                for row in rows(&what, &path, &article) {
                    println!("{row}");
                }
            }
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
}
