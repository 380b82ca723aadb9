//! The judge: a statement's checked text placed and graded in every turn that could hold it,
//! the attributed speaker's best passage on or before the statement's date weighed against
//! everyone else's, and the verdict with its evidence (or, for `unverified`, the reason and
//! the closest passage).

use super::differences::{assess, Assessment};
use super::evidence::{misattribution_holds, Cutoff};
use super::grade::Grade;
use super::marked::mark;
use super::meaning;
use super::Thresholds;
use crate::corpus::{format_time, TurnRef, QUESTION_SPEAKER};
use crate::date::Date;
use crate::finding::{
    Alternative, Change, DiffKind, Difference, Finding, Kind, Reason, ScoreParts, Statement,
    Verdict,
};
use crate::matching::{could_hold, place, prepare_joined, Haystack, Placement, Prepared};
use crate::meaning::Model;
use rayon::prelude::*;
use std::ops::Range;

/// Most words a statement may have and still be too short to check (`"a demand"`).
pub const MAX_TOO_SHORT_WORDS: usize = 3;

/// A quoted fragment too short to check alone counts when the speaker's passage holding it
/// is from the day the article says the words were said, or when the clause around it is
/// about what that passage is about: a word of the clause (not a stop word, not one of the
/// fragment's) within this many words of the fragment there.
pub const SHORT_QUOTE_CONTEXT: usize = 60;

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
    fn ranked(&self, hay: &Haystack, later: bool) -> Vec<(&Graded, bool)> {
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

/// Checks one statement against the corpus: who said these words, and how faithfully. Only
/// transcripts dated on or before the statement's date (the article's, unless it dates the
/// statement itself) can support it.
///
/// A partial statement (reported speech holding quoted words) is checked twice: its quoted
/// words as a direct quote, and the whole as reported speech. The quoted words decide, unless
/// they are sound and the reported speech around them is changed in substance or someone
/// else's (`he said they were not "committed to ..."` when the speaker said they were), or
/// unless they are too short to prove anything found alone (`"a demand"`): then the reported
/// speech decides. `decided_by` says which part decided. `check` and `verify` both come here.
pub fn judge(
    hay: &Haystack,
    st: Statement,
    article_date: Option<Date>,
    th: &Thresholds,
) -> Finding {
    let cutoff = Cutoff::of(&st, article_date);
    let Some(reported) = reported_part(&st) else {
        let (f, _) = judge_one(hay, st.clone(), cutoff, th, false);
        return stitched(hay, &st, &f, cutoff, th).unwrap_or(f);
    };
    let short = checked_words(&st) <= MAX_TOO_SHORT_WORDS;
    let fragment = st.quoted.clone();
    let (quote, quote_at) = judge_one(hay, st.clone(), cutoff, th, short);
    let quote = stitched(hay, &st, &quote, cutoff, th).unwrap_or(quote);
    let sound = matches!(quote.verdict, Verdict::Verbatim | Verdict::NearVerbatim);
    // A short fragment counts only with its clause, or its day: the passage it was found in
    // must be of the day the article dates the words to, or hold a word of the clause near it.
    let short_fits = short
        && sound
        && quote_at.as_ref().is_some_and(|(r, range)| {
            let same_day =
                reported.statement_date.is_some() && hay.doc(*r).date == reported.statement_date;
            same_day || clause_near(hay, &reported.content, &fragment, *r, range)
        });
    let (rest, _) = judge_one(hay, reported, cutoff, th, false);
    let mut chosen = if sound && matches!(rest.verdict, Verdict::Altered | Verdict::Misattributed) {
        decided_by_reported(rest)
    } else if short && !short_fits && quote.reason != Some(Reason::SpeakerNotInCorpus) {
        if rest.verdict == Verdict::Unverified {
            too_short(quote)
        } else {
            decided_by_reported(rest)
        }
    } else {
        quote
    };
    chosen.statement.kind = Kind::Partial;
    chosen
}

/// True when a word of `clause` that is neither a stop word nor one of the quoted words of
/// `fragment` stands within [`SHORT_QUOTE_CONTEXT`] words of `range` in turn `r`.
fn clause_near(
    hay: &Haystack,
    clause: &str,
    fragment: &[String],
    r: TurnRef,
    range: &Range<usize>,
) -> bool {
    use crate::matching::lexicon::lexicon;
    use crate::matching::normalize::{tokenize, Side};
    let lex = lexicon();
    let norms = |text: &str| -> Vec<String> {
        tokenize(text, Side::Statement)
            .into_iter()
            .filter(|t| !t.is_ellipsis())
            .map(|t| t.norm)
            .collect()
    };
    let fragment: Vec<String> = fragment.iter().flat_map(|q| norms(q)).collect();
    let clause: Vec<String> = norms(clause)
        .into_iter()
        .filter(|w| {
            !fragment.contains(w)
                && !lex.fillers.contains(w.as_str())
                && !lex.stopwords.contains(w.as_str())
        })
        .collect();
    let toks = &hay.words(r).tokens;
    let lo = range.start.saturating_sub(SHORT_QUOTE_CONTEXT);
    let hi = (range.end + SHORT_QUOTE_CONTEXT).min(toks.len());
    toks[lo..hi].iter().any(|t| clause.contains(&t.norm))
}

/// Most pieces of a quotation checked one by one when the whole is not found in one place.
const MAX_STITCHED_PIECES: usize = 12;

/// A quotation of several pieces or sentences that no one passage holds may be stitched from
/// several places the speaker said each: when every piece of more than
/// [`MAX_TOO_SHORT_WORDS`] words is the speaker's, verbatim or nearly, on or before the
/// statement's date, the quotation is near-verbatim, the join named among its differences.
/// `None` when the whole was already found, or a piece is not the speaker's.
fn stitched(
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
        let (f, _) = judge_one(hay, piece, cutoff, th, false);
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

/// A finding of the reported speech, saying so.
fn decided_by_reported(mut f: Finding) -> Finding {
    f.decided_by = Some("reported speech".to_string());
    f
}

/// A finding on words too short to check: unverified, its passage kept as the closest one.
fn too_short(mut f: Finding) -> Finding {
    if let (Some(file), Some(line), Some(speaker)) = (
        f.source_file.take(),
        f.source_line,
        f.source_speaker.clone(),
    ) {
        f.alternative = Some(Alternative {
            speaker,
            file,
            line,
            verdict: f.verdict,
            score: f.score,
        });
    }
    let statement = f.statement;
    let flags = f.flags;
    Finding {
        verdict: Verdict::Unverified,
        reason: Some(Reason::TooShort),
        flags,
        alternative: f.alternative,
        decided_by: f.decided_by,
        ..unverified(statement)
    }
}

/// How many words a statement's checked text has (ellipses aside).
fn checked_words(st: &Statement) -> usize {
    use crate::matching::normalize::{tokenize, Side};
    tokenize(&checked_text(st).text, Side::Statement)
        .iter()
        .filter(|t| !t.is_ellipsis())
        .count()
}

/// A finding with no evidence yet: `unverified`, every field of evidence empty.
fn unverified(statement: Statement) -> Finding {
    Finding {
        statement,
        verdict: Verdict::Unverified,
        score: 0.0,
        decided_by: None,
        reason: None,
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
        meaning: None,
        alternative: None,
    }
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
///
/// With `short_ok`, quoted words too short to check alone are still placed (their clause
/// will be weighed by the caller); without it they are `unverified`, `too_short`. Returns
/// the turn the evidence comes from, if any, and where in it.
fn judge_one(
    hay: &Haystack,
    st: Statement,
    cutoff: Cutoff,
    th: &Thresholds,
    short_ok: bool,
) -> (Finding, Option<(TurnRef, Range<usize>)>) {
    let given = st.speaker.clone();
    let (mut f, turn) = judge_text(hay, st, cutoff, th, short_ok);
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
    (f, turn)
}

/// The verdict on a statement's checked text ([`checked_text`]) and its evidence.
fn judge_text(
    hay: &Haystack,
    mut st: Statement,
    cutoff: Cutoff,
    th: &Thresholds,
    short_ok: bool,
) -> (Finding, Option<(TurnRef, Range<usize>)>) {
    let decided_by = checked_text(&st).decided_by;
    let scored = score(hay, &st, th, cutoff);
    if let Some(first) = scored.own.first() {
        st.speaker = first.clone();
    }
    let kind = st.kind;
    // A turn of unknown speaker is evidence of nobody: never misattributed, never the alternative.
    let ranked: Vec<_> = (scored.ranked(hay, false).into_iter())
        .filter(|(g, own)| *own || super::display::speaker_known(hay, g.placement.turn))
        .collect();
    let best_own = ranked.iter().find(|(_, own)| *own).map(|(g, _)| *g);
    let best_other = ranked
        .iter()
        .find(|(g, own)| !*own && g.assessment.grade <= Grade::Near)
        .map(|(g, _)| *g);
    let words = scored.prepared.word_count();
    let own_grade = best_own.map_or(Grade::None, |g| g.assessment.grade);
    let other_grade = best_other.map_or(Grade::None, |g| g.assessment.grade);
    // Someone else's words make a misattribution only on evidence of its own.
    let other_holds = best_other.map(|g| {
        let r = g.placement.turn;
        (
            g,
            misattribution_holds(hay, &scored, r, &g.placement.alignment, words, th),
        )
    });
    let misattribution = other_holds
        .as_ref()
        .filter(|(_, holds)| holds.is_ok())
        .map(|(g, _)| *g);
    // Quoted words too short to check: finding them somewhere proves nothing.
    let too_short = words <= MAX_TOO_SHORT_WORDS && kind != Kind::Indirect && !short_ok;
    let (verdict, chosen) = if too_short {
        (Verdict::Unverified, None)
    } else if own_grade <= Grade::Altered && own_grade <= other_grade {
        let v = match own_grade {
            Grade::Verbatim => Verdict::Verbatim,
            Grade::Near => Verdict::NearVerbatim,
            _ => Verdict::Altered,
        };
        (v, best_own)
    } else if misattribution.is_some() {
        (Verdict::Misattributed, misattribution)
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
    // Words that do not align may still say what the speaker said: the meaning layer looks
    // among the speaker's passages that could support the statement.
    // Not when the aligner already holds much of the statement in one passage of the
    // speaker and the rest is missing: that is a statement half the speaker's, not a
    // paraphrase.
    let half_quoted = best_own.is_some_and(|g| {
        let a = &g.assessment;
        a.matched as f64 >= meaning::MAX_ALIGNED * words.max(1) as f64
            || a.longest_match >= meaning::MAX_VERBATIM_RUN
    });
    let by_meaning =
        (verdict == Verdict::Unverified && !too_short && !scored.own.is_empty() && !half_quoted)
            .then(Model::get)
            .flatten()
            .and_then(|m| meaning::best_passage(m, hay, &st, &scored.own, cutoff))
            .filter(|f| !f.blocked && f.parts.score >= th.meaning_min_possible);
    let paraphrased = by_meaning
        .as_ref()
        .is_some_and(|f| f.clean && f.parts.score >= th.meaning_min_support);
    let verdict = if paraphrased {
        Verdict::Paraphrase
    } else {
        verdict
    };
    let later = scored.ranked(hay, true);
    let later_own = later
        .iter()
        .find(|(g, own)| *own && g.assessment.grade <= Grade::Loose)
        .map(|(g, _)| *g);
    let reason = (verdict == Verdict::Unverified).then(|| {
        if scored.own.is_empty() {
            Reason::SpeakerNotInCorpus
        } else if too_short {
            Reason::TooShort
        } else if later_own.is_some() {
            Reason::OnlyLaterSources
        } else {
            Reason::NoPassage
        }
    });
    let mut finding = Finding {
        verdict,
        decided_by: decided_by.map(str::to_string),
        reason,
        ..unverified(st)
    };
    if let Some(g) = chosen {
        evidence(hay, &scored, g, &mut finding);
    }
    if let Some(m) = by_meaning {
        meaning_evidence(hay, m, paraphrased, &mut finding);
    }
    if let Some((g, Err(why))) = other_holds.filter(|_| verdict != Verdict::Misattributed) {
        let r = g.placement.turn;
        finding.flags.push(format!(
            "the words are also {}'s ({}:{}), not taken as a misattribution: {why}",
            hay.turn(r).speaker,
            hay.doc(r).path,
            hay.turn(r).line
        ));
    }
    if let Some(g) = later_own.filter(|g| g.assessment.grade <= Grade::Near || chosen.is_none()) {
        let r = g.placement.turn;
        let date = hay.doc(r).date.map_or(String::new(), |d| d.to_string());
        finding.flags.push(if chosen.is_some() {
            format!("said again on {date} ({}:{})", hay.doc(r).path, hay.turn(r).line)
        } else {
            format!(
                "only a later transcript holds it: {date} ({}:{}), after the statement's date {}, so it cannot support it",
                hay.doc(r).path,
                hay.turn(r).line,
                cutoff.date().map_or(String::new(), |d| d.to_string())
            )
        });
    }
    if cutoff.date().is_none() {
        finding.flags.push(
            "date: no date is known for the statement or the article, so transcripts of any date were considered"
                .to_string(),
        );
    }
    let chosen_turn = chosen.map(|g| g.placement.turn);
    finding.alternative = if chosen.is_none() {
        // For an unverified statement, the closest passage, so a fact-checker can look.
        let mut all: Vec<(&Graded, bool)> = ranked.iter().chain(&later).copied().collect();
        all.sort_by(|a, b| b.0.assessment.score.total_cmp(&a.0.assessment.score));
        all.first().map(|(g, own)| alternative(hay, g, *own))
    } else {
        ranked
            .iter()
            .filter(|(g, own)| {
                Some(g.placement.turn) != chosen_turn
                    && g.assessment.grade < Grade::None
                    && (!own || verdict == Verdict::Misattributed)
            })
            .map(|(g, own)| alternative(hay, g, *own))
            .next()
    };
    let at = chosen.map(|g| (g.placement.turn, g.placement.alignment.t_range.clone()));
    (finding, at)
}

/// Fills in the evidence of a finding from its chosen passage.
fn evidence(hay: &Haystack, scored: &Scored, g: &Graded, finding: &mut Finding) {
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
    if finding.verdict == Verdict::Misattributed {
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
}

/// The evidence of a passage found by meaning: the source of a paraphrase, or for a statement
/// that stays unverified, a possible paraphrase flagged with its passage.
fn meaning_evidence(hay: &Haystack, m: meaning::Found, paraphrase: bool, finding: &mut Finding) {
    let r = m.turn;
    let (doc, turn) = (hay.doc(r), hay.turn(r));
    let passage = turn.text[m.range.clone()].trim().to_string();
    if paraphrase {
        finding.score = m.parts.score;
        finding.source_file = Some(doc.path.clone());
        finding.source_title = Some(doc.title.clone());
        finding.source_date = doc.date;
        finding.source_speaker = Some(turn.speaker.clone());
        finding.source_line = Some(turn.line);
        finding.source_time = turn.time_at(m.range.start).map(format_time);
        finding.source_text = Some(passage);
    } else {
        finding.flags.push(format!(
            "possible paraphrase: {}:{} \"{passage}\" ({})",
            doc.path, turn.line, m.parts
        ));
    }
    finding.meaning = Some(m.parts);
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
