//! Matching and alignment: normalising both sides the same way and placing a statement in
//! the corpus turns that could hold it, in parallel over turns.

pub mod align;
pub mod lexicon;
pub mod normalize;

use crate::corpus::{Corpus, TurnRef, UNKNOWN};
use align::{align, best_window, Alignment, Seq, ALTS, COST_FILLER_GAP, COST_GAP};
use lexicon::lexicon;
use normalize::{tokenize, Side, Token};
use rayon::prelude::*;

/// A statement's words ready to align: tokens (with surface spans into `text`) and ids.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub text: String,
    pub tokens: Vec<Token>,
    pub seq: Seq,
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
pub fn prepare(corpus: &Corpus, text: &str, reported: bool) -> Prepared {
    let lex = lexicon();
    let tokens = tokenize(text, Side::Statement);
    let mut seq = Seq::default();
    for t in &tokens {
        let id = if t.is_ellipsis() {
            UNKNOWN
        } else {
            corpus.id(&t.norm)
        };
        seq.ids.push(id);
        seq.gap.push(if lex.fillers.contains(t.norm.as_str()) {
            COST_FILLER_GAP
        } else {
            COST_GAP
        });
        seq.ellipsis.push(t.is_ellipsis());
        let mut alts = [UNKNOWN; ALTS];
        if reported && !t.is_ellipsis() {
            let shifted = lex.shifts.get(t.norm.as_str()).into_iter().flatten();
            let known = shifted
                .map(|w| corpus.id(w))
                .chain(unshifted_forms(&t.norm).map(|w| corpus.id(&w)))
                .filter(|&a| a != UNKNOWN && a != id);
            for (slot, a) in alts.iter_mut().zip(known) {
                *slot = a;
            }
        }
        seq.alts.push(alts);
    }
    Prepared {
        text: text.to_string(),
        tokens,
        seq,
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

/// A statement placed in one turn.
#[derive(Debug, Clone)]
pub struct Placement {
    pub turn: TurnRef,
    pub alignment: Alignment,
    /// Exact word matches on the best diagonal (how much the turn shares with the statement).
    pub votes: usize,
}

/// Fewest shared words for a turn to be aligned at all.
pub const MIN_VOTES: usize = 2;

/// Aligns `stmt` with every turn of the corpus that shares enough words with it, in
/// parallel, and returns the placements (at most one per turn).
pub fn place(
    corpus: &Corpus,
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
    let turns: Vec<TurnRef> = corpus.turns().filter(|&r| keep(r)).collect();
    turns
        .par_iter()
        .filter_map(|&(d, t)| {
            let words = &corpus.words[d][t];
            let (window, votes) = best_window(&stmt.seq, &words.seq.ids, |id| {
                informative_ids.contains(&id)
            });
            if votes < need {
                return None;
            }
            let alignment = align(&stmt.seq, &words.seq, window);
            Some(Placement {
                turn: (d, t),
                alignment,
                votes,
            })
        })
        .collect()
}
