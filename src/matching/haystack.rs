//! The matcher's view of a corpus: every turn's words tokenised and interned once, so that
//! alignment compares word ids, beside the corpus it was built from.

use super::align::{gap_cost, Seq};
use super::normalize::{tokenize, Side, Token};
use crate::corpus::{Corpus, Document, Turn, TurnRef};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// Sentinel id for a word the corpus never uses: it matches nothing.
pub const UNKNOWN: u32 = u32::MAX;

/// A turn's words, tokenised and interned.
#[derive(Debug, Clone, Default)]
pub struct TurnWords {
    pub tokens: Vec<Token>,
    pub seq: Seq,
}

/// A stretch of a turn's text with a vector of what it says, made by the caller's model
/// (the meaning layer) and kept with the turn so that many statements share it.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Byte range in the turn's text.
    pub range: Range<usize>,
    pub vector: Vec<f32>,
    /// Read together with the end of the turn before it (another speaker's charge, which
    /// this answers).
    pub answer: bool,
    /// The whole turn, of more sentences than a pair: read for a statement that sums up
    /// several of its claims.
    pub whole: bool,
}

/// A corpus with the words of every turn interned.
#[derive(Debug, Default)]
pub struct Haystack {
    corpus: Corpus,
    /// Words of each turn, parallel to `corpus.docs[d].turns[t]`.
    words: Vec<Vec<TurnWords>>,
    vocab: FxHashMap<String, u32>,
    /// Each turn's units, made on first use.
    units: Vec<Vec<OnceLock<Vec<Unit>>>>,
}

impl Haystack {
    /// Tokenises and interns every turn of `corpus`.
    pub fn new(corpus: Corpus) -> Haystack {
        let tokens: Vec<Vec<Vec<Token>>> = corpus
            .docs
            .par_iter()
            .map(|d| {
                d.turns
                    .iter()
                    .map(|t| tokenize(&t.text, Side::Source))
                    .collect()
            })
            .collect();
        Haystack::with_tokens(corpus, tokens)
    }

    /// A haystack of `corpus` whose turns are already tokenised (`tokens[d][t]`, by
    /// [`tokenize`] on the source side; an index keeps them for every statement), interned
    /// here.
    pub fn with_tokens(corpus: Corpus, tokens: Vec<Vec<Vec<Token>>>) -> Haystack {
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        // Per word id: its gap cost, computed once.
        let mut gap: Vec<u32> = Vec::new();
        let mut words = Vec::with_capacity(tokens.len());
        for doc_tokens in tokens {
            let mut doc_words = Vec::with_capacity(doc_tokens.len());
            for toks in doc_tokens {
                let mut seq = Seq::default();
                seq.ids.reserve(toks.len());
                seq.gap.reserve(toks.len());
                seq.ellipsis.reserve(toks.len());
                for t in &toks {
                    // Look up before inserting: most words are known, and a lookup by &str
                    // allocates nothing.
                    let id = match vocab.get(t.norm.as_str()) {
                        Some(&id) => id,
                        None => {
                            let next = vocab.len() as u32;
                            vocab.insert(t.norm.to_string(), next);
                            gap.push(gap_cost(&t.norm));
                            next
                        }
                    };
                    seq.ids.push(id);
                    seq.gap.push(gap[id as usize]);
                    seq.ellipsis.push(false);
                }
                doc_words.push(TurnWords { tokens: toks, seq });
            }
            words.push(doc_words);
        }
        Haystack::of(corpus, words, vocab)
    }

    /// A haystack of `corpus` with these words, its units yet to be made.
    fn of(corpus: Corpus, words: Vec<Vec<TurnWords>>, vocab: FxHashMap<String, u32>) -> Haystack {
        let units = words
            .iter()
            .map(|d| d.iter().map(|_| OnceLock::new()).collect())
            .collect();
        Haystack {
            corpus,
            words,
            vocab,
            units,
        }
    }

    /// A haystack of `corpus` that the matcher does not read (its turns have no words), for
    /// readers of the turns' text alone, such as the meaning layer: building it costs
    /// nothing per word.
    pub fn unaligned(corpus: Corpus) -> Haystack {
        let words: Vec<Vec<TurnWords>> = corpus
            .docs
            .iter()
            .map(|d| vec![TurnWords::default(); d.turns.len()])
            .collect();
        Haystack::of(corpus, words, FxHashMap::default())
    }

    /// The corpus the words come from.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The id of a normalised word, or [`UNKNOWN`].
    pub fn id(&self, norm: &str) -> u32 {
        self.vocab.get(norm).copied().unwrap_or(UNKNOWN)
    }

    /// How many distinct words the corpus has (ids are `0..vocab_len()`).
    pub fn vocab_len(&self) -> usize {
        self.vocab.len()
    }

    /// The words of turn `r`.
    pub fn words(&self, (d, t): TurnRef) -> &TurnWords {
        &self.words[d][t]
    }

    /// Turn `r`.
    pub fn turn(&self, (d, t): TurnRef) -> &Turn {
        &self.corpus.docs[d].turns[t]
    }

    /// The turn before `r` in its transcript, when the corpus holds it.
    pub fn previous(&self, (d, t): TurnRef) -> Option<TurnRef> {
        (t > 0 && self.turn((d, t)).follows).then(|| (d, t - 1))
    }

    /// The document of turn `r`.
    pub fn doc(&self, (d, _): TurnRef) -> &Document {
        &self.corpus.docs[d]
    }

    /// Every turn, as references.
    pub fn turns(&self) -> impl Iterator<Item = TurnRef> + '_ {
        self.corpus.turns()
    }

    /// The units of turn `r`, made by `make` the first time they are asked for.
    pub fn units(&self, (d, t): TurnRef, make: impl FnOnce() -> Vec<Unit>) -> &[Unit] {
        self.units[d][t].get_or_init(make)
    }
}
