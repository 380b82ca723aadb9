//! `quotecheck batch`: many articles (files, directories, manifests) checked in parallel
//! against one corpus, into a CSV report (one row per statement, in a stable order) and a
//! summary (one row per article, errors included).

use super::{open_checker, write_atomic, SourceOpts, EXIT_INTERRUPTED};
use quotecheck::batch::{self, Item};
use quotecheck::date::Date;
use quotecheck::files::clean_path;
use quotecheck::progress::Progress;
use quotecheck::report::csv::{self as schema, SummaryRow};
use quotecheck::report::{ArticleMeta, ArticleReport, Summary};
use quotecheck::{Article, Error};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};

#[derive(clap::Args)]
pub struct Args {
    /// Article files, directories (searched recursively for .txt, .md, .html) and manifest
    /// CSVs (`id, path, date, outlet, title`; paths relative to the manifest).
    #[arg(required = true)]
    inputs: Vec<String>,
    #[command(flatten)]
    source: SourceOpts,
    /// The CSV report to write: one row per statement.
    #[arg(long, value_name = "FILE")]
    report: PathBuf,
    /// A CSV summary to write: one row per article, with counts per verdict and any error.
    #[arg(long, value_name = "FILE")]
    summary: Option<PathBuf>,
    /// Date for articles that have none in a manifest or a date line (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    date: Option<Date>,
    /// Write cells as they are, without the `'` that keeps a spreadsheet from running a cell
    /// that starts with `=`, `+`, `-` or `@` (for a CSV read by a program, such as pandas).
    #[arg(long)]
    no_formula_guard: bool,
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

/// The line a batch ends with: how many articles were checked and failed, the verdict
/// counts of their statements, how long it took and where the report is.
fn totals_line(
    rows: &[SummaryRow],
    input_errors: usize,
    took: std::time::Duration,
    report: &std::path::Path,
) -> String {
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
    let failed = rows.iter().filter(|r| r.error.is_some()).count() + input_errors;
    format!(
        "checked {checked} article{} ({failed} could not be checked) in {:.1}s: {}; report {}",
        if checked == 1 { "" } else { "s" },
        took.as_secs_f64(),
        total.line(),
        report.display()
    )
}

/// What happened to one article.
enum Outcome {
    Done(ArticleReport),
    Failed(String),
    Skipped,
}

pub fn run(args: Args) -> Result<u8, Error> {
    let checker = open_checker(&args.source)?;
    let (items, input_errors) = batch::collect(&args.inputs);
    for e in &input_errors {
        eprintln!("quotecheck: {e}");
    }
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        // A second Ctrl-C while stopping is not caught again: the default handler ends the run.
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    let mut out = std::fs::File::create(&args.report).map_err(|e| Error::io(&args.report, e))?;
    let report_err = |e: std::io::Error| Error::io(&args.report, e);
    let guard = !args.no_formula_guard;
    out.write_all(&schema::guarded_rows(schema::BATCH, [], true, guard).map_err(report_err)?)
        .map_err(report_err)?;
    let metas: Vec<ArticleMeta> = items.iter().map(article_meta).collect();
    let mut summary_rows = Vec::new();
    let (mut failed, mut attention, mut interrupted) = (!input_errors.is_empty(), false, false);
    let progress = Progress::new("checking", items.len() as u64, "articles")
        .with_lines(quotecheck::progress::lines_every());
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    let check_one = |item: &Item| -> Outcome {
        if stop.load(Ordering::SeqCst) {
            return Outcome::Skipped;
        }
        match Article::read(&item.path.to_string_lossy()) {
            Ok(mut a) => {
                a.date = item.date.or(a.date).or(args.date);
                match checker.check(&a) {
                    Ok(findings) => Outcome::Done(ArticleReport {
                        findings,
                        file: a.path,
                        title: a.title,
                        date: a.date,
                        warnings: a.warnings,
                    }),
                    Err(e) => Outcome::Failed(format!("{}: {e}", item.path.display())),
                }
            }
            Err(e) => Outcome::Failed(e.to_string()),
        }
    };
    std::thread::scope(|s| -> Result<(), Error> {
        s.spawn(|| {
            // Workers take articles in input order (`par_bridge` hands out the next one to
            // whichever is free), so finished articles wait only for the few still running
            // before them: `pending` stays small however long the batch. (A split of the
            // input into halves would hold the second half's findings until the first is
            // done: memory growing with the batch, and no rows written for it meanwhile.)
            items
                .iter()
                .enumerate()
                .par_bridge()
                .for_each_with(tx, |tx, (i, item)| drop(tx.send((i, check_one(item)))))
        });
        // Write results in input order as soon as the ones before them are done.
        let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
        let mut next = 0;
        for (i, outcome) in rx {
            pending.insert(i, outcome);
            while let Some(outcome) = pending.remove(&next) {
                let meta = &metas[next];
                let file = clean_path(&items[next].path.to_string_lossy());
                match outcome {
                    Outcome::Done(r) => {
                        for w in &r.warnings {
                            eprintln!("quotecheck: warning: {w}");
                        }
                        attention |= r.findings.iter().any(|f| f.needs_attention);
                        // One write per article: an interrupted run leaves whole rows only.
                        out.write_all(
                            &schema::guarded_batch_rows(meta, &r, guard).map_err(report_err)?,
                        )
                        .map_err(report_err)?;
                        summary_rows.push(SummaryRow::new(meta, &file, Some(&r), None));
                    }
                    Outcome::Failed(e) => {
                        eprintln!("quotecheck: {e}");
                        failed = true;
                        summary_rows.push(SummaryRow::new(meta, &file, None, Some(&e)));
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
    out.sync_all().map_err(report_err)?;
    let totals = totals_line(
        &summary_rows,
        input_errors.len(),
        progress.elapsed(),
        &args.report,
    );
    if let Some(path) = &args.summary {
        for e in &input_errors {
            summary_rows.push(SummaryRow::new(
                &ArticleMeta::default(),
                "",
                None,
                Some(&e.to_string()),
            ));
        }
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
            args.report.display()
        );
        return Ok(EXIT_INTERRUPTED);
    }
    Ok(super::exit_status(failed, attention))
}
