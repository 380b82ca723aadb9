//! The institutions an article names (`PolitiFact`, `the Tampa Bay Times`, `Peabody Energy`),
//! kept beside its people: they are what an `it` or a `they` speaker means, what a short form
//! (`the Times`, `Peabody`) stands for and whom a description (`the union`, `the
//! conservative-leaning newspaper`) refers to.

use super::{is_cap, Resolver, MAX_BACK, MAX_ENTITIES};
use crate::extract::lexicon::lexicon;
use crate::extract::mentions::Run;
use crate::speakers::is_first_name;

/// An institution named in a sentence.
#[derive(Debug, Clone)]
pub(super) struct OrgMention {
    pub(super) name: String,
    /// Byte offset of its first word.
    pub(super) tok: usize,
    /// A statement's speaker or the sentence's subject: an antecedent a pronoun several
    /// sentences on may still mean.
    pub(super) strong: bool,
    /// Surely an institution's name (`named_institution`).
    pub(super) named: bool,
}

/// Whether a run of capitalised words that names no person reads as an institution: several
/// words, an acronym, or one word that is no first name, no function word, no adverb or
/// participle (`Conversely`, `According`) and, when it opens the sentence, an acronym.
fn institution_like(run: &Run) -> bool {
    let words: Vec<&str> = run.name.split_whitespace().collect();
    match words.as_slice() {
        [] => false,
        [w] => {
            let folded = crate::article::fold_word(w);
            // (a word of capitals longer than an acronym is a label: `LETTERS`)
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let acronym = is_acronym(w) && letters <= 5;
            is_cap(w)
                && (acronym || !run.opening)
                && !["ly", "ing", "ed"].iter().any(|e| folded.ends_with(e))
                && letters >= 2
                && !is_first_name(&folded)
                && !crate::extract::mentions::is_name_glue(&folded)
                && !crate::speakers::is_title_word(&folded)
        }
        _ => words
            .iter()
            .all(|w| is_cap(w) || lexicon().prepositions.contains(*w)),
    }
}

/// Whether a word is an acronym: two letters or more, none of them lower case (`FBI`, `NATO`).
pub(super) fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// Whether a name is surely an institution's: it holds an institution's word (`Press`,
/// `Energy`) or is an acronym (`FBI`), where a one-word name may be a place (`Atlanta`).
fn named_institution(name: &str) -> bool {
    let lex = lexicon();
    let words: Vec<&str> = name.split_whitespace().collect();
    words.iter().any(|w| {
        lex.institution_words
            .contains(crate::article::fold_word(w).as_str())
    }) || matches!(words.as_slice(), [w] if is_acronym(w))
}

impl Resolver {
    /// Takes in the institutions among a sentence's runs (`person` tells which runs named a
    /// person or a place): each becomes a candidate for a later `it`, and a name of several words the
    /// full form of its short forms.
    pub(super) fn note_institutions(&mut self, runs: &[Run], person: &[bool]) {
        for (r, &is_person) in runs.iter().zip(person) {
            if is_person || r.pronoun || r.possessive || !institution_like(r) {
                continue;
            }
            let name = self
                .full_institution(&r.name)
                .unwrap_or_else(|| r.name.clone());
            // Only a name with an institution's word (`Press`, `Energy`) is the full form
            // of a short one: a long run may hold a person's name.
            if named_institution(&name) {
                self.remember_institution(&name);
            }
            if r.subject || !r.object {
                self.current_orgs.push(OrgMention {
                    named: named_institution(&name),
                    name,
                    tok: r.tok,
                    strong: r.subject,
                });
            }
        }
    }

    /// Remembers the name of an institution (several words) for its short forms.
    pub(super) fn remember_institution(&mut self, name: &str) {
        let words: Vec<String> = name
            .split_whitespace()
            .map(crate::article::fold_word)
            .collect();
        if words.len() < 2 || self.org_names.iter().any(|n| n.0 == name) {
            return;
        }
        if self.org_names.len() >= MAX_ENTITIES {
            self.org_names.remove(0);
        }
        let (first, last) = (words[0].clone(), words[words.len() - 1].clone());
        self.org_names.push((name.to_string(), first, last));
    }

    /// The full name a one-word short form stands for: the latest institution named in
    /// several words whose first or last word it is (`Times` for `Tampa Bay Times`, `Peabody`
    /// for `Peabody Energy`).
    pub(super) fn full_institution(&self, word: &str) -> Option<String> {
        if word.split_whitespace().count() != 1 {
            return None;
        }
        let key = crate::article::fold_word(word);
        // "the IMF" after "the International Monetary Fund": an acronym spelling the
        // initials of the name's capitalised words.
        let spells = |name: &str| {
            is_acronym(word)
                && name
                    .split_whitespace()
                    .filter(|w| w.starts_with(char::is_uppercase))
                    .filter_map(|w| w.chars().next())
                    .eq(word.chars().filter(|c| c.is_alphabetic()))
        };
        self.org_names
            .iter()
            .rev()
            .find(|(name, first, last)| *first == key || *last == key || spells(name))
            .map(|(name, ..)| name.clone())
    }

    /// The institutions of the sentence being closed, most salient first, as an entry of
    /// the history `it` looks back through.
    pub(super) fn close_institutions(&mut self) {
        let mut entry: Vec<OrgMention> = std::mem::take(&mut self.current_org_speakers);
        let (strong, weak): (Vec<OrgMention>, Vec<OrgMention>) =
            self.current_orgs.drain(..).partition(|o| o.strong);
        // The others in the order written: a sentence's topic tends to come first.
        entry.extend(strong);
        entry.extend(weak);
        if self.org_history.len() >= MAX_BACK {
            self.org_history.pop_front();
        }
        self.org_history.push_back(entry);
    }

    /// The institution an `it` or `they` at byte `tok` refers to: the current sentence's
    /// institution speakers and institutions before it (nearest first), then the sentence
    /// before's institutions, then the speakers and subjects of the sentences before that.
    pub(super) fn institution_referent(&self, tok: usize) -> Option<String> {
        self.institution_candidates(tok)
            .next()
            .map(|o| o.name.clone())
    }

    /// The institution a description with the head noun `head` refers to (`the union`): of
    /// the candidates an `it` has, the nearest whose name holds the noun (`the committee`),
    /// else, unless the noun must be in the name (`the campaign`), the nearest that is a
    /// speaker, a subject or surely an institution's name (never a bare place name).
    pub(super) fn described_institution(
        &self,
        head: &str,
        own_word: bool,
        tok: usize,
    ) -> Option<String> {
        let holds = |o: &OrgMention| {
            o.name
                .split_whitespace()
                .any(|w| crate::article::fold_word(w) == head)
        };
        let found = self.institution_candidates(tok).find(|o| holds(o));
        let found = found.or_else(|| {
            (!own_word)
                .then(|| {
                    self.institution_candidates(tok)
                        .find(|o| o.strong || o.named)
                })
                .flatten()
        });
        found.map(|o| o.name.clone())
    }

    /// The candidates for an `it` at byte `tok`, nearest first.
    fn institution_candidates(&self, tok: usize) -> impl Iterator<Item = &OrgMention> {
        let here = self
            .current_org_speakers
            .iter()
            .rev()
            .chain(self.current_orgs.iter().rev().filter(move |o| o.tok < tok));
        let back = self
            .org_history
            .iter()
            .rev()
            .enumerate()
            .flat_map(|(d, e)| e.iter().filter(move |o| d == 0 || o.strong));
        here.chain(back)
    }
}
