//! quotecheck: finds the attributed statements in a news article, works out who said them,
//! and checks each against a corpus of official transcripts, with a verdict and its evidence.
//!
//! The pipeline, one module per stage: [`article`] (text) -> [`extract`] (statements) ->
//! [`corpus`] (transcripts) and [`index`] (retrieval) -> [`matching`] (alignment) ->
//! [`verdict`] (grading) -> [`report`] (writers). [`Checker`] is the front door: it opens a
//! corpus once and checks articles and claims; [`gate`] decides what fails a draft.

pub mod article;
pub mod batch;
mod checker;
pub mod claims;
pub mod corpus;
pub mod date;
pub mod error;
pub mod extract;
pub mod files;
pub mod finding;
pub mod gate;
pub mod index;
pub mod matching;
pub mod meaning;
pub mod progress;
pub mod report;
pub mod speakers;
pub mod tables;
pub mod verdict;

pub use article::Article;
pub use checker::{Checker, IndexChoice, Options};
pub use error::{Error, Result};
pub use finding::{Finding, Kind, Statement, Verdict};
pub use verdict::Thresholds;

/// The statements of `article`, with spans as byte offsets into its file.
pub fn statements(article: &Article) -> Vec<Statement> {
    let mut statements = extract::extract(article);
    statements.iter_mut().for_each(|s| article.to_file_spans(s));
    statements
}
