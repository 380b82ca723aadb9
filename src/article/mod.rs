//! Article text: reading a file (BOM, CRLF, UTF-8, UTF-16, Windows-1252, invalid UTF-8,
//! Markdown or HTML markup; a file that is not text refused), its paragraphs, lines, title
//! and date.

mod decode;
mod markup;

pub use markup::Markup;

use crate::date::Date;
use crate::error::{Error, Result};
use crate::finding::Statement;
use std::path::Path;

/// An article as read from disk. For plain UTF-8 text, `text` has exactly the bytes of the
/// file, except that each byte of invalid UTF-8 is replaced by `?` (one byte for one byte),
/// so offsets into `text` are offsets into the file. For Markdown and HTML, `text` is the
/// stripped text, and for a file decoded from Windows-1252 or UTF-16 the decoded text;
/// [`Article::file_offset`] maps its offsets back to the file either way.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as the user gave it (`-` for standard input).
    pub path: String,
    /// The article text (markup stripped).
    pub text: String,
    /// The file's text, when markup was stripped from it.
    pub file_text: Option<String>,
    /// For stripped text: the offset in the file's text of each byte of `text`, and one past
    /// the end.
    offsets: Option<Vec<usize>>,
    /// For a file decoded from another encoding: the file offset of each byte of the file's
    /// text, and one past the end.
    decoded: Option<Vec<usize>>,
    /// The article's title: an HTML `<title>` or first `<h1>`, a Markdown front matter's
    /// `title:` or first heading.
    pub title: Option<String>,
    /// The article's date: from the caller, else from a date line near the top or a Markdown
    /// front matter's `date:` (a caller may fall back on [`date_in_file_name`]).
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
/// Three apostrophes after words (`'a special case,''' he said`) close a single quote and
/// then the double one, so the pair is the last two of them; before words they open the double
/// quote first (`'''Kosovo' is ...`), so the pair is the first two.
pub fn quote_mark_at(text: &str, i: usize) -> Option<(char, usize)> {
    let c = text.get(i..)?.chars().next()?;
    let bytes = text.as_bytes();
    match c {
        '\'' if bytes[i..].starts_with(b"'''")
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(|p| !p.is_whitespace()) =>
        {
            None
        }
        '\'' if bytes.get(i + 1) == Some(&b'\'') => Some(('"', 2)),
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
    /// Reads an article from `path` (`-` is standard input); the article's `path` is the one
    /// given, cleaned ([`crate::files::clean_path`]: `scratch/../a.txt` -> `a.txt`).
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
        decode::refuse_binary(path, &bytes)?;
        Ok(Article::from_bytes(&crate::files::clean_path(path), &bytes))
    }

    /// Builds an article from raw bytes; never fails (UTF-16 and Windows-1252 are decoded,
    /// invalid UTF-8 is replaced, an empty article is warned of). [`Article::read`] first
    /// refuses files that are not text.
    pub fn from_bytes(path: &str, bytes: &[u8]) -> Article {
        let decoded = decode::decode(path, bytes);
        let mut warnings: Vec<String> = decoded.warning.into_iter().collect();
        let text = decoded.text;
        // Line starts as file offsets: after each line feed of the decoded text.
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| match &decoded.map {
            Some(m) => m[i + 1],
            None => i + 1,
        }));
        let (text, file_text, offsets, stripped) = match Markup::detect(path, &text) {
            Markup::Plain => (text, None, None, None),
            m => {
                let mut s = if m == Markup::Html {
                    markup::strip_html(&text)
                } else {
                    markup::strip_markdown(&text)
                };
                let offsets = std::mem::take(&mut s.offsets);
                (
                    std::mem::take(&mut s.text),
                    Some(text),
                    Some(offsets),
                    Some(s),
                )
            }
        };
        if text
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .is_empty()
        {
            warnings.push(if bytes.is_empty() {
                format!("{path}: the article is empty")
            } else {
                format!("{path}: the article has no text")
            });
        }
        let mut article = Article {
            path: path.to_string(),
            text,
            file_text,
            offsets,
            decoded: decoded.map,
            title: stripped.as_ref().and_then(|s| s.title.clone()),
            date: None,
            warnings,
            line_starts,
        };
        article.date = article.date_line().or_else(|| {
            let d = stripped.as_ref()?.date.as_deref()?;
            Date::parse_iso(d).or_else(|| Date::find_in(d))
        });
        article
    }

    /// The offset in the file's text (before any markup is stripped) of byte `at` of `text`.
    fn text_offset(&self, at: usize) -> usize {
        match &self.offsets {
            Some(o) => o
                .get(at)
                .copied()
                .unwrap_or_else(|| o.last().copied().unwrap_or(0)),
            None => at,
        }
    }

    /// The file offset of byte `at` of `text`.
    pub fn file_offset(&self, at: usize) -> usize {
        let at = self.text_offset(at);
        match &self.decoded {
            Some(d) => d
                .get(at)
                .copied()
                .unwrap_or_else(|| d.last().copied().unwrap_or(0)),
            None => at,
        }
    }

    /// The file's text (markup included), as decoded: what a review page shows.
    pub fn page_text(&self) -> &str {
        self.file_text.as_deref().unwrap_or(&self.text)
    }

    /// The offset in [`Article::page_text`] of file offset `at`: itself, unless the file was
    /// decoded from another encoding.
    pub fn page_offset(&self, at: usize) -> usize {
        match &self.decoded {
            Some(d) => d.partition_point(|&f| f < at),
            None => at,
        }
    }

    /// True when the file was decoded from another encoding (its offsets are not those of
    /// [`Article::page_text`]).
    pub fn is_transcoded(&self) -> bool {
        self.decoded.is_some()
    }

    /// The 1-based line in the file of byte offset `at` of `text`.
    pub fn line_of(&self, at: usize) -> usize {
        let at = self.file_offset(at);
        self.line_starts.partition_point(|&s| s <= at)
    }

    /// Maps a statement's spans from offsets into `text` to offsets into the file.
    pub fn to_file_spans(&self, st: &mut Statement) {
        if self.offsets.is_none() && self.decoded.is_none() {
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

/// A date written `YYYY-MM-DD` in a file's name (not its folders), as archives and data
/// desks name articles (`nyt_2016-10-04_trump-taxes.txt`): the article's date when nothing
/// else gives one.
pub fn date_in_file_name(path: &str) -> Option<Date> {
    let name = path.rsplit(['/', '\\']).next()?.as_bytes();
    let digit = |i: usize| name.get(i).is_some_and(u8::is_ascii_digit);
    (0..name.len().saturating_sub(9)).find_map(|i| {
        let shape = [0, 1, 2, 3, 5, 6, 8, 9].iter().all(|&k| digit(i + k))
            && name[i + 4] == b'-'
            && name[i + 7] == b'-';
        let bounded = (i == 0 || !digit(i - 1)) && !digit(i + 10);
        if !(shape && bounded) {
            return None;
        }
        Date::parse_iso(std::str::from_utf8(&name[i..i + 10]).ok()?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_in_file_name_table() {
        let table: [(&str, Option<&str>); 7] = [
            ("nyt_2016-10-04_trump-taxes.txt", Some("2016-10-04")),
            ("articles/2016-10-04.md", Some("2016-10-04")),
            ("2016-10-04-remarks.html", Some("2016-10-04")),
            ("2016-10-04/story.txt", None),
            ("story-12016-10-04.txt", None),
            ("story_2016-13-04.txt", None),
            ("story.txt", None),
        ];
        for (path, want) in table {
            let got = date_in_file_name(path).map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{path}");
        }
    }

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
        let a = Article::from_bytes(
            "bad.txt",
            "\u{e9}ab\u{ff}"
                .as_bytes()
                .iter()
                .chain(b"\xff\xfecd")
                .copied()
                .collect::<Vec<_>>()
                .as_slice(),
        );
        assert_eq!(a.text, "\u{e9}ab\u{ff}??cd");
        assert!(a.warnings[0].contains("bad.txt") && a.warnings[0].contains("byte 6"));
    }

    #[test]
    fn windows_1252_lines_and_spans_point_into_the_file() {
        let bytes = b"Title\r\n\r\n\x93We will win,\x94 said Smith.\r\nNext\n";
        let a = Article::from_bytes("cp.txt", bytes);
        assert!(a.text.contains("\u{201c}We will win,\u{201d} said Smith."));
        assert!(a.warnings[0].contains("Windows-1252"), "{:?}", a.warnings);
        let at = a.text.find("said").unwrap();
        assert_eq!(&bytes[a.file_offset(at)..a.file_offset(at) + 4], b"said");
        assert_eq!(a.line_of(at), 3);
        assert_eq!(a.line_of(a.text.find("Next").unwrap()), 4);
        assert_eq!(a.page_offset(a.file_offset(at)), at);
        let md = Article::from_bytes("cp.md", b"# Head\n\n**\x93Yes,\x94** said _Smith_.\n");
        let at = md.text.find("Smith").unwrap();
        assert_eq!(md.file_offset(at), 25);
        assert_eq!(md.title.as_deref(), Some("Head"));
    }

    #[test]
    fn empty_articles_are_warned_of() {
        let table = [
            ("e.txt", "", Some("e.txt: the article is empty")),
            ("e.txt", " \r\n\n", Some("e.txt: the article has no text")),
            (
                "e.html",
                "<html><p> </p></html>",
                Some("e.html: the article has no text"),
            ),
            ("e.txt", "Text.", None),
        ];
        for (path, text, want) in table {
            let a = Article::from_bytes(path, text.as_bytes());
            assert_eq!(a.warnings.first().map(String::as_str), want, "{text:?}");
        }
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
