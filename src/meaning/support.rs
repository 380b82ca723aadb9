//! Support of a statement by a passage: the blended score (vectors corrected for generic
//! claims, plus the share of content words), the shared content, and the conflicts the
//! vectors cannot see (negation, numbers, antonyms, names).

use super::words::{derivations, expansions, fmt_number, spell, spelled_out, stem, Word, Words};
use super::{Embedding, Model};
use crate::matching::lexicon::lexicon;
use rustc_hash::FxHashSet;

/// Weight of the semantic part, `cosine - background`, in [`Support::score`].
pub const SEMANTIC_WEIGHT: f32 = 0.5;
/// Weight of the lexical part, the IDF-weighted share of content words, in [`Support::score`].
pub const LEXICAL_WEIGHT: f32 = 0.5;

/// A statement prepared for scoring against many passages: embedded once, with its content
/// words and their weights.
#[derive(Debug, Clone)]
pub struct Query {
    /// The statement's vector.
    pub embedding: Embedding,
    /// Its best cosine against the background sentences.
    pub background: f32,
    /// The background sentence that gave it (index into
    /// [`Model::background_sentences`]).
    pub background_index: Option<usize>,
    content: Vec<(String, String, f32)>,
    words: Words,
    text: String,
}

impl Query {
    /// The statement's content words (lower-case), each with its weight.
    pub fn content(&self) -> impl Iterator<Item = (&str, f32)> {
        self.content.iter().map(|(w, _, idf)| (w.as_str(), *idf))
    }
}

/// What one passage shares with one statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Support {
    /// `SEMANTIC_WEIGHT * (cosine - background) + LEXICAL_WEIGHT * share`.
    pub score: f32,
    /// Cosine of the statement's and the passage's vectors.
    pub cosine: f32,
    /// The statement's best cosine against the background.
    pub background: f32,
    /// IDF-weighted share of the statement's content words found in the passage, 0..=1.
    pub share: f32,
    /// The statement's content words the passage holds (same stem), in statement order.
    pub shared: Vec<String>,
    /// What contradicts support although the words and vectors agree.
    pub conflicts: Vec<Conflict>,
}

/// A sign that the passage says something else: the vectors are blind to these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// One side is negated where the other is not (in the part of the passage that holds
    /// the shared words).
    Negation,
    /// The statement has a number the passage lacks, and the passage has other numbers.
    Number {
        /// The statement's number, as a value.
        statement: String,
    },
    /// The statement has a number and the passage none.
    NumberMissing {
        /// The statement's number, as a value.
        statement: String,
    },
    /// Opposite words: the statement's `statement` where the passage says `passage`.
    Antonym {
        /// The statement's word.
        statement: String,
        /// The passage's word.
        passage: String,
    },
    /// The statement names someone or something the passage does not, and the passage names
    /// another.
    Name {
        /// The statement's name.
        statement: String,
    },
}

impl Model {
    /// Prepares `statement` (the words to judge: for a direct quote the quoted words, for a
    /// reported statement its content with any cue that carries meaning, e.g. `called him a
    /// liar`), weighting its content words with `idf` (the corpus's inverse document
    /// frequency; called once per distinct content word).
    pub fn query(&self, statement: &str, idf: impl Fn(&str) -> f32) -> Query {
        let embedding = self.embed(statement);
        let (background, background_index) = self.background_cosine(&embedding);
        let words = Words::of(statement);
        let mut seen = FxHashSet::default();
        let mut content = Vec::new();
        for w in &words.tokens {
            if w.content && seen.insert(w.stem.clone()) {
                let weight = idf(&w.lower);
                if weight > 0.0 && weight.is_finite() {
                    content.push((w.lower.clone(), w.stem.clone(), weight));
                }
            }
        }
        Query {
            embedding,
            background,
            background_index,
            content,
            words,
            text: statement.to_string(),
        }
    }

    /// How many content words `statement` has that [`Model::query`] would keep (weighted by
    /// `idf`), without embedding it.
    pub fn content_words(&self, statement: &str, idf: impl Fn(&str) -> f32) -> usize {
        let words = Words::of(statement);
        let mut seen = FxHashSet::default();
        words
            .tokens
            .iter()
            .filter(|w| w.content && seen.insert(w.stem.as_str()))
            .filter(|w| {
                let weight = idf(&w.lower);
                weight > 0.0 && weight.is_finite()
            })
            .count()
    }

    /// How well `passage` supports the prepared statement `q`.
    pub fn support(&self, q: &Query, passage: &str) -> Support {
        self.support_with(q, passage, &[])
    }

    /// [`Model::support`], where `referents` (lower-case words of people's names: the other
    /// participants of the passage's conversation) are whom the passage's `you` and `he` or
    /// `she` may stand for: reported speech names the person the speaker addressed or spoke
    /// of (`Clinton said Trump paid no tax` for `you haven't paid any tax`), so a statement's
    /// name of a referent is held by such a pronoun in the passage.
    pub fn support_with(&self, q: &Query, passage: &str, referents: &[&str]) -> Support {
        let pw = Words::of(passage);
        // A name spelled out on one side and by its initials on the other reads as the same
        // words for the vectors too: the acronym is spelled out before embedding.
        let into_passage = expansions(&q.words, &pw);
        let into_statement = expansions(&pw, &q.words);
        let pe = self.embed(&spell(passage, &into_passage));
        let cosine = if into_statement.is_empty() {
            q.embedding.cosine(&pe)
        } else {
            self.embed(&spell(&q.text, &into_statement)).cosine(&pe)
        };
        let stems: FxHashSet<&str> = pw.tokens.iter().map(|w| w.stem.as_str()).collect();
        let common: FxHashSet<&str> = pw
            .tokens
            .iter()
            .filter(|w| !w.name)
            .map(|w| w.stem.as_str())
            .collect();
        let total: f32 = q.content.iter().map(|c| c.2).sum();
        let mut held = 0f32;
        let mut shared = Vec::new();
        // A name spelled out on one side and by its initials on the other is held.
        let spelled: FxHashSet<&str> = spelled_out(&q.words, &pw)
            .into_iter()
            .chain(spelled_out(&pw, &q.words))
            .collect();
        let referred = !referents.is_empty()
            && pw
                .tokens
                .iter()
                .any(|w| REFERRING_PRONOUNS.contains(&w.lower.as_str()));
        let named: FxHashSet<&str> = q
            .words
            .tokens
            .iter()
            .filter(|w| w.name)
            .map(|w| w.stem.as_str())
            .collect();
        for (word, stem, idf) in &q.content {
            let by_pronoun =
                referred && named.contains(stem.as_str()) && referents.contains(&word.as_str());
            // A word of the same root with another suffix (`economic`, `economy`) says it too;
            // a name is no such word (`States` is not `statements`).
            let derived = || {
                !named.contains(stem.as_str())
                    && derivations()
                        .get(stem.as_str())
                        .is_some_and(|rel| rel.iter().any(|r| common.contains(r.as_str())))
            };
            if stems.contains(stem.as_str())
                || spelled.contains(stem.as_str())
                || by_pronoun
                || derived()
            {
                held += idf;
                shared.push(word.clone());
            }
        }
        let share = if total > 0.0 { held / total } else { 0.0 };
        let score = SEMANTIC_WEIGHT * (cosine - q.background) + LEXICAL_WEIGHT * share;
        let conflicts = conflicts(&q.words, &pw, &shared);
        Support {
            score,
            cosine,
            background: q.background,
            share,
            shared,
            conflicts,
        }
    }
}

/// The pronouns that stand for a person the speaker addresses or speaks of (second person,
/// and third person singular); `they` is a group.
const REFERRING_PRONOUNS: [&str; 11] = [
    "you", "your", "yours", "yourself", "he", "him", "his", "himself", "she", "her", "hers",
];

fn conflicts(s: &Words, p: &Words, shared: &[String]) -> Vec<Conflict> {
    let mut out = Vec::new();
    // The region of the passage that holds the shared words: the sentences (or clauses
    // between semicolons) with any of them. Negation elsewhere in a window is about
    // something else.
    let shared_set: FxHashSet<&str> = shared.iter().map(|s| s.as_str()).collect();
    let content_stems: FxHashSet<&str> = s
        .tokens
        .iter()
        .filter(|w| w.content)
        .map(|w| w.stem.as_str())
        .collect();
    let hit_sentences: FxHashSet<usize> = p
        .tokens
        .iter()
        .filter(|w| {
            shared_set.contains(w.lower.as_str()) || content_stems.contains(w.stem.as_str())
        })
        .map(|w| w.sentence)
        .collect();
    let region: Vec<Word> = if hit_sentences.is_empty() {
        p.tokens.clone()
    } else {
        p.tokens
            .iter()
            .filter(|w| hit_sentences.contains(&w.sentence))
            .cloned()
            .collect()
    };
    let region = &region[..];
    let neg = |ws: &[Word]| ws.iter().filter(|w| w.negator).count() % 2;
    if neg(&s.tokens) != neg(region) {
        out.push(Conflict::Negation);
    }

    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    for &(_, v) in &s.numbers {
        if p.numbers.iter().any(|&(_, w)| close(v, w)) {
            continue;
        }
        let statement = fmt_number(v);
        if p.numbers.is_empty() {
            out.push(Conflict::NumberMissing { statement });
        } else {
            out.push(Conflict::Number { statement });
        }
    }

    let s_stems: FxHashSet<&str> = s.tokens.iter().map(|w| w.stem.as_str()).collect();
    let p_stems: FxHashSet<&str> = region.iter().map(|w| w.stem.as_str()).collect();
    let p_all: FxHashSet<&str> = p.tokens.iter().map(|w| w.stem.as_str()).collect();
    static STEMMED: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    // `matching/data/antonyms.txt`, both ways round already.
    let pairs = STEMMED.get_or_init(|| {
        lexicon()
            .antonyms
            .iter()
            .map(|&(a, b)| (stem(a), stem(b)))
            .collect()
    });
    let surface = |ws: &[Word], st: &str| {
        ws.iter()
            .find(|w| w.stem == st)
            .map_or_else(|| st.to_string(), |w| w.lower.clone())
    };
    for (x, y) in pairs {
        if s_stems.contains(x.as_str())
            && !s_stems.contains(y.as_str())
            && p_stems.contains(y.as_str())
            && !p_all.contains(x.as_str())
        {
            let c = Conflict::Antonym {
                statement: surface(&s.tokens, x),
                passage: surface(region, y),
            };
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }

    // A name is held when the other side has it or a word of the same root (Syria,
    // Syrian; China, Chinese): a shared prefix of 4+ letters, 60% of the shorter word.
    let related = |a: &str, b: &str| {
        let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        let shorter = a.chars().count().min(b.chars().count());
        a == b || (common >= 4 && common * 5 >= shorter * 3)
    };
    // Or a name of the same country or body (`united states`, `american`).
    let same = |a: &str, b: &str| {
        lexicon()
            .same_names
            .iter()
            .any(|g| g.contains(&a) && g.contains(&b))
    };
    let holds = |ws: &[Word], n: &str| {
        ws.iter().any(|w| {
            related(&w.lower, n) || same(w.lower.trim_end_matches('.'), n.trim_end_matches('.'))
        })
    };
    // Or the name spelled out on one side and by its initials on the other.
    let spelled: FxHashSet<&str> = spelled_out(s, p)
        .into_iter()
        .chain(spelled_out(p, s))
        .collect();
    let other_name = p
        .tokens
        .iter()
        .any(|w| w.name && !holds(&s.tokens, &w.lower) && !spelled.contains(w.stem.as_str()));
    if other_name {
        let mut seen = FxHashSet::default();
        for w in s.tokens.iter().filter(|w| w.name) {
            if !holds(&p.tokens, &w.lower)
                && !spelled.contains(w.stem.as_str())
                && seen.insert(w.lower.as_str())
            {
                out.push(Conflict::Name {
                    statement: w.lower.clone(),
                });
            }
        }
    }
    out
}
