//! Claims files: a CSV of attributed statements to verify (`id, speaker, statement, kind,
//! date`; other columns ignored), read row by row so that a bad row is reported with its file
//! and line while the others go on, and each claim turned into a [`Statement`] to judge.

use crate::article::quote_mark_at;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::finding::{Kind, SpeakerType, Statement};
use crate::tables::{column, csv_reader};
use std::path::Path;

/// The columns a claims file must have.
pub const REQUIRED_COLUMNS: [&str; 3] = ["id", "speaker", "statement"];

/// One row of a claims file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub id: String,
    pub speaker: String,
    /// The statement as printed, without outer quotation marks (inner ones mark quoted words).
    pub statement: String,
    /// `direct` or `indirect` from the `kind` column (default `direct`); a statement holding
    /// quotation marks is `partial` whatever the column says.
    pub kind: Kind,
    /// When the statement was made, from the `date` column.
    pub date: Option<Date>,
    /// 1-based line of the row in its file.
    pub line: usize,
}

/// Reads a claims file: the claims and, for each bad row, an error naming file and line.
/// A file that cannot be read, or lacks a required column, is an error of its own.
pub fn read_claims(path: &Path) -> Result<(Vec<Claim>, Vec<Error>)> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8_lossy(&bytes);
    parse_claims(path, text.trim_start_matches('\u{feff}'))
}

/// Parses the text of a claims file (see [`read_claims`]).
pub fn parse_claims(path: &Path, text: &str) -> Result<(Vec<Claim>, Vec<Error>)> {
    let (mut rdr, headers) = csv_reader(path, text)?;
    let col = |name: &str| column(headers.iter().map(String::as_str), name);
    let mut cols = Vec::new();
    for name in REQUIRED_COLUMNS {
        cols.push(col(name).ok_or_else(|| {
            Error::parse(
                path,
                1,
                format!("no '{name}' column (need id, speaker, statement)"),
            )
        })?);
    }
    let (id_col, speaker_col, statement_col) = (cols[0], cols[1], cols[2]);
    let (kind_col, date_col) = (col("kind"), col("date"));
    let mut claims = Vec::new();
    let mut errors = Vec::new();
    for record in rdr.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                errors.push(Error::parse(path, line, format!("bad CSV row: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cell = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("").trim();
        match claim_of(
            cell(Some(id_col)),
            cell(Some(speaker_col)),
            cell(Some(statement_col)),
            cell(kind_col),
            cell(date_col),
        ) {
            Ok(mut c) => {
                c.line = line;
                claims.push(c);
            }
            Err(message) => errors.push(Error::parse(path, line, message)),
        }
    }
    Ok((claims, errors))
}

/// Builds a claim from its cells, or says what is wrong with them.
fn claim_of(
    id: &str,
    speaker: &str,
    statement: &str,
    kind: &str,
    date: &str,
) -> std::result::Result<Claim, String> {
    if id.is_empty() {
        return Err("empty id".into());
    }
    if speaker.is_empty() {
        return Err(format!("claim {id}: empty speaker"));
    }
    if statement.is_empty() {
        return Err(format!("claim {id}: empty statement"));
    }
    let kind = match kind {
        "" => Kind::Direct,
        k => Kind::parse(k).ok_or_else(|| {
            format!("claim {id}: unknown kind '{k}' (expected direct, indirect or partial)")
        })?,
    };
    let date = match date {
        "" => None,
        d => Some(
            Date::parse_iso(d)
                .ok_or_else(|| format!("claim {id}: '{d}' is not a date (expected YYYY-MM-DD)"))?,
        ),
    };
    Ok(Claim {
        id: id.to_string(),
        speaker: speaker.to_string(),
        statement: statement.to_string(),
        kind,
        date,
        line: 0,
    })
}

/// Splits a statement at its double quotation marks: the quoted pieces, and the whole text
/// with the marks taken out. An unpaired mark is ignored.
pub fn split_quoted(statement: &str) -> (Vec<String>, String) {
    let mut marks: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < statement.len() {
        match quote_mark_at(statement, i) {
            Some((_, len)) => {
                marks.push((i, i + len));
                i += len;
            }
            None => i += statement[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    let quoted = marks
        .chunks(2)
        .filter_map(|pair| match *pair {
            [(_, open_end), (close, _)] => Some(statement[open_end..close].trim().to_string()),
            _ => None,
        })
        .filter(|q| !q.is_empty())
        .collect();
    let mut plain = String::with_capacity(statement.len());
    let mut at = 0;
    for &(s, e) in &marks {
        plain.push_str(&statement[at..s]);
        at = e;
    }
    plain.push_str(&statement[at..]);
    (
        quoted,
        plain.split_whitespace().collect::<Vec<_>>().join(" "),
    )
}

impl Claim {
    /// The claim as a statement to judge, in `file` (the claims file's path as given).
    pub fn statement(&self, file: &str) -> Statement {
        let (quoted, plain) = split_quoted(&self.statement);
        let loose = |s: &str| crate::matching::normalize::normalized_string(s);
        let kind = if quoted.is_empty() {
            self.kind
        } else if quoted.len() == 1 && loose(&quoted[0]) == loose(&plain) {
            Kind::Direct
        } else {
            Kind::Partial
        };
        let quoted = match kind {
            Kind::Direct if quoted.is_empty() => vec![plain.clone()],
            _ => quoted,
        };
        Statement {
            file: file.to_string(),
            statement_id: self.id.clone(),
            line: self.line,
            kind,
            speaker: self.speaker.clone(),
            speaker_mention: self.speaker.clone(),
            speaker_role: None,
            speaker_type: SpeakerType::Person,
            cue: None,
            content: plain,
            quoted,
            content_span: None,
            content_spans: None,
            speaker_span: None,
            cue_span: None,
            statement_date: self.date,
            via: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_are_split_out() {
        let table: [(&str, &[&str], &str); 5] = [
            ("plain words", &[], "plain words"),
            (
                "that there have been \"thousands of shootings\" in Chicago",
                &["thousands of shootings"],
                "that there have been thousands of shootings in Chicago",
            ),
            (
                "\u{201c}one\u{201d} and \u{201c}two\u{201d}",
                &["one", "two"],
                "one and two",
            ),
            ("an \"unpaired mark", &[], "an unpaired mark"),
            (
                "not paying taxes ''makes me smart,'' he said",
                &["makes me smart,"],
                "not paying taxes makes me smart, he said",
            ),
        ];
        for (text, want_quoted, want_plain) in table {
            let (q, p) = split_quoted(text);
            assert_eq!(q, want_quoted, "{text}");
            assert_eq!(p, want_plain, "{text}");
        }
    }

    #[test]
    fn kinds_follow_the_quotation_marks() {
        let claim = |statement: &str, kind: Kind| Claim {
            id: "c1".into(),
            speaker: "X".into(),
            statement: statement.into(),
            kind,
            date: None,
            line: 2,
        };
        let table = [
            ("we will win", Kind::Direct, Kind::Direct),
            ("he would win", Kind::Indirect, Kind::Indirect),
            ("he would \"win big\" soon", Kind::Indirect, Kind::Partial),
            ("\"we will win.\"", Kind::Indirect, Kind::Direct),
        ];
        for (text, given, want) in table {
            assert_eq!(claim(text, given).statement("f.csv").kind, want, "{text}");
        }
    }

    #[test]
    fn bad_rows_are_named_and_the_rest_kept() {
        let text = "id,speaker,statement,kind,date,label\n\
                    a,Ann B,we will win,direct,2020-01-02,x\n\
                    b,,no speaker,direct,,x\n\
                    c,Ann B,bad kind,sideways,,x\n\
                    d,Ann B,bad date,direct,2020-13-40,x\n\
                    e,Ann B,\"he said \"\"yes\"\"\",indirect,,x\n";
        let (claims, errors) = parse_claims(Path::new("c.csv"), text).unwrap();
        let ids: Vec<&str> = claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "e"]);
        assert_eq!(claims[0].line, 2);
        assert_eq!(claims[1].statement, "he said \"yes\"");
        let msgs: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(msgs[0].starts_with("c.csv:3: ") && msgs[0].contains("speaker"));
        assert!(msgs[1].starts_with("c.csv:4: ") && msgs[1].contains("sideways"));
        assert!(msgs[2].starts_with("c.csv:5: ") && msgs[2].contains("date"));
    }

    #[test]
    fn a_missing_column_is_an_error() {
        let err = parse_claims(Path::new("c.csv"), "id,who,statement\n1,a,b\n").unwrap_err();
        assert!(err.to_string().contains("'speaker'"), "{err}");
    }
}
