//! Verdicts: each difference between a statement and a passage classified
//! (`differences`), each placement graded with the [`Thresholds`] in force (`grade`) and
//! ranked (`scored`), what makes a source evidence at all (`evidence`: dates,
//! misattribution), the attributed speaker's best passage weighed against everyone else's
//! (`judge`), quotations stitched from several places (`stitch`), paraphrases found by
//! meaning (`meaning`), and the finding's evidence filled in (`sources`, `marked`,
//! `display`).

mod differences;
mod display;
mod evidence;
mod grade;
mod judge;
mod marked;
pub mod meaning;
mod scored;
mod sources;
mod stitch;
pub mod thresholds;

pub use differences::{assess, Assessment};
pub use display::join_lines;
pub use evidence::Cutoff;
pub use grade::Grade;
pub use judge::{judge, judge_with, reported_part, MorePassages};
pub use meaning::{meaning_passage, Passage};
pub use scored::{checked_text, score, Candidate, Checked, Scored};
pub use thresholds::Thresholds;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_real;
