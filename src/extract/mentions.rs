//! The people a sentence names, as the speaker resolver needs them: runs of capitalised words
//! outside quotations, cut at punctuation, without the sentence-opening, date and function
//! words that stick to a name (`In a message posted Friday, Cruz said` names `Cruz`, not
//! `Friday Cruz`), with a role written before or after the name (`Republican presidential
//! nominee Donald Trump`, `Henry Crespo, president of ...`) and whether the name is the
//! sentence's subject.

use super::lexicon::{lexicon, Referent, WEEKDAYS};
use super::tokens::Para;
use crate::speakers::is_title_word;
use std::ops::Range;

/// Most words of an appositive read for a role (`Jane Roe, a senior adviser to the mayor,`).
const MAX_APPOSITIVE_WORDS: usize = 8;

/// A name in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The name as written, role words and a possessive `'s` removed.
    pub name: String,
    /// Role words written with it, if any.
    pub role: Option<String>,
    /// Byte offset of its first word.
    pub tok: usize,
    /// The sentence's subject (`Trump took offense ...`).
    pub subject: bool,
    /// A subject pronoun (`She started off by ...`) or definite description (`The senator
    /// was ...`): the name is the words as written.
    pub pronoun: bool,
    /// Written with a possessive `'s` (`Trump's microphone`).
    pub possessive: bool,
    /// The sentence's first word (capitalised whatever it is).
    pub opening: bool,
    /// The object of a preposition (`in Chicago`, `at the Pentagon`): a place or a thing
    /// talked about more often than an actor a later `it` means.
    pub object: bool,
}

/// Whether a word (lower case) sticks to a name without being part of it: a function word, a
/// time word, a weekday or a month.
pub(super) fn is_name_glue(w: &str) -> bool {
    let lex = lexicon();
    lex.determiners.contains(w)
        || lex.prepositions.contains(w)
        || lex.subordinators.contains(w)
        || lex.coordinators.contains(w)
        || lex.time_words.contains(w)
        || lex.pronouns.contains_key(w)
        || lex.not_name_words.contains(w)
        || WEEKDAYS.contains(&w)
        || crate::date::MONTH_NAMES.contains(&w)
}

/// A party or nationality word before a full name (`Republican Donald Trump`, `Democrat
/// Hillary Clinton`, `Universe Alicia Machado`): the first of three or more words when it
/// is no first name and reads as an adjective or the next word is a first name.
pub(super) fn leading_modifier<S: AsRef<str>>(words: &[S]) -> Option<&str> {
    if words.len() < 3 {
        return None;
    }
    let w = words[0].as_ref();
    // ("One in four voters": a name follows, capitalised.)
    if !words[1..]
        .iter()
        .all(|n| n.as_ref().starts_with(char::is_uppercase))
    {
        return None;
    }
    let lower = w.to_lowercase();
    let adjective = ["an", "ic", "ish", "ese", "i"]
        .iter()
        .any(|e| lower.ends_with(e))
        || crate::speakers::is_first_name(words[1].as_ref());
    (adjective && !crate::speakers::is_first_name(&lower)).then_some(w)
}

impl<'a> Para<'a> {
    /// The names in sentence `r`, in order, with the subject pronoun that opens it, if any;
    /// and the byte offsets of its punctuation (where its clauses may end).
    pub(super) fn person_runs(&self, r: Range<usize>) -> (Vec<Run>, Vec<usize>) {
        let lex = lexicon();
        let cuts: Vec<usize> = r
            .clone()
            .filter(|&i| !self.is_word(i))
            .map(|i| self.toks[i].start)
            .collect();
        let mut out = Vec::new();
        // The first word after sentence-opening glue (`Then she shattered ...`).
        let mut first = r.start;
        while first < r.end && self.is_word(first) && is_name_glue(self.lower(first)) {
            if matches!(lex.pronouns.get(self.lower(first)), Some(Referent::Person)) {
                break;
            }
            first += 1;
        }
        if self.is_word(first)
            && matches!(lex.pronouns.get(self.lower(first)), Some(Referent::Person))
        {
            out.push(Run {
                name: self.s(first).to_string(),
                role: None,
                tok: self.toks[first].start,
                subject: true,
                pronoun: true,
                possessive: false,
                opening: false,
                object: false,
            });
        }
        // A definite description opening the sentence as its subject (`The Indiana governor
        // was speaking ...`): resolved like a subject pronoun.
        if out.is_empty() {
            if let Some(run) = self.lead_description(r.clone()) {
                out.push(run);
            }
        }
        // A sentence opening with a subordinate clause or a phrase (`While Obama had ...,`,
        // `During a town hall,`) has its subject after the comma.
        let w0 = self.lower(r.start);
        let opens_clause = lex.subordinators.contains(w0) || lex.prepositions.contains(w0);
        let mut k = r.start;
        while k < r.end {
            if !self.is_cap(k) {
                k += 1;
                continue;
            }
            let mut e = k;
            while e < r.end
                && (self.is_cap(e)
                    || (self.lower(e) == "of" && e + 1 < r.end && self.is_cap(e + 1) && e > k))
            {
                e += 1;
            }
            let (mut s, mut t) = (k, e);
            while s < t && is_name_glue(self.lower(s)) {
                s += 1;
            }
            while t > s && is_name_glue(self.lower(t - 1)) {
                t -= 1;
            }
            if s < t {
                let mut run = self.run(s..t, r.start);
                let possessive = self.lower(t - 1).ends_with("'s");
                // The subject: at the start (after glue) of a sentence that opens with its
                // main clause, or after a comma and before a verb or an appositive's comma.
                let at_start = s == first && !opens_clause;
                // (a determiner between: `, the Association of ... called`)
                let mut b = k;
                while b > r.start && lex.determiners.contains(self.lower(b - 1)) {
                    b -= 1;
                }
                let after_comma = b > r.start
                    && self.is_punct(b - 1, ",")
                    && (self.is_punct(t, ",") || (self.is_word(t) && !self.is_cap(t)));
                run.subject = !possessive && (at_start || after_comma);
                run.possessive = possessive;
                run.object = self.after_preposition(s, r.start);
                run.opening = s == r.start;
                out.push(run);
            }
            k = e.max(k + 1);
        }
        (out, cuts)
    }

    /// The names a title-case headline gives away: a first name (`data/first_names.txt`)
    /// and the capitalised word after it, with a middle initial between (`Hillary Clinton
    /// Goes After Donald Trump` names `Hillary Clinton` and `Donald Trump`).
    pub(super) fn headline_names(&self, r: Range<usize>) -> Vec<Run> {
        let mut out = Vec::new();
        let mut k = r.start;
        while k + 1 < r.end {
            let name_word = |i: usize| {
                self.is_cap(i) && !is_name_glue(self.lower(i)) && !is_title_word(self.lower(i))
            };
            if !(name_word(k) && crate::speakers::is_first_name(self.lower(k))) {
                k += 1;
                continue;
            }
            let mut e = k + 1;
            if self.s(e).ends_with('.') && self.s(e).len() <= 2 && e + 1 < r.end {
                e += 1;
            }
            // "Clinton Says ...": a cue word is no surname.
            if !name_word(e) || lexicon().cues.contains_key(self.lower(e)) {
                k += 1;
                continue;
            }
            let mut run = self.run(k..e + 1, r.start);
            run.name = run.name.trim_end_matches(['.', ',']).to_string();
            out.push(run);
            k = e + 1;
        }
        out
    }

    /// A description of a person opening sentence `r` as its subject: `The`, up to four
    /// modifiers and a lowercase title word (`nominee`, `businessman`), then a lowercase word
    /// that is no title, no preposition and no name (the verb).
    fn lead_description(&self, r: Range<usize>) -> Option<Run> {
        let lex = lexicon();
        if !matches!(self.lower(r.start), "the" | "this" | "that") {
            return None;
        }
        let head = (r.start + 1..r.end.min(r.start + 6))
            .take_while(|&i| self.is_word(i))
            .find(|&i| !self.is_cap(i) && is_title_word(self.lower(i)))?;
        let next = head + 1;
        let verb = next < r.end
            && self.is_word(next)
            && !self.is_cap(next)
            && !is_title_word(self.lower(next))
            && !lex.prepositions.contains(self.lower(next))
            && !lex.institution_nouns.contains_key(self.lower(head))
            && !self.lower(head).ends_with('s');
        verb.then(|| Run {
            name: self.text[self.toks[r.start].start..self.toks[head].end].to_string(),
            role: None,
            tok: self.toks[r.start].start,
            subject: true,
            pronoun: true,
            possessive: false,
            opening: false,
            object: false,
        })
    }

    /// Whether the word at `i` follows a preposition, a determiner between (`at the Pentagon`).
    fn after_preposition(&self, i: usize, lo: usize) -> bool {
        self.preposition_before(i, lo).is_some()
    }

    /// The preposition the word at `i` follows, a determiner between, after `lo`.
    pub(super) fn preposition_before(&self, i: usize, lo: usize) -> Option<usize> {
        let lex = lexicon();
        let mut j = i;
        while j > lo && self.is_word(j - 1) && lex.determiners.contains(self.lower(j - 1)) {
            j -= 1;
        }
        (j > lo && self.is_word(j - 1) && lex.prepositions.contains(self.lower(j - 1)))
            .then(|| j - 1)
    }

    /// The run of name words `n`, with its role (the caller sets the subject flag).
    fn run(&self, n: Range<usize>, lo: usize) -> Run {
        let mut words: Vec<String> = n.clone().map(|i| self.s(i).to_string()).collect();
        if let Some(last) = words.last_mut() {
            for tail in ["'s", "\u{2019}s"] {
                if let Some(stem) = last.strip_suffix(tail) {
                    *last = stem.to_string();
                    break;
                }
            }
        }
        // Role words before the name: titles, with one lowercase modifier before a title
        // (`Democratic presidential nominee`).
        let mut b = n.start;
        while b > lo && self.is_word(b - 1) {
            let w = self.lower(b - 1);
            let title = is_title_word(w);
            let modifier = !title
                && b < n.start
                && is_title_word(self.lower(b))
                && !lexicon().determiners.contains(w)
                && !is_name_glue(w);
            if !(title || modifier) {
                break;
            }
            b -= 1;
        }
        let mut role: Vec<String> = (b..n.start).map(|i| self.s(i).to_string()).collect();
        // An appositive holding a title: `Henry Crespo, president of the caucus,`.
        if self.is_punct(n.end, ",") {
            let mut e = n.end + 1;
            while e < self.toks.len() && self.is_word(e) && e - n.end <= MAX_APPOSITIVE_WORDS {
                e += 1;
            }
            let titled = (n.end + 1..e).any(|i| !self.is_cap(i) && is_title_word(self.lower(i)));
            let opens =
                self.is_word(n.end + 1) && !lexicon().relatives.contains(self.lower(n.end + 1));
            if titled && opens {
                role.extend((n.end + 1..e).map(|i| self.s(i).to_string()));
            }
        }
        // A description in apposition before the name, from a determiner at the clause's
        // start: `A spokeswoman for the council, Ellen Hart,`.
        if role.is_empty() && n.start > lo + 1 && self.is_punct(n.start - 1, ",") {
            let comma = n.start - 1;
            let mut b = comma;
            while b > lo && self.is_word(b - 1) && comma - b < MAX_APPOSITIVE_WORDS {
                b -= 1;
            }
            let opens = (b == lo || !self.is_word(b - 1))
                && self.is_word(b)
                && ["a", "an", "the"].contains(&self.lower(b));
            let titled = (b..comma).any(|i| !self.is_cap(i) && is_title_word(self.lower(i)));
            if opens && titled {
                role.extend((b..comma).map(|i| self.s(i).to_string()));
            }
        }
        if let Some(m) = leading_modifier(&words) {
            role.push(m.to_string());
            words.remove(0);
        }
        let text = words.join(" ");
        let (inner_role, mut name) = crate::speakers::split_role(&text);
        role.extend(inner_role);
        // "Miss Universe Alicia Machado": a modifier after the title.
        let name_words: Vec<&str> = name.split_whitespace().collect();
        if let Some(m) = leading_modifier(&name_words) {
            role.push(m.to_string());
            name = name_words[1..].join(" ");
        }
        Run {
            name,
            role: (!role.is_empty()).then(|| role.join(" ")),
            tok: self.toks[n.start].start,
            subject: false,
            pronoun: false,
            possessive: false,
            opening: false,
            object: false,
        }
    }
}
