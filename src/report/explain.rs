//! `verify --explain`: how one statement was scored, for a person: the text checked, who the
//! speaker is in the corpus, and the best candidate passages with their grade, score, score
//! parts and differences.

use crate::finding::Statement;
use crate::verdict::{checked_text, Candidate};
use std::fmt::Write as _;

/// How many candidate passages [`explain`] lists.
pub const EXPLAIN_TOP: usize = 5;

/// The scoring of `st`: `own` are the corpus names of its speaker, `candidates` its graded
/// passages, best first.
pub fn explain(st: &Statement, own: &[String], candidates: &[Candidate]) -> String {
    let checked = checked_text(st);
    let (text, reported) = (checked.text, checked.reported);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}): {:?}{}",
        st.statement_id,
        st.kind.as_str(),
        text,
        if reported {
            " [reported speech: words also match their unshifted forms]"
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "  speaker {} = {}",
        st.speaker,
        if own.is_empty() {
            "nobody in the corpus".to_string()
        } else {
            own.join(" / ")
        }
    );
    if candidates.is_empty() {
        let _ = writeln!(
            out,
            "  no turn shares {} words with it",
            crate::matching::MIN_VOTES
        );
    }
    for c in candidates.iter().take(EXPLAIN_TOP) {
        let _ = writeln!(
            out,
            "  {:?} score {:.3} [{}] {} ({}) {}:{}{}",
            c.grade,
            c.score,
            c.parts,
            c.speaker,
            if c.own { "attributed speaker" } else { "other" },
            c.file,
            c.line,
            if c.later {
                " [dated after the statement: not evidence]"
            } else {
                ""
            }
        );
        if !c.differences.is_empty() {
            let diffs: Vec<String> = c.differences.iter().map(ToString::to_string).collect();
            let _ = writeln!(out, "      changes: {}", diffs.join("; "));
        }
    }
    out
}
