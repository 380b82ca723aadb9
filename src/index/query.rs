//! Candidate retrieval: a statement's rarest informative words and nearby word pairs as a
//! tantivy query over the chunks, ranked so that passages holding more of the words come
//! first.

use super::format::{day, speaker_key};
use super::Index;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::finding::Statement;
use crate::matching::lexicon::lexicon;
use crate::matching::normalize::{tokenize, Side};
use std::cmp::Reverse;
use std::collections::HashMap;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Score, SegmentReader, Term};

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
    /// Candidate passages of the attributed speaker kept for the meaning layer.
    pub const MAX_SPEAKER_CANDIDATES: usize = 16;
    /// A word in more than this share of the passages is left out of the phrase queries
    /// (phrase queries on frequent words are tantivy's slow path).
    pub const PHRASE_COMMON_SHARE: f64 = 0.10;
    /// Word pairs queried as phrases, at most (the rarest pairs first).
    pub const MAX_PHRASES: usize = 12;
    /// The two words of a pair are at most this many positions apart in the statement.
    pub const PAIR_GAP: usize = 3;
    /// Slop of a pair's phrase query: a word inserted or dropped between them still matches.
    pub const PAIR_SLOP: u32 = 1;
    /// A statement of at most this many words with fewer than [`MIN_RARE`] rare words (`we
    /// are the weakest nation in the world`) is found by its order alone: its pairs are
    /// queried however common their words.
    pub const SHORT_STATEMENT: usize = 12;
    /// See [`SHORT_STATEMENT`].
    pub const MIN_RARE: usize = 3;
    /// The score of holding a query word, added to the word's rarity (a few units at most):
    /// passages holding more query words rank first, and one holding fewer than
    /// [`MIN_SHARED`] is known by its score. (Requiring [`MIN_SHARED`] inside the query
    /// instead makes tantivy walk the postings through a heap: batch against the PM
    /// transcripts took 1.4x as long.)
    pub const HELD: f64 = 1000.0;
}

/// The normalised words a statement may be found by: its content and quoted words, also
/// with the shifts of reported speech undone (`he would` -> `i will`).
pub fn statement_words(s: &Statement) -> Vec<String> {
    let shifts = &lexicon().shifts;
    let text = format!("{} {}", s.content, s.quoted.join(" "));
    let mut words: Vec<String> = Vec::new();
    for t in tokenize(&text, Side::Statement) {
        if let Some(own) = shifts.get(t.norm.as_str()) {
            words.extend(own.iter().map(|w| w.to_string()));
        }
        words.push(t.norm.into_string());
    }
    words.sort_unstable();
    words.dedup();
    words
}

/// A statement's words in order (normalised as [`statement_words`] are), `None` at an
/// ellipsis: the order that retrieval's phrase queries look for.
pub fn statement_order(s: &Statement) -> Vec<Option<String>> {
    tokenize(&s.content, Side::Statement)
        .into_iter()
        .map(|t| (!t.is_ellipsis()).then_some(t.norm.into_string()))
        .collect()
}

impl Index {
    /// The passages worth aligning a statement with: pairs of consecutive chunks (named by
    /// the first) holding at least [`retrieval::MIN_SHARED`] of its rarest informative words
    /// (`words`: its normalised words, sorted). Ranked by how many of those words they hold,
    /// then by the summed rarity of those words and of the pairs of nearby statement words
    /// they hold in the statement's order (phrase queries with slop; `ordered`: its words in
    /// order, `None` at an ellipsis), each counted once; ties in corpus order; at most
    /// [`retrieval::MAX_CANDIDATES`].
    ///
    /// Passages dated after `until` (when given) cannot support the statement: they rank
    /// after every passage that can, and fill only the places those leave.
    pub fn candidates(
        &self,
        words: &[String],
        ordered: &[Option<String>],
        until: Option<Date>,
    ) -> Result<Vec<u32>> {
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
        // A short statement of common words is found by its order (below), so its commoner
        // words join the query too: otherwise one rare word it changed (`weakest` for
        // `strongest`) and one other would be all a passage must hold.
        let common_words_only = ordered.len() <= SHORT_STATEMENT && rare < MIN_RARE;
        let least = if common_words_only {
            MIN_RARE + 1
        } else {
            MIN_SHARED
        };
        query.truncate(rare.clamp(least, MAX_QUERY_WORDS));
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
        // Pairs of nearby, not very common words of the statement, in its order; for a short
        // statement of common words, any pair.
        let cap = if common_words_only {
            u64::MAX
        } else {
            ((units * PHRASE_COMMON_SHARE) as u64).max(1)
        };
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
        let floor = (need as f64 * HELD) as Score;
        let last = until.map_or(u64::MAX, |d| day(Some(d)));
        // Ranked: passages holding enough words first, those that can support the statement
        // (of a known speaker, dated on or before `until` or undated) before later ones and
        // unknown speakers', then by score, then by chunk number: the same passages whatever
        // the segments.
        let top = TopDocs::with_limit(MAX_CANDIDATES).tweak_score(move |seg: &SegmentReader| {
            let (chunk, days, known) = (
                column(seg, "chunk"),
                column(seg, "day"),
                column(seg, "known"),
            );
            move |doc: DocId, score: Score| {
                let c = chunk(doc).unwrap_or(u64::MAX);
                let d = days(doc).unwrap_or(0);
                // A turn of unknown speaker (a caption without voices) is never evidence.
                let k = known(doc).unwrap_or(1) == 1;
                (score >= floor, k && d <= last, k, score, Reverse(c))
            }
        });
        let hits = self
            .searcher
            .search(&q, &top)
            .map_err(|e| self.search_error(e))?;
        self.held_chunks(hits)
    }
}

/// A fast field of a segment's documents, as a function of the document (`None` when the
/// segment or the document has no value).
fn column(seg: &SegmentReader, name: &str) -> impl Fn(DocId) -> Option<u64> {
    let col = seg.fast_fields().u64(name).ok();
    move |doc| col.as_ref().and_then(|c| c.first(doc))
}

/// How a hit ranks: whether it holds enough words (and can be used), whether it can support
/// the statement, whether its speaker is known, its score, its chunk number.
type Rank = (bool, bool, bool, Score, Reverse<u64>);

impl Index {
    /// The chunk numbers of the hits that hold enough words, in rank order, checked against
    /// the index's chunks.
    fn held_chunks(&self, hits: Vec<(Rank, tantivy::DocAddress)>) -> Result<Vec<u32>> {
        hits.into_iter()
            .filter(|((held, ..), _)| *held)
            .map(|((.., Reverse(c)), _)| {
                u32::try_from(c)
                    .ok()
                    .filter(|&c| c < self.meta.chunks)
                    .ok_or_else(|| Error::bad_index(&self.path, "chunk id out of range"))
            })
            .collect()
    }
}

/// The forms of `word` a passage may hold it in, for the meaning layer, which reads words by
/// their stems: the word, its base form when irregular (`paid` -> `pay`) and the irregular
/// forms of a base, and the word with and without a regular ending (`paying`, `pays`, `paid`
/// -> `pay`; `raising` -> `raised`). Forms the corpus lacks are dropped by the caller.
fn forms(word: &str) -> Vec<String> {
    let irregular = &lexicon().irregular;
    let mut out = Vec::new();
    out.extend(
        irregular
            .iter()
            .filter(|(_, &b)| b == word)
            .map(|(f, _)| f.to_string()),
    );
    let mut bases = vec![word.to_string()];
    if let Some(base) = irregular.get(word) {
        bases.push(base.to_string());
    }
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(stem) = word.strip_suffix(suffix).filter(|s| s.len() >= 3) {
            bases.push(stem.to_string());
            bases.push(format!("{stem}e"));
        }
    }
    for b in &bases {
        out.push(b.clone());
        for ending in ["s", "es", "ed", "ing"] {
            out.push(format!("{b}{ending}"));
        }
        if let Some(e) = b.strip_suffix('e') {
            out.push(format!("{b}d"));
            out.push(format!("{e}ing"));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl Index {
    /// The passages of one speaker (`speakers`: the corpus names they go by), dated on or
    /// before `until` or undated, that hold at least [`retrieval::MIN_SHARED`] of a
    /// statement's informative words in any of their forms ([`forms`]): what the meaning
    /// layer reads. A reporter's summary shares too few words in order with what was said to
    /// rank by its words among everyone's passages, and its words are often common ones
    /// (`tax`), so each word counts, the rarest [`retrieval::MAX_QUERY_WORDS`] first. Ranked
    /// by how many words they hold, then by their rarity, then in corpus order; at most
    /// [`retrieval::MAX_SPEAKER_CANDIDATES`].
    pub fn speaker_candidates(
        &self,
        words: &[String],
        until: Option<Date>,
        speakers: &[String],
    ) -> Result<Vec<u32>> {
        use retrieval::*;
        let f = &self.fields;
        let fillers = &lexicon().fillers;
        let keys: Vec<u64> = speakers.iter().map(|s| speaker_key(s)).collect();
        let units = 2.0 * f64::from(self.meta.chunks.max(1));
        // Each word with the forms the corpus holds, by the rarity of its rarest form.
        let mut groups: Vec<(u64, Vec<&str>, Vec<Term>)> = Vec::new();
        for w in words.iter().filter(|w| !fillers.contains(w.as_str())) {
            let mut terms = Vec::new();
            let mut least = u64::MAX;
            for form in forms(w) {
                let term = Term::from_field_text(f.words, &form);
                let d = self
                    .searcher
                    .doc_freq(&term)
                    .map_err(|e| self.search_error(e))?;
                if d > 0 {
                    least = least.min(d);
                    terms.push(term);
                }
            }
            if !terms.is_empty() && !keys.is_empty() {
                groups.push((least, vec![w.as_str()], terms));
            }
        }
        groups.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        groups.truncate(MAX_QUERY_WORDS);
        if groups.is_empty() {
            return Ok(Vec::new());
        }
        let need = MIN_SHARED.min(groups.len());
        let clauses: Vec<(Occur, Box<dyn Query>)> = groups
            .into_iter()
            .map(|(d, _, terms)| {
                let any: Vec<(Occur, Box<dyn Query>)> = terms
                    .into_iter()
                    .map(|t| {
                        let q: Box<dyn Query> =
                            Box::new(TermQuery::new(t, IndexRecordOption::Basic));
                        (Occur::Should, q)
                    })
                    .collect();
                let idf = (units / d.max(1) as f64).ln() + 1.0;
                let q: Box<dyn Query> = Box::new(ConstScoreQuery::new(
                    Box::new(BooleanQuery::new(any)),
                    (HELD + idf) as Score,
                ));
                (Occur::Should, q)
            })
            .collect();
        // Only the speaker's chunks are scored: the words' postings are intersected with theirs.
        let theirs: Vec<(Occur, Box<dyn Query>)> = keys
            .iter()
            .map(|&k| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_u64(f.speaker, k),
                    IndexRecordOption::Basic,
                ));
                (Occur::Should, q)
            })
            .collect();
        let q = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(
                    Box::new(BooleanQuery::new(theirs)),
                    0.0,
                )),
            ),
        ]);
        let floor = (need as f64 * HELD) as Score;
        let last = until.map_or(u64::MAX, |d| day(Some(d)));
        // The query holds only the speaker's chunks.
        let top =
            TopDocs::with_limit(MAX_SPEAKER_CANDIDATES).tweak_score(move |seg: &SegmentReader| {
                let (chunk, days) = (column(seg, "chunk"), column(seg, "day"));
                move |doc: DocId, score: Score| {
                    let c = chunk(doc).unwrap_or(u64::MAX);
                    let held = score >= floor && days(doc).unwrap_or(0) <= last;
                    (held, true, true, score, Reverse(c))
                }
            });
        let hits = self
            .searcher
            .search(&q, &top)
            .map_err(|e| self.search_error(e))?;
        self.held_chunks(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{build, test_corpus as corpus};

    fn words(s: &str) -> (Vec<String>, Vec<Option<String>>) {
        let ordered: Vec<String> = tokenize(s, Side::Statement)
            .into_iter()
            .map(|t| t.norm.into_string())
            .collect();
        let mut sorted = ordered.clone();
        sorted.sort_unstable();
        sorted.dedup();
        (sorted, ordered.into_iter().map(Some).collect())
    }

    #[test]
    fn forms_of_a_word_table() {
        let table: [(&str, &[&str]); 3] = [
            ("raising", &["raise", "raised", "raises", "raising"]),
            ("paid", &["pay", "paying", "pays"]),
            ("wages", &["wage", "wages"]),
        ];
        for (word, want) in table {
            let got = forms(word);
            for w in want {
                assert!(got.iter().any(|g| g == w), "{word}: {w} not in {got:?}");
            }
        }
    }

    #[test]
    fn speaker_candidates_are_the_speakers_passages_in_any_form_up_to_the_date() {
        let dir = corpus(&[
            ("a.txt", "we raised the wages of nurses in the spring"),
            ("c.txt", "the river flooded the lower town twice"),
        ]);
        std::fs::write(
            dir.path().join("b.txt"),
            "---\ntitle: b\ndate: 2021-01-01\n---\n\nJohn Doe: we raised the wages of nurses in the spring\n",
        )
        .unwrap();
        let out = dir.path().join("i.idx");
        build(dir.path(), &out).unwrap();
        let index = Index::open(&out, dir.path()).unwrap();
        let (w, _) = words("raising nurse wages");
        let day = |s: &str| Date::parse_iso(s);
        // Files in order: a.txt 0 (Jane Roe), b.txt 1 (John Doe), c.txt 2.
        let table: [(&str, &str, Option<Date>, &[u32]); 4] = [
            ("the speaker's passage only", "Jane Roe", None, &[0]),
            ("another speaker's", "John Doe", None, &[1]),
            (
                "dated on or before the cutoff",
                "Jane Roe",
                day("2021-01-01"),
                &[0],
            ),
            ("not after it", "Jane Roe", day("2020-12-31"), &[]),
        ];
        for (name, speaker, until, want) in table {
            let got = index
                .speaker_candidates(&w, until, &[speaker.to_string()])
                .unwrap();
            assert_eq!(got, want, "{name}");
        }
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
            assert_eq!(index.candidates(&w, &o, None).unwrap(), want, "{name}");
        }
    }
}
