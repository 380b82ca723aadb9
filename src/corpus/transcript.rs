//! The transcript text format: front matter between `---` lines (`title`, `date`, `speaker`,
//! `aliases`, `speakers`, `source`), then paragraphs; a `LABEL:` paragraph opens a turn and an
//! unlabelled one continues it.

use super::{Document, Turn, QUESTION_SPEAKER};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::speakers::same_person;
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
fn split_label(par: &str) -> Option<(&str, &str)> {
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

/// Who a label names: an alias, a participant, the document's speaker, or the label itself.
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
    bare.to_string()
}

fn add_paragraph(doc: &mut Document, current: &mut Option<Turn>, par: &str, line: usize) {
    if let Some((label, rest)) = split_label(par) {
        doc.turns.extend(current.take());
        *current = Some(Turn {
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
    fn sentences_with_colons_are_not_labels() {
        let table = [
            ("THE PRESIDENT: Hello.", Some("THE PRESIDENT")),
            ("Jim Lehrer: Good evening.", Some("Jim Lehrer")),
            ("Q. What about it?", Some("Q.")),
            ("Here is the thing: it works.", None),
            ("Note that we said: no.", None),
        ];
        for (par, want) in table {
            assert_eq!(split_label(par).map(|(l, _)| l), want, "{par}");
        }
    }
}
