//! What the subcommands share: exit statuses, colour choice, dates, reading articles.
//! Each subcommand is one file of the same shape: an `Args` struct and `run(Args)`.

pub mod batch;
pub mod check;
pub mod config;
pub mod extract;
pub mod index;
pub mod verify;

use clap::ValueEnum;
use quotecheck::gate::{FailOn, DEFAULT_FAIL_ON};
use quotecheck::report::Style;
use quotecheck::{date::Date, Article, Checker, Error, IndexChoice, Options};
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

/// The exit status of a run: an error wins, then a statement that needs attention.
pub fn exit_status(failed: bool, attention: bool) -> u8 {
    if failed {
        EXIT_ERROR
    } else if attention {
        EXIT_ATTENTION
    } else {
        EXIT_CLEAN
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
                a.date = date
                    .or(a.date)
                    .or_else(|| quotecheck::article::date_in_file_name(&a.path));
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

/// Where the corpus and its index are, and what fails: options `check`, `batch` and `verify`
/// share.
#[derive(clap::Args)]
pub struct SourceOpts {
    /// Directory of transcripts to check against [default: the config's `corpus`, else reference_data].
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Index of the corpus to use (built, or rebuilt when the corpus changed or the index
    /// cannot be trusted) [default: the config's `index`, else the corpus's default index,
    /// built on first use: CORPUS/.quotecheck.idx, or in the per-user cache
    /// ($QUOTECHECK_CACHE, $XDG_CACHE_HOME/quotecheck, ~/.cache/quotecheck) when the corpus
    /// folder is read-only].
    #[arg(long)]
    pub index: Option<PathBuf>,
    /// Use --index PATH as it is, without reading the corpus (which need not be there; its
    /// path only names the sources): no freshness check, no rebuild. For machines that hold
    /// an index built elsewhere, such as Spark executors.
    #[arg(long, requires = "index")]
    pub index_as_is: bool,
    /// Use no index: load the whole corpus and align every statement with every turn (brute
    /// force; slow on a large corpus, and nothing is written anywhere).
    #[arg(long, conflicts_with = "index")]
    pub no_index: bool,
    /// Verdicts that fail the check (exit status 1), comma-separated; `VERDICT:quotes` applies
    /// to direct and partial quotes only [default: the config's `fail_on`, else
    /// altered,misattributed,unverified:quotes,paraphrase:quotes].
    #[arg(long, value_name = "RULES")]
    pub fail_on: Option<String>,
    /// Settings file [default: the nearest quotecheck.toml from the current folder up].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// The corpus directory: the command line's, else the config's, else `reference_data`.
pub fn corpus_dir(arg: Option<PathBuf>, config: Option<PathBuf>) -> PathBuf {
    arg.or(config)
        .unwrap_or_else(|| PathBuf::from("reference_data"))
}

/// What `check`, `batch` and `verify` set up the same way: settings from the config file and
/// the command line (the command line wins), and the corpus or its index opened once (by
/// default the corpus's own index, built on first use; built or rebuilt when missing, stale
/// or damaged, saying so on standard error before the build) with the fail-on rules and the
/// verdict thresholds (the config's, else the defaults).
pub fn open_checker(args: &SourceOpts) -> Result<Checker, Error> {
    let config = config::load(args.config.as_deref())?;
    let rules = args
        .fail_on
        .clone()
        .or_else(|| config.fail_on.as_ref().map(|f| f.joined()));
    // A bad rule from the config file is named by its file and line.
    let from_config = args
        .fail_on
        .is_none()
        .then_some(config.fail_on_at)
        .flatten();
    let fail_on =
        FailOn::parse(rules.as_deref().unwrap_or(DEFAULT_FAIL_ON)).map_err(
            |e| match from_config {
                Some((path, line)) => Error::parse(path, line, format!("fail_on: {e}")),
                None => e,
            },
        )?;
    let index = match (args.no_index, args.index.clone().or(config.index)) {
        (true, _) => IndexChoice::None,
        (false, Some(p)) if args.index_as_is => IndexChoice::AsIs(p),
        (false, Some(p)) => IndexChoice::At(p),
        (false, None) => IndexChoice::Default,
    };
    Checker::open_with(
        Options {
            corpus: corpus_dir(args.corpus.clone(), config.corpus),
            index,
            thresholds: config.thresholds.unwrap_or_default(),
            fail_on,
        },
        &mut |n| eprintln!("quotecheck: {n}"),
    )
}
