//! Classifying each difference of an alignment between a statement and a passage (filler,
//! contraction, ellipsis, insertion, repetition, reported-speech shift: harmless; negation,
//! number, name, hedge, antonym, word order, other word: substantive), and grading it.

use super::grade::{grade, Grade};
use super::thresholds::defaults::PARAPHRASE_ENOUGH_WORDS;
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
    /// Longest run of statement words matched exactly, one after another.
    pub longest_match: usize,
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

/// True for a number: digits, or a number word of two letters or more (`k`, `m` count only
/// after a number).
fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) || (w.len() > 1 && lexicon().numbers.contains_key(w))
}

/// True when two spellings have the same letters and digits, apostrophes, hyphens and case
/// aside (`hell` / `he'll`): a typo, not a change of words.
fn same_letters(a: &str, b: &str) -> bool {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (letters(a), letters(b));
    !a.is_empty() && a == b
}

/// True for a conjunction that opens a sentence (`And I think ...`): a transcript's spoken
/// habit an editor may drop from a quotation without changing it.
fn opens_sentence(t: &Token) -> bool {
    t.flags & flag::SENTENCE_START != 0 && lexicon().conjunctions.contains(t.norm.as_str())
}

/// For each op of an edit script, whether it is half of a negation that moved into a word or
/// out of it: `not` added or dropped beside a word that differs from its counterpart by a
/// negative prefix (`wasn't satisfied` against `was unsatisfied`).
fn negation_moved(ops: &[Op], st: &[Token], src: &[Token]) -> Vec<bool> {
    let lex = lexicon();
    let neg = |w: &str| lex.negations.contains(w);
    let prefixed = |long: &str, short: &str| {
        lex.negative_prefixes
            .iter()
            .any(|p| long.strip_prefix(p) == Some(short))
    };
    // The word each op brings from the statement and from the source, if any.
    let words = |op: &Op| -> (Option<&str>, Option<&str>) {
        match *op {
            Op::Ins { s } => (Some(st[s].norm.as_str()), None),
            Op::Del { t } => (None, Some(src[t].norm.as_str())),
            Op::Sub { s, t } => (Some(st[s].norm.as_str()), Some(src[t].norm.as_str())),
            _ => (None, None),
        }
    };
    let mut moved = vec![false; ops.len()];
    for i in 1..ops.len() {
        let (a, b) = (words(&ops[i - 1]), words(&ops[i]));
        // The statement's words and the source's words of the pair, in order.
        let said: Vec<&str> = [a.1, b.1].into_iter().flatten().collect();
        let printed: Vec<&str> = [a.0, b.0].into_iter().flatten().collect();
        let fits = |with_not: &[&str], prefixed_side: &[&str]| {
            with_not.len() == 2
                && prefixed_side.len() == 1
                && with_not.iter().any(|w| neg(w))
                && with_not
                    .iter()
                    .any(|w| !neg(w) && prefixed(prefixed_side[0], w))
        };
        if fits(&printed, &said) || fits(&said, &printed) {
            moved[i - 1] = true;
            moved[i] = true;
        }
    }
    moved
}

/// The change one op of an edit script makes, with the words as written on each side.
fn change_of(op: Op, stmt: &Prepared, src: &[Token], src_text: &str) -> Change {
    let st = &stmt.tokens;
    match op {
        Op::Ins { s } => Change::Added(surface(&stmt.text, &st[s]).to_string()),
        Op::Del { t } => Change::Dropped(surface(src_text, &src[t]).to_string()),
        Op::Sub { s, t } | Op::Match { s, t } => {
            replaced(surface(src_text, &src[t]), surface(&stmt.text, &st[s]))
        }
        Op::Skip { from, to, .. } => Change::Skipped(to - from),
    }
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
    let mut telling_matched = 0;
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
    let moved = negation_moved(&a.ops, st, src);
    // Statement words (by where their surface starts) that a source word spells otherwise:
    // the other words of the same contraction are part of that one difference.
    let spelled: Vec<usize> = a
        .ops
        .iter()
        .filter_map(|op| match *op {
            Op::Sub { s, t } => {
                same_letters(surface(src_text, &src[t]), surface(&stmt.text, &st[s]))
                    .then_some(st[s].start)
            }
            _ => None,
        })
        .collect();
    let longest_match = a
        .ops
        .iter()
        .fold((0, 0), |(run, best), op| match op {
            Op::Match { .. } => (run + 1, best.max(run + 1)),
            _ => (0, best),
        })
        .1;
    for (i, op) in a.ops.iter().enumerate() {
        if moved[i] {
            run += 1;
            longest_gap = longest_gap.max(run);
            diffs.push(Difference {
                kind: DiffKind::NegationMoved,
                change: change_of(*op, stmt, src, src_text),
            });
            continue;
        }
        match *op {
            Op::Match { s, t } => {
                matched += 1;
                if !lex.fillers.contains(st[s].norm.as_str()) {
                    content_matched += 1;
                    run = 0;
                    if !lex.stopwords.contains(st[s].norm.as_str()) {
                        telling_matched += 1;
                    }
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
                if spelled.contains(&st[s].start) {
                    // The rest of a contraction whose spelling differs: one difference.
                    continue;
                }
                run += 1;
                longest_gap = longest_gap.max(run);
                let w = st[s].norm.as_str();
                let k = if st[s].flags & flag::BRACKETED != 0 {
                    DiffKind::Insertion
                } else if lex.fillers.contains(w) || opens_sentence(&st[s]) {
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
                let k = if filler_at(t) || opens_sentence(&src[t]) {
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
                let (a_s, b_s) = (surface(src_text, &src[t]), surface(&stmt.text, &st[s]));
                let k = if st[s].flags & flag::BRACKETED != 0 {
                    DiffKind::Insertion
                } else if same_letters(a_s, b_s) {
                    DiffKind::Spelling
                } else if kind != Kind::Direct
                    && lex.pronouns.contains(a_w)
                    && st[s].flags & flag::CAPITAL != 0
                {
                    // Reported speech names the person the speaker called "he".
                    DiffKind::Shift
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
                } else if src[t].flags & flag::CAPITAL != 0 {
                    // A name the speaker said, given otherwise. (A name where the speaker
                    // said a common word is a changed word: in reported speech, often the
                    // reporter naming whom the speaker meant.)
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
    let grade = match grade(
        &diffs,
        matched,
        words,
        content_coverage,
        longest_gap,
        kind,
        t,
    ) {
        Grade::Loose
            if telling_matched < t.paraphrase_min_words
                && (telling_matched == 0 || matched < PARAPHRASE_ENOUGH_WORDS) =>
        {
            Grade::None
        }
        g => g,
    };
    Assessment {
        grade,
        score,
        differences: diffs,
        matched,
        words,
        longest_gap,
        longest_match,
        content_coverage,
    }
}
