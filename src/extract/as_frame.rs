//! `X cited Y as Z`, `X called him Z`: a cue that takes a quotation only (`cited`, `called`) is
//! speech without one when its content names something and what it stands as (`cited the
//! audit as the reason he had not released the records`), or a pronoun or a name and what it
//! is called (`called him divisive`, `called the levy an insult`, `called the levy reckless`).
//! The cue forms are data, `data/as_cues.txt`, `data/naming_cues.txt`, and so are the endings
//! that mark an adjective, `data/adjective_endings.txt`.

use super::frames::Attr;
use super::lexicon::lexicon;
use super::tokens::Para;
use std::ops::Range;

/// Most words of the `Y` of `cited Y as Z`.
const MAX_OBJECT_WORDS: usize = 8;

/// Most words of a name or a noun phrase called something (`called the plan a gift`).
const MAX_NAMED_WORDS: usize = 3;

/// Fewest letters of a word read as an adjective by its ending (`unfair` is too short to tell
/// from `event`, so only longer words count).
const MIN_ADJECTIVE_LETTERS: usize = 6;

impl<'a> Para<'a> {
    /// Whether attribution `a` is an `as` cue whose content `r` reads `Y as Z`: an `as` after
    /// at least one and at most `MAX_OBJECT_WORDS` words, with words after it.
    pub(super) fn cited_as(&self, a: &Attr, r: Range<usize>) -> bool {
        if a.cue.len() != 1 || !lexicon().as_cues.contains(self.lower(a.cue.start)) {
            return false;
        }
        let at = (r.start + 1..r.end.min(r.start + 1 + MAX_OBJECT_WORDS))
            .find(|&k| self.is_word(k) && self.lower(k) == "as");
        at.is_some_and(|k| (k + 1..r.end).any(|x| self.is_word(x)))
    }

    /// Whether attribution `a` is a naming cue whose content `r` reads `him Z` (an object
    /// pronoun, then words that are no particle, preposition or verb: `called it off`, `the
    /// roll call itself was` are no naming) or `Trump a Z` (`named_object`).
    pub(super) fn is_naming(&self, a: &Attr, r: Range<usize>) -> bool {
        let lex = lexicon();
        if a.cue.len() != 1 || !lex.naming_cues.contains(self.lower(a.cue.start)) {
            return false;
        }
        let (o, p) = (r.start, r.start + 1);
        let pronoun = p < r.end
            && self.is_word(o)
            && lex.object_pronouns.contains(self.lower(o))
            && self.is_word(p)
            && !lex.particles.contains(self.lower(p))
            && !lex.prepositions.contains(self.lower(p))
            && !lex.finite_verbs.contains(self.lower(p));
        pronoun || self.named_object(r)
    }

    /// Whether word `k` reads as an adjective: at least `MIN_ADJECTIVE_LETTERS` lowercase
    /// letters with an ending of `adjective_endings.txt`.
    fn adjective(&self, k: usize) -> bool {
        let w = self.lower(k);
        self.is_word(k)
            && !self.is_cap(k)
            && w.len() >= MIN_ADJECTIVE_LETTERS
            && lexicon().adjective_endings.iter().any(|e| w.ends_with(e))
    }

    /// `called Trump a fascist`, `dubbed the plan "a gift"`: a name (or a determiner and at
    /// most `MAX_NAMED_WORDS` lowercase words), then what it is called: `a`/`an` and a word
    /// that opens no time phrase (`called Smith an hour later` names nothing), a quotation, or
    /// an adjective closing the content (`called the plan reckless`, `calls Smith unqualified`).
    fn named_object(&self, r: Range<usize>) -> bool {
        let lex = lexicon();
        let mut k = r.start;
        if self.is_cap(k) {
            while k < r.end && self.is_cap(k) && k - r.start < MAX_NAMED_WORDS {
                k += 1;
            }
        } else if self.is_word(k)
            && lex.determiners.contains(self.lower(k))
            && !matches!(self.lower(k), "a" | "an")
        {
            k += 1;
            let head = k;
            while k < r.end
                && self.is_word(k)
                && !self.is_cap(k)
                && k - head < MAX_NAMED_WORDS
                && !matches!(self.lower(k), "a" | "an")
                && !lex.prepositions.contains(self.lower(k))
                && !lex.finite_verbs.contains(self.lower(k))
            {
                k += 1;
            }
            if k == head {
                return false;
            }
        } else {
            return false;
        }
        // `called the plan reckless`, `calls Clinton unqualified`: an adjective ends the
        // content (the last lowercase word read, or the one word after a name).
        if k >= r.end {
            return k - r.start >= 3 && self.adjective(k - 1);
        }
        if self.is_quote(k) {
            return true;
        }
        if self.is_cap(r.start) && k + 1 == r.end && self.adjective(k) {
            return true;
        }
        // `calls North Carolina her home state`: after a name, a possessive and a short
        // lowercase noun phrase closing the content.
        let possessive = |j: usize| {
            self.is_word(j) && matches!(self.lower(j), "his" | "her" | "their" | "its" | "our")
        };
        let plain = |j: usize| {
            self.is_word(j)
                && !self.is_cap(j)
                && !lex.prepositions.contains(self.lower(j))
                && !self.verb_like(j)
                && !self.clause_word(j, r.end)
        };
        if self.is_cap(r.start)
            && possessive(k)
            && (2..=4).contains(&(r.end - k))
            && (k + 1..r.end).all(plain)
        {
            return true;
        }
        self.is_word(k)
            && matches!(self.lower(k), "a" | "an")
            && self.is_word(k + 1)
            && k + 1 < r.end
            && !lex.time_nouns.contains(self.lower(k + 1))
            && !lex.time_words.contains(self.lower(k + 1))
            && !lex.time_words.contains(self.lower(k + 2))
    }
}
