//! The corpus of transcripts: documents and speaker turns, loaded from a directory of mixed
//! formats (transcript text, JSON Lines, CSV, WebVTT, SRT), with the speakers they name and
//! the optional `speakers.csv` roster. What the matcher needs of a corpus (interned words) is
//! built by `matching::Haystack`.

mod captions;
mod jsonl;
pub mod roster;
mod table;
mod transcript;

pub use captions::{format_time, parse_captions, parse_timestamp};
pub use jsonl::parse_jsonl;
pub use table::parse_csv;
pub use transcript::parse_transcript;

use crate::date::Date;
use crate::error::{Error, Result};
use crate::progress::Progress;
use crate::speakers::{name_parts, same_parts, same_person};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The speaker name given to reporters' questions (`Q:`, `Q.`).
pub const QUESTION_SPEAKER: &str = "Q (reporter)";

/// The speaker of text whose speaker nobody knows (a caption file without speaker cues, a
/// transcript paragraph before any label in a document without `speaker:`). Such turns are
/// never evidence that someone else said a statement.
pub const UNKNOWN_SPEAKER: &str = "Unknown";

/// True for a turn speaker that is a transcript label standing for nobody's full name
/// (`MR HAWKE`, `GILLARD`, `JOURNALIST`): fewer than two name words once titles are set
/// aside. Reporters' questions and unknown speakers are not labels.
pub fn is_bare_label(speaker: &str) -> bool {
    speaker != QUESTION_SPEAKER && speaker != UNKNOWN_SPEAKER && name_parts(speaker).len() < 2
}

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
    /// Every speaker with a turn in the document, when `turns` holds only some of them (a
    /// document read back from an index holds the passages asked for); empty otherwise.
    pub all_speakers: Vec<String>,
}

impl Document {
    /// True when `name` (a corpus speaker) speaks in this document, or is listed in it.
    pub fn speaks(&self, name: &str) -> bool {
        self.participants.iter().any(|(p, _)| same_person(p, name))
            || self
                .speaker
                .as_deref()
                .is_some_and(|s| same_person(s, name))
            || self.turns.iter().any(|t| t.speaker == name)
            || self.all_speakers.iter().any(|s| s == name)
    }

    /// The distinct speakers of the document's turns, sorted.
    pub fn turn_speakers(&self) -> Vec<String> {
        let mut v: Vec<String> = self.turns.iter().map(|t| t.speaker.clone()).collect();
        v.sort();
        v.dedup();
        v
    }
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
    /// The turn before this one in its document's `turns` is the one before it in the
    /// transcript (a reply can be read with what it answers).
    pub follows: bool,
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

/// A speaker of the corpus's turns: the name as the turns give it, its [`name_parts`]
/// (computed once), and the span of dates of the documents it speaks in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub parts: Vec<String>,
    /// The earliest and latest dated documents with a turn of this speaker.
    pub active: Option<(Date, Date)>,
}

impl Speaker {
    /// A speaker active over `active`.
    pub fn new(name: String, active: Option<(Date, Date)>) -> Speaker {
        let parts = name_parts(&name);
        Speaker {
            name,
            parts,
            active,
        }
    }

    /// How many days `when` lies outside the span this speaker is active over (0 inside it;
    /// `i64::MAX` when the speaker has no dated document).
    pub fn days_away(&self, when: Date) -> i64 {
        match self.active {
            Some((first, _)) if when < first => first.days() - when.days(),
            Some((_, last)) if when > last => when.days() - last.days(),
            Some(_) => 0,
            None => i64::MAX,
        }
    }
}

/// The corpus's speakers, sorted by name; shared, because an index hands the same list to
/// every passage corpus it builds.
pub type Speakers = Arc<Vec<Speaker>>;

/// Widens a speaker's active span to take in `date`.
pub fn widen(active: &mut Option<(Date, Date)>, date: Option<Date>) {
    if let Some(d) = date {
        *active = Some(match *active {
            Some((first, last)) => (first.min(d), last.max(d)),
            None => (d, d),
        });
    }
}

/// A turn's place in the corpus: (document index, turn index).
pub type TurnRef = (usize, usize);

/// A loaded corpus.
#[derive(Debug, Default)]
pub struct Corpus {
    pub root: PathBuf,
    pub docs: Vec<Document>,
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

/// The corpus files under `dir` (recursively, hidden entries left out), in path order.
pub fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Err(Error::CorpusMissing {
            path: dir.to_path_buf(),
        });
    }
    let (files, errors) = crate::files::walk(dir, |p| Format::of(p).is_some());
    match errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(files),
    }
}

/// Parses every file, in parallel, reporting progress; returns the documents in file order
/// and what was skipped.
pub fn parse_files(files: &[PathBuf]) -> (Vec<Document>, Vec<String>) {
    let bar = Progress::new("parsing", files.len() as u64, "files");
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

    /// Builds a corpus from parsed documents, listing their speakers. In a document that holds
    /// all its turns, each turn follows the one before it.
    pub fn from_documents(root: &Path, mut docs: Vec<Document>, skipped: Vec<String>) -> Corpus {
        for d in docs.iter_mut().filter(|d| d.all_speakers.is_empty()) {
            for (i, t) in d.turns.iter_mut().enumerate() {
                t.follows = i > 0;
            }
        }
        let mut active: std::collections::BTreeMap<&str, Option<(Date, Date)>> =
            std::collections::BTreeMap::new();
        for d in &docs {
            for t in &d.turns {
                widen(active.entry(t.speaker.as_str()).or_default(), d.date);
            }
        }
        let speakers = active
            .into_iter()
            .map(|(name, span)| Speaker::new(name.to_string(), span))
            .collect();
        Corpus {
            root: root.to_path_buf(),
            speakers: Arc::new(speakers),
            docs,
            skipped,
            roster: Arc::default(),
        }
    }

    /// The corpus speakers a name written in an article can be: `Lloyd Austin` finds
    /// `Lloyd J. Austin III`. Empty when nobody in the corpus has that name. With a
    /// `speakers.csv`, a person's aliases count too, and an institution (`the White House`)
    /// finds the people affiliated with it.
    ///
    /// A name that fits several people (`Clinton`: Bill J Clinton and Hillary R Clinton) is
    /// one person in an article, so when the statement's date `when` is known only those
    /// active nearest it are kept: the ones whose documents span that date, else lie the
    /// fewest days from it.
    pub fn identities(&self, name: &str, when: Option<Date>) -> Vec<&str> {
        let affiliated = self.roster.affiliated(name);
        let names: Vec<Vec<String>> = std::iter::once(name)
            .chain(self.roster.names_for(name))
            .map(name_parts)
            .collect();
        let found: Vec<&Speaker> = self
            .speakers
            .iter()
            .filter(|s| names.iter().any(|n| same_parts(n, &s.parts)))
            .collect();
        let nearest = match when {
            Some(d) if !affiliated && found.len() > 1 => found.iter().map(|s| s.days_away(d)).min(),
            _ => None,
        };
        let keep = |s: &&Speaker| match (nearest, when) {
            (Some(n), Some(d)) => s.days_away(d) == n,
            _ => true,
        };
        found
            .into_iter()
            .filter(keep)
            .map(|s| s.name.as_str())
            .collect()
    }

    /// The full name a transcript label stands for, when the label has none of its own
    /// ([`is_bare_label`]): the `speakers.csv` person it is (a name or an alias), else the one
    /// corpus speaker with a full name that it can be (`GILLARD` -> `Julia Gillard`).
    pub fn full_name(&self, label: &str) -> Option<&str> {
        if !is_bare_label(label) {
            return None;
        }
        if let Some(p) = self.roster.people.iter().find(|p| p.is(label)) {
            return Some(p.name.as_str());
        }
        let parts = name_parts(label);
        let mut found = self
            .speakers
            .iter()
            .filter(|s| s.parts.len() >= 2 && same_parts(&parts, &s.parts))
            .map(|s| s.name.as_str());
        match (found.next(), found.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
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
