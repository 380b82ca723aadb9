//! The on-disk index of a corpus, a directory: the corpus's documents and turns as compact
//! binary records (`records`), and a tantivy index (`tantivy/`) of the turns' text cut into
//! chunks of [`CHUNK_WORDS`] words, so that `check` reads only the stretches of text that share
//! rare words with a statement instead of parsing the whole corpus again.
//!
//! [`format`] describes the files, [`build`] writes them, [`query`] finds a statement's
//! candidate passages and `passages` reads them back as a small corpus the matcher runs on.
//! Opening reads the header and the meta of `records` (checking both checksums and the
//! length) and checks every tantivy file against the checksum in its footer; each record is
//! checked when it is read. The directory is built under a temporary name and renamed into
//! place, so a reader never sees a half-written index.

mod build;
mod format;
mod location;
mod passages;
pub mod query;

pub use build::{build, fingerprint, Summary};
pub use location::{
    cache_dir, cache_path, default_location, open_default, writable, Place, CACHE_ENV,
};
pub use passages::Passages;
pub use query::{retrieval, statement_order, statement_words};

use crate::corpus::roster::Roster;
use crate::corpus::{corpus_files, Document, Speakers};
use crate::error::{Error, Result};
use build::build_files;
use format::{
    checksum, fields_of, short_sum, u32_at, u64_at, Fields, Meta, TurnRecord, HEADER_LEN,
};
use serde::Deserialize;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use tantivy::{ReloadPolicy, Searcher};

/// The first bytes of every records file.
pub const MAGIC: [u8; 8] = *b"QCINDEX\0";
/// The format version this build writes and reads; an index of another version is rebuilt.
/// (Version 1 was a single file with its own postings; version 2 is a directory whose
/// retrieval is tantivy's; version 3 dates each chunk and each speaker's turns; version 4
/// names documents relative to the corpus, so one index serves `--corpus ../x` and
/// `--corpus /abs/x` alike, as the per-user cache needs, and lists each document's turn
/// speakers; version 5 marks the chunks of turns whose speaker is unknown; version 6 indexes
/// a reply's first chunk with the last 60 words of the turn it answers, across its chunks;
/// version 7 keeps each chunk's speaker, so one speaker's passages can be asked for.)
pub const VERSION: u32 = 7;
/// The index's name (a directory) inside the corpus directory when no `--index PATH` is given.
pub const DEFAULT_NAME: &str = ".quotecheck.idx";
/// The records file inside the index directory.
pub const RECORDS: &str = "records";
/// The tantivy index inside the index directory.
pub const TANTIVY: &str = "tantivy";

/// Words per chunk: the unit of retrieval. A candidate is two consecutive chunks of a turn,
/// read with the chunk after them as context.
pub const CHUNK_WORDS: usize = 100;

/// An opened index.
pub struct Index {
    /// The index directory.
    pub path: PathBuf,
    /// The corpus directory it indexes.
    pub root: PathBuf,
    /// The records file, its length and its meta.
    file: File,
    len: u64,
    meta: Meta,
    /// tantivy's view of the chunks, and the schema's fields.
    searcher: Searcher,
    fields: Fields,
    /// Records decoded once and shared by every statement and thread that needs them.
    turn_cache: Vec<OnceLock<Arc<(u32, TurnRecord)>>>,
    doc_cache: Vec<OnceLock<Arc<Document>>>,
    /// Whole turn texts and their words, shared by every statement, within a budget.
    texts: std::sync::Mutex<passages::TextCache>,
    speakers: OnceLock<Speakers>,
    /// `speakers.csv`, shared by every passage corpus.
    roster: Arc<Roster>,
}

/// The value in `cell`, computing it on first use. Two threads may both compute it; one
/// result is kept. An error is returned and not kept.
fn cached<T>(cell: &OnceLock<Arc<T>>, make: impl FnOnce() -> Result<T>) -> Result<Arc<T>> {
    if let Some(v) = cell.get() {
        return Ok(Arc::clone(v));
    }
    let v = Arc::new(make()?);
    Ok(Arc::clone(cell.get_or_init(|| v)))
}

/// The index path inside a corpus directory (see [`open_default`] for where the default
/// index goes when the corpus directory is read-only).
pub fn default_path(corpus: &Path) -> PathBuf {
    corpus.join(DEFAULT_NAME)
}

/// Opens the tantivy index in `dir`, checks every file against its checksum and that it holds
/// one document per chunk of the records, and returns a searcher of it.
fn open_tantivy(dir: &Path, chunks: u32) -> Result<(Searcher, Fields)> {
    let bad = |m: String| Error::bad_index(dir, m);
    if !dir.is_dir() {
        return Err(bad("missing".into()));
    }
    let tindex = tantivy::Index::open_in_dir(dir).map_err(|e| bad(e.to_string()))?;
    let damaged = tindex.validate_checksum().map_err(|e| bad(e.to_string()))?;
    if !damaged.is_empty() {
        let mut names: Vec<String> = damaged.iter().map(|p| p.display().to_string()).collect();
        names.sort();
        return Err(bad(format!("checksum mismatch in {}", names.join(", "))));
    }
    let fields = fields_of(&tindex.schema()).ok_or_else(|| bad("another schema".into()))?;
    let reader = tindex
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e: tantivy::TantivyError| bad(e.to_string()))?;
    let searcher = reader.searcher();
    if searcher.num_docs() != u64::from(chunks) {
        return Err(bad(format!(
            "{} documents for {chunks} chunks in the records",
            searcher.num_docs()
        )));
    }
    Ok((searcher, fields))
}

/// Why `open_or_build` (re)built the index, for the message on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rebuilt {
    /// The index was fresh and used as it was.
    No,
    /// There was no index.
    Missing,
    /// The corpus changed since the index was built.
    Stale,
    /// The index could not be trusted; the reason.
    Unusable(String),
}

/// The corpus's fingerprint and files, and the index at `path` opened. Listing and stating
/// the corpus and opening the index (reading every tantivy file for its checksum) are
/// independent: at once, on two cores.
fn probe(dir: &Path, path: &Path) -> Result<(u64, Vec<PathBuf>, Result<Index>)> {
    let (corpus, opened) = rayon::join(
        || corpus_files(dir).and_then(|files| Ok((fingerprint(dir, &files)?, files))),
        || Index::open(path, dir),
    );
    let (fp, files) = corpus?;
    Ok((fp, files, opened))
}

/// The opened index when it is fresh for fingerprint `fp`, else why it must be built; an
/// error other than a missing or untrustworthy index is returned as it is.
fn freshness(opened: Result<Index>, fp: u64) -> Result<std::result::Result<Index, Rebuilt>> {
    Ok(Err(match opened {
        Ok(idx) if idx.meta.fingerprint == fp => return Ok(Ok(idx)),
        Ok(_) => Rebuilt::Stale,
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Rebuilt::Missing
        }
        Err(e @ Error::BadIndex { .. }) => Rebuilt::Unusable(e.to_string()),
        Err(e) => return Err(e),
    }))
}

impl Index {
    /// Opens an index directory: checks the records file's header, length and tables'
    /// checksum and reads its tables, then opens the tantivy index and checks every one of
    /// its files against its checksum (reading each once: a flipped byte anywhere is found
    /// before any answer comes from it). Records are read (and checked) later, only those
    /// needed.
    pub fn open(path: &Path, root: &Path) -> Result<Index> {
        let kind = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if !kind.is_dir() {
            return Err(Error::bad_index(
                path,
                format!(
                    "not an index directory (format version 1 was a single file; this \
                     quotecheck reads version {VERSION})"
                ),
            ));
        }
        let records = path.join(RECORDS);
        let bad = |m: String| Error::bad_index(&records, m);
        let mut file = File::open(&records).map_err(|e| bad(e.to_string()))?;
        let len = file.metadata().map_err(|e| Error::io(&records, e))?.len();
        let mut header = [0u8; HEADER_LEN];
        if len < HEADER_LEN as u64 {
            return Err(bad(format!(
                "truncated: {len} bytes, shorter than its {HEADER_LEN}-byte header"
            )));
        }
        file.read_exact(&mut header)
            .map_err(|e| Error::io(&records, e))?;
        if header[..8] != MAGIC {
            return Err(bad("not a quotecheck index (wrong magic bytes)".into()));
        }
        let version = u32_at(&header, 8);
        if version != VERSION {
            return Err(bad(format!(
                "format version {version}; this quotecheck reads version {VERSION}"
            )));
        }
        if checksum(&header[..48]) != u64_at(&header, 48) {
            return Err(bad("header checksum mismatch".into()));
        }
        let want = u64_at(&header, 16);
        if want != len {
            return Err(bad(format!(
                "truncated or damaged: the header says {want} bytes, the file has {len}"
            )));
        }
        let (meta_at, meta_len) = (u64_at(&header, 24), u64_at(&header, 32));
        if meta_at.checked_add(meta_len) != Some(len) {
            return Err(bad("tables out of bounds".into()));
        }
        let mut meta_bytes = vec![0u8; meta_len as usize];
        file.seek(SeekFrom::Start(meta_at))
            .and_then(|_| file.read_exact(&mut meta_bytes))
            .map_err(|e| Error::io(&records, e))?;
        if checksum(&meta_bytes) != u64_at(&header, 40) {
            return Err(bad("tables checksum mismatch".into()));
        }
        let meta: Meta = postcard::from_bytes(&meta_bytes)
            .map_err(|e| bad(format!("unreadable tables: {e}")))?;
        let (searcher, fields) = open_tantivy(&path.join(TANTIVY), meta.chunks)?;
        Ok(Index {
            path: path.to_path_buf(),
            root: root.to_path_buf(),
            file,
            len,
            searcher,
            fields,
            turn_cache: (0..meta.turns).map(|_| OnceLock::new()).collect(),
            doc_cache: (0..meta.docs).map(|_| OnceLock::new()).collect(),
            texts: Default::default(),
            speakers: OnceLock::new(),
            roster: Arc::new(meta.roster.clone()),
            meta,
        })
    }

    /// Opens the index at `path` for the corpus in `dir` if it is fresh; otherwise builds it
    /// (no index, a changed corpus, or an index that cannot be trusted) and says why.
    pub fn open_or_build(dir: &Path, path: &Path) -> Result<(Index, Rebuilt)> {
        Index::open_or_build_with(dir, path, &mut |_, _| {})
    }

    /// [`Index::open_or_build`], calling `before` with the path and the reason just before a
    /// build starts (so that a program can say so before the build's progress bar).
    pub fn open_or_build_with(
        dir: &Path,
        path: &Path,
        before: &mut dyn FnMut(&Path, &Rebuilt),
    ) -> Result<(Index, Rebuilt)> {
        let (fp, files, opened) = probe(dir, path)?;
        let why = match freshness(opened, fp)? {
            Ok(idx) => return Ok((idx, Rebuilt::No)),
            Err(why) => why,
        };
        before(path, &why);
        build_files(dir, &files, fp, path)?;
        Ok((Index::open(path, dir)?, why))
    }

    /// The index at `path` when it is fresh for the corpus in `dir`; `None` when it is
    /// missing, stale or cannot be trusted. Never builds.
    pub fn open_fresh(dir: &Path, path: &Path) -> Result<Option<Index>> {
        let (fp, _, opened) = probe(dir, path)?;
        Ok(freshness(opened, fp)?.ok())
    }

    /// Files (or records) skipped when the index was built, with the reason.
    pub fn skipped(&self) -> &[String] {
        &self.meta.skipped
    }

    /// Reads `len` bytes at `at`, within the data region.
    fn read(&self, at: u64, len: u64) -> Result<Vec<u8>> {
        if at < HEADER_LEN as u64 || at.checked_add(len).is_none_or(|e| e > self.len) {
            return Err(Error::bad_index(
                &self.path,
                "a record points outside the file",
            ));
        }
        let mut buf = vec![0u8; len as usize];
        // Positional reads: threads read the index at once, with no lock.
        self.file
            .read_exact_at(&mut buf, at)
            .map_err(|e| Error::io(&self.path, e))?;
        Ok(buf)
    }

    /// Reads a record and checks its checksum.
    fn record(&self, at: u64, len: u32, sum: u32, what: &str) -> Result<Vec<u8>> {
        let b = self.read(at, u64::from(len))?;
        if short_sum(&b) != sum {
            return Err(Error::bad_index(
                &self.path,
                format!("checksum mismatch in {what}"),
            ));
        }
        Ok(b)
    }

    fn decode<'a, T: Deserialize<'a>>(&self, b: &'a [u8], what: &str) -> Result<T> {
        postcard::from_bytes(b)
            .map_err(|e| Error::bad_index(&self.path, format!("unreadable {what}: {e}")))
    }

    /// A tantivy error while searching: the index cannot be trusted.
    fn search_error(&self, e: tantivy::TantivyError) -> Error {
        Error::bad_index(self.path.join(TANTIVY), format!("search failed: {e}"))
    }
}

/// A corpus of transcript files `name -> turn text`, padded with 30 documents of words
/// of their own, so that the words of the first ones are rare (for tests).
#[cfg(test)]
pub(crate) fn test_corpus(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let pad: Vec<(String, String)> = (0..30)
        .map(|i| {
            (
                format!("z{i:02}.txt"),
                format!("pad{i} filler{i} other{i} words{i}"),
            )
        })
        .collect();
    let all = files
        .iter()
        .map(|&(n, t)| (n.to_string(), t.to_string()))
        .chain(pad);
    for (name, text) in all {
        let doc = format!("---\ntitle: {name}\ndate: 2021-01-01\n---\n\nJane Roe: {text}\n");
        std::fs::write(dir.path().join(name), doc).unwrap();
    }
    dir
}
