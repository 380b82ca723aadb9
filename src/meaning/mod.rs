//! The meaning layer's primitives: sentence vectors from static token vectors distilled from
//! MiniLM-L6 (sentence-transformers/all-MiniLM-L6-v2), and a support score that judges whether
//! a passage says what a statement says, in other words.
//!
//! The table (`models/minilm-static.qcv`, rebuilt by `scripts/distill/run.sh`) is compiled into
//! the binary when it exists at build time (`build.rs` sets `cfg(quotecheck_vectors)`); without
//! it [`Model::get`] is `None` and callers work on words only. The library never prints: the
//! caller reports [`Model::status`]'s reason once.
//!
//! A sentence vector is the SIF-weighted mean of its WordPiece tokens' vectors (weight
//! `a / (a + p(token))`), minus its projection on the table's common component(s), normalised.
//! [`Model::support`] blends that cosine, corrected by the statement's best cosine against a
//! background of unrelated sentences, with the IDF-weighted share of the statement's content
//! words the passage holds, and lists the conflicts (negation, numbers, antonyms, names) that
//! the vectors cannot see.

mod support;
pub mod table;
mod unicode;
pub mod wordpiece;
mod words;

use std::fmt;
use std::sync::OnceLock;

pub use support::{Conflict, Query, Support, LEXICAL_WEIGHT, SEMANTIC_WEIGHT};
pub use table::{Table, TableError};
pub use wordpiece::WordPiece;
pub(crate) use words::stem;

/// Why the meaning layer is off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    /// This build carries no table (`models/minilm-static.qcv` was absent at build time).
    NotBuiltIn,
    /// The built-in table could not be read.
    Damaged(TableError),
}

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unavailable::NotBuiltIn => write!(
                f,
                "no sentence vectors in this build (models/minilm-static.qcv was missing): \
                 checking on words only"
            ),
            Unavailable::Damaged(e) => write!(f, "{e}: checking on words only"),
        }
    }
}

#[cfg(quotecheck_vectors)]
const BUILT_IN: Option<&[u8]> = Some(include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/models/minilm-static.qcv"
)));
#[cfg(not(quotecheck_vectors))]
const BUILT_IN: Option<&[u8]> = None;

/// A unit sentence vector (all zeros for a text with no tokens).
#[derive(Debug, Clone, PartialEq)]
pub struct Embedding(Vec<f32>);

impl Embedding {
    /// The components.
    pub fn as_slice(&self) -> &[f32] {
        &self.0
    }

    /// Cosine similarity; 0 when either vector is zero.
    pub fn cosine(&self, other: &Embedding) -> f32 {
        cosine(&self.0, &other.0)
    }
}

/// Cosine of two equal-length vectors already normalised (a dot product); 0 for zeros.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    // Eight independent sums, so the compiler can keep them in one vector register.
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// The loaded table: tokenizer, int8 vectors, SIF weights, common components, background.
#[derive(Debug)]
pub struct Model {
    wp: WordPiece,
    dims: usize,
    matrix: Vec<i8>,
    scales: Vec<f32>,
    weights: Vec<f32>,
    common: Vec<Vec<f32>>,
    background: Vec<f32>,
    background_text: Vec<String>,
}

impl Model {
    /// The built-in model, parsed once; `None` when this build has none or it is damaged
    /// ([`Model::status`] says which).
    pub fn get() -> Option<&'static Model> {
        Model::status().ok()
    }

    /// The built-in model, or why there is none.
    pub fn status() -> Result<&'static Model, &'static Unavailable> {
        static MODEL: OnceLock<Result<Model, Unavailable>> = OnceLock::new();
        MODEL
            .get_or_init(|| match BUILT_IN {
                None => Err(Unavailable::NotBuiltIn),
                Some(bytes) => Model::from_bytes(bytes).map_err(Unavailable::Damaged),
            })
            .as_ref()
    }

    /// A model from a table's bytes (checked), with the table's own SIF parameter.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, TableError> {
        let t = Table::parse(bytes)?;
        let a = t.sif_a;
        Model::from_table(t, a)
    }

    /// A model from a parsed table, weighting tokens with SIF parameter `a`.
    pub fn from_table(t: Table, a: f32) -> Result<Model, TableError> {
        let wp = WordPiece::new(&t.vocab).ok_or(TableError::Invalid("no [UNK] token"))?;
        let denom = (t.total + t.vocab.len() as u64) as f64;
        let weights = t
            .counts
            .iter()
            .map(|&c| {
                let p = (c as f64 + 1.0) / denom;
                (a as f64 / (a as f64 + p)) as f32
            })
            .collect();
        let mut m = Model {
            wp,
            dims: t.dims,
            matrix: t.matrix,
            scales: t.scales,
            weights,
            common: t.common,
            background: Vec::new(),
            background_text: Vec::new(),
        };
        let mut bg = Vec::with_capacity(t.background.len() * m.dims);
        for s in &t.background {
            bg.extend_from_slice(&m.embed(s).0);
        }
        m.background = bg;
        m.background_text = t.background;
        Ok(m)
    }

    /// Dimensions of a vector.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// The tokenizer.
    pub fn tokenizer(&self) -> &WordPiece {
        &self.wp
    }

    /// The background sentences.
    pub fn background_sentences(&self) -> &[String] {
        &self.background_text
    }

    /// The sentence vector of `text`.
    pub fn embed(&self, text: &str) -> Embedding {
        let mut ids = Vec::with_capacity(text.len() / 4 + 1);
        self.wp.encode_into(text, &mut ids);
        self.embed_ids(&ids)
    }

    /// The sentence vector of token ids (from [`WordPiece::encode`]).
    pub fn embed_ids(&self, ids: &[u32]) -> Embedding {
        let d = self.dims;
        let mut acc = vec![0f32; d];
        for &id in ids {
            let id = id as usize;
            let w = self.weights[id];
            let row = &self.matrix[id * d..(id + 1) * d];
            for (a, &q) in acc.iter_mut().zip(row) {
                *a += w * q as f32;
            }
        }
        for (a, s) in acc.iter_mut().zip(&self.scales) {
            *a *= s;
        }
        for u in &self.common {
            let p: f32 = acc.iter().zip(u).map(|(x, y)| x * y).sum();
            for (a, y) in acc.iter_mut().zip(u) {
                *a -= p * y;
            }
        }
        let n = acc.iter().map(|x| x * x).sum::<f32>().sqrt();
        if n > 0.0 {
            acc.iter_mut().for_each(|x| *x /= n);
        }
        Embedding(acc)
    }

    /// How much a word says: the mean SIF weight of its WordPiece tokens (near 1 for a rare
    /// word, small for a frequent one), the weight of a word's share in [`Model::support`].
    pub fn word_weight(&self, word: &str) -> f32 {
        let ids = self.wp.encode(word);
        if ids.is_empty() {
            return 0.0;
        }
        ids.iter().map(|&i| self.weights[i as usize]).sum::<f32>() / ids.len() as f32
    }

    /// The best cosine of `e` against the background sentences, and which one (0 and `None`
    /// for an empty background). High for generic claims, that many unrelated sentences echo.
    pub fn background_cosine(&self, e: &Embedding) -> (f32, Option<usize>) {
        let mut best = (0f32, None);
        for (i, b) in self.background.chunks_exact(self.dims).enumerate() {
            let c = cosine(&e.0, b);
            if best.1.is_none() || c > best.0 {
                best = (c, Some(i));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests;
#[cfg(all(test, quotecheck_vectors))]
mod wordpiece_cases;
