//! Speaker phrases: the phrase naming who speaks, read backwards from a cue (`Smith, a doctor
//! at X, said`) or forwards after an inverted cue (`said one former aide`); a clause's own
//! subject, when no such phrase is found, is read in `subjects.rs`.

use super::lexicon::{lexicon, CueClass};
use super::tokens::Para;
use std::ops::Range;

/// Most tokens an appositive between a speaker and the cue may have.
pub(super) const MAX_APPOSITIVE: usize = 48;

/// A speaker phrase found: the phrase, its name part, and the weekday token read with it.
pub(super) type Phrase = (Range<usize>, Range<usize>, Option<usize>);

/// Most words a speaker phrase may have.
pub(super) const MAX_SPEAKER_WORDS: usize = 12;

impl<'a> Para<'a> {
    /// Is token `i` a word that may stand in a speaker phrase?
    pub(super) fn np_word(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let w = self.lower(i);
        self.is_cap(i)
            || crate::speakers::is_title_word(w)
            || lexicon().source_nouns.contains(w)
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
    }

    /// The speaker phrase ending just before token `end` (exclusive), reading backwards over
    /// time words and auxiliaries first. Returns (phrase, name part, weekday token).
    pub(super) fn speaker_before(&self, lo: usize, end: usize, object_ok: bool) -> Option<Phrase> {
        let lex = lexicon();
        let mut j = end;
        let mut date_tok = None;
        while j > lo && self.is_word(j - 1) {
            let w = self.lower(j - 1);
            if let Some(d) = self.weekday(j - 1) {
                date_tok = Some(d);
            } else {
                // time words, and adverbs ("Carter however said", "he flatly denied")
                let adverb = w.ends_with("ly") && !self.is_cap(j - 1);
                if !adverb && !lex.time_words.contains(w) {
                    break;
                }
            }
            j -= 1;
        }
        if j == lo {
            return None;
        }
        if let Some(found) = self.speaker_before_dashes(lo, j, object_ok, date_tok) {
            return Some(found);
        }
        // "Smith, a doctor at X, said" / "Sen. Smith (R-Ky.) said": the phrase before the
        // appositive or parenthesis names the speaker; the phrase runs to the appositive's end.
        // The opening comma is the nearest one before which a speaker phrase starts the clause
        // ("Geoff Garin, a pollster who works with Priorities USA, a super PAC, said").
        if self.is_punct(j - 1, ",)") && j - 1 > lo {
            let floor = (j - 1).saturating_sub(MAX_APPOSITIVE).max(lo + 1);
            let mut found = None;
            // The nearest opening with no speaker phrase before it that opens the clause.
            let mut unnamed = None;
            for open in (floor..j - 1).rev() {
                // "from Jackson, Miss., attending", "the No. 2 Republican": an abbreviation's
                // period ends nothing.
                // Nor does one closing a parenthesis ("Sen. Rand Paul (R-Ky.) said").
                let abbreviation = open > lo
                    && (self.is_abbreviation_period(open)
                        || (self.is_punct(open, ".")
                            && self.is_word(open - 1)
                            && self.is_punct(open + 1, ")")));
                if self.is_punct(open, ".;:!?") && !abbreviation {
                    break;
                }
                if !self.is_punct(open, ",(") {
                    continue;
                }
                // "Rep. Bobby Scott (D-Va.), a member of X, said": skip the parenthesis.
                let mut stop = open;
                if self.is_punct(stop - 1, ")") {
                    match self.parenthesis_before(lo, stop) {
                        Some(k) => stop = k,
                        None => continue,
                    }
                }
                // "James Comey Jr., the director, said": a name may end in a suffix's period.
                if stop > lo + 1
                    && self.is_abbreviation_period(stop - 1)
                    && lex.name_suffixes.contains(self.lower(stop - 2))
                {
                    stop -= 1;
                }
                if stop <= lo || !self.is_word(stop - 1) {
                    continue;
                }
                // "The plant is hanging on, but it is under pressure, said X": a clause of its
                // own (a finite verb outside a relative clause) is no appositive.
                if self.clause_in_appositive(open + 1..j - 1) {
                    break;
                }
                let phrase = self.speaker_phrase(lo, stop, object_ok, date_tok);
                let Some((sp, name, _)) = phrase.filter(|(sp, ..)| self.opens_clause(sp.start, lo))
                else {
                    unnamed = unnamed.or(Some((stop, open)));
                    continue;
                };
                {
                    // "Scott Pruitt, the attorney general of Oklahoma, one of ..., said": a
                    // description may itself be an appositive of a name before it.
                    let named = name.clone().all(|k| self.is_cap(k));
                    // "A spokeswoman for the council, Ellen Hart, said": a name in apposition
                    // to a description names the speaker.
                    let apposed = open + 1..j - 1;
                    if !named && found.is_none() && self.is_full_name(apposed.clone()) {
                        return Some((sp.start..j, apposed, date_tok));
                    }
                    if named || found.is_some() {
                        return Some((sp.start..j, name, date_tok));
                    }
                    found = Some((sp.start..j, name, date_tok));
                }
            }
            // "A third of independents, 33%, say", "Proponents of the bill, however, say": the
            // clause's own words before the appositive when they are a plain noun phrase (`Cruz
            // lacks support from his colleagues, whom ..., said X` is a clause of its own).
            // A full name in apposition names the speaker (`One of the founders, Mary Holt,`).
            let subject = || {
                let (stop, open) = unnamed?;
                let (sp, name) = self.clause_subject(lo, stop)?;
                let apposed = open + 1..j - 1;
                let name = if self.is_full_name(apposed.clone()) {
                    apposed
                } else {
                    name
                };
                (self.opens_clause(sp.start, lo) && sp.clone().all(|k| self.noun_phrase_word(k)))
                    .then_some((sp.start..j, name, date_tok))
            };
            return found
                .or_else(|| self.name_before_parenthesis(lo, j, object_ok, date_tok))
                .or_else(subject);
        }
        self.speaker_phrase(lo, j, object_ok, date_tok)
    }

    /// Whether the words `r` between a speaker phrase and its cue hold a clause of their own:
    /// a finite verb with no relative word (`who`, `which`, `that`, `whose`...) before it.
    fn clause_in_appositive(&self, r: Range<usize>) -> bool {
        let lex = lexicon();
        for k in r {
            if !self.is_word(k) {
                continue;
            }
            let w = self.lower(k);
            if lex.relatives.contains(w) || lex.complementizers.contains(w) || w.starts_with("wh") {
                return false;
            }
            if lex.finite_verbs.contains(w) {
                return true;
            }
        }
        false
    }

    /// Does the word at `i` follow a preposition (a determiner between), after `lo`, and
    /// not one that links a source noun to the name it speaks for (`a spokesman for X`)?
    pub(super) fn after_object_preposition(&self, i: usize, lo: usize) -> bool {
        let lex = lexicon();
        self.preposition_before(i, lo).is_some_and(|p| {
            !(p > lo
                && lex.source_links.contains(self.lower(p))
                && lex.source_nouns.contains(self.lower(p - 1)))
        })
    }

    /// Does a speaker phrase starting at token `start` open its clause: nothing but
    /// punctuation or a conjunction before it, from `lo`?
    pub(super) fn opens_clause(&self, start: usize, lo: usize) -> bool {
        let lex = lexicon();
        start
            .checked_sub(1)
            .filter(|&b| b >= lo)
            .is_none_or(|b| !self.is_word(b) || lex.coordinators.contains(self.lower(b)))
    }

    /// Do tokens `r` spell a person's name in full: two to five capitalised words (a title's
    /// abbreviation may keep its period), no function or time word among them?
    pub(super) fn is_full_name(&self, r: Range<usize>) -> bool {
        let words = r.clone().filter(|&i| self.is_word(i)).count();
        (2..=5).contains(&words)
            && self.is_word(r.end - 1)
            && r.clone().all(|i| {
                if self.is_word(i) {
                    self.is_cap(i) && !super::mentions::is_name_glue(self.lower(i))
                } else {
                    self.is_punct(i, ".") && i > r.start && self.is_word(i - 1)
                }
            })
    }

    /// The speaker phrase ending at `stop` (exclusive), after time words were skipped.
    pub(super) fn speaker_phrase(
        &self,
        lo: usize,
        stop: usize,
        object_ok: bool,
        date_tok: Option<usize>,
    ) -> Option<Phrase> {
        let lex = lexicon();
        // "praised the bill and stressed": a conjunction before the cue joins a second verb.
        if lex.coordinators.contains(self.lower(stop - 1)) {
            return None;
        }
        // A pronoun right before the cue is the whole phrase.
        let w = self.lower(stop - 1);
        if lex.pronouns.contains_key(w) && self.is_word(stop - 1) {
            return Some((stop - 1..stop, stop - 1..stop, date_tok));
        }
        // "Several said", "and others say": a quantifier standing alone opening the clause.
        let clause_start = stop - 1 == lo
            || !self.is_word(stop - 2)
            || lex.coordinators.contains(self.lower(stop - 2));
        if self.is_word(stop - 1) && clause_start && lex.standalone_quantifiers.contains(w) {
            return Some((stop - 1..stop, stop - 1..stop, date_tok));
        }
        let mut k = stop;
        let mut lowercase_run = 0;
        while k > lo && stop - k < MAX_SPEAKER_WORDS {
            let i = k - 1;
            let w = self.lower(i);
            // "said that Clinton once described", "noted that most voters said": "that"
            // before a name, a determiner, a quantifier or a number opens a clause.
            let opens_np = |k: usize| {
                let n = self.lower(k);
                self.is_cap(k)
                    || lex.determiners.contains(n)
                    || lex.quantifiers.contains(n)
                    || lex.number_words.contains(n)
                    || n.starts_with(|c: char| c.is_ascii_digit())
            };
            if w == "that" && k < stop && opens_np(k) {
                break;
            }
            if lex.determiners.contains(w) {
                k = i;
                break;
            }
            let joins = lex.name_joins.contains(w)
                && k < stop
                && self.is_cap(k)
                && i > lo
                && self.np_word(i - 1);
            // "While Smith said": a capital clause opener starts the clause, not the name.
            if self.is_cap(i) && lex.clause_openers.contains(w) {
                break;
            }
            if self.np_word(i) || joins {
                k = i;
                continue;
            }
            // A plural common noun or a short lowercase noun phrase ("officials", "the ministry")
            // (`the people that the mayor fired said`: a verb before the cue is no head noun.)
            if self.is_word(i)
                && !lex.prepositions.contains(w)
                && lowercase_run < 3
                && k == stop
                && !self.verb_like(i)
                && w.len() > 2
                && !w.ends_with("ly")
            {
                let det_before = (i.saturating_sub(3)..i)
                    .rev()
                    .take_while(|&x| x >= lo && self.is_word(x))
                    .any(|x| {
                        let w = self.lower(x);
                        lex.determiners.contains(w) || lex.quantifiers.contains(w)
                    });
                if det_before || (w.ends_with('s') && !w.ends_with("ss")) {
                    lowercase_run += 1;
                    k = i;
                    continue;
                }
            }
            if self.is_word(i)
                && lowercase_run > 0
                && lowercase_run < 3
                && !lex.prepositions.contains(w)
                && !lex.passive_auxiliaries.contains(w)
            {
                lowercase_run += 1;
                k = i;
                continue;
            }
            // "a former official", ", senior administration officials said": lowercase
            // modifiers before the head, back to a determiner or the clause's opening.
            if k < stop && lowercase_run == 0 {
                if let Some(m) = self.modifiers_start(lo, k) {
                    k = m;
                    break;
                }
            }
            // "Obama's former campaign strategist": an adjective between a possessive name
            // and a title.
            let possessive_before =
                i > lo && self.is_cap(i - 1) && self.lower(i - 1).ends_with("'s");
            if self.is_word(i)
                && !self.is_cap(i)
                && k < stop
                && crate::speakers::is_title_word(self.lower(k))
                && possessive_before
                && !lex.prepositions.contains(w)
            {
                k = i - 1;
            }
            break;
        }
        // "But Sanders told": a sentence-initial conjunction is not part of the phrase.
        while k < stop && lex.coordinators.contains(self.lower(k)) {
            k += 1;
        }
        // A phrase of function words only ("That said", "When asked", "As reported") names
        // no one.
        let function_word = |i: usize| {
            let w = self.lower(i);
            lex.determiners.contains(w)
                || lex.prepositions.contains(w)
                || lex.subordinators.contains(w)
        };
        if k == stop || (k..stop).all(function_word) {
            return None;
        }
        // Leading lowercase words must end at a determiner or the start (no verbs before nouns).
        if !self.is_cap(k)
            && !lex.determiners.contains(self.lower(k))
            && !(k..stop).all(|i| self.np_word(i))
        {
            let boundary = k == lo || !self.is_word(k - 1);
            if !boundary {
                return None;
            }
        }
        // "a statement from the White House": the phrase is the whole, the name is X (not a
        // year or number: `a letter from 1998`).
        let numeric = (k..stop).all(|i| self.lower(i).starts_with(|c: char| c.is_ascii_digit()));
        if k > lo + 1
            && !numeric
            && self.is_word(k - 1)
            && lex.source_links.contains(self.lower(k - 1))
        {
            let mut h = k - 1;
            let noun = h
                .checked_sub(1)
                .filter(|&n| n >= lo && lex.source_nouns.contains(self.lower(n)));
            if let Some(n) = noun {
                h = n;
                while h > lo
                    && self.is_word(h - 1)
                    && (self.np_word(h - 1)
                        || lex.determiners.contains(self.lower(h - 1))
                        || self.lower(h - 1) == "a")
                {
                    h -= 1;
                    if lex.determiners.contains(self.lower(h)) {
                        break;
                    }
                }
                return Some((h..stop, k..stop, date_tok));
            }
        }
        // After a preposition the phrase is an object, not a subject.
        if !object_ok
            && k > lo
            && self.is_word(k - 1)
            && lex.prepositions.contains(self.lower(k - 1))
        {
            return None;
        }
        if k > lo && self.is_word(k - 1) && lex.passive_auxiliaries.contains(self.lower(k - 1)) {
            return None;
        }
        Some((k..stop, k..stop, date_tok))
    }

    /// Where the modifiers before a speaker phrase's head at `head` start (`a former
    /// official`, `a Cairo airport official`): at most four words, names or lowercase words
    /// that are no function word or verb, after a determiner or quantifier (which is taken
    /// too) or at the clause's opening (after `lo`, a comma or dash, or a conjunction; not
    /// after a quotation: `The "open door" policy Smith cited`). None otherwise.
    fn modifiers_start(&self, lo: usize, head: usize) -> Option<usize> {
        let lex = lexicon();
        let say_verb = |i: usize| {
            i > lo
                && self.is_word(i - 1)
                && matches!(
                    self.cue_at(i, head),
                    Some((_, CueClass::Say | CueClass::Clause | CueClass::Tell))
                )
        };
        let modifier = |i: usize| {
            let w = self.lower(i);
            self.is_word(i)
                && !self.is_cap(i)
                && !lex.determiners.contains(w)
                && !lex.quantifiers.contains(w)
                && !lex.prepositions.contains(w)
                && !lex.coordinators.contains(w)
                && !lex.subordinators.contains(w)
                && !lex.relatives.contains(w)
                && !lex.complementizers.contains(w)
                && !lex.pronouns.contains_key(w)
                && !lex.passive_auxiliaries.contains(w)
                && !lex.finite_verbs.contains(w)
                && !lex.time_words.contains(w)
                && !lex.negators.contains(w)
                // "a claim Reed rejected": a noun for words heads a clause of its own.
                && !lex.noun_cues.contains(w)
                && !lex.clause_appositives.contains(w)
                // "He said Lindqvist warned": a say-cue after a word is the verb of the clause
                // before (an inverted one opening the phrase, `, said Ana Ruiz`, stays in it),
                // and the phrase opens after it.
                && !say_verb(i)
        };
        let mut m = head;
        while m > lo && head - m < 4 && (modifier(m - 1) || self.np_word(m - 1)) {
            m -= 1;
        }
        let opens = |b: usize| {
            b == lo
                || self.is_punct(b - 1, ",;:(\u{2014}\u{2013}-")
                || (self.is_quote(b - 1) && self.quote_closes_clause(b - 1))
                || (self.is_word(b - 1) && lex.coordinators.contains(self.lower(b - 1)))
                || say_verb(b - 1)
        };
        if m > lo && self.is_word(m - 1) {
            let w = self.lower(m - 1);
            if lex.determiners.contains(w) || lex.quantifiers.contains(w) {
                return opens(m - 1).then_some(m - 1);
            }
        }
        // "a spokesman for committee Democrats": the source noun before is read by the caller.
        let sourced = m > lo + 1
            && self.is_word(m - 1)
            && lex.source_links.contains(self.lower(m - 1))
            && lex.source_nouns.contains(self.lower(m - 2));
        (m < head && (opens(m) || sourced)).then_some(m)
    }

    /// A speaker phrase reading forwards from `from`, up to punctuation, a quotation or a word
    /// that opens an adjunct (`in an interview`, `who added`). It must hold a name, title or
    /// source noun (`one former GOP aide`), or open with a determiner or pronoun.
    pub(super) fn speaker_after(&self, from: usize, hi: usize) -> Option<Range<usize>> {
        let lex = lexicon();
        let mut k = from;
        while k < hi
            && self.is_word(k)
            && k - from < MAX_SPEAKER_WORDS
            && (k == from || !lex.phrase_breaks.contains(self.lower(k)))
        {
            k += 1;
        }
        // "said oil and gas worker Sam Miller": a conjunction inside a descriptive phrase
        // that ends in a name before the punctuation.
        if k < hi && self.is_word(k) && lex.coordinators.contains(self.lower(k)) {
            let mut e = k + 1;
            while e < hi && self.is_word(e) && e - from < MAX_SPEAKER_WORDS {
                e += 1;
            }
            let ends = e >= hi || !self.is_word(e);
            if ends
                && e > k + 1
                && self.is_cap(e - 1)
                && (k + 1..e).all(|i| self.cue_at(i, e).is_none())
            {
                k = e;
            }
        }
        let r = from..k;
        if r.is_empty() {
            return None;
        }
        let w = self.lower(from);
        let opens = lex.determiners.contains(w)
            || lex.quantifiers.contains(w)
            || lex.pronouns.contains_key(w);
        // "..., said the plan will work", "said he had doubts": a finite verb, or a subject
        // pronoun with words after it, makes the phrase a clause (the cue's content).
        let clause = r.clone().any(|i| {
            !self.is_cap(i)
                && (lex.finite_verbs.contains(self.lower(i))
                    || (self.lower(i).contains('\'')
                        && lex.progressive_auxiliaries.contains(self.lower(i))))
        }) || (r.len() > 1 && lex.pronouns.contains_key(w));
        let blocked =
            clause || lex.prepositions.contains(w) || lex.phrase_breaks.contains(w) || w == "to";
        (!blocked && (opens || r.clone().any(|i| self.np_word(i)))).then_some(r)
    }

    /// The conjunction joining the verb at `end` to an earlier one (`and stressed`, `but also
    /// said`), skipping adverbs and time words between them.
    pub(super) fn coordinator_before(&self, lo: usize, end: usize) -> Option<usize> {
        let lex = lexicon();
        let mut k = end;
        while k > lo
            && self.is_word(k - 1)
            && (lex.time_words.contains(self.lower(k - 1))
                || (self.lower(k - 1).ends_with("ly") && !self.is_cap(k - 1)))
        {
            k -= 1;
        }
        (k > lo && self.is_word(k - 1) && lex.coordinators.contains(self.lower(k - 1)))
            .then(|| k - 1)
    }
}
