//! What the subcommands share: exit statuses, colour choice, dates, reading articles.
//! Each subcommand is one file of the same shape: an `Args` struct and `run(Args)`.

pub mod check;
pub mod extract;
pub mod verify;

use clap::ValueEnum;
use quotecheck::report::Style;
use quotecheck::{date::Date, Article, Error};
use std::io::IsTerminal;

/// Nothing needs attention.
pub const EXIT_CLEAN: u8 = 0;
/// At least one statement needs attention.
pub const EXIT_ATTENTION: u8 = 1;
/// An error.
pub const EXIT_ERROR: u8 = 2;
/// The name errors on standard output carry.
pub const STDOUT: &str = "<stdout>";

/// When to colour the text report.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// The style for standard output (`auto`: a terminal, and NO_COLOR unset or empty).
    pub fn style(self) -> Style {
        let color = match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Style { color }
    }
}

/// Parses `--date`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("'{s}' is not a date: expected YYYY-MM-DD"))
}

/// An error writing standard output.
pub fn stdout_error(e: std::io::Error) -> Error {
    Error::io(STDOUT, e)
}

/// Reads the articles, reporting each that cannot be read and going on with the rest;
/// `failed` is set when any could not be read.
pub fn read_articles(paths: &[String], date: Option<Date>, failed: &mut bool) -> Vec<Article> {
    let mut out = Vec::new();
    for p in paths {
        match Article::read(p) {
            Ok(mut a) => {
                for w in &a.warnings {
                    eprintln!("quotecheck: warning: {w}");
                }
                if date.is_some() {
                    a.date = date;
                }
                out.push(a);
            }
            Err(e) => {
                eprintln!("quotecheck: {e}");
                *failed = true;
            }
        }
    }
    out
}
