//! `quotecheck verify`: check the attributed statements of a claims file (CSV: `id, speaker,
//! statement, kind, date`) against a corpus, one output row per claim.

use super::{open_checker, stdout_error, ColorChoice, SourceOpts};
use clap::ValueEnum;
use quotecheck::claims::read_claims;
use quotecheck::report::{self, ArticleReport};
use quotecheck::{Error, Finding};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Claims file (CSV with columns id, speaker, statement, kind, date; others are ignored).
    /// Quotation marks inside a statement mark words checked as a direct quote.
    claims: PathBuf,
    #[command(flatten)]
    source: SourceOpts,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Also print, on standard error, how each claim was scored: its best candidate passages
    /// with their grade, score and score parts.
    #[arg(long)]
    explain: bool,
    /// When to colour the text report (NO_COLOR is honoured with auto).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One CSV row per claim.
    Csv,
    /// One JSON object per claim.
    Jsonl,
    /// A report for a person.
    Text,
}

pub fn run(args: Args) -> Result<u8, Error> {
    let checker = open_checker(&args.source)?;
    let (claims, errors) = read_claims(&args.claims)?;
    for e in &errors {
        eprintln!("quotecheck: {e}");
    }
    let file = args.claims.to_string_lossy().into_owned();
    let findings: Vec<Finding> = claims
        .par_iter()
        .map(|c| checker.verify(c, &file))
        .collect::<Result<_, Error>>()?;
    if args.explain {
        let mut err = std::io::stderr().lock();
        for (c, f) in claims.iter().zip(&findings) {
            let _ = write!(
                err,
                "{}  verdict {}\n\n",
                checker.explain(&c.statement(&file))?,
                f.verdict.as_str()
            );
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let attention = findings.iter().any(|f| f.needs_attention);
    match args.format {
        Format::Csv => out.write_all(
            &report::csv::rows(report::csv::VERIFY, &findings, true).map_err(stdout_error)?,
        ),
        Format::Jsonl => report::write_claims_jsonl(&mut out, &findings),
        Format::Text => {
            let reports = [ArticleReport {
                file: file.clone(),
                title: None,
                date: None,
                warnings: Vec::new(),
                findings,
            }];
            report::write_text(&mut out, &reports, args.color.style())
        }
    }
    .map_err(stdout_error)?;
    out.flush().map_err(stdout_error)?;
    Ok(super::exit_status(!errors.is_empty(), attention))
}
