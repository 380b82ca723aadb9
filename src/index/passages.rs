//! Reading candidate passages back: the chunks a query found, with their context, as turns
//! of their documents in a small corpus the matcher runs on unchanged; every record checked
//! against its checksum as it is read.

use super::format::date_of;
use super::format::{
    short_sum, u32_at, u64_at, DocRecord, TurnRecord, CHUNK_ENTRY, DOC_ENTRY, TURN_ENTRY,
};
use super::{cached, Index, CHUNK_WORDS};
use crate::corpus::{Corpus, Document, Speaker, Turn};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::matching::normalize::{tokenize, Side, Token};
use rustc_hash::FxHashMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

/// How many bytes of turn text the shared cache holds before it is emptied (its words take
/// about ten times as much).
const TEXT_BUDGET: usize = 16 << 20;

/// The longest turn, in chunks, that is read and tokenised whole and kept in the shared
/// cache (an answer in a debate or an interview); a longer one (a speech) is read by passage.
const WHOLE_TURN_CHUNKS: u32 = 12;

/// Passages read for a statement: a small corpus, and the words of each of its turns.
pub struct Passages {
    pub corpus: Corpus,
    /// The words of `corpus.docs[d].turns[t]` at `[d][t]`, tokenised as part of their whole
    /// turn (so a passage starts mid-sentence as it does in the transcript), with offsets into
    /// the passage's text.
    pub words: Vec<Vec<Vec<Token>>>,
}

/// A turn's whole text, read once and shared by every statement that reads a passage of it
/// (most statements of a batch read the same few thousand turns).
pub(super) struct TurnText {
    /// Offset of `text` in the turn's text in the records.
    base: u32,
    text: String,
    /// Its words, tokenised on first use.
    tokens: OnceLock<Vec<Token>>,
}

/// The turn texts read so far, by turn id.
#[derive(Default)]
pub(super) struct TextCache {
    map: FxHashMap<u32, Arc<TurnText>>,
    bytes: usize,
}

/// The cache, whether or not a thread panicked holding it (it holds nothing half-made).
fn lock(m: &Mutex<TextCache>) -> MutexGuard<'_, TextCache> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Index {
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

    /// A corpus holding only the passages `windows` (from [`Index::candidates`]), each with
    /// the chunk after it as context, as turns of their documents in corpus order; it knows
    /// every speaker and the roster, so that the matcher runs on it unchanged.
    pub fn corpus_for(&self, windows: &[u32]) -> Result<Corpus> {
        Ok(self.passages(windows, 0, false)?.corpus)
    }

    /// [`Index::corpus_for`] for a statement of `words` words: a passage is two chunks, too
    /// short to hold a statement of more than [`CHUNK_WORDS`] words, so each window also
    /// reaches one chunk further on either side (within its turn) for every
    /// [`CHUNK_WORDS`] words of the statement, wherever in it the rare words were found.
    pub fn corpus_for_statement(&self, windows: &[u32], words: usize) -> Result<Passages> {
        self.passages(windows, words, true)
    }

    /// The passages of `windows` as [`Index::corpus_for_statement`] reads them, with their
    /// words when `with_words`.
    fn passages(&self, windows: &[u32], words: usize, with_words: bool) -> Result<Passages> {
        let bad = |m: &str| Error::bad_index(&self.path, m.to_string());
        let reach = u32::try_from(words / CHUNK_WORDS).unwrap_or(u32::MAX / 4);
        // Chunk ranges to read, by turn.
        let mut ranges: Vec<(u32, u32, u32)> = Vec::new();
        for &w in windows {
            if w >= self.meta.chunks {
                return Err(bad("chunk id out of range"));
            }
            let lo = w.saturating_sub(reach);
            let hi = w.saturating_add(3 + reach).min(self.meta.chunks);
            let entries = self.chunk_entries(lo, hi)?;
            let turn = entries[(w - lo) as usize][0];
            let mut ids = (lo..hi)
                .zip(&entries)
                .filter(|(_, e)| e[0] == turn)
                .map(|(c, _)| c);
            let first = ids.next().unwrap_or(w);
            let last = ids.next_back().unwrap_or(first);
            ranges.push((turn, first, last + 1));
            // A window at the start of a turn is read with the end of the turn before (the
            // charge a reply answers), which the judge may read with it: its last two chunks,
            // as a turn's last chunk may hold only a few words, and the judge reads the last
            // `SHORT_QUOTE_CONTEXT` words of the turn (as the brute-force path does).
            if first > 0 && w == first {
                let lo = first.saturating_sub(2);
                let before = self.chunk_entries(lo, first)?;
                let at_start = before.last().is_some_and(|e| e[0] + 1 == turn);
                if let Some(from) = (lo..first)
                    .zip(&before)
                    .find(|(_, e)| e[0] + 1 == turn)
                    .map(|(c, _)| c)
                    .filter(|_| at_start)
                {
                    ranges.push((turn - 1, from, first));
                }
            }
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
        let mut turn_words: Vec<Vec<Vec<Token>>> = Vec::new();
        let mut last_doc = u32::MAX;
        let mut last_turn = u32::MAX;
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
            if lo < r.first_chunk || hi > r.first_chunk + r.chunks {
                return Err(bad("chunk outside its turn"));
            }
            let chunks = self.chunk_entries(lo, hi)?;
            let start = chunks[0][1];
            let end = chunks.last().map_or(start, |c| c[1] + c[2]);
            let (text, words) = if r.chunks <= WHOLE_TURN_CHUNKS {
                self.cached_passage(turn, r, start, end, with_words)?
            } else {
                self.read_passage(r, &chunks, start, end, with_words)?
            };
            if let Some(words) = words {
                if doc != last_doc {
                    turn_words.push(Vec::new());
                }
                if let Some(d) = turn_words.last_mut() {
                    d.push(words);
                }
            }
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
            if doc != last_doc {
                docs.push(self.document(doc)?);
                last_doc = doc;
            }
            let follows = last_turn.checked_add(1) == Some(turn);
            last_turn = turn;
            if let Some(d) = docs.last_mut() {
                d.turns.push(Turn {
                    follows: follows && !d.turns.is_empty(),
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
            .get_or_init(|| {
                let speakers = self.meta.speakers.iter().map(|(name, span)| {
                    let active = span.and_then(|(a, b)| Some((date_of(a)?, date_of(b)?)));
                    Speaker::new(name.clone(), active)
                });
                std::sync::Arc::new(speakers.collect())
            })
            .clone();
        c.roster = self.roster.clone();
        Ok(Passages {
            corpus: c,
            words: turn_words,
        })
    }

    /// The text of a turn's bytes `start..end` (of record `r`, a turn of at most
    /// [`WHOLE_TURN_CHUNKS`] chunks) and, `with_words`, its words, from the whole turn in the
    /// shared cache.
    fn cached_passage(
        &self,
        turn: u32,
        r: &TurnRecord,
        start: u32,
        end: u32,
        with_words: bool,
    ) -> Result<(String, Option<Vec<Token>>)> {
        let whole = self.turn_text(turn, r)?;
        let (from, to) = (
            start.wrapping_sub(whole.base) as usize,
            end.wrapping_sub(whole.base) as usize,
        );
        let text = whole
            .text
            .get(from..to)
            .ok_or_else(|| Error::bad_index(&self.path, "chunk out of bounds".to_string()))?
            .to_string();
        let words = with_words.then(|| {
            let all = whole
                .tokens
                .get_or_init(|| tokenize(&whole.text, Side::Source));
            let first = all.partition_point(|t| t.start < from);
            let last = all.partition_point(|t| t.start < to);
            all[first..last]
                .iter()
                .filter(|t| t.end <= to)
                .map(|t| Token {
                    start: t.start - from,
                    end: t.end - from,
                    ..t.clone()
                })
                .collect()
        });
        Ok((text, words))
    }

    /// The text of `chunks` of a long turn (record `r`), its bytes `start..end`, read from the
    /// records and checked, and `with_words` its words: a passage of a speech is read alone, as
    /// reading and tokenising the whole speech would cost a single article more than it saves.
    fn read_passage(
        &self,
        r: &TurnRecord,
        chunks: &[[u32; 5]],
        start: u32,
        end: u32,
        with_words: bool,
    ) -> Result<(String, Option<Vec<Token>>)> {
        let bytes = self.read(
            r.text_at + u64::from(start),
            u64::from(end.saturating_sub(start)),
        )?;
        let text = self.checked_text(bytes, start, chunks)?;
        let words = with_words.then(|| tokenize(&text, Side::Source));
        Ok((text, words))
    }

    /// `bytes`, the text of `chunks` from byte `base` of their turn, as a string, every chunk
    /// checked against its checksum.
    fn checked_text(&self, bytes: Vec<u8>, base: u32, chunks: &[[u32; 5]]) -> Result<String> {
        let bad = |m: &str| Error::bad_index(&self.path, m.to_string());
        for c in chunks {
            let from = c[1].wrapping_sub(base) as usize;
            let piece = bytes
                .get(from..from + c[2] as usize)
                .ok_or_else(|| bad("chunk out of bounds"))?;
            if short_sum(piece) != c[3] {
                return Err(bad("checksum mismatch in a turn's text"));
            }
        }
        String::from_utf8(bytes).map_err(|_| bad("a turn's text is not UTF-8"))
    }

    /// The whole text of `turn` (record `r`), every chunk checked against its checksum, from
    /// the shared cache or read and added to it.
    fn turn_text(&self, turn: u32, r: &TurnRecord) -> Result<Arc<TurnText>> {
        if let Some(t) = lock(&self.texts).map.get(&turn) {
            return Ok(Arc::clone(t));
        }
        let chunks = self.chunk_entries(r.first_chunk, r.first_chunk + r.chunks)?;
        let base = chunks.first().map_or(0, |c| c[1]);
        let end = chunks.last().map_or(base, |c| c[1] + c[2]);
        let bytes = self.read(
            r.text_at + u64::from(base),
            u64::from(end.saturating_sub(base)),
        )?;
        let text = self.checked_text(bytes, base, &chunks)?;
        let whole = Arc::new(TurnText {
            base,
            text,
            tokens: OnceLock::new(),
        });
        let mut cache = lock(&self.texts);
        cache.bytes += whole.text.len();
        if cache.bytes > TEXT_BUDGET {
            cache.map.clear();
            cache.bytes = whole.text.len();
        }
        cache.map.insert(turn, Arc::clone(&whole));
        Ok(whole)
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
            path: self.root.join(&r.path).to_string_lossy().into_owned(),
            title: r.title,
            date: r.date.and_then(|(y, m, d)| Date::new(y, m, d)),
            source: r.source,
            speaker: r.speaker,
            aliases: r.aliases,
            participants: r.participants,
            turns: Vec::new(),
            // Who speaks in the document, though a passage corpus holds only some of its turns.
            all_speakers: r.turn_speakers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{build, test_corpus as corpus};

    /// A turn of `n` words in sentences of 90; its chunks start mid-sentence.
    fn long_turn(n: usize) -> String {
        (0..n)
            .map(|i| match i % 90 {
                0 => format!("Then{i}"),
                89 => format!("word{i}."),
                _ => format!("word{i}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn passage_words_are_the_whole_turns_words_cut_to_the_passage() {
        let dir = corpus(&[("a.txt", &long_turn(450))]);
        let out = dir.path().join("i.idx");
        build(dir.path(), &out).unwrap();
        let index = Index::open(&out, dir.path()).unwrap();
        let whole = tokenize(&long_turn(450), Side::Source);
        let table: [(&str, &[u32], usize); 3] = [
            ("a window at the start of the turn", &[0], 0),
            ("a window mid-turn", &[2], 0),
            ("a long statement reaches further", &[2], 250),
        ];
        for (name, windows, words) in table {
            // Twice: the second read comes from the shared cache.
            for _ in 0..2 {
                let p = index.corpus_for_statement(windows, words).unwrap();
                let turn = &p.corpus.docs[0].turns[0];
                let got = &p.words[0][0];
                let first = whole.iter().position(|t| t.norm == got[0].norm).unwrap();
                for (g, w) in got.iter().zip(&whole[first..]) {
                    assert_eq!((&g.norm, g.flags), (&w.norm, w.flags), "{name}");
                    assert_eq!(turn.text[g.start..g.end].to_lowercase(), g.norm, "{name}");
                }
                let want = tokenize(&turn.text, Side::Source);
                assert_eq!(got.len(), want.len(), "{name}");
            }
        }
        // Without words, the same corpus.
        let bare = index.corpus_for(&[2]).unwrap();
        let with = index.corpus_for_statement(&[2], 0).unwrap().corpus;
        assert_eq!(bare.docs[0].turns[0].text, with.docs[0].turns[0].text);
    }

    #[test]
    fn a_speech_is_read_by_passage() {
        let n = (WHOLE_TURN_CHUNKS as usize + 3) * CHUNK_WORDS;
        let dir = corpus(&[("a.txt", &long_turn(n))]);
        let out = dir.path().join("i.idx");
        build(dir.path(), &out).unwrap();
        let index = Index::open(&out, dir.path()).unwrap();
        let p = index.corpus_for_statement(&[5], 0).unwrap();
        let turn = &p.corpus.docs[0].turns[0];
        assert!(turn.text.starts_with("word500 "), "{}", &turn.text[..20]);
        assert_eq!(p.words[0][0], tokenize(&turn.text, Side::Source));
        assert!(
            lock(&index.texts).map.is_empty(),
            "a speech is not kept whole"
        );
    }
}
