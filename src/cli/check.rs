//! `quotecheck check`: extract the statements of articles and check each against a corpus.

use super::{read_articles, stdout_error, ColorChoice, EXIT_ATTENTION, EXIT_CLEAN, EXIT_ERROR};
use clap::ValueEnum;
use quotecheck::corpus::index::{self, Index, Rebuilt};
use quotecheck::corpus::Corpus;
use quotecheck::date::Date;
use quotecheck::report::{self, ArticleReport};
use quotecheck::{Article, Error, Finding};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Article files (plain text, UTF-8); `-` reads standard input.
    #[arg(required = true)]
    articles: Vec<String>,
    /// Directory of transcripts to check against.
    #[arg(long, default_value = "reference_data")]
    corpus: PathBuf,
    /// Index of the corpus to use (built, or rebuilt when the corpus changed or the index
    /// cannot be trusted). Without it, CORPUS/.quotecheck.idx is used if it exists, else
    /// the whole corpus is loaded and every statement aligned with every turn.
    #[arg(long)]
    index: Option<PathBuf>,
    /// Ignore any index: load the whole corpus and align with every turn (brute force).
    #[arg(long, conflicts_with = "index")]
    no_index: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The articles' date (YYYY-MM-DD), when they have no date line.
    #[arg(long, value_parser = super::parse_date)]
    date: Option<Date>,
    /// When to colour the text report (NO_COLOR is honoured with auto).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A report for a person.
    Text,
    /// One JSON document.
    Json,
    /// One JSON object per statement.
    Jsonl,
    /// One CSV row per statement.
    Csv,
}

/// The index to use, if any: `--index PATH`, else the default one when it exists.
fn index_path(args: &Args) -> Option<PathBuf> {
    if args.no_index {
        return None;
    }
    args.index.clone().or_else(|| {
        let p = index::default_path(&args.corpus);
        p.is_file().then_some(p)
    })
}

/// Opens (building or rebuilding as needed) the index, saying on stderr why it was built.
fn open_index(corpus: &Path, path: &Path) -> Result<Index, Error> {
    let (idx, why) = Index::open_or_build(corpus, path)?;
    match why {
        Rebuilt::No => {}
        Rebuilt::Missing => eprintln!("quotecheck: no index at {}: built it", path.display()),
        Rebuilt::Stale => eprintln!(
            "quotecheck: the corpus changed since {} was built: rebuilt it",
            path.display()
        ),
        Rebuilt::Unusable(e) => eprintln!("quotecheck: {e}: rebuilt it"),
    }
    Ok(idx)
}

/// Checks the articles against the index; an index found damaged while reading it is
/// rebuilt once and the check done again.
fn check_with_index(
    corpus: &Path,
    path: &Path,
    articles: &[Article],
) -> Result<Vec<Vec<Finding>>, Error> {
    let mut idx = open_index(corpus, path)?;
    for s in idx.skipped() {
        eprintln!("quotecheck: warning: skipped {s}");
    }
    let run = |idx: &Index| {
        articles
            .iter()
            .map(|a| quotecheck::check_indexed(a, idx))
            .collect::<Result<Vec<_>, Error>>()
    };
    match run(&idx) {
        Err(e @ Error::BadIndex { .. }) => {
            eprintln!("quotecheck: {e}: rebuilding it");
            drop(idx);
            index::build(corpus, path)?;
            idx = Index::open(path, corpus)?;
            run(&idx)
        }
        other => other,
    }
}

pub fn run(args: Args) -> Result<u8, Error> {
    let mut failed = false;
    let articles = read_articles(&args.articles, args.date, &mut failed);
    let findings: Vec<Vec<Finding>> = match index_path(&args) {
        Some(path) => check_with_index(&args.corpus, &path, &articles)?,
        None => {
            let corpus = Corpus::load(&args.corpus)?;
            for s in &corpus.skipped {
                eprintln!("quotecheck: warning: skipped {s}");
            }
            articles
                .iter()
                .map(|a| quotecheck::check(a, &corpus))
                .collect()
        }
    };
    let reports: Vec<ArticleReport> = articles
        .into_iter()
        .zip(findings)
        .map(|(a, findings)| ArticleReport {
            findings,
            file: a.path,
            date: a.date,
            warnings: a.warnings,
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Text => report::write_text(&mut out, &reports, args.color.style()),
        Format::Json => report::write_json(&mut out, &reports),
        Format::Jsonl => reports
            .iter()
            .try_for_each(|r| report::write_jsonl(&mut out, r)),
        Format::Csv => report::write_csv(&mut out, &reports, true),
    }
    .map_err(stdout_error)?;
    out.flush().map_err(stdout_error)?;
    let attention = reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| f.needs_attention);
    Ok(if failed {
        EXIT_ERROR
    } else if attention {
        EXIT_ATTENTION
    } else {
        EXIT_CLEAN
    })
}
