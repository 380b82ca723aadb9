//! Building an index: the corpus parsed in batches of files, each turn cut into chunks, the
//! records file and the tantivy index written under a temporary name, then installed.

use super::format::{
    checksum, chunk_doc, day, encode, schema, short_sum, DocRecord, Meta, TurnRecord, CHUNK_ENTRY,
    DOC_ENTRY, HEADER_LEN, TURN_ENTRY,
};
use super::{CHUNK_WORDS, MAGIC, RECORDS, TANTIVY, VERSION};
use crate::corpus::roster::{Roster, ROSTER_FILE};
use crate::corpus::{corpus_files, parse_file, widen, Format, Parsed};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::matching::normalize::{tokenize, Side};
use crate::progress::Progress;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// tantivy's indexing memory, in all (split among its indexing threads).
const WRITER_HEAP: usize = 128 << 20;
/// Words of a turn's end indexed with the first chunk of the reply to it: as many as the
/// judge reads of a charge before a short reply (`verdict::judge::SHORT_QUOTE_CONTEXT`).
pub(super) const ANSWERED_WORDS: usize = 60;

/// Files parsed per batch while indexing (bounds memory: tantivy keeps its own buffers).
const BATCH_FILES: usize = 512;

/// One chunk of a turn's text: where it is, its checksum, the line it starts on, its
/// normalised words in order.
struct Chunk {
    start: u32,
    len: u32,
    sum: u32,
    line: u32,
    words: Vec<String>,
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
            words.push(t.norm.to_string());
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

/// A turn ready to write: its record (offsets still to fill), text and chunks.
struct PendingTurn {
    record: TurnRecord,
    text: String,
    chunks: Vec<Chunk>,
}

/// A parsed file's records, serialised, with each turn's chunks.
struct Batch {
    /// Each document's record, its [`day`], and its turns.
    docs: Vec<(Vec<u8>, u64, Vec<PendingTurn>)>,
    skipped: Vec<String>,
    /// Each turn's speaker with its document's date.
    speakers: Vec<(String, Option<Date>)>,
}

/// Documents are stored under their path relative to the corpus `dir`, so that an index names
/// its sources under the corpus path a later run gives (`--corpus ../x` or `--corpus /abs/x`).
fn serialise(dir: &Path, parsed: Result<Parsed>) -> Batch {
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
        let lines = Format::of(Path::new(&d.path)) == Some(Format::Transcript);
        let rel = Path::new(&d.path)
            .strip_prefix(dir)
            .map(|r| r.to_string_lossy().into_owned());
        let date = d.date;
        let rec = DocRecord {
            turn_speakers: d.turn_speakers(),
            path: rel.unwrap_or(d.path),
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
                b.speakers.push((t.speaker.clone(), date));
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
        b.docs.push((encode(&rec), day(date), turns));
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

pub(super) fn build_files(dir: &Path, files: &[PathBuf], fp: u64, out: &Path) -> Result<Summary> {
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
/// removed; when another build installs its index in between, the rename is tried again. Any
/// failed rename is tried again, not only one with `out` still there: another build may have
/// moved `out` aside between the failure and the look at it (the likely cause, not reproduced,
/// of one failure of `concurrent_index_builds_leave_one_valid_index` under load).
fn install(tmp: &Path, out: &Path) -> Result<()> {
    let mut last = None;
    for attempt in 0..16 {
        match std::fs::rename(tmp, out) {
            Ok(()) => return Ok(()),
            Err(e) => {
                if std::fs::symlink_metadata(out).is_ok() {
                    let old = beside(out, "old");
                    if std::fs::rename(out, &old).is_ok() {
                        remove(&old);
                    }
                }
                last = Some(e);
                // (Builds that collide once would in step again: wait a little longer each time.)
                std::thread::sleep(std::time::Duration::from_millis(attempt));
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
    let mut speakers: BTreeMap<String, Option<(Date, Date)>> = BTreeMap::new();
    let bar = Progress::new("indexing", files.len() as u64, "files");
    for batch in files.chunks(BATCH_FILES) {
        let batches: Vec<Batch> = batch
            .par_iter()
            .map(|p| {
                let b = serialise(dir, parse_file(p));
                bar.inc(1);
                b
            })
            .collect();
        for b in batches {
            meta.skipped.extend(b.skipped);
            for (name, date) in b.speakers {
                widen(speakers.entry(name).or_default(), date);
            }
            for (doc, doc_day, turns) in b.docs {
                let doc_id = (doc_table.len() / DOC_ENTRY) as u32;
                let at = o.put(&doc)?;
                doc_table.extend_from_slice(&at.to_le_bytes());
                doc_table.extend_from_slice(&(doc.len() as u32).to_le_bytes());
                doc_table.extend_from_slice(&short_sum(&doc).to_le_bytes());
                // The end of the turn before, by another speaker: a reply's first chunk is
                // indexed with it, so "That makes me smart" is found by the charge it answers.
                let mut before: Vec<String> = Vec::new();
                let mut before_speaker = String::new();
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
                        let answered = if i == 0 && before_speaker != turn.record.speaker {
                            &before[..]
                        } else {
                            &[][..]
                        };
                        let doc = chunk_doc(
                            &f,
                            chunk_id,
                            doc_day,
                            &turn.record.speaker,
                            answered,
                            &c.words,
                            next,
                        );
                        writer.add_document(doc).map_err(build_error(&tdir))?;
                    }
                    // The turn's last words, across its chunks (a last chunk may be short).
                    let mut end: Vec<String> = Vec::new();
                    for c in turn.chunks.iter().rev() {
                        let need = ANSWERED_WORDS - end.len();
                        let from = c.words.len().saturating_sub(need);
                        end.splice(0..0, c.words[from..].iter().cloned());
                        if end.len() >= ANSWERED_WORDS {
                            break;
                        }
                    }
                    if !turn.chunks.is_empty() {
                        before = end;
                    }
                    before_speaker = std::mem::take(&mut turn.record.speaker);
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
    meta.speakers = speakers
        .into_iter()
        .map(|(name, span)| (name, span.map(|(a, b)| (day(Some(a)), day(Some(b))))))
        .collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{test_corpus as corpus, Index};

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
