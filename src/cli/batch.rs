//! `quotecheck batch`: many articles (files, directories, manifests, JSON Lines from a file
//! or standard input) checked in parallel against one corpus, into a report (CSV, or JSON
//! Lines; one row per statement, in input order, written article by article, to a file or
//! standard output) and a summary (one row per article, errors included).

use super::{open_checker, stdout_error, write_atomic, SourceOpts, EXIT_INTERRUPTED};
use clap::ValueEnum;
use quotecheck::batch::{self, Body, Item};
use quotecheck::date::Date;
use quotecheck::progress::Progress;
use quotecheck::report::csv::{self as schema, SummaryRow};
use quotecheck::report::{self, ArticleMeta, ArticleReport};
use quotecheck::{Article, Error, Finding};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};

#[derive(clap::Args)]
pub struct Args {
    /// Article files, directories (searched recursively for .txt, .md, .html), manifest
    /// CSVs (`id, path, date, outlet, title`; paths relative to the manifest) and JSON Lines
    /// of articles (`.jsonl`, or `-` for standard input: one `{"id", "text", "date",
    /// "outlet", "title"}` a line).
    #[arg(required = true)]
    inputs: Vec<String>,
    #[command(flatten)]
    source: SourceOpts,
    /// The report to write, one row per statement; `-` is standard output [required with
    /// --format csv; default with --format jsonl: standard output].
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// The report's format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Csv)]
    format: ReportFormat,
    /// A CSV summary to write: one row per article, with counts per verdict and any error.
    #[arg(long, value_name = "FILE")]
    summary: Option<PathBuf>,
    /// Date for articles that have none in a manifest, a JSON line or a date line (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    date: Option<Date>,
    /// Check nothing: print the articles the inputs name, one JSON line each (`id`, `file`,
    /// `path` made absolute, `date`, `outlet`; `text` for a JSON line's own text), or
    /// `{"error"}` for a bad input, in input order. The corpus is not opened.
    #[arg(long, conflicts_with_all = ["report", "summary"])]
    list: bool,
    /// Every line of a JSON Lines input is `{"input", "line", "raw"}`: line RAW read as line
    /// LINE of INPUT (what the Spark job sends each partition).
    #[arg(long, hide = true)]
    enveloped: bool,
}

/// An article of the inputs, as `--list` prints it.
#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<PathBuf>,
    date: Option<Date>,
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

/// `--list`: the articles of the inputs as JSON Lines on standard output.
fn list(args: &Args) -> Result<u8, Error> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for entry in batch::stream(&args.inputs).enveloped(args.enveloped) {
        let line = match &entry {
            Ok(item) => {
                let path = match &item.body {
                    Body::File => Some(item.path.as_path()),
                    Body::At(p) => Some(p.as_path()),
                    Body::Text(_) => None,
                };
                let listed = Listed {
                    id: &item.id,
                    file: item.path.to_string_lossy().into_owned(),
                    path: path.map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())),
                    date: item.date,
                    outlet: item.outlet.as_deref(),
                    text: match &item.body {
                        Body::Text(t) => Some(t),
                        _ => None,
                    },
                };
                serde_json::to_string(&listed)
            }
            Err(e) => {
                eprintln!("quotecheck: {e}");
                failed = true;
                serde_json::to_string(&serde_json::json!({ "error": e.to_string() }))
            }
        };
        writeln!(
            out,
            "{}",
            line.map_err(|e| stdout_error(std::io::Error::other(e)))?
        )
        .map_err(stdout_error)?;
    }
    out.flush().map_err(stdout_error)?;
    Ok(super::exit_status(failed, false))
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
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

/// An article's report rows, encoded in `format`.
fn encode(format: ReportFormat, meta: &ArticleMeta, r: &ArticleReport) -> std::io::Result<Vec<u8>> {
    match format {
        ReportFormat::Csv => report::batch_rows(meta, r),
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
enum Sink {
    File(std::fs::File, PathBuf),
    Stdout(std::io::Stdout),
}

impl Sink {
    fn create(path: &Path) -> Result<Sink, Error> {
        if path.as_os_str() == "-" {
            return Ok(Sink::Stdout(std::io::stdout()));
        }
        let f = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
        Ok(Sink::File(f, path.to_path_buf()))
    }

    /// Writes one article's rows in one piece: an interrupted run leaves whole rows only.
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
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

    fn finish(self) -> Result<(), Error> {
        match self {
            // Only a regular file is synced: `--report /dev/null` cannot be.
            Sink::File(f, p) if f.metadata().is_ok_and(|m| m.is_file()) => {
                f.sync_all().map_err(|e| Error::io(p, e))
            }
            Sink::File(..) => Ok(()),
            Sink::Stdout(_) => Ok(()),
        }
    }
}

/// What happened to one article (or one bad input: a manifest row, a JSON line).
enum Outcome {
    Done(ArticleReport),
    Failed(String),
    Skipped,
}

/// An input's article checked, with what the report says of it.
struct Checked {
    meta: ArticleMeta,
    file: String,
    outcome: Outcome,
}

pub fn run(args: Args) -> Result<u8, Error> {
    if args.list {
        return list(&args);
    }
    let report_path = match (&args.report, args.format) {
        (Some(p), _) => p.clone(),
        (None, ReportFormat::Jsonl) => PathBuf::from("-"),
        (None, ReportFormat::Csv) => clap::Error::raw(
            clap::error::ErrorKind::MissingRequiredArgument,
            "batch --format csv needs --report FILE (or --report - for standard output)\n",
        )
        .exit(),
    };
    let checker = open_checker(&args.source)?;
    // Files, directories and manifests are listed now, so the progress bar knows its total;
    // JSON Lines (and standard input) are read as the workers take articles.
    let streamed = args
        .inputs
        .iter()
        .any(|i| i == "-" || batch::is_jsonl(Path::new(i)));
    let (inputs, total): (Box<dyn Iterator<Item = Result<Item, Error>> + Send>, u64) = if streamed {
        (
            Box::new(batch::stream(&args.inputs).enveloped(args.enveloped)),
            0,
        )
    } else {
        let all: Vec<_> = batch::stream(&args.inputs)
            .enveloped(args.enveloped)
            .collect();
        let n = all.len() as u64;
        (Box::new(all.into_iter()), n)
    };
    let stop = Arc::new(AtomicBool::new(false));
    let cut = AtomicBool::new(false);
    {
        let stop = Arc::clone(&stop);
        // A second Ctrl-C while stopping is not caught again: the default handler ends the run.
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    let mut out = Sink::create(&report_path)?;
    let report_err = |e: std::io::Error| Error::io(&report_path, e);
    if args.format == ReportFormat::Csv {
        out.put(&schema::rows(schema::BATCH, [], true).map_err(report_err)?)?;
    }
    let mut summary_rows = Vec::new();
    let (mut failed, mut attention, mut interrupted) = (false, false, false);
    let progress = Progress::new("checking", total, "articles");
    let (tx, rx) = mpsc::channel::<(usize, Checked)>();
    let check_one = |entry: Result<Item, Error>| -> Checked {
        let item = match entry {
            Ok(item) => item,
            Err(e) => {
                return Checked {
                    meta: ArticleMeta::default(),
                    file: String::new(),
                    outcome: Outcome::Failed(e.to_string()),
                }
            }
        };
        let meta = ArticleMeta {
            id: item.id.clone(),
            outlet: item.outlet.clone(),
        };
        let file = item.path.to_string_lossy().into_owned();
        if stop.load(Ordering::SeqCst) {
            return Checked {
                meta,
                file,
                outcome: Outcome::Skipped,
            };
        }
        let read = match &item.body {
            Body::Text(text) => Ok(Article::from_bytes(&file, text.as_bytes())),
            Body::File => Article::read(&file),
            // Read from one path, named by another: as if the file were at `file`.
            // (An error names the article as the report does.)
            Body::At(p) => std::fs::read(p)
                .map(|bytes| Article::from_bytes(&file, &bytes))
                .map_err(|e| Error::io(&file, e)),
        };
        let outcome = match read {
            Ok(mut a) => {
                a.date = item.date.or(a.date).or(args.date);
                match checker.check(&a) {
                    Ok(findings) => Outcome::Done(ArticleReport {
                        findings,
                        file: a.path,
                        date: a.date,
                        warnings: a.warnings,
                    }),
                    Err(e) => Outcome::Failed(format!("{file}: {e}")),
                }
            }
            Err(e) => Outcome::Failed(e.to_string()),
        };
        Checked {
            meta,
            file,
            outcome,
        }
    };
    std::thread::scope(|s| -> Result<(), Error> {
        s.spawn(|| {
            // Workers take articles in input order (`par_bridge` hands out the next one to
            // whichever is free), so finished articles wait only for the few still running
            // before them: `pending` stays small however long the batch. (A split of the
            // input into halves would hold the second half's findings until the first is
            // done: memory growing with the batch, and no rows written for it meanwhile.)
            // After Ctrl-C no more articles are taken (standard input is not read to its end).
            inputs
                .take_while(|_| {
                    let go = !stop.load(Ordering::SeqCst);
                    cut.store(!go, Ordering::SeqCst);
                    go
                })
                .enumerate()
                .par_bridge()
                .for_each_with(tx, |tx, (i, entry)| drop(tx.send((i, check_one(entry)))))
        });
        // Write results in input order as soon as the ones before them are done.
        let mut pending: BTreeMap<usize, Checked> = BTreeMap::new();
        let mut next = 0;
        for (i, checked) in rx {
            pending.insert(i, checked);
            while let Some(Checked {
                meta,
                file,
                outcome,
            }) = pending.remove(&next)
            {
                match outcome {
                    Outcome::Done(r) => {
                        for w in &r.warnings {
                            eprintln!("quotecheck: warning: {w}");
                        }
                        attention |= r.findings.iter().any(|f| f.needs_attention);
                        out.put(&encode(args.format, &meta, &r).map_err(report_err)?)?;
                        summary_rows.push(SummaryRow::new(&meta, &file, Some(&r), None));
                    }
                    Outcome::Failed(e) => {
                        eprintln!("quotecheck: {e}");
                        failed = true;
                        summary_rows.push(SummaryRow::new(&meta, &file, None, Some(&e)));
                    }
                    Outcome::Skipped => interrupted = true,
                }
                progress.inc(1);
                next += 1;
            }
        }
        Ok(())
    })?;
    progress.finish();
    interrupted |= cut.load(Ordering::SeqCst);
    out.finish()?;
    if let Some(path) = &args.summary {
        write_atomic(
            path,
            &schema::rows(schema::SUMMARY, &summary_rows, true).map_err(|e| Error::io(path, e))?,
        )?;
    }
    if interrupted {
        eprintln!(
            "quotecheck: interrupted; {} holds the articles finished so far",
            report_path.display()
        );
        return Ok(EXIT_INTERRUPTED);
    }
    Ok(super::exit_status(failed, attention))
}
