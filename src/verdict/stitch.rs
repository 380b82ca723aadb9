//! Quotations stitched from several places: a quotation of several pieces or sentences that
//! no one passage holds is checked piece by piece.

use super::evidence::Cutoff;
use super::judge::{checked_words, judge_one, MAX_TOO_SHORT_WORDS};
use super::Thresholds;
use crate::finding::{Change, DiffKind, Difference, Finding, Kind, Reason, Statement, Verdict};
use crate::matching::Haystack;

/// Most pieces of a quotation checked one by one when the whole is not found in one place.
const MAX_STITCHED_PIECES: usize = 12;

/// A quotation of several pieces or sentences that no one passage holds may be stitched from
/// several places the speaker said each: when every piece of more than
/// [`MAX_TOO_SHORT_WORDS`] words is the speaker's, verbatim or nearly, on or before the
/// statement's date, the quotation is near-verbatim, the join named among its differences.
/// `None` when the whole was already found, or a piece is not the speaker's.
pub(super) fn stitched(
    hay: &Haystack,
    st: &Statement,
    whole: &Finding,
    cutoff: Cutoff,
    th: &Thresholds,
) -> Option<Finding> {
    let sound = |v: Verdict| matches!(v, Verdict::Verbatim | Verdict::NearVerbatim);
    if st.kind == Kind::Indirect
        || sound(whole.verdict)
        || whole.reason.is_some_and(|r| r != Reason::NoPassage)
    {
        return None;
    }
    let units: Vec<&str> = st.quoted.iter().flat_map(|q| sentences(q)).collect();
    if units.len() < 2 || units.len() > MAX_STITCHED_PIECES {
        return None;
    }
    let mut found: Vec<Finding> = Vec::new();
    for unit in units {
        let piece = Statement {
            kind: Kind::Direct,
            content: unit.to_string(),
            quoted: vec![unit.to_string()],
            ..st.clone()
        };
        if checked_words(&piece) <= MAX_TOO_SHORT_WORDS {
            continue;
        }
        let (f, _) = judge_one(hay, None, piece, cutoff, th, false);
        if !sound(f.verdict) {
            return None;
        }
        found.push(f);
    }
    let mut places: Vec<String> = found
        .iter()
        .filter_map(|f| Some(format!("{}:{}", f.source_file.as_ref()?, f.source_line?)))
        .collect();
    places.dedup();
    if found.len() < 2 || places.len() < 2 {
        return None;
    }
    let mut f = found.remove(0);
    for other in &found {
        f.differences.extend(other.differences.iter().cloned());
    }
    f.differences.push(Difference {
        kind: DiffKind::Join,
        change: Change::Joined(places),
    });
    f.verdict = Verdict::NearVerbatim;
    f.statement = Statement {
        speaker: f.statement.speaker,
        ..st.clone()
    };
    f.decided_by = whole.decided_by.clone();
    Some(f)
}

/// The sentences of a quoted piece: split after `.`, `?` or `!` and a space before a capital.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '?' | '!')
            && bytes.get(i + 1) == Some(&b' ')
            && text[i + 2..].starts_with(|n: char| n.is_uppercase() || n == '"')
        {
            out.push(text[start..=i].trim());
            start = i + 2;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}
