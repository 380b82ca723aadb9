//! quotecheck: finds the attributed statements in a news article, works out who said them,
//! and checks each against a corpus of official transcripts, with a verdict and its evidence.
//!
//! The pipeline, one module per stage: [`article`] (text) -> [`extract`] (statements) ->
//! [`corpus`] (transcripts) -> [`matching`] (alignment) -> [`verdict`] (grading) ->
//! [`report`] (writers). [`check`] runs it end to end; [`gate`] decides what fails a draft.

pub mod article;
pub mod batch;
pub mod claims;
pub mod corpus;
pub mod date;
pub mod error;
pub mod extract;
pub mod finding;
pub mod gate;
pub mod matching;
pub mod meaning;
pub mod report;
pub mod speakers;
pub mod verdict;

pub use article::Article;
pub use error::{Error, Result};
pub use finding::{Finding, Kind, Statement, Verdict};
pub use verdict::Thresholds;

use rayon::prelude::*;

/// The statements of `article`, with spans as byte offsets into its file.
pub fn statements(article: &Article) -> Vec<Statement> {
    let mut statements = extract::extract(article);
    statements.iter_mut().for_each(|s| article.to_file_spans(s));
    statements
}

/// Extracts the statements of `article` and checks each against `corpus`, in parallel,
/// grading with `th` ([`Thresholds::default`] unless a newsroom set its own).
pub fn check(article: &Article, corpus: &corpus::Corpus, th: &Thresholds) -> Vec<Finding> {
    judge_all(corpus, statements(article), article.date, th)
}

/// Like [`check`], against an index: each statement is aligned only with the passages that
/// share its rare words, read from the index, instead of with every turn of the corpus.
pub fn check_indexed(
    article: &Article,
    index: &corpus::index::Index,
    th: &Thresholds,
) -> Result<Vec<Finding>> {
    statements(article)
        .into_par_iter()
        .map(|s| {
            let corpus =
                index.corpus_for(&index.candidates(&statement_words(&s), &statement_order(&s))?)?;
            Ok(judge_all(&corpus, vec![s], article.date, th).remove(0))
        })
        .collect()
}

/// The normalised words a statement may be found by: its content and quoted words, also
/// with the shifts of reported speech undone (`he would` -> `i will`).
pub fn statement_words(s: &Statement) -> Vec<String> {
    use matching::normalize::{tokenize, Side};
    let shifts = &matching::lexicon::lexicon().shifts;
    let text = format!("{} {}", s.content, s.quoted.join(" "));
    let mut words: Vec<String> = Vec::new();
    for t in tokenize(&text, Side::Statement) {
        if let Some(own) = shifts.get(t.norm.as_str()) {
            words.extend(own.iter().map(|w| w.to_string()));
        }
        words.push(t.norm);
    }
    words.sort_unstable();
    words.dedup();
    words
}

/// A statement's words in order (normalised as [`statement_words`] are), `None` at an
/// ellipsis: the order that retrieval's phrase queries look for.
pub fn statement_order(s: &Statement) -> Vec<Option<String>> {
    use matching::normalize::{tokenize, Side};
    tokenize(&s.content, Side::Statement)
        .into_iter()
        .map(|t| (!t.is_ellipsis()).then_some(t.norm))
        .collect()
}

/// Judges every statement, in parallel. When the article gives a statement to an
/// institution and the words are those of a person the roster (`speakers.csv`) affiliates
/// with it, the finding keeps the institution as the speaker and says whose words they are.
fn judge_all(
    corpus: &corpus::Corpus,
    statements: Vec<Statement>,
    date: Option<date::Date>,
    th: &Thresholds,
) -> Vec<Finding> {
    statements
        .into_par_iter()
        .map(|s| {
            let given = s.speaker.clone();
            let mut f = verdict::judge(corpus, s, date, th);
            if let Some(src) = f.source_speaker.clone() {
                if let Some((p, inst)) = corpus.roster.speaks_for(&given, &src) {
                    let role = p.role.as_deref().map_or(String::new(), |r| format!(", {r}"));
                    f.flags.push(format!(
                        "speaker: the article gives these words to {given}; they are {}'s{role}, who speaks for {inst}",
                        p.name
                    ));
                    f.statement.speaker = given;
                }
            }
            f
        })
        .collect()
}
