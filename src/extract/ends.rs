//! A learned model of where reported content ends. At each comma, dash or linking word inside
//! the content the rules of `content.rs` give, a logistic regression (trained on PolNeAR
//! train by `scripts/train-ends.py`, weights in `data/end_weights.tsv`) scores whether the
//! speaker's words stop there (`praised the bill, a measure that ...`: the writer's
//! appositive). The content is cut at the first place it finds likely (0.8); where the rules
//! already ended it stands.

use super::filter::bucket;
use super::lexicon::{lexicon, CueClass};
use super::tokens::Para;
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

/// The weights: feature -> weight.
fn weights() -> &'static HashMap<&'static str, f32> {
    static W: OnceLock<HashMap<&'static str, f32>> = OnceLock::new();
    W.get_or_init(|| crate::tables::weights(include_str!("data/end_weights.tsv")))
}

/// A place where a content could end, with the model's features there.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The byte offset the content would end at (after its last word).
    pub cut: usize,
    /// The features the model scores.
    pub features: Vec<String>,
}

/// The places the model weighed for one content: what `scripts/train-ends.py` learns from.
#[derive(Debug, Clone)]
pub struct Trace {
    /// The byte offset the content starts at.
    pub start: usize,
    /// The byte offset the rules end it at.
    pub end: usize,
    /// The places it could end before that, in order.
    pub candidates: Vec<Candidate>,
}

thread_local! {
    static TRACE: RefCell<Option<Vec<Trace>>> = const { RefCell::new(None) };
}

/// Runs `f` and returns, beside its result, every content-end decision made while it ran on
/// this thread (the training data of the model). While tracing the model weighs every place
/// but cuts at none, so each trace runs to the rules' end and `f` reads as the rules alone.
pub fn traced<T>(f: impl FnOnce() -> T) -> (T, Vec<Trace>) {
    TRACE.with(|t| *t.borrow_mut() = Some(Vec::new()));
    let out = f();
    let traces = TRACE.with(|t| t.borrow_mut().take()).unwrap_or_default();
    (out, traces)
}

/// Fewest tokens of content before the first place it may end.
const MIN_TOKENS: usize = 2;

/// The log-odds above which the content ends at a place: a probability of 0.8, not 0.5.
/// Annotators split both ways at many of these places, and cutting a speaker's words loses
/// more than keeping a writer's few. Held out (each half of PolNeAR train scored by a model
/// trained on the other) 0.5 and 0.7 gained alike on both halves; 0.7 lost two statements
/// of the real-article set whose labels keep a long relative clause or appositive, 0.8 none.
const CUT_ABOVE: f32 = 1.386;

/// What the model knows of a content as it walks it: counts up to the place it weighs, and,
/// for each token, the stretch after it (to the next comma, semicolon or dash).
struct Walk {
    /// Words, commas and quotations before the place; whether a finite verb is among them.
    words: usize,
    commas: usize,
    quoted: bool,
    head_verb: bool,
    /// Words in the whole content.
    total: usize,
    /// For each token from the content's start: where its stretch stops, and whether the
    /// stretch from it holds a finite verb, and a cue.
    stop: Vec<usize>,
    verb: Vec<bool>,
    cue: Vec<bool>,
}

impl Para<'_> {
    /// Where the reported content `s..e` (ended there by the rules) ends by the model: before
    /// the first candidate place it scores above `CUT_ABOVE`, else at `e`. `class` is the
    /// cue's; `that` whether a `that` opened the content.
    pub(super) fn learned_end(&self, s: usize, e: usize, class: CueClass, that: bool) -> usize {
        if e <= s + MIN_TOKENS {
            return e;
        }
        let tracing = TRACE.with(|t| t.borrow().is_some());
        let w = weights();
        let class = format!("{class:?}");
        let mut walk = self.walk(s, e);
        let mut trace = Vec::new();
        let mut cut = None;
        let mut buf = String::new();
        for k in s..e {
            if k >= s + MIN_TOKENS && self.may_end_before(k) {
                let mut score = 0.0;
                let mut features = Vec::new();
                self.end_features(s..e, k, &class, that, &walk, &mut buf, |f| {
                    if tracing {
                        features.push(f.to_string());
                    } else {
                        score += w.get(f).copied().unwrap_or(0.0);
                    }
                });
                if tracing {
                    trace.push(Candidate {
                        cut: self.toks[k - 1].end,
                        features,
                    });
                } else if score > CUT_ABOVE {
                    cut = Some(k);
                    break;
                }
            }
            walk.words += usize::from(self.is_word(k));
            walk.commas += usize::from(self.is_punct(k, ","));
            walk.quoted |= self.is_quote(k);
            walk.head_verb |= self.is_word(k) && lexicon().finite_verbs.contains(self.lower(k));
        }
        let words = self.trim_range(s..e);
        if tracing && !words.is_empty() {
            let t = Trace {
                start: self.toks[words.start].start,
                end: self.toks[words.end - 1].end,
                candidates: trace,
            };
            TRACE.with(|tr| tr.borrow_mut().as_mut().map(|v| v.push(t)));
        }
        cut.unwrap_or(e)
    }

    /// The walk over content `s..e` before its first token: the stretches are found in one
    /// pass from the end, so a long content costs time in proportion to its length.
    fn walk(&self, s: usize, e: usize) -> Walk {
        let n = e - s;
        let (mut stop, mut verb, mut cue) = (vec![e; n], vec![false; n], vec![false; n]);
        let (mut next_stop, mut v, mut c) = (e, false, false);
        for j in (s..e).rev() {
            if self.is_punct(j, ",;\u{2014}\u{2013}\u{2015}-") {
                (next_stop, v, c) = (j, false, false);
            } else if self.is_word(j) {
                v |= self.verb_like(j);
                c |= self.cue_at(j, e).is_some();
            }
            (stop[j - s], verb[j - s], cue[j - s]) = (next_stop, v, c);
        }
        Walk {
            words: 0,
            commas: 0,
            quoted: false,
            head_verb: false,
            total: (s..e).filter(|&j| self.is_word(j)).count(),
            stop,
            verb,
            cue,
        }
    }

    /// Whether a content may end before token `k`: a comma, a dash or an opening parenthesis,
    /// or a coordinator, subordinator, relative word or preposition (not `of` or `to`) with
    /// no comma before it.
    fn may_end_before(&self, k: usize) -> bool {
        if self.is_punct(k, ",(\u{2014}\u{2013}\u{2015}-") {
            return true;
        }
        if !self.is_word(k) || self.is_punct(k - 1, ",") {
            return false;
        }
        let lex = lexicon();
        let w = self.lower(k);
        lex.coordinators.contains(w)
            || lex.subordinators.contains(w)
            || lex.relatives.contains(w)
            || (lex.prepositions.contains(w) && !matches!(w, "of" | "to"))
    }

    /// A token's class for the model: a function word as itself, punctuation as itself (any
    /// dash as `-`), a quotation as `Q`, other words by shape; `END` past the content.
    fn end_class(&self, k: usize, e: usize) -> &str {
        let lex = lexicon();
        if k >= e {
            return "END";
        }
        if self.is_quote(k) {
            return "Q";
        }
        if !self.is_word(k) {
            let p = self.s(k);
            return if "\u{2014}\u{2013}\u{2015}-".contains(p) {
                "-"
            } else {
                p
            };
        }
        let w = self.lower(k);
        let closed = lex.determiners.contains(w)
            || lex.pronouns.contains_key(w)
            || lex.coordinators.contains(w)
            || lex.prepositions.contains(w)
            || lex.subordinators.contains(w)
            || lex.relatives.contains(w)
            || lex.complementizers.contains(w)
            || lex.finite_verbs.contains(w)
            || lex.end_words.contains(w);
        if closed {
            w
        } else if self.is_cap(k) {
            "Cap"
        } else if w.starts_with(|c: char| c.is_ascii_digit()) {
            "Num"
        } else if w.ends_with("ing") && !lex.not_participles.contains(w) {
            "-ing"
        } else if w.ends_with("ed") {
            "-ed"
        } else if w.ends_with("ly") {
            "-ly"
        } else if w.ends_with('s') {
            "-s"
        } else {
            "low"
        }
    }

    /// Hands `emit` each of the model's features for ending content `r` before token `k`
    /// (written into `buf`): the place itself, the words around it, the cue's class, how much
    /// content lies on each side, whether the words before hold a finite verb, and what the
    /// stretch after the place holds (a finite verb, a cue) and how it ends.
    #[allow(clippy::too_many_arguments)]
    fn end_features(
        &self,
        r: Range<usize>,
        k: usize,
        class: &str,
        that: bool,
        walk: &Walk,
        buf: &mut String,
        mut emit: impl FnMut(&str),
    ) {
        use std::fmt::Write;
        let e = r.end;
        let t = self.end_class(k, e);
        let n1 = self.end_class(k + 1, e);
        let n2 = self.end_class(k + 2, e);
        let p1 = self.end_class(k - 1, e);
        // The stretch after the place starts at a linking word itself, or after the mark.
        let from = if self.is_word(k) { k } else { k + 1 };
        let (stop, verb, cue) = if from < e {
            let i = from - r.start;
            (walk.stop[i], walk.verb[i], walk.cue[i])
        } else {
            (e, false, false)
        };
        let (hv, quoted) = (walk.head_verb, walk.quoted);
        let before = bucket(walk.words);
        let after = bucket(walk.total - walk.words);
        let commas = walk.commas.min(2);
        let stop = self.end_class(stop, e);
        emit("bias");
        let mut put = |args: std::fmt::Arguments| {
            buf.clear();
            let _ = buf.write_fmt(args);
            emit(buf);
        };
        put(format_args!("t={t}"));
        put(format_args!("t={t}|n1={n1}"));
        put(format_args!("t={t}|n1={n1}|n2={n2}"));
        put(format_args!("t={t}|p1={p1}"));
        put(format_args!("t={t}|c={class}"));
        put(format_args!("t={t}|c={class}|n1={n1}"));
        put(format_args!("t={t}|that={that}"));
        put(format_args!("t={t}|before={before}"));
        put(format_args!("t={t}|after={after}"));
        put(format_args!("t={t}|commas={commas}"));
        put(format_args!("t={t}|verb={verb}"));
        put(format_args!("t={t}|n1={n1}|verb={verb}"));
        put(format_args!("t={t}|cue={cue}"));
        put(format_args!("t={t}|stop={stop}"));
        put(format_args!("t={t}|quoted={quoted}"));
        put(format_args!("t={t}|hv={hv}"));
        put(format_args!("t={t}|n1={n1}|hv={hv}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::extract::extract_unfiltered;

    #[test]
    fn weights_load_and_are_finite() {
        let w = weights();
        assert!(w.len() >= 100, "{} weights", w.len());
        assert!(w.values().all(|v| v.is_finite()));
    }

    #[test]
    fn learned_ends_table() {
        // (name, article, the content of its one statement)
        let table = [
            (
                "a noun appositive after the clause is the writer's",
                "Roe said the council would repeal the levy, a tax first set in 1990.",
                "the council would repeal the levy",
            ),
            (
                "an appositive to an object noun phrase",
                "Roe praised the bill, a measure that would fund 40 new schools across the state.",
                "the bill",
            ),
            (
                "a relative clause after the clause is too often the speaker's to cut",
                "Roe said she supported the measure, which passed the House last week.",
                "she supported the measure, which passed the House last week",
            ),
            (
                "a list the speaker gives goes on after `including`",
                "Roe said the plan would cut several taxes, including the tax on diesel fuel.",
                "the plan would cut several taxes, including the tax on diesel fuel",
            ),
            (
                "a relative clause inside the subject",
                "Roe said the town, which flooded in May, would rebuild its levee.",
                "the town, which flooded in May, would rebuild its levee",
            ),
            (
                "a second clause after `, and`",
                "Roe said the county had spent $4 million on the project, and the state had \
                 spent another $2 million on roads.",
                "the county had spent $4 million on the project, and the state had spent \
                 another $2 million on roads",
            ),
        ];
        for (name, text, want) in table {
            let got = extract_unfiltered(&Article::from_bytes("t.txt", text.as_bytes()));
            let contents: Vec<&str> = got.iter().map(|s| s.content.as_str()).collect();
            assert_eq!(contents, [want], "{name}");
        }
    }

    #[test]
    fn a_trace_lists_every_place_weighed() {
        let text = "Roe said the levy, a tax set in 1990, would go in May.";
        let (_, traces) =
            traced(|| extract_unfiltered(&Article::from_bytes("t.txt", text.as_bytes())));
        let t = &traces[0];
        assert_eq!(
            &text[t.start..t.end],
            "the levy, a tax set in 1990, would go in May"
        );
        let cuts: Vec<&str> = t.candidates.iter().map(|c| &text[t.start..c.cut]).collect();
        let want = [
            "the levy",
            "the levy, a tax set",
            "the levy, a tax set in 1990",
            "the levy, a tax set in 1990, would go",
        ];
        assert_eq!(cuts, want);
        // Outside `traced`, nothing is recorded.
        assert!(TRACE.with(|t| t.borrow().is_none()));
    }
}
