//! tantivy-compare: measures tantivy against quotecheck's own index (issue 4) on the same
//! corpus, the same chunks and the same statements.
//!
//! ```text
//! tantivy-compare build CORPUS INDEX_DIR          tantivy index of the corpus's chunks
//! tantivy-compare check CORPUS INDEX_DIR ARTICLE [--bm25-only]
//!                                                 `check` with tantivy retrieval
//! tantivy-compare own   CORPUS OWN_INDEX ARTICLE  the own index's retrieval alone
//! ```
//!
//! `check` and `own` print one tab-separated line per statement (statement id, verdict,
//! source file, source line, candidate count, candidate files joined by `|`) and a timing
//! line on stderr. See README.md.

mod tv;

use quotecheck::corpus::index::Index as OwnIndex;
use quotecheck::Article;
use rayon::prelude::*;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// One statement's result: its id, verdict (empty when not judged), source file and line,
/// and the files of its candidate passages.
pub struct Row {
    /// `S1`, `S2`, ...
    pub id: String,
    /// The verdict, or empty when only retrieval ran.
    pub verdict: String,
    /// The source file of the chosen passage, or empty.
    pub source_file: String,
    /// Its line, or 0.
    pub source_line: usize,
    /// The candidate passages' files, in rank order (a file once per passage).
    pub candidates: Vec<String>,
}

fn print_rows(rows: &[Row]) {
    for r in rows {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            r.id,
            r.verdict,
            r.source_file,
            r.source_line,
            r.candidates.len(),
            r.candidates.join("|")
        );
    }
}

/// Seconds since `t`, for the timing line.
pub fn secs(t: Instant) -> f64 {
    t.elapsed().as_secs_f64()
}

/// The own index's candidate retrieval alone: fingerprint the corpus (as `check` does to
/// know the index is fresh), open the index, and for each statement find its candidate
/// passages and read them (`Index::candidates` + `Index::corpus_for`), without judging.
fn own(corpus: &Path, index: &Path, article: &str) -> quotecheck::Result<()> {
    let t = Instant::now();
    let files = quotecheck::corpus::corpus_files(corpus)?;
    quotecheck::corpus::index::fingerprint(corpus, &files)?;
    let fresh = secs(t);
    let t1 = Instant::now();
    let idx = OwnIndex::open(index, corpus)?;
    let open = secs(t1);
    let t2 = Instant::now();
    let article = Article::read(article)?;
    let statements = quotecheck::statements(&article);
    let rows: quotecheck::Result<Vec<Row>> = statements
        .into_par_iter()
        .map(|s| {
            let windows = idx.candidates(&quotecheck::statement_words(&s))?;
            let c = idx.corpus_for(&windows)?;
            let candidates = c
                .docs
                .iter()
                .flat_map(|d| d.turns.iter().map(|_| d.path.clone()))
                .collect();
            Ok(Row {
                id: s.statement_id,
                verdict: String::new(),
                source_file: String::new(),
                source_line: 0,
                candidates,
            })
        })
        .collect();
    let rows = rows?;
    let retrieve = secs(t2);
    print_rows(&rows);
    eprintln!(
        "timing fresh={fresh:.3} open={open:.3} retrieve={retrieve:.3} judge=0 total={:.3}",
        secs(t)
    );
    Ok(())
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: tantivy-compare build CORPUS INDEX_DIR\n       \
         tantivy-compare check CORPUS INDEX_DIR ARTICLE [--bm25-only]\n       \
         tantivy-compare own CORPUS OWN_INDEX ARTICLE"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result: Result<(), String> = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["build", corpus, dir] => tv::build(Path::new(corpus), Path::new(dir)),
        ["check", corpus, dir, article] => tv::check(
            Path::new(corpus),
            Path::new(dir),
            article,
            tv::Mode::Phrases,
        )
        .map(|rows| print_rows(&rows)),
        ["check", corpus, dir, article, "--bm25-only"] => {
            tv::check(Path::new(corpus), Path::new(dir), article, tv::Mode::Bm25)
                .map(|rows| print_rows(&rows))
        }
        ["own", corpus, index, article] => {
            own(Path::new(corpus), Path::new(index), article).map_err(|e| e.to_string())
        }
        _ => return usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tantivy-compare: {e}");
            ExitCode::from(2)
        }
    }
}
