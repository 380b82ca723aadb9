//! The judge: a statement's checked text placed and graded in every turn that could hold it,
//! the attributed speaker's best passage weighed against everyone else's, and the verdict
//! with its evidence.

use super::differences::{assess, Assessment};
use super::grade::Grade;
use super::marked::mark;
use super::Thresholds;
use crate::corpus::{format_time, TurnRef, QUESTION_SPEAKER};
use crate::date::Date;
use crate::finding::{Alternative, Finding, Kind, ScoreParts, Statement, Verdict};
use crate::matching::{could_hold, place, prepare, Haystack, Placement, Prepared};
use rayon::prelude::*;

/// The statement text that is checked, whether it is reported speech, and which part decides.
pub fn checked_text(st: &Statement) -> (String, bool, Option<&'static str>) {
    match st.kind {
        Kind::Direct if !st.quoted.is_empty() => (st.quoted.join(" ... "), false, None),
        Kind::Partial if !st.quoted.is_empty() => {
            (st.quoted.join(" ... "), false, Some("quoted words"))
        }
        _ => (st.content.clone(), true, None),
    }
}

/// A placement with its grade.
struct Graded {
    placement: Placement,
    assessment: Assessment,
}

/// Every placement of a statement, graded: what [`judge`] decides from, and what
/// `report::explain` prints.
pub struct Scored {
    /// The checked text, prepared (for reported speech, its words also match the unshifted ones).
    pub prepared: Prepared,
    graded: Vec<Graded>,
    /// The corpus names of the attributed speaker.
    pub own: Vec<String>,
    /// When the statement was made, if known: among equal grades, a passage of that day wins.
    said: Option<Date>,
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
}

impl Scored {
    fn is_own(&self, hay: &Haystack, r: TurnRef) -> bool {
        let speaker = &hay.turn(r).speaker;
        self.own.iter().any(|o| o == speaker)
    }

    /// The placements, best first (grade, then a passage of the day the statement was made,
    /// then score), with whether each is the attributed speaker's.
    fn ranked(&self, hay: &Haystack) -> Vec<(&Graded, bool)> {
        let mut v: Vec<(&Graded, bool)> = self
            .graded
            .iter()
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

    /// The graded candidate passages, best first.
    pub fn candidates(&self, hay: &Haystack) -> Vec<Candidate> {
        self.ranked(hay)
            .into_iter()
            .map(|(g, own)| {
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
                }
            })
            .collect()
    }
}

/// Places and grades a statement's checked text in every turn that could hold it.
pub fn score(hay: &Haystack, st: &Statement, th: &Thresholds) -> Scored {
    let (text, reported, _) = checked_text(st);
    let own: Vec<String> = hay
        .corpus()
        .identities(&st.speaker)
        .into_iter()
        .map(str::to_string)
        .collect();
    let p = prepare(hay, &text, reported);
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
    }
}

/// Checks one statement against the corpus: who said these words, and how faithfully.
///
/// A partial statement (reported speech holding quoted words) is checked twice: its quoted
/// words as a direct quote, and the whole as reported speech. The quoted words decide, unless
/// they are sound and the reported speech around them is changed in substance or someone
/// else's (`he said they were not "committed to ..."` when the speaker said they were):
/// `decided_by` says which part decided. `check` and `verify` both come here.
pub fn judge(
    hay: &Haystack,
    st: Statement,
    article_date: Option<Date>,
    th: &Thresholds,
) -> Finding {
    let Some(reported) = reported_part(&st) else {
        return judge_one(hay, st, article_date, th);
    };
    let quote = judge_one(hay, st, article_date, th);
    let rest = judge_one(hay, reported, article_date, th);
    let sound = matches!(quote.verdict, Verdict::Verbatim | Verdict::NearVerbatim);
    let mut chosen = if sound && matches!(rest.verdict, Verdict::Altered | Verdict::Misattributed) {
        let mut f = rest;
        f.decided_by = Some("reported speech".to_string());
        f
    } else {
        quote
    };
    chosen.statement.kind = Kind::Partial;
    chosen
}

/// For a partial statement, the same statement as reported speech only (its quoted words
/// read as part of the clause); `None` for any other.
pub fn reported_part(st: &Statement) -> Option<Statement> {
    (st.kind == Kind::Partial && !st.quoted.is_empty()).then(|| {
        let mut reported = st.clone();
        reported.kind = Kind::Indirect;
        reported.quoted.clear();
        reported
    })
}

/// One part of a statement judged. When the article gives the statement to an institution
/// and the words are those of a person the roster (`speakers.csv`) affiliates with it, the
/// finding keeps the institution as the speaker and says whose words they are.
fn judge_one(
    hay: &Haystack,
    st: Statement,
    article_date: Option<Date>,
    th: &Thresholds,
) -> Finding {
    let given = st.speaker.clone();
    let mut f = judge_text(hay, st, article_date, th);
    super::display::present(hay, &mut f);
    if let Some(src) = f.source_speaker.clone() {
        if let Some((p, inst)) = hay.corpus().roster.speaks_for(&given, &src) {
            let role = p
                .role
                .as_deref()
                .map_or(String::new(), |r| format!(", {r}"));
            f.flags.push(format!(
                "speaker: the article gives these words to {given}; they are {}'s{role}, who speaks for {inst}",
                p.name
            ));
            f.statement.speaker = given;
        }
    }
    f
}

/// The verdict on a statement's checked text ([`checked_text`]) and its evidence.
fn judge_text(
    hay: &Haystack,
    mut st: Statement,
    article_date: Option<Date>,
    th: &Thresholds,
) -> Finding {
    let (_, _, decided_by) = checked_text(&st);
    let scored = score(hay, &st, th);
    if let Some(first) = scored.own.first() {
        st.speaker = first.clone();
    }
    let kind = st.kind;
    // A turn of unknown speaker is evidence of nobody: never misattributed, never the alternative.
    let ranked: Vec<_> = (scored.ranked(hay).into_iter())
        .filter(|(g, own)| *own || super::display::speaker_known(hay, g.placement.turn))
        .collect();
    let best_own = ranked.iter().find(|(_, own)| *own).map(|(g, _)| *g);
    let best_other = ranked.iter().find(|(_, own)| !*own).map(|(g, _)| *g);
    let words = scored.prepared.word_count();
    let own_grade = best_own.map_or(Grade::None, |g| g.assessment.grade);
    let other_grade = best_other.map_or(Grade::None, |g| g.assessment.grade);
    let (verdict, chosen) = if own_grade <= Grade::Altered && own_grade <= other_grade {
        let v = match own_grade {
            Grade::Verbatim => Verdict::Verbatim,
            Grade::Near => Verdict::NearVerbatim,
            _ => Verdict::Altered,
        };
        (v, best_own)
    } else if other_grade <= Grade::Near && words >= th.min_misattribution_words {
        (Verdict::Misattributed, best_other)
    } else if own_grade <= Grade::Altered {
        (
            if own_grade == Grade::Altered {
                Verdict::Altered
            } else {
                Verdict::NearVerbatim
            },
            best_own,
        )
    } else if own_grade == Grade::Loose {
        (Verdict::Paraphrase, best_own)
    } else {
        (Verdict::Unverified, None)
    };
    // Reported speech is not a quotation: the speaker's words with harmless changes or
    // shifted person and tense are a faithful paraphrase.
    let verdict = if kind == Kind::Indirect && verdict == Verdict::NearVerbatim {
        Verdict::Paraphrase
    } else {
        verdict
    };
    let mut finding = Finding {
        statement: st,
        verdict,
        score: 0.0,
        decided_by: decided_by.map(str::to_string),
        source_file: None,
        source_title: None,
        source_date: None,
        source_speaker: None,
        source_line: None,
        source_time: None,
        source_text: None,
        source_marked: None,
        differences: Vec::new(),
        true_speaker: None,
        flags: Vec::new(),
        needs_attention: false,
        score_parts: None,
        alternative: None,
    };
    if let Some(g) = chosen {
        let r = g.placement.turn;
        let doc = hay.doc(r);
        let turn = hay.turn(r);
        let toks = &hay.words(r).tokens;
        let range = &g.placement.alignment.t_range;
        let passage = if range.is_empty() {
            String::new()
        } else {
            turn.text[toks[range.start].start..toks[range.end - 1].end].to_string()
        };
        finding.score = g.assessment.score;
        finding.score_parts = Some(g.assessment.parts(g.placement.alignment.cost));
        finding.source_file = Some(doc.path.clone());
        finding.source_title = Some(doc.title.clone());
        finding.source_date = doc.date;
        finding.source_speaker = Some(turn.speaker.clone());
        finding.source_line = Some(turn.line);
        finding.source_time = toks
            .get(range.start)
            .and_then(|tok| turn.time_at(tok.start))
            .map(format_time);
        finding.source_text = Some(passage);
        let stmt = &scored.prepared;
        finding.source_marked = Some(mark(
            &turn.text,
            toks,
            &stmt.text,
            &stmt.tokens,
            &g.placement.alignment,
        ));
        finding.differences = g.assessment.differences.clone();
        if verdict == Verdict::Misattributed {
            finding.true_speaker = Some(turn.speaker.clone());
            if turn.speaker == QUESTION_SPEAKER {
                finding
                    .flags
                    .push("the words are a reporter's question".to_string());
            }
        }
        if let (Some(said), Some(src)) = (finding.statement.statement_date, doc.date) {
            if said != src {
                finding.flags.push(format!(
                    "date: the article dates the statement {said}, the transcript is dated {src}"
                ));
            }
        }
        if let (Some(published), Some(src)) = (article_date, doc.date) {
            if src > published {
                finding.flags.push(format!(
                    "date: the transcript ({src}) is dated after the article ({published})"
                ));
            }
        }
    }
    let chosen_turn = chosen.map(|g| g.placement.turn);
    finding.alternative = ranked
        .iter()
        .filter(|(g, own)| {
            Some(g.placement.turn) != chosen_turn
                && g.assessment.grade < Grade::None
                && (chosen.is_none() || !own || verdict == Verdict::Misattributed)
        })
        .map(|(g, own)| alternative(hay, g, *own))
        .next();
    finding
}

/// What one placement alone would make of a statement, as a runner-up source.
fn alternative(hay: &Haystack, g: &Graded, own: bool) -> Alternative {
    let r = g.placement.turn;
    let turn = hay.turn(r);
    let verdict = match g.assessment.grade {
        Grade::Verbatim | Grade::Near if !own => Verdict::Misattributed,
        Grade::Verbatim => Verdict::Verbatim,
        Grade::Near => Verdict::NearVerbatim,
        Grade::Altered => Verdict::Altered,
        Grade::Loose => Verdict::Paraphrase,
        Grade::None => Verdict::Unverified,
    };
    Alternative {
        speaker: turn.speaker.clone(),
        file: hay.doc(r).path.clone(),
        line: turn.line,
        verdict,
        score: g.assessment.score,
    }
}
