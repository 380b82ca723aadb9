//! Where `batch` writes its report and how: CSV or JSON Lines, to a file or standard output,
//! one article's rows in one write.

use super::super::stdout_error;
use clap::ValueEnum;
use quotecheck::date::Date;
use quotecheck::report::csv as schema;
use quotecheck::report::{ArticleMeta, ArticleReport};
use quotecheck::{Error, Finding};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The report's format.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// CSV: the columns of README's batch report.
    Csv,
    /// JSON Lines: one finding a line (every field `check --format jsonl` writes), with the
    /// article's `article_id`, `outlet` and `article_date`.
    Jsonl,
}

/// A finding of a batch as one JSON line.
#[derive(Serialize)]
struct JsonRow<'a> {
    article_id: &'a str,
    outlet: Option<&'a str>,
    article_date: Option<Date>,
    #[serde(flatten)]
    finding: &'a Finding,
}

/// The report's header, if its format has one.
pub fn header(format: ReportFormat, guard: bool) -> std::io::Result<Vec<u8>> {
    match format {
        ReportFormat::Csv => schema::guarded_rows(schema::BATCH, [], true, guard),
        ReportFormat::Jsonl => Ok(Vec::new()),
    }
}

/// An article's report rows, encoded in `format` (the formula guard applies to CSV).
pub fn encode(
    format: ReportFormat,
    meta: &ArticleMeta,
    r: &ArticleReport,
    guard: bool,
) -> std::io::Result<Vec<u8>> {
    match format {
        ReportFormat::Csv => schema::guarded_batch_rows(meta, r, guard),
        ReportFormat::Jsonl => {
            let mut out = Vec::new();
            for finding in &r.findings {
                let row = JsonRow {
                    article_id: &meta.id,
                    outlet: meta.outlet.as_deref(),
                    article_date: r.date,
                    finding,
                };
                serde_json::to_writer(&mut out, &row).map_err(std::io::Error::other)?;
                out.push(b'\n');
            }
            Ok(out)
        }
    }
}

/// Where the report goes: a file (synced at the end) or standard output (flushed after each
/// article, so that a pipeline reads rows as they are done).
pub enum Sink {
    /// A report file, and its path for errors.
    File(std::fs::File, PathBuf),
    /// Standard output (`--report -`).
    Stdout(std::io::Stdout),
}

impl Sink {
    /// The report at `path`; `-` is standard output.
    pub fn create(path: &Path) -> Result<Sink, Error> {
        if path.as_os_str() == "-" {
            return Ok(Sink::Stdout(std::io::stdout()));
        }
        let f = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
        Ok(Sink::File(f, path.to_path_buf()))
    }

    /// Writes one article's rows in one piece: an interrupted run leaves whole rows only.
    pub fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        match self {
            Sink::File(f, p) => f.write_all(bytes).map_err(|e| Error::io(&*p, e)),
            Sink::Stdout(o) => {
                let mut o = o.lock();
                o.write_all(bytes)
                    .and_then(|_| o.flush())
                    .map_err(stdout_error)
            }
        }
    }

    /// Syncs a report file to disk.
    pub fn finish(self) -> Result<(), Error> {
        match self {
            // Only a regular file is synced: `--report /dev/null` cannot be.
            Sink::File(f, p) if f.metadata().is_ok_and(|m| m.is_file()) => {
                f.sync_all().map_err(|e| Error::io(p, e))
            }
            Sink::File(..) | Sink::Stdout(_) => Ok(()),
        }
    }
}
