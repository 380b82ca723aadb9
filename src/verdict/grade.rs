//! Grades: how well one placement supports a statement, from its differences and how much
//! of the statement it matches, with the thresholds in force.

use super::Thresholds;
use crate::finding::{DiffKind, Difference, Kind};

/// How well one placement supports a statement, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    Verbatim,
    Near,
    Altered,
    Loose,
    None,
}

/// The grade of an alignment with these differences and shares matched.
pub fn grade(
    diffs: &[Difference],
    matched: usize,
    words: usize,
    content_coverage: f64,
    longest_gap: usize,
    kind: Kind,
    t: &Thresholds,
) -> Grade {
    let coverage = matched as f64 / words as f64;
    let substantive = diffs.iter().filter(|d| d.kind.substantive()).count();
    let untyped = diffs.iter().filter(|d| d.kind == DiffKind::Word).count();
    let typed = substantive - untyped;
    if diffs.is_empty() && matched == words {
        return Grade::Verbatim;
    }
    if substantive == 0 && coverage >= t.near_min_coverage {
        return Grade::Near;
    }
    let direct = kind != Kind::Indirect;
    let one_edit = longest_gap <= t.altered_max_run && coverage >= t.altered_min_coverage;
    if one_edit
        && ((typed > 0 && untyped <= t.altered_max_words)
            || (direct && typed == 0 && untyped <= t.altered_max_words))
    {
        return Grade::Altered;
    }
    if content_coverage >= t.paraphrase_min_coverage && longest_gap <= t.paraphrase_max_run {
        return Grade::Loose;
    }
    Grade::None
}
