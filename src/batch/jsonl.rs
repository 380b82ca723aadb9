//! JSON Lines of articles, one object a line: `{"id", "text", "date", "outlet", "title"}`,
//! from a file or standard input (`-`), read a line at a time. `text` holds the article, or
//! `path` names its file (relative to the JSON Lines file's folder; for standard input, to
//! the current folder): a manifest row as JSON. `file` names the article in reports and
//! tells Markdown or HTML apart by its ending (default: `path`, else `INPUT:LINE`,
//! `<stdin>:LINE` for standard input). Byte offsets and lines in the findings are into the
//! `text` field (or the file). A bad line is an error naming the input and line, and the
//! reading goes on.
//!
//! Enveloped (what the Spark job sends each partition's `quotecheck batch -`): every line is
//! `{"input": NAME, "line": N, "raw": LINE}`, and LINE is read as line N of NAME, so that a
//! line cut from a JSON Lines file is named, in errors and reports, where it came from.

use super::{parse_date, Body, Item};
use crate::error::Error;
use serde::Deserialize;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// The name standard input's articles carry (`<stdin>:LINE`): not `-`, which a spreadsheet
/// would read as a formula.
pub const STDIN: &str = "<stdin>";

/// True for a file name that says JSON Lines (`.jsonl`, `.ndjson`).
pub fn is_jsonl(p: &Path) -> bool {
    p.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// An `id` written as a string or a number.
#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(serde_json::Number),
}

/// One line, as written. Other fields are ignored, so that a pipeline may carry its own.
#[derive(Deserialize)]
struct Line {
    id: Option<Id>,
    text: Option<String>,
    path: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    file: Option<String>,
}

/// An enveloped line: line `line` of `input`, as it was.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    input: String,
    line: usize,
    raw: String,
}

/// The articles of one JSON Lines input, one per non-blank line.
pub struct JsonlArticles {
    /// The input as given (`<stdin>` for standard input): errors and default names use it.
    name: String,
    /// The folder relative `path`s resolve against (`None`: the current folder).
    base: Option<PathBuf>,
    /// Whether every line is an [`Envelope`].
    enveloped: bool,
    reader: Option<Box<dyn BufRead + Send>>,
    /// An error opening the input, returned once.
    failed: Option<Error>,
    line: usize,
    buf: Vec<u8>,
}

impl JsonlArticles {
    /// Opens `input` (`-`: standard input). An input that cannot be opened yields one error.
    pub fn open(input: &str) -> JsonlArticles {
        let (reader, failed): (Option<Box<dyn BufRead + Send>>, _) = if input == "-" {
            (Some(Box::new(BufReader::new(std::io::stdin()))), None)
        } else {
            match std::fs::File::open(input) {
                Ok(f) => (Some(Box::new(BufReader::new(f))), None),
                Err(e) => (None, Some(Error::io(input, e))),
            }
        };
        let name = if input == "-" { STDIN } else { input };
        let mut a = JsonlArticles::from_parts(name, reader, failed);
        if input != "-" {
            a.base = Path::new(input).parent().map(Path::to_path_buf);
        }
        a
    }

    /// Reads every line as an envelope (see the module's notes).
    pub fn enveloped(mut self, on: bool) -> JsonlArticles {
        self.enveloped = on;
        self
    }

    /// The articles of `reader`, named `name` in errors and default names.
    pub fn from_reader(name: &str, reader: Box<dyn BufRead + Send>) -> JsonlArticles {
        JsonlArticles::from_parts(name, Some(reader), None)
    }

    fn from_parts(
        name: &str,
        reader: Option<Box<dyn BufRead + Send>>,
        failed: Option<Error>,
    ) -> JsonlArticles {
        JsonlArticles {
            name: name.to_string(),
            base: None,
            enveloped: false,
            reader,
            failed,
            line: 0,
            buf: Vec::new(),
        }
    }

    /// The article of the line in `buf` (line number `self.line`), or of the line it
    /// envelops.
    fn article(&self) -> Result<Item, Error> {
        let text = std::str::from_utf8(&self.buf).map_err(|e| {
            Error::parse(
                &self.name,
                self.line,
                format!("not UTF-8 (byte {})", e.valid_up_to()),
            )
        })?;
        if !self.enveloped {
            return self.parse(text, &self.name, self.line, self.base.as_deref());
        }
        let env: Envelope = serde_json::from_str(text).map_err(|e| {
            Error::parse(&self.name, self.line, format!("not an enveloped line: {e}"))
        })?;
        // A relative `path` resolves against the folder of the input the line came from.
        let base = Path::new(&env.input).parent();
        self.parse(&env.raw, &env.input, env.line, base)
    }

    /// The article of `text`, line `line` of the input `name`, whose relative `path`s
    /// resolve against `base`.
    fn parse(
        &self,
        text: &str,
        name: &str,
        line: usize,
        base: Option<&Path>,
    ) -> Result<Item, Error> {
        let bad = |m: String| Error::parse(name, line, m);
        let fields: Line = serde_json::from_str(text)
            .map_err(|e| bad(format!("not a JSON article object: {e}")))?;
        let path = fields.path.filter(|p| !p.is_empty()).map(|p| match base {
            Some(base) => base.join(p),
            None => PathBuf::from(p),
        });
        let (body, named) = match (fields.text, path) {
            (Some(t), _) => (Body::Text(t), None),
            (None, Some(p)) if fields.file.is_some() => (Body::At(p), None),
            (None, Some(p)) => (Body::File, Some(p)),
            (None, None) => return Err(bad("no \"text\" or \"path\" field".into())),
        };
        let date = match fields
            .date
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            Some(d) => Some(parse_date(d).ok_or_else(|| bad(format!("date {d:?} is not a date")))?),
            None => None,
        };
        let file = match (fields.file.filter(|f| !f.is_empty()), named) {
            (Some(f), _) => PathBuf::from(f),
            (None, Some(p)) => p,
            (None, None) => PathBuf::from(format!("{name}:{line}")),
        };
        let id = match fields.id {
            Some(Id::Text(s)) if !s.is_empty() => s,
            Some(Id::Number(n)) => n.to_string(),
            _ => file.to_string_lossy().into_owned(),
        };
        Ok(Item {
            id,
            path: file,
            date,
            outlet: fields.outlet.filter(|o| !o.is_empty()),
            title: fields.title.filter(|t| !t.is_empty()),
            body,
        })
    }
}

impl Iterator for JsonlArticles {
    type Item = Result<Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.failed.take() {
            return Some(Err(e));
        }
        let reader = self.reader.as_mut()?;
        loop {
            self.buf.clear();
            match reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.reader = None;
                    return None;
                }
                Ok(_) => self.line += 1,
                Err(e) => {
                    self.reader = None;
                    return Some(Err(Error::io(&self.name, e)));
                }
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.article());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Result<Item, String>> {
        let reader = Box::new(std::io::Cursor::new(text.as_bytes().to_vec()));
        JsonlArticles::from_reader("a.jsonl", reader)
            .map(|r| r.map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn lines_become_articles_and_bad_lines_errors_naming_the_line() {
        let got = read(concat!(
            "{\"id\": \"n1\", \"text\": \"Hello.\", \"date\": \"2021-12-05\", \"outlet\": \"AFP\", \"title\": \"T\"}\n",
            "\n",
            "{\"text\": \"No id.\", \"extra\": [1, 2]}\n",
            "not json\n",
            "{\"id\": 7, \"text\": \"Numbered.\", \"file\": \"draft.md\"}\n",
            "{\"id\": \"n5\"}\n",
            "{\"text\": \"x\", \"date\": \"someday\"}\n",
            "[1, 2]\n",
            "{\"text\": \"Last, no newline.\"}",
        ));
        let ok = |i: usize| got[i].as_ref().unwrap();
        let err = |i: usize| got[i].as_ref().unwrap_err().as_str();
        assert_eq!(got.len(), 8);
        assert_eq!(
            (
                ok(0).id.as_str(),
                ok(0).path.to_str(),
                ok(0).outlet.as_deref()
            ),
            ("n1", Some("a.jsonl:1"), Some("AFP"))
        );
        assert_eq!(ok(0).date.unwrap().to_string(), "2021-12-05");
        assert_eq!(ok(0).body, Body::Text("Hello.".into()));
        assert_eq!(
            (ok(1).id.as_str(), ok(1).path.to_str()),
            ("a.jsonl:3", Some("a.jsonl:3"))
        );
        assert!(
            err(2).starts_with("a.jsonl:4: not a JSON article object"),
            "{}",
            err(2)
        );
        assert_eq!(
            (ok(3).id.as_str(), ok(3).path.to_str()),
            ("7", Some("draft.md"))
        );
        assert_eq!(err(4), "a.jsonl:6: no \"text\" or \"path\" field");
        assert_eq!(err(5), "a.jsonl:7: date \"someday\" is not a date");
        assert!(err(6).starts_with("a.jsonl:8: "), "{}", err(6));
        assert_eq!(ok(7).path.to_str(), Some("a.jsonl:9"));
    }

    #[test]
    fn paths_resolve_against_the_file_and_envelopes_name_their_origin() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("list.jsonl");
        std::fs::write(
            &input,
            "{\"path\": \"a.txt\"}\n{\"path\": \"/abs/b.md\", \"file\": \"b.md\", \"id\": \"b\"}\n",
        )
        .unwrap();
        let got: Vec<Item> = JsonlArticles::open(input.to_str().unwrap())
            .map(Result::unwrap)
            .collect();
        let a = dir.path().join("a.txt");
        assert_eq!((&got[0].path, &got[0].body), (&a, &Body::File));
        assert_eq!(got[0].id, a.to_string_lossy());
        assert_eq!(got[1].path, PathBuf::from("b.md"));
        assert_eq!(got[1].body, Body::At("/abs/b.md".into()));
        let lines = concat!(
            "{\"input\": \"in.jsonl\", \"line\": 17, \"raw\": \"{\\\"text\\\": \\\"Hi.\\\"}\"}\n",
            "{\"input\": \"in.jsonl\", \"line\": 18, \"raw\": \"oops\"}\n",
            "no envelope\n",
        );
        let reader = Box::new(std::io::Cursor::new(lines.as_bytes().to_vec()));
        let got: Vec<_> = JsonlArticles::from_reader(STDIN, reader)
            .enveloped(true)
            .map(|r| r.map_err(|e| e.to_string()))
            .collect();
        assert_eq!(got[0].as_ref().unwrap().path, PathBuf::from("in.jsonl:17"));
        let err = |i: usize| got[i].as_ref().unwrap_err().clone();
        assert!(
            err(1).starts_with("in.jsonl:18: not a JSON article"),
            "{}",
            err(1)
        );
        assert!(
            err(2).starts_with("<stdin>:3: not an enveloped line"),
            "{}",
            err(2)
        );
    }

    #[test]
    fn invalid_utf8_and_a_missing_file_are_errors() {
        let reader = Box::new(std::io::Cursor::new(b"{\"text\": \"\xff\"}\n".to_vec()));
        let got: Vec<String> = JsonlArticles::from_reader("b.jsonl", reader)
            .map(|r| r.unwrap_err().to_string())
            .collect();
        assert_eq!(got, ["b.jsonl:1: not UTF-8 (byte 10)"]);
        let missing: Vec<_> = JsonlArticles::open("/nonexistent/x.jsonl").collect();
        assert_eq!(missing.len(), 1);
        assert!(missing[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("x.jsonl"));
    }
}
