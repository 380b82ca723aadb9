//! `X cited Y as Z`: a cue that takes a quotation only (`cited`) is speech without one when
//! its content names something and what it stands as (`cited the audit as the reason he had
//! not released the records`). The cue forms are data, `data/as_cues.txt`.

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
}
