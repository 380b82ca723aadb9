//! Support of a statement by a passage: the blended score (vectors corrected for generic
//! claims, plus the share of content words), the shared content, and the conflicts the
//! vectors cannot see (negation, numbers, antonyms, names).

use super::{Embedding, Model};
use crate::matching::lexicon::lexicon;
use crate::speakers::is_title_word;
use rustc_hash::{FxHashMap, FxHashSet};

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

/// Stem -> stems of words of the same root with other suffixes (`fair` -> `fairness`), both
/// ways, from `data/derivations.txt` (WordNet's derivationally related forms that share most
/// of their letters; `scripts/derivations.py` writes it).
fn derivations() -> &'static FxHashMap<String, Vec<String>> {
    static TABLE: std::sync::OnceLock<FxHashMap<String, Vec<String>>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: FxHashMap<String, Vec<String>> = FxHashMap::default();
        let pairs = include_str!("data/derivations.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(' '));
        for (a, b) in pairs {
            let (a, b) = (stem(a), stem(b));
            if a != b {
                map.entry(a.clone()).or_default().push(b.clone());
                map.entry(b).or_default().push(a);
            }
        }
        map
    })
}

/// The pronouns that stand for a person the speaker addresses or speaks of (second person,
/// and third person singular); `they` is a group.
const REFERRING_PRONOUNS: [&str; 11] = [
    "you", "your", "yours", "yourself", "he", "him", "his", "himself", "she", "her", "hers",
];

/// The acronyms of `b` that `a` spells out, each with the words of `a` that spell it
/// (`NAFTA`, `North American Free Trade Agreement`), the first spelling of each.
fn expansions(a: &Words, b: &Words) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (acr, run) in spellings(a, b) {
        if !out.iter().any(|(x, _)| *x == acr.lower) {
            let words: Vec<&str> = run.iter().map(|w| w.lower.as_str()).collect();
            out.push((acr.lower.clone(), words.join(" ")));
        }
    }
    out
}

/// `text` with each acronym of `expansions` (a word in capitals) spelled out.
fn spell<'a>(text: &'a str, expansions: &[(String, String)]) -> std::borrow::Cow<'a, str> {
    if expansions.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 32);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let lower = word.to_lowercase();
        match expansions.iter().find(|(a, _)| *a == lower) {
            Some((_, with)) if word.chars().all(|c| c.is_ascii_uppercase()) => out.push_str(with),
            _ => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    std::borrow::Cow::Owned(out)
}

/// One word of a text: lower-case form, stem, and whether it was capitalised mid-sentence.
#[derive(Debug, Clone)]
struct Word {
    lower: String,
    stem: String,
    name: bool,
    /// Capitalised (any position): part of a name spelled out, whose initials an acronym
    /// may be.
    capital: bool,
    /// Written in capitals, three letters or more (`NAFTA`): an acronym.
    acronym: bool,
    negator: bool,
    content: bool,
    /// Index of the sentence (of the text) the word is in.
    sentence: usize,
}

/// A text's words and numbers.
#[derive(Debug, Clone, Default)]
struct Words {
    tokens: Vec<Word>,
    numbers: Vec<(usize, f64)>,
}

impl Words {
    fn of(text: &str) -> Words {
        let mut tokens: Vec<Word> = Vec::new();
        let mut numbers = Vec::new();
        let mut sentence_start = true;
        let mut sentence = 0;
        let mut pending: Option<(f64, bool)> = None; // (value, a lone word) being built
        let mut cur = String::new();
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        // A lone "one" is a pronoun more often than a number ("one of the things"): it
        // counts only with a multiplier ("one million").
        let push_number = |p: (f64, bool), at: usize, numbers: &mut Vec<(usize, f64)>| {
            if !(p.1 && p.0 == 1.0) {
                numbers.push((at, p.0));
            }
        };
        while i <= chars.len() {
            let c = chars.get(i).copied().unwrap_or(' ');
            let inner = (c == '\'' || c == '’' || c == ',' || c == '.' || c == '-')
                && !cur.is_empty()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
                && (c != ',' && c != '.' || cur.chars().all(|x| x.is_ascii_digit()))
                && (c != ',' && c != '.' || chars[i + 1].is_ascii_digit());
            if c.is_alphanumeric() || inner {
                cur.push(if c == '’' { '\'' } else { c });
                i += 1;
                continue;
            }
            if !cur.is_empty() {
                let raw = std::mem::take(&mut cur);
                // Hyphenated words are split, except numbers like "forty-six".
                let parts: Vec<&str> = if number_word(&raw.to_lowercase()).is_some() {
                    vec![raw.as_str()]
                } else {
                    raw.split('-').filter(|p| !p.is_empty()).collect()
                };
                for part in parts {
                    let lower = part.to_lowercase();
                    let value = parse_number(&lower);
                    match (value, multiplier(&lower)) {
                        (_, Some(m)) if pending.is_some() => {
                            pending = pending.map(|(v, _)| (v * m, false));
                        }
                        // "a hundred thousand", "a million": a singular multiplier alone.
                        (_, Some(m)) if !lower.ends_with('s') && lower.len() > 2 => {
                            pending = Some((m, false));
                        }
                        (Some(v), None) => {
                            if let Some(p) = pending.take() {
                                push_number(p, tokens.len(), &mut numbers);
                            }
                            let word = !lower.starts_with(|c: char| c.is_ascii_digit());
                            pending = Some((v, word));
                        }
                        _ => {
                            if let Some(p) = pending.take() {
                                push_number(p, tokens.len(), &mut numbers);
                            }
                        }
                    }
                    let negator = is_negator(&lower);
                    let first = part.chars().next().unwrap_or('a');
                    let name = first.is_uppercase()
                        && !sentence_start
                        && lower != "i"
                        && !stop_words().contains(lower.as_str())
                        && !is_title_word(&lower)
                        && value.is_none();
                    let base = lower
                        .strip_suffix("'s")
                        .or_else(|| lower.strip_suffix('\''))
                        .unwrap_or(&lower);
                    let stem = stem(base);
                    tokens.push(Word {
                        sentence,
                        content: is_content(base),
                        lower: base.to_string(),
                        stem,
                        name,
                        capital: first.is_uppercase(),
                        acronym: part.chars().count() >= 3
                            && part.chars().all(|c| c.is_ascii_uppercase()),
                        negator,
                    });
                    sentence_start = false;
                }
            }
            if matches!(c, '.' | '!' | '?' | ':' | '"' | '“' | '”' | '\n') {
                sentence_start = true;
            }
            if matches!(c, '.' | '!' | '?' | ';' | '\n') && !tokens.is_empty() {
                sentence = tokens.last().map_or(0, |w| w.sentence + 1);
            }
            if !(c.is_whitespace() || c == '$' || c == '%') {
                if let Some(p) = pending.take() {
                    push_number(p, tokens.len(), &mut numbers);
                }
            }
            i += 1;
        }
        if let Some(p) = pending.take() {
            push_number(p, tokens.len(), &mut numbers);
        }
        Words { tokens, numbers }
    }
}

/// Words of small function inside a name spelled out, which its initials skip (`Department
/// of Justice`, `DOJ`).
const NAME_GLUE: [&str; 4] = ["of", "and", "for", "the"];

/// The stems of `a`'s words that spell out a name `b` gives by its initials (`North American
/// Free Trade Agreement` when `b` says `NAFTA`), and the stems of those acronyms.
fn spelled_out<'a>(a: &'a Words, b: &'a Words) -> Vec<&'a str> {
    let mut out = Vec::new();
    for (acr, run) in spellings(a, b) {
        out.extend(
            run.iter()
                .filter(|w| w.capital && !w.acronym)
                .map(|w| w.stem.as_str()),
        );
        out.push(acr.stem.as_str());
    }
    out
}

/// Each acronym of `b` that a run of `a`'s words spells out, with that run: capitalised words
/// (small words like `of` inside it skipped by the initials, or not: `DOE`, `DHS`) whose
/// first letters are the acronym.
fn spellings<'a>(a: &'a Words, b: &'a Words) -> Vec<(&'a Word, Vec<&'a Word>)> {
    let acronyms: Vec<&Word> = b.tokens.iter().filter(|w| w.acronym).collect();
    let mut out = Vec::new();
    if acronyms.is_empty() {
        return out;
    }
    let t = &a.tokens;
    for start in 0..t.len() {
        if !t[start].capital || t[start].acronym {
            continue;
        }
        // The initials so far, with and without those of the small words.
        let mut initials = vec![String::new()];
        let mut run = Vec::new();
        for w in &t[start..] {
            let first = w.lower.chars().next().unwrap_or(' ');
            if w.capital && !w.acronym {
                initials.iter_mut().for_each(|i| i.push(first));
                run.push(w);
            } else if NAME_GLUE.contains(&w.lower.as_str()) && initials.len() < 8 {
                let with: Vec<String> = initials.iter().map(|i| format!("{i}{first}")).collect();
                initials.extend(with);
                run.push(w);
                continue;
            } else {
                break;
            }
            if let Some(acr) = acronyms.iter().find(|x| initials.contains(&x.lower)) {
                out.push((*acr, run.clone()));
            }
        }
    }
    out
}

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

fn fmt_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Whether `w` (lower-case) is a content word: not a stop word, not a reporting verb, not
/// a negator, not one letter.
pub(crate) fn is_content(w: &str) -> bool {
    w.chars().count() > 1 && !stop_words().contains(w) && !is_negator(w)
}

/// The stop words and reporting verbs (`matching/data/stopwords.txt`).
fn stop_words() -> &'static FxHashSet<&'static str> {
    &lexicon().stopwords
}

/// A negating word (`matching/data/negations.txt`), or a contraction ending in `n't`.
fn is_negator(w: &str) -> bool {
    lexicon().negations.contains(w) || w.ends_with("n't") || w.ends_with("n'")
}

/// A light suffix-stripping stemmer: enough that `cuts`/`cut`, `changed`/`change`,
/// `funding`/`fund` meet; not a linguistic one.
pub(crate) fn stem(w: &str) -> String {
    // An irregular past tense is its base form (`made`, `makes` -> `make`).
    let w = lexicon().irregular.get(w).copied().unwrap_or(w);
    let n = w.len();
    let mut s: &str = w;
    let owned;
    if n > 4 && w.ends_with("ies") {
        owned = format!("{}y", &w[..n - 3]);
        s = &owned;
    } else if w.ends_with("sses") {
        s = &w[..n - 2];
    } else if n >= 6 && w.ends_with("ing") {
        s = &w[..n - 3];
    } else if (n >= 5 && w.ends_with("ed"))
        || (n >= 5
            && w.ends_with("es")
            && ["s", "x", "z", "ch", "sh"]
                .iter()
                .any(|e| w[..n - 2].ends_with(e)))
    {
        s = &w[..n - 2];
    } else if n >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        s = &w[..n - 1];
    }
    let mut out = s.to_string();
    if out.len() >= 5 && out.ends_with('e') {
        out.pop();
    }
    let b = out.as_bytes();
    if b.len() >= 4 {
        let (x, y) = (b[b.len() - 1], b[b.len() - 2]);
        if x == y && x.is_ascii_alphabetic() && !b"aeioulsz".contains(&x) {
            out.pop();
        }
    }
    out
}

fn parse_number(w: &str) -> Option<f64> {
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let digits: String = w.chars().filter(|&c| c != ',').collect();
        let end = digits
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(digits.len());
        let v: f64 = digits[..end].trim_end_matches('.').parse().ok()?;
        let suffix = &digits[end..];
        return Some(v * multiplier(suffix).unwrap_or(1.0));
    }
    number_word(w)
}

/// The value of a number word (`seven`, `forty-six`), from `matching/data/numbers.txt`.
fn number_word(w: &str) -> Option<f64> {
    let value = |w: &str| {
        lexicon()
            .numbers
            .get(w)
            .filter(|(_, multiplier)| !multiplier)
            .and_then(|(v, _)| *v)
    };
    if let Some(v) = value(w) {
        return Some(v);
    }
    let (tens, unit) = w.split_once('-')?;
    let (t, u) = (value(tens)?, value(unit)?);
    (t >= 20.0 && t % 10.0 == 0.0 && (1.0..10.0).contains(&u)).then_some(t + u)
}

/// The factor of a multiplier (`million`, `bn`), from `matching/data/numbers.txt`.
fn multiplier(w: &str) -> Option<f64> {
    lexicon()
        .numbers
        .get(w)
        .filter(|(_, multiplier)| *multiplier)
        .and_then(|(v, _)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acronym_is_spelled_out_for_the_vectors_table() {
        // (text holding the name spelled out, text holding the acronym, the latter as embedded)
        let table: [(&str, &str, &str); 5] = [
            (
                "she praised the World Health Organization today",
                "The WHO was right, and the WHO's staff too.",
                "The world health organization was right, and the world health organization's staff too.",
            ),
            (
                "funds for the Department of Energy were cut",
                "We cut the DOE budget.",
                "We cut the department of energy budget.",
            ),
            // Not spelled out on the other side: left as it is.
            ("the World Bank lent money", "The WHO was right.", "The WHO was right."),
            // Only a word in capitals is an acronym: `who` is a pronoun.
            (
                "she praised the World Health Organization today",
                "Those who know were right.",
                "Those who know were right.",
            ),
            ("a plan for world health", "The WHO was right.", "The WHO was right."),
        ];
        for (spelled, acronym, want) in table {
            let (s, a) = (Words::of(spelled), Words::of(acronym));
            assert_eq!(
                spell(acronym, &expansions(&s, &a)),
                want,
                "{spelled} / {acronym}"
            );
        }
    }

    #[test]
    fn a_name_spelled_out_meets_its_initials_table() {
        let table: [(&str, &str, &[&str]); 4] = [
            (
                "she praised the World Health Organization today",
                "The WHO was right.",
                &["world", "health", "organization", "who"],
            ),
            (
                "funds for the Department of Energy were cut",
                "We cut the DOE budget.",
                &["department", "energy", "doe"],
            ),
            ("the World Bank lent money", "The WHO was right.", &[]),
            ("a plan for world health", "The WHO was right.", &[]),
        ];
        for (statement, passage, want) in table {
            let (s, p) = (Words::of(statement), Words::of(passage));
            let mut got: Vec<&str> = spelled_out(&s, &p)
                .into_iter()
                .chain(spelled_out(&p, &s))
                .collect();
            got.sort_unstable();
            got.dedup();
            let mut want: Vec<String> = want.iter().map(|w| stem(w)).collect();
            want.sort_unstable();
            assert_eq!(got, want, "{statement} / {passage}");
        }
    }
}
