//! Who a speaker mention refers to, inside the article: full names are people the article
//! names; a surname is the most mentioned person with it; a pronoun is the nearest compatible
//! person in the sentences before (the subject of each sentence first, people named after a
//! pronoun in its own clause never: `he told Hannity` is not Hannity), with the sex a title,
//! a first name or an earlier pronoun tells as evidence; a role noun (`the senator`) is the
//! person who holds that role. Institutions and groups are kept as written; an unresolved
//! person stays a person with the words as written.

use super::mentions::Run;
use crate::finding::SpeakerType;
use crate::speakers::{is_title_word, name_gender, name_parts, Gender};
use rustc_hash::FxHashMap as HashMap;
use std::collections::VecDeque;

mod institutions;
mod mention;
use institutions::OrgMention;
use mention::looks_like_person;

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

/// A person named in the current sentence.
#[derive(Debug, Clone, Copy)]
struct Named {
    id: usize,
    /// Byte offset of the name.
    tok: usize,
    subject: bool,
    possessive: bool,
    /// The object of a preposition (`pressed by Holt`).
    object: bool,
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
    /// The current sentence's people and the pronoun or description subject it opens with
    /// (as written, byte offset).
    current: Vec<Named>,
    lead_pronoun: Option<(String, usize)>,
    /// Speakers resolved in the current sentence, in order.
    current_speakers: Vec<usize>,
    /// Byte offsets of the current sentence's punctuation.
    cuts: Vec<usize>,
    /// Institutions named in several words, oldest first (the full forms of short ones).
    /// (name, its first and last word folded)
    org_names: Vec<(String, String, String)>,
    /// The institutions of each recent sentence, newest last, most salient first.
    org_history: VecDeque<Vec<OrgMention>>,
    /// The current sentence's institutions, and its institution speakers in order.
    current_orgs: Vec<OrgMention>,
    current_org_speakers: Vec<OrgMention>,
    /// Speakers described, not named (`a narrator in the Lind ad`), newest last: (head noun,
    /// the description as written), for a later `the narrator` or `the ad's narrator`.
    described: Vec<(String, String)>,
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

    /// Whether the article has named a person with the surname (or first name) `word`.
    pub fn knows_surname(&self, word: &str) -> bool {
        self.by_surname(word, None, false).is_some()
    }

    /// Takes in the people a sentence names, before its statements are resolved.
    /// `cuts` are the byte offsets of its punctuation, where a clause may end.
    pub fn begin_sentence(&mut self, runs: &[Run], cuts: Vec<usize>) {
        self.cuts = cuts;
        self.current.clear();
        self.current_speakers.clear();
        self.lead_pronoun = None;
        self.current_orgs.clear();
        self.current_org_speakers.clear();
        let mut person = vec![false; runs.len()];
        let mut place = vec![false; runs.len()];
        for (k, r) in runs.iter().enumerate() {
            if r.pronoun {
                self.lead_pronoun = Some((r.name.clone(), r.tok));
                continue;
            }
            // "in New York", "Libya": a place is no one (unless a subject with a known
            // person's surname: `Austin said`).
            if crate::extract::lexicon::is_place(&r.name)
                && !(r.subject && self.by_surname(&r.name, None, false).is_some())
            {
                place[k] = true;
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
                person[k] = true;
                self.current.push(Named {
                    id,
                    tok: r.tok,
                    subject: r.subject,
                    possessive: r.possessive,
                    object: r.object,
                });
            }
        }
        // (a place is no institution either)
        let skip: Vec<bool> = person.iter().zip(&place).map(|(a, b)| *a || *b).collect();
        self.note_institutions(runs, &skip);
    }

    /// Closes the sentence: its people (statement speakers and the subject first) become the
    /// newest entry of the history pronouns look back through.
    pub fn end_sentence(&mut self) {
        if let Some((p, tok)) = self.lead_pronoun.take() {
            if self.current_speakers.is_empty() {
                // A pronoun, or a description (`The Indiana governor`) found like one.
                let id = if p.contains(char::is_whitespace) {
                    self.lookup(&p, tok).1
                } else {
                    self.pronoun_person(&p.to_lowercase(), tok)
                };
                if let Some(id) = id {
                    self.current_speakers.push(id);
                }
            }
        }
        let mut ids: Vec<usize> = self.current_speakers.clone();
        ids.extend(self.current.iter().filter(|c| c.subject).map(|c| c.id));
        // The others nearest the end first.
        ids.extend(
            self.current
                .iter()
                .rev()
                .filter(|c| !c.subject)
                .map(|c| c.id),
        );
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
        self.close_institutions();
    }

    /// The person a `he`/`she` at byte `tok` of the current sentence refers to: people
    /// named before it in the sentence (nearest first; not the object of a preposition:
    /// `When pressed by Holt, he said` is not Holt), then each earlier sentence's people
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
            .filter(|c| c.tok > tok && c.tok < clause_end && !c.possessive)
            .map(|c| c.id)
            .collect();
        let fits = |s: &Self, id: usize| {
            !excluded.contains(&id)
                && s.entity(id)
                    .is_some_and(|e| gender.is_none() || e.gender.is_none() || e.gender == gender)
        };
        // A speaker of this sentence named only as a preposition's object (`When pressed
        // by Holt about jobs, his answer was to say`) is not the pronoun's either.
        let object_only = |id: usize| {
            let mine = || self.current.iter().filter(move |c| c.id == id);
            mine().next().is_some() && mine().all(|c| c.object)
        };
        let here = self
            .current_speakers
            .iter()
            .rev()
            .copied()
            .filter(|&id| !object_only(id))
            .chain(
                self.current
                    .iter()
                    .rev()
                    .filter(|c| c.tok < tok && !c.object)
                    .map(|c| c.id),
            );
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

    /// Resolves the speakers of one sentence's statements and makes the statements, in the
    /// order found. A statement inside another's content (`Trump's claim that …` in `Trump's
    /// claim that … was false, Biden said`) is resolved after it: the outer speaker is the
    /// sentence's, whom a `he said` after it means.
    pub(in crate::extract) fn resolve_sentence(
        &mut self,
        article: &crate::article::Article,
        found: Vec<super::statement::Raw>,
    ) -> Vec<crate::finding::Statement> {
        let reach = |r: &super::statement::Raw| {
            let start = r.spans.first().map_or(0, |s| s[0]);
            (start, r.spans.last().map_or(start, |s| s[1]))
        };
        let nested = |i: usize| {
            let (s, e) = reach(&found[i]);
            found.iter().enumerate().any(|(j, o)| {
                let (os, oe) = reach(o);
                j != i && os <= s && e <= oe && (os, oe) != (s, e)
            })
        };
        let mut order: Vec<usize> = (0..found.len()).collect();
        order.sort_by_key(|&i| nested(i));
        let mut resolved: Vec<Option<Resolved>> = vec![None; found.len()];
        for i in order {
            let raw = &found[i];
            let at = raw.speaker_span.map_or(raw.spans[0][0], |s| s[0]);
            resolved[i] = Some(self.resolve(&raw.mention, at));
        }
        found
            .into_iter()
            .zip(resolved)
            .filter_map(|(raw, r)| Some(raw.into_statement(article, r?)))
            .collect()
    }

    /// Resolves a speaker mention as written, standing at byte `tok` of the current
    /// sentence, and remembers the speaker.
    pub fn resolve(&mut self, mention: &str, tok: usize) -> Resolved {
        let (r, id) = self.lookup(mention, tok);
        if let Some(id) = id {
            self.current_speakers.push(id);
        }
        if r.kind == SpeakerType::Unknown {
            if let Some(head) = mention::indefinite_head(&r.name) {
                if self.described.len() >= MAX_ENTITIES {
                    self.described.remove(0);
                }
                self.described.push((head, r.name.clone()));
            }
        }
        if r.kind == SpeakerType::Institution {
            self.remember_institution(&r.name);
            self.current_org_speakers.push(OrgMention {
                name: r.name.clone(),
                tok,
                strong: true,
                named: true,
            });
        }
        if self.speakers.len() >= 2 * MAX_ENTITIES {
            self.speakers.drain(..MAX_ENTITIES);
        }
        self.speakers.push(r.clone());
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speakers::split_role;

    fn run(name: &str, tok: usize, subject: bool) -> Run {
        let (role, name) = split_role(name);
        Run {
            name,
            role,
            tok,
            subject,
            pronoun: false,
            possessive: false,
            opening: false,
            object: false,
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
