//! Asides between a speaker phrase and its cue that the appositive reading of `speaker.rs`
//! does not take: a dash-delimited aside (`The judge -- who has sat for years -- said`) and a
//! party parenthesis after a name that does not open the clause.

use super::speaker::{Phrase, MAX_APPOSITIVE};
use super::tokens::Para;

impl<'a> Para<'a> {
    /// `The judge -- who has sat for a decade -- said`, `Roe — a nurse, and a mother — said`:
    /// an aside between dashes (an em or en dash, or a double hyphen) closing right before the
    /// cue (token `j`), after a speaker phrase that opens the clause.
    pub(super) fn speaker_before_dashes(
        &self,
        lo: usize,
        j: usize,
        object_ok: bool,
        date_tok: Option<usize>,
    ) -> Option<Phrase> {
        let dash = |k: usize| {
            self.is_punct(k, "\u{2014}\u{2013}")
                || (self.is_punct(k, "-") && k > lo && self.is_punct(k - 1, "-"))
        };
        // The first token of the dash ending at `k` (a double hyphen is two).
        let dash_start = |k: usize| if self.is_punct(k, "-") { k - 1 } else { k };
        if j <= lo + 2 || !dash(j - 1) {
            return None;
        }
        let close = dash_start(j - 1);
        let floor = close.saturating_sub(MAX_APPOSITIVE).max(lo + 1);
        let open = (floor..close)
            .rev()
            .take_while(|&k| !self.is_punct(k, ";:!?"))
            .find(|&k| dash(k))?;
        let stop = dash_start(open);
        if stop <= lo || stop + 1 >= close || !self.is_word(stop - 1) {
            return None;
        }
        // (`Many speakers at the service -- including ... -- said`: the clause's own words
        // when no speaker phrase is read before the dash.)
        let (sp, name) = self
            .speaker_phrase(lo, stop, object_ok, date_tok)
            .map(|(sp, name, _)| (sp, name))
            .or_else(|| self.clause_subject(lo, stop))?;
        self.opens_clause(sp.start, lo)
            .then_some((sp.start..j, name, date_tok))
    }

    /// `Saturday at the convention Sen. Jane Roe (D-Ore.) said`: a short parenthesis without a
    /// comma closing right before the cue (token `j`), after a capitalised word, reads as if it
    /// were absent (the phrase need not open the clause, as an appositive must).
    pub(super) fn name_before_parenthesis(
        &self,
        lo: usize,
        j: usize,
        object_ok: bool,
        date_tok: Option<usize>,
    ) -> Option<Phrase> {
        let open = self.parenthesis_before(lo, j)?;
        if open <= lo || !self.is_cap(open - 1) || (open..j).any(|k| self.is_punct(k, ",")) {
            return None;
        }
        let (sp, name, date_tok) = self.speaker_phrase(lo, open, object_ok, date_tok)?;
        Some((sp.start..j, name, date_tok))
    }
}
