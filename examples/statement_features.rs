//! Prints, for every statement the reading rules find in the given articles (before the learned
//! filter), its file, spans, kind and filter features as JSON Lines: the training data of
//! `scripts/train-filter.py`.
//!
//! usage: cargo run --release --example statement_features -- ARTICLE...

use quotecheck::extract::{extract_unfiltered, filter};
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
        for st in extract_unfiltered(&article) {
            let row = serde_json::json!({
                "file": path,
                "kind": st.kind.as_str(),
                "content_spans": st.spans(),
                "speaker_span": st.speaker_span,
                "cue_span": st.cue_span,
                "features": filter::features(&st, &article.text),
            });
            println!("{row}");
        }
    }
    if failed {
        std::process::exit(1);
    }
}
