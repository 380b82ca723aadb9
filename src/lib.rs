//! quotecheck: finds the attributed statements in a news article, works out who said them,
//! and checks each against a corpus of official transcripts, with a verdict and its evidence.
//!
//! The pipeline, one module per stage: [`article`] (text) -> [`extract`] (statements) ->
//! [`corpus`] (transcripts) -> [`matching`] (alignment) -> [`verdict`] (grading) ->
//! [`report`] (writers). [`check`] runs it end to end.

pub mod article;
pub mod claims;
pub mod corpus;
pub mod date;
pub mod error;
pub mod extract;
pub mod finding;
pub mod matching;
pub mod speakers;

pub use article::Article;
pub use error::{Error, Result};
pub use finding::{Finding, Kind, Statement, Verdict};
pub mod verdict;

use rayon::prelude::*;

/// Extracts the statements of `article` and checks each against `corpus`, in parallel.
pub fn check(article: &Article, corpus: &corpus::Corpus) -> Vec<Finding> {
    let statements = extract::extract(article);
    statements
        .into_par_iter()
        .map(|s| verdict::judge(corpus, s, article.date))
        .collect()
}
pub mod report;
