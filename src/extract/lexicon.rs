//! The extractor's word tables (cue verbs, source nouns, time words, phrase heads), loaded
//! once from the data files beside this module.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How a cue takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A clause follows (or the content stands before the attribution).
    Say,
    /// A clause or a noun phrase follows.
    Obj,
    /// An addressee comes first.
    Tell,
    /// `according to X`.
    According,
    /// Like `Obj`, but only an attribution when its content holds a quotation (`called it
    /// "a disaster"`, `"...," he continued`): without one the verb is rarely speech.
    Quoted,
}

/// The tables.
pub struct Lexicon {
    /// Cue forms: first word -> [(all words, class)], longest first.
    pub cues: HashMap<&'static str, Vec<(Vec<&'static str>, CueClass)>>,
    pub source_nouns: HashSet<&'static str>,
    pub time_words: HashSet<&'static str>,
    pub pp_heads: HashSet<&'static str>,
    /// Words that end a speaker phrase read forwards (`said Smith in an interview`).
    pub phrase_breaks: HashSet<&'static str>,
    /// Conjunctions that open a subordinate clause (`as`, `because`): not a cue's content.
    pub subordinators: HashSet<&'static str>,
    /// Words in "-ing" that are not participles (`including`, `morning`).
    pub not_participles: HashSet<&'static str>,
}

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The tables, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut cues: HashMap<&str, Vec<(Vec<&str>, CueClass)>> = HashMap::new();
        for l in lines(include_str!("data/cues.txt")) {
            let Some((form, class)) = l.split_once(' ') else {
                continue;
            };
            let class = match class.trim() {
                "obj" => CueClass::Obj,
                "tell" => CueClass::Tell,
                "according" => CueClass::According,
                "quoted" => CueClass::Quoted,
                _ => CueClass::Say,
            };
            let words: Vec<&str> = form.split('_').collect();
            cues.entry(words[0]).or_default().push((words, class));
        }
        for v in cues.values_mut() {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
            v.dedup_by(|a, b| a.0 == b.0);
        }
        Lexicon {
            cues,
            source_nouns: lines(include_str!("data/source_nouns.txt")).collect(),
            time_words: lines(include_str!("data/time_words.txt")).collect(),
            pp_heads: lines(include_str!("data/pp_heads.txt")).collect(),
            phrase_breaks: lines(include_str!("data/phrase_breaks.txt")).collect(),
            subordinators: lines(include_str!("data/subordinators.txt")).collect(),
            not_participles: lines(include_str!("data/not_participles.txt")).collect(),
        }
    })
}

/// Subject pronouns and the kind of speaker each refers to.
pub const PRONOUNS: [(&str, Referent); 7] = [
    ("he", Referent::Person),
    ("she", Referent::Person),
    ("i", Referent::Person),
    ("they", Referent::Any),
    ("it", Referent::Institution),
    ("we", Referent::Any),
    ("you", Referent::Any),
];

/// What a pronoun may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referent {
    Person,
    Institution,
    Any,
}

/// Determiners that open a noun phrase.
pub const DETERMINERS: [&str; 14] = [
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
    "some", "several",
];

/// Prepositions: a noun phrase right after one is not a subject.
pub const PREPOSITIONS: [&str; 18] = [
    "in", "of", "to", "with", "from", "by", "for", "at", "about", "on", "into", "over", "after",
    "before", "during", "against", "than", "like",
];

/// Weekday names.
pub use crate::date::WEEKDAYS;
