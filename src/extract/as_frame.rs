//! `X cited Y as Z`, `X called him Z`: a cue that takes a quotation only (`cited`, `called`) is
//! speech without one when its content names something and what it stands as (`cited the
//! audit as the reason he had not released the records`), or a pronoun and what it is called
//! (`called him divisive`). The cue forms are data, `data/as_cues.txt`, `data/naming_cues.txt`.

use super::frames::Attr;
use super::lexicon::lexicon;
use super::tokens::Para;
use std::ops::Range;

/// Most words of the `Y` of `cited Y as Z`.
const MAX_OBJECT_WORDS: usize = 8;

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

    /// Whether attribution `a` is a naming cue whose content `r` reads `him Z`: an object
    /// pronoun, then words that are no particle, preposition or verb (`called it off`, `the
    /// roll call itself was` are no naming).
    pub(super) fn named_pronoun(&self, a: &Attr, r: Range<usize>) -> bool {
        let lex = lexicon();
        if a.cue.len() != 1 || !lex.naming_cues.contains(self.lower(a.cue.start)) {
            return false;
        }
        let (o, p) = (r.start, r.start + 1);
        p < r.end
            && self.is_word(o)
            && lex.object_pronouns.contains(self.lower(o))
            && self.is_word(p)
            && !lex.particles.contains(self.lower(p))
            && !lex.prepositions.contains(self.lower(p))
            && !lex.finite_verbs.contains(self.lower(p))
    }
}
