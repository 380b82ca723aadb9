//! `speakers.csv`, the optional roster of a corpus: each person's canonical name, aliases,
//! role and affiliations (`name,aliases,role,affiliations`, lists separated by `;`). With it,
//! an alias finds its person and an institution (`the White House`) finds the people who
//! speak for it.

use crate::error::{Error, Result};
use crate::speakers::same_person;
use crate::tables::{column, csv_reader};
use std::path::Path;

/// The roster's file name, at the top of a corpus directory.
pub const ROSTER_FILE: &str = "speakers.csv";

/// One person of the roster.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub affiliations: Vec<String>,
}

/// The people of a corpus's `speakers.csv` (empty without one).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Roster {
    pub people: Vec<Person>,
}

/// An institution's comparable form: lower case words, without a leading `the`.
fn fold(s: &str) -> String {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let skip = usize::from(words.first().is_some_and(|w| w == "the"));
    words[skip..].join(" ")
}

fn list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl Person {
    /// True when `name` is this person: the canonical name or an alias, by name parts.
    pub fn is(&self, name: &str) -> bool {
        std::iter::once(&self.name)
            .chain(&self.aliases)
            .any(|n| n.eq_ignore_ascii_case(name.trim()) || same_person(name, n))
    }

    /// The affiliation `name` names, if this person has it.
    pub fn affiliation(&self, name: &str) -> Option<&str> {
        let f = fold(name);
        self.affiliations
            .iter()
            .find(|a| !f.is_empty() && fold(a) == f)
            .map(String::as_str)
    }
}

impl Roster {
    /// Reads `dir/speakers.csv`; no file is an empty roster, a malformed one an error.
    pub fn load(dir: &Path) -> Result<Roster> {
        let path = dir.join(ROSTER_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Roster::parse(&path.to_string_lossy(), &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Roster::default()),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    /// Parses a roster; `path` names it in errors.
    pub fn parse(path: &str, text: &str) -> Result<Roster> {
        let (mut rdr, header) = csv_reader(Path::new(path), text)?;
        let col = |n: &str| column(header.iter().map(String::as_str), n);
        let name_col = col("name")
            .ok_or_else(|| Error::parse(path, 1, "speakers.csv needs a \"name\" column"))?;
        let (aliases, role, affiliations) = (col("aliases"), col("role"), col("affiliations"));
        let mut people = Vec::new();
        for rec in rdr.records() {
            let rec = rec.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line() as usize);
                Error::parse(path, line, format!("bad CSV row: {e}"))
            })?;
            let line = rec.position().map_or(0, |p| p.line() as usize);
            let cell = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("").trim();
            let name = cell(Some(name_col));
            if name.is_empty() {
                return Err(Error::parse(path, line, "a person needs a name"));
            }
            people.push(Person {
                name: name.to_string(),
                aliases: list(cell(aliases)),
                role: Some(cell(role).to_string()).filter(|r| !r.is_empty()),
                affiliations: list(cell(affiliations)),
            });
        }
        Ok(Roster { people })
    }

    /// The names a speaker written in an article stands for: a person's canonical name and
    /// aliases, or, for an institution, the names of everyone affiliated with it.
    pub fn names_for(&self, name: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for p in &self.people {
            if p.is(name) {
                out.push(p.name.as_str());
                out.extend(p.aliases.iter().map(String::as_str));
            } else if p.affiliation(name).is_some() {
                out.push(p.name.as_str());
            }
        }
        out
    }

    /// True when `name` is an institution of the roster: no person's name, but someone's
    /// affiliation.
    pub fn affiliated(&self, name: &str) -> bool {
        !self.people.iter().any(|p| p.is(name))
            && self.people.iter().any(|p| p.affiliation(name).is_some())
    }

    /// When `institution` is not a person of the roster but `speaker` is affiliated with
    /// it: that person and the affiliation as the roster writes it.
    pub fn speaks_for(&self, institution: &str, speaker: &str) -> Option<(&Person, &str)> {
        if self.people.iter().any(|p| p.is(institution)) {
            return None;
        }
        self.people
            .iter()
            .filter(|p| p.is(speaker))
            .find_map(|p| p.affiliation(institution).map(|a| (p, a)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROSTER: &str = "name,aliases,role,affiliations\n\
        Jen Psaki,Jennifer Psaki,Press Secretary,White House\n\
        \"Lloyd J. Austin III\",SEC AUSTIN;SECRETARY AUSTIN,Secretary of Defense,Pentagon;Department of Defense\n\
        Joe Biden,POTUS,President,White House\n";

    #[test]
    fn names_for_people_and_institutions() {
        let r = Roster::parse("speakers.csv", ROSTER).unwrap();
        let table: [(&str, &[&str]); 5] = [
            ("the White House", &["Jen Psaki", "Joe Biden"]),
            ("Pentagon", &["Lloyd J. Austin III"]),
            (
                "SEC AUSTIN",
                &["Lloyd J. Austin III", "SEC AUSTIN", "SECRETARY AUSTIN"],
            ),
            ("Jennifer Psaki", &["Jen Psaki", "Jennifer Psaki"]),
            ("the Kremlin", &[]),
        ];
        for (name, want) in table {
            assert_eq!(r.names_for(name), want, "{name}");
        }
        let (p, a) = r.speaks_for("The White House", "Jen Psaki").unwrap();
        assert_eq!(
            (p.role.as_deref(), a),
            (Some("Press Secretary"), "White House")
        );
        assert!(r.speaks_for("Jen Psaki", "Jen Psaki").is_none());
        assert!(r.speaks_for("the Pentagon", "Jen Psaki").is_none());
    }

    #[test]
    fn errors_name_the_line() {
        let table = [
            (
                "aliases,role\nx,y\n",
                "speakers.csv:1: speakers.csv needs a \"name\"",
            ),
            ("name,role\n,y\n", "speakers.csv:2: a person needs a name"),
        ];
        for (text, want) in table {
            let err = Roster::parse("speakers.csv", text).unwrap_err().to_string();
            assert!(err.starts_with(want), "{err}");
        }
    }
}
