//! `quotecheck index`: build the on-disk index of a corpus, so that `check` reads only the
//! turns a statement could be in.

use super::EXIT_CLEAN;
use quotecheck::index::{self, default_path};
use quotecheck::Error;
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Corpus directory (transcripts .txt, .jsonl, .csv, .vtt/.srt captions, speakers.csv).
    corpus: PathBuf,
    /// Where to write the index [default: CORPUS/.quotecheck.idx].
    #[arg(long)]
    index: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<u8, Error> {
    let path = args.index.unwrap_or_else(|| default_path(&args.corpus));
    let started = Instant::now();
    let s = index::build(&args.corpus, &path)?;
    for skipped in &s.skipped {
        eprintln!("quotecheck: warning: skipped {skipped}");
    }
    eprintln!(
        "quotecheck: indexed {} files ({} documents, {} turns, {} chunks; {} skipped) into {} ({:.1} MB) in {:.1}s",
        s.files,
        s.docs,
        s.turns,
        s.chunks,
        s.skipped.len(),
        path.display(),
        s.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(EXIT_CLEAN)
}
