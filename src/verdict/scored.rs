//! A statement scored: its checked text, placed and graded in every turn that could hold
//! it (sources dated after the statement graded too, to be named, never taken as evidence).

use super::differences::{assess, Assessment};
use super::evidence::Cutoff;
use super::grade::Grade;
use super::Thresholds;
use crate::corpus::TurnRef;
use crate::date::Date;
use crate::finding::{Kind, ScoreParts, Statement};
use crate::matching::{could_hold, place, prepare_joined, Haystack, Placement, Prepared};
use rayon::prelude::*;

/// What of a statement is checked: the text, whether it is reported speech (its words also
/// match their unshifted forms), which part decides (for a partial statement), and where in
/// the text the ellipses joining separately quoted pieces stand.
#[derive(Debug, Clone)]
pub struct Checked {
    pub text: String,
    pub reported: bool,
    pub decided_by: Option<&'static str>,
    pub joins: Vec<usize>,
}

/// The statement text that is checked: a quote's pieces joined by ellipses, or the content.
pub fn checked_text(st: &Statement) -> Checked {
    let pieces = |decided_by| {
        let mut text = String::new();
        let mut joins = Vec::new();
        for (i, q) in st.quoted.iter().enumerate() {
            if i > 0 {
                text.push(' ');
                joins.push(text.len());
                text.push_str("... ");
            }
            text.push_str(q);
        }
        Checked {
            text,
            reported: false,
            decided_by,
            joins,
        }
    };
    match st.kind {
        Kind::Direct if !st.quoted.is_empty() => pieces(None),
        Kind::Partial if !st.quoted.is_empty() => pieces(Some("quoted words")),
        _ => Checked {
            text: st.content.clone(),
            reported: true,
            decided_by: None,
            joins: Vec::new(),
        },
    }
}

/// A placement with its grade.
pub(super) struct Graded {
    pub(super) placement: Placement,
    pub(super) assessment: Assessment,
}

/// Every placement of a statement, graded: what [`judge`](super::judge) decides from, and what
/// `report::explain` prints.
pub struct Scored {
    /// The checked text, prepared (for reported speech, its words also match the unshifted ones).
    pub prepared: Prepared,
    graded: Vec<Graded>,
    /// The corpus names of the attributed speaker (the one active nearest the statement's date).
    pub own: Vec<String>,
    /// When the statement was made, if the article says: among equal grades, a passage of
    /// that day wins.
    said: Option<Date>,
    /// The last day a source may be dated to support the statement.
    pub cutoff: Cutoff,
}

/// One graded candidate passage, for a person reading how a statement was scored.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub grade: Grade,
    pub score: f64,
    pub parts: ScoreParts,
    pub differences: Vec<crate::finding::Difference>,
    /// The speaker of the passage's turn, and whether that is the attributed speaker.
    pub speaker: String,
    pub own: bool,
    pub file: String,
    pub line: usize,
    /// Dated after the statement: shown, never evidence.
    pub later: bool,
}

impl Scored {
    fn is_own(&self, hay: &Haystack, r: TurnRef) -> bool {
        let speaker = &hay.turn(r).speaker;
        self.own.iter().any(|o| o == speaker)
    }

    /// The placements dated on or before the cutoff (`later` false) or after it (`later`
    /// true), best first (grade, then a passage of the day the statement was made, then
    /// score), with whether each is the attributed speaker's.
    pub(super) fn ranked(&self, hay: &Haystack, later: bool) -> Vec<(&Graded, bool)> {
        let mut v: Vec<(&Graded, bool)> = self
            .graded
            .iter()
            .filter(|g| self.cutoff.after(hay.doc(g.placement.turn).date) == later)
            .map(|g| (g, self.is_own(hay, g.placement.turn)))
            .collect();
        v.sort_by_key(|(g, _)| {
            let other_day = self
                .said
                .is_some_and(|d| hay.doc(g.placement.turn).date != Some(d));
            (
                g.assessment.grade,
                other_day,
                -(g.assessment.score * 1e6) as i64,
                g.placement.turn,
            )
        });
        v
    }

    /// The graded candidate passages, best first: those that can support the statement, then
    /// those dated after it.
    pub fn candidates(&self, hay: &Haystack) -> Vec<Candidate> {
        let mut out = Vec::new();
        for later in [false, true] {
            out.extend(self.ranked(hay, later).into_iter().map(|(g, own)| {
                let r = g.placement.turn;
                let a = &g.assessment;
                Candidate {
                    grade: a.grade,
                    score: a.score,
                    parts: a.parts(g.placement.alignment.cost),
                    differences: a.differences.clone(),
                    speaker: hay.turn(r).speaker.clone(),
                    own,
                    file: hay.doc(r).path.clone(),
                    line: hay.turn(r).line,
                    later,
                }
            }));
        }
        out
    }
}

/// Places and grades a statement's checked text in every turn that could hold it. Sources
/// dated after `cutoff` are graded too (to be named as later ones), never taken as evidence.
pub fn score(hay: &Haystack, st: &Statement, th: &Thresholds, cutoff: Cutoff) -> Scored {
    let checked = checked_text(st);
    let own: Vec<String> = hay
        .corpus()
        .identities(&st.speaker, cutoff.date())
        .into_iter()
        .map(str::to_string)
        .collect();
    let p = prepare_joined(hay, &checked.text, &checked.joins, checked.reported);
    let mut graded: Vec<Graded> = Vec::new();
    if p.word_count() > 0 {
        let keep = could_hold(
            hay,
            &p,
            th.near_min_coverage.min(th.altered_min_coverage),
            th.paraphrase_min_coverage,
        );
        graded = place(hay, &p, keep)
            .into_par_iter()
            .map(|placement| {
                let r = placement.turn;
                let assessment = assess(
                    &p,
                    &hay.words(r).tokens,
                    &hay.turn(r).text,
                    &placement.alignment,
                    st.kind,
                    th,
                );
                Graded {
                    placement,
                    assessment,
                }
            })
            .collect();
    }
    Scored {
        prepared: p,
        graded,
        own,
        said: st.statement_date,
        cutoff,
    }
}
