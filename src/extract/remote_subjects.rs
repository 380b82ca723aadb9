//! Speakers that do not stand right before their cue: a progressive (`Smith is warning`), a
//! verb of aspect (`continued to say`), an absolute phrase (`with the union calling it`), a
//! participle after a noun (`footage of Smith saying`) and the subject of a relative clause
//! (`A voter who backed Trump said`).

use super::frames::{Attr, Form};
use super::lexicon::{lexicon, CueClass};
use super::speaker::{Phrase, MAX_SPEAKER_WORDS};
use super::tokens::Para;
use std::ops::Range;

impl Para<'_> {
    /// A progressive cue, `Smith is warning`, `he has been saying`, `she's claiming`: a form of
    /// `be` before the `-ing` cue makes it the verb of the subject before it (a contracted
    /// subject is the speaker itself), not a participle clause.
    pub(super) fn progressive(
        &self,
        lo: usize,
        cue: Range<usize>,
        class: CueClass,
    ) -> Option<Attr> {
        let aux = cue
            .start
            .checked_sub(1)
            .filter(|&k| k >= lo && self.is_word(k))?;
        let w = self.lower(aux);
        if !lexicon().progressive_auxiliaries.contains(w) || self.negated(lo, aux) {
            return None;
        }
        let found = if w.contains('\'') {
            (aux..aux + 1, aux..aux + 1, None)
        } else {
            self.speaker_before(lo, aux, false)?
        };
        // "what he's saying", "said that for years critics had been warning": a progressive
        // inside another clause is no attribution of its own; its subject opens the clause.
        let b = found.0.start;
        let opens =
            b == lo || !self.is_word(b - 1) || lexicon().coordinators.contains(self.lower(b - 1));
        opens.then(|| self.before(lo, cue, class, found))
    }

    /// A speech participle right after a noun phrase: `footage of Smith saying, "..."` (a
    /// recording of someone: they speak), `posted tweets early Friday saying that ...` (what
    /// someone writes, time words between: the clause's subject speaks).
    pub(super) fn participle_of_noun(
        &self,
        lo: usize,
        cue: Range<usize>,
        class: CueClass,
    ) -> Option<Attr> {
        let lex = lexicon();
        let mut k = cue.start;
        while k > lo
            && self.is_word(k - 1)
            && (lex.time_words.contains(self.lower(k - 1))
                || lex.cue_adverbs.contains(self.lower(k - 1))
                || self.weekday(k - 1).is_some())
        {
            k -= 1;
        }
        if k <= lo + 1 || !self.is_word(k - 1) {
            return None;
        }
        let absolute = self.absolute_with(lo, k);
        let (speaker, name, region) = if let Some(w) = absolute {
            (w + 1..k, w + 1..k, w)
        } else if lex.authored_nouns.contains(self.lower(k - 1)) {
            let (sp, name) = self.subject(lo, k - 1)?;
            (sp, name, k - 1)
        } else {
            let (sp, name, _) = self.speaker_before(lo, k, true)?;
            let of = sp.start.checked_sub(1).filter(|&o| o > lo)?;
            let depicted = self.lower(of) == "of"
                && self.is_word(of - 1)
                && lex.depiction_nouns.contains(self.lower(of - 1));
            if !depicted {
                return None;
            }
            (sp, name, of - 1)
        };
        Some(Attr {
            cue,
            class,
            form: Form::Participle,
            speaker,
            name,
            date_tok: None,
            region,
        })
    }

    /// `with 40 percent of voters saying ...`, `with the union calling it ...`:
    /// `with` opening an absolute phrase whose noun phrase (a number, determiner, quantifier or name first, no
    /// punctuation but `%`) ends right before a participle at `k`; returns the `with` token.
    pub(super) fn absolute_with(&self, lo: usize, k: usize) -> Option<usize> {
        let lex = lexicon();
        let mut w = k;
        while w > lo
            && k - w <= MAX_SPEAKER_WORDS
            && (self.is_word(w - 1) || self.is_punct(w - 1, "%"))
        {
            w -= 1;
            if self.lower(w) == "with" {
                break;
            }
        }
        // (No cue or verb in the noun phrase: `with his campaign buffeted by criticism and
        // denying ...` is no absolute phrase of a speaker.)
        if self.lower(w) != "with"
            || w + 1 >= k
            || (w + 1..k).any(|i| self.cue_at(i, k).is_some() || self.verb_like(i))
        {
            return None;
        }
        let first = self.lower(w + 1);
        let opens = self.s(w + 1).starts_with(|c: char| c.is_ascii_digit())
            || lex.number_words.contains(first)
            || lex.determiners.contains(first)
            || lex.quantifiers.contains(first)
            || self.approximator(w + 1)
            || self.is_cap(w + 1)
            // (`with former Gov. Ana Ruiz calling it ...`: a lowercase title modifier first.)
            || (self.is_word(w + 2) && self.is_cap(w + 2) && !self.is_cap(w + 1));
        opens.then_some(w)
    }

    /// Where the content `s..e` of an absolute phrase's cue ends when a second absolute phrase
    /// is joined to it (`with the union calling it a gift and the mayor praising it`): before
    /// the coordinator, when a noun phrase of at most `MAX_SPEAKER_WORDS` words with no verb
    /// and an `-ing` participle follow it.
    pub(super) fn coordinated_absolute_end(&self, s: usize, e: usize) -> usize {
        let lex = lexicon();
        (s + 1..e)
            .find(|&c| {
                self.is_word(c)
                    && lex.coordinators.contains(self.lower(c))
                    && (c + 2..(c + 2 + MAX_SPEAKER_WORDS).min(e))
                        .find(|&i| !self.is_word(i) || self.participle(i) || self.verb_like(i))
                        .is_some_and(|i| {
                            self.participle(i)
                                && (c + 1..i).all(|j| !self.participle(j) && !self.verb_like(j))
                        })
            })
            .unwrap_or(e)
    }

    /// `A voter in Ohio who backed Trump said`: a phrase read before the cue that is the
    /// object of a relative clause's verb (a relative word at most three words before it, no
    /// comma) is not the speaker; the clause's subject before the relative word is, the
    /// phrase running from it. Any other phrase is returned as it is.
    pub(super) fn relative_subject(&self, lo: usize, found: Phrase) -> Phrase {
        let lex = lexicon();
        let b = found.0.start;
        if b <= lo + 2 || !self.verb_like(b - 1) || self.is_cap(b - 1) {
            return found;
        }
        let rel = (b.saturating_sub(5).max(lo + 1)..b - 1)
            .rev()
            .take_while(|&r| self.is_word(r))
            .find(|&r| matches!(self.lower(r), "who" | "that"));
        let Some(r) = rel else {
            return found;
        };
        // (`A voter in Ohio who ...`: a prepositional phrase may stand between.)
        let modifies = |e: usize| {
            e == r
                || (e < r
                    && lex.prepositions.contains(self.lower(e))
                    && (e..r).all(|j| self.is_word(j) && !self.verb_like(j)))
        };
        match self.subject(lo, r) {
            Some((sp, name)) if modifies(sp.end) && self.opens_clause(sp.start, lo) => {
                (sp.start..found.0.end, name, found.2)
            }
            _ => found,
        }
    }

    /// Where a verb of aspect (`aspect_verbs.txt`) before the cue at `cue` starts: right
    /// before an `-ing` cue (`kept asking`), or before `to` and a plain cue (`continued to
    /// say`, `went on to explain`), with adverbs before it skipped (`immediately began`).
    pub(super) fn aspect_verb_before(
        &self,
        lo: usize,
        cue: usize,
        participle: bool,
    ) -> Option<usize> {
        let lex = lexicon();
        let mut k = cue;
        if !participle {
            k = k
                .checked_sub(1)
                .filter(|&t| t > lo && self.lower(t) == "to")?;
        }
        let two = k >= lo + 2
            && self.is_word(k - 2)
            && self.is_word(k - 1)
            && lex
                .aspect_verbs
                .contains(format!("{} {}", self.lower(k - 2), self.lower(k - 1)).as_str());
        let j = if two {
            k - 2
        } else if k > lo + 1 && self.is_word(k - 1) && lex.aspect_verbs.contains(self.lower(k - 1))
        {
            k - 1
        } else {
            return None;
        };
        let mut j = j;
        while j > lo + 1
            && self.is_word(j - 1)
            && !self.is_cap(j - 1)
            && self.lower(j - 1).ends_with("ly")
        {
            j -= 1;
        }
        Some(j)
    }
}
