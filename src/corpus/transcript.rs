//! The transcript text format: front matter between `---` lines (`title`, `date`, `speaker`,
//! `aliases`, `speakers`, `source`), then paragraphs; a `LABEL:` paragraph opens a turn and an
//! unlabelled one continues it.

use super::{Document, Turn, QUESTION_SPEAKER};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::speakers::{is_title_word, name_parts, same_person};
use regex::Regex;
use std::sync::OnceLock;

/// Longest label, in words, that opens a turn.
const MAX_LABEL_WORDS: usize = 6;

fn label_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(Q\.?|[A-Z][\w'\u{2019}.\-]*(?: [\w'\u{2019}.\-]+){0,5})\s*:\s+|^(Q\.)\s+")
            .expect("label regex")
    })
}

/// Words that may stand lower case inside a label (`Secretary of State`).
fn label_word_ok(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || matches!(
            w,
            "of" | "the" | "de" | "van" | "von" | "da" | "al" | "bin" | "la" | "le" | "du"
        )
}

/// Splits a paragraph into (label, rest) when it opens with a speaker label.
pub(super) fn split_label(par: &str) -> Option<(&str, &str)> {
    // White House style: `Q Jen, what will he say?` (no colon, no period).
    if let Some(rest) = par.strip_prefix("Q ") {
        let rest = rest.trim_start();
        if rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || "\"\u{201c}'\u{2018}(".contains(c))
        {
            return Some(("Q", rest));
        }
    }
    let caps = label_re().captures(par)?;
    let label = caps.get(1).or_else(|| caps.get(2))?.as_str();
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.len() > MAX_LABEL_WORDS || !words.iter().all(|w| label_word_ok(w)) {
        return None;
    }
    Some((label, &par[caps.get(0)?.end()..]))
}

/// Parses one transcript. `path` is only used to name the file in errors.
pub fn parse_transcript(path: &str, text: &str) -> Result<Document> {
    let mut doc = Document {
        path: path.to_string(),
        ..Document::default()
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut body_start = 0;
    if lines.first().is_some_and(|l| l.trim() == "---") {
        let close = lines
            .iter()
            .skip(1)
            .position(|l| l.trim() == "---")
            .ok_or_else(|| {
                Error::parse(path, 1, "front matter opened with '---' is never closed")
            })?
            + 1;
        for (i, line) in lines[1..close].iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let (key, value) = line.split_once(':').ok_or_else(|| {
                Error::parse(
                    path,
                    i + 2,
                    format!("front matter line is not 'key: value': {line:?}"),
                )
            })?;
            front_matter(&mut doc, key.trim(), value.trim(), path, i + 2)?;
        }
        body_start = close + 1;
    }
    if doc.title.is_empty() {
        doc.title = std::path::Path::new(path)
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    }
    parse_body(&mut doc, &lines[body_start..], body_start);
    Ok(doc)
}

/// Adds the turns of a body (paragraphs; a `LABEL:` paragraph opens a turn) to `doc`.
/// `first` is the 0-based line number of `lines[0]` in its file.
pub(super) fn parse_body(doc: &mut Document, lines: &[&str], first: usize) {
    let mut current: Option<Turn> = None;
    let mut par = String::new();
    let mut par_line = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            if !par.is_empty() {
                add_paragraph(doc, &mut current, &par, par_line);
                par.clear();
            }
        } else {
            if par.is_empty() {
                par_line = first + i + 1;
            } else {
                par.push('\n');
            }
            par.push_str(line.trim_end());
        }
    }
    if !par.is_empty() {
        add_paragraph(doc, &mut current, &par, par_line);
    }
    doc.turns.extend(current);
}

/// Applies one `key: value` line of front matter (or of a caption file's sidecar).
pub(super) fn front_matter(
    doc: &mut Document,
    key: &str,
    value: &str,
    path: &str,
    line: usize,
) -> Result<()> {
    match key.to_ascii_lowercase().as_str() {
        "title" => doc.title = value.to_string(),
        "date" => {
            doc.date = Some(
                Date::parse_iso(value)
                    .or_else(|| Date::find_in(value))
                    .ok_or_else(|| {
                        Error::parse(
                            path,
                            line,
                            format!("date {value:?} is not a date (YYYY-MM-DD)"),
                        )
                    })?,
            )
        }
        "speaker" => doc.speaker = Some(value.to_string()).filter(|v| !v.is_empty()),
        "source" => doc.source = Some(value.to_string()),
        "aliases" => {
            for pair in value.split(';').filter(|p| !p.trim().is_empty()) {
                let (label, name) = pair.split_once('=').ok_or_else(|| {
                    Error::parse(path, line, format!("alias {pair:?} is not 'LABEL = Name'"))
                })?;
                doc.aliases
                    .push((label.trim().to_string(), name.trim().to_string()));
            }
        }
        "speakers" => {
            for entry in value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                let (name, role) = match entry.split_once('(') {
                    Some((n, r)) => (n.trim(), Some(r.trim_end_matches(')').trim().to_string())),
                    None => (entry, None),
                };
                doc.participants.push((name.to_string(), role));
            }
        }
        _ => {}
    }
    Ok(())
}

/// Who a label names: an alias, a participant, the document's speaker, the person the
/// document's title names ([`title_name`]), or the label itself.
pub(super) fn resolve_label(doc: &Document, label: &str) -> String {
    let bare = label.trim().trim_end_matches('.');
    if bare.eq_ignore_ascii_case("q") || bare.eq_ignore_ascii_case("question") {
        return QUESTION_SPEAKER.to_string();
    }
    if let Some((_, name)) = doc
        .aliases
        .iter()
        .find(|(l, _)| l.trim_end_matches('.').eq_ignore_ascii_case(bare))
    {
        return name.clone();
    }
    if let Some((name, _)) = doc
        .participants
        .iter()
        .find(|(n, _)| n == bare || same_person(bare, n))
    {
        return name.clone();
    }
    if let Some(s) = doc.speaker.as_ref().filter(|s| same_person(bare, s)) {
        return s.clone();
    }
    if let Some(name) = title_name(&doc.title, bare) {
        // The title may name only a surname (`Remarks by President Biden`): a fuller name the
        // document knows for that person (an alias's, a participant's) is better.
        let known = doc
            .aliases
            .iter()
            .map(|(_, n)| n)
            .chain(doc.participants.iter().map(|(n, _)| n))
            .find(|n| name_parts(n).len() > name_parts(&name).len() && same_person(&name, n));
        return known.cloned().unwrap_or(name);
    }
    bare.to_string()
}

/// Words that end a name read from a title (`Interview With Bret Baier`, `Gillard and Swan`).
const TITLE_STOP_WORDS: [&str; 12] = [
    "with", "and", "by", "on", "of", "the", "at", "for", "to", "in", "from", "between",
];

/// Labels that name a part in the event, not a person (`MODERATOR:` is nobody's surname,
/// even in `Debate Moderator Chris Wallace`).
const GENERIC_LABELS: [&str; 16] = [
    "moderator",
    "journalist",
    "interviewer",
    "audience",
    "announcer",
    "narrator",
    "panelist",
    "caller",
    "presenter",
    "participant",
    "unidentified",
    "voice",
    "crowd",
    "male",
    "female",
    "questioner",
];

/// A title's word as compared with a label's: lower case, without periods, edge punctuation
/// and a possessive `'s`.
fn title_word(w: &str) -> String {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w);
    w.replace('.', "").to_lowercase()
}

/// The person a label stands for, as the document's title names them: a surname label
/// (`MS. PSAKI`, `SEC. AUSTIN`, `GILLARD`) finds the full name around that surname
/// (`Statement by Press Secretary Jen Psaki` -> `Jen Psaki`; initials and a suffix are kept:
/// `Lloyd J. Austin III`), and a role label (`THE PRESIDENT`) the name after that role
/// (`Remarks by President Biden` -> `Biden`, but not `Vice President Harris`). A surname
/// found without a first name is no better than the label, so it gives nothing.
fn title_name(title: &str, label: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| title_word(w)).collect();
    let capitalised = |i: usize| words[i].chars().next().is_some_and(char::is_uppercase);
    let name_word = |i: usize| {
        capitalised(i)
            && !is_title_word(&folded[i])
            && !TITLE_STOP_WORDS.contains(&folded[i].as_str())
    };
    // A word that ends with punctuation ends the name there (`Biden,`).
    let ends = |i: usize| {
        words[i].ends_with([',', ';', ':', ')'])
            || folded[i] != words[i].replace('.', "").to_lowercase()
    };
    let parts = name_parts(label);
    if parts.len() == 1 && GENERIC_LABELS.contains(&parts[0].as_str()) {
        return None;
    }
    if let Some(surname) = parts.last() {
        let i = (0..words.len()).find(|&i| &folded[i] == surname && capitalised(i))?;
        let mut start = i;
        let mut first = false;
        while start > 0 && name_word(start - 1) && !ends(start - 1) {
            let initial = folded[start - 1].chars().count() == 1;
            if !initial && first {
                break;
            }
            first |= !initial;
            start -= 1;
        }
        let mut end = i + 1;
        if !ends(i)
            && end < words.len()
            && ["jr", "sr", "ii", "iii", "iv"].contains(&folded[end].as_str())
        {
            end += 1;
        }
        let name = words[start..end]
            .iter()
            .map(|w| w.trim_end_matches([',', ';', ':', ')']))
            .collect::<Vec<_>>()
            .join(" ");
        // A label that is a full name already (`JULIA GILLARD`) gains only its case; one
        // whose title words say more is a heading misread as a label
        // (`NATIONAL PRESS CLUB LUNCHEON:`), not a person.
        let words_of = |n: &str| n.split_whitespace().map(title_word).collect::<Vec<_>>();
        let ok = first
            && same_person(&name, label)
            && (parts.len() < 2 || words_of(&name) == words_of(label));
        return ok.then(|| unshout(&name));
    }
    // A role label: its words (`the` aside) are all title words.
    let role: Vec<String> = label
        .split_whitespace()
        .map(title_word)
        .filter(|w| w != "the")
        .collect();
    if role.is_empty() || !role.iter().all(|w| is_title_word(w)) {
        return None;
    }
    (0..words.len().saturating_sub(role.len())).find_map(|i| {
        let after = i + role.len();
        let matches = folded[i..after] == role[..]
            && !(i > 0 && is_title_word(&folded[i - 1]) && capitalised(i - 1))
            && !ends(after - 1)
            && name_word(after);
        if !matches {
            return None;
        }
        let mut end = after;
        while end < words.len() && name_word(end) && end - after < 4 {
            end += 1;
            if ends(end - 1) {
                break;
            }
        }
        let name = words[after..end]
            .iter()
            .map(|w| title_word_as_written(w))
            .collect::<Vec<_>>()
            .join(" ");
        Some(unshout(&name))
    })
}

/// A name from a title in capitals (`DERRYN HINCH`) as a name is written (`Derryn Hinch`);
/// any other name as it is.
fn unshout(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if word_start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        // A new capital after a space, an apostrophe or a hyphen (`O'Brien`, `Smith-Jones`)
        // and after `Mc` (`McMahon`).
        word_start =
            matches!(c, ' ' | '\'' | '\u{2019}' | '-') || out.ends_with(" Mc") || out == "Mc";
    }
    out
}

/// A title's word as written, without edge punctuation and a possessive `'s`.
fn title_word_as_written(w: &str) -> &str {
    let w = w.trim_end_matches([',', ';', ':', ')']);
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
}

fn add_paragraph(doc: &mut Document, current: &mut Option<Turn>, par: &str, line: usize) {
    if let Some((label, rest)) = split_label(par) {
        doc.turns.extend(current.take());
        *current = Some(Turn {
            follows: false,
            speaker: resolve_label(doc, label),
            label: Some(label.to_string()),
            text: rest.to_string(),
            line,
            times: Vec::new(),
        });
        return;
    }
    match current {
        Some(turn) => {
            turn.text.push_str("\n\n");
            turn.text.push_str(par);
        }
        None => {
            *current = Some(Turn {
                follows: false,
                speaker: doc
                    .speaker
                    .clone()
                    .unwrap_or_else(|| super::UNKNOWN_SPEAKER.to_string()),
                label: None,
                text: par.to_string(),
                line,
                times: Vec::new(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "---\ntitle: T\ndate: 2021-12-04\nspeaker: Jen Psaki\naliases: SEC AUSTIN = Lloyd J. Austin III; MR. BAIER = Bret Baier\n---\n\nUnlabelled first.\n\nMR. BAIER: A question?\n\nSEC AUSTIN: An answer.\n\nMore answer.\n\nQ: From the floor.\n\nMS. PSAKI: Thanks.\n";

    #[test]
    fn turns_and_labels() {
        let d = parse_transcript("t.txt", SAMPLE).unwrap();
        let got: Vec<(&str, &str, usize)> = d
            .turns
            .iter()
            .map(|t| (t.speaker.as_str(), t.text.as_str(), t.line))
            .collect();
        assert_eq!(
            got,
            [
                ("Jen Psaki", "Unlabelled first.", 8),
                ("Bret Baier", "A question?", 10),
                ("Lloyd J. Austin III", "An answer.\n\nMore answer.", 12),
                (QUESTION_SPEAKER, "From the floor.", 16),
                ("Jen Psaki", "Thanks.", 18),
            ]
        );
        assert_eq!(d.date.unwrap().to_string(), "2021-12-04");
    }

    #[test]
    fn errors_name_the_line() {
        let table = [
            (
                "---\ntitle: x\n",
                "t.txt:1: front matter opened with '---' is never closed",
            ),
            (
                "---\ntitle: x\nno colon here\n---\n",
                "t.txt:3: front matter line is not 'key: value'",
            ),
            ("---\ndate: someday\n---\n", "t.txt:2: date \"someday\""),
        ];
        for (text, want) in table {
            let err = parse_transcript("t.txt", text).unwrap_err().to_string();
            assert!(err.starts_with(want), "{err}");
        }
    }

    #[test]
    fn labels_resolve_through_the_title() {
        let table = [
            (
                "Press Briefing by Press Secretary Jen Psaki, December 3, 2021",
                "MS. PSAKI",
                "Jen Psaki",
            ),
            (
                "Statement by White House Press Secretary Jen Psaki on President Biden's call",
                "THE PRESIDENT",
                "Biden",
            ),
            (
                "Remarks by President Biden and Vice President Harris",
                "THE VICE PRESIDENT",
                "Harris",
            ),
            (
                "Remarks by Vice President Harris",
                "THE PRESIDENT",
                "THE PRESIDENT",
            ),
            (
                "Secretary of Defense Lloyd J. Austin III Interview With Bret Baier",
                "SEC. AUSTIN",
                "Lloyd J. Austin III",
            ),
            (
                "Secretary of Defense Lloyd J. Austin III Interview With Bret Baier",
                "MR. BAIER",
                "Bret Baier",
            ),
            (
                "Joint Press Conference with the Hon Julia Gillard, MP, and the Hon Wayne Swan, MP",
                "GILLARD",
                "Julia Gillard",
            ),
            (
                "Joint Press Conference with the Hon Julia Gillard, MP, and the Hon Wayne Swan, MP",
                "SWAN",
                "Wayne Swan",
            ),
            (
                "TRANSCRIPT OF NEWS CONFERENCE, NEW DELHI, MR HAWKE, MR LEE KUAN YEW",
                "HAWKE",
                "HAWKE",
            ),
            (
                "Press Conference with the Deputy Prime Minister",
                "GILLARD",
                "GILLARD",
            ),
            ("Interview with Derryn Hinch, 3AW", "HINCH", "Derryn Hinch"),
            (
                "INTERVIEW BETWEEN PRIME MINISTER AND DERRYN HINCH, 3AW",
                "HINCH",
                "Derryn Hinch",
            ),
            (
                "Interview with Derryn Hinch, 3AW",
                "JOURNALIST",
                "JOURNALIST",
            ),
            (
                "Third Debate, Moderator Chris Wallace",
                "MODERATOR",
                "MODERATOR",
            ),
            (
                "INTERVIEW WITH KERRY O'BRIEN - THE 7.30 REPORT",
                "O'BRIEN",
                "Kerry O'Brien",
            ),
            (
                "PRESS CONFERENCE, MR WILLIAM MCMAHON, SAN FRANCISCO",
                "MCMAHON",
                "William McMahon",
            ),
            (
                "NATIONAL PRESS CLUB LUNCHEON: OPENING ADDRESS",
                "NATIONAL PRESS CLUB LUNCHEON",
                "NATIONAL PRESS CLUB LUNCHEON",
            ),
            (
                "Doorstop Interview with the Acting PM, The Hon Julia Gillard, MP",
                "JULIA GILLARD",
                "Julia Gillard",
            ),
        ];
        for (title, label, want) in table {
            let doc = Document {
                title: title.to_string(),
                ..Document::default()
            };
            assert_eq!(resolve_label(&doc, label), want, "{label} in {title:?}");
        }
        // A fuller name the document knows wins over the title's surname.
        let doc = Document {
            title: "Remarks by President Biden".to_string(),
            aliases: vec![("POTUS".to_string(), "Joe Biden".to_string())],
            ..Document::default()
        };
        assert_eq!(resolve_label(&doc, "THE PRESIDENT"), "Joe Biden");
    }

    #[test]
    fn sentences_with_colons_are_not_labels() {
        let table = [
            ("THE PRESIDENT: Hello.", Some("THE PRESIDENT")),
            ("Jim Lehrer: Good evening.", Some("Jim Lehrer")),
            ("Q. What about it?", Some("Q.")),
            ("Q Jen, what will he say?", Some("Q")),
            ("Q fever is rare.", None),
            ("Here is the thing: it works.", None),
            ("Note that we said: no.", None),
        ];
        for (par, want) in table {
            assert_eq!(split_label(par).map(|(l, _)| l), want, "{par}");
        }
    }
}
