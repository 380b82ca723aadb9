//! The word tables matching uses (fillers, negations, numbers, modals, antonyms, names of the
//! same country, contractions,
//! stage notes, reported-speech shifts), loaded once from the data files beside this module.

use crate::tables::lines;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// All the tables, parsed.
pub struct Lexicon {
    /// Single-word fillers, articles, complementisers.
    pub fillers: HashSet<&'static str>,
    /// Multi-word fillers as word sequences (`you know`).
    pub multi_fillers: Vec<Vec<&'static str>>,
    pub negations: HashSet<&'static str>,
    /// Number words (`two`, `million`, `percent`) with their value, if any, and whether
    /// they multiply the number before them (`three million`).
    pub numbers: HashMap<&'static str, (Option<f64>, bool)>,
    /// Words that open a spoken sentence and may be dropped from a quotation's start.
    pub conjunctions: HashSet<&'static str>,
    /// Prefixes that carry a negation inside a word (`un`, `dis`).
    pub negative_prefixes: Vec<&'static str>,
    /// Personal pronouns, which reported speech may replace by a name.
    pub pronouns: HashSet<&'static str>,
    /// Words too common to say what a clause is about.
    pub stopwords: HashSet<&'static str>,
    /// Speech verbs that make the passage after them a quotation of someone else.
    pub quoting_cues: HashSet<&'static str>,
    /// Modals and hedges, each with its strength class (a line of `modals.txt`).
    pub modals: HashMap<&'static str, usize>,
    pub antonyms: HashSet<(&'static str, &'static str)>,
    /// Groups of words that name the same country or body (`united states america
    /// american`), a line of `same_names.txt` each.
    pub same_names: Vec<Vec<&'static str>>,
    /// Whole-word contractions: `won't` -> [will, not].
    pub contractions: HashMap<&'static str, Vec<&'static str>>,
    /// Suffix contractions: `'re` -> are.
    pub suffixes: Vec<(&'static str, &'static str)>,
    pub stage_notes: Vec<&'static str>,
    /// Reported-speech shifts: reported word -> the words the speaker may have used.
    pub shifts: HashMap<&'static str, Vec<&'static str>>,
    /// Irregular past tenses -> their base form (`made` -> `make`).
    pub irregular: HashMap<&'static str, &'static str>,
    /// First-person pronouns (`i`, `my`, `we`).
    pub first_person: HashSet<&'static str>,
    /// Third-person pronouns (`she`, `his`, `they`).
    pub third_person: HashSet<&'static str>,
}

impl Lexicon {
    /// True when `a` and `b` are modals or hedges of different strength (`may` / `will`).
    pub fn modal_change(&self, a: &str, b: &str) -> bool {
        matches!((self.modals.get(a), self.modals.get(b)), (Some(x), Some(y)) if x != y)
    }
}

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut fillers = HashSet::default();
        let mut multi_fillers = Vec::new();
        for l in lines(include_str!("data/fillers.txt")) {
            if l.contains(' ') {
                multi_fillers.push(l.split(' ').collect());
            } else {
                fillers.insert(l);
            }
        }
        let pairs = |src: &'static str| {
            lines(src)
                .filter_map(|l| l.split_once(' '))
                .collect::<Vec<_>>()
        };
        let person = |which: &str| -> HashSet<&'static str> {
            lines(include_str!("data/pronoun_persons.txt"))
                .filter_map(|l| l.split_once(' '))
                .filter(|(k, _)| *k == which)
                .flat_map(|(_, ws)| ws.split(' '))
                .collect()
        };
        let mut antonyms = HashSet::default();
        for (a, b) in pairs(include_str!("data/antonyms.txt")) {
            antonyms.insert((a, b));
            antonyms.insert((b, a));
        }
        Lexicon {
            fillers,
            multi_fillers,
            negations: lines(include_str!("data/negations.txt")).collect(),
            numbers: lines(include_str!("data/numbers.txt"))
                .map(|l| {
                    let mut f = l.split(' ');
                    let word = f.next().unwrap_or_default();
                    let value = f.next().and_then(|v| v.parse().ok());
                    (word, (value, f.next() == Some("x")))
                })
                .collect(),
            quoting_cues: lines(include_str!("data/quoting_cues.txt")).collect(),
            stopwords: lines(include_str!("data/stopwords.txt")).collect(),
            conjunctions: lines(include_str!("data/conjunctions.txt")).collect(),
            negative_prefixes: lines(include_str!("data/negative_prefixes.txt")).collect(),
            pronouns: lines(include_str!("data/pronouns.txt")).collect(),
            modals: lines(include_str!("data/modals.txt"))
                .enumerate()
                .flat_map(|(class, l)| l.split(' ').map(move |w| (w, class)))
                .collect(),
            antonyms,
            same_names: lines(include_str!("data/same_names.txt"))
                .map(|l| l.split(' ').collect())
                .collect(),
            contractions: pairs(include_str!("data/contractions.txt"))
                .into_iter()
                .map(|(k, v)| (k, v.split(' ').collect()))
                .collect(),
            suffixes: pairs(include_str!("data/suffix_contractions.txt")),
            stage_notes: lines(include_str!("data/stage_notes.txt")).collect(),
            shifts: pairs(include_str!("data/reported_shifts.txt"))
                .into_iter()
                .chain(pairs(include_str!("data/irregular_verbs.txt")))
                .map(|(k, v)| (k, v.split(' ').collect()))
                .collect(),
            irregular: pairs(include_str!("data/irregular_verbs.txt"))
                .into_iter()
                .collect(),
            first_person: person("first"),
            third_person: person("third"),
        }
    })
}
