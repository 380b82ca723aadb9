//! What the subcommands share: exit statuses, colour choice, dates, reading articles.
//! Each subcommand is one file of the same shape: an `Args` struct and `run(Args)`.

pub mod batch;
pub mod check;
pub mod config;
pub mod extract;
pub mod progress;

use clap::ValueEnum;
use quotecheck::corpus::Corpus;
use quotecheck::gate::{FailOn, DEFAULT_FAIL_ON};
use quotecheck::report::Style;
use quotecheck::{date::Date, Article, Error};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::path::PathBuf;

/// Nothing needs attention.
pub const EXIT_CLEAN: u8 = 0;
/// At least one statement needs attention.
pub const EXIT_ATTENTION: u8 = 1;
/// An error.
pub const EXIT_ERROR: u8 = 2;
/// Stopped by Ctrl-C (what was finished is written).
pub const EXIT_INTERRUPTED: u8 = 130;
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

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// crash or Ctrl-C never leaves a half-written file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = result.and_then(|_| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// What `check` and `batch` set up the same way: settings from the config file and the
/// command line (the command line wins), the corpus loaded once, the fail-on rules.
pub fn prepare(
    config: Option<&Path>,
    corpus: Option<PathBuf>,
    fail_on: Option<&str>,
) -> Result<(Corpus, FailOn), Error> {
    let config = config::load(config)?;
    let rules = fail_on
        .map(str::to_string)
        .or_else(|| config.fail_on.as_ref().map(|f| f.joined()));
    let fail_on = FailOn::parse(rules.as_deref().unwrap_or(DEFAULT_FAIL_ON))?;
    let dir = corpus
        .or(config.corpus)
        .unwrap_or_else(|| PathBuf::from("reference_data"));
    let corpus = Corpus::load(&dir)?;
    for s in &corpus.skipped {
        eprintln!("quotecheck: warning: skipped {s}");
    }
    Ok((corpus, fail_on))
}
