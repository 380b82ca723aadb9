//! Article text: reading a file (BOM, CRLF, invalid UTF-8, Markdown or HTML markup), its
//! paragraphs, lines and date.

mod markup;

pub use markup::Markup;

use crate::date::Date;
use crate::error::{Error, Result};
use crate::finding::Statement;
use std::path::Path;

/// An article as read from disk. For plain text, `text` has exactly the bytes of the file,
/// except that each byte of invalid UTF-8 is replaced by `?` (one byte for one byte), so
/// offsets into `text` are offsets into the file. For Markdown and HTML, `text` is the
/// stripped text and [`Article::file_offset`] maps its offsets back to the file.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as the user gave it (`-` for standard input).
    pub path: String,
    /// The article text (markup stripped).
    pub text: String,
    /// The file's text, when markup was stripped from it.
    pub file_text: Option<String>,
    /// For stripped text: the file offset of each byte of `text`, and one past the end.
    offsets: Option<Vec<usize>>,
    /// The article's date: from the caller, else from a date line near the top.
    pub date: Option<Date>,
    /// Problems worth telling the user that did not stop the read (invalid UTF-8, ...).
    pub warnings: Vec<String>,
    line_starts: Vec<usize>,
}

/// True for a double quotation mark of any style an article prints (`"`, `“`, `”`, `„`, `«`,
/// `»`).
pub fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}'
    )
}

/// The quotation mark at byte `i` of `text` and its length: a double quote (straight or
/// curly), a guillemet, or two apostrophes standing for one (`''`, as some papers print it).
pub fn quote_mark_at(text: &str, i: usize) -> Option<(char, usize)> {
    let c = text.get(i..)?.chars().next()?;
    match c {
        '\'' if text.as_bytes().get(i + 1) == Some(&b'\'') => Some(('"', 2)),
        _ if is_double_quote(c) => Some((c, c.len_utf8())),
        _ => None,
    }
}

/// A word with case and apostrophe style folded (`Can’t` = `can't`): how two spellings of a
/// word are compared.
pub fn fold_word(w: &str) -> String {
    w.chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A paragraph: a run of non-blank lines, as a byte range of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
}

/// How many lines from the top a date line may stand on.
const DATE_LINE_WINDOW: usize = 12;

impl Article {
    /// Reads an article from `path` (`-` is standard input).
    pub fn read(path: &str) -> Result<Article> {
        let bytes = if path == "-" {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
                .map_err(|e| Error::io("<stdin>", e))?;
            buf
        } else {
            let p = Path::new(path);
            if p.is_dir() {
                return Err(Error::io(
                    p,
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        "is a directory, not an article",
                    ),
                ));
            }
            std::fs::read(p).map_err(|e| Error::io(p, e))?
        };
        Ok(Article::from_bytes(path, &bytes))
    }

    /// Builds an article from raw bytes; never fails (invalid UTF-8 is replaced and warned of).
    pub fn from_bytes(path: &str, bytes: &[u8]) -> Article {
        let mut warnings = Vec::new();
        let text = match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => {
                let mut out = String::with_capacity(bytes.len());
                let mut offset = 0usize;
                let mut first_bad = None;
                for chunk in bytes.utf8_chunks() {
                    out.push_str(chunk.valid());
                    offset += chunk.valid().len();
                    if !chunk.invalid().is_empty() {
                        first_bad.get_or_insert(offset);
                        offset += chunk.invalid().len();
                        out.extend(std::iter::repeat_n('?', chunk.invalid().len()));
                    }
                }
                warnings.push(format!(
                    "{path}: invalid UTF-8 at byte {}; invalid bytes read as '?'",
                    first_bad.unwrap_or(0)
                ));
                out
            }
        };
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let (text, file_text, offsets) = match Markup::detect(path, &text) {
            Markup::Plain => (text, None, None),
            m => {
                let s = if m == Markup::Html {
                    markup::strip_html(&text)
                } else {
                    markup::strip_markdown(&text)
                };
                (s.text, Some(text), Some(s.offsets))
            }
        };
        let mut article = Article {
            path: path.to_string(),
            text,
            file_text,
            offsets,
            date: None,
            warnings,
            line_starts,
        };
        article.date = article.date_line();
        article
    }

    /// The file offset of byte `at` of `text`.
    pub fn file_offset(&self, at: usize) -> usize {
        match &self.offsets {
            Some(o) => o
                .get(at)
                .copied()
                .unwrap_or_else(|| o.last().copied().unwrap_or(0)),
            None => at,
        }
    }

    /// The 1-based line in the file of byte offset `at` of `text`.
    pub fn line_of(&self, at: usize) -> usize {
        let at = self.file_offset(at);
        self.line_starts.partition_point(|&s| s <= at)
    }

    /// Maps a statement's spans from offsets into `text` to offsets into the file.
    pub fn to_file_spans(&self, st: &mut Statement) {
        if self.offsets.is_none() {
            return;
        }
        let map = |[s, e]: [usize; 2]| [self.file_offset(s), self.file_offset(e.max(1) - 1) + 1];
        st.content_span = st.content_span.map(map);
        if let Some(v) = &mut st.content_spans {
            v.iter_mut().for_each(|s| *s = map(*s));
        }
        st.speaker_span = st.speaker_span.map(map);
        st.cue_span = st.cue_span.map(map);
    }

    /// The article's paragraphs in order (runs of lines that hold more than white space).
    pub fn paragraphs(&self) -> Vec<Paragraph> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut end = 0;
        let text = &self.text;
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let blank = line.chars().all(|c| c.is_whitespace() || c == '\u{feff}');
            if blank {
                if let Some(s) = start.take() {
                    out.push(Paragraph { start: s, end });
                }
            } else {
                let lead = line.len()
                    - line
                        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                        .len();
                if start.is_none() {
                    start = Some(pos + lead);
                }
                end = pos + line.trim_end().len();
            }
            pos += line.len();
        }
        if let Some(s) = start {
            out.push(Paragraph { start: s, end });
        }
        out
    }

    /// A date from a date line near the top (`Published: 11:34 AM, 5 Dec, 2021`).
    fn date_line(&self) -> Option<Date> {
        self.text.lines().take(DATE_LINE_WINDOW).find_map(|line| {
            let short = line.split_whitespace().count() <= 10;
            short.then(|| Date::find_in(line)).flatten()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_lines() {
        let a = Article::from_bytes(
            "a.txt",
            "\u{feff}Title\r\n\r\nOne line.\r\nTwo line.\r\n\r\n  Last  \n".as_bytes(),
        );
        let ps: Vec<&str> = a
            .paragraphs()
            .iter()
            .map(|p| &a.text[p.start..p.end])
            .collect();
        assert_eq!(ps, ["Title", "One line.\r\nTwo line.", "Last"]);
        assert_eq!(a.line_of(a.text.find("Two").unwrap()), 4);
        assert_eq!(a.line_of(0), 1);
    }

    #[test]
    fn invalid_utf8_keeps_offsets() {
        let a = Article::from_bytes("bad.txt", b"ab\xff\xfecd");
        assert_eq!(a.text, "ab??cd");
        assert!(a.warnings[0].contains("bad.txt") && a.warnings[0].contains("byte 2"));
    }

    #[test]
    fn markdown_spans_point_into_the_file() {
        let src = "# Talks\n\n**\"We will win,\"** said _Smith_.\n";
        let a = Article::from_bytes("draft.md", src.as_bytes());
        assert!(
            a.text.contains("\"We will win,\" said Smith."),
            "{:?}",
            a.text
        );
        let at = a.text.find("We").unwrap();
        assert_eq!(&src[a.file_offset(at)..a.file_offset(at) + 2], "We");
        assert_eq!(a.line_of(at), 3);
    }

    #[test]
    fn date_line_is_found() {
        let a = Article::from_bytes("a", b"Headline\n\nPublished: 11:34 AM, 5 Dec, 2021\nBody");
        assert_eq!(a.date.unwrap().to_string(), "2021-12-05");
    }
}
