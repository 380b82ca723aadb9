//! `quotecheck extract`: list the attributed statements of articles, without a corpus.

use super::{read_articles, stdout_error, ColorChoice, EXIT_CLEAN, EXIT_ERROR};
use clap::ValueEnum;
use quotecheck::date::Date;
use quotecheck::report;
use quotecheck::Error;
use std::io::Write;

#[derive(clap::Args)]
pub struct Args {
    /// Article files (plain text, UTF-8); `-` reads standard input.
    #[arg(required = true)]
    articles: Vec<String>,
    /// Output format (`jsonl` is what ../shared/eval/score_attributions.py reads).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The articles' date (YYYY-MM-DD) [default: a date line near the top, a Markdown front
    /// matter's `date:`, else a YYYY-MM-DD date in the file's name]
    #[arg(long, value_parser = super::parse_date)]
    date: Option<Date>,
    /// When to colour the text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Statements for a person.
    Text,
    /// One JSON object per statement.
    Jsonl,
}

pub fn run(args: Args) -> Result<u8, Error> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for a in read_articles(&args.articles, args.date, &mut failed) {
        let statements = quotecheck::statements(&a);
        match args.format {
            Format::Jsonl => report::write_statements_jsonl(&mut out, &statements),
            Format::Text => {
                report::write_statements_text(&mut out, &statements, args.color.style())
            }
        }
        .map_err(stdout_error)?;
    }
    out.flush().map_err(stdout_error)?;
    Ok(if failed { EXIT_ERROR } else { EXIT_CLEAN })
}
