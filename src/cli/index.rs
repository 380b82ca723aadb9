//! `quotecheck index`: build the on-disk index of a corpus, so that `check` reads only the
//! turns a statement could be in.

use super::EXIT_CLEAN;
use quotecheck::corpus::{is_bare_label, Corpus};
use quotecheck::index;
use quotecheck::Error;
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Corpus directory (transcripts .txt, .jsonl, .csv, .vtt/.srt captions, speakers.csv).
    corpus: PathBuf,
    /// Where to write the index [default: where check looks for it: CORPUS/.quotecheck.idx,
    /// or the per-user cache when the corpus folder is read-only].
    #[arg(long)]
    index: Option<PathBuf>,
}

/// How many bare labels the note names before it only counts the rest.
const LABELS_SHOWN: usize = 20;

/// The turn speakers that are transcript labels naming nobody's full name, even through
/// `speakers.csv` or another document (`JOURNALIST`, `MR HAWKE` in a file that names him
/// nowhere).
pub fn bare_labels(corpus: &Corpus) -> Vec<&str> {
    corpus
        .speakers
        .iter()
        .map(|s| s.name.as_str())
        .filter(|s| is_bare_label(s) && corpus.full_name(s).is_none())
        .collect()
}

/// The note on bare labels: how many, and the first [`LABELS_SHOWN`] of them.
pub fn bare_labels_note(bare: &[&str]) -> String {
    let shown = bare[..bare.len().min(LABELS_SHOWN)].join(", ");
    let more = bare.len().saturating_sub(LABELS_SHOWN);
    format!(
        "{} speaker label{} name{} no full name (none in the document's title, front matter, aliases: or speakers: lines, speakers.csv or another document), so {} turns keep the label: {shown}{}",
        bare.len(),
        if bare.len() == 1 { "" } else { "s" },
        if bare.len() == 1 { "s" } else { "" },
        if bare.len() == 1 { "its" } else { "their" },
        if more > 0 { format!(" and {more} more") } else { String::new() }
    )
}

pub fn run(args: Args) -> Result<u8, Error> {
    let path = match args.index {
        Some(p) => p,
        None if !args.corpus.is_dir() => {
            return Err(Error::CorpusMissing {
                path: args.corpus.clone(),
            })
        }
        None => match index::default_location(&args.corpus)? {
            Some((p, _)) => p,
            None => {
                return Err(Error::io(
                    &args.corpus,
                    std::io::Error::new(
                        std::io::ErrorKind::PermissionDenied,
                        format!(
                            "the corpus folder is read-only and no cache folder is set ({}, \
                             XDG_CACHE_HOME or HOME): give --index PATH",
                            index::CACHE_ENV
                        ),
                    ),
                ))
            }
        },
    };
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
    // Best effort: another build may replace the index meanwhile (it is renamed into place).
    let speakers = index::Index::open(&path, &args.corpus).and_then(|i| i.corpus_for(&[]));
    if let Ok(speakers) = speakers {
        let bare = bare_labels(&speakers);
        if !bare.is_empty() {
            eprintln!("quotecheck: note: {}", bare_labels_note(&bare));
        }
    }
    Ok(EXIT_CLEAN)
}
