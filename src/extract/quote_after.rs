//! Where a quotation after a cue stands when words come between them: an aside in a split
//! quote (`"...," Roe said, referring to the audit, "..."`), a clause of time, a subordinate
//! clause or a short phrase before a comma (`wrote to his followers, "..."`).

use super::lexicon::{lexicon, CueClass};
use super::tokens::Para;

/// Most tokens of an aside between the pieces of a split quote (`, referring to the audit,`).
const MAX_ASIDE_TOKENS: usize = 14;

/// Most words of a phrase between a cue and a comma before its quotation (`wrote to his
/// Twitter followers, "..."`).
const MAX_TOPIC_PHRASE: usize = 8;

impl Para<'_> {
    /// Where the quotation resuming a split quote stands when a short aside comes first:
    /// `"...," Roe said, referring to the audit, "but ..."` (a participle phrase that is no
    /// speech cue of its own, up to a comma) or `"...," he said, but "..."` (a conjunction).
    /// `after` is the comma after the attribution.
    pub(super) fn quote_after_aside(&self, after: usize, hi: usize) -> Option<usize> {
        let lex = lexicon();
        let k = after + 1;
        if !self.is_punct(after, ",") || !self.is_word(k) || self.is_cap(k) {
            return None;
        }
        let w = self.lower(k);
        if lex.coordinators.contains(w) {
            let q = if self.is_punct(k + 1, ",") {
                k + 2
            } else {
                k + 1
            };
            return (q < hi && self.is_quote(q)).then_some(q);
        }
        // A speech participle of its own (`adding, "..."`) starts a second statement; one that
        // only points at a topic (`referring to the audit`) does not.
        let speech = self
            .cue_at(k, hi)
            .is_some_and(|(_, class)| class != CueClass::Quoted);
        if !w.ends_with("ing") || lex.not_participles.contains(w) || speech {
            return None;
        }
        self.quote_after_comma(k, hi, |_| true)
    }

    /// The quotation right after the first comma of the aside opened at `k`: within
    /// `MAX_ASIDE_TOKENS`, crossing no quotation and only tokens `through` allows.
    fn quote_after_comma(
        &self,
        k: usize,
        hi: usize,
        through: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let close = (k + 1..(k + MAX_ASIDE_TOKENS).min(hi))
            .take_while(|&j| !self.is_quote(j) && through(j))
            .find(|&j| self.is_punct(j, ","))?;
        (close + 1 < hi && self.is_quote(close + 1)).then_some(close + 1)
    }

    /// Where the quotation after a clause of time following the cue stands: `Roe said as she
    /// left the stage, "..."` (the clause, up to a comma, holds no quotation or cue).
    pub(super) fn quote_after_clause(&self, after: usize, hi: usize) -> Option<usize> {
        // Only `as`, which tells when (`as long as`, `as soon as` say what; so does
        // `because ...`, part of the speaker's words).
        if !self.is_word(after)
            || self.lower(after) != "as"
            || lexicon().as_degree_words.contains(self.lower(after + 1))
        {
            return None;
        }
        self.quote_after_comma(after, hi, |j| self.cue_at(j, hi).is_none())
    }

    /// Where the quotation after a subordinate clause set off by commas stands: `said in the
    /// spring, when the story broke, "..."`, `said, after the vote, "..."` (a short plain
    /// phrase may come first; the clause holds no quotation or cue).
    pub(super) fn quote_after_subordinate(&self, after: usize, hi: usize) -> Option<usize> {
        let lex = lexicon();
        let comma = if self.is_punct(after, ",") {
            after
        } else {
            (after..(after + MAX_TOPIC_PHRASE).min(hi))
                .take_while(|&j| {
                    self.is_punct(j, ",")
                        || (self.is_word(j)
                            && !self.clause_word(j, hi)
                            && !lex.finite_verbs.contains(self.lower(j)))
                })
                .find(|&j| self.is_punct(j, ","))?
        };
        let k = comma + 1;
        if !(self.is_word(k) && lex.subordinators.contains(self.lower(k))) {
            return None;
        }
        self.quote_after_comma(k, hi, |j| self.cue_at(j, hi).is_none())
    }

    /// Where the quotation after a short phrase following the cue stands: `wrote to his
    /// 20,000 Twitter followers, "..."` (at most `MAX_TOPIC_PHRASE` words with no verb,
    /// pronoun, clause word or cue, then a comma).
    pub(super) fn quote_after_phrase(&self, after: usize, hi: usize) -> Option<usize> {
        if !self.is_word(after) {
            return None;
        }
        let close = (after + 1..(after + 2 * MAX_TOPIC_PHRASE).min(hi))
            .find(|&j| self.is_punct(j, ",") && self.is_quote(j + 1))?;
        let plain = (after + 1..close).all(|j| {
            let w = self.lower(j);
            // (`20,000`: a number's comma is no clause break.)
            let number_comma = self.is_punct(j, ",")
                && self.s(j - 1).starts_with(|c: char| c.is_ascii_digit())
                && self.s(j + 1).starts_with(|c: char| c.is_ascii_digit());
            number_comma
                || (self.is_word(j)
                    && !self.verb_like(j)
                    && !matches!(w, "he" | "she" | "they" | "we" | "i" | "it" | "you")
                    && !self.clause_word(j, hi)
                    && self.cue_at(j, hi).is_none())
        });
        let words = (after..close).filter(|&j| self.is_word(j)).count();
        (plain && words <= MAX_TOPIC_PHRASE && !self.title_case(close + 1)).then_some(close + 1)
    }

    /// Whether the quotation at `q` is set in title case, as a name of a book, a show or a
    /// slogan is (`"An American Son."`, `"Make America Great Again"`): at most six words, each
    /// capitalised but for short function words.
    fn title_case(&self, q: usize) -> bool {
        let Some(q) = self.quote_of(q) else {
            return false;
        };
        let words: Vec<&str> = self.text[q.start..q.end]
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        !words.is_empty()
            && words.len() <= 6
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    || (w.len() <= 3 && super::mentions::is_name_glue(&w.to_lowercase()))
            })
    }
}
