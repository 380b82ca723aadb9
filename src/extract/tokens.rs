//! A paragraph being analysed (`Para`: its text, tokens and quotations) and the token
//! accessors every other part of the extractor reads it with.

use super::lexicon::{lexicon, WEEKDAYS};
use super::quotes::Quote;
use super::sentence::{Tok, TokKind};
use crate::article::fold_word;
use crate::finding::Span;
use std::ops::Range;

/// Most tokens a short parenthesis after a name may span (`(R-Ky.)`, `(D-N.Y.)`).
const MAX_PARENTHESIS_TOKENS: usize = 8;

/// A paragraph being analysed. Token indices (`i`, ranges `lo..hi`) index `toks`.
pub(super) struct Para<'a> {
    /// The whole article text: tokens and quotes hold byte offsets into it.
    pub(super) text: &'a str,
    /// The paragraph's tokens, each quotation one token.
    pub(super) toks: &'a [Tok],
    /// The paragraph's quotations, which `TokKind::Quote` tokens index.
    pub(super) quotes: &'a [Quote],
    /// Each token folded by `fold_word` once (empty for punctuation and quotations).
    pub(super) lowers: &'a [String],
    /// A title-case line (`Clinton Says Russians Hacked DNC`): capitalised cues count.
    pub(super) headline: bool,
}

impl<'a> Para<'a> {
    /// Token `i` as written.
    pub(super) fn s(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    /// Token `i` in lower case, with a curly apostrophe as a straight one (`Trump’s` ->
    /// `trump's`): the form the word tables are compared with (folded once per paragraph).
    pub(super) fn lower(&self, i: usize) -> &'a str {
        self.lowers.get(i).map_or("", String::as_str)
    }

    /// The folded form of every token of `toks` (`Para::lowers`).
    pub(super) fn fold_tokens(text: &str, toks: &[Tok]) -> Vec<String> {
        toks.iter()
            .map(|t| match t.kind {
                TokKind::Word => {
                    let w = &text[t.start..t.end];
                    if w.is_ascii() {
                        w.to_ascii_lowercase()
                    } else {
                        fold_word(w)
                    }
                }
                _ => String::new(),
            })
            .collect()
    }

    /// Whether token `i` exists and is a word.
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    /// Whether token `i` exists and is a punctuation mark among the characters of `p`.
    pub(super) fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Punct) && p.contains(self.s(i))
    }

    /// The quotation that token `i` stands for, if it is one.
    pub(super) fn quote_of(&self, i: usize) -> Option<&'a Quote> {
        match self.toks.get(i)?.kind {
            TokKind::Quote(q) => self.quotes.get(q),
            _ => None,
        }
    }

    /// Whether token `i` is a quotation.
    pub(super) fn is_quote(&self, i: usize) -> bool {
        self.quote_of(i).is_some()
    }

    /// Whether token `k` is the period of an abbreviation written against its word (`Mr.`,
    /// `Miss.`, `No. 2`), which ends no sentence where it stands.
    pub(super) fn is_abbreviation_period(&self, k: usize) -> bool {
        k > 0
            && self.is_punct(k, ".")
            && self.is_word(k - 1)
            && self.toks[k - 1].end == self.toks[k].start
            && self.toks.get(k + 1).is_some_and(|next| {
                super::sentence::abbreviation_before(
                    self.s(k - 1),
                    self.s(k + 1),
                    matches!(next.kind, TokKind::Quote(_)),
                )
            })
    }

    /// Whether token `i` is a word starting with a capital.
    pub(super) fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// Whether token `i` reads as a finite verb: a word of `finite_verbs.txt` or a lower-case
    /// `-ed` word.
    pub(super) fn verb_like(&self, i: usize) -> bool {
        let w = self.lower(i);
        self.is_word(i)
            && (super::lexicon::lexicon().finite_verbs.contains(w)
                || (!self.is_cap(i) && w.ends_with("ed")))
    }

    /// Whether token `i` reads as a participle: a lower-case `-ing` word that is no noun or
    /// preposition of `not_participles.txt`.
    pub(super) fn participle(&self, i: usize) -> bool {
        let w = self.lower(i);
        self.is_word(i)
            && !self.is_cap(i)
            && w.ends_with("ing")
            && !super::lexicon::lexicon().not_participles.contains(w)
    }

    /// Whether a past participle and its agent start at `k`, over adverbs (`first reported
    /// by the Globe`, `criticized by the union`): a passive, not `responded by saying`.
    pub(super) fn passive_with_agent(&self, mut k: usize) -> bool {
        while self.is_word(k) && self.manner_or_time(k) {
            k += 1;
        }
        self.is_word(k)
            && !self.is_cap(k)
            && self.lower(k).ends_with("ed")
            && self.is_word(k + 1)
            && self.lower(k + 1) == "by"
            && self.is_word(k + 2)
            && !self.participle(k + 2)
    }

    /// Whether token `k` is a coordinator (`and`, `but`, `or`: `coordinators.txt`).
    pub(super) fn is_coordinator(&self, k: usize) -> bool {
        self.is_word(k) && lexicon().coordinators.contains(self.lower(k))
    }

    /// The word after a coordinator at `k` (`and`, or a comma or dash and one: `, and`,
    /// `- and`), past one adverb (`and then`, `and publicly`), before `e`: where a verb
    /// coordinated with an earlier one would stand.
    pub(super) fn coordinated_word(&self, k: usize, e: usize) -> Option<usize> {
        let lex = lexicon();
        let c = if self.is_word(k) {
            k
        } else if self.is_punct(k, ",\u{2014}\u{2013}\u{2015}-") {
            k + 1
        } else {
            return None;
        };
        if c >= e || !self.is_coordinator(c) {
            return None;
        }
        let mut j = c + 1;
        if j < e && self.is_word(j) {
            let w = self.lower(j);
            if w.ends_with("ly") || lex.cue_adverbs.contains(w) {
                j += 1;
            }
        }
        (j < e).then_some(j)
    }

    /// The weekday token `i` names, as an index into `WEEKDAYS` (0 = Monday).
    pub(super) fn weekday(&self, i: usize) -> Option<usize> {
        if !self.is_word(i) {
            return None;
        }
        let w = self.lower(i);
        WEEKDAYS.iter().position(|d| *d == w)
    }

    /// The byte span of tokens `r` (not empty) in the article text.
    pub(super) fn span(&self, r: Range<usize>) -> Span {
        [self.toks[r.start].start, self.toks[r.end - 1].end]
    }

    /// The text of tokens `r` with runs of white space as one space (empty for no tokens).
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

    /// Whether token `k` is an approximator before a number (`about 9 percent`, `around
    /// half`, `over a dozen`): a word of `approximators.txt` before a numeral or a counting
    /// word (`number_words.txt`, or two joined by a hyphen: `about one-third`), where a
    /// preposition would otherwise open no subject or clause.
    pub(super) fn approximator(&self, k: usize) -> bool {
        let lex = super::lexicon::lexicon();
        let counts = |n: usize| {
            self.is_word(n)
                && (self.s(n).starts_with(|c: char| c.is_ascii_digit())
                    || lex.number_words.contains(self.lower(n))
                    // `one-third`, `two-thirds`
                    || self.lower(n).split_once('-').is_some_and(|(a, b)| {
                        let b = b.strip_suffix('s').unwrap_or(b);
                        lex.number_words.contains(a) && lex.number_words.contains(b)
                    }))
        };
        self.is_word(k)
            && lex.approximators.contains(self.lower(k))
            && (counts(k + 1) || (self.lower(k + 1) == "a" && counts(k + 2)))
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

    /// Whether tokens `from..hi` are all punctuation (true when there are none).
    pub(super) fn rest_is_punct(&self, from: usize, hi: usize) -> bool {
        (from..hi).all(|k| self.toks[k].kind == TokKind::Punct)
    }

    /// The opening parenthesis of a short parenthesis closing at token `end - 1` (`Sen. Rand
    /// Paul (R-Ky.)`): at most `MAX_PARENTHESIS_TOKENS` back, not before `lo`.
    pub(super) fn parenthesis_before(&self, lo: usize, end: usize) -> Option<usize> {
        if end == 0 || !self.is_punct(end - 1, ")") {
            return None;
        }
        (end.saturating_sub(MAX_PARENTHESIS_TOKENS).max(lo)..end - 1)
            .rev()
            .find(|&k| self.is_punct(k, "("))
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
