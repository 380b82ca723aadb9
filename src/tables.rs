//! What every stage reads the same way: the lines of a word-table file (`src/**/data/*.txt`),
//! a learned model's weights, a CSV file's reader and header, and a CSV column found by its
//! header name.

use crate::error::{Error, Result};
use std::path::Path;

/// The lines of a table file: trimmed, without blank lines and `#` comments.
pub fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The weights of a learned model's table (`feature<TAB>weight` lines, as written by the
/// training scripts in `scripts/`); a line that does not parse is skipped.
pub fn weights(src: &'static str) -> rustc_hash::FxHashMap<&'static str, f32> {
    lines(src)
        .filter_map(|l| {
            let (f, w) = l.split_once('\t')?;
            Some((f, w.trim().parse().ok()?))
        })
        .collect()
}

/// The position of the column called `name` among `headers`, ignoring case and the space
/// around a header.
pub fn column<'a>(headers: impl IntoIterator<Item = &'a str>, name: &str) -> Option<usize> {
    headers
        .into_iter()
        .position(|h| h.trim().eq_ignore_ascii_case(name))
}

/// The 1-based line on which a quoted CSV field opens that is never closed, if any. The csv
/// crate reads such a field to the end of the file as one cell, so every row after it would
/// be lost without a word.
pub fn unterminated_quote(text: &str) -> Option<usize> {
    let mut line = 1;
    let mut open: Option<usize> = None;
    let mut field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (open, c) {
            (_, '\n') => {
                line += 1;
                field_start = open.is_none();
            }
            (None, '"') if field_start => {
                open = Some(line);
                field_start = false;
            }
            (None, ',') => field_start = true,
            (None, '\r') => {}
            (None, _) => field_start = false,
            (Some(_), '"') if chars.peek() == Some(&'"') => {
                chars.next();
            }
            (Some(_), '"') => open = None,
            (Some(_), _) => {}
        }
    }
    open
}

/// A CSV reader over `text` and its header, lower-cased (an unreadable header names line 1;
/// a quoted field that is never closed names the line it opens on).
pub fn csv_reader<'a>(path: &Path, text: &'a str) -> Result<(csv::Reader<&'a [u8]>, Vec<String>)> {
    if let Some(line) = unterminated_quote(text) {
        return Err(Error::parse(
            path,
            line,
            "a quoted field opens here and is never closed, so the rest of the file would be read as one cell; close the quote",
        ));
    }
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = rdr
        .headers()
        .map_err(|e| Error::parse(path, 1, format!("unreadable CSV header: {e}")))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    Ok((rdr, header))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_comments_and_blanks() {
        let got: Vec<&str> = lines("# a comment\n\n  one  \ntwo words\n#x\n").collect();
        assert_eq!(got, ["one", "two words"]);
    }

    #[test]
    fn unterminated_quote_table() {
        let table = [
            (
                "name,aliases\nJen Psaki,\"Jennifer Psaki\nJoe Biden,POTUS\n",
                Some(2),
            ),
            ("a,b\n\"one\ntwo\",x\n\"say \"\"hi\"\"\",y\n", None),
            ("a,b\nhe said \"hi,x\n", None),
            ("a,b\r\nx,\"\r\n", Some(2)),
            ("", None),
        ];
        for (text, want) in table {
            assert_eq!(unterminated_quote(text), want, "{text:?}");
        }
    }

    #[test]
    fn column_table() {
        let headers = ["id", " Speaker ", "STATEMENT"];
        let table = [
            ("id", Some(0)),
            ("speaker", Some(1)),
            ("statement", Some(2)),
            ("kind", None),
        ];
        for (name, want) in table {
            assert_eq!(column(headers, name), want, "{name}");
        }
    }
}
