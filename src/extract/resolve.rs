//! Who a speaker mention refers to, inside the article: full names are people the article
//! names; a surname is the most mentioned person with it; a pronoun is the nearest compatible
//! person in the sentences before (the subject of each sentence first, people named after a
//! pronoun in its own clause never: `he told Hannity` is not Hannity), with the sex a title,
//! a first name or an earlier pronoun tells as evidence; a role noun (`the senator`) is the
//! person who holds that role. Institutions and groups are kept as written; an unresolved
//! person stays a person with the words as written.

use super::lexicon::{lexicon, Referent};
use super::mentions::{is_name_glue, Run};
use crate::finding::SpeakerType;
use crate::speakers::{is_title_word, name_gender, name_parts, split_role, Gender};
use rustc_hash::FxHashMap as HashMap;
use std::collections::VecDeque;

/// A person the article has named.
#[derive(Debug, Clone)]
struct Entity {
    name: String,
    role: Option<String>,
    /// The name's parts as `name_parts` folds them, computed once (surname last).
    parts: Vec<String>,
    gender: Option<Gender>,
    /// Mentions so far.
    count: u32,
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The speaker's name (a full name for a person named before) or the mention as written.
    pub name: String,
    /// A role written with the name or the person's earlier mention (`Defense Secretary`).
    pub role: Option<String>,
    /// Person, institution or unknown.
    pub kind: SpeakerType,
}

/// How many of the most recent people are kept for resolution.
const MAX_ENTITIES: usize = 512;

/// How many sentences back a pronoun looks for its person.
const MAX_BACK: usize = 12;

/// The people named so far in an article, its recent sentences' people and its speakers.
#[derive(Debug, Default)]
pub struct Resolver {
    /// People by id - `base` (ids stay valid when old people are dropped).
    entities: Vec<Entity>,
    base: usize,
    by_surname: HashMap<String, Vec<usize>>,
    /// People named in full, by first name.
    by_first: HashMap<String, Vec<usize>>,
    speakers: Vec<Resolved>,
    /// The people of each recent sentence, newest last, subject first.
    history: VecDeque<Vec<usize>>,
    /// The current sentence's people (id, byte offset, subject, possessive) and the pronoun subject it
    /// opens with (lower case, byte offset).
    current: Vec<(usize, usize, bool, bool)>,
    lead_pronoun: Option<(String, usize)>,
    /// Speakers resolved in the current sentence, in order.
    current_speakers: Vec<usize>,
    /// Byte offsets of the current sentence's punctuation.
    cuts: Vec<usize>,
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The sex a pronoun tells.
fn pronoun_gender(w: &str) -> Option<Gender> {
    match w {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

/// Whether two words differ by at most one letter (insertion, deletion or substitution).
fn near(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if l.len() - s.len() > 1 {
        return false;
    }
    let p = s.iter().zip(&l).take_while(|(x, y)| x == y).count();
    if s.len() == l.len() {
        p == s.len() || s[p + 1..] == l[p + 1..]
    } else {
        s[p..] == l[p + 1..]
    }
}

impl Resolver {
    fn entity(&self, id: usize) -> Option<&Entity> {
        id.checked_sub(self.base).and_then(|i| self.entities.get(i))
    }

    fn entity_mut(&mut self, id: usize) -> Option<&mut Entity> {
        id.checked_sub(self.base)
            .and_then(|i| self.entities.get_mut(i))
    }

    /// The person a full name (two or more words) is, registered if new; the mention count
    /// goes up either way.
    fn register(&mut self, name: &str, role: Option<String>) -> Option<usize> {
        let parts = name_parts(name);
        let surname = parts.last()?.clone();
        let found = self.by_surname.get(&surname).and_then(|ids| {
            ids.iter().rev().copied().find(|&id| {
                self.entity(id).is_some_and(|e| {
                    e.parts.len() == 1
                        || crate::speakers::same_parts(&e.parts, &parts)
                        || e.parts.ends_with(&parts)
                        || parts.ends_with(&e.parts)
                })
            })
        });
        let gender = match &role {
            Some(r) => name_gender(&format!("{r} {name}")),
            None => name_gender(name),
        };
        if let Some(id) = found {
            let i = id.checked_sub(self.base)?;
            let e = self.entities.get_mut(i)?;
            e.count += 1;
            if e.parts.len() == 1 && parts.len() > 1 {
                e.name = name.to_string();
                self.by_first.entry(parts[0].clone()).or_default().push(id);
                e.parts = parts;
            }
            if e.role.is_none() {
                e.role = role;
            }
            if e.gender.is_none() {
                e.gender = gender;
            }
            return Some(id);
        }
        if self.entities.len() >= 2 * MAX_ENTITIES {
            self.entities.drain(..MAX_ENTITIES);
            self.base += MAX_ENTITIES;
            let base = self.base;
            for index in [&mut self.by_surname, &mut self.by_first] {
                index.retain(|_, ids| {
                    ids.retain(|&id| id >= base);
                    !ids.is_empty()
                });
            }
        }
        let id = self.base + self.entities.len();
        self.entities.push(Entity {
            name: name.to_string(),
            role,
            parts,
            gender,
            count: 1,
        });
        self.by_surname.entry(surname).or_default().push(id);
        if let Some(first) = self.entities.last().filter(|e| e.parts.len() >= 2) {
            let first = first.parts[0].clone();
            self.by_first.entry(first).or_default().push(id);
        }
        Some(id)
    }

    /// The person a surname names: of those with it, the most mentioned (the latest on a
    /// tie), of the sex `gender` when given; with `fuzzy`, a surname one letter off a known
    /// one (`McLenney` for `McClenney`).
    fn by_surname(&self, word: &str, gender: Option<Gender>, fuzzy: bool) -> Option<usize> {
        let key = name_parts(word).pop()?;
        let best = |ids: &Vec<usize>| {
            ids.iter()
                .copied()
                .filter_map(|id| self.entity(id).map(|e| (id, e)))
                .filter(|(_, e)| gender.is_none() || e.gender.is_none() || e.gender == gender)
                .max_by_key(|(id, e)| (e.count, *id))
                .map(|(id, _)| id)
        };
        if let Some(id) = self.by_surname.get(&key).and_then(best) {
            return Some(id);
        }
        // "Melanie thought ...": a first name alone, for a person named in full.
        if let Some(id) = self.by_first.get(&key).and_then(best) {
            return Some(id);
        }
        if !fuzzy || key.chars().count() < 5 {
            return None;
        }
        let first = key.chars().next();
        self.by_surname
            .iter()
            .filter(|(k, _)| k.chars().next() == first && near(k, &key))
            .filter_map(|(_, ids)| best(ids))
            .max_by_key(|&id| (self.entity(id).map_or(0, |e| e.count), id))
    }

    /// Takes in the people a sentence names, before its statements are resolved.
    /// `cuts` are the byte offsets of its punctuation, where a clause may end.
    pub fn begin_sentence(&mut self, runs: &[Run], cuts: Vec<usize>) {
        self.cuts = cuts;
        self.current.clear();
        self.current_speakers.clear();
        self.lead_pronoun = None;
        for r in runs {
            if r.pronoun {
                self.lead_pronoun = Some((r.name.to_lowercase(), r.tok));
                continue;
            }
            let id = if looks_like_person(&r.name) {
                self.register(&r.name, r.role.clone())
            } else if r.name.split_whitespace().count() == 1 {
                // "Ms. Varga": a title and a surname name a person.
                let titled = r.role.as_deref().is_some_and(|t| {
                    t.split_whitespace()
                        .last()
                        .is_some_and(|w| is_cap(w) && is_title_word(w))
                });
                let id = self.by_surname(&r.name, None, r.subject).or_else(|| {
                    titled
                        .then(|| self.register(&r.name, r.role.clone()))
                        .flatten()
                });
                if let Some(e) = id.and_then(|id| self.entity_mut(id)) {
                    e.count += 1;
                    if e.role.is_none() {
                        e.role = r.role.clone();
                    }
                }
                id
            } else {
                None
            };
            if let Some(id) = id {
                self.current.push((id, r.tok, r.subject, r.possessive));
            }
        }
    }

    /// Closes the sentence: its people (statement speakers and the subject first) become the
    /// newest entry of the history pronouns look back through.
    pub fn end_sentence(&mut self) {
        if let Some((p, tok)) = self.lead_pronoun.take() {
            if self.current_speakers.is_empty() {
                if let Some(id) = self.pronoun_person(&p, tok) {
                    self.current_speakers.push(id);
                }
            }
        }
        let mut ids: Vec<usize> = self.current_speakers.clone();
        ids.extend(self.current.iter().filter(|c| c.2).map(|c| c.0));
        // The others nearest the end first.
        ids.extend(self.current.iter().rev().filter(|c| !c.2).map(|c| c.0));
        let mut seen = Vec::with_capacity(ids.len());
        ids.retain(|id| {
            let new = !seen.contains(id);
            seen.push(*id);
            new
        });
        if self.history.len() >= MAX_BACK {
            self.history.pop_front();
        }
        self.history.push_back(ids);
        self.current.clear();
        self.current_speakers.clear();
    }

    /// The person a `he`/`she` at byte `tok` of the current sentence refers to: people
    /// named before it in the sentence (nearest first), then each earlier sentence's people
    /// (subject first); never one named after it in its own clause (up to the next
    /// punctuation: `he told Hannity,`); of the pronoun's sex; else the article's most
    /// mentioned person of that sex.
    fn pronoun_person(&mut self, pronoun: &str, tok: usize) -> Option<usize> {
        let gender = pronoun_gender(pronoun);
        let clause_end = self
            .cuts
            .iter()
            .copied()
            .find(|&c| c > tok)
            .unwrap_or(usize::MAX);
        let excluded: Vec<usize> = self
            .current
            .iter()
            .filter(|c| c.1 > tok && c.1 < clause_end && !c.3)
            .map(|c| c.0)
            .collect();
        let fits = |s: &Self, id: usize| {
            !excluded.contains(&id)
                && s.entity(id)
                    .is_some_and(|e| gender.is_none() || e.gender.is_none() || e.gender == gender)
        };
        let here = self
            .current_speakers
            .iter()
            .rev()
            .copied()
            .chain(self.current.iter().rev().filter(|c| c.1 < tok).map(|c| c.0));
        let back = self.history.iter().rev().flatten().copied();
        let found = here.chain(back).find(|&id| fits(self, id)).or_else(|| {
            (0..self.entities.len())
                .map(|i| i + self.base)
                .filter(|&id| fits(self, id) && self.entity(id).is_some_and(|e| e.count >= 2))
                .max_by_key(|&id| (self.entity(id).map_or(0, |e| e.count), id))
        })?;
        if let Some(e) = self.entity_mut(found) {
            if e.gender.is_none() {
                e.gender = gender;
            }
        }
        Some(found)
    }

    fn person(&self, id: usize) -> Option<Resolved> {
        self.entity(id).map(|e| Resolved {
            name: e.name.clone(),
            role: e.role.clone(),
            kind: SpeakerType::Person,
        })
    }

    /// Resolves a speaker mention as written, standing at byte `tok` of the current
    /// sentence, and remembers the speaker.
    pub fn resolve(&mut self, mention: &str, tok: usize) -> Resolved {
        let (r, id) = self.lookup(mention, tok);
        if let Some(id) = id {
            self.current_speakers.push(id);
        }
        if self.speakers.len() >= 2 * MAX_ENTITIES {
            self.speakers.drain(..MAX_ENTITIES);
        }
        self.speakers.push(r.clone());
        r
    }

    fn lookup(&mut self, mention: &str, tok: usize) -> (Resolved, Option<usize>) {
        let mention = match trim_mention(mention) {
            // "his claim that ...": the possessive pronoun's person.
            m if m.eq_ignore_ascii_case("his") => "he",
            m if m.eq_ignore_ascii_case("her") => "she",
            m if m.eq_ignore_ascii_case("their") => "they",
            m if m.eq_ignore_ascii_case("its") => "it",
            m => m,
        };
        let words: Vec<&str> = mention.split_whitespace().collect();
        let lower = mention.to_lowercase();
        if words.len() == 1 {
            match lexicon().pronouns.get(lower.as_str()) {
                Some(Referent::Person) => {
                    if let Some(id) = self.pronoun_person(&lower, tok) {
                        if self.lead_pronoun.as_ref().is_some_and(|l| l.1 == tok) {
                            self.lead_pronoun = None;
                        }
                        return (
                            self.person(id).unwrap_or_else(|| unknown(mention)),
                            Some(id),
                        );
                    }
                    return (self.last_speaker(Referent::Person, mention), None);
                }
                Some(r) => return (self.last_speaker(*r, mention), None),
                None => {}
            }
        }
        let (mut role, mut name) = split_role(mention);
        // "Cameron Easley for Morning Consult": a person and the outlet they write for.
        if let Some((person, _)) = name.split_once(" for ").or_else(|| name.split_once(" of ")) {
            if looks_like_person(person) {
                name = person.to_string();
            }
        }
        // "oil and gas worker Sam Miller": a description before a full name is its role.
        if !looks_like_person(&name) {
            let ws: Vec<&str> = name.split_whitespace().collect();
            let tail = ws.iter().rev().take_while(|w| is_cap(w)).count();
            let run = ws[ws.len() - tail..].join(" ");
            if tail >= 2 && tail < ws.len() && looks_like_person(&run) {
                let desc = ws[..ws.len() - tail].join(" ");
                role = Some(role.map_or(desc.clone(), |r| format!("{r} {desc}")));
                name = run;
            }
        }
        // "the conservative-leaning Tax Foundation": lowercase words before an
        // institution's name describe it ("the White House" keeps its article).
        let ws: Vec<&str> = name.split_whitespace().collect();
        let lead = ws.iter().take_while(|w| !is_cap(w)).count();
        if lead >= 2 && lead < ws.len() && !looks_like_person(&ws[lead..].join(" ")) {
            let desc = ws[..lead].join(" ");
            role = Some(role.map_or(desc.clone(), |r| format!("{r} {desc}")));
            name = ws[lead..].join(" ");
        }
        let name_words: Vec<&str> = name.split_whitespace().collect();
        if let Some(m) = super::mentions::leading_modifier(&name_words) {
            role = Some(role.map_or(m.to_string(), |r| format!("{r} {m}")));
            name = name_words[1..].join(" ");
        }
        let content: Vec<&str> = name
            .split_whitespace()
            .filter(|w| !lexicon().determiners.contains(w.to_lowercase().as_str()))
            .collect();
        // "the defense secretary", "The Indiana governor": a role held by someone named.
        let head = content.last().copied().unwrap_or("");
        let description = !content.is_empty()
            && !is_cap(head)
            && is_title_word(head)
            && content.iter().all(|w| !is_cap(w) || !looks_like_person(w));
        if description && words.len() <= 6 {
            if let Some(id) = self.role_holder(&content) {
                return (
                    self.person(id).unwrap_or_else(|| unknown(mention)),
                    Some(id),
                );
            }
            // "The Democratic nominee", "Obama's former campaign strategist": a definite
            // description of someone the article has just named, found like a pronoun (but
            // not for one who speaks for another: "the spokesman").
            let first = crate::article::fold_word(words[0]);
            let definite = ["the", "this", "that"].contains(&first.as_str())
                || first.ends_with("'s")
                || matches!(first.as_str(), "his" | "her" | "their");
            let helper = lexicon()
                .helper_roles
                .contains(crate::article::fold_word(head).as_str());
            if definite && !helper {
                let g = match name_gender(&format!("{head} X Y")) {
                    Some(Gender::Male) => "he",
                    Some(Gender::Female) => "she",
                    None => "",
                };
                if let Some(id) = self.pronoun_person(g, tok) {
                    return (
                        self.person(id).unwrap_or_else(|| unknown(mention)),
                        Some(id),
                    );
                }
            }
            return (unknown(mention), None);
        }
        // A surname: the most mentioned person with it.
        if content.len() == 1 && is_cap(content[0]) {
            let gender = role
                .as_deref()
                .and_then(|r| name_gender(&format!("{r} {}", content[0])));
            if let Some(id) = self.by_surname(content[0], gender, true) {
                if let Some(e) = self.entity_mut(id) {
                    e.count += 1;
                }
                let mut r = self.person(id).unwrap_or_else(|| unknown(mention));
                r.role = role.or(r.role);
                return (r, Some(id));
            }
            // "The Kremlin", "NATO": a name after a determiner, or an acronym, is no person.
            let acronym = content[0].chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !content[0].chars().any(char::is_lowercase);
            if acronym || name.split_whitespace().count() > 1 {
                let r = Resolved {
                    name,
                    role,
                    kind: SpeakerType::Institution,
                };
                return (r, None);
            }
            // Someone the article has not named in full: a person as written, whom a later
            // pronoun may refer to. A sentence-opening word (`Then`, `Chastened`) is none.
            let w = crate::article::fold_word(content[0]);
            let word_like = is_name_glue(&w)
                || ["ed", "ing", "ly"].iter().any(|e| w.ends_with(e))
                || !w
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '-');
            if word_like {
                return (unknown(mention), None);
            }
            let id = self.register(content[0], role.clone());
            let r = Resolved {
                name: content[0].to_string(),
                role,
                kind: SpeakerType::Person,
            };
            return (r, id);
        }
        if looks_like_person(&name) {
            let id = self.register(&name, role.clone());
            // A fuller name said before ("Joe Biden" then "Joseph R. Biden") is kept as given.
            let r = Resolved {
                name,
                role,
                kind: SpeakerType::Person,
            };
            return (r, id);
        }
        let kind = if content.iter().any(|w| is_cap(w)) {
            SpeakerType::Institution
        } else {
            SpeakerType::Unknown
        };
        (Resolved { name, role, kind }, None)
    }

    /// The person whose role shares the most words with a description (`the Indiana
    /// governor`; `Gov.` counts as `governor`), its head word required; the latest on a tie.
    fn role_holder(&self, content: &[&str]) -> Option<usize> {
        let wanted: Vec<String> = content.iter().map(|w| expand(&w.to_lowercase())).collect();
        let head = wanted.last()?;
        self.entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let role: Vec<String> = e
                    .role
                    .as_deref()?
                    .split_whitespace()
                    .map(|w| expand(&crate::article::fold_word(&w.replace('.', ""))))
                    .collect();
                role.contains(head).then(|| {
                    let shared = wanted.iter().filter(|w| role.contains(w)).count();
                    (shared, i + self.base)
                })
            })
            .max()
            .map(|(_, id)| id)
    }

    /// The latest speaker a `they`, `it` or unresolved `he` may be.
    fn last_speaker(&self, referent: Referent, mention: &str) -> Resolved {
        let fits = |r: &Resolved| match referent {
            Referent::Person => r.kind == SpeakerType::Person,
            Referent::Institution => r.kind == SpeakerType::Institution,
            Referent::Any => r.kind != SpeakerType::Unknown,
        };
        self.speakers
            .iter()
            .rev()
            .take(4)
            .find(|r| fits(r))
            .cloned()
            .unwrap_or_else(|| unknown(mention))
    }
}

/// A mention kept as written, of unknown kind.
fn unknown(mention: &str) -> Resolved {
    Resolved {
        name: mention.to_string(),
        role: None,
        kind: SpeakerType::Unknown,
    }
}

/// A title's abbreviation as the word (`sen` -> `senator`), for matching roles.
fn expand(w: &str) -> String {
    match w {
        "sen" => "senator",
        "gov" => "governor",
        "rep" => "representative",
        "gen" => "general",
        "pres" => "president",
        "sec" => "secretary",
        "congressman" | "congresswoman" => "representative",
        other => other,
    }
    .to_string()
}

/// A mention without the function, date and opening words that stuck to it (`When Clinton`,
/// `Friday Cruz`, `an architect who`).
fn trim_mention(mention: &str) -> &str {
    let mut m = mention.trim();
    while let Some((first, rest)) = m.split_once(char::is_whitespace) {
        let w = crate::article::fold_word(first);
        let glue = is_cap(first) && is_name_glue(&w) && !lexicon().determiners.contains(w.as_str());
        if !glue || !rest.trim_start().starts_with(char::is_uppercase) {
            break;
        }
        m = rest.trim_start();
    }
    // "Donald Trump's claim that": the possessor.
    for tail in ["'s", "\u{2019}s"] {
        if let Some(stem) = m.strip_suffix(tail) {
            m = stem;
            break;
        }
    }
    if let Some((rest, last)) = m.rsplit_once(char::is_whitespace) {
        if lexicon()
            .relatives
            .contains(crate::article::fold_word(last).as_str())
        {
            m = rest.trim_end();
        }
    }
    m
}

/// Two or more capitalised words, none of them a title word, an institution's word
/// (`Foundation`) or joined by "and".
fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let lex = lexicon();
    words.len() >= 2
        && words.len() <= 5
        && words.iter().all(|w| {
            is_cap(w)
                && !is_title_word(w)
                && !w.ends_with("'s")
                && !lex
                    .institution_words
                    .contains(crate::article::fold_word(w).as_str())
        })
        && !lex.not_name_starts.contains(words[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(name: &str, tok: usize, subject: bool) -> Run {
        let (role, name) = split_role(name);
        Run {
            name,
            role,
            tok,
            subject,
            pronoun: false,
            possessive: false,
        }
    }

    #[test]
    fn resolution_in_order() {
        let mut r = Resolver::default();
        r.begin_sentence(
            &[
                run("Russian President Vladimir Putin", 0, true),
                run("Joe Biden", 8, false),
            ],
            Vec::new(),
        );
        r.end_sentence();
        let table = [
            (
                "Kremlin spokesman Dmitry Peskov",
                "Dmitry Peskov",
                SpeakerType::Person,
            ),
            ("Biden", "Joe Biden", SpeakerType::Person),
            (
                "the Kremlin and Washington",
                "the Kremlin and Washington",
                SpeakerType::Institution,
            ),
            ("NATO", "NATO", SpeakerType::Institution),
            ("it", "NATO", SpeakerType::Institution),
            (
                "US Secretary of Defense Lloyd Austin",
                "Lloyd Austin",
                SpeakerType::Person,
            ),
            ("he", "Lloyd Austin", SpeakerType::Person),
            ("the defense secretary", "Lloyd Austin", SpeakerType::Person),
            ("Austin", "Lloyd Austin", SpeakerType::Person),
            ("Putin", "Vladimir Putin", SpeakerType::Person),
            ("Mendez", "Mendez", SpeakerType::Person),
        ];
        for (mention, name, kind) in table {
            r.begin_sentence(&[], Vec::new());
            let got = r.resolve(mention, 0);
            r.end_sentence();
            assert_eq!((got.name.as_str(), got.kind), (name, kind), "{mention}");
        }
    }

    #[test]
    fn near_words() {
        assert!(near("mclenney", "mcclenney"));
        assert!(near("smith", "smyth"));
        assert!(!near("smith", "smooth"));
        assert!(near("abc", "abc"));
    }
}
