//! Adverbial and participle clauses set before the main verb: the content of a cue inside one
//! ends where the main clause starts (`Although Roe said the levy would go, she voted for
//! it`) or where the verb comes (`Roe, while insisting X, kept it`), and a participle cue
//! opening the sentence (`Having announced that X, Judge Roe ...`, `While saying X, he ...`)
//! has the main clause's subject as its speaker. The openers are data,
//! `data/clause_openers.txt` and `data/participle_prepositions.txt`.

use super::frames::{Attr, Form};
use super::lexicon::{lexicon, CueClass};
use super::tokens::Para;
use std::ops::Range;

/// Most words of a main clause's subject after a fronted participle clause (`the former
/// governor of Ohio`).
const MAX_MAIN_SUBJECT_WORDS: usize = 6;

impl<'a> Para<'a> {
    /// Whether a speaker phrase starting at `sp` follows a clause opener that starts its
    /// sentence or clause (`Although Roe said ...`, `..., but while Roe said ...`).
    pub(super) fn in_fronted_clause(&self, lo: usize, sp: usize) -> bool {
        let lex = lexicon();
        let Some(o) = sp.checked_sub(1).filter(|&o| o >= lo) else {
            return false;
        };
        self.is_word(o)
            && lex.clause_openers.contains(self.lower(o))
            && (o == lo || !self.is_word(o - 1) || lex.coordinators.contains(self.lower(o - 1)))
    }

    /// Where the content of a cue in a fronted adverbial clause ends, before `e`: at the first
    /// comma after which a main clause starts (a word that is no relative, coordinator or
    /// verb, then a finite verb before the next comma, or no comma to the end): `Although Roe
    /// said the levy would go, she voted for it`.
    pub(super) fn fronted_clause_end(&self, s: usize, e: usize) -> usize {
        let lex = lexicon();
        (s + 1..e)
            .find(|&k| {
                if !self.is_punct(k, ",") || !self.is_word(k + 1) || self.is_quote(k - 1) {
                    return false;
                }
                let w = self.lower(k + 1);
                if lex.relatives.contains(w)
                    || lex.coordinators.contains(w)
                    || self.verb_like(k + 1)
                {
                    return false;
                }
                let stretch = (k + 2..e).find(|&j| self.is_punct(j, ",;")).unwrap_or(e);
                stretch == e || (k + 2..stretch).any(|j| self.verb_like(j))
            })
            .unwrap_or(e)
    }

    /// `Having announced that X, Judge Roe ...`, `While saying X, he ...`: the cue at `cue`
    /// opens the sentence after `having` (its past participle) or after a clause opener or
    /// participle preposition (its `-ing` form), adverbs between; the subject of the main
    /// clause after the content's closing comma speaks.
    pub(super) fn fronted_participle(
        &self,
        lo: usize,
        hi: usize,
        cue: Range<usize>,
        class: CueClass,
    ) -> Option<Attr> {
        let lex = lexicon();
        let mut o = cue.start;
        while o > lo && self.is_word(o - 1) && self.manner_or_time(o - 1) {
            o -= 1;
        }
        if o != lo + 1 || !self.is_word(lo) {
            return None;
        }
        let opener = self.lower(lo);
        let gerund = self.lower(cue.start).ends_with("ing")
            && (lex.clause_openers.contains(opener)
                || lex.participle_prepositions.contains(opener));
        if !(gerund || opener == "having") {
            return None;
        }
        let k = self.fronted_clause_end(cue.end, hi);
        // (`Having said that, she left`: a `that` alone is no content.)
        let words = (cue.end..k)
            .filter(|&j| self.is_word(j) && self.lower(j) != "that")
            .count();
        if k >= hi || !self.is_punct(k, ",") || words < 2 {
            return None;
        }
        let subject = self.main_subject(k + 1, hi)?;
        Some(Attr {
            cue,
            class,
            form: Form::Before,
            speaker: subject.clone(),
            name: subject,
            date_tok: None,
            region: lo,
        })
    }

    /// Where the content of a participle set between its subject and the main verb ends,
    /// before `e` (`Roe, while insisting the levy would go, kept it`): at the first comma a
    /// lower-case word follows that can only be that verb (no function word, participle or
    /// adverb), not one closing a relative clause.
    pub(super) fn interrupting_participle_end(&self, s: usize, e: usize) -> usize {
        let lex = lexicon();
        // (`the levy, which passed, would go`: the comma closing a relative clause is its.)
        let mut relative = false;
        (s + 1..e.saturating_sub(1))
            .find(|&k| {
                if !self.is_punct(k, ",") || !self.is_word(k + 1) {
                    return false;
                }
                if std::mem::take(&mut relative) || self.is_cap(k + 1) {
                    return false;
                }
                let w = self.lower(k + 1);
                relative = lex.relatives.contains(w);
                !(relative
                    || lex.coordinators.contains(w)
                    || lex.determiners.contains(w)
                    || lex.pronouns.contains_key(w)
                    || lex.prepositions.contains(w)
                    || lex.subordinators.contains(w)
                    || lex.complementizers.contains(w)
                    || lex.clause_openers.contains(w)
                    || lex.negators.contains(w)
                    || w.ends_with("ing")
                    || w.ends_with("ly")
                    || w.starts_with(|c: char| c.is_ascii_digit()))
            })
            .unwrap_or(e)
    }

    /// Whether word `k` is an adverb that may stand between an opener and its participle
    /// (`after initially saying`): a time word or a lower-case `-ly` word.
    pub(super) fn manner_or_time(&self, k: usize) -> bool {
        let w = self.lower(k);
        !self.is_cap(k) && (w.ends_with("ly") || lexicon().time_words.contains(w))
    }

    /// The subject opening the main clause at `s`: a pronoun, a run of name words (titles
    /// among them), or a determiner and a few lower-case words; a lower-case word that is no
    /// preposition (its verb) must follow.
    fn main_subject(&self, s: usize, hi: usize) -> Option<Range<usize>> {
        let lex = lexicon();
        if !self.is_word(s) {
            return None;
        }
        let w = self.lower(s);
        let limit = (s + MAX_MAIN_SUBJECT_WORDS).min(hi);
        let e = if lex.pronouns.contains_key(w) {
            s + 1
        } else if self.np_word(s) {
            let mut e = s + 1;
            while e < limit && (self.np_word(e) || self.is_abbreviation_period(e)) {
                e += 1;
            }
            e
        } else if lex.determiners.contains(w) {
            // The noun phrase ends before its verb: a finite or `-ed` word, or (after its
            // first noun) a word an object, a phrase or the sentence's end follows (`the
            // mayor kept it`, `the mayor left.`).
            let verb_at = |k: usize| {
                let v = self.lower(k);
                let next = self.lower(k + 1);
                lex.finite_verbs.contains(v)
                    || v.ends_with("ed")
                    || (k > s + 1
                        && (!self.is_word(k + 1)
                            || lex.pronouns.contains_key(next)
                            || lex.object_pronouns.contains(next)
                            || lex.determiners.contains(next)
                            || lex.prepositions.contains(next)))
            };
            let mut e = s + 1;
            while e < limit
                && self.is_word(e)
                && !self.is_cap(e)
                && !lex.prepositions.contains(self.lower(e))
                && !verb_at(e)
            {
                e += 1;
            }
            e
        } else {
            return None;
        };
        let verb = e < hi
            && self.is_word(e)
            && !self.is_cap(e)
            && !lex.prepositions.contains(self.lower(e));
        (e > s + usize::from(lex.determiners.contains(w)) && verb).then_some(s..e)
    }
}
