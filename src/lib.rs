//! quotecheck: finds the attributed statements in a news article, works out who said them,
//! and checks each against a corpus of official transcripts, with a verdict and its evidence.
//!
//! The pipeline, one module per stage: [`article`] (text) -> [`extract`] (statements) ->
//! [`corpus`] (transcripts) -> [`matching`] (alignment) -> [`verdict`] (grading) ->
//! [`report`] (writers). [`check`] runs it end to end; [`gate`] decides what fails a draft.

pub mod article;
pub mod batch;
pub mod corpus;
pub mod date;
pub mod error;
pub mod extract;
pub mod finding;
pub mod gate;
pub mod matching;
pub mod report;
pub mod speakers;
pub mod verdict;

pub use article::Article;
pub use error::{Error, Result};
pub use finding::{Finding, Kind, Statement, Verdict};

use rayon::prelude::*;

/// The statements of `article`, with spans as byte offsets into its file.
pub fn statements(article: &Article) -> Vec<Statement> {
    let mut statements = extract::extract(article);
    statements.iter_mut().for_each(|s| article.to_file_spans(s));
    statements
}

/// Extracts the statements of `article` and checks each against `corpus`, in parallel.
pub fn check(article: &Article, corpus: &corpus::Corpus) -> Vec<Finding> {
    statements(article)
        .into_par_iter()
        .map(|s| verdict::judge(corpus, s, article.date))
        .collect()
}
