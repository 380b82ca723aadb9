//! Classifying each difference of an alignment between a statement and a passage (filler,
//! contraction, ellipsis, insertion, repetition, reported-speech shift: harmless; negation,
//! number, name, hedge, antonym, word order, other word: substantive), and grading it.

use super::grade::{grade, Grade};
use super::Thresholds;
use crate::article::fold_word;
use crate::finding::{Change, DiffKind, Difference, Kind, ScoreParts};
use crate::matching::align::{Alignment, Op, COST_GAP};
use crate::matching::lexicon::lexicon;
use crate::matching::normalize::{flag, Token};
use crate::matching::Prepared;
use std::ops::Range;

fn replaced(said: &str, printed: &str) -> Change {
    Change::Replaced {
        said: said.to_string(),
        printed: printed.to_string(),
    }
}

/// A graded placement.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub grade: Grade,
    /// 1 - alignment cost / cost of leaving every word unmatched, in [0, 1].
    pub score: f64,
    pub differences: Vec<Difference>,
    /// Statement words matched exactly, and how many words it has.
    pub matched: usize,
    pub words: usize,
    /// Longest run of statement words with no exact match.
    pub longest_gap: usize,
    /// Share of the statement's content words (not fillers) matched exactly.
    pub content_coverage: f64,
}

impl Assessment {
    /// The score's parts, for reports.
    pub fn parts(&self, cost: u32) -> ScoreParts {
        let substantive = self
            .differences
            .iter()
            .filter(|d| d.kind.substantive())
            .count();
        ScoreParts {
            matched: self.matched,
            words: self.words,
            content_coverage: self.content_coverage,
            longest_gap: self.longest_gap,
            cost,
            substantive,
            harmless: self.differences.len() - substantive,
        }
    }
}

fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) || lexicon().numbers.contains(w)
}

fn surface<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.start..t.end]
}

/// The contraction difference being built: which side holds the contracted word and where
/// it starts, the difference's index, and the statement and source byte spans so far.
type OpenContraction = ((bool, usize), usize, Range<usize>, Range<usize>);

/// Classifies the differences of an alignment and grades it.
pub fn assess(
    stmt: &Prepared,
    src: &[Token],
    src_text: &str,
    a: &Alignment,
    kind: Kind,
    t: &Thresholds,
) -> Assessment {
    let lex = lexicon();
    let st = &stmt.tokens;
    let mut diffs: Vec<Difference> = Vec::new();
    let mut matched = 0;
    let mut content_matched = 0;
    let mut run = 0;
    let mut longest_gap = 0;
    let mut contraction: Option<OpenContraction> = None;
    let mut dropped: Vec<(usize, String)> = Vec::new();
    let mut added: Vec<(usize, String)> = Vec::new();
    let filler_at = |t: usize| -> bool {
        let w = src[t].norm.as_str();
        lex.fillers.contains(w)
            || lex.multi_fillers.iter().any(|m| {
                (0..m.len()).any(|k| {
                    t >= k
                        && t - k + m.len() <= src.len()
                        && (0..m.len()).all(|x| src[t - k + x].norm == m[x])
                })
            })
    };
    for op in &a.ops {
        match *op {
            Op::Match { s, t } => {
                matched += 1;
                if !lex.fillers.contains(st[s].norm.as_str()) {
                    content_matched += 1;
                    run = 0;
                }
                if st[s].norm != src[t].norm {
                    diffs.push(Difference {
                        kind: DiffKind::Shift,
                        change: replaced(surface(src_text, &src[t]), surface(&stmt.text, &st[s])),
                    });
                } else if (st[s].flags ^ src[t].flags) & flag::CONTRACTED != 0
                    || (st[s].flags & src[t].flags & flag::CONTRACTED != 0
                        && fold_word(surface(src_text, &src[t]))
                            != fold_word(surface(&stmt.text, &st[s])))
                {
                    // One contraction is one difference however many words it expands to:
                    // grow the last one while the contracted word is the same.
                    let key = if src[t].flags & flag::CONTRACTED != 0 {
                        (true, src[t].start)
                    } else {
                        (false, st[s].start)
                    };
                    let (s_span, t_span) = match &contraction {
                        Some((k, i, ss, ts)) if *k == key && *i + 1 == diffs.len() => {
                            diffs.pop();
                            (ss.start..st[s].end, ts.start..src[t].end)
                        }
                        _ => (st[s].start..st[s].end, src[t].start..src[t].end),
                    };
                    diffs.push(Difference {
                        kind: DiffKind::Contraction,
                        change: replaced(&src_text[t_span.clone()], &stmt.text[s_span.clone()]),
                    });
                    contraction = Some((key, diffs.len() - 1, s_span, t_span));
                }
            }
            Op::Skip { s, from, to } => {
                // Pieces a partial statement quotes apart need not stand together; a direct
                // quote's pieces that stand apart are joined (harmless, and named).
                let join = stmt.joins.contains(&s);
                if to > from && !(join && kind == Kind::Partial) {
                    diffs.push(Difference {
                        kind: if join {
                            DiffKind::Join
                        } else {
                            DiffKind::Ellipsis
                        },
                        change: Change::Skipped(to - from),
                    });
                }
            }
            Op::Ins { s } => {
                run += 1;
                longest_gap = longest_gap.max(run);
                let w = st[s].norm.as_str();
                let k = if st[s].flags & flag::BRACKETED != 0 {
                    DiffKind::Insertion
                } else if lex.fillers.contains(w) {
                    DiffKind::Filler
                } else if lex.negations.contains(w) {
                    DiffKind::Negation
                } else if lex.modals.contains_key(w) {
                    DiffKind::Modal
                } else {
                    added.push((diffs.len(), w.to_string()));
                    DiffKind::Word
                };
                diffs.push(Difference {
                    kind: k,
                    change: Change::Added(surface(&stmt.text, &st[s]).to_string()),
                });
            }
            Op::Del { t } => {
                let w = src[t].norm.as_str();
                let repeated =
                    (t > 0 && src[t - 1].norm == w) || src.get(t + 1).is_some_and(|n| n.norm == w);
                let k = if filler_at(t) {
                    DiffKind::Filler
                } else if repeated {
                    DiffKind::Repetition
                } else if lex.negations.contains(w) {
                    DiffKind::Negation
                } else if lex.modals.contains_key(w) {
                    DiffKind::Modal
                } else {
                    dropped.push((diffs.len(), w.to_string()));
                    DiffKind::Word
                };
                diffs.push(Difference {
                    kind: k,
                    change: Change::Dropped(surface(src_text, &src[t]).to_string()),
                });
            }
            Op::Sub { s, t } => {
                run += 1;
                longest_gap = longest_gap.max(run);
                let (a_w, b_w) = (src[t].norm.as_str(), st[s].norm.as_str());
                let k = if st[s].flags & flag::BRACKETED != 0 {
                    DiffKind::Insertion
                } else if is_number(a_w) && is_number(b_w) {
                    DiffKind::Number
                } else if lex.negations.contains(a_w) || lex.negations.contains(b_w) {
                    DiffKind::Negation
                } else if lex.antonyms.contains(&(a_w, b_w)) {
                    DiffKind::Antonym
                } else if lex.modal_change(a_w, b_w) {
                    DiffKind::Modal
                } else if lex.modals.contains_key(a_w) && lex.modals.contains_key(b_w) {
                    DiffKind::Word
                } else if (st[s].flags | src[t].flags) & flag::CAPITAL != 0 {
                    DiffKind::Name
                } else if is_number(a_w) || is_number(b_w) {
                    DiffKind::Number
                } else {
                    DiffKind::Word
                };
                diffs.push(Difference {
                    kind: k,
                    change: replaced(surface(src_text, &src[t]), surface(&stmt.text, &st[s])),
                });
            }
        }
    }
    // A word dropped in one place and added in another: the order changed.
    for (di, w) in &dropped {
        if let Some((ai, _)) = added.iter().find(|(_, x)| x == w) {
            diffs[*di].kind = DiffKind::Order;
            diffs[*ai].kind = DiffKind::Order;
        }
    }
    let words = stmt.word_count().max(1);
    let content_words = st
        .iter()
        .filter(|t| !t.is_ellipsis() && !lex.fillers.contains(t.norm.as_str()))
        .count();
    let content_coverage = content_matched as f64 / content_words.max(1) as f64;
    let score = (1.0 - f64::from(a.cost) / (f64::from(COST_GAP) * words as f64)).clamp(0.0, 1.0);
    let grade = grade(
        &diffs,
        matched,
        words,
        content_coverage,
        longest_gap,
        kind,
        t,
    );
    Assessment {
        grade,
        score,
        differences: diffs,
        matched,
        words,
        longest_gap,
        content_coverage,
    }
}
