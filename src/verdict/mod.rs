//! Verdicts: each difference between a statement and a passage classified
//! ([`differences`]), each placement graded with the [`Thresholds`] in force ([`grade`]), and
//! the attributed speaker's best passage weighed against everyone else's ([`judge`]).

mod differences;
mod display;
mod evidence;
mod grade;
mod judge;
mod marked;
mod meaning;
pub mod thresholds;

pub use differences::{assess, Assessment};
pub use display::join_lines;
pub use evidence::Cutoff;
pub use grade::Grade;
pub use judge::{checked_text, judge, reported_part, score, Candidate, Checked, Scored};
pub use thresholds::Thresholds;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_real;
