//! The corpus of transcripts: documents and speaker turns, loaded from a directory, with every
//! turn tokenised and interned once so that matching compares word ids.

mod transcript;

pub use transcript::parse_transcript;

use crate::date::Date;
use crate::error::{Error, Result};
use crate::matching::align::{Seq, COST_FILLER_GAP, COST_GAP};
use crate::matching::lexicon::lexicon;
use crate::matching::normalize::{tokenize, Side, Token};
use crate::speakers::same_person;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

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
}

/// A turn's words, tokenised and interned.
#[derive(Debug, Clone, Default)]
pub struct TurnWords {
    pub tokens: Vec<Token>,
    pub seq: Seq,
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
    vocab: HashMap<String, u32>,
    /// In how many turns each word id occurs.
    pub turn_freq: Vec<u32>,
    /// Distinct turn speakers.
    pub speakers: Vec<String>,
    /// Files that could not be parsed, with the reason; they were skipped.
    pub skipped: Vec<String>,
}

/// Sentinel id for a word the corpus never uses: it matches nothing.
pub const UNKNOWN: u32 = u32::MAX;

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

impl Corpus {
    /// Loads every transcript under `dir` (recursively). A file that cannot be parsed is
    /// skipped and named in `skipped`; a missing directory is an error.
    pub fn load(dir: &Path) -> Result<Corpus> {
        if !dir.is_dir() {
            return Err(Error::CorpusMissing {
                path: dir.to_path_buf(),
            });
        }
        let mut files = Vec::new();
        collect_files(dir, &mut files)?;
        files.sort();
        let parsed: Vec<Result<Document>> = files
            .par_iter()
            .map(|p| {
                let bytes = std::fs::read(p).map_err(|e| Error::io(p, e))?;
                let text = String::from_utf8_lossy(&bytes);
                parse_transcript(&p.to_string_lossy(), &text)
            })
            .collect();
        let mut docs = Vec::new();
        let mut skipped = Vec::new();
        for r in parsed {
            match r {
                Ok(d) => docs.push(d),
                Err(e) => skipped.push(e.to_string()),
            }
        }
        Ok(Corpus::from_documents(dir, docs, skipped))
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
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut turn_freq: Vec<u32> = Vec::new();
        let fillers = &lexicon().fillers;
        let mut words = Vec::with_capacity(docs.len());
        for doc_tokens in tokens {
            let mut doc_words = Vec::with_capacity(doc_tokens.len());
            for toks in doc_tokens {
                let mut seq = Seq::default();
                let mut seen = std::collections::HashSet::new();
                for t in &toks {
                    let next = vocab.len() as u32;
                    let id = *vocab.entry(t.norm.clone()).or_insert(next);
                    if id as usize == turn_freq.len() {
                        turn_freq.push(0);
                    }
                    if seen.insert(id) {
                        turn_freq[id as usize] += 1;
                    }
                    seq.ids.push(id);
                    seq.gap.push(if fillers.contains(t.norm.as_str()) {
                        COST_FILLER_GAP
                    } else {
                        COST_GAP
                    });
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
        Corpus {
            root: root.to_path_buf(),
            docs,
            words,
            vocab,
            turn_freq,
            speakers,
            skipped,
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
    pub fn identities(&self, name: &str) -> Vec<&str> {
        self.speakers
            .iter()
            .filter(|s| same_person(name, s))
            .map(String::as_str)
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
