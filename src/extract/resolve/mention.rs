//! Resolving one mention as written (`he`, `Clinton`, `the Indiana governor`, `Republican
//! Carla Mendes`, `Cameron Easley for Morning Consult`): the mention's own words, the role
//! holders and the people of the article the resolver keeps.

use super::institutions::is_acronym;
use super::{is_cap, Resolved, Resolver};
use crate::extract::lexicon::{lexicon, Referent};
use crate::extract::mentions::is_name_glue;
use crate::finding::SpeakerType;
use crate::speakers::{is_title_word, name_gender, split_role, Gender};

impl Resolver {
    pub(super) fn lookup(&mut self, mention: &str, tok: usize) -> (Resolved, Option<usize>) {
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
                Some(Referent::Institution) => {
                    if let Some(name) = self.institution_referent(tok) {
                        return (institution(name), None);
                    }
                    return (self.last_speaker(Referent::Institution, mention), None);
                }
                Some(r) => return (self.last_speaker(*r, mention), None),
                None => {}
            }
        }
        // "Cameron Easley for Morning Consult", "Sen. Jo Ames of Ohio": a person and the
        // outlet they write for or the place they represent.
        let mention = match mention
            .split_once(" for ")
            .or_else(|| mention.split_once(" of "))
        {
            Some((person, _)) if looks_like_person(&split_role(person).1) => person,
            _ => mention,
        };
        let words: Vec<&str> = mention.split_whitespace().collect();
        // "the narrator", "the ad's narrator": someone described before (`a narrator in the
        // Lind ad`), by the head noun.
        if let Some(head) = definite_head(&words) {
            if let Some((_, as_written)) = self.described.iter().rev().find(|(h, _)| *h == head) {
                return (unknown(as_written), None);
            }
        }
        if unnamed_description(&words) {
            return (unknown(mention), None);
        }
        if let Some(r) = self.owned(&words, tok) {
            return (r, None);
        }
        // "The Republican National Committee": a name whose last word is an institution's.
        let named = words
            .iter()
            .skip_while(|w| lexicon().determiners.contains(w.to_lowercase().as_str()))
            .copied()
            .collect::<Vec<&str>>();
        let joins = ["of", "and", "&", "the", "on"];
        let institution_word = |w: &str| {
            is_cap(w)
                && lexicon()
                    .institution_words
                    .contains(crate::article::fold_word(w).as_str())
        };
        // ... or an institution's word followed by what it is of or on ("Commission on
        // Presidential Debates", "Council of Economic Advisers").
        let institution_head = named.last().is_some_and(|w| institution_word(w))
            || named
                .windows(2)
                .any(|p| institution_word(p[0]) && ["of", "on", "for"].contains(&p[1]));
        if institution_head && named.iter().all(|w| is_cap(w) || joins.contains(w)) {
            let name = match named.as_slice() {
                [one] => self.full_institution(one),
                _ => None,
            };
            // (kept as written: "the White House")
            return (institution(name.unwrap_or_else(|| words.join(" "))), None);
        }
        // "the union", "the conservative-leaning newspaper": the institution named last.
        if let Some(r) = self.institution_description(&words, tok) {
            return (r, None);
        }
        // ... and when none was named, kept as written ("the council"): never a person,
        // though `council` and `campaign` also stand in titles; nor a referent that a later
        // description could take for the institution's name.
        if words.len() > 1 && words.len() <= 5 {
            let first = crate::article::fold_word(words[0]);
            let head = crate::article::fold_word(words[words.len() - 1]);
            let lex = lexicon();
            if lex.determiners.contains(first.as_str())
                && lex.institution_nouns.contains_key(head.as_str())
                && words[1..].iter().all(|w| !is_cap(w))
            {
                return (unknown(mention), None);
            }
        }
        let (mut role, mut name) = split_role(mention);
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
        if let Some(m) = crate::extract::mentions::leading_modifier(&name_words) {
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
            // "the Times", "Peabody": the short form of an institution named in full before.
            if let Some(full) = self.full_institution(content[0]) {
                return (institution(full), None);
            }
            // "The Kremlin", "NATO": a name after a determiner, or an acronym, is no person.
            if is_acronym(content[0]) || name.split_whitespace().count() > 1 {
                let r = Resolved {
                    name,
                    role,
                    kind: SpeakerType::Institution,
                };
                return (r, None);
            }
            // A group named by its plural (`Republicans`): no one person.
            let folded = crate::article::fold_word(content[0]);
            if lexicon().group_nouns.contains(folded.as_str()) {
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
            // The end of a name said in full before (`Mr. Guajardo Villarreal` after `Ildefonso
            // Guajardo Villarreal`) is that person; a fuller name said after a shorter one
            // (`Joe Biden` then `Joseph R. Biden`) is kept as given.
            let shorter = id.and_then(|id| self.entity(id)).is_some_and(|e| {
                let parts = crate::speakers::name_parts(&name);
                e.parts.len() > parts.len() && e.parts.ends_with(&parts)
            });
            if let Some(mut r) = id.filter(|_| shorter).and_then(|id| self.person(id)) {
                r.role = role.or(r.role);
                return (r, id);
            }
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

    /// What a possessive mention is (`His surrogates`, `Ryan's campaign`): the owner
    /// resolved, the rest as written (`Donald Trump's surrogates`), a group or an
    /// institution. A title after the owner (`his spokesman`) is a person and is
    /// left to the description rules; a plural one (`Lind's aides`) is a group.
    fn owned(&mut self, words: &[&str], tok: usize) -> Option<Resolved> {
        let lex = lexicon();
        let at = words.iter().position(|w| {
            let w = crate::article::fold_word(w);
            w.ends_with("'s") || w == "his" || w == "her"
        })?;
        let (owner_words, rest) = (&words[..=at], &words[at + 1..]);
        let lower_rest = !rest.is_empty() && rest.iter().all(|w| !is_cap(w));
        let head = crate::article::fold_word(rest.last()?);
        // (a plural title is a group: `Lind's aides`)
        let person_head = is_title_word(&head)
            && !head.ends_with('s')
            && !lex.institution_nouns.contains_key(head.as_str());
        if !lower_rest || person_head || lex.pronouns.contains_key(head.as_str()) {
            return None;
        }
        let last = crate::article::fold_word(owner_words[at]);
        let owner = if let Some(p) = match (at, last.as_str()) {
            (0, "his") => Some("he"),
            (0, "her") => Some("she"),
            _ => None,
        } {
            let id = self.pronoun_person(p, tok)?;
            self.entity(id)?.name.clone()
        } else if let Some(stem) = last.strip_suffix("'s") {
            // "Ryan's campaign", "Donald Trump's campaign": a person's, the words before
            // the surname a name or a determiner.
            let lead_ok = owner_words[..at]
                .iter()
                .all(|w| is_cap(w) && !is_title_word(w) || w.eq_ignore_ascii_case("the"));
            if !lead_ok {
                return None;
            }
            let id = self.by_surname(stem, None, false)?;
            self.entity(id)?.name.clone()
        } else {
            return None;
        };
        Some(institution(format!("{owner}'s {}", rest.join(" "))))
    }

    /// The institution a definite description with an institution's head noun refers to
    /// (`the union`, `the conservative-leaning newspaper`), or a person's institution (`the
    /// Trump campaign`).
    fn institution_description(&mut self, words: &[&str], tok: usize) -> Option<Resolved> {
        let lex = lexicon();
        let first = crate::article::fold_word(words.first()?);
        let head = crate::article::fold_word(words.last()?);
        let own_word = *lex.institution_nouns.get(head.as_str())?;
        if !["the", "this", "that"].contains(&first.as_str()) || words.len() > 5 {
            return None;
        }
        let middle = &words[1..words.len() - 1];
        let caps: Vec<&str> = middle.iter().copied().filter(|w| is_cap(w)).collect();
        if caps.is_empty() {
            return self
                .described_institution(&head, own_word, tok)
                .map(institution);
        }
        // "the Trump campaign": a name before the noun is its owner, when it is a person's.
        if caps.len() == middle.len() && caps.len() <= 3 {
            let id = self.by_surname(caps.last()?, None, false)?;
            let owner = self.entity(id)?.name.clone();
            return Some(institution(format!("{owner}'s {}", words[words.len() - 1])));
        }
        None
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
                // "the vice presidential nominee" is not the presidential nominee: every
                // title word of the description is in the role.
                let titled = wanted
                    .iter()
                    .filter(|w| is_title_word(w))
                    .all(|w| role.contains(w));
                // ... and the role's rank words are in the description ("the nominee" is not
                // the vice presidential nominee).
                let ranked = role
                    .iter()
                    .filter(|w| lexicon().rank_words.contains(w.as_str()))
                    .all(|w| wanted.contains(w));
                let titled = titled && ranked;
                (titled && role.contains(head)).then(|| {
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

/// Is a mention someone unnamed, described by what they are and where (`a voter in Ohio`,
/// `a narrator in the Lind ad`, `a friend of Lind's`): lowercase words with a common noun, then
/// a preposition of place or relation (`description_prepositions.txt`; not `by`, `from`,
/// `for`, whose object is a source) whose object holds the only name? Not for a title (`the governor of Ohio`, resolved as a role)
/// nor a source noun that speaks for the name (`a spokesman for Lind`).
fn unnamed_description(words: &[&str]) -> bool {
    let lex = lexicon();
    let Some(c) = words.iter().position(|w| is_cap(w)) else {
        return false;
    };
    let folded: Vec<String> = words[..c]
        .iter()
        .map(|w| crate::article::fold_word(w))
        .collect();
    let Some(p) = folded
        .iter()
        .rposition(|w| lex.prepositions.contains(w.as_str()))
    else {
        return false;
    };
    // "an analysis by X", "data from X", "polls conducted for X": X is the source.
    if !lex.description_prepositions.contains(folded[p].as_str()) {
        return false;
    }
    let between_determiners = folded[p + 1..]
        .iter()
        .all(|w| lex.determiners.contains(w.as_str()));
    let head = p.checked_sub(1).map(|h| folded[h].as_str());
    between_determiners
        && head.is_some_and(|h| {
            !is_title_word(h) && !lex.source_nouns.contains(h) && !lex.determiners.contains(h)
        })
}

/// The head noun of a description: the word before its first preposition, or its last word.
fn head_noun(words: &[String]) -> Option<String> {
    let lex = lexicon();
    let end = words
        .iter()
        .position(|w| lex.prepositions.contains(w.as_str()))
        .unwrap_or(words.len());
    let head = words[..end].last()?;
    let plain = head.chars().all(|c| c.is_alphabetic() || c == '-');
    (plain && !lex.determiners.contains(head.as_str())).then(|| head.clone())
}

/// The head noun of an indefinite description of someone unnamed (`a narrator in the Lind
/// ad` -> `narrator`, `one voter` -> `voter`), as written in lower case; none for a name.
pub(super) fn indefinite_head(mention: &str) -> Option<String> {
    let words: Vec<String> = mention
        .split_whitespace()
        .map(crate::article::fold_word)
        .collect();
    let first = words.first()?;
    if !["a", "an", "one"].contains(&first.as_str()) || words.len() < 2 {
        return None;
    }
    head_noun(&words[1..])
}

/// The head noun of a definite description (`the narrator`, `the ad's narrator`, `the
/// voter from Ohio`), lower case, when it has no capitalised word (`the Lind ad` is not one).
fn definite_head(words: &[&str]) -> Option<String> {
    if words.len() < 2 || words.len() > 4 || words[1..].iter().any(|w| is_cap(w)) {
        return None;
    }
    let folded: Vec<String> = words.iter().map(|w| crate::article::fold_word(w)).collect();
    if folded[0] != "the" {
        return None;
    }
    head_noun(&folded[1..])
}

/// An institution by name.
fn institution(name: String) -> Resolved {
    Resolved {
        name,
        role: None,
        kind: SpeakerType::Institution,
    }
}

/// A mention kept as written, of unknown kind.
pub(super) fn unknown(mention: &str) -> Resolved {
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
        // "Though he", "When she": a subordinator before a pronoun is no part of it.
        let rest_word = crate::article::fold_word(rest.trim());
        let rest_word = rest_word.strip_suffix("'s").unwrap_or(&rest_word);
        let pronoun = lexicon().pronouns.contains_key(rest_word)
            && lexicon().subordinators.contains(w.as_str());
        if !glue || !(rest.trim_start().starts_with(char::is_uppercase) || pronoun) {
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
/// (`Foundation`) or joined by "and", not opened by a cue (`Said Stone`), and no place's name
/// (`New York`).
pub(super) fn looks_like_person(name: &str) -> bool {
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
        && !lex
            .cues
            .contains_key(crate::article::fold_word(words[0]).as_str())
        && !crate::extract::lexicon::is_place(name)
}
