//! `quotecheck batch`: many articles (files, directories, manifests, JSON Lines from a file
//! or standard input) checked in parallel against one corpus, into a report (CSV, or JSON
//! Lines; one row per statement, in input order, written article by article, to a file or
//! standard output: `batch/sink.rs`) and a summary (one row per article, errors included);
//! or, with `--list`, the articles named and nothing checked (`batch/list.rs`).

mod list;
mod sink;

use super::{open_checker, write_atomic, SourceOpts, EXIT_INTERRUPTED};
use quotecheck::batch::{self, Body, Item};
use quotecheck::date::Date;
use quotecheck::files::clean_path;
use quotecheck::progress::Progress;
use quotecheck::report::csv::{self as schema, SummaryRow};
use quotecheck::report::{ArticleMeta, ArticleReport, Summary};
use quotecheck::{Article, Error};
use rayon::prelude::*;
use sink::{ReportFormat, Sink};
use std::collections::BTreeMap;
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
    /// Date for articles that have none in a manifest, a JSON line, a date line or a front
    /// matter (YYYY-MM-DD); a YYYY-MM-DD date in the file's name comes after it.
    #[arg(long, value_parser = super::parse_date)]
    date: Option<Date>,
    /// Write cells as they are, without the `'` that keeps a spreadsheet from running a cell
    /// that starts with `=`, `+`, `-` or `@` (for a CSV read by a program, such as pandas).
    #[arg(long)]
    no_formula_guard: bool,
    /// Check nothing: print the articles the inputs name, one JSON article line each (`id`,
    /// `path` as batch reads it, `date`, `outlet`, `title`; `file` and `text` for a JSON
    /// line's own), or `{"error"}` for a bad input, in input order. The corpus is not opened.
    #[arg(long, conflicts_with_all = ["report", "summary"])]
    list: bool,
    /// Every line of a JSON Lines input is `{"input", "line", "raw"}`: line RAW read as line
    /// LINE of INPUT (what the Spark job sends each partition).
    #[arg(long, hide = true)]
    enveloped: bool,
}

/// What the report says of an item beside its findings; an id that is the item's path is
/// cleaned like the path (`scratch/../a.txt` -> `a.txt`).
fn article_meta(item: &Item) -> ArticleMeta {
    let path = item.path.to_string_lossy();
    ArticleMeta {
        id: if item.id == path {
            clean_path(&item.id)
        } else {
            item.id.clone()
        },
        outlet: item.outlet.clone(),
        title: item.title.clone(),
    }
}

/// The line a batch ends with: how many articles were checked and failed (bad inputs, such
/// as a manifest row or a JSON line, among them), the verdict counts of their statements,
/// how long it took and where the report is.
fn totals_line(rows: &[SummaryRow], took: std::time::Duration, report: &Path) -> String {
    let mut total = Summary::default();
    for c in rows.iter().filter_map(|r| r.counts.as_ref()) {
        total.statements += c.statements;
        total.verbatim += c.verbatim;
        total.near_verbatim += c.near_verbatim;
        total.altered += c.altered;
        total.paraphrase += c.paraphrase;
        total.misattributed += c.misattributed;
        total.unverified += c.unverified;
        total.needs_attention += c.needs_attention;
    }
    let checked = rows.iter().filter(|r| r.counts.is_some()).count();
    let failed = rows.iter().filter(|r| r.error.is_some()).count();
    format!(
        "checked {checked} article{} ({failed} could not be checked) in {:.1}s: {}; report {}",
        if checked == 1 { "" } else { "s" },
        took.as_secs_f64(),
        total.line(),
        report.display()
    )
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

/// Reads an item's article: from its file, from another path under its name, or inline.
fn read(item: &Item) -> Result<Article, Error> {
    let name = || clean_path(&item.path.to_string_lossy());
    match &item.body {
        Body::File => Article::read(&item.path.to_string_lossy()),
        Body::Text(text) => Ok(Article::from_bytes(&name(), text.as_bytes())),
        // Read from one path as the article named by another (which errors name too).
        Body::At(p) => Article::read(&p.to_string_lossy())
            .map(|mut a| {
                a.path = name();
                a
            })
            .map_err(|e| match e {
                Error::Io { source, .. } => Error::io(&item.path, source),
                e => e,
            }),
    }
}

pub fn run(args: Args) -> Result<u8, Error> {
    if args.list {
        return list::list(&args);
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
    let stream = batch::stream(&args.inputs).enveloped(args.enveloped);
    let (inputs, total): (Box<dyn Iterator<Item = Result<Item, Error>> + Send>, u64) = if streamed {
        (Box::new(stream), 0)
    } else {
        let all: Vec<_> = stream.collect();
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
    let guard = !args.no_formula_guard;
    out.put(&sink::header(args.format, guard).map_err(report_err)?)?;
    let mut summary_rows = Vec::new();
    let (mut failed, mut attention, mut interrupted) = (false, false, false);
    let progress = Progress::new("checking", total, "articles")
        .with_lines(quotecheck::progress::lines_every());
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
        let meta = article_meta(&item);
        let file = clean_path(&item.path.to_string_lossy());
        if stop.load(Ordering::SeqCst) {
            return Checked {
                meta,
                file,
                outcome: Outcome::Skipped,
            };
        }
        let outcome = match read(&item) {
            Ok(mut a) => {
                a.date = item
                    .date
                    .or(a.date)
                    .or(args.date)
                    .or_else(|| quotecheck::article::date_in_file_name(&a.path));
                match checker.check(&a) {
                    Ok(findings) => Outcome::Done(ArticleReport {
                        findings,
                        file: a.path,
                        title: a.title,
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
                        // One write per article: an interrupted run leaves whole rows only.
                        out.put(&sink::encode(args.format, &meta, &r, guard).map_err(report_err)?)?;
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
    let totals = totals_line(&summary_rows, progress.elapsed(), &report_path);
    if let Some(path) = &args.summary {
        write_atomic(
            path,
            &schema::guarded_rows(schema::SUMMARY, &summary_rows, true, guard)
                .map_err(|e| Error::io(path, e))?,
        )?;
    }
    eprintln!("quotecheck: {totals}");
    if interrupted {
        eprintln!(
            "quotecheck: interrupted; {} holds the articles finished so far",
            report_path.display()
        );
        return Ok(EXIT_INTERRUPTED);
    }
    Ok(super::exit_status(failed, attention))
}
