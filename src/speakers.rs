//! People's names and roles: title words, splitting a mention into role and name, and deciding
//! whether two written names are the same person (`Lloyd Austin` ~ `Lloyd J. Austin III`).

use crate::article::fold_word;
use crate::tables::lines;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

struct Tables {
    titles: HashSet<&'static str>,
    /// First names and title words that tell a person's sex.
    genders: HashMap<&'static str, Gender>,
    suffixes: HashSet<&'static str>,
    nicknames: HashMap<&'static str, Vec<&'static str>>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut nicknames: HashMap<&str, Vec<&str>> = HashMap::new();
        for l in lines(include_str!("data/nicknames.txt")) {
            if let Some((a, b)) = l.split_once(' ') {
                nicknames.entry(a).or_default().push(b);
                nicknames.entry(b).or_default().push(a);
            }
        }
        let mut genders = HashMap::new();
        for table in [
            include_str!("data/first_names.txt"),
            include_str!("data/gendered_titles.txt"),
        ] {
            for l in lines(table) {
                let g = match l.split_once(' ') {
                    Some((w, "m")) => Some((w, Gender::Male)),
                    Some((w, "f")) => Some((w, Gender::Female)),
                    _ => None,
                };
                if let Some((w, g)) = g {
                    genders.insert(w, g);
                }
            }
        }
        Tables {
            genders,
            titles: lines(include_str!("data/titles.txt")).collect(),
            suffixes: lines(include_str!("data/name_suffixes.txt")).collect(),
            nicknames,
        }
    })
}

/// A person's sex as a name or title tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// `Mr.`, `John`, `he`
    Male,
    /// `Mrs.`, `Ms.`, `Mary`, `she`
    Female,
}

/// The sex a written name tells, if any: a gendered title among its leading words (`Mrs.
/// Clinton`, `Congresswoman Maxine Waters`), else its first name (`Hillary Clinton`: the US
/// Census first-name table, `data/first_names.txt`). A single word is a surname: none.
pub fn name_gender(name: &str) -> Option<Gender> {
    let t = tables();
    let words = folded_words(name);
    let mut k = 0;
    while k < words.len() && (t.titles.contains(words[k].as_str()) || words[k] == "the") {
        if let Some(g) = t.genders.get(words[k].as_str()) {
            return Some(*g);
        }
        k += 1;
    }
    if words.len() >= k + 2 {
        return t.genders.get(words[k].as_str()).copied();
    }
    None
}

/// True when `word` is in the first-name table (`Hillary`, `Donald`).
pub fn is_first_name(word: &str) -> bool {
    with_folded(word, |w| {
        tables().genders.contains_key(w) && !tables().titles.contains(w)
    })
}

/// A name's words, each folded as [`fold`] folds it (`Sen. Ann Lee,` -> sen, ann, lee).
fn folded_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect()
}

/// A word's comparable form: lower case, without periods and trailing commas.
fn fold(word: &str) -> String {
    fold_word(&word.replace(['.', ','], ""))
}

/// Calls `f` with `word` folded as [`fold`] folds it, without allocating for a short ASCII
/// word (the common case: this runs for every capitalised word of an article).
fn with_folded<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && word.is_ascii() {
        let mut n = 0;
        for b in word.bytes().filter(|b| !matches!(b, b'.' | b',')) {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
        if let Ok(s) = std::str::from_utf8(&buf[..n]) {
            return f(s);
        }
    }
    f(&fold(word))
}

/// True when `word` is a title or role word (`secretary`, `Sen.`, `spokesman`).
pub fn is_title_word(word: &str) -> bool {
    with_folded(word, |w| tables().titles.contains(w))
}

/// The words of a name that identify the person: titles, honorifics and suffixes removed.
pub fn name_parts(name: &str) -> Vec<String> {
    let t = tables();
    let words = folded_words(name);
    // Titles are only stripped from the front ("Secretary Austin"), suffixes from the back.
    let mut start = 0;
    while start < words.len() && (t.titles.contains(words[start].as_str()) || words[start] == "the")
    {
        start += 1;
    }
    let mut end = words.len();
    while end > start + 1 && t.suffixes.contains(words[end - 1].as_str()) {
        end -= 1;
    }
    words[start..end].to_vec()
}

fn first_names_agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.chars().count() == 1 || b.chars().count() == 1 {
        return a.chars().next() == b.chars().next();
    }
    tables().nicknames.get(a).is_some_and(|v| v.contains(&b))
        || a.starts_with(b)
        || b.starts_with(a)
}

/// True when two written names can be the same person: same surname, and first names that
/// agree (equal, an initial, a nickname) when both are given. Middle names are ignored.
pub fn same_person(a: &str, b: &str) -> bool {
    same_parts(&name_parts(a), &name_parts(b))
}

/// [`same_person`] on names already split by [`name_parts`].
pub fn same_parts(pa: &[String], pb: &[String]) -> bool {
    match (pa.last(), pb.last()) {
        (Some(la), Some(lb)) if la == lb => {
            pa.len() == 1 || pb.len() == 1 || first_names_agree(&pa[0], &pb[0])
        }
        _ => false,
    }
}

/// A speaker mention split into its role (leading title words, with any capitalised words
/// they qualify) and the name that follows: `US Secretary of Defense Lloyd Austin` ->
/// (`US Secretary of Defense`, `Lloyd Austin`).
pub fn split_role(mention: &str) -> (Option<String>, String) {
    let words: Vec<&str> = mention.split_whitespace().collect();
    // The name is the longest tail of capitalised non-title words.
    let mut k = words.len();
    while k > 0 {
        let w = words[k - 1];
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        if !cap || is_title_word(w) || w.ends_with("'s") || w.ends_with('\u{2019}') {
            break;
        }
        k -= 1;
    }
    if k == 0 || k == words.len() {
        return (None, mention.to_string());
    }
    let has_title = words[..k].iter().any(|w| is_title_word(w));
    if !has_title {
        return (None, mention.to_string());
    }
    (Some(words[..k].join(" ")), words[k..].join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gender_from_title_or_first_name() {
        let table = [
            ("Hillary Clinton", Some(Gender::Female)),
            ("Mrs. Clinton", Some(Gender::Female)),
            ("Mr. Trump", Some(Gender::Male)),
            ("Sen. Ted Cruz", Some(Gender::Male)),
            ("Congresswoman Jane Roe", Some(Gender::Female)),
            ("Clinton", None),
            ("Jordan Smith", None),
        ];
        for (name, want) in table {
            assert_eq!(name_gender(name), want, "{name}");
        }
    }

    #[test]
    fn same_person_table() {
        let table = [
            ("Lloyd Austin", "Lloyd J. Austin III", true),
            ("Austin", "Lloyd J. Austin III", true),
            ("Trump", "Donald J Trump", true),
            ("Hillary R Clinton", "Hillary Clinton", true),
            ("Bill Clinton", "Hillary Clinton", false),
            ("Joe Biden", "Joseph R. Biden Jr.", true),
            ("Secretary Austin", "Lloyd Austin", true),
            ("MS. PSAKI", "Jen Psaki", true),
            ("Jen Psaki", "Bret Baier", false),
            ("", "Bret Baier", false),
        ];
        for (a, b, want) in table {
            assert_eq!(same_person(a, b), want, "{a} ~ {b}");
        }
    }

    #[test]
    fn split_role_table() {
        let table = [
            (
                "Kremlin spokesman Dmitry Peskov",
                Some("Kremlin spokesman"),
                "Dmitry Peskov",
            ),
            (
                "US Secretary of Defense Lloyd Austin",
                Some("US Secretary of Defense"),
                "Lloyd Austin",
            ),
            (
                "press secretary Jen Psaki",
                Some("press secretary"),
                "Jen Psaki",
            ),
            (
                "Russian Foreign Minister Sergei Lavrov",
                Some("Russian Foreign Minister"),
                "Sergei Lavrov",
            ),
            ("Joe Biden", None, "Joe Biden"),
            ("the Kremlin", None, "the Kremlin"),
            ("the defense secretary", None, "the defense secretary"),
        ];
        for (mention, role, name) in table {
            let (r, n) = split_role(mention);
            assert_eq!((r.as_deref(), n.as_str()), (role, name), "{mention}");
        }
    }
}
