//! The `quotecheck` command line: parses arguments, runs the library, prints each error once
//! and exits 0 (nothing needs attention), 1 (something does) or 2 (an error).

use clap::{Parser, Subcommand, ValueEnum};
use quotecheck::corpus::Corpus;
use quotecheck::report::{self, ArticleReport, Style};
use quotecheck::{date::Date, Article, Error};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Checks what news articles say people said against a corpus of official transcripts.
#[derive(Parser)]
#[command(name = "quotecheck", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Finds every attributed statement in the articles and checks it against the corpus.
    Check {
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
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// When to colour the text report (NO_COLOR is honoured with auto).
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
    /// Lists the attributed statements of the articles, without checking them.
    Extract {
        /// Article files (plain text, UTF-8); `-` reads standard input.
        #[arg(required = true)]
        articles: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
        /// The articles' date (YYYY-MM-DD), when they have no date line.
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// When to colour the text output.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
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

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Text,
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    fn style(self) -> Style {
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

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("'{s}' is not a date: expected YYYY-MM-DD"))
}

/// Exit statuses.
const EXIT_CLEAN: u8 = 0;
const EXIT_ATTENTION: u8 = 1;
const EXIT_ERROR: u8 = 2;

/// Reads the articles, reporting each that cannot be read and going on with the rest.
fn read_articles(paths: &[String], date: Option<Date>, failed: &mut bool) -> Vec<Article> {
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

fn run(cli: Cli) -> Result<u8, Error> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io_err = |e: std::io::Error| Error::io("<stdout>", e);
    let mut failed = false;
    match cli.command {
        Command::Extract {
            articles,
            format,
            date,
            color,
        } => {
            for a in read_articles(&articles, date, &mut failed) {
                let statements = quotecheck::extract::extract(&a);
                match format {
                    ExtractFormat::Jsonl => report::write_statements_jsonl(&mut out, &statements),
                    ExtractFormat::Text => {
                        report::write_statements_text(&mut out, &statements, color.style())
                    }
                }
                .map_err(io_err)?;
            }
            out.flush().map_err(io_err)?;
            Ok(if failed { EXIT_ERROR } else { EXIT_CLEAN })
        }
        Command::Check {
            articles,
            corpus,
            format,
            date,
            color,
        } => {
            let corpus = Corpus::load(&corpus)?;
            for s in &corpus.skipped {
                eprintln!("quotecheck: warning: skipped {s}");
            }
            let reports: Vec<ArticleReport> = read_articles(&articles, date, &mut failed)
                .into_iter()
                .map(|a| ArticleReport {
                    findings: quotecheck::check(&a, &corpus),
                    file: a.path,
                    date: a.date,
                    warnings: a.warnings,
                })
                .collect();
            match format {
                Format::Text => report::write_text(&mut out, &reports, color.style()),
                Format::Json => report::write_json(&mut out, &reports),
                Format::Jsonl => reports
                    .iter()
                    .try_for_each(|r| report::write_jsonl(&mut out, r)),
                Format::Csv => report::write_csv(&mut out, &reports, true),
            }
            .map_err(io_err)?;
            out.flush().map_err(io_err)?;
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
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(Error::Io {
            ref path,
            ref source,
        }) if path.as_os_str() == "<stdout>" && source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::from(EXIT_CLEAN)
        }
        Err(e) => {
            eprintln!("quotecheck: {e}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
