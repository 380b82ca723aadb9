//! `quotecheck check`: extract the statements of articles and check each against a corpus.

use super::{read_articles, stdout_error, ColorChoice, EXIT_ATTENTION, EXIT_CLEAN, EXIT_ERROR};
use clap::ValueEnum;
use quotecheck::corpus::Corpus;
use quotecheck::date::Date;
use quotecheck::report::{self, ArticleReport};
use quotecheck::Error;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Article files (plain text, UTF-8); `-` reads standard input.
    #[arg(required = true)]
    articles: Vec<String>,
    /// Directory of transcripts to check against.
    #[arg(long, default_value = "reference_data")]
    corpus: PathBuf,
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

pub fn run(args: Args) -> Result<u8, Error> {
    let corpus = Corpus::load(&args.corpus)?;
    for s in &corpus.skipped {
        eprintln!("quotecheck: warning: skipped {s}");
    }
    let mut failed = false;
    let reports: Vec<ArticleReport> = read_articles(&args.articles, args.date, &mut failed)
        .into_iter()
        .map(|a| ArticleReport {
            findings: quotecheck::check(&a, &corpus),
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
