//! Attribution frames without a listed cue: a clause closed by a colon before a quotation
//! (`Kasich resisted: "..."`), a dash and a speaker after a quotation (`"..." — Jane Doe`), and
//! a quotation standing alone after a sentence whose subject is a person.

use super::frames::{is_attribution_dash, Attr, Form};
use super::lexicon::{lexicon, CueClass};
use super::quotes::Quote;
use super::statement::{trim_span, Raw};
use super::tokens::Para;
use crate::finding::{Kind, Span};
use std::ops::Range;

impl<'a> Para<'a> {
    /// `Kasich resisted: "..."`: a clause ending in a colon right before a quotation frames
    /// it even without a listed cue; the verb before the colon is the cue.
    pub(super) fn colon_frame(&self, lo: usize, hi: usize, attrs: &[Attr]) -> Option<Attr> {
        let c = (lo + 2..hi.saturating_sub(1))
            .find(|&c| self.is_punct(c, ":") && self.is_quote(c + 1))?;
        if attrs.iter().any(|a| a.cue.start <= c) || !self.is_word(c - 1) {
            return None;
        }
        // `Roe issued a statement: "..."`: the light verb's subject speaks.
        if lexicon().noun_cues.contains(self.lower(c - 1)) {
            if let Some(a) = self.light_verb_quote(lo, hi, c - 1, attrs) {
                return Some(a);
            }
        }
        let (sp, name) = self.clause_subject(lo, c - 1)?;
        Some(Attr {
            cue: c - 1..c,
            class: CueClass::Say,
            form: Form::Before,
            speaker: sp.clone(),
            name,
            date_tok: None,
            region: sp.start,
        })
    }

    /// `"..." — Commissioner Jane Doe`, `"..."― Jane Roe.`: a dash (em, en, horizontal bar or a
    /// spaced hyphen) after a quotation, then a speaker phrase that ends the sentence; the dash
    /// is the cue.
    pub(super) fn dash_frame(&self, lo: usize, hi: usize, attrs: &[Attr]) -> Option<Attr> {
        let d = (lo + 1..hi.saturating_sub(1)).find(|&d| {
            self.is_quote(d - 1)
                && self.is_punct(d, self.s(d))
                && self.s(d).chars().all(is_attribution_dash)
        })?;
        if attrs.iter().any(|a| a.cue.start > d) {
            return None;
        }
        let sp = self.speaker_after(d + 1, hi)?;
        if !self.rest_is_punct(sp.end, hi) {
            return None;
        }
        Some(Attr {
            cue: d..d + 1,
            class: CueClass::Say,
            form: Form::Inverted,
            speaker: sp.clone(),
            name: sp,
            date_tok: None,
            region: d,
        })
    }

    /// `Smith was asked about it. "No comment."`: a quotation standing alone after a sentence
    /// whose subject is a name or pronoun is that subject's statement (with no cue).
    pub(super) fn framed_by_previous(&self, prev: Range<usize>, r: Range<usize>) -> Option<Raw> {
        let lex = lexicon();
        let (phrase, name) = self.subject(prev.start, prev.end)?;
        let first = phrase.start;
        let w = self.lower(first);
        let person = (w != "it" && lex.pronouns.contains_key(w))
            || (self.is_cap(first) && !lex.determiners.contains(w));
        if !person || (prev.start..prev.end).any(|k| self.is_quote(k)) {
            return None;
        }
        let qs: Vec<&Quote> = r.filter_map(|k| self.quote_of(k)).collect();
        let spans: Vec<Span> = qs
            .iter()
            .map(|q| trim_span(self.text, [q.start, q.end]))
            .filter(|sp| sp[1] > sp[0])
            .collect();
        if spans.is_empty() {
            return None;
        }
        Some(Raw {
            kind: Kind::Direct,
            mention: self.words(name),
            speaker_span: Some(self.span(phrase)),
            cue: None,
            cue_span: None,
            quoted: spans
                .iter()
                .map(|sp| self.text[sp[0]..sp[1]].to_string())
                .collect(),
            spans,
            date: None,
            via: None,
        })
    }
}
