//! Attribution extraction: finds every attributed statement in an article (direct, split and
//! partial quotes, reported speech, `according to`, continuation paragraphs) with its speaker,
//! cue and byte spans, and resolves who the speaker is.
//!
//! This file is the driver: paragraph by paragraph, sentence by sentence, and the joins across
//! them (a quote continuing the statement before it, a quotation-only paragraph continuing the
//! previous speaker, a quote left open into the next paragraph). The parts, in reading order:
//! `quotes.rs` and `sentence.rs` make a paragraph's tokens and sentences; `tokens.rs` holds the
//! paragraph (`Para`) and its token accessors; `cues.rs` finds cue words; `frames.rs` finds
//! each cue's attribution (`Attr`), with the speaker phrase from `speaker.rs` (a clause's own
//! subject: `subjects.rs`; asides between speaker and cue: `speaker_asides.rs`; speakers apart
//! from their cue: `remote_subjects.rs`),
//! and `bare_frames.rs` the frames without a cue word; `content.rs` decides the statement's
//! content (`adjuncts.rs`: what stands between cue and content; `quote_after.rs`: a quotation
//! with words before it; `reported.rs`: the reported clause after a cue; `senses.rs`: a cue
//! word in a sense that is no speech; `fronted.rs`: adverbial clauses before the main clause;
//! `ends.rs`: a learned model of where reported content ends);
//! `statement.rs` builds it (`Raw`); `turns.rs` reads a transcript turn set in the article
//! (`PENCE: ...`); `resolve.rs` names the speaker; `filter.rs` drops the reported statements
//! a learned model finds most likely no attribution. The word tables are data in `data/`, one
//! file each, loaded by `lexicon.rs`.

mod adjuncts;
mod as_frame;
mod bare_frames;
mod content;
mod cues;
pub mod ends;
pub mod filter;
mod frames;
mod fronted;
mod lexicon;
mod mentions;
mod nominal;
mod quote_after;
mod quotes;
mod remote_subjects;
mod reported;
mod resolve;
mod senses;
mod sentence;
mod speaker;
mod speaker_asides;
mod statement;
mod subjects;
mod tokens;
mod turns;

use crate::article::Article;
use crate::finding::{Kind, Span, Statement};
use quotes::{find_quotes, Quote, QuoteStyle};
use resolve::Resolver;
use rustc_hash::FxHashMap;
use statement::{append_piece, prepend_pieces};
use std::ops::Range;
use tokens::Para;

/// Extracts the statements of `article`, numbered `S1`, `S2`, ... in article order: those
/// the reading rules find and the learned filter keeps (`filter.rs`).
pub fn extract(article: &Article) -> Vec<Statement> {
    let mut out = extract_unfiltered(article);
    out.retain(|s| filter::keep(s, &article.text));
    number(&mut out);
    out
}

/// Numbers statements `S1`, `S2`, ... in order.
fn number(out: &mut [Statement]) {
    for (i, s) in out.iter_mut().enumerate() {
        s.statement_id = format!("S{}", i + 1);
    }
}

/// Extracts the statements the reading rules find in `article`, before the learned filter:
/// what `scripts/train-filter.py` trains the filter on.
pub fn extract_unfiltered(article: &Article) -> Vec<Statement> {
    let text = &article.text;
    let style = QuoteStyle::of(text);
    let mut resolver = Resolver::default();
    let mut out: Vec<Statement> = Vec::new();
    let mut prev_para_had_statement = false;
    // Quotations of a paragraph left open at its end, with no attribution yet: the next
    // paragraph's first direct statement takes them as its first pieces.
    let mut pending: Vec<Quote> = Vec::new();
    // A paragraph ending in `He said:` with no statement: the next paragraph's quotation.
    let mut colon_opener: Option<statement::Opener> = None;
    // Whether a transcript turn has been read (`PENCE: ...`).
    let mut in_transcript = false;
    for para in article
        .paragraphs()
        .into_iter()
        .flat_map(|p| line_paragraphs(text, p.start, p.end, style))
    {
        let quotes = find_quotes(text, para.start, para.end, style);
        let toks = sentence::tokenize(text, para.start, para.end, &quotes);
        if cues::is_furniture(text, &toks) {
            // "READ MORE: ...", a photo caption with its credit: not the article's text.
            pending.clear();
            prev_para_had_statement = false;
            continue;
        }
        // "PENCE: Well, look, ...": a transcript turn of someone the article has named (or
        // any labelled turn once the article has set one).
        if let Some(turn) = turns::transcript_turn(text, para.start, para.end)
            .filter(|t| in_transcript || resolver.knows_surname(t.surname()))
        {
            in_transcript = true;
            let raw = turn.raw(text);
            let resolved = resolver.resolve(&raw.mention, turn.opener.speaker_span[0]);
            out.push(raw.into_statement(article, resolved));
            pending.clear();
            colon_opener = None;
            prev_para_had_statement = true;
            continue;
        }
        let lowers = Para::fold_tokens(text, &toks);
        let p = Para {
            text,
            toks: &toks,
            lowers: &lowers,
            quotes: &quotes,
            headline: cues::is_headline(text, &toks),
        };
        let sentences = sentence::split(text, &toks, |i| p.attribution_follows(i));
        let sentences_last = sentences.last().cloned();
        let before = out.len();
        let mut prev_sentence: Option<Range<usize>> = None;
        for s in sentences {
            let (runs, cuts) = if p.headline {
                (p.headline_names(s.clone()), Vec::new())
            } else {
                p.person_runs(s.clone())
            };
            resolver.begin_sentence(&runs, cuts);
            let found = p.sentence(s.clone());
            if found.is_empty() && p.only_quotes(s.clone()) {
                // A quote with no attribution continues the statement before it in the paragraph.
                let has_prev = out.len() > before;
                if let Some(last) = out.last_mut().filter(|_| has_prev) {
                    for q in s.clone().filter_map(|i| p.quote_of(i)) {
                        append_piece(last, text, q);
                    }
                    resolver.end_sentence();
                    continue;
                }
            }
            let found = match prev_sentence.replace(s.clone()) {
                Some(prev) if found.is_empty() && p.only_quotes(s.clone()) => {
                    p.framed_by_previous(prev, s.clone()).into_iter().collect()
                }
                _ => found,
            };
            out.extend(resolver.resolve_sentence(article, found));
            resolver.end_sentence();
        }
        let opener = colon_opener.take();
        if let Some(o) = opener.filter(|_| out.len() == before) {
            // "He said:" closing the paragraph before: this quotation is his; so is a paragraph
            // set as a block quote, with no quotation mark and no attribution of its own.
            let raw = if p.only_quotes(0..toks.len()) {
                o.with_quotes(text, (0..toks.len()).filter_map(|i| p.quote_of(i)))
            } else if quotes.is_empty() {
                o.with_block(text, para.clone())
            } else {
                None
            };
            if let Some(raw) = raw {
                let resolved = resolver.resolve(&raw.mention, o.speaker_span[0]);
                out.push(raw.into_statement(article, resolved));
            }
        }
        if out.len() == before {
            colon_opener = sentences_last.and_then(|r| p.colon_opener(r));
        }
        if out.len() == before
            && prev_para_had_statement
            && p.only_quotes(0..toks.len())
            && !toks.is_empty()
        {
            // A paragraph that is only a quotation continues the previous speaker.
            if let Some(prev) = out.last().cloned() {
                let quotes_here: Vec<&Quote> =
                    (0..toks.len()).filter_map(|i| p.quote_of(i)).collect();
                let mut st = Statement {
                    kind: Kind::Direct,
                    cue: None,
                    cue_span: None,
                    content: String::new(),
                    quoted: Vec::new(),
                    content_span: None,
                    content_spans: None,
                    line: article.line_of(quotes_here[0].start),
                    via: None,
                    statement_date: prev.statement_date,
                    ..prev
                };
                for q in quotes_here {
                    append_piece(&mut st, text, q);
                }
                out.push(st);
            }
        }
        if let Some(st) = out.get_mut(before).filter(|st| st.kind == Kind::Direct) {
            prepend_pieces(st, article, &pending);
        }
        let left_open = quotes.last().is_some_and(|q| !q.closed);
        pending = if out.len() == before && left_open && p.only_quotes(0..toks.len()) {
            quotes.clone()
        } else {
            Vec::new()
        };
        prev_para_had_statement = out.len() > before;
    }
    drop_nested_reports(&mut out);
    number(&mut out);
    out
}

/// Drops each reported statement (no quotation in it) whose speaker opens another
/// statement's content, with its cue inside that content (`Obama said he had instructed
/// Kerry to ...`, `McFadden added Guccifer told him ...`): a report inside a report, whose
/// words the outer statement already holds. (On PolNeAR train 10 of 62 such statements
/// matched a gold attribution; the outer one matched in 50.)
fn drop_nested_reports(out: &mut Vec<Statement>) {
    let spans: Vec<Vec<Span>> = out.iter().map(Statement::spans).collect();
    let mut by_start: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (k, s) in spans.iter().enumerate() {
        if let Some(first) = s.first() {
            by_start.entry(first[0]).or_default().push(k);
        }
    }
    let nested: Vec<bool> = out
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let (Some(sp), Some(cue)) = (b.speaker_span, b.cue_span) else {
                return false;
            };
            let inside = |j: usize| spans[j].iter().any(|s| s[0] <= cue[0] && cue[1] <= s[1]);
            b.kind == Kind::Indirect
                && by_start
                    .get(&sp[0])
                    .is_some_and(|outer| outer.iter().any(|&j| j != k && inside(j)))
        })
        .collect();
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !nested[k - 1]
    });
}

/// A paragraph's own paragraphs when its lines are (text pasted with one newline between
/// paragraphs): a line break before a capital or a quotation mark, after a sentence end with
/// every quotation closed, or after a line longer than any hard wrap (`HARD_WRAP`: a headline
/// or lead pasted without its period). Hard-wrapped lines, which end mid-sentence or inside a
/// quotation, stay one paragraph.
fn line_paragraphs(text: &str, start: usize, end: usize, style: QuoteStyle) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = start;
    let mut pos = start;
    for line in text[start..end].split_inclusive('\n') {
        let line_end = pos + line.trim_end().len();
        pos += line.len();
        if pos >= end {
            break;
        }
        let next = text[pos..end].trim_start();
        let this_line = line.trim_end();
        let ends = text[from..line_end].ends_with(['.', '?', '!', '"', '\u{201d}', '\''])
            || pull_quote_line(this_line)
            || this_line.chars().count() > HARD_WRAP;
        let opens = next.starts_with(|c: char| c.is_uppercase() || article_quote(c));
        if ends && opens && (all_closed(text, from, line_end, style) || quote_continues(line, next))
        {
            out.push(from..line_end);
            from = end - next.len();
        }
    }
    out.push(from..end);
    out
}

/// The longest line a writer or a wire service hard-wraps at (wraps run 64 to 80 characters):
/// a longer line is a paragraph of its own.
const HARD_WRAP: usize = 100;

/// Whether every quotation in `text[from..to]` is closed.
fn all_closed(text: &str, from: usize, to: usize, style: QuoteStyle) -> bool {
    find_quotes(text, from, to, style).iter().all(|q| q.closed)
}

/// Whether a line that ends a sentence inside an open quotation is followed by a line that
/// opens one: the convention of a quotation running on into the next paragraph, whose
/// paragraph opens with a fresh mark (`... revel in it.` / `"There's another side ...`).
/// A hard-wrapped quotation does not open again at its next line.
fn quote_continues(line: &str, next: &str) -> bool {
    let line = line.trim_end();
    let mut chars = next.chars();
    line.ends_with(['.', '?', '!'])
        && chars.next().is_some_and(article_quote)
        && chars.next().is_some_and(char::is_alphanumeric)
}

/// Whether a line is a pull quote or reader comment: a quotation closed before a dash and a
/// short capitalised name (`"..." ― Jane Roe`), which ends its paragraph like a sentence.
fn pull_quote_line(line: &str) -> bool {
    let line = line.trim_end_matches(['.', ' ']);
    let Some((at, dash)) = line
        .char_indices()
        .rev()
        .find(|&(_, c)| frames::is_attribution_dash(c))
    else {
        return false;
    };
    let before = line[..at].trim_end();
    let name: Vec<&str> = line[at + dash.len_utf8()..].split_whitespace().collect();
    before.ends_with(['"', '\u{201d}', '\''])
        && (1..=5).contains(&name.len())
        && name.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// An opening quotation mark at a line's start.
fn article_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\'')
}

#[cfg(test)]
mod tests;
