//! Matching and alignment: normalising both sides the same way, the corpus's words interned
//! once ([`Haystack`]), and a statement placed in the turns that could hold it, in parallel
//! over turns.

pub mod align;
mod haystack;
pub mod lexicon;
pub mod normalize;

pub use haystack::{Haystack, TurnWords, Unit, UNKNOWN};

use crate::corpus::TurnRef;
use align::{align, best_window, gap_cost, Alignment, Seq, ALTS};
use lexicon::lexicon;
use normalize::{tokenize, Side, Token};
use rayon::prelude::*;

/// A statement's words ready to align: tokens (with surface spans into `text`) and ids.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub text: String,
    pub tokens: Vec<Token>,
    pub seq: Seq,
    /// The ellipsis tokens that join separately quoted pieces (not an editor's ellipsis).
    pub joins: Vec<usize>,
}

impl Prepared {
    /// Number of words, not counting ellipses.
    pub fn word_count(&self) -> usize {
        self.tokens.iter().filter(|t| !t.is_ellipsis()).count()
    }
}

/// Tokenises a statement and maps its words to corpus ids. With `reported`, each word also
/// matches what the speaker may have said before reported speech shifted it: `he` ~ `i`,
/// `would` ~ `will` (the shifts table), `believed` ~ `believe`, `wants` ~ `want` (endings).
pub fn prepare(hay: &Haystack, text: &str, reported: bool) -> Prepared {
    prepare_joined(hay, text, &[], reported)
}

/// [`prepare`] for pieces joined into one text: `joins` are the byte offsets in `text` of the
/// ellipses that join them.
pub fn prepare_joined(hay: &Haystack, text: &str, joins: &[usize], reported: bool) -> Prepared {
    let lex = lexicon();
    let tokens = tokenize(text, Side::Statement);
    let mut seq = Seq::default();
    for t in &tokens {
        let id = if t.is_ellipsis() {
            UNKNOWN
        } else {
            hay.id(&t.norm)
        };
        seq.ids.push(id);
        seq.gap.push(gap_cost(&t.norm));
        seq.ellipsis.push(t.is_ellipsis());
        let mut alts = [UNKNOWN; ALTS];
        if reported && !t.is_ellipsis() {
            let shifted = lex.shifts.get(t.norm.as_str()).into_iter().flatten();
            let known = shifted
                .map(|w| hay.id(w))
                .chain(unshifted_forms(&t.norm).map(|w| hay.id(&w)))
                .filter(|&a| a != UNKNOWN && a != id);
            for (slot, a) in alts.iter_mut().zip(known) {
                *slot = a;
            }
        }
        seq.alts.push(alts);
    }
    let joins = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_ellipsis() && joins.contains(&t.start))
        .map(|(i, _)| i)
        .collect();
    Prepared {
        text: text.to_string(),
        tokens,
        seq,
        joins,
    }
}

/// The present, first-person forms a regularly inflected word may stand for in reported
/// speech: `wanted` -> `want`, `believed` -> `believe`, `planned` -> `plan`, `tried` -> `try`,
/// `wants` -> `want`, `carries` -> `carry`. Candidates only: the caller keeps known words.
pub fn unshifted_forms(w: &str) -> impl Iterator<Item = String> + '_ {
    let mut out: Vec<String> = Vec::new();
    if w.len() > 3 && w.is_ascii() {
        if let Some(stem) = w.strip_suffix("ied").or_else(|| w.strip_suffix("ies")) {
            out.push(format!("{stem}y"));
        }
        if let Some(stem) = w.strip_suffix("ed") {
            out.push(stem.to_string());
            out.push(format!("{stem}e"));
            let b = stem.as_bytes();
            if b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] {
                out.push(stem[..stem.len() - 1].to_string());
            }
        } else if let Some(stem) = w.strip_suffix("es") {
            out.push(stem.to_string());
            out.push(format!("{stem}e"));
        } else if let Some(stem) = w.strip_suffix('s').filter(|s| !s.ends_with('s')) {
            out.push(stem.to_string());
        }
    }
    out.into_iter()
}

/// A cheap test of whether a turn could hold enough of a statement to be worth aligning:
/// true when at least `min_share` of the statement's words, or `min_content_share` of its
/// content words (not fillers), occur somewhere in the turn (any order). An alignment can
/// match no more words than that, so a turn that fails cannot reach either share. Costs one
/// pass over the turn's ids, no hashing; give it to [`place`] as `keep`.
pub fn could_hold<'a>(
    hay: &'a Haystack,
    stmt: &'a Prepared,
    min_share: f64,
    min_content_share: f64,
) -> impl Fn(TurnRef) -> bool + Sync + 'a {
    let fillers = &lexicon().fillers;
    // Each distinct id of the statement (alternatives included) gets a slot; each word lists
    // the slots it matches.
    let mut slot_of: Vec<u32> = vec![0; hay.vocab_len()];
    let mut slots = 0u32;
    let mut word_slots: Vec<(bool, Vec<u32>)> = Vec::new();
    for (i, t) in stmt.tokens.iter().enumerate() {
        if t.is_ellipsis() {
            continue;
        }
        let alts = stmt.seq.alts.get(i).into_iter().flatten();
        let mut mine = Vec::new();
        for &id in std::iter::once(&stmt.seq.ids[i]).chain(alts) {
            if let Some(s) = slot_of.get_mut(id as usize) {
                if *s == 0 {
                    slots += 1;
                    *s = slots;
                }
                mine.push(*s - 1);
            }
        }
        word_slots.push((!fillers.contains(t.norm.as_str()), mine));
    }
    let words = word_slots.len() as f64;
    let content = word_slots.iter().filter(|(c, _)| *c).count() as f64;
    move |r: TurnRef| {
        let mut hit = vec![false; slots as usize];
        for &id in &hay.words(r).seq.ids {
            if let Some(&s) = slot_of.get(id as usize) {
                if s > 0 {
                    hit[s as usize - 1] = true;
                }
            }
        }
        let (mut all, mut cont) = (0.0, 0.0);
        for (is_content, mine) in &word_slots {
            if mine.iter().any(|&s| hit[s as usize]) {
                all += 1.0;
                if *is_content {
                    cont += 1.0;
                }
            }
        }
        all >= min_share * words || (content > 0.0 && cont >= min_content_share * content)
    }
}

/// A statement placed in one turn.
#[derive(Debug, Clone)]
pub struct Placement {
    pub turn: TurnRef,
    pub alignment: Alignment,
}

/// Fewest shared words for a turn to be aligned at all.
pub const MIN_VOTES: usize = 2;

/// Aligns `stmt` with every turn of the corpus that shares enough words with it, in
/// parallel, and returns the placements (at most one per turn).
pub fn place(
    hay: &Haystack,
    stmt: &Prepared,
    keep: impl Fn(TurnRef) -> bool + Sync,
) -> Vec<Placement> {
    let fillers = &lexicon().fillers;
    let informative: Vec<bool> = stmt
        .tokens
        .iter()
        .map(|t| !fillers.contains(t.norm.as_str()))
        .collect();
    let informative_ids: std::collections::HashSet<u32> = stmt
        .seq
        .ids
        .iter()
        .zip(&informative)
        .filter(|(_, &i)| i)
        .map(|(&id, _)| id)
        .collect();
    let need = MIN_VOTES.min(informative_ids.len().max(1));
    let turns: Vec<TurnRef> = hay.turns().filter(|&r| keep(r)).collect();
    turns
        .par_iter()
        .filter_map(|&r| {
            let words = hay.words(r);
            let (window, votes) = best_window(&stmt.seq, &words.seq.ids, |id| {
                informative_ids.contains(&id)
            });
            if votes < need {
                return None;
            }
            let alignment = align(&stmt.seq, &words.seq, window);
            Some(Placement { turn: r, alignment })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{parse_transcript, Corpus};
    use std::path::Path;

    fn corpus(turns: &[&str]) -> Haystack {
        let body: Vec<String> = turns.iter().map(|t| format!("Ann Lee: {t}")).collect();
        let text = format!(
            "---\ntitle: t\nspeakers: Ann Lee (Speaker)\n---\n\n{}\n",
            body.join("\n\n")
        );
        let doc = parse_transcript("t.txt", &text).unwrap();
        Haystack::new(Corpus::from_documents(
            Path::new("."),
            vec![doc],
            Vec::new(),
        ))
    }

    #[test]
    fn unshifted_forms_table() {
        let table: [(&str, &[&str]); 6] = [
            ("wanted", &["want", "wante"]),
            ("believed", &["believ", "believe"]),
            ("planned", &["plann", "planne", "plan"]),
            ("tried", &["try", "tri", "trie"]),
            ("wants", &["want"]),
            ("was", &[]),
        ];
        for (w, want) in table {
            assert_eq!(unshifted_forms(w).collect::<Vec<_>>(), want, "{w}");
        }
    }

    #[test]
    fn reported_words_also_match_what_was_said() {
        let c = corpus(&["I will cut the taxes we believe in"]);
        let plain = prepare(&c, "he would cut the taxes they believed in", false);
        let reported = prepare(&c, "he would cut the taxes they believed in", true);
        let turn = &c.words((0, 0)).seq;
        let matches = |p: &Prepared| {
            (0..p.seq.ids.len())
                .filter(|&i| turn.ids.iter().any(|&t| p.seq.matches(i, t)))
                .count()
        };
        assert_eq!(matches(&plain), 4);
        assert_eq!(matches(&reported), 8);
    }

    #[test]
    fn could_hold_keeps_only_turns_with_enough_words() {
        let c = corpus(&[
            "we will build new schools in every town",
            "schools are fine and the roads are not",
            "nothing in common here",
        ]);
        let p = prepare(&c, "we will build schools in every town", false);
        let keep = could_hold(&c, &p, 0.7, 0.65);
        let kept: Vec<bool> = (0..3).map(|t| keep((0, t))).collect();
        assert_eq!(kept, [true, false, false]);
    }
}
