//! What every stage reads the same way: the lines of a word-table file (`src/**/data/*.txt`),
//! a CSV file's reader and header, and a CSV column found by its header name.

use crate::error::{Error, Result};
use std::path::Path;

/// The lines of a table file: trimmed, without blank lines and `#` comments.
pub fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The position of the column called `name` among `headers`, ignoring case and the space
/// around a header.
pub fn column<'a>(headers: impl IntoIterator<Item = &'a str>, name: &str) -> Option<usize> {
    headers
        .into_iter()
        .position(|h| h.trim().eq_ignore_ascii_case(name))
}

/// A CSV reader over `text` and its header, lower-cased (an unreadable header names line 1).
pub fn csv_reader<'a>(path: &Path, text: &'a str) -> Result<(csv::Reader<&'a [u8]>, Vec<String>)> {
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
