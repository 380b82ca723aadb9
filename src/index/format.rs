//! The index's on-disk format: the records file's header, fixed-width tables and postcard
//! records with their checksums, and the tantivy schema of the chunks.
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
//! tantivy as pre-tokenised terms with positions, the chunk's number, day and whether its
//! speaker is known as fast fields, and its speaker as an indexed number. It
//! stores no text: a hit is read from `records`.

use crate::corpus::roster::Roster;
use crate::date::Date;
use serde::{Deserialize, Serialize};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED,
};
use tantivy::tokenizer::{PreTokenizedString, Token};
use tantivy::TantivyDocument;

pub(super) const HEADER_LEN: usize = 64;
pub(super) const DOC_ENTRY: usize = 16;
pub(super) const TURN_ENTRY: usize = 20;
pub(super) const CHUNK_ENTRY: usize = 20;

/// 64-bit FNV-1a.
pub(super) fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

pub(super) fn short_sum(bytes: &[u8]) -> u32 {
    let h = checksum(bytes);
    (h ^ (h >> 32)) as u32
}

/// A document without its turns, as stored.
#[derive(Serialize, Deserialize)]
pub(super) struct DocRecord {
    /// The document's file, relative to the corpus directory (since format version 3).
    pub(super) path: String,
    pub(super) title: String,
    pub(super) date: Option<(i32, u32, u32)>,
    pub(super) source: Option<String>,
    pub(super) speaker: Option<String>,
    pub(super) aliases: Vec<(String, String)>,
    pub(super) participants: Vec<(String, Option<String>)>,
    /// Everyone who speaks a turn of the document, sorted (since format version 4): a
    /// passage corpus holds only some turns of a document, and the judge asks whether a
    /// speaker speaks in it at all (is a misattribution to them plausible).
    pub(super) turn_speakers: Vec<String>,
}

/// A turn without its text, as stored.
#[derive(Serialize, Deserialize)]
pub(super) struct TurnRecord {
    pub(super) speaker: String,
    pub(super) label: Option<String>,
    pub(super) times: Vec<(u32, u32)>,
    pub(super) text_at: u64,
    pub(super) first_chunk: u32,
    pub(super) chunks: u32,
}

/// Everything read when an index is opened.
#[derive(Serialize, Deserialize, Default)]
pub(super) struct Meta {
    pub(super) fingerprint: u64,
    pub(super) files: u64,
    pub(super) docs_at: u64,
    pub(super) docs: u32,
    pub(super) turns_at: u64,
    pub(super) turns: u32,
    pub(super) chunks_at: u64,
    pub(super) chunks: u32,
    /// Every turn speaker, sorted, with the first and last day (see [`day`]) of its dated
    /// documents.
    pub(super) speakers: Vec<(String, Option<(u64, u64)>)>,
    pub(super) skipped: Vec<String>,
    pub(super) roster: Roster,
}

/// The tantivy schema's fields.
pub(super) struct Fields {
    /// A chunk's normalised words and the next chunk's: indexed with positions, not stored.
    pub(super) words: Field,
    /// The chunk's number (in corpus order): a fast field, read for each hit.
    pub(super) chunk: Field,
    /// The date of the chunk's document as a [`day`] (0: undated): a fast field, so that
    /// passages dated after a statement rank after those that can support it.
    pub(super) day: Field,
    /// 1 when the chunk's turn says who speaks (0 for a caption of unknown speaker, which is
    /// never evidence): a fast field, so that such passages rank after every other.
    pub(super) known: Field,
    /// The chunk's speaker as [`speaker_key`] (since format version 7): indexed, so that the
    /// meaning layer can ask for one speaker's passages.
    pub(super) speaker: Field,
}

/// A speaker's name as the index's `speaker` field holds it (a 64-bit hash).
pub(super) fn speaker_key(name: &str) -> u64 {
    checksum(name.as_bytes())
}

/// A date as a positive day number (days since 1970-01-01, offset so that the 1960s count
/// too); 0 for no date.
pub(super) fn day(date: Option<Date>) -> u64 {
    date.map_or(0, |d| (d.days() + DAY_OFFSET) as u64)
}

/// The date of a [`day`] number, `None` for 0.
pub(super) fn date_of(day: u64) -> Option<Date> {
    (day > 0).then(|| Date::from_days(day as i64 - DAY_OFFSET))
}

const DAY_OFFSET: i64 = 1_000_000;

pub(super) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let f = Fields {
        words: b.add_text_field("words", words),
        chunk: b.add_u64_field("chunk", FAST | INDEXED),
        day: b.add_u64_field("day", FAST),
        known: b.add_u64_field("known", FAST),
        speaker: b.add_u64_field("speaker", INDEXED),
    };
    (b.build(), f)
}

/// The fields of an opened tantivy index, which must be this build's schema.
pub(super) fn fields_of(schema: &Schema) -> Option<Fields> {
    let (want, f) = self::schema();
    (schema == &want).then_some(f)
}

/// The tantivy document of chunk `id`: the end of the turn it answers (`before`, for a turn's
/// first chunk), its words, then the next chunk's, as terms with positions; its day,
/// whether its speaker is known, and the speaker (`speaker`).
pub(super) fn chunk_doc(
    f: &Fields,
    id: u32,
    day: u64,
    speaker: &str,
    before: &[String],
    words: &[String],
    next: &[String],
) -> TantivyDocument {
    let tokens = before
        .iter()
        .chain(words)
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
    doc.add_u64(f.day, day);
    let known = speaker != crate::corpus::UNKNOWN_SPEAKER;
    doc.add_u64(f.known, u64::from(known));
    doc.add_u64(f.speaker, speaker_key(speaker));
    doc
}

pub(super) fn encode<T: Serialize>(v: &T) -> Vec<u8> {
    postcard::to_stdvec(v).expect("postcard serialises plain records")
}

pub(super) fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

pub(super) fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}
