//! The corpus of transcripts: documents and speaker turns, loaded from a directory of mixed
//! formats (transcript text, JSON Lines, CSV, WebVTT, SRT), with every turn tokenised and
//! interned once so that matching compares word ids.

mod captions;
pub mod index;
mod jsonl;
pub mod progress;
pub mod roster;
mod table;
mod transcript;

pub use captions::{format_time, parse_captions, parse_timestamp};
pub use jsonl::parse_jsonl;
pub use table::parse_csv;
pub use transcript::parse_transcript;

use crate::date::Date;
use crate::error::{Error, Result};
use crate::matching::align::{Seq, COST_FILLER_GAP, COST_GAP};
use crate::matching::lexicon::lexicon;
use crate::matching::normalize::{tokenize, Side, Token};
use crate::speakers::{name_parts, same_parts};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The speaker name given to reporters' questions (`Q:`, `Q.`).
pub const QUESTION_SPEAKER: &str = "Q (reporter)";

/// One transcript.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Path of the file it came from.
    pub path: String,
    pub title: String,
    pub date: Option<Date>,
    pub source: Option<String>,
    /// Who speaks the document's unlabelled text.
    pub speaker: Option<String>,
    /// Label -> speaker, from the `aliases` line.
    pub aliases: Vec<(String, String)>,
    /// Participants from the `speakers` line: (full name, role).
    pub participants: Vec<(String, Option<String>)>,
    pub turns: Vec<Turn>,
}

/// One speaker's turn: a labelled paragraph and the unlabelled paragraphs that follow it.
#[derive(Debug, Clone, Default)]
pub struct Turn {
    /// The speaker's name, resolved through the document's aliases and participants.
    pub speaker: String,
    /// The label as written (`SEC AUSTIN`), if there was one.
    pub label: Option<String>,
    /// The turn's text, paragraphs joined by a blank line.
    pub text: String,
    /// 1-based line of the turn's first paragraph in its file.
    pub line: usize,
    /// For timed sources (captions, `start` fields): (byte offset in `text`, milliseconds
    /// into the recording) at each point a time is known, in order.
    pub times: Vec<(u32, u32)>,
}

impl Turn {
    /// The time (milliseconds into the recording) at which the words at byte `offset` of
    /// the text were said: the last known time at or before it.
    pub fn time_at(&self, offset: usize) -> Option<u32> {
        self.times
            .iter()
            .take_while(|&&(o, _)| o as usize <= offset)
            .last()
            .or(self.times.first())
            .map(|&(_, ms)| ms)
    }
}

/// A turn's words, tokenised and interned.
#[derive(Debug, Clone, Default)]
pub struct TurnWords {
    pub tokens: Vec<Token>,
    pub seq: Seq,
}

/// Speaker names with their [`name_parts`], computed once.
pub type Speakers = Arc<Vec<(String, Vec<String>)>>;

/// A [`Speakers`] list of `names`.
pub fn speaker_list(names: Vec<String>) -> Speakers {
    Arc::new(
        names
            .into_iter()
            .map(|n| {
                let parts = name_parts(&n);
                (n, parts)
            })
            .collect(),
    )
}

/// A turn's place in the corpus: (document index, turn index).
pub type TurnRef = (usize, usize);

/// A loaded corpus.
#[derive(Debug, Default)]
pub struct Corpus {
    pub root: PathBuf,
    pub docs: Vec<Document>,
    /// Words of each turn, parallel to `docs[d].turns[t]`.
    pub words: Vec<Vec<TurnWords>>,
    vocab: FxHashMap<String, u32>,
    /// In how many turns each word id occurs.
    pub turn_freq: Vec<u32>,
    /// Distinct turn speakers, sorted, each with its name parts; shared, because an index
    /// hands the same list to every passage corpus it builds.
    pub speakers: Speakers,
    /// Files (or records) that could not be parsed, with the reason; they were skipped.
    pub skipped: Vec<String>,
    /// The people and institutions of `speakers.csv`, when the corpus has one.
    pub roster: Arc<roster::Roster>,
}

/// A `start` field (seconds, or `HH:MM:SS.mmm`) as milliseconds, or an error naming the line.
pub(crate) fn parse_start(path: &str, line: usize, s: &str) -> Result<u32> {
    parse_timestamp(s).ok_or_else(|| {
        Error::parse(
            path,
            line,
            format!("start {s:?} is not a time (seconds or HH:MM:SS.mmm)"),
        )
    })
}

/// Sentinel id for a word the corpus never uses: it matches nothing.
pub const UNKNOWN: u32 = u32::MAX;

/// The file formats a corpus directory may hold, told apart by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`: the transcript text format.
    Transcript,
    /// `.jsonl`: one document per line.
    JsonLines,
    /// `.csv`: one turn per row (but not `speakers.csv`).
    Csv,
    /// `.vtt` and `.srt`: captions.
    Captions,
}

impl Format {
    /// The format of a corpus file, or `None` for a file that is not part of the corpus.
    pub fn of(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        if name == roster::ROSTER_FILE {
            return None;
        }
        match path
            .extension()?
            .to_string_lossy()
            .to_ascii_lowercase()
            .as_str()
        {
            "txt" => Some(Format::Transcript),
            "jsonl" => Some(Format::JsonLines),
            "csv" => Some(Format::Csv),
            "vtt" | "srt" => Some(Format::Captions),
            _ => None,
        }
    }
}

/// What one corpus file gave: its documents, and the records skipped with the reason.
#[derive(Debug, Default)]
pub struct Parsed {
    pub docs: Vec<Document>,
    pub skipped: Vec<String>,
}

/// Reads and parses one corpus file of any format. A file that cannot be read or parsed
/// at all gives an error; a bad record inside a many-record file is skipped and named.
pub fn parse_file(path: &Path) -> Result<Parsed> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8_lossy(&bytes);
    let name = path.to_string_lossy();
    match Format::of(path) {
        Some(Format::JsonLines) => Ok(parse_jsonl(&name, &text)),
        Some(Format::Csv) => parse_csv(&name, &text),
        Some(Format::Captions) => Ok(Parsed {
            docs: vec![parse_captions(path, &text)?],
            skipped: Vec::new(),
        }),
        _ => Ok(Parsed {
            docs: vec![parse_transcript(&name, &text)?],
            skipped: Vec::new(),
        }),
    }
}

/// The corpus files under `dir` (recursively, hidden entries left out), sorted.
pub fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Err(Error::CorpusMissing {
            path: dir.to_path_buf(),
        });
    }
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    files.sort_by_cached_key(|p| path_order_key(p));
    Ok(files)
}

/// A key whose byte order is `Path`'s order (component by component): the components joined
/// by NUL, which no component holds. Sorting by it is far cheaper than comparing paths when
/// a corpus has a quarter of a million files.
fn path_order_key(p: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    let mut key = Vec::with_capacity(p.as_os_str().len() + 1);
    for c in p.components() {
        key.extend_from_slice(c.as_os_str().as_bytes());
        key.push(0);
    }
    key
}

/// Parses every file, in parallel, reporting progress; returns the documents in file order
/// and what was skipped.
pub fn parse_files(files: &[PathBuf]) -> (Vec<Document>, Vec<String>) {
    let bar = progress::Progress::new("parsing", files.len() as u64, "files");
    let parsed: Vec<Result<Parsed>> = files
        .par_iter()
        .map(|p| {
            let r = parse_file(p);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish();
    let mut docs = Vec::new();
    let mut skipped = Vec::new();
    for r in parsed {
        match r {
            Ok(p) => {
                docs.extend(p.docs);
                skipped.extend(p.skipped);
            }
            Err(e) => skipped.push(e.to_string()),
        }
    }
    (docs, skipped)
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        // The entry's type comes with the directory listing; only a symlink needs a stat.
        let ft = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if ft.is_dir() || (ft.is_symlink() && path.is_dir()) {
            collect_files(&path, out)?;
        } else if Format::of(&path).is_some() {
            out.push(path);
        }
    }
    Ok(())
}

impl Corpus {
    /// Loads every transcript under `dir` (recursively). A file that cannot be parsed is
    /// skipped and named in `skipped`; a missing directory is an error.
    pub fn load(dir: &Path) -> Result<Corpus> {
        let files = corpus_files(dir)?;
        let (docs, mut skipped) = parse_files(&files);
        let roster = roster::Roster::load(dir).unwrap_or_else(|e| {
            skipped.push(e.to_string());
            roster::Roster::default()
        });
        let mut corpus = Corpus::from_documents(dir, docs, skipped);
        corpus.roster = Arc::new(roster);
        Ok(corpus)
    }

    /// Builds a corpus from parsed documents: tokenises and interns every turn.
    pub fn from_documents(root: &Path, docs: Vec<Document>, skipped: Vec<String>) -> Corpus {
        let tokens: Vec<Vec<Vec<Token>>> = docs
            .par_iter()
            .map(|d| {
                d.turns
                    .iter()
                    .map(|t| tokenize(&t.text, Side::Source))
                    .collect()
            })
            .collect();
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        let mut turn_freq: Vec<u32> = Vec::new();
        let fillers = &lexicon().fillers;
        let mut words = Vec::with_capacity(docs.len());
        // Per word id: the turn that last counted it (for `turn_freq`), and its gap cost.
        let mut last_turn: Vec<u32> = Vec::new();
        let mut gap: Vec<u32> = Vec::new();
        let mut turn_no = 0u32;
        for doc_tokens in tokens {
            let mut doc_words = Vec::with_capacity(doc_tokens.len());
            for toks in doc_tokens {
                turn_no += 1;
                let mut seq = Seq::default();
                seq.ids.reserve(toks.len());
                seq.gap.reserve(toks.len());
                seq.ellipsis.reserve(toks.len());
                for t in &toks {
                    // Look up before inserting: most words are known, and a lookup by &str
                    // allocates nothing.
                    let id = match vocab.get(t.norm.as_str()) {
                        Some(&id) => id,
                        None => {
                            let next = vocab.len() as u32;
                            vocab.insert(t.norm.clone(), next);
                            next
                        }
                    };
                    let i = id as usize;
                    if i == turn_freq.len() {
                        turn_freq.push(0);
                        last_turn.push(0);
                        gap.push(if fillers.contains(t.norm.as_str()) {
                            COST_FILLER_GAP
                        } else {
                            COST_GAP
                        });
                    }
                    if last_turn[i] != turn_no {
                        last_turn[i] = turn_no;
                        turn_freq[i] += 1;
                    }
                    seq.ids.push(id);
                    seq.gap.push(gap[i]);
                    seq.ellipsis.push(false);
                }
                doc_words.push(TurnWords { tokens: toks, seq });
            }
            words.push(doc_words);
        }
        let mut speakers: Vec<String> = docs
            .iter()
            .flat_map(|d| d.turns.iter().map(|t| t.speaker.clone()))
            .collect();
        speakers.sort();
        speakers.dedup();
        let speakers = speaker_list(speakers);
        Corpus {
            root: root.to_path_buf(),
            docs,
            words,
            vocab,
            turn_freq,
            speakers,
            skipped,
            roster: Arc::default(),
        }
    }

    /// The id of a normalised word, or [`UNKNOWN`].
    pub fn id(&self, norm: &str) -> u32 {
        self.vocab.get(norm).copied().unwrap_or(UNKNOWN)
    }

    /// Number of turns in the corpus.
    pub fn turn_count(&self) -> usize {
        self.words.iter().map(Vec::len).sum()
    }

    /// The corpus speakers a name written in an article can be: `Lloyd Austin` finds
    /// `Lloyd J. Austin III`. Empty when nobody in the corpus has that name.
    /// With a `speakers.csv`, a person's aliases count too, and an institution (`the White
    /// House`) finds the people affiliated with it.
    pub fn identities(&self, name: &str) -> Vec<&str> {
        let names: Vec<Vec<String>> = std::iter::once(name)
            .chain(self.roster.names_for(name))
            .map(name_parts)
            .collect();
        self.speakers
            .iter()
            .filter(|(_, parts)| names.iter().any(|n| same_parts(n, parts)))
            .map(|(s, _)| s.as_str())
            .collect()
    }

    /// Every turn, as references.
    pub fn turns(&self) -> impl Iterator<Item = TurnRef> + '_ {
        self.docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| (0..doc.turns.len()).map(move |t| (d, t)))
    }
}

/// Test helper: one turn as (speaker, text, line, times).
#[cfg(test)]
pub(crate) type TurnRow<'a> = (&'a str, &'a str, usize, Vec<(u32, u32)>);

/// Test helper: a document's turns as (speaker, text, line, times) rows.
#[cfg(test)]
pub(crate) fn turn_rows(doc: &Document) -> Vec<TurnRow<'_>> {
    doc.turns
        .iter()
        .map(|t| (t.speaker.as_str(), t.text.as_str(), t.line, t.times.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_order_key_sorts_as_paths_do() {
        let table: &[&[&str]] = &[
            &["c/a b/x.txt", "c/a/x.txt", "c/a-b/x.txt", "c/a.txt"],
            &["d/10.txt", "d/1.txt", "d/1/2.txt", "d/1 2.txt", "d/2.txt"],
            &["é/x.txt", "e/x.txt", "ez.txt", "e.txt"],
        ];
        for paths in table {
            let mut by_path: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
            let mut by_key = by_path.clone();
            by_path.sort();
            by_key.sort_by_cached_key(|p| path_order_key(p));
            assert_eq!(by_key, by_path, "{paths:?}");
        }
    }
}
