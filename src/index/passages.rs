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
        self.corpus_for_statement(windows, 0)
    }

    /// [`Index::corpus_for`] for a statement of `words` words: a passage is two chunks, too
    /// short to hold a statement of more than [`CHUNK_WORDS`] words, so each window also
    /// reaches one chunk further on either side (within its turn) for every
    /// [`CHUNK_WORDS`] words of the statement, wherever in it the rare words were found.
    pub fn corpus_for_statement(&self, windows: &[u32], words: usize) -> Result<Corpus> {
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
