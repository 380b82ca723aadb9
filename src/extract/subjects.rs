//! Clause subjects as speakers: the words opening a clause when no speaker phrase stands
//! before the cue (`Rubio thanked Miami and said`, `Nearly half of the farmers interviewed
//! ... say`), and the subject phrase a participle's speaker is (`A statement from the White
//! House, saying ...`).

use super::lexicon::lexicon;
use super::tokens::Para;
use std::ops::Range;

/// Most words taken as a clause subject when no speaker phrase was recognised.
const MAX_SUBJECT_WORDS: usize = 10;

/// Most words of a clause subject that is a plain noun phrase, no verb or clause word in it
/// (`Majorities of Democrats in five states going to the polls Tuesday say`).
const MAX_NOUN_PHRASE_SUBJECT_WORDS: usize = 16;

impl Para<'_> {
    /// Whether token `k` may stand inside a long subject noun phrase: no finite verb or
    /// contraction of one (`that's`), no irregular past, no `-ed` form unless a preposition
    /// follows it, no `-ly` or time adverb of a verb (`also`, `again`) and no clause word
    /// (`who`, `that`, `when`, `what`).
    pub(super) fn noun_phrase_word(&self, k: usize) -> bool {
        let lex = lexicon();
        if !self.is_word(k) {
            return self.is_punct(k, "%");
        }
        let w = self.lower(k);
        let stem = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("\u{2019}s"))
            .unwrap_or(w);
        let clause_word = lex.relatives.contains(w)
            || lex.complementizers.contains(w)
            || lex.subordinators.contains(w)
            || lex.nested_openers.contains(w)
            || matches!(w, "whom" | "whose" | "where");
        let past = self.verb_like(k)
            && !(self.is_word(k + 1) && lex.prepositions.contains(self.lower(k + 1)));
        let lowercase = !self.is_cap(k);
        // "Cruz also lacks support": a verb's time adverb (`also`, `again`, `later`).
        let verb_adverb = lex.time_words.contains(w) && lex.cue_adverbs.contains(w);
        !(clause_word
            || (lowercase && verb_adverb)
            || past
            || (stem != w
                && (lex.pronouns.contains_key(stem) || lex.complementizers.contains(stem)))
            || (lowercase && lex.irregular_pasts.contains(w))
            || (lowercase && w.ends_with("ly")))
    }

    /// The words from the clause's start (the sentence start, punctuation or a quotation) to
    /// the cue at `end`, when no speaker phrase was recognised: leading conjunctions and
    /// trailing `and` dropped; the name part is the first capitalised run, if any.
    pub(super) fn clause_subject(
        &self,
        lo: usize,
        end: usize,
    ) -> Option<(Range<usize>, Range<usize>)> {
        let lex = lexicon();
        // "Reid reiterated those feelings and stressed ...": the clause's subject speaks.
        if let Some(c) = self.coordinator_before(lo, end) {
            return self.subject(lo, c);
        }
        // "47% say": a percent sign belongs to its number.
        let wordish = |k: usize| self.is_word(k) || self.is_punct(k, "%");
        let mut s = end;
        while s > lo && wordish(s - 1) && end - s < MAX_SUBJECT_WORDS {
            s -= 1;
        }
        // A longer subject is read when it is a plain noun phrase: no finite verb, past form
        // or clause word in it (a past participle only before a preposition, `a memo seen by
        // Reuters`).
        if s > lo && wordish(s - 1) {
            let mut t = s;
            while t > lo && wordish(t - 1) && end - t < MAX_NOUN_PHRASE_SUBJECT_WORDS {
                t -= 1;
            }
            if (t == lo || !wordish(t - 1)) && (t..end).all(|k| self.noun_phrase_word(k)) {
                s = t;
            }
        }
        // (Words run on before: no subject, unless a clause word below opens the cue's.)
        let mut cut_short = s > lo && wordish(s - 1);
        let mut e = end;
        while s < e {
            let w = self.lower(s);
            let skip = lex.coordinators.contains(w)
                || lex.subordinators.contains(w)
                || (s == lo && lex.clause_openers.contains(w))
                || (w.ends_with("ly") && !self.is_cap(s));
            if !skip {
                break;
            }
            s += 1;
        }
        while e > s
            && (lex.coordinators.contains(self.lower(e - 1))
                || lex.time_words.contains(self.lower(e - 1)))
        {
            e -= 1;
        }
        // "The good news is that 78 percent of voters said", "an electorate in which most
        // voters say": a clause word (complementizer, relative, subordinator) inside the words
        // opens the cue's own clause when only a noun phrase follows it, no verb (`the people
        // that the mayor fired said`: an object relative inside the subject).
        let clause_word = |w: &str| {
            lex.complementizers.contains(w)
                || lex.subordinators.contains(w)
                || matches!(w, "which" | "whom")
        };
        if let Some(k) = (s + 1..e.saturating_sub(1))
            .rev()
            .find(|&k| clause_word(self.lower(k)))
            .filter(|&k| (k + 1..e).all(|j| !self.verb_like(j) && !self.participle(j)))
        {
            s = k + 1;
            cut_short = false;
        }
        if s == e || cut_short {
            return None;
        }
        let w = self.lower(s);
        // "About 9 percent said": a preposition before a number is an approximator.
        let approximator = self.approximator(s)
            || (self.is_word(s + 1) && self.s(s + 1).starts_with(|c: char| c.is_ascii_digit()));
        // "should be to counter lies": an infinitive cue has no subject of its own.
        // "Officials who spoke with the paper said": a cue in a relative clause inside the
        // subject is the subject's own.
        let blocked = (lex.prepositions.contains(w) && !approximator)
            || self.lower(e - 1) == "to"
            || w == "that"
            || w == "to"
            || (s..e).any(|k| {
                self.cue_at(k, e).is_some()
                    && !(k > s && self.is_word(k - 1) && lex.relatives.contains(self.lower(k - 1)))
            });
        if blocked {
            return None;
        }
        let name = (s..e)
            .find(|&k| {
                let w = self.lower(k);
                // "A March 3 memo", "a Tuesday letter": a date is no name.
                let date = self.weekday(k).is_some()
                    || (crate::date::MONTH_NAMES.contains(&w)
                        && self.lower(k + 1).starts_with(|c: char| c.is_ascii_digit()));
                self.is_cap(k)
                    && !date
                    && !lex.determiners.contains(w)
                    && !lex.quantifiers.contains(w)
                    && !lex.number_words.contains(w)
                    && !lex.prepositions.contains(w)
            })
            .map_or(s..e, |k| {
                // "Commission on Presidential Debates", "Bank of America": a join word
                // between capitalised words (not a date: "Lind on Monday") is in the name.
                let joins = |j: usize| {
                    j + 1 < e
                        && (lex.name_joins.contains(self.lower(j)) || self.lower(j) == "on")
                        && self.is_cap(j + 1)
                        && !super::mentions::is_name_glue(self.lower(j + 1))
                };
                let mut j = k;
                while j < e && (self.is_cap(j) || (j > k && joins(j))) {
                    j += 1;
                }
                k..j
            });
        // "a voter in Ohio said", "a narrator in the Lind ad says": a name inside a
        // prepositional phrase of a description is not the speaker; the description is.
        let lowercase = !self.is_cap(s) || lex.determiners.contains(self.lower(s));
        let described = lowercase && name.start > s && self.after_object_preposition(name.start, s);
        // "Large majorities of voters said": a capitalised word opening the sentence before a
        // lowercase word it modifies is no name; the phrase is.
        let opening = s == lo || !self.is_word(s - 1);
        let modifier = name == (s..s + 1)
            && opening
            && s + 1 < e
            && self.s(s).chars().skip(1).all(|c| !c.is_uppercase())
            && self.is_word(s + 1)
            && !self.is_cap(s + 1)
            && self.noun_phrase_word(s + 1)
            && !self.participle(s + 1)
            && !lex.prepositions.contains(self.lower(s + 1))
            && !lex.coordinators.contains(self.lower(s + 1))
            && !lex.pronouns.contains_key(self.lower(s + 1))
            && !lex.object_pronouns.contains(self.lower(s + 1));
        let name = if described || modifier { s..e } else { name };
        Some((s..e, name))
    }

    /// The subject phrase at the start of a clause (`A statement from the White House`).
    pub(super) fn subject(&self, lo: usize, hi: usize) -> Option<(Range<usize>, Range<usize>)> {
        let lex = lexicon();
        let mut lo = lo;
        // "But he told ...": a leading conjunction is not the subject.
        while lo < hi && self.is_word(lo) && lex.coordinators.contains(self.lower(lo)) {
            lo += 1;
        }
        // "On Thursday, Warren appeared ...", "Earlier in the day, Clinton held ...": a leading
        // prepositional, subordinate or time phrase closed by a comma is not the subject.
        if self.is_word(lo) {
            let w = self.lower(lo);
            if lex.prepositions.contains(w)
                || lex.subordinators.contains(w)
                || lex.time_words.contains(w)
                || lex.not_name_words.contains(w)
            {
                if let Some(c) =
                    (lo..hi.min(lo + MAX_SUBJECT_WORDS)).find(|&k| self.is_punct(k, ","))
                {
                    lo = c + 1;
                } else if let Some(e) = self.date_phrase_end(lo, hi) {
                    // "On Monday they published ...": a date or time phrase is no speaker.
                    lo = e;
                }
            }
        }
        let mut k = lo;
        while k < hi
            && self.is_word(k)
            && !self.is_cap(k)
            && !lex.determiners.contains(self.lower(k))
            && !lex.pronouns.contains_key(self.lower(k))
            && k - lo < 2
        {
            k += 1; // leading "And", "But" are capitalised; lowercase adverbs are skipped
        }
        let start = k;
        while k < hi && self.is_word(k) {
            let w = self.lower(k);
            let inner = lex.determiners.contains(w)
                || self.np_word(k)
                || lex.subject_links.contains(w)
                || (k == start);
            if !inner {
                break;
            }
            k += 1;
        }
        if k == start {
            return None;
        }
        if (start..k).all(|x| {
            let w = self.lower(x);
            lex.determiners.contains(w) || lex.quantifiers.contains(w)
        }) {
            k = self.common_noun_end(k, hi);
        }
        // "Hundreds of nurses marched", "a spokesman for the union met": a link word or a
        // determiner ends no phrase; the lowercase noun after it is in the phrase, or the
        // dangling words are dropped.
        let dangling = |w: &str| lex.subject_links.contains(w) || lex.determiners.contains(w);
        if k > start + 1 && dangling(self.lower(k - 1)) {
            let e = self.common_noun_end(k, hi);
            if e > k {
                k = e;
            } else {
                while k > start + 1 && dangling(self.lower(k - 1)) {
                    k -= 1;
                }
            }
        }
        let phrase = start..k;
        // Name part: after "from/for/of" when the head is a source noun.
        let name = (start..k)
            .find(|&x| {
                lex.subject_links.contains(self.lower(x))
                    && x > start
                    && lex.source_nouns.contains(self.lower(x - 1))
            })
            .map_or(phrase.clone(), |x| x + 1..k);
        Some((phrase, name))
    }

    /// The end of a date or time phrase opening a clause at `lo`, a preposition and up to
    /// four words each a weekday, a month, a number, a time word or noun or a determiner
    /// (`On Monday`, `in early June`, `at 3 p.m.`), with one that names a time.
    fn date_phrase_end(&self, lo: usize, hi: usize) -> Option<usize> {
        let lex = lexicon();
        let timed = |k: usize| {
            let w = self.lower(k);
            self.weekday(k).is_some()
                || crate::date::MONTH_NAMES.contains(&w)
                || w.starts_with(|c: char| c.is_ascii_digit())
                || lex.time_words.contains(w)
                || lex.time_nouns.contains(w)
        };
        let mut k = lo + 1;
        let mut end = None;
        while k < hi && k - lo <= 4 && self.is_word(k) {
            let w = self.lower(k);
            if timed(k) {
                end = Some(k + 1);
            } else if !(lex.determiners.contains(w) || lex.date_modifiers.contains(w)) {
                break;
            }
            k += 1;
        }
        end.filter(|&e| e < hi && self.is_word(e))
    }

    /// The end of the lowercase head after a subject's determiner (`The newspaper attacked`,
    /// `the state agency said`): up to three words that are no function words or cues, up to
    /// one that reads as a verb (a cue, or a word in `-ed`), a comma or the limit `hi`;
    /// without one, the first word.
    fn common_noun_end(&self, k: usize, hi: usize) -> usize {
        let plain = |x: usize| {
            x < hi
                && self.is_word(x)
                && !self.is_cap(x)
                && !super::mentions::is_name_glue(self.lower(x))
                && self.cue_at(x, hi).is_none()
        };
        let mut e = k;
        while e - k < 3 && plain(e) && !(e > k && self.lower(e).ends_with("ed")) {
            e += 1;
        }
        // "One longtime volunteer, noting ...": a comma or the limit closes the phrase.
        let verb = e > k
            && (e == hi
                || self.is_punct(e, ",")
                || (self.is_word(e)
                    && (self.cue_at(e, hi).is_some() || self.lower(e).ends_with("ed"))));
        match (verb, plain(k)) {
            (true, _) => e,
            (false, true) => k + 1,
            (false, false) => k,
        }
    }
}
