//! The tantivy side: an index of the corpus's chunks (the own index's unit of text:
//! [`CHUNK_WORDS`] words of a turn, cut at the same places), each found by its words and the
//! next chunk's (quotecheck's normalised words as pre-tokenised terms with positions), and
//! `check` on top of it: per statement a boolean query over its rarest words (see [`Mode`]),
//! the top [`MAX_CANDIDATES`] hits, each read with the two chunks after it, as the own index
//! reads a candidate, and judged by the unchanged matcher.

use crate::{secs, Row};
use quotecheck::corpus::index::retrieval::{
    COMMON_SHARE, MAX_CANDIDATES, MAX_QUERY_WORDS, MIN_SHARED,
};
use quotecheck::corpus::index::{fingerprint, CHUNK_WORDS};
use quotecheck::corpus::roster::Roster;
use quotecheck::corpus::{corpus_files, parse_file, Corpus, Document, Format, Turn};
use quotecheck::date::Date;
use quotecheck::matching::lexicon::lexicon;
use quotecheck::matching::normalize::{tokenize, Side};
use quotecheck::Article;
use rayon::prelude::*;
use serde_json::{json, Value as Json};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::time::Instant;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, INDEXED, STORED,
};
use tantivy::tokenizer::{PreTokenizedString, Token};
use tantivy::{Index, IndexWriter, Searcher, TantivyDocument, Term};

/// Files parsed per batch while indexing, as the own index does.
const BATCH_FILES: usize = 512;
/// The side file (in the index directory) with what `check` needs besides the chunks.
const SIDE_FILE: &str = "quotecheck.json";

/// The schema's fields.
struct Fields {
    /// The chunk's normalised words: indexed with frequencies and positions, not stored.
    words: Field,
    /// The chunk's raw text, stored.
    text: Field,
    /// Global chunk number (corpus order), indexed and stored: finds a chunk's neighbours.
    key: Field,
    /// Global turn number and the chunk's place in its turn.
    turn: Field,
    idx: Field,
    /// Line of the chunk in its file (transcript format).
    line: Field,
    speaker: Field,
    label: Field,
    /// The document's metadata as JSON (path, title, date, source, speaker, aliases,
    /// participants).
    meta: Field,
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
        text: b.add_text_field("text", STORED),
        key: b.add_u64_field("key", INDEXED | STORED),
        turn: b.add_u64_field("turn", STORED),
        idx: b.add_u64_field("idx", STORED),
        line: b.add_u64_field("line", STORED),
        speaker: b.add_text_field("speaker", STORED),
        label: b.add_text_field("label", STORED),
        meta: b.add_text_field("meta", STORED),
    };
    (b.build(), f)
}

fn fields(schema: &Schema) -> Result<Fields, String> {
    let get = |n: &str| schema.get_field(n).map_err(|e| e.to_string());
    Ok(Fields {
        words: get("words")?,
        text: get("text")?,
        key: get("key")?,
        turn: get("turn")?,
        idx: get("idx")?,
        line: get("line")?,
        speaker: get("speaker")?,
        label: get("label")?,
        meta: get("meta")?,
    })
}

/// One chunk of a turn, ready to index: byte range, line, and its words as tokens.
struct Piece {
    start: usize,
    end: usize,
    line: usize,
    tokens: Vec<Token>,
}

/// A turn's text cut where the own index cuts it: every [`CHUNK_WORDS`] normalised words.
fn pieces(text: &str, line: usize, lines: bool) -> Vec<Piece> {
    let toks = tokenize(text, Side::Source);
    let mut starts: Vec<usize> = toks.iter().step_by(CHUNK_WORDS).map(|t| t.start).collect();
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
        starts.dedup();
    }
    let mut out = Vec::with_capacity(starts.len());
    let mut it = toks.iter().peekable();
    let (mut line, mut prev) = (line, 0);
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        if lines {
            line += text[prev..start].matches('\n').count();
            prev = start;
        }
        let mut tokens = Vec::new();
        while let Some(t) = it.next_if(|t| t.start < end) {
            tokens.push(Token {
                offset_from: t.start.saturating_sub(start),
                offset_to: t.end.saturating_sub(start).min(end - start),
                position: tokens.len(),
                text: t.norm.clone(),
                position_length: 1,
            });
        }
        out.push(Piece {
            start,
            end,
            line,
            tokens,
        });
    }
    out
}

/// A parsed file as tantivy documents, one per chunk, with chunk and turn numbers relative
/// to the file (made global on the main thread), and the turn speakers seen.
fn file_docs(
    f: &Fields,
    path: &Path,
) -> (
    Vec<(usize, usize, TantivyDocument)>,
    Vec<String>,
    Vec<String>,
) {
    let mut out = Vec::new();
    let mut speakers = Vec::new();
    let parsed = match parse_file(path) {
        Ok(p) => p,
        Err(e) => return (out, speakers, vec![e.to_string()]),
    };
    let mut turn_no = 0;
    for d in parsed.docs {
        let lines = Format::of(Path::new(&d.path)) == Some(Format::Transcript);
        let meta = json!({
            "path": d.path,
            "title": d.title,
            "date": d.date.map(|x| (x.year, x.month, x.day)),
            "source": d.source,
            "speaker": d.speaker,
            "aliases": d.aliases,
            "participants": d.participants,
        })
        .to_string();
        for t in &d.turns {
            speakers.push(t.speaker.clone());
            let ps = pieces(&t.text, t.line, lines);
            for (i, p) in ps.iter().enumerate() {
                // A chunk is found by its words and those of the next chunk of its turn (the
                // own index's unit of retrieval is such a pair): a quote across the boundary
                // is still in one document.
                let mut tokens = p.tokens.clone();
                for t in ps.get(i + 1).map_or(&[][..], |n| &n.tokens) {
                    tokens.push(Token {
                        position: tokens.len(),
                        ..t.clone()
                    });
                }
                let mut doc = TantivyDocument::default();
                doc.add_pre_tokenized_text(
                    f.words,
                    PreTokenizedString {
                        text: String::new(),
                        tokens,
                    },
                );
                doc.add_text(f.text, &t.text[p.start..p.end]);
                doc.add_u64(f.idx, i as u64);
                doc.add_u64(f.line, p.line as u64);
                doc.add_text(f.speaker, &t.speaker);
                doc.add_text(f.label, t.label.as_deref().unwrap_or(""));
                doc.add_text(f.meta, &meta);
                out.push((turn_no, i, doc));
            }
            turn_no += 1;
        }
    }
    (out, speakers, parsed.skipped)
}

/// Builds the tantivy index of the corpus in `corpus` into the directory `dir` (created;
/// must not hold an index), with the side file, and prints what it did on stderr.
pub fn build(corpus: &Path, dir: &Path) -> Result<(), String> {
    let t = Instant::now();
    let files = corpus_files(corpus).map_err(|e| e.to_string())?;
    let fp = fingerprint(corpus, &files).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let (schema, f) = schema();
    let index = Index::create_in_dir(dir, schema).map_err(|e| e.to_string())?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let heap_mb: usize = std::env::var("TANTIVY_HEAP_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let mut writer: IndexWriter = index
        .writer_with_num_threads(threads, heap_mb << 20)
        .map_err(|e| e.to_string())?;
    let (mut key, mut turn_base) = (0u64, 0u64);
    let mut speakers = BTreeSet::new();
    let mut skipped = Vec::new();
    for batch in files.chunks(BATCH_FILES) {
        let parsed: Vec<_> = batch.par_iter().map(|p| file_docs(&f, p)).collect();
        for (docs, sp, sk) in parsed {
            speakers.extend(sp);
            skipped.extend(sk);
            let mut turns = 0;
            for (turn, _, mut doc) in docs {
                doc.add_u64(f.key, key);
                doc.add_u64(f.turn, turn_base + turn as u64);
                writer.add_document(doc).map_err(|e| e.to_string())?;
                key += 1;
                turns = turns.max(turn + 1);
            }
            turn_base += turns as u64;
        }
    }
    writer.commit().map_err(|e| e.to_string())?;
    writer.wait_merging_threads().map_err(|e| e.to_string())?;
    let mut roster_skip = None;
    let roster = Roster::load(corpus).unwrap_or_else(|e| {
        roster_skip = Some(e.to_string());
        Roster::default()
    });
    skipped.extend(roster_skip);
    let side = json!({
        "fingerprint": fp,
        "chunks": key,
        "speakers": speakers,
        "roster": roster,
        "skipped": skipped,
    });
    std::fs::write(dir.join(SIDE_FILE), side.to_string()).map_err(|e| e.to_string())?;
    let segments = index
        .searchable_segment_ids()
        .map_err(|e| e.to_string())?
        .len();
    eprintln!(
        "tantivy build: {} files, {turn_base} turns, {key} chunks, {segments} segments, {:.1} s",
        files.len(),
        secs(t)
    );
    Ok(())
}

/// What `check` needs from the side file.
struct SideFile {
    chunks: u64,
    speakers: Vec<String>,
    roster: Roster,
    skipped: Vec<String>,
}

/// A stored chunk, read back.
struct Stored {
    key: u64,
    turn: u64,
    idx: u64,
    line: u64,
    text: String,
    speaker: String,
    label: String,
    meta: String,
}

fn stored(searcher: &Searcher, f: &Fields, addr: tantivy::DocAddress) -> Result<Stored, String> {
    let d: TantivyDocument = searcher.doc(addr).map_err(|e| e.to_string())?;
    let u = |fld| d.get_first(fld).and_then(|v| v.as_u64()).unwrap_or(0);
    let s = |fld| {
        d.get_first(fld)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    Ok(Stored {
        key: u(f.key),
        turn: u(f.turn),
        idx: u(f.idx),
        line: u(f.line),
        text: s(f.text),
        speaker: s(f.speaker),
        label: s(f.label),
        meta: s(f.meta),
    })
}

/// The chunk numbered `key`, if there is one.
fn by_key(searcher: &Searcher, f: &Fields, key: u64) -> Result<Option<Stored>, String> {
    let q = TermQuery::new(Term::from_field_u64(f.key, key), IndexRecordOption::Basic);
    let hits = searcher
        .search(&q, &TopDocs::with_limit(1).order_by_score())
        .map_err(|e| e.to_string())?;
    hits.first()
        .map(|&(_, a)| stored(searcher, f, a))
        .transpose()
}

/// How `check` asks tantivy for a statement's candidates.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A BM25 boolean query over the statement's rarest words (those the own index would
    /// query), needing [`MIN_SHARED`] of them.
    Bm25,
    /// The same words scored as the own index scores them (each word held counts its
    /// rarity once, however often it occurs), plus BM25 phrase queries with slop over pairs
    /// of nearby words of the statement, in its order, very common words left out: they lift
    /// the passage that holds the words in that order above passages that merely hold them.
    Phrases,
}

/// A word in more than this share of the chunks is left out of the phrase queries
/// (phrase queries on frequent words are tantivy's slow path).
const PHRASE_COMMON_SHARE: f64 = 0.10;
/// Word pairs queried as phrases, at most (the rarest pairs first).
const MAX_PHRASES: usize = 12;
/// Two words of a pair are at most this many positions apart in the statement.
const PAIR_GAP: usize = 3;
/// Slop of the pair phrases: a word inserted or dropped between them still matches.
const PAIR_SLOP: u32 = 1;

/// The top chunks for a statement: its rarest informative words (as the own index picks
/// them: fillers out, words in more than [`COMMON_SHARE`] of the chunks out unless too few
/// are left, at most [`MAX_QUERY_WORDS`]) as a boolean query that needs [`MIN_SHARED`] of
/// them, scored as [`Mode`] says; best [`MAX_CANDIDATES`] hits.
/// `ordered` is the statement's words in order, `None` at an ellipsis.
fn top_chunks(
    searcher: &Searcher,
    f: &Fields,
    chunks: u64,
    words: &[String],
    ordered: &[Option<String>],
    mode: Mode,
) -> Result<Vec<Stored>, String> {
    let fillers = &lexicon().fillers;
    let mut dfs: HashMap<String, u64> = HashMap::new();
    let mut df = |w: &str| -> Result<u64, String> {
        if let Some(&d) = dfs.get(w) {
            return Ok(d);
        }
        let d = searcher
            .doc_freq(&Term::from_field_text(f.words, w))
            .map_err(|e| e.to_string())?;
        dfs.insert(w.to_string(), d);
        Ok(d)
    };
    let mut query: Vec<(u64, &String)> = Vec::new();
    for w in words
        .iter()
        .filter(|w| !fillers.contains(String::as_str(w)))
    {
        let d = df(w)?;
        if d > 0 {
            query.push((d, w));
        }
    }
    query.sort_unstable();
    query.dedup();
    // A word is indexed in the documents of its chunk and of the chunk before: its document
    // frequency is about twice the own index's (per chunk), so the shares are of 2 x chunks.
    let units = 2.0 * chunks.max(1) as f64;
    let common = ((units * COMMON_SHARE) as u64).max(1);
    let rare = query.iter().filter(|&&(d, _)| d <= common).count();
    query.truncate(rare.clamp(MIN_SHARED, MAX_QUERY_WORDS));
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let need = MIN_SHARED.min(query.len());
    let terms: Vec<Box<dyn Query>> = query
        .iter()
        .map(|&(d, w)| {
            let term = Term::from_field_text(f.words, w);
            match mode {
                Mode::Bm25 => {
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)) as Box<dyn Query>
                }
                // Presence, weighted by rarity, as the own index scores a passage.
                Mode::Phrases => Box::new(ConstScoreQuery::new(
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                    ((units / d.max(1) as f64).ln() + 1.0) as f32,
                )),
            }
        })
        .collect();
    let terms = BooleanQuery::union_with_minimum_required_clauses(terms, need);
    // Pairs of nearby, not very common words of the statement, in its order.
    let mut pairs: Vec<(u64, usize, &str, &str)> = Vec::new();
    if mode == Mode::Phrases {
        let cap = ((units * PHRASE_COMMON_SHARE) as u64).max(1);
        let mut prev: Option<(usize, &str, u64)> = None;
        for (pos, w) in ordered.iter().enumerate() {
            let Some(w) = w else {
                prev = None;
                continue;
            };
            let d = df(w)?;
            if d == 0 || d > cap || fillers.contains(w.as_str()) {
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
    }
    if std::env::var_os("TANTIVY_COMPARE_DEBUG").is_some() {
        eprintln!("query: {query:?}; pairs: {pairs:?}");
    }
    let q: Box<dyn Query> = if pairs.is_empty() {
        Box::new(terms)
    } else {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(terms))];
        for (_, gap, a, b) in pairs {
            let phrase = PhraseQuery::new_with_offset_and_slop(
                vec![
                    (0, Term::from_field_text(f.words, a)),
                    (gap, Term::from_field_text(f.words, b)),
                ],
                PAIR_SLOP,
            );
            clauses.push((Occur::Should, Box::new(phrase)));
        }
        Box::new(BooleanQuery::new(clauses))
    };
    let hits = searcher
        .search(&*q, &TopDocs::with_limit(MAX_CANDIDATES).order_by_score())
        .map_err(|e| e.to_string())?;
    hits.into_iter()
        .map(|(_, a)| stored(searcher, f, a))
        .collect()
}

/// A statement's words in order (quotecheck's normalised form), `None` at an ellipsis.
fn ordered_words(s: &quotecheck::Statement) -> Vec<Option<String>> {
    tokenize(&s.content, Side::Statement)
        .into_iter()
        .map(|t| (!t.is_ellipsis()).then_some(t.norm))
        .collect()
}

fn document(meta: &str) -> Document {
    let m: Json = serde_json::from_str(meta).unwrap_or(Json::Null);
    let s = |k: &str| m.get(k).and_then(Json::as_str).map(str::to_string);
    let date = m
        .get("date")
        .and_then(|d| serde_json::from_value::<(i32, u32, u32)>(d.clone()).ok())
        .and_then(|(y, mo, d)| Date::new(y, mo, d));
    Document {
        path: s("path").unwrap_or_default(),
        title: s("title").unwrap_or_default(),
        date,
        source: s("source"),
        speaker: s("speaker"),
        aliases: m
            .get("aliases")
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default(),
        participants: m
            .get("participants")
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default(),
        turns: Vec::new(),
    }
}

/// The candidate passages of a statement as documents: each hit with the two chunks after
/// it in the same turn, adjacent chunks of a turn joined into one passage, in corpus
/// order; and the file of each hit, in rank order.
fn passages(
    searcher: &Searcher,
    f: &Fields,
    hits: Vec<Stored>,
) -> Result<(Vec<Document>, Vec<String>), String> {
    let mut files = Vec::new();
    let mut got: HashMap<u64, Stored> = HashMap::new();
    let mut want = BTreeSet::new();
    for h in hits {
        files.push(document(&h.meta).path);
        // The pair the hit stands for and the chunk after it, as the own index reads it.
        want.extend([h.key, h.key + 1, h.key + 2]);
        got.insert(h.key, h);
    }
    for k in want {
        if let std::collections::hash_map::Entry::Vacant(e) = got.entry(k) {
            if let Some(s) = by_key(searcher, f, k)? {
                e.insert(s);
            }
        }
    }
    // Keep only neighbours that belong to the turn of a hit (a neighbour of the next turn
    // would be someone else's words); group by turn, then by chunk.
    let hit_turns: BTreeSet<u64> = got.values().map(|s| s.turn).collect();
    let mut by_turn: BTreeMap<u64, BTreeMap<u64, Stored>> = BTreeMap::new();
    for (_, s) in got {
        if hit_turns.contains(&s.turn) {
            by_turn.entry(s.turn).or_default().insert(s.idx, s);
        }
    }
    let mut docs: Vec<Document> = Vec::new();
    for (_, chunks) in by_turn {
        let mut run: Vec<Stored> = Vec::new();
        let flush = |run: &mut Vec<Stored>, docs: &mut Vec<Document>| {
            if run.is_empty() {
                return;
            }
            let first = &run[0];
            let path = document(&first.meta).path;
            if docs.last().is_none_or(|d| d.path != path) {
                docs.push(document(&first.meta));
            }
            let turn = Turn {
                speaker: first.speaker.clone(),
                label: (!first.label.is_empty()).then(|| first.label.clone()),
                text: run.iter().map(|s| s.text.as_str()).collect(),
                line: first.line as usize,
                times: Vec::new(),
            };
            if let Some(d) = docs.last_mut() {
                d.turns.push(turn);
            }
            run.clear();
        };
        for (idx, s) in chunks {
            if run.last().is_some_and(|p| p.idx + 1 != idx) {
                flush(&mut run, &mut docs);
            }
            run.push(s);
        }
        flush(&mut run, &mut docs);
    }
    Ok((docs, files))
}

/// `check` with tantivy retrieval: fingerprints the corpus (as `check` does to know the
/// index is fresh; a stale index is an error here, not rebuilt), opens the index, retrieves
/// every statement's candidates, judges each with quotecheck's matcher, and prints a
/// timing line on stderr.
pub fn check(corpus: &Path, dir: &Path, article: &str, mode: Mode) -> Result<Vec<Row>, String> {
    let t = Instant::now();
    let files = corpus_files(corpus).map_err(|e| e.to_string())?;
    let fp = fingerprint(corpus, &files).map_err(|e| e.to_string())?;
    let fresh = secs(t);
    let t1 = Instant::now();
    let side: Json = serde_json::from_slice(
        &std::fs::read(dir.join(SIDE_FILE)).map_err(|e| format!("{}: {e}", dir.display()))?,
    )
    .map_err(|e| e.to_string())?;
    if side.get("fingerprint").and_then(Json::as_u64) != Some(fp) {
        return Err("the tantivy index is stale (the corpus changed): rebuild it".into());
    }
    let side = SideFile {
        chunks: side.get("chunks").and_then(Json::as_u64).unwrap_or(1),
        speakers: serde_json::from_value(side["speakers"].clone()).map_err(|e| e.to_string())?,
        roster: serde_json::from_value(side["roster"].clone()).map_err(|e| e.to_string())?,
        skipped: serde_json::from_value(side["skipped"].clone()).map_err(|e| e.to_string())?,
    };
    let index = Index::open_in_dir(dir).map_err(|e| e.to_string())?;
    let f = fields(&index.schema())?;
    let reader = index.reader().map_err(|e| e.to_string())?;
    let searcher = reader.searcher();
    let open = secs(t1);
    let t2 = Instant::now();
    let article = Article::read(article).map_err(|e| e.to_string())?;
    let statements = quotecheck::statements(&article);
    let speakers = quotecheck::corpus::speaker_list(side.speakers.clone());
    let found: Result<Vec<_>, String> = statements
        .into_par_iter()
        .map(|s| {
            let words = quotecheck::statement_words(&s);
            let hits = top_chunks(&searcher, &f, side.chunks, &words, &ordered_words(&s), mode)?;
            let (docs, files) = passages(&searcher, &f, hits)?;
            // The candidates as a small corpus, as `Index::corpus_for` makes them.
            let mut c = Corpus::from_documents(corpus, docs, side.skipped.clone());
            c.speakers = speakers.clone();
            c.roster = side.roster.clone();
            Ok((s, c, files))
        })
        .collect();
    let found = found?;
    let retrieve = secs(t2);
    let t3 = Instant::now();
    let rows = found
        .into_par_iter()
        .map(|(s, c, candidates)| {
            let id = s.statement_id.clone();
            let fnd =
                quotecheck::verdict::judge(&c, s, article.date, &quotecheck::Thresholds::default());
            Row {
                id,
                verdict: fnd.verdict.as_str().to_string(),
                source_file: fnd.source_file.unwrap_or_default(),
                source_line: fnd.source_line.unwrap_or(0),
                candidates,
            }
        })
        .collect();
    let judge = secs(t3);
    eprintln!(
        "timing fresh={fresh:.3} open={open:.3} retrieve={retrieve:.3} judge={judge:.3} total={:.3}",
        secs(t)
    );
    Ok(rows)
}
