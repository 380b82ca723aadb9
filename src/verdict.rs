//! Verdicts: classifying each difference between a statement and its best passage, grading
//! the placement, and choosing between the speaker's own turns and everyone else's.

use crate::corpus::{Corpus, TurnRef, QUESTION_SPEAKER};
use crate::date::Date;
use crate::finding::{Alternative, Finding, Kind, ScoreParts, Statement, Verdict};
use crate::matching::align::{Alignment, Op, COST_GAP};
use crate::matching::lexicon::lexicon;
use crate::matching::normalize::{flag, Token};
use crate::matching::{could_hold, place, prepare, Placement, Prepared};
use rayon::prelude::*;
use std::ops::Range;

/// The thresholds that turn an alignment into a grade, in one place, as shares of the
/// statement's words. How they were chosen: from what each edit does to a sentence of 8-45
/// words (one alteration leaves 85%+ matched and at most a 3-word unmatched run; a rewording
/// swaps single words or short phrases; a spliced sentence leaves half unmatched in one
/// block), then checked against the score parts of the seed article and of the debates dev
/// cases (`../shared/eval/match/dev.csv`: true paraphrases had unmatched runs of 1-2 words and
/// 71%+ of content words, spliced sentences runs of 3-9 and 55-88%), and confirmed on cases
/// generated with other seeds (2 and 3) that the rules were not fitted to one file.
pub mod thresholds {
    /// Near-verbatim: share of the statement's words matched exactly when every difference
    /// is harmless (an ellipsis or a few dropped articles still leave most words matched).
    pub const NEAR_MIN_COVERAGE: f64 = 0.75;
    /// Altered: share matched around a substantive change (one edit in a sentence of 8+
    /// words leaves 85% or more; a half-matched sentence is something else).
    pub const ALTERED_MIN_COVERAGE: f64 = 0.7;
    /// Altered: longest run of statement words with no content word matched (one edit: a
    /// negation, a number, a two-word name, `I think` -> `I know`).
    pub const ALTERED_MAX_RUN: usize = 3;
    /// Altered: most changed words with no type (neither negation, number, name, hedge nor
    /// antonym) beside the substantive edit; in a direct quote they are the edit.
    pub const ALTERED_MAX_WORDS: usize = 2;
    /// Paraphrase: share of the statement's content words found in order in the passage. A
    /// paraphrase swaps a few words for synonyms and keeps most (two thirds or more); a
    /// sentence half of which comes from elsewhere keeps about half.
    pub const PARAPHRASE_MIN_COVERAGE: f64 = 0.65;
    /// Paraphrase: longest run of statement words with no content word matched. Synonyms are
    /// words or short phrases (`get rid of` for `eliminate`); a longer run is a clause the
    /// passage does not hold.
    pub const PARAPHRASE_MAX_RUN: usize = 3;
    /// Fewest words for a statement to be called misattributed: shorter phrases recur by chance.
    pub const MIN_MISATTRIBUTION_WORDS: usize = 5;
}

/// The thresholds in force: [`thresholds`] by default; a newsroom may set them in its
/// `quotecheck.toml` (`[thresholds]`, the same names in lower case).
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// See [`thresholds::NEAR_MIN_COVERAGE`].
    pub near_min_coverage: f64,
    /// See [`thresholds::ALTERED_MIN_COVERAGE`].
    pub altered_min_coverage: f64,
    /// See [`thresholds::ALTERED_MAX_RUN`].
    pub altered_max_run: usize,
    /// See [`thresholds::ALTERED_MAX_WORDS`].
    pub altered_max_words: usize,
    /// See [`thresholds::PARAPHRASE_MIN_COVERAGE`].
    pub paraphrase_min_coverage: f64,
    /// See [`thresholds::PARAPHRASE_MAX_RUN`].
    pub paraphrase_max_run: usize,
    /// See [`thresholds::MIN_MISATTRIBUTION_WORDS`].
    pub min_misattribution_words: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        use thresholds::*;
        Thresholds {
            near_min_coverage: NEAR_MIN_COVERAGE,
            altered_min_coverage: ALTERED_MIN_COVERAGE,
            altered_max_run: ALTERED_MAX_RUN,
            altered_max_words: ALTERED_MAX_WORDS,
            paraphrase_min_coverage: PARAPHRASE_MIN_COVERAGE,
            paraphrase_max_run: PARAPHRASE_MAX_RUN,
            min_misattribution_words: MIN_MISATTRIBUTION_WORDS,
        }
    }
}

impl Thresholds {
    /// Checks that every share lies between 0 and 1; the error names the first that does not.
    pub fn validate(&self) -> Result<(), String> {
        let shares = [
            ("near_min_coverage", self.near_min_coverage),
            ("altered_min_coverage", self.altered_min_coverage),
            ("paraphrase_min_coverage", self.paraphrase_min_coverage),
        ];
        match shares.iter().find(|(_, v)| !(0.0..=1.0).contains(v)) {
            Some((name, v)) => Err(format!("{name} = {v}: a share must be between 0 and 1")),
            None => Ok(()),
        }
    }
}

/// How well one placement supports a statement, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    Verbatim,
    Near,
    Altered,
    Loose,
    None,
}

/// What kind of difference a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffKind {
    Filler,
    Contraction,
    Ellipsis,
    Insertion,
    Repetition,
    Shift,
    Negation,
    Number,
    Name,
    Modal,
    Antonym,
    Order,
    Word,
}

impl DiffKind {
    /// True when the change alters what was said.
    pub fn substantive(self) -> bool {
        !matches!(
            self,
            DiffKind::Filler
                | DiffKind::Contraction
                | DiffKind::Ellipsis
                | DiffKind::Insertion
                | DiffKind::Repetition
                | DiffKind::Shift
        )
    }

    /// The label printed after the change.
    pub fn label(self) -> &'static str {
        match self {
            DiffKind::Filler => "filler",
            DiffKind::Contraction => "contraction",
            DiffKind::Ellipsis => "ellipsis",
            DiffKind::Insertion => "editorial insertion",
            DiffKind::Repetition => "repetition",
            DiffKind::Shift => "reported speech",
            DiffKind::Negation => "negation",
            DiffKind::Number => "number",
            DiffKind::Name => "name",
            DiffKind::Modal => "hedge",
            DiffKind::Antonym => "antonym",
            DiffKind::Order => "word order",
            DiffKind::Word => "word",
        }
    }
}

/// One difference, source against statement: `-the` (dropped), `+not` (added), `a -> b`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub kind: DiffKind,
    pub text: String,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.text, self.kind.label())
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
    w.chars().any(|c| c.is_ascii_digit())
        || matches!(
            w,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "hundred"
                | "thousand"
                | "million"
                | "billion"
                | "trillion"
                | "dozen"
                | "half"
                | "percent"
        )
}

/// A surface word with case and apostrophe style folded (`Can’t` = `can't`), to tell two
/// spellings of one expansion apart (`can't` / `cannot`).
fn spelling(w: &str) -> String {
    w.chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
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
                        text: format!(
                            "{} -> {}",
                            surface(src_text, &src[t]),
                            surface(&stmt.text, &st[s])
                        ),
                    });
                } else if (st[s].flags ^ src[t].flags) & flag::CONTRACTED != 0
                    || (st[s].flags & src[t].flags & flag::CONTRACTED != 0
                        && spelling(surface(src_text, &src[t]))
                            != spelling(surface(&stmt.text, &st[s])))
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
                        text: format!(
                            "{} -> {}",
                            &src_text[t_span.clone()],
                            &stmt.text[s_span.clone()]
                        ),
                    });
                    contraction = Some((key, diffs.len() - 1, s_span, t_span));
                }
            }
            Op::Skip { from, to, .. } => {
                if to > from {
                    diffs.push(Difference {
                        kind: DiffKind::Ellipsis,
                        text: format!("... for {} words", to - from),
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
                    text: format!("+{}", surface(&stmt.text, &st[s])),
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
                    text: format!("-{}", surface(src_text, &src[t])),
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
                    text: format!(
                        "{} -> {}",
                        surface(src_text, &src[t]),
                        surface(&stmt.text, &st[s])
                    ),
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

fn grade(
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

/// The statement text that is checked, whether it is reported speech, and which part decides.
fn checked_text(st: &Statement) -> (String, bool, Option<&'static str>) {
    match st.kind {
        Kind::Direct if !st.quoted.is_empty() => (st.quoted.join(" ... "), false, None),
        Kind::Partial if !st.quoted.is_empty() => {
            (st.quoted.join(" ... "), false, Some("quoted words"))
        }
        _ => (st.content.clone(), true, None),
    }
}

/// True when a finding should fail an editorial check by default: an altered or
/// misattributed statement, or a quotation that is not the speaker's words.
pub fn needs_attention(kind: Kind, verdict: Verdict) -> bool {
    match verdict {
        Verdict::Altered | Verdict::Misattributed => true,
        Verdict::Unverified | Verdict::Paraphrase => kind != Kind::Indirect,
        Verdict::Verbatim | Verdict::NearVerbatim => false,
    }
}

/// A placement with its grade.
struct Graded {
    placement: Placement,
    assessment: Assessment,
}

/// Every placement of a statement, graded: what [`judge`] decides from and [`explain`] prints.
pub struct Scored {
    /// The checked text, prepared (for reported speech, its words also match the unshifted ones).
    pub prepared: Prepared,
    graded: Vec<Graded>,
    /// The corpus names of the attributed speaker.
    pub own: Vec<String>,
    /// When the statement was made, if known: among equal grades, a passage of that day wins.
    said: Option<Date>,
}

impl Scored {
    fn is_own(&self, corpus: &Corpus, r: TurnRef) -> bool {
        let speaker = &corpus.docs[r.0].turns[r.1].speaker;
        self.own.iter().any(|o| o == speaker)
    }

    /// The placements, best first (grade, then a passage of the day the statement was made,
    /// then score), with whether each is the attributed speaker's.
    fn ranked(&self, corpus: &Corpus) -> Vec<(&Graded, bool)> {
        let mut v: Vec<(&Graded, bool)> = self
            .graded
            .iter()
            .map(|g| (g, self.is_own(corpus, g.placement.turn)))
            .collect();
        v.sort_by_key(|(g, _)| {
            let other_day = self
                .said
                .is_some_and(|d| corpus.docs[g.placement.turn.0].date != Some(d));
            (
                g.assessment.grade,
                other_day,
                -(g.assessment.score * 1e6) as i64,
                g.placement.turn,
            )
        });
        v
    }
}

/// Places and grades a statement's checked text in every turn that could hold it.
pub fn score(corpus: &Corpus, st: &Statement, th: &Thresholds) -> Scored {
    let (text, reported, _) = checked_text(st);
    let own: Vec<String> = corpus
        .identities(&st.speaker)
        .into_iter()
        .map(str::to_string)
        .collect();
    let p = prepare(corpus, &text, reported);
    let mut graded: Vec<Graded> = Vec::new();
    if p.word_count() > 0 {
        let keep = could_hold(
            corpus,
            &p,
            th.near_min_coverage.min(th.altered_min_coverage),
            th.paraphrase_min_coverage,
        );
        graded = place(corpus, &p, keep)
            .into_par_iter()
            .map(|placement| {
                let (d, t) = placement.turn;
                let assessment = assess(
                    &p,
                    &corpus.words[d][t].tokens,
                    &corpus.docs[d].turns[t].text,
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
pub fn judge(
    corpus: &Corpus,
    mut st: Statement,
    article_date: Option<Date>,
    th: &Thresholds,
) -> Finding {
    let (_, _, decided_by) = checked_text(&st);
    let scored = score(corpus, &st, th);
    if let Some(first) = scored.own.first() {
        st.speaker = first.clone();
    }
    let kind = st.kind;
    let ranked = scored.ranked(corpus);
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
        needs_attention: needs_attention(kind, verdict),
        score_parts: None,
        alternative: None,
    };
    if let Some(g) = chosen {
        let (d, t) = g.placement.turn;
        let doc = &corpus.docs[d];
        let turn = &doc.turns[t];
        let toks = &corpus.words[d][t].tokens;
        let r = &g.placement.alignment.t_range;
        let passage = if r.is_empty() {
            String::new()
        } else {
            turn.text[toks[r.start].start..toks[r.end - 1].end].to_string()
        };
        finding.score = g.assessment.score;
        finding.score_parts = Some(g.assessment.parts(g.placement.alignment.cost));
        finding.source_file = Some(doc.path.clone());
        finding.source_title = Some(doc.title.clone());
        finding.source_date = doc.date;
        finding.source_speaker = Some(turn.speaker.clone());
        finding.source_line = Some(turn.line);
        finding.source_time = toks
            .get(r.start)
            .and_then(|tok| turn.time_at(tok.start))
            .map(crate::corpus::format_time);
        finding.source_text = Some(passage);
        let stmt = &scored.prepared;
        finding.source_marked = Some(mark_passage(
            &turn.text,
            toks,
            &stmt.text,
            &stmt.tokens,
            &g.placement.alignment,
        ));
        finding.differences = g
            .assessment
            .differences
            .iter()
            .map(ToString::to_string)
            .collect();
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
        .map(|(g, own)| alternative(corpus, g, *own))
        .next();
    finding
}

/// What one placement alone would make of a statement, as a runner-up source.
fn alternative(corpus: &Corpus, g: &Graded, own: bool) -> Alternative {
    let (d, t) = g.placement.turn;
    let turn = &corpus.docs[d].turns[t];
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
        file: corpus.docs[d].path.clone(),
        line: turn.line,
        verdict,
        score: g.assessment.score,
    }
}

/// The source passage with the statement's differences marked in wdiff notation:
/// `[-dropped-]`, `{+added+}`, `[-said-]{+printed+}`.
pub fn mark_passage(
    src_text: &str,
    src: &[Token],
    stmt_text: &str,
    stmt: &[Token],
    a: &Alignment,
) -> String {
    let mut out = String::new();
    let Some(first) = src.get(a.t_range.start) else {
        return out;
    };
    let mut cursor = first.start;
    let emit_to = |out: &mut String, cursor: &mut usize, to: usize| {
        if to > *cursor {
            out.push_str(&src_text[*cursor..to]);
            *cursor = to;
        }
    };
    let word = |t: &Token, text: &str| text[t.start..t.end].to_string();
    for op in &a.ops {
        match *op {
            Op::Match { t, .. } => emit_to(&mut out, &mut cursor, src[t].end),
            Op::Del { t } => {
                emit_to(&mut out, &mut cursor, src[t].start);
                if src[t].end > cursor {
                    out.push_str(&format!("[-{}-]", word(&src[t], src_text)));
                    cursor = src[t].end;
                }
            }
            Op::Sub { s, t } => {
                emit_to(&mut out, &mut cursor, src[t].start);
                out.push_str(&format!(
                    "[-{}-]{{+{}+}}",
                    word(&src[t], src_text),
                    word(&stmt[s], stmt_text)
                ));
                cursor = cursor.max(src[t].end);
            }
            Op::Ins { s } => out.push_str(&format!(" {{+{}+}}", word(&stmt[s], stmt_text))),
            Op::Skip { from, to, .. } => {
                if to > from {
                    emit_to(&mut out, &mut cursor, src[from].start);
                    out.push_str(&format!(
                        "[-{}-]{{+...+}}",
                        &src_text[src[from].start..src[to - 1].end]
                    ));
                    cursor = src[to - 1].end;
                }
            }
        }
    }
    out
}

/// How many candidate passages [`explain`] lists.
pub const EXPLAIN_TOP: usize = 5;

/// The scoring of one statement for a person: the text checked, the thresholds, and the best
/// candidate passages with their grade, score, score parts and differences.
pub fn explain(corpus: &Corpus, st: &Statement, th: &Thresholds) -> String {
    use std::fmt::Write as _;
    let scored = score(corpus, st, th);
    let (text, reported, _) = checked_text(st);
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
        if scored.own.is_empty() {
            "nobody in the corpus".to_string()
        } else {
            scored.own.join(" / ")
        }
    );
    let ranked = scored.ranked(corpus);
    if ranked.is_empty() {
        let _ = writeln!(
            out,
            "  no turn shares {} words with it",
            crate::matching::MIN_VOTES
        );
    }
    for (g, own) in ranked.iter().take(EXPLAIN_TOP) {
        let (d, t) = g.placement.turn;
        let turn = &corpus.docs[d].turns[t];
        let a = &g.assessment;
        let _ = writeln!(
            out,
            "  {:?} score {:.3} [{}] {} ({}) {}:{}",
            a.grade,
            a.score,
            a.parts(g.placement.alignment.cost),
            turn.speaker,
            if *own { "attributed speaker" } else { "other" },
            corpus.docs[d].path,
            turn.line
        );
        if !a.differences.is_empty() {
            let diffs: Vec<String> = a.differences.iter().map(ToString::to_string).collect();
            let _ = writeln!(out, "      changes: {}", diffs.join("; "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_transcript;
    use crate::finding::SpeakerType;
    use std::path::Path;

    fn corpus(turn: &str) -> Corpus {
        let text = format!("---\ntitle: t\nspeakers: Ann Lee (Speaker)\n---\n\nAnn Lee: {turn}\n");
        let doc = parse_transcript("t.txt", &text).unwrap();
        Corpus::from_documents(Path::new("."), vec![doc], Vec::new())
    }

    fn statement(text: &str, kind: Kind) -> Statement {
        Statement {
            file: "c.csv".into(),
            statement_id: "c1".into(),
            line: 2,
            kind,
            speaker: "Ann Lee".into(),
            speaker_mention: "Ann Lee".into(),
            speaker_role: None,
            speaker_type: SpeakerType::Person,
            cue: None,
            content: text.into(),
            quoted: if kind == Kind::Direct {
                vec![text.into()]
            } else {
                Vec::new()
            },
            content_span: None,
            content_spans: None,
            speaker_span: None,
            cue_span: None,
            statement_date: None,
            via: None,
        }
    }

    #[test]
    fn verdicts_and_their_differences() {
        use Kind::{Direct, Indirect};
        let turn = "I think that we can not win this war without our allies, and we will \
                    cut taxes for 13,000 families, because we're gonna need them.";
        let c = corpus(turn);
        let table: [(&str, Kind, Verdict, &[&str]); 9] = [
            (
                "we can not win this war without our allies",
                Direct,
                Verdict::Verbatim,
                &[],
            ),
            (
                "I think we can not win this war",
                Direct,
                Verdict::NearVerbatim,
                &["-that (filler)"],
            ),
            (
                "we cannot win this war",
                Direct,
                Verdict::NearVerbatim,
                &["can not -> cannot (contraction)"],
            ),
            (
                "because we are going to need them",
                Direct,
                Verdict::NearVerbatim,
                &[
                    "we're -> we are (contraction)",
                    "gonna -> going to (contraction)",
                ],
            ),
            (
                "I think that we can win this war without our allies",
                Direct,
                Verdict::Altered,
                &["-not (negation)"],
            ),
            (
                "we will cut taxes for 30,000 families",
                Direct,
                Verdict::Altered,
                &["13,000 -> 30,000 (number)"],
            ),
            (
                "I know that we can not win this war without our allies",
                Direct,
                Verdict::Altered,
                &["think -> know (hedge)"],
            ),
            (
                "she believed that they could not win this war without their allies",
                Indirect,
                Verdict::Paraphrase,
                &[
                    "I -> she (reported speech)",
                    "our -> their (reported speech)",
                ],
            ),
            (
                "the moon is made of cheese and nobody knows why",
                Direct,
                Verdict::Unverified,
                &[],
            ),
        ];
        for (text, kind, want, diffs) in table {
            let f = judge(&c, statement(text, kind), None, &Thresholds::default());
            assert_eq!(f.verdict, want, "{text}: {:?}", f.differences);
            for d in diffs {
                assert!(
                    f.differences.iter().any(|x| x == d),
                    "{text}: {d} not in {:?}",
                    f.differences
                );
            }
        }
    }

    #[test]
    fn thresholds_from_settings_change_grades() {
        use Kind::{Direct, Indirect};
        let turn = "I think that we can not win this war without our allies, and we will \
                    cut taxes for 13,000 families, because we're gonna need them.";
        let c = corpus(turn);
        let strict = |f: fn(&mut Thresholds)| {
            let mut t = Thresholds::default();
            f(&mut t);
            t
        };
        let table: [(&str, &str, Kind, Thresholds, Verdict); 4] = [
            (
                "defaults",
                "she believed that they could not win this war without their allies",
                Indirect,
                Thresholds::default(),
                Verdict::Paraphrase,
            ),
            (
                "paraphrase needs every content word",
                "she believed that they could not win this war without their allies",
                Indirect,
                strict(|t| t.paraphrase_min_coverage = 1.0),
                Verdict::Unverified,
            ),
            (
                "defaults",
                "we will cut taxes for 30,000 families",
                Direct,
                Thresholds::default(),
                Verdict::Altered,
            ),
            (
                "altered needs full coverage around the edit",
                "we will cut taxes for 30,000 families",
                Direct,
                strict(|t| t.altered_min_coverage = 1.0),
                Verdict::Paraphrase,
            ),
        ];
        for (name, text, kind, th, want) in table {
            let f = judge(&c, statement(text, kind), None, &th);
            assert_eq!(f.verdict, want, "{name}: {text}");
        }
    }

    #[test]
    fn thresholds_validate_shares() {
        assert!(Thresholds::default().validate().is_ok());
        let t = Thresholds {
            near_min_coverage: 1.5,
            ..Thresholds::default()
        };
        assert!(t
            .validate()
            .unwrap_err()
            .starts_with("near_min_coverage = 1.5"));
    }
}
