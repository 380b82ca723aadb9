//! JSON Lines corpora: one document per line, `{"id", "title", "date", "source", "speaker",
//! "aliases"?, "text"}` or with `"turns": [{"speaker", "text", "start"}]` instead of `text`.

use super::transcript::{parse_body, resolve_label};
use super::{parse_start, Document, Parsed, Turn};
use crate::date::Date;
use crate::error::{Error, Result};
use serde::Deserialize;

/// One line of the file.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    speaker: Option<String>,
    /// `{"PM": "Julia Gillard"}`: labels to names.
    #[serde(default)]
    aliases: std::collections::BTreeMap<String, String>,
    text: Option<String>,
    turns: Option<Vec<RecordTurn>>,
}

/// One turn of a record.
#[derive(Deserialize)]
struct RecordTurn {
    speaker: Option<String>,
    text: String,
    start: Option<serde_json::Value>,
}

/// Parses a JSON Lines file. A line that is not a valid document is skipped and named
/// (`file:line: reason`) in `skipped`; the other lines still load.
pub fn parse_jsonl(path: &str, text: &str) -> Parsed {
    let mut out = Parsed::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match parse_record(path, i + 1, line) {
            Ok(doc) => out.docs.push(doc),
            Err(e) => out.skipped.push(e.to_string()),
        }
    }
    out
}

/// A date field as a date, or an error naming the line.
pub(super) fn date_field(path: &str, line: usize, value: &str) -> Result<Option<Date>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    Date::parse_iso(value)
        .or_else(|| Date::find_in(value))
        .map(Some)
        .ok_or_else(|| {
            Error::parse(
                path,
                line,
                format!("date {value:?} is not a date (YYYY-MM-DD)"),
            )
        })
}

fn parse_record(path: &str, line: usize, json: &str) -> Result<Document> {
    let r: Record = serde_json::from_str(json)
        .map_err(|e| Error::parse(path, line, format!("not a JSON document: {e}")))?;
    let id = match &r.id {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => format!("line {line}"),
    };
    let mut doc = Document {
        path: format!("{path}#{id}"),
        title: r.title.unwrap_or_else(|| id.clone()),
        date: date_field(path, line, r.date.as_deref().unwrap_or(""))?,
        source: r.source,
        speaker: r.speaker.filter(|s| !s.trim().is_empty()),
        aliases: r.aliases.into_iter().collect(),
        ..Document::default()
    };
    match (r.text, r.turns) {
        (Some(text), None) => {
            let lines: Vec<&str> = text.lines().collect();
            parse_body(&mut doc, &lines, 0);
            for t in &mut doc.turns {
                t.line = line;
            }
        }
        (None, Some(turns)) => {
            for t in turns {
                let speaker = match t.speaker.as_deref().filter(|s| !s.trim().is_empty()) {
                    Some(s) => resolve_label(&doc, s),
                    None => doc
                        .speaker
                        .clone()
                        .unwrap_or_else(|| super::UNKNOWN_SPEAKER.into()),
                };
                let start = match &t.start {
                    None | Some(serde_json::Value::Null) => None,
                    Some(serde_json::Value::String(s)) => Some(parse_start(path, line, s)?),
                    Some(v) => Some(parse_start(path, line, &v.to_string())?),
                };
                doc.turns.push(Turn {
                    follows: false,
                    speaker,
                    label: t.speaker,
                    text: t.text,
                    line,
                    times: start.map(|ms| vec![(0, ms)]).unwrap_or_default(),
                });
            }
        }
        _ => {
            return Err(Error::parse(
                path,
                line,
                "a document needs either \"text\" or \"turns\" (not both)",
            ))
        }
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_and_bad_lines() {
        let text = concat!(
            r#"{"id": "a", "title": "T", "date": "2021-12-04", "speaker": "Jen Psaki", "text": "Hello there.\n\nQ: A question?\n\nMS. PSAKI: Yes."}"#,
            "\n",
            r#"{"id": 2, "speaker": "Joe Biden", "turns": [{"speaker": "Joe Biden", "text": "We will.", "start": 61.5}, {"speaker": "Q", "text": "Why?", "start": "00:01:05"}]}"#,
            "\n\n",
            r#"{"id": "bad", "text": "x", "turns": []}"#,
            "\n",
            "not json\n",
            r#"{"id": "d", "date": "someday", "text": "x"}"#,
            "\n",
        );
        let p = parse_jsonl("c.jsonl", text);
        let got: Vec<_> = p.docs.iter().map(super::super::turn_rows).collect();
        assert_eq!(
            got,
            [
                vec![
                    ("Jen Psaki", "Hello there.", 1, vec![]),
                    (super::super::QUESTION_SPEAKER, "A question?", 1, vec![]),
                    ("Jen Psaki", "Yes.", 1, vec![]),
                ],
                vec![
                    ("Joe Biden", "We will.", 2, vec![(0, 61_500)]),
                    (super::super::QUESTION_SPEAKER, "Why?", 2, vec![(0, 65_000)]),
                ],
            ]
        );
        assert_eq!(p.docs[0].path, "c.jsonl#a");
        assert_eq!(p.docs[1].title, "2");
        let want = [
            "c.jsonl:4: a document needs either",
            "c.jsonl:5: not a JSON document",
            "c.jsonl:6: date \"someday\"",
        ];
        assert_eq!(p.skipped.len(), want.len(), "{:?}", p.skipped);
        for (got, want) in p.skipped.iter().zip(want) {
            assert!(got.starts_with(want), "{got}");
        }
    }
}
