//! Who a speaker mention refers to: pronouns, surnames and role nouns resolved to the last
//! compatible full name mentioned before; institutions and groups kept as written.

use super::lexicon::{lexicon, Referent};
use crate::finding::SpeakerType;
use crate::speakers::{is_title_word, name_parts, split_role};

/// A person the article has named.
#[derive(Debug, Clone)]
struct Entity {
    name: String,
    role: Option<String>,
    /// The surname as `name_parts` folds it, computed once.
    surname: String,
}

impl Entity {
    fn new(name: String, role: Option<String>) -> Entity {
        let surname = name_parts(&name).pop().unwrap_or_default();
        Entity {
            name,
            role,
            surname,
        }
    }
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

/// How many of the most recent names are kept for resolution.
const MAX_ENTITIES: usize = 512;

/// The people named so far in an article, and its speakers so far, in order.
#[derive(Debug, Default)]
pub struct Resolver {
    entities: Vec<Entity>,
    speakers: Vec<Resolved>,
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl Resolver {
    /// Registers the person names in a run of words (`Russian President Vladimir Putin`).
    pub fn note_names(&mut self, words: &[&str]) {
        let mut i = 0;
        while i < words.len() {
            if !is_cap(words[i]) || lexicon().not_name_starts.contains(words[i]) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < words.len()
                && (is_cap(words[j])
                    || (words[j] == "of" && j + 1 < words.len() && is_cap(words[j + 1])))
            {
                j += 1;
            }
            let run = words[i..j].join(" ");
            let (role, name) = split_role(&run);
            if looks_like_person(&name) {
                self.remember(Entity::new(name, role));
            }
            i = j.max(i + 1);
        }
    }

    /// Adds a named person, keeping only the most recent ones (a long input stays linear).
    fn remember(&mut self, e: Entity) {
        if self.entities.len() >= 2 * MAX_ENTITIES {
            self.entities.drain(..MAX_ENTITIES);
        }
        self.entities.push(e);
    }

    /// Resolves a mention as written at an attribution, and remembers the speaker.
    pub fn resolve(&mut self, mention: &str) -> Resolved {
        let r = self.lookup(mention);
        if r.kind == SpeakerType::Person && name_parts(&r.name).len() >= 2 {
            self.remember(Entity::new(r.name.clone(), r.role.clone()));
        }
        if self.speakers.len() >= 2 * MAX_ENTITIES {
            self.speakers.drain(..MAX_ENTITIES);
        }
        self.speakers.push(r.clone());
        r
    }

    fn lookup(&self, mention: &str) -> Resolved {
        let words: Vec<&str> = mention.split_whitespace().collect();
        let lower = mention.to_lowercase();
        if words.len() == 1 {
            if let Some(referent) = lexicon().pronouns.get(lower.as_str()) {
                return self.pronoun(*referent, mention);
            }
        }
        let (role, name) = split_role(mention);
        let content: Vec<&str> = name
            .split_whitespace()
            .filter(|w| !lexicon().determiners.contains(w.to_lowercase().as_str()))
            .collect();
        // "the defense secretary": a role held by someone named before.
        if !content.is_empty() && content.iter().all(|w| !is_cap(w) && is_title_word(w)) {
            let wanted: Vec<String> = content.iter().map(|w| w.to_lowercase()).collect();
            let holder = self.entities.iter().rev().find(|e| {
                e.role.as_ref().is_some_and(|r| {
                    let r = r.to_lowercase();
                    wanted.iter().all(|w| r.contains(w.as_str()))
                })
            });
            if let Some(e) = holder {
                return Resolved {
                    name: e.name.clone(),
                    role: e.role.clone(),
                    kind: SpeakerType::Person,
                };
            }
            return Resolved {
                name: mention.to_string(),
                role: None,
                kind: SpeakerType::Unknown,
            };
        }
        // A surname: the last person with that name.
        if content.len() == 1 && is_cap(content[0]) {
            let key = content[0].trim_end_matches("'s").to_lowercase();
            if let Some(e) = self.entities.iter().rev().find(|e| e.surname == key) {
                return Resolved {
                    name: e.name.clone(),
                    role: role.or_else(|| e.role.clone()),
                    kind: SpeakerType::Person,
                };
            }
            return Resolved {
                name,
                role,
                kind: SpeakerType::Institution,
            };
        }
        if looks_like_person(&name) {
            // A fuller name said before ("Joe Biden" then "Joseph R. Biden") is kept as given.
            return Resolved {
                name,
                role,
                kind: SpeakerType::Person,
            };
        }
        let kind = if content.iter().any(|w| is_cap(w)) {
            SpeakerType::Institution
        } else {
            SpeakerType::Unknown
        };
        Resolved { name, role, kind }
    }

    fn pronoun(&self, referent: Referent, mention: &str) -> Resolved {
        let fits = |r: &Resolved| match referent {
            Referent::Person => r.kind == SpeakerType::Person,
            Referent::Institution => r.kind == SpeakerType::Institution,
            Referent::Any => r.kind != SpeakerType::Unknown,
        };
        if let Some(r) = self.speakers.iter().rev().take(4).find(|r| fits(r)) {
            return r.clone();
        }
        if referent != Referent::Institution {
            if let Some(e) = self.entities.last() {
                return Resolved {
                    name: e.name.clone(),
                    role: e.role.clone(),
                    kind: SpeakerType::Person,
                };
            }
        }
        Resolved {
            name: mention.to_string(),
            role: None,
            kind: SpeakerType::Unknown,
        }
    }
}

/// Two or more capitalised words, none of them a title word or joined by "and".
fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2
        && words.len() <= 5
        && words
            .iter()
            .all(|w| is_cap(w) && !is_title_word(w) && !w.ends_with("'s"))
        && !lexicon().not_name_starts.contains(words[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_in_order() {
        let mut r = Resolver::default();
        r.note_names(&[
            "Russian",
            "President",
            "Vladimir",
            "Putin",
            "and",
            "his",
            "US",
            "counterpart",
            "Joe",
            "Biden",
        ]);
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
            ("Russia", "Russia", SpeakerType::Institution),
            ("it", "Russia", SpeakerType::Institution),
            (
                "US Secretary of Defense Lloyd Austin",
                "Lloyd Austin",
                SpeakerType::Person,
            ),
            ("he", "Lloyd Austin", SpeakerType::Person),
            ("the defense secretary", "Lloyd Austin", SpeakerType::Person),
            ("Austin", "Lloyd Austin", SpeakerType::Person),
            ("Putin", "Vladimir Putin", SpeakerType::Person),
        ];
        for (mention, name, kind) in table {
            let got = r.resolve(mention);
            assert_eq!((got.name.as_str(), got.kind), (name, kind), "{mention}");
        }
    }
}
