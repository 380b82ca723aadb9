//! Batch inputs: article files, directories searched recursively, manifest CSVs
//! (`id, path, date, outlet, title`) and JSON Lines of articles (a `.jsonl` file or `-`,
//! standard input), resolved into one ordered stream of articles, read lazily so that a
//! pipeline's articles flow through without being held in memory.

mod jsonl;

pub use jsonl::{is_jsonl, JsonlArticles};

use crate::date::Date;
use crate::error::Error;
use crate::files::walk;
use crate::tables::column;
use std::path::{Path, PathBuf};

/// File endings read as articles when a directory is searched.
pub const ARTICLE_EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "text"];

/// One article of a batch, with what a manifest or a JSON line says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The manifest's or JSON line's id, else the path (or the JSON line's name).
    pub id: String,
    /// The article's name in reports (the `file` column): its file; for a JSON line, its
    /// `file` field, else its `path`, else `INPUT:LINE` (`articles.jsonl:17`, `<stdin>:3`).
    pub path: PathBuf,
    pub date: Option<Date>,
    pub outlet: Option<String>,
    /// The manifest's (or JSON line's) `title`.
    pub title: Option<String>,
    /// Where the article's text is.
    pub body: Body,
}

/// Where a batch article's text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// In the file [`Item::path`] names.
    File,
    /// In another file (a JSON line's `path`, resolved, when a `file` names the article).
    At(PathBuf),
    /// Inline (a JSON line's `text`).
    Text(String),
}

impl Item {
    fn file(path: PathBuf) -> Item {
        Item {
            id: path.to_string_lossy().into_owned(),
            path,
            date: None,
            outlet: None,
            title: None,
            body: Body::File,
        }
    }
}

/// A manifest's or JSON line's date: `YYYY-MM-DD`, or a date written out (`5 Dec 2021`).
fn parse_date(d: &str) -> Option<Date> {
    Date::parse_iso(d).or_else(|| Date::find_in(d))
}

/// True for a CSV file whose header names a `path` column.
fn is_manifest(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        && csv::Reader::from_path(path)
            .ok()
            .and_then(|mut r| r.headers().ok().map(|h| column(h, "path").is_some()))
            .unwrap_or(false)
}

/// Reads a manifest: `id, path, date, outlet, title` (only `path` is required; relative paths
/// resolve against the manifest's folder). A bad row is an error naming its line; the other
/// rows are kept.
pub fn read_manifest(path: &Path, errors: &mut Vec<Error>) -> Vec<Item> {
    let mut out = Vec::new();
    let mut rdr = match csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_path(path)
    {
        Ok(r) => r,
        Err(e) => {
            errors.push(Error::parse(path, 1, e.to_string()));
            return out;
        }
    };
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            errors.push(Error::parse(path, 1, e.to_string()));
            return out;
        }
    };
    let col = |name: &str| column(&headers, name);
    let Some(path_col) = col("path") else {
        errors.push(Error::parse(path, 1, "manifest has no 'path' column"));
        return out;
    };
    let base = path.parent().unwrap_or(Path::new("."));
    for row in rdr.records() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                errors.push(Error::parse(path, line, e.to_string()));
                continue;
            }
        };
        let line = row.position().map_or(0, |p| p.line() as usize);
        let get = |c: Option<usize>| {
            c.and_then(|c| row.get(c))
                .map(str::to_string)
                .filter(|s| !s.is_empty())
        };
        let Some(file) = get(Some(path_col)) else {
            errors.push(Error::parse(path, line, "row has no path"));
            continue;
        };
        let date = match get(col("date")) {
            Some(d) => match parse_date(&d) {
                Some(d) => Some(d),
                None => {
                    errors.push(Error::parse(
                        path,
                        line,
                        format!("date {d:?} is not a date"),
                    ));
                    continue;
                }
            },
            None => None,
        };
        let full = base.join(&file);
        out.push(Item {
            id: get(col("id")).unwrap_or(file),
            path: full,
            date,
            outlet: get(col("outlet")),
            title: get(col("title")),
            body: Body::File,
        });
    }
    out
}

/// The articles of one input, as [`stream`] reads them.
enum Source {
    /// Resolved when the input was reached (a file, a directory, a manifest).
    Listed(std::vec::IntoIter<Result<Item, Error>>),
    /// Read line by line.
    Lines(JsonlArticles),
}

/// The batch inputs' articles, in the order given (directories sorted): each input is
/// resolved when the stream reaches it, and JSON Lines are read a line at a time. A bad
/// manifest row, a bad JSON line or an unreadable folder is an `Err` in its place, naming
/// file and line, and the stream goes on.
pub struct Stream {
    inputs: std::vec::IntoIter<String>,
    current: Option<Source>,
    enveloped: bool,
}

impl Stream {
    /// Reads every line of a JSON Lines input as an envelope (`{"input", "line", "raw"}`:
    /// [`JsonlArticles::enveloped`]).
    pub fn enveloped(mut self, on: bool) -> Stream {
        self.enveloped = on;
        self
    }
}

/// The articles of `inputs` (files, directories, manifests, JSON Lines, `-`), lazily.
pub fn stream(inputs: &[String]) -> Stream {
    Stream {
        inputs: Vec::from(inputs).into_iter(),
        current: None,
        enveloped: false,
    }
}

/// The articles one input names (all of them but a JSON Lines input, read lazily).
fn open(input: &str, enveloped: bool) -> Source {
    let p = PathBuf::from(input);
    let listed = |v: Vec<Result<Item, Error>>| Source::Listed(v.into_iter());
    if input == "-" || (is_jsonl(&p) && !p.is_dir()) {
        return Source::Lines(JsonlArticles::open(input).enveloped(enveloped));
    }
    if p.is_dir() {
        let (files, errs) = walk(&p, |f| {
            f.extension()
                .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
        });
        let items = files.into_iter().map(|f| Ok(Item::file(f)));
        listed(items.chain(errs.into_iter().map(Err)).collect())
    } else if is_manifest(&p) {
        let mut errors = Vec::new();
        let items = read_manifest(&p, &mut errors);
        listed(
            items
                .into_iter()
                .map(Ok)
                .chain(errors.into_iter().map(Err))
                .collect(),
        )
    } else {
        listed(vec![Ok(Item::file(p))])
    }
}

impl Iterator for Stream {
    type Item = Result<Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let next = match &mut self.current {
                Some(Source::Listed(it)) => it.next(),
                Some(Source::Lines(it)) => it.next(),
                None => None,
            };
            if next.is_some() {
                return next;
            }
            self.current = Some(open(&self.inputs.next()?, self.enveloped));
        }
    }
}

/// Resolves batch inputs in the order given (directories sorted); errors are returned beside
/// the items so that the rest of the batch goes on. (JSON Lines are read whole: [`stream`]
/// reads them a line at a time.)
pub fn collect(inputs: &[String]) -> (Vec<Item>, Vec<Error>) {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for r in stream(inputs) {
        match r {
            Ok(i) => items.push(i),
            Err(e) => errors.push(e),
        }
    }
    (items, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_rows_and_errors() {
        let dir = std::env::temp_dir().join(format!("qc-manifest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let m = dir.join("m.csv");
        std::fs::write(&m, "id,path,date,outlet,title\na1,one.txt,2021-12-05,AFP,Talks\na2,,2021-12-05,AFP,No path\na3,three.txt,someday,AFP,Bad date\na4,sub/four.md,,,\n").unwrap();
        let mut errors = Vec::new();
        let items = read_manifest(&m, &mut errors);
        let got: Vec<(&str, bool, Option<&str>)> = items
            .iter()
            .map(|i| (i.id.as_str(), i.path.starts_with(&dir), i.outlet.as_deref()))
            .collect();
        assert_eq!(got, [("a1", true, Some("AFP")), ("a4", true, None)]);
        let errs: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(errs[0].ends_with("m.csv:3: row has no path"), "{errs:?}");
        assert!(errs[1].contains("m.csv:4: date"), "{errs:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
