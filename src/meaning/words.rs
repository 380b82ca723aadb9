//! A text's words as the meaning layer reads them: stems, names, acronyms and the names
//! they spell, numbers, and words of one root (`data/derivations.txt`).

use crate::matching::lexicon::lexicon;
use crate::speakers::is_title_word;
use rustc_hash::{FxHashMap, FxHashSet};

/// Stem -> stems of words of the same root with other suffixes (`fair` -> `fairness`), both
/// ways, from `data/derivations.txt` (WordNet's derivationally related forms that share most
/// of their letters; `scripts/derivations.py` writes it).
pub(super) fn derivations() -> &'static FxHashMap<String, Vec<String>> {
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

/// The acronyms of `b` that `a` spells out, each with the words of `a` that spell it
/// (`NAFTA`, `North American Free Trade Agreement`), the first spelling of each.
pub(super) fn expansions(a: &Words, b: &Words) -> Vec<(String, String)> {
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
pub(super) fn spell<'a>(
    text: &'a str,
    expansions: &[(String, String)],
) -> std::borrow::Cow<'a, str> {
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
pub(super) struct Word {
    pub(super) lower: String,
    pub(super) stem: String,
    pub(super) name: bool,
    /// Capitalised (any position): part of a name spelled out, whose initials an acronym
    /// may be.
    pub(super) capital: bool,
    /// Written in capitals, three letters or more (`NAFTA`): an acronym.
    pub(super) acronym: bool,
    pub(super) negator: bool,
    pub(super) content: bool,
    /// Index of the sentence (of the text) the word is in.
    pub(super) sentence: usize,
}

/// A text's words and numbers.
#[derive(Debug, Clone, Default)]
pub(super) struct Words {
    pub(super) tokens: Vec<Word>,
    pub(super) numbers: Vec<(usize, f64)>,
}

impl Words {
    pub(super) fn of(text: &str) -> Words {
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
pub(super) fn spelled_out<'a>(a: &'a Words, b: &'a Words) -> Vec<&'a str> {
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
pub(super) fn spellings<'a>(a: &'a Words, b: &'a Words) -> Vec<(&'a Word, Vec<&'a Word>)> {
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

pub(super) fn fmt_number(v: f64) -> String {
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
pub(super) fn stop_words() -> &'static FxHashSet<&'static str> {
    &lexicon().stopwords
}

/// A negating word (`matching/data/negations.txt`), or a contraction ending in `n't`.
pub(super) fn is_negator(w: &str) -> bool {
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

pub(super) fn parse_number(w: &str) -> Option<f64> {
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
pub(super) fn number_word(w: &str) -> Option<f64> {
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
pub(super) fn multiplier(w: &str) -> Option<f64> {
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
