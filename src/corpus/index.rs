//! The on-disk index of a corpus, a directory: the corpus's documents and turns as compact
//! binary records (`records`), and a tantivy index (`tantivy/`) of the turns' text cut into
//! chunks of [`CHUNK_WORDS`] words, so that `check` reads only the stretches of text that share
//! rare words with a statement instead of parsing the whole corpus again.
//!
//! `records` (integers little-endian):
//!
//! ```text
//! header   64 bytes: magic "QCINDEX\0", format version u32, 0u32, file length u64,
//!          tables offset u64, tables length u64, tables checksum u64, header checksum u64
//! records  a postcard blob per document and per turn (speaker, label, line, times), and
//!          each turn's text, raw
//! tables   fixed-width entries: per document (offset u64, length u32, checksum u32),
//!          per turn (offset u64, length u32, checksum u32, document u32), per chunk
//!          (turn u32, byte offset in the turn's text u32, length u32, checksum u32, line u32)
//! meta     postcard: corpus fingerprint, counts, speakers, skipped files, roster
//! ```
//!
//! `tantivy/` holds one tantivy document per chunk: the normalised words of the chunk and of
//! the next chunk of its turn (so a quote that crosses a chunk boundary is one hit), given to
//! tantivy as pre-tokenised terms with positions, and the chunk's number as a fast field. It
//! stores no text: a hit is read from `records`.
//!
//! Opening reads the header and the meta of `records` (checking both checksums and the
//! length) and checks every tantivy file against the checksum in its footer; each record is
//! checked when it is read. The directory is built under a temporary name and renamed into
//! place, so a reader never sees a half-written index.

use super::progress::Progress;
use super::roster::{Roster, ROSTER_FILE};
use super::{corpus_files, parse_file, speaker_list, Corpus, Document, Parsed, Speakers, Turn};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::matching::lexicon::lexicon;
use crate::matching::normalize::{tokenize, Side};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED,
};
use tantivy::tokenizer::{PreTokenizedString, Token};
use tantivy::{DocId, ReloadPolicy, Score, Searcher, SegmentReader, TantivyDocument, Term};

/// The first bytes of every records file.
pub const MAGIC: [u8; 8] = *b"QCINDEX\0";
/// The format version this build writes and reads; an index of another version is rebuilt.
/// (Version 1 was a single file with its own postings; version 2 is a directory whose
/// retrieval is tantivy's.)
pub const VERSION: u32 = 2;
/// The index's name (a directory) inside the corpus directory when no `--index PATH` is given.
pub const DEFAULT_NAME: &str = ".quotecheck.idx";
/// The records file inside the index directory.
pub const RECORDS: &str = "records";
/// The tantivy index inside the index directory.
pub const TANTIVY: &str = "tantivy";
/// tantivy's indexing memory, in all (split among its indexing threads).
const WRITER_HEAP: usize = 128 << 20;
const HEADER_LEN: usize = 64;
const DOC_ENTRY: usize = 16;
const TURN_ENTRY: usize = 20;
const CHUNK_ENTRY: usize = 20;
/// Words per chunk: the unit of retrieval. A candidate is two consecutive chunks of a turn,
/// read with the chunk after them as context.
pub const CHUNK_WORDS: usize = 100;
/// Files parsed per batch while indexing (bounds memory: tantivy keeps its own buffers).
const BATCH_FILES: usize = 512;

/// How candidate turns are retrieved for a statement.
pub mod retrieval {
    /// The rarest words of a statement used as the query, at most.
    pub const MAX_QUERY_WORDS: usize = 12;
    /// A word in more than this share of the turns is common and left out of the query
    /// (unless the statement has fewer than [`MIN_SHARED`] rarer words).
    pub const COMMON_SHARE: f64 = 0.05;
    /// Query words a turn must hold to be a candidate (fewer when the query is shorter).
    pub const MIN_SHARED: usize = 2;
    /// Candidate passages kept per statement, the best-scoring first.
    pub const MAX_CANDIDATES: usize = 40;
    /// A word in more than this share of the passages is left out of the phrase queries
    /// (phrase queries on frequent words are tantivy's slow path).
    pub const PHRASE_COMMON_SHARE: f64 = 0.10;
    /// Word pairs queried as phrases, at most (the rarest pairs first).
    pub const MAX_PHRASES: usize = 12;
    /// The two words of a pair are at most this many positions apart in the statement.
    pub const PAIR_GAP: usize = 3;
    /// Slop of a pair's phrase query: a word inserted or dropped between them still matches.
    pub const PAIR_SLOP: u32 = 1;
    /// The score of holding a query word, added to the word's rarity (a few units at most):
    /// passages holding more query words rank first, and one holding fewer than
    /// [`MIN_SHARED`] is known by its score. (Requiring [`MIN_SHARED`] inside the query
    /// instead makes tantivy walk the postings through a heap: batch against the PM
    /// transcripts took 1.4x as long.)
    pub const HELD: f64 = 1000.0;
}

/// 64-bit FNV-1a.
fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn short_sum(bytes: &[u8]) -> u32 {
    let h = checksum(bytes);
    (h ^ (h >> 32)) as u32
}

/// A document without its turns, as stored.
#[derive(Serialize, Deserialize)]
struct DocRecord {
    path: String,
    title: String,
    date: Option<(i32, u32, u32)>,
    source: Option<String>,
    speaker: Option<String>,
    aliases: Vec<(String, String)>,
    participants: Vec<(String, Option<String>)>,
}

/// A turn without its text, as stored.
#[derive(Serialize, Deserialize)]
struct TurnRecord {
    speaker: String,
    label: Option<String>,
    times: Vec<(u32, u32)>,
    text_at: u64,
    first_chunk: u32,
    chunks: u32,
}

/// One chunk of a turn's text: where it is, its checksum, the line it starts on, its
/// normalised words in order.
struct Chunk {
    start: u32,
    len: u32,
    sum: u32,
    line: u32,
    words: Vec<String>,
}

/// Everything read when an index is opened.
#[derive(Serialize, Deserialize, Default)]
struct Meta {
    fingerprint: u64,
    files: u64,
    docs_at: u64,
    docs: u32,
    turns_at: u64,
    turns: u32,
    chunks_at: u64,
    chunks: u32,
    speakers: Vec<String>,
    skipped: Vec<String>,
    roster: Roster,
}

/// What building an index did.
#[derive(Debug, Clone)]
pub struct Summary {
    pub files: usize,
    pub docs: usize,
    pub turns: usize,
    /// Chunks of [`CHUNK_WORDS`] words: the units of retrieval.
    pub chunks: usize,
    /// Size of the index directory.
    pub bytes: u64,
    pub skipped: Vec<String>,
}

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

/// The tantivy schema's fields.
struct Fields {
    /// A chunk's normalised words and the next chunk's: indexed with positions, not stored.
    words: Field,
    /// The chunk's number (in corpus order): a fast field, read for each hit.
    chunk: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let f = Fields {
        words: b.add_text_field("words", words),
        chunk: b.add_u64_field("chunk", FAST | INDEXED),
    };
    (b.build(), f)
}

/// The fields of an opened tantivy index, which must be this build's schema.
fn fields_of(schema: &Schema) -> Option<Fields> {
    let (want, f) = self::schema();
    (schema == &want).then_some(f)
}

/// The tantivy document of chunk `id`: its words, then the next chunk's, as terms with
/// positions.
fn chunk_doc(f: &Fields, id: u32, words: &[String], next: &[String]) -> TantivyDocument {
    let tokens = words
        .iter()
        .chain(next)
        .enumerate()
        .map(|(position, w)| Token {
            offset_from: 0,
            offset_to: 0,
            position,
            text: w.clone(),
            position_length: 1,
        })
        .collect();
    let mut doc = TantivyDocument::default();
    doc.add_pre_tokenized_text(
        f.words,
        PreTokenizedString {
            text: String::new(),
            tokens,
        },
    );
    doc.add_u64(f.chunk, u64::from(id));
    doc
}

/// The index path for a corpus: `--index PATH` if given, else inside the corpus directory.
pub fn default_path(corpus: &Path) -> PathBuf {
    corpus.join(DEFAULT_NAME)
}

/// A fingerprint of the corpus files (relative path, size, modification time) and of
/// `speakers.csv`: it changes when any file is added, removed or modified.
pub fn fingerprint(dir: &Path, files: &[PathBuf]) -> Result<u64> {
    let mut all: Vec<PathBuf> = files.to_vec();
    let roster = dir.join(ROSTER_FILE);
    if roster.is_file() {
        all.push(roster);
    }
    // A file that cannot be read (deleted since it was listed) counts as changed, not as an
    // error: parsing it will name it and skip it, as loading the corpus does.
    let stats: Vec<(u64, u128)> = all
        .par_iter()
        .map(|p| match std::fs::metadata(p) {
            Ok(m) => {
                let mtime = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                (m.len(), mtime)
            }
            Err(_) => (u64::MAX, 0),
        })
        .collect();
    let mut buf = Vec::new();
    for (p, s) in all.iter().zip(stats) {
        let (len, mtime) = s;
        buf.extend_from_slice(
            p.strip_prefix(dir)
                .unwrap_or(p)
                .to_string_lossy()
                .as_bytes(),
        );
        buf.push(0);
        buf.extend_from_slice(&len.to_le_bytes());
        buf.extend_from_slice(&mtime.to_le_bytes());
    }
    Ok(checksum(&buf))
}

/// A turn's text cut into chunks of [`CHUNK_WORDS`] words (at word starts), each with its
/// normalised words. `lines` tells whether the text's line breaks are the file's
/// (the transcript format), so that a chunk knows its line.
fn chunks(text: &str, line: usize, lines: bool) -> Vec<Chunk> {
    let tokens = tokenize(text, Side::Source);
    let mut starts: Vec<usize> = tokens
        .iter()
        .step_by(CHUNK_WORDS)
        .map(|t| t.start)
        .collect();
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
        starts.dedup();
    }
    let mut out = Vec::with_capacity(starts.len());
    let mut tok = tokens.iter().peekable();
    let mut line = line;
    let mut prev = 0;
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        if lines {
            line += text[prev..start].matches('\n').count();
            prev = start;
        }
        let mut words = Vec::new();
        while let Some(t) = tok.next_if(|t| t.start < end) {
            words.push(t.norm.clone());
        }
        out.push(Chunk {
            start: start as u32,
            len: (end - start) as u32,
            sum: short_sum(&text.as_bytes()[start..end]),
            line: line as u32,
            words,
        });
    }
    out
}

fn encode<T: Serialize>(v: &T) -> Vec<u8> {
    postcard::to_stdvec(v).expect("postcard serialises plain records")
}

/// A turn ready to write: its record (offsets still to fill), text and chunks.
struct PendingTurn {
    record: TurnRecord,
    text: String,
    chunks: Vec<Chunk>,
}

/// A parsed file's records, serialised, with each turn's chunks.
struct Batch {
    docs: Vec<(Vec<u8>, Vec<PendingTurn>)>,
    skipped: Vec<String>,
    speakers: Vec<String>,
}

fn serialise(parsed: Result<Parsed>) -> Batch {
    let mut b = Batch {
        docs: Vec::new(),
        skipped: Vec::new(),
        speakers: Vec::new(),
    };
    let parsed = match parsed {
        Ok(p) => p,
        Err(e) => {
            b.skipped.push(e.to_string());
            return b;
        }
    };
    b.skipped = parsed.skipped;
    for d in parsed.docs {
        let lines = super::Format::of(Path::new(&d.path)) == Some(super::Format::Transcript);
        let rec = DocRecord {
            path: d.path,
            title: d.title,
            date: d.date.map(|x| (x.year, x.month, x.day)),
            source: d.source,
            speaker: d.speaker,
            aliases: d.aliases,
            participants: d.participants,
        };
        let turns = d
            .turns
            .into_iter()
            .map(|t| {
                b.speakers.push(t.speaker.clone());
                PendingTurn {
                    chunks: chunks(&t.text, t.line, lines),
                    record: TurnRecord {
                        speaker: t.speaker,
                        label: t.label,
                        times: t.times,
                        text_at: 0,
                        first_chunk: 0,
                        chunks: 0,
                    },
                    text: t.text,
                }
            })
            .collect();
        b.docs.push((encode(&rec), turns));
    }
    b
}

/// Writes records sequentially, keeping count of the offset.
struct Out {
    w: BufWriter<File>,
    at: u64,
    path: PathBuf,
}

impl Out {
    fn put(&mut self, bytes: &[u8]) -> Result<u64> {
        let at = self.at;
        self.w
            .write_all(bytes)
            .map_err(|e| Error::io(&self.path, e))?;
        self.at += bytes.len() as u64;
        Ok(at)
    }
}

/// Builds the index of the corpus in `dir` and writes it atomically to `out`.
pub fn build(dir: &Path, out: &Path) -> Result<Summary> {
    let files = corpus_files(dir)?;
    let fp = fingerprint(dir, &files)?;
    build_files(dir, &files, fp, out)
}

fn build_files(dir: &Path, files: &[PathBuf], fp: u64, out: &Path) -> Result<Summary> {
    let tmp = beside(out, "tmp");
    match write_index(dir, files, fp, &tmp) {
        Ok(summary) => {
            install(&tmp, out)?;
            Ok(summary)
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            Err(e)
        }
    }
}

/// A name beside `out` that no other build (of this or another process) uses:
/// `NAME.{what}{pid}-{n}`.
fn beside(out: &Path, what: &str) -> PathBuf {
    static N: AtomicU64 = AtomicU64::new(0);
    out.with_file_name(format!(
        "{}.{what}{}-{}",
        out.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Removes a file or a directory tree, if it is there.
fn remove(p: &Path) {
    let _ = std::fs::remove_dir_all(p).or_else(|_| std::fs::remove_file(p));
}

/// Moves the built directory `tmp` to `out`. A directory cannot be renamed over a non-empty
/// directory (or a file: an index of format 1), so what is at `out` is first renamed aside and
/// removed; when another build installs its index in between, the rename is tried again.
fn install(tmp: &Path, out: &Path) -> Result<()> {
    let mut last = None;
    for _ in 0..16 {
        match std::fs::rename(tmp, out) {
            Ok(()) => return Ok(()),
            Err(e) if std::fs::symlink_metadata(out).is_ok() => {
                let old = beside(out, "old");
                if std::fs::rename(out, &old).is_ok() {
                    remove(&old);
                }
                last = Some(e);
            }
            Err(e) => {
                last = Some(e);
                break;
            }
        }
    }
    remove(tmp);
    Err(Error::io(
        out,
        last.unwrap_or_else(|| std::io::Error::other("could not install the index")),
    ))
}

/// A tantivy error while building the index in `dir`.
fn build_error(dir: &Path) -> impl Fn(tantivy::TantivyError) -> Error + '_ {
    move |e| {
        Error::io(
            dir,
            std::io::Error::other(format!("building the tantivy index: {e}")),
        )
    }
}

/// Writes the index directory `tmp`: the records file and the tantivy index.
fn write_index(dir: &Path, files: &[PathBuf], fp: u64, tmp: &Path) -> Result<Summary> {
    let tdir = tmp.join(TANTIVY);
    std::fs::create_dir_all(&tdir).map_err(|e| Error::io(&tdir, e))?;
    let (schema, f) = schema();
    let tindex = tantivy::Index::create_in_dir(&tdir, schema).map_err(build_error(&tdir))?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut writer: tantivy::IndexWriter = tindex
        .writer_with_num_threads(threads, WRITER_HEAP)
        .map_err(build_error(&tdir))?;
    let records = tmp.join(RECORDS);
    let file = File::create(&records).map_err(|e| Error::io(&records, e))?;
    let mut o = Out {
        w: BufWriter::with_capacity(1 << 20, file),
        at: 0,
        path: records.clone(),
    };
    o.put(&[0u8; HEADER_LEN])?;
    let mut meta = Meta {
        fingerprint: fp,
        files: files.len() as u64,
        ..Meta::default()
    };
    let mut roster_skip = None;
    meta.roster = Roster::load(dir).unwrap_or_else(|e| {
        roster_skip = Some(e.to_string());
        Roster::default()
    });
    meta.skipped.extend(roster_skip);
    let mut doc_table: Vec<u8> = Vec::new();
    let mut turn_table: Vec<u8> = Vec::new();
    let mut chunk_table: Vec<u8> = Vec::new();
    let mut speakers: BTreeSet<String> = BTreeSet::new();
    let bar = Progress::new("indexing", files.len() as u64, "files");
    for batch in files.chunks(BATCH_FILES) {
        let batches: Vec<Batch> = batch
            .par_iter()
            .map(|p| {
                let b = serialise(parse_file(p));
                bar.inc(1);
                b
            })
            .collect();
        for b in batches {
            meta.skipped.extend(b.skipped);
            speakers.extend(b.speakers);
            for (doc, turns) in b.docs {
                let doc_id = (doc_table.len() / DOC_ENTRY) as u32;
                let at = o.put(&doc)?;
                doc_table.extend_from_slice(&at.to_le_bytes());
                doc_table.extend_from_slice(&(doc.len() as u32).to_le_bytes());
                doc_table.extend_from_slice(&short_sum(&doc).to_le_bytes());
                for mut turn in turns {
                    let turn_id = (turn_table.len() / TURN_ENTRY) as u32;
                    turn.record.text_at = o.put(turn.text.as_bytes())?;
                    turn.record.first_chunk = (chunk_table.len() / CHUNK_ENTRY) as u32;
                    turn.record.chunks = turn.chunks.len() as u32;
                    let rec = encode(&turn.record);
                    let at = o.put(&rec)?;
                    turn_table.extend_from_slice(&at.to_le_bytes());
                    turn_table.extend_from_slice(&(rec.len() as u32).to_le_bytes());
                    turn_table.extend_from_slice(&short_sum(&rec).to_le_bytes());
                    turn_table.extend_from_slice(&doc_id.to_le_bytes());
                    for (i, c) in turn.chunks.iter().enumerate() {
                        let chunk_id = (chunk_table.len() / CHUNK_ENTRY) as u32;
                        for v in [turn_id, c.start, c.len, c.sum, c.line] {
                            chunk_table.extend_from_slice(&v.to_le_bytes());
                        }
                        let next = turn.chunks.get(i + 1).map_or(&[][..], |n| &n.words);
                        writer
                            .add_document(chunk_doc(&f, chunk_id, &c.words, next))
                            .map_err(build_error(&tdir))?;
                    }
                }
            }
        }
    }
    bar.finish();
    writer.commit().map_err(build_error(&tdir))?;
    writer.wait_merging_threads().map_err(build_error(&tdir))?;
    meta.docs = (doc_table.len() / DOC_ENTRY) as u32;
    meta.turns = (turn_table.len() / TURN_ENTRY) as u32;
    meta.docs_at = o.put(&doc_table)?;
    meta.turns_at = o.put(&turn_table)?;
    meta.chunks = (chunk_table.len() / CHUNK_ENTRY) as u32;
    meta.chunks_at = o.put(&chunk_table)?;
    drop((doc_table, turn_table, chunk_table));
    meta.speakers = speakers.into_iter().collect();
    let meta_bytes = encode(&meta);
    let meta_at = o.put(&meta_bytes)?;
    let total = o.at;
    let mut header = Vec::with_capacity(HEADER_LEN);
    header.extend_from_slice(&MAGIC);
    header.extend_from_slice(&VERSION.to_le_bytes());
    header.extend_from_slice(&0u32.to_le_bytes());
    header.extend_from_slice(&total.to_le_bytes());
    header.extend_from_slice(&meta_at.to_le_bytes());
    header.extend_from_slice(&(meta_bytes.len() as u64).to_le_bytes());
    header.extend_from_slice(&checksum(&meta_bytes).to_le_bytes());
    let header_sum = checksum(&header);
    header.extend_from_slice(&header_sum.to_le_bytes());
    header.resize(HEADER_LEN, 0);
    let mut file =
        o.w.into_inner()
            .map_err(|e| Error::io(&records, e.into_error()))?;
    let io = |e| Error::io(&records, e);
    file.seek(SeekFrom::Start(0)).map_err(io)?;
    file.write_all(&header).map_err(io)?;
    file.sync_all().map_err(io)?;
    let tantivy_bytes: u64 = std::fs::read_dir(&tdir)
        .map_err(|e| Error::io(&tdir, e))?
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    Ok(Summary {
        files: files.len(),
        docs: meta.docs as usize,
        turns: meta.turns as usize,
        chunks: meta.chunks as usize,
        bytes: total + tantivy_bytes,
        skipped: meta.skipped,
    })
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
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
            speakers: OnceLock::new(),
            roster: Arc::new(meta.roster.clone()),
            meta,
        })
    }

    /// Opens the index at `path` for the corpus in `dir` if it is fresh; otherwise builds it
    /// (no index, a changed corpus, or an index that cannot be trusted) and says why.
    pub fn open_or_build(dir: &Path, path: &Path) -> Result<(Index, Rebuilt)> {
        // Listing and stating the corpus and opening the index (reading every tantivy file
        // for its checksum) are independent: at once, on two cores.
        let (corpus, opened) = rayon::join(
            || corpus_files(dir).and_then(|files| Ok((fingerprint(dir, &files)?, files))),
            || Index::open(path, dir),
        );
        let (fp, files) = corpus?;
        let why = match opened {
            Ok(idx) if idx.meta.fingerprint == fp => return Ok((idx, Rebuilt::No)),
            Ok(_) => Rebuilt::Stale,
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                Rebuilt::Missing
            }
            Err(e @ Error::BadIndex { .. }) => Rebuilt::Unusable(e.to_string()),
            Err(e) => return Err(e),
        };
        build_files(dir, &files, fp, path)?;
        Ok((Index::open(path, dir)?, why))
    }

    /// Number of documents.
    pub fn doc_count(&self) -> usize {
        self.meta.docs as usize
    }

    /// Number of turns.
    pub fn turn_count(&self) -> usize {
        self.meta.turns as usize
    }

    /// Number of chunks (units of retrieval).
    pub fn chunk_count(&self) -> usize {
        self.meta.chunks as usize
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

    /// The passages worth aligning a statement with: pairs of consecutive chunks (named by
    /// the first) holding at least [`retrieval::MIN_SHARED`] of its rarest informative words
    /// (`words`: its normalised words, sorted). Ranked by how many of those words they hold,
    /// then by the summed rarity of those words and of the pairs of nearby statement words
    /// they hold in the statement's order (phrase queries with slop; `ordered`: its words in
    /// order, `None` at an ellipsis), each counted once; ties in corpus order; at most
    /// [`retrieval::MAX_CANDIDATES`].
    pub fn candidates(&self, words: &[String], ordered: &[Option<String>]) -> Result<Vec<u32>> {
        use retrieval::*;
        let f = &self.fields;
        let fillers = &lexicon().fillers;
        let mut dfs: HashMap<&str, u64> = HashMap::new();
        let df = |w: &str| -> Result<u64> {
            self.searcher
                .doc_freq(&Term::from_field_text(f.words, w))
                .map_err(|e| self.search_error(e))
        };
        let mut query: Vec<(u64, &str)> = Vec::new();
        for w in words.iter().filter(|w| !fillers.contains(w.as_str())) {
            let d = df(w)?;
            dfs.insert(w, d);
            if d > 0 {
                query.push((d, w));
            }
        }
        query.sort_unstable();
        query.dedup();
        // A word is in the documents of its chunk and of the chunk before: shares are of
        // twice the chunks.
        let units = 2.0 * f64::from(self.meta.chunks.max(1));
        let common = ((units * COMMON_SHARE) as u64).max(1);
        let rare = query.iter().filter(|&&(d, _)| d <= common).count();
        query.truncate(rare.clamp(MIN_SHARED, MAX_QUERY_WORDS));
        if query.is_empty() {
            return Ok(Vec::new());
        }
        // Each word held counts once, however often it occurs: HELD plus its rarity.
        let terms: Vec<Box<dyn Query>> = query
            .iter()
            .map(|&(d, w)| {
                let term =
                    TermQuery::new(Term::from_field_text(f.words, w), IndexRecordOption::Basic);
                let idf = (units / d.max(1) as f64).ln() + 1.0;
                Box::new(ConstScoreQuery::new(Box::new(term), (HELD + idf) as Score))
                    as Box<dyn Query>
            })
            .collect();
        let need = MIN_SHARED.min(query.len());
        // Pairs of nearby, not very common words of the statement, in its order.
        let cap = ((units * PHRASE_COMMON_SHARE) as u64).max(1);
        let mut pairs: Vec<(u64, usize, &str, &str)> = Vec::new();
        let mut prev: Option<(usize, &str, u64)> = None;
        for (pos, w) in ordered.iter().enumerate() {
            let Some(w) = w else {
                prev = None;
                continue;
            };
            if fillers.contains(w.as_str()) {
                continue;
            }
            let d = match dfs.get(w.as_str()) {
                Some(&d) => d,
                None => {
                    let d = df(w)?;
                    dfs.insert(w, d);
                    d
                }
            };
            if d == 0 || d > cap {
                continue;
            }
            if let Some((p, pw, pd)) = prev {
                if pos - p <= PAIR_GAP {
                    pairs.push((pd.max(d), pos - p, pw, w));
                }
            }
            prev = Some((pos, w, d));
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs.truncate(MAX_PHRASES);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            terms.into_iter().map(|t| (Occur::Should, t)).collect();
        for (d, gap, a, b) in pairs {
            let phrase = PhraseQuery::new_with_offset_and_slop(
                vec![
                    (0, Term::from_field_text(f.words, a)),
                    (gap, Term::from_field_text(f.words, b)),
                ],
                PAIR_SLOP,
            );
            // Like a word, a pair held in order counts once, by the rarity of its commoner
            // word: a passage that repeats a pair does not outrank one that holds every pair.
            let idf = (units / d.max(1) as f64).ln() + 1.0;
            let pair = ConstScoreQuery::new(Box::new(phrase), idf as Score);
            clauses.push((Occur::Should, Box::new(pair)));
        }
        let q = BooleanQuery::new(clauses);
        // Ranked by score, then by chunk number: the same passages whatever the segments.
        let top = TopDocs::with_limit(MAX_CANDIDATES).tweak_score(|seg: &SegmentReader| {
            let chunk = seg.fast_fields().u64("chunk").ok();
            move |doc: DocId, score: Score| {
                let c = chunk
                    .as_ref()
                    .and_then(|c| c.first(doc))
                    .unwrap_or(u64::MAX);
                (score, Reverse(c))
            }
        });
        let hits = self
            .searcher
            .search(&q, &top)
            .map_err(|e| self.search_error(e))?;
        let floor = (need as f64 * HELD) as Score;
        hits.into_iter()
            .filter(|((score, _), _)| *score >= floor)
            .map(|((_, Reverse(c)), _)| {
                u32::try_from(c)
                    .ok()
                    .filter(|&c| c < self.meta.chunks)
                    .ok_or_else(|| Error::bad_index(&self.path, "chunk id out of range"))
            })
            .collect()
    }

    /// Chunk entries `lo..hi`: (turn, start, length, checksum, line) each.
    fn chunk_entries(&self, lo: u32, hi: u32) -> Result<Vec<[u32; 5]>> {
        let b = self.read(
            self.meta.chunks_at + u64::from(lo) * CHUNK_ENTRY as u64,
            u64::from(hi - lo) * CHUNK_ENTRY as u64,
        )?;
        Ok(b.chunks_exact(CHUNK_ENTRY)
            .map(|e| std::array::from_fn(|k| u32_at(e, 4 * k)))
            .collect())
    }

    /// A corpus holding only the passages `windows` (from [`Index::candidates`]), each with a
    /// chunk of context on either side, as turns of their documents in corpus order; it knows
    /// every speaker and the roster, so that the matcher runs on it unchanged.
    pub fn corpus_for(&self, windows: &[u32]) -> Result<Corpus> {
        let bad = |m: &str| Error::bad_index(&self.path, m.to_string());
        // Chunk ranges to read, by turn.
        let mut ranges: Vec<(u32, u32, u32)> = Vec::new();
        for &w in windows {
            if w >= self.meta.chunks {
                return Err(bad("chunk id out of range"));
            }
            let lo = w;
            let hi = (w + 3).min(self.meta.chunks);
            let entries = self.chunk_entries(lo, hi)?;
            let turn = entries[(w - lo) as usize][0];
            let mut ids = (lo..hi)
                .zip(&entries)
                .filter(|(_, e)| e[0] == turn)
                .map(|(c, _)| c);
            let first = ids.next().unwrap_or(w);
            let last = ids.next_back().unwrap_or(first);
            ranges.push((turn, first, last + 1));
        }
        ranges.sort_unstable();
        let mut merged: Vec<(u32, u32, u32)> = Vec::new();
        for r in ranges {
            match merged.last_mut() {
                Some(m) if m.0 == r.0 && r.1 <= m.2 => m.2 = m.2.max(r.2),
                _ => merged.push(r),
            }
        }
        let mut docs: Vec<Document> = Vec::new();
        let mut last_doc = u32::MAX;
        for (turn, lo, hi) in merged {
            if turn >= self.meta.turns {
                return Err(bad("turn id out of range"));
            }
            let record = cached(&self.turn_cache[turn as usize], || {
                let e = self.read(
                    self.meta.turns_at + u64::from(turn) * TURN_ENTRY as u64,
                    TURN_ENTRY as u64,
                )?;
                let (at, len, sum, doc) =
                    (u64_at(&e, 0), u32_at(&e, 8), u32_at(&e, 12), u32_at(&e, 16));
                let b = self.record(at, len, sum, "a turn")?;
                Ok((doc, self.decode::<TurnRecord>(&b, "turn")?))
            })?;
            let (doc, r) = (record.0, &record.1);
            if doc != last_doc {
                docs.push(self.document(doc)?);
                last_doc = doc;
            }
            if lo < r.first_chunk || hi > r.first_chunk + r.chunks {
                return Err(bad("chunk outside its turn"));
            }
            let chunks = self.chunk_entries(lo, hi)?;
            let start = chunks[0][1];
            let end = chunks.last().map_or(start, |c| c[1] + c[2]);
            let bytes = self.read(
                r.text_at + u64::from(start),
                u64::from(end.saturating_sub(start)),
            )?;
            for c in &chunks {
                let from = (c[1] - start) as usize;
                let piece = bytes
                    .get(from..from + c[2] as usize)
                    .ok_or_else(|| bad("chunk out of bounds"))?;
                if short_sum(piece) != c[3] {
                    return Err(bad("checksum mismatch in a turn's text"));
                }
            }
            let text = String::from_utf8(bytes).map_err(|_| bad("a turn's text is not UTF-8"))?;
            // Times relative to the slice; the last time before it stands for its start.
            let mut times: Vec<(u32, u32)> = r
                .times
                .iter()
                .filter(|&&(o, _)| o > start && o < end)
                .map(|&(o, ms)| (o - start, ms))
                .collect();
            if let Some(&(_, ms)) = r.times.iter().take_while(|&&(o, _)| o <= start).last() {
                times.insert(0, (0, ms));
            }
            if let Some(d) = docs.last_mut() {
                d.turns.push(Turn {
                    speaker: r.speaker.clone(),
                    label: r.label.clone(),
                    text,
                    line: chunks[0][4] as usize,
                    times,
                });
            }
        }
        // What the build skipped is reported once, from the index (`skipped`), not per passage corpus.
        let mut c = Corpus::from_documents(&self.root, docs, Vec::new());
        c.speakers = self
            .speakers
            .get_or_init(|| speaker_list(self.meta.speakers.clone()))
            .clone();
        c.roster = self.roster.clone();
        Ok(c)
    }

    /// Document `d` without its turns (decoded once).
    fn document(&self, d: u32) -> Result<Document> {
        let cell = self
            .doc_cache
            .get(d as usize)
            .ok_or_else(|| Error::bad_index(&self.path, "document id out of range"))?;
        Ok((*cached(cell, || self.read_document(d))?).clone())
    }

    fn read_document(&self, d: u32) -> Result<Document> {
        let e = self.read(
            self.meta.docs_at + u64::from(d) * DOC_ENTRY as u64,
            DOC_ENTRY as u64,
        )?;
        let b = self.record(u64_at(&e, 0), u32_at(&e, 8), u32_at(&e, 12), "a document")?;
        let r: DocRecord = self.decode(&b, "document")?;
        Ok(Document {
            path: r.path,
            title: r.title,
            date: r.date.and_then(|(y, m, d)| Date::new(y, m, d)),
            source: r.source,
            speaker: r.speaker,
            aliases: r.aliases,
            participants: r.participants,
            turns: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A corpus of transcript files `name -> turn text`, padded with 30 documents of words
    /// of their own, so that the words of the first ones are rare.
    fn corpus(files: &[(&str, &str)]) -> tempfile::TempDir {
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

    fn words(s: &str) -> (Vec<String>, Vec<Option<String>>) {
        let ordered: Vec<String> = tokenize(s, Side::Statement)
            .into_iter()
            .map(|t| t.norm)
            .collect();
        let mut sorted = ordered.clone();
        sorted.sort_unstable();
        sorted.dedup();
        (sorted, ordered.into_iter().map(Some).collect())
    }

    #[test]
    fn candidates_rank_by_rare_words_then_order_then_corpus_order() {
        let dir = corpus(&[
            (
                "a.txt",
                "the new bridge over the river will be finished by spring",
            ),
            (
                "b.txt",
                "the bridge is new and the river will be over by spring",
            ),
            (
                "c.txt",
                "the new bridge over the river will be finished by spring",
            ),
            ("d.txt", "the budget for schools rises in the autumn"),
        ]);
        let out = dir.path().join("i.idx");
        build(dir.path(), &out).unwrap();
        let index = Index::open(&out, dir.path()).unwrap();
        // Chunks are numbered in file order: a.txt 0, b.txt 1, c.txt 2, d.txt 3.
        let table: [(&str, &str, &[u32]); 4] = [
            // a and c hold "new bridge ... river" in order and tie (corpus order breaks
            // it); b holds the words in another order.
            (
                "words in order first",
                "the new bridge over the river",
                &[0, 2, 1],
            ),
            ("rare words select", "budget for the schools", &[3]),
            ("one known word is enough alone", "a budget", &[3]),
            ("unknown words find nothing", "zebra quartet", &[]),
        ];
        for (name, statement, want) in table {
            let (w, o) = words(statement);
            assert_eq!(index.candidates(&w, &o).unwrap(), want, "{name}");
        }
    }

    #[test]
    fn rebuilding_over_an_index_replaces_it_and_leaves_nothing_beside_it() {
        let dir = corpus(&[("a.txt", "the new bridge over the river")]);
        let out = dir.path().join("i.idx");
        build(dir.path(), &out).unwrap();
        build(dir.path(), &out).unwrap();
        assert!(Index::open(&out, dir.path()).is_ok());
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("i.idx"))
            .collect();
        assert_eq!(names, ["i.idx"]);
    }
}
