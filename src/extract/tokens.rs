//! A paragraph being analysed (`Para`: its text, tokens and quotations) and the token
//! accessors every other part of the extractor reads it with.

use super::lexicon::WEEKDAYS;
use super::quotes::Quote;
use super::sentence::{Tok, TokKind};
use crate::finding::Span;
use std::ops::Range;

/// A paragraph being analysed.
pub(super) struct Para<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Tok],
    pub(super) quotes: &'a [Quote],
    /// A title-case line (`Clinton Says Russians Hacked DNC`): capitalised cues count.
    pub(super) headline: bool,
}

impl<'a> Para<'a> {
    pub(super) fn s(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    pub(super) fn lower(&self, i: usize) -> String {
        self.s(i).to_lowercase().replace('\u{2019}', "'")
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    pub(super) fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Punct) && p.contains(self.s(i))
    }

    pub(super) fn quote_of(&self, i: usize) -> Option<&'a Quote> {
        match self.toks.get(i)?.kind {
            TokKind::Quote(q) => self.quotes.get(q),
            _ => None,
        }
    }

    pub(super) fn is_quote(&self, i: usize) -> bool {
        self.quote_of(i).is_some()
    }

    pub(super) fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    pub(super) fn weekday(&self, i: usize) -> Option<usize> {
        if !self.is_word(i) {
            return None;
        }
        let w = self.lower(i);
        WEEKDAYS.iter().position(|d| *d == w)
    }

    pub(super) fn span(&self, r: Range<usize>) -> Span {
        [self.toks[r.start].start, self.toks[r.end - 1].end]
    }

    pub(super) fn words(&self, r: Range<usize>) -> String {
        if r.is_empty() {
            return String::new();
        }
        let [s, e] = self.span(r);
        self.text[s..e]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// True when the sentence is quotations and punctuation only.
    pub(super) fn only_quotes(&self, r: Range<usize>) -> bool {
        let mut any = false;
        for i in r {
            if self.is_quote(i) {
                any = true;
            } else if self.is_word(i) {
                return false;
            }
        }
        any
    }

    pub(super) fn rest_is_punct(&self, from: usize, hi: usize) -> bool {
        (from..hi).all(|k| self.toks[k].kind == TokKind::Punct)
    }

    /// Drops leading and trailing punctuation tokens from a range.
    pub(super) fn trim_range(&self, mut r: Range<usize>) -> Range<usize> {
        while r.start < r.end && self.toks[r.start].kind == TokKind::Punct {
            r.start += 1;
        }
        while r.end > r.start && self.toks[r.end - 1].kind == TokKind::Punct {
            r.end -= 1;
        }
        r
    }
}
