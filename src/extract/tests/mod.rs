//! The extractor's test tables, one file per concern: quotation marks, things that are not
//! statements, where the speaker stands, reported speech, statement dates. Each table row is
//! (name, article text, expected statements). They test the reading rules, before the learned
//! filter (`filter.rs`, tested there), so retraining its weights leaves them as they are. The
//! learned content ends (`ends.rs`, with a table of its own) are part of the reading: a retrain
//! that moves a row here has changed what the extractor reads.

mod boundaries;
mod cue_forms;
mod dates;
mod frames;
mod general;
mod not_statements;
mod quotes;
mod reported;
mod resolution;
mod senses;
mod speakers;

use super::extract_unfiltered;
use crate::article::Article;
use crate::date::Date;

/// (kind, speaker, cue, content) of each statement of `text`, dated 2021-12-05 (a Sunday).
fn run(text: &str) -> Vec<(&'static str, String, String, String)> {
    let mut article = Article::from_bytes("t.txt", text.as_bytes());
    article.date = Date::find_in("2021-12-05");
    extract_unfiltered(&article)
        .into_iter()
        .map(|s| {
            let cue = s.cue.clone().unwrap_or_default();
            (s.kind.as_str(), s.speaker, cue, s.content)
        })
        .collect()
}

/// One expected statement: (kind, speaker, cue, content).
type Want<'a> = (&'a str, &'a str, &'a str, &'a str);

/// Checks a table of (name, article, expected statements), reporting every row that fails.
fn check(table: &[(&str, &str, Vec<Want>)]) {
    let mut failed = Vec::new();
    for (name, text, want) in table {
        let got = run(text);
        let got: Vec<Want> = got
            .iter()
            .map(|(k, s, c, t)| (*k, s.as_str(), c.as_str(), t.as_str()))
            .collect();
        if &got != want {
            failed.push(format!("{name}\n  want: {want:?}\n  got:  {got:?}"));
        }
    }
    assert!(
        failed.is_empty(),
        "{} row(s) failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
