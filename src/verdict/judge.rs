//! The judge: a statement's attributed speaker's best passage on or before the statement's
//! date weighed against everyone else's, the verdict with its evidence (or, for
//! `unverified`, the reason and the closest passage), and the rules for partial statements
//! and short fragments.

use super::evidence::{misattribution_holds, Cutoff};
use super::grade::Grade;
use super::meaning;
use super::scored::{checked_text, score, Graded};
use super::sources::{alternative, evidence, meaning_evidence, unverified};
use super::stitch::stitched;
use super::Thresholds;
use crate::corpus::TurnRef;
use crate::date::Date;
use crate::finding::{Alternative, Finding, Kind, Reason, Statement, Verdict};
use crate::matching::Haystack;
use crate::meaning::Model;
use std::ops::Range;

/// Most words a statement may have and still be too short to check (`"a demand"`).
pub const MAX_TOO_SHORT_WORDS: usize = 3;

/// A quoted fragment too short to check alone counts when the speaker's passage holding it
/// is from the day the article says the words were said, or when the clause around it is
/// about what that passage is about: a word of the clause (not a stop word, not one of the
/// fragment's) within this many words of the fragment there.
pub const SHORT_QUOTE_CONTEXT: usize = 60;

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
    judge_with(hay, None, st, article_date, th)
}

/// The speaker's passages the meaning layer reads when `hay` holds only some of the corpus
/// (an index's candidates, found by the statement's words): given the statement, the corpus
/// names of its speaker and the cutoff, a haystack of that speaker's passages that share the
/// statement's words, or `None` to read `hay`.
pub type MorePassages<'a> = &'a (dyn Fn(&Statement, &[String], Cutoff) -> Option<Haystack> + Sync);

/// [`judge`], with the meaning layer reading the speaker's passages from `more` when given.
pub fn judge_with(
    hay: &Haystack,
    more: Option<MorePassages<'_>>,
    st: Statement,
    article_date: Option<Date>,
    th: &Thresholds,
) -> Finding {
    let cutoff = Cutoff::of(&st, article_date);
    let Some(reported) = reported_part(&st) else {
        let (f, _) = judge_one(hay, more, st.clone(), cutoff, th, false);
        return stitched(hay, &st, &f, cutoff, th).unwrap_or(f);
    };
    let short = checked_words(&st) <= MAX_TOO_SHORT_WORDS;
    let fragment = st.quoted.clone();
    let (quote, quote_at) = judge_one(hay, more, st.clone(), cutoff, th, short);
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
    let (rest, _) = judge_one(hay, more, reported, cutoff, th, false);
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
            .map(|t| t.norm.into_string())
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
    let near = |toks: &[crate::matching::normalize::Token]| {
        toks.iter()
            .any(|t| clause.iter().any(|w| w.as_str() == t.norm.as_str()))
    };
    // A reply near the start of its turn is read with the end of the turn it answers ("That
    // makes me smart" after "you paid no federal tax").
    let answered = (range.start < SHORT_QUOTE_CONTEXT)
        .then(|| hay.previous(r))
        .flatten()
        .filter(|&p| hay.turn(p).speaker != hay.turn(r).speaker)
        .is_some_and(|p| {
            let before = &hay.words(p).tokens;
            near(&before[before.len().saturating_sub(SHORT_QUOTE_CONTEXT)..])
        });
    near(&toks[lo..hi]) || answered
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
pub(super) fn checked_words(st: &Statement) -> usize {
    use crate::matching::normalize::{tokenize, Side};
    tokenize(&checked_text(st).text, Side::Statement)
        .iter()
        .filter(|t| !t.is_ellipsis())
        .count()
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
pub(super) fn judge_one(
    hay: &Haystack,
    more: Option<MorePassages<'_>>,
    st: Statement,
    cutoff: Cutoff,
    th: &Thresholds,
    short_ok: bool,
) -> (Finding, Option<(TurnRef, Range<usize>)>) {
    let given = st.speaker.clone();
    let (mut f, turn) = judge_text(hay, more, st, cutoff, th, short_ok);
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
    more: Option<MorePassages<'_>>,
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
        let held = a.matched as f64 >= meaning::MAX_ALIGNED * words.max(1) as f64
            || a.longest_match >= meaning::MAX_VERBATIM_RUN;
        held && a.longest_gap > th.paraphrase_max_run
    });
    let ask =
        verdict == Verdict::Unverified && !too_short && !scored.own.is_empty() && !half_quoted;
    let model = ask.then(Model::get).flatten();
    // The speaker's passages by the statement's words, when `hay` is only the candidates.
    let fetched = model
        .filter(|m| meaning::judgeable(m, &st))
        .and(more)
        .and_then(|more| more(&st, &scored.own, cutoff));
    let mhay = fetched.as_ref().unwrap_or(hay);
    let by_meaning = model
        .and_then(|m| meaning::best_passage(m, mhay, &st, &scored.own, cutoff))
        .filter(|f| !f.blocked && f.parts.score >= th.meaning_min_possible);
    // A quotation says these are the speaker's words: other words of the same meaning make
    // it unverified (with the passage flagged as a possible paraphrase), not a paraphrase,
    // which is reported speech that says what the speaker said in other words.
    let paraphrased = kind == Kind::Indirect
        && by_meaning
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
        meaning_evidence(mhay, m, paraphrased, &mut finding);
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
