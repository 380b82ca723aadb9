//! Paraphrase by meaning: for a statement whose words do not align, the attributed speaker's
//! sentences (and pairs of sentences, and answers read with the charge before them) on or
//! before its date that say the same thing in other words, scored by the meaning layer.

use super::evidence::Cutoff;
use super::scored::Scored;
use crate::corpus::TurnRef;
use crate::finding::{Kind, MeaningParts, Statement};
use crate::matching::lexicon::lexicon;
use crate::matching::{Haystack, Unit};
use crate::meaning::{Conflict, Model, Support};
use std::ops::Range;

/// Units scored in full (words and conflicts) after ranking every unit by cosine alone.
const RESCORED: usize = 16;

/// The meaning layer is not asked when one passage of the speaker aligns this share of the
/// statement's words exactly, or [`MAX_VERBATIM_RUN`] of them in a row, and leaves a run of
/// the rest longer than a paraphrase's reworded phrase unmatched: that statement is half the
/// speaker's sentence and half something else, not a paraphrase.
pub const MAX_ALIGNED: f64 = 0.5;

/// See [`MAX_ALIGNED`].
pub const MAX_VERBATIM_RUN: usize = 6;

/// Fewest content words a statement needs to be judged by meaning: with one, any passage
/// holding it shares all of them.
const MIN_CONTENT_WORDS: usize = 2;

/// Fewest content words of a statement that may sum up a whole turn (`a need to raise the
/// minimum wage and close corporate loopholes`, from two claims sentences apart): a shorter
/// one is one claim, and a whole turn holds some of the words of any short claim on its topic.
const SUMMARY_CONTENT_WORDS: usize = 8;

/// The best passage of the speaker by meaning.
pub struct Found {
    pub turn: TurnRef,
    /// Byte range of the passage in the turn's text.
    pub range: Range<usize>,
    pub parts: MeaningParts,
    /// A negation, number or antonym conflict: not support, whatever the score.
    pub blocked: bool,
    /// No conflict at all (a name conflict leaves a passage a possible paraphrase only).
    pub clean: bool,
}

/// Most words of reported content read with its cue: a short content is often no clause
/// but the cue's object (`called` + `her a liar`); a longer one says its claim itself.
const CUE_CONTENT_WORDS: usize = 5;

/// The text the meaning layer judges: a direct quote's quoted words; a reported statement's
/// content, with its cue when the content is short and the cue says something (`called her
/// a liar`, not `said`).
fn query_text(st: &Statement) -> String {
    match st.kind {
        Kind::Direct if !st.quoted.is_empty() => st.quoted.join(" "),
        _ => {
            let cue = st.cue.as_deref().unwrap_or("");
            let plain = cue
                .split_whitespace()
                .next()
                .is_none_or(|w| lexicon().stopwords.contains(w.to_lowercase().as_str()));
            let short = st.content.split_whitespace().count() < CUE_CONTENT_WORDS;
            if plain || !short {
                st.content.clone()
            } else {
                format!("{cue} {}", st.content)
            }
        }
    }
}

/// The sentences of a turn's text, as byte ranges.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        // A sentence ends at `.`, `?` or `!` before a space and a capital (or the end):
        // `U.S. troops` goes on.
        let next = text[i + c.len_utf8()..].trim_start();
        let end = matches!(c, '.' | '?' | '!')
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
            && next
                .chars()
                .next()
                .is_none_or(|n| n.is_uppercase() || n == '"' || n == '\u{201c}');
        if end || c == '\n' {
            let r = start..i + c.len_utf8();
            if text[r.clone()].trim().len() > 1 {
                out.push(r);
            }
            start = i + c.len_utf8();
        }
    }
    if text[start..].trim().len() > 1 {
        out.push(start..text.len());
    }
    out
}

/// The last sentence of the turn before `r`, when another speaker said it: the charge a
/// reply at the start of `r` answers.
fn charge(hay: &Haystack, r: TurnRef) -> Option<&str> {
    let prev = hay
        .previous(r)
        .map(|p| hay.turn(p))
        .filter(|p| p.speaker != hay.turn(r).speaker)?;
    sentences(&prev.text).pop().map(|last| &prev.text[last])
}

/// What a unit says: its passage, after the charge it answers when it is an answer.
fn unit_text(hay: &Haystack, r: TurnRef, u: &Unit) -> String {
    let body = &hay.turn(r).text[u.range.clone()];
    match charge(hay, r).filter(|_| u.answer) {
        Some(c) => format!("{c} {body}"),
        None => body.to_string(),
    }
}

/// Most unit vectors kept by [`embedded`] (about 1 KB each).
const KEPT_VECTORS: usize = 50_000;

/// The vector of a unit's text, kept for the run: a passage haystack is made per statement,
/// and a speaker's passages are read again for each of their statements.
fn embedded(model: &Model, text: &str) -> Vec<f32> {
    use rustc_hash::{FxHashMap, FxHasher};
    use std::hash::{Hash, Hasher};
    use std::sync::{Mutex, OnceLock};
    static KEPT: OnceLock<Mutex<FxHashMap<u64, Vec<f32>>>> = OnceLock::new();
    let kept = KEPT.get_or_init(Mutex::default);
    let mut h = FxHasher::default();
    text.hash(&mut h);
    let key = h.finish();
    if let Some(v) = kept.lock().ok().and_then(|m| m.get(&key).cloned()) {
        return v;
    }
    let v = model.embed(text).as_slice().to_vec();
    if let Ok(mut m) = kept.lock() {
        if m.len() < KEPT_VECTORS {
            m.insert(key, v.clone());
        }
    }
    v
}

/// The units of turn `r`: each sentence, each pair of sentences, the first sentence read
/// with the last sentence of the turn before when another speaker said that, and the whole
/// turn when it has more than two sentences.
fn make_units(model: &Model, hay: &Haystack, r: TurnRef) -> Vec<Unit> {
    let text = &hay.turn(r).text;
    let s = sentences(text);
    let mut units = Vec::with_capacity(2 * s.len() + 1);
    let unit = |range: Range<usize>, prefix: Option<&str>| {
        let body = &text[range.clone()];
        let vector = match prefix {
            Some(p) => embedded(model, &format!("{p} {body}")),
            None => embedded(model, body),
        };
        Unit {
            range,
            vector,
            answer: prefix.is_some(),
            whole: false,
        }
    };
    for (k, r) in s.iter().enumerate() {
        units.push(unit(r.clone(), None));
        if let Some(next) = s.get(k + 1) {
            units.push(unit(r.start..next.end, None));
        }
    }
    if let (Some(c), Some(first)) = (charge(hay, r), s.first()) {
        units.push(unit(first.clone(), Some(c)));
    }
    if let (true, Some(first), Some(last)) = (s.len() > 2, s.first(), s.last()) {
        units.push(Unit {
            whole: true,
            ..unit(first.start..last.end, None)
        });
    }
    units
}

/// The speaker's best passage by meaning, for a person reading how a statement was scored:
/// `file:line`, the passage, and how it supports the statement.
#[derive(Debug, Clone)]
pub struct Passage {
    pub place: String,
    pub text: String,
    pub parts: MeaningParts,
}

/// [`best_passage`] for `report::explain`, when the meaning layer is on and the speaker is
/// in the corpus: among the passages of `more` when given, as the judge reads them.
pub fn meaning_passage(
    hay: &Haystack,
    more: Option<super::MorePassages<'_>>,
    st: &Statement,
    scored: &Scored,
) -> Option<Passage> {
    let model = Model::get()?;
    if scored.own.is_empty() {
        return None;
    }
    let fetched = more.and_then(|more| more(st, &scored.own, scored.cutoff));
    let hay = fetched.as_ref().unwrap_or(hay);
    let f = best_passage(model, hay, st, &scored.own, scored.cutoff)?;
    let turn = hay.turn(f.turn);
    Some(Passage {
        place: format!("{}:{}", hay.doc(f.turn).path, turn.line),
        text: turn.text[f.range].trim().to_string(),
        parts: f.parts,
    })
}

/// Share of a statement's words that, in a row in one passage, make it that passage's words.
const MOSTLY: f64 = 0.75;

/// True when `passage` holds [`MAX_VERBATIM_RUN`] or more of the statement's words in a row
/// but not most of them ([`MOSTLY`]): the speaker's sentence with another ending, not a paraphrase.
fn half_quoted(statement: &str, passage: &str) -> bool {
    use crate::matching::normalize::{tokenize, Side};
    let norms = |text: &str, side| -> Vec<String> {
        tokenize(text, side)
            .into_iter()
            .filter(|t| !t.is_ellipsis())
            .map(|t| t.norm.into_string())
            .collect()
    };
    let (s, p) = (
        norms(statement, Side::Statement),
        norms(passage, Side::Source),
    );
    // The longest run of words the two share in a row (dynamic programming, one row).
    let mut best = 0;
    let mut row = vec![0usize; p.len() + 1];
    for w in &s {
        let mut prev = 0;
        for (j, x) in p.iter().enumerate() {
            let here = if w == x { prev + 1 } else { 0 };
            prev = row[j + 1];
            row[j + 1] = here;
            best = best.max(here);
        }
    }
    best >= MAX_VERBATIM_RUN && (best as f64) < MOSTLY * s.len() as f64
}

/// Whether a quotation speaks of someone else where the passage speaks of the speaker: the
/// pronoun nearest before the first word they share is third person in the quotation (`She's
/// still got the best friends`) and first person in the passage (`My best friend from grade
/// school`). A quotation keeps the speaker's person; reported speech shifts it, so only
/// quotations are asked.
fn other_person(quote: &str, passage: &str, shared: &[String]) -> bool {
    use crate::matching::normalize::{tokenize, Side};
    use crate::meaning::stem;
    let lex = lexicon();
    // The person (1 or 3) of the pronoun nearest before `word`, within a few words.
    let person = |text: &str, word: &str| -> Option<u8> {
        let want = stem(word);
        let words: Vec<String> = tokenize(text, Side::Source)
            .into_iter()
            .filter(|t| !t.is_ellipsis())
            .map(|t| t.norm.into_string())
            .collect();
        let at = words.iter().position(|w| stem(w) == want)?;
        words[at.saturating_sub(PERSON_REACH)..at]
            .iter()
            .rev()
            .find_map(|w| {
                if lex.first_person.contains(w.as_str()) {
                    Some(1)
                } else if lex.third_person.contains(w.as_str()) {
                    Some(3)
                } else {
                    None
                }
            })
    };
    shared
        .first()
        .is_some_and(|w| person(quote, w) == Some(3) && person(passage, w) == Some(1))
}

/// How many words before a shared word its pronoun may stand (`she had in grade school`).
const PERSON_REACH: usize = 5;

/// The words of the names of the other people of turn `r`'s conversation (its document's
/// participants and speakers other than the turn's), lower-case: whom its `you` and `he` or
/// `she` may mean.
fn referents(hay: &Haystack, r: TurnRef) -> Vec<String> {
    let doc = hay.doc(r);
    let me = &hay.turn(r).speaker;
    let mut out: Vec<String> = Vec::new();
    let names = doc
        .participants
        .iter()
        .map(|(p, _)| p.as_str())
        .chain(doc.all_speakers.iter().map(String::as_str));
    for name in names.filter(|n| !crate::speakers::same_person(n, me)) {
        for w in name.split_whitespace() {
            let w = w.trim_matches('.').to_lowercase();
            if w.chars().count() > 2 && !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// Whether a conflict rules out support (negation, a number, an antonym) rather than only
/// casting doubt on it (a name).
fn blocks(c: &Conflict) -> bool {
    !matches!(c, Conflict::Name { .. })
}

/// Whether the meaning layer can judge `st` at all: it says two content words or more.
pub fn judgeable(model: &Model, st: &Statement) -> bool {
    model.content_words(&query_text(st), |w| model.word_weight(w)) >= MIN_CONTENT_WORDS
}

/// The speaker's passage (turns of `own`, dated on or before `cutoff`) that best supports
/// `st` in meaning, if any scores at all.
pub fn best_passage(
    model: &Model,
    hay: &Haystack,
    st: &Statement,
    own: &[String],
    cutoff: Cutoff,
) -> Option<Found> {
    let q = model.query(&query_text(st), |w| model.word_weight(w));
    if q.content().count() < MIN_CONTENT_WORDS {
        return None;
    }
    let mine: Vec<TurnRef> = hay
        .turns()
        .filter(|&r| own.contains(&hay.turn(r).speaker) && !cutoff.after(hay.doc(r).date))
        .collect();
    // A statement of many content words may sum up a turn's several claims.
    let sums_up = q.content().count() >= SUMMARY_CONTENT_WORDS;
    let mut ranked: Vec<(f32, TurnRef, &Unit)> = Vec::new();
    for &r in &mine {
        for u in hay.units(r, || make_units(model, hay, r)) {
            if u.whole && !sums_up {
                continue;
            }
            let c = crate::meaning::cosine(q.embedding.as_slice(), &u.vector);
            ranked.push((c, r, u));
        }
    }
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranked.truncate(RESCORED);
    let text = query_text(st);
    // Names the statement gives (capitalised words; a sentence's first word too, unless a
    // stop word): support must share something else of it.
    let names: Vec<String> = text
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !lexicon().stopwords.contains(w.as_str()))
        .collect();
    // Support is the same claim, not the same topic: the passage holds two of the statement's
    // words (one of a two-word statement), and not only its names.
    let needed = q.content().count().div_ceil(2).min(2);
    let holds =
        |shared: &[String]| shared.len() >= needed && shared.iter().any(|w| !names.contains(w));
    let scored = ranked.into_iter().filter_map(|(_, r, u)| {
        if u.answer {
            // A reply read with its charge: the reply itself must hold a word of the
            // statement's, or it scores on the charge alone.
            let body = model.support(&q, &hay.turn(r).text[u.range.clone()]);
            if !body.shared.iter().any(|w| !names.contains(w)) {
                return None;
            }
        }
        let others = referents(hay, r);
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let s: Support = model.support_with(&q, &unit_text(hay, r, u), &others);
        holds(&s.shared).then_some((r, u, s))
    });
    let best = scored.max_by(|a, b| {
        let key = |s: &Support| (!s.conflicts.iter().any(blocks), s.score);
        let (ka, kb) = (key(&a.2), key(&b.2));
        ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
    })?;
    let (turn, unit, s) = best;
    let body = &hay.turn(turn).text[unit.range.clone()];
    if half_quoted(&query_text(st), body) {
        return None;
    }
    let quoted = st.kind == Kind::Direct && !st.quoted.is_empty();
    let person = quoted && other_person(&query_text(st), body, &s.shared);
    let mut conflicts: Vec<String> = s.conflicts.iter().map(|c| format!("{c:?}")).collect();
    if person {
        conflicts.push("Person".to_string());
    }
    Some(Found {
        turn,
        range: unit.range.clone(),
        blocked: s.conflicts.iter().any(blocks),
        clean: s.conflicts.is_empty() && !person,
        parts: MeaningParts {
            score: f64::from(s.score),
            cosine: f64::from(s.cosine),
            background: f64::from(s.background),
            share: f64::from(s.share),
            shared: s.shared.clone(),
            conflicts,
            answer: unit.answer,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_table() {
        let table: [(&str, &[&str]); 4] = [
            ("One. Two? Three!", &["One.", " Two?", " Three!"]),
            ("No end", &["No end"]),
            (
                "U.S. troops left. Then more.",
                &["U.S. troops left.", " Then more."],
            ),
            ("Line one\nLine two.", &["Line one\n", "Line two."]),
        ];
        for (text, want) in table {
            let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
