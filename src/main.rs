//! The `quotecheck` command line: parses arguments, runs one subcommand, prints each error
//! once and exits 0 (nothing needs attention), 1 (something does) or 2 (an error).

mod cli;

use clap::{Parser, Subcommand};
use quotecheck::Error;
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
    Check(cli::check::Args),
    /// Lists the attributed statements of the articles, without checking them.
    Extract(cli::extract::Args),
    /// Checks many articles in parallel into a CSV report and a per-article summary.
    Batch(cli::batch::Args),
    /// Builds the on-disk index of a corpus, which `check` then uses.
    Index(cli::index::Args),
    /// Checks the statements of a claims file (CSV) against the corpus, one row per claim.
    Verify(cli::verify::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Bars on stderr (when it is a terminal) for indexing, parsing and batches.
    quotecheck::progress::enable(true);
    let result = match cli.command {
        Command::Check(args) => cli::check::run(args),
        Command::Extract(args) => cli::extract::run(args),
        Command::Batch(args) => cli::batch::run(args),
        Command::Index(args) => cli::index::run(args),
        Command::Verify(args) => cli::verify::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Error::Io {
            ref path,
            ref source,
        }) if path.as_os_str() == cli::STDOUT
            && source.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            ExitCode::from(cli::EXIT_CLEAN)
        }
        Err(e) => {
            eprintln!("quotecheck: {e}");
            ExitCode::from(cli::EXIT_ERROR)
        }
    }
}
