//! CSV corpora: one turn per row, columns `doc_id, date, title, source, speaker, text` and an
//! optional `start`; rows with the same `doc_id` make one document, in the order first seen.

use super::jsonl::date_field;
use super::transcript::resolve_label;
use super::{parse_start, Document, Parsed, Turn};
use crate::error::{Error, Result};
use crate::tables::{column, csv_reader};
use std::collections::HashMap;
use std::path::Path;

/// The columns every CSV corpus file has.
const REQUIRED: [&str; 6] = ["doc_id", "date", "title", "source", "speaker", "text"];

/// Parses a CSV corpus file. A file without the required header is an error (naming line 1);
/// a bad row is skipped and named in `skipped`.
pub fn parse_csv(path: &str, text: &str) -> Result<Parsed> {
    let (mut rdr, header) = csv_reader(Path::new(path), text)?;
    let col = |name: &str| column(header.iter().map(String::as_str), name);
    let mut at = [0usize; 6];
    for (k, name) in REQUIRED.iter().enumerate() {
        at[k] = col(name).ok_or_else(|| {
            Error::parse(
                path,
                1,
                format!(
                    "CSV header lacks column {name:?} (needs {})",
                    REQUIRED.join(", ")
                ),
            )
        })?;
    }
    let start_col = col("start");
    let mut out = Parsed::default();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                out.skipped
                    .push(Error::parse(path, line, format!("bad CSV row: {e}")).to_string());
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let cell = |k: usize| rec.get(at[k]).unwrap_or("").trim();
        let parsed = (|| -> Result<(Option<crate::date::Date>, Option<u32>)> {
            let date = date_field(path, line, cell(1))?;
            let start = match start_col.and_then(|c| rec.get(c)).map(str::trim) {
                Some(s) if !s.is_empty() => Some(parse_start(path, line, s)?),
                _ => None,
            };
            if rec.len() < header.len() {
                return Err(Error::parse(
                    path,
                    line,
                    format!("row has {} cells, the header {}", rec.len(), header.len()),
                ));
            }
            Ok((date, start))
        })();
        let (date, start) = match parsed {
            Ok(v) => v,
            Err(e) => {
                out.skipped.push(e.to_string());
                continue;
            }
        };
        let id = cell(0).to_string();
        let d = *by_id.entry(id.clone()).or_insert_with(|| {
            out.docs.push(Document {
                path: format!("{path}#{id}"),
                title: Some(cell(2))
                    .filter(|t| !t.is_empty())
                    .unwrap_or(&id)
                    .to_string(),
                date,
                source: Some(cell(3).to_string()).filter(|s| !s.is_empty()),
                ..Document::default()
            });
            out.docs.len() - 1
        });
        let doc = &mut out.docs[d];
        let label = cell(4).to_string();
        doc.turns.push(Turn {
            follows: false,
            speaker: if label.is_empty() {
                super::UNKNOWN_SPEAKER.to_string()
            } else {
                resolve_label(doc, &label)
            },
            label: Some(label).filter(|l| !l.is_empty()),
            text: cell(5).to_string(),
            line,
            times: start.map(|ms| vec![(0, ms)]).unwrap_or_default(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_make_documents() {
        let text = "doc_id,date,title,source,speaker,text,start\n\
                    a,2021-12-04,Briefing,https://x,Jen Psaki,\"Good afternoon, everyone.\",\n\
                    a,2021-12-04,Briefing,https://x,Q,Why?,00:00:10\n\
                    b,2021-12-03,Remarks,,Joe Biden,We will.,12.5\n\
                    a,2021-12-04,Briefing,https://x,Jen Psaki,Because.,\n\
                    c,someday,X,,Y,Z,\n\
                    d,2021-12-03,X,,Y,Z,notatime\n";
        let p = parse_csv("c.csv", text).unwrap();
        let got: Vec<_> = p
            .docs
            .iter()
            .map(|d| (d.path.as_str(), super::super::turn_rows(d)))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "c.csv#a",
                    vec![
                        ("Jen Psaki", "Good afternoon, everyone.", 2, vec![]),
                        (super::super::QUESTION_SPEAKER, "Why?", 3, vec![(0, 10_000)]),
                        ("Jen Psaki", "Because.", 5, vec![]),
                    ]
                ),
                (
                    "c.csv#b",
                    vec![("Joe Biden", "We will.", 4, vec![(0, 12_500)])]
                ),
            ]
        );
        assert_eq!(p.skipped.len(), 2, "{:?}", p.skipped);
        assert!(
            p.skipped[0].starts_with("c.csv:6: date"),
            "{}",
            p.skipped[0]
        );
        assert!(p.skipped[1].starts_with("c.csv:7: "), "{}", p.skipped[1]);
    }

    #[test]
    fn missing_columns_fail_the_file() {
        let err = parse_csv("c.csv", "doc_id,text\na,b\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("c.csv:1: CSV header lacks column \"date\""),
            "{err}"
        );
    }
}
