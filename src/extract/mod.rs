//! Attribution extraction: finds every attributed statement in an article (direct, split and
//! partial quotes, reported speech, `according to`, continuation paragraphs) with its speaker,
//! cue and byte spans, and resolves who the speaker is.

mod lexicon;
mod quotes;
mod resolve;
mod sentence;

use crate::article::Article;
use crate::finding::{Kind, Span, Statement};
use lexicon::{lexicon, CueClass, WEEKDAYS};
use quotes::{find_quotes, Quote};
use resolve::Resolver;
use sentence::{Tok, TokKind};
use std::ops::Range;

/// Most words taken as a clause subject when no speaker phrase was recognised.
const MAX_SUBJECT_WORDS: usize = 10;

/// Most tokens an appositive between a speaker and the cue may have.
const MAX_APPOSITIVE: usize = 48;
/// Most words a speaker phrase may have.
const MAX_SPEAKER_WORDS: usize = 12;
/// Most words between a closing attribution's cue and its end (`said in a recent interview`).
const MAX_TAIL_WORDS: usize = 8;
/// Most quotation pieces joined into one statement (bounds the work on endless quote runs).
const MAX_PIECES: usize = 64;
/// Fewest words of reported content.
const MIN_REPORTED_WORDS: usize = 2;

/// Extracts the statements of `article`, numbered `S1`, `S2`, ... in article order.
pub fn extract(article: &Article) -> Vec<Statement> {
    let text = &article.text;
    let mut resolver = Resolver::default();
    let mut out: Vec<Statement> = Vec::new();
    let mut prev_para_had_statement = false;
    // Quotations of a paragraph left open at its end, with no attribution yet: the next
    // paragraph's first direct statement takes them as its first pieces.
    let mut pending: Vec<Quote> = Vec::new();
    for para in article.paragraphs() {
        let quotes = find_quotes(text, para.start, para.end);
        let toks = sentence::tokenize(text, para.start, para.end, &quotes);
        let p = Para {
            text,
            toks: &toks,
            quotes: &quotes,
            headline: is_headline(text, &toks),
        };
        let sentences = sentence::split(text, &toks, |i| p.attribution_follows(i));
        let before = out.len();
        let mut prev_sentence: Option<Range<usize>> = None;
        for s in sentences {
            let words: Vec<&str> = s
                .clone()
                .filter(|&i| p.is_word(i))
                .map(|i| p.s(i))
                .collect();
            let found = p.sentence(s.clone());
            if found.is_empty() && p.only_quotes(s.clone()) {
                // A quote with no attribution continues the statement before it in the paragraph.
                let has_prev = out.len() > before;
                if let Some(last) = out.last_mut().filter(|_| has_prev) {
                    for q in s.clone().filter_map(|i| p.quote_of(i)) {
                        append_piece(last, text, q);
                    }
                    resolver.note_names(&words);
                    continue;
                }
            }
            let found = match prev_sentence.replace(s.clone()) {
                Some(prev) if found.is_empty() && p.only_quotes(s.clone()) => {
                    p.framed_by_previous(prev, s.clone()).into_iter().collect()
                }
                _ => found,
            };
            for raw in found {
                let resolved = resolver.resolve(&raw.mention);
                out.push(raw.into_statement(article, resolved));
            }
            resolver.note_names(&words);
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
    for (i, s) in out.iter_mut().enumerate() {
        s.statement_id = format!("S{}", i + 1);
    }
    out
}

/// Most words in a paragraph read as a title-case headline.
const MAX_HEADLINE_WORDS: usize = 30;

/// Whether a paragraph is a title-case headline: short, and (nearly) every word of four or
/// more letters capitalised.
fn is_headline(text: &str, toks: &[Tok]) -> bool {
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| &text[t.start..t.end])
        .collect();
    if words.len() < 3 || words.len() > MAX_HEADLINE_WORDS {
        return false;
    }
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let caps = long
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    long.len() >= 3 && caps * 10 >= long.len() * 9
}

/// Puts quotations before a direct statement's pieces (a quote opened in an earlier paragraph).
fn prepend_pieces(st: &mut Statement, article: &Article, qs: &[Quote]) {
    if qs.is_empty() {
        return;
    }
    let text = &article.text;
    let mut spans: Vec<Span> = qs
        .iter()
        .map(|q| trim_span(text, [q.start, q.end]))
        .filter(|s| s[1] > s[0])
        .collect();
    spans.extend(st.spans());
    spans.truncate(MAX_PIECES);
    st.quoted = spans.iter().map(|s| text[s[0]..s[1]].to_string()).collect();
    st.content = st.quoted.join(" ... ");
    st.line = article.line_of(spans[0][0]);
    st.content_span = (spans.len() == 1).then(|| spans[0]);
    st.content_spans = (spans.len() > 1).then_some(spans);
}

/// Adds a quotation to a statement as one more content piece.
fn append_piece(st: &mut Statement, text: &str, q: &Quote) {
    if st.quoted.len() >= MAX_PIECES {
        return;
    }
    let span = trim_span(text, [q.start, q.end]);
    let piece = text[span[0]..span[1]].to_string();
    let mut spans = st.spans();
    spans.push(span);
    st.content = if st.content.is_empty() {
        piece.clone()
    } else {
        format!("{} ... {}", st.content, piece)
    };
    st.quoted.push(piece);
    if spans.len() == 1 {
        st.content_span = Some(spans[0]);
        st.content_spans = None;
    } else {
        st.content_span = None;
        st.content_spans = Some(spans);
    }
}

/// Trims white space and trailing commas, colons and semicolons from a span.
fn trim_span(text: &str, [s, e]: Span) -> Span {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '\u{2014}' | '-')
    });
    [s + lead, (s + trimmed.len()).max(s + lead)]
}

/// A paragraph being analysed.
struct Para<'a> {
    text: &'a str,
    toks: &'a [Tok],
    quotes: &'a [Quote],
    /// A title-case line (`Clinton Says Russians Hacked DNC`): capitalised cues count.
    headline: bool,
}

/// How the speaker stands to the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `Smith said`
    Before,
    /// `said Smith`
    Inverted,
    /// `Ukraine, which had warned`
    Relative,
    /// `..., saying`
    Participle,
    /// `according to Smith`
    According,
}

/// An attribution found in a sentence, before its content is decided.
#[derive(Debug, Clone)]
struct Attr {
    cue: Range<usize>,
    class: CueClass,
    form: Form,
    /// The speaker phrase as written (tokens), and the part of it that names the speaker.
    speaker: Range<usize>,
    name: Range<usize>,
    date_tok: Option<usize>,
    /// First token of the attribution's own words (content of others stops here).
    region: usize,
}

/// A statement before speaker resolution.
struct Raw {
    kind: Kind,
    mention: String,
    speaker_span: Span,
    cue: Option<String>,
    cue_span: Option<Span>,
    spans: Vec<Span>,
    quoted: Vec<String>,
    date: Option<usize>,
    via: Option<String>,
}

impl Raw {
    fn into_statement(self, article: &Article, r: resolve::Resolved) -> Statement {
        let text = &article.text;
        let content = self
            .spans
            .iter()
            .map(|s| &text[s[0]..s[1]])
            .collect::<Vec<_>>()
            .join(" ... ");
        let statement_date = self.date.zip(article.date).map(|(w, d)| d.last_weekday(w));
        Statement {
            file: article.path.clone(),
            statement_id: String::new(),
            line: article.line_of(self.spans.first().map_or(0, |s| s[0])),
            kind: self.kind,
            speaker: r.name,
            speaker_mention: self.mention,
            speaker_role: r.role,
            speaker_type: r.kind,
            cue: self.cue,
            content,
            quoted: self.quoted,
            content_span: (self.spans.len() == 1).then(|| self.spans[0]),
            content_spans: (self.spans.len() > 1).then(|| self.spans.clone()),
            speaker_span: Some(self.speaker_span),
            cue_span: self.cue_span,
            statement_date,
            via: self.via,
        }
    }
}

impl<'a> Para<'a> {
    fn s(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }
    fn lower(&self, i: usize) -> String {
        self.s(i).to_lowercase().replace('\u{2019}', "'")
    }
    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }
    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Punct) && p.contains(self.s(i))
    }
    fn quote_of(&self, i: usize) -> Option<&'a Quote> {
        match self.toks.get(i)?.kind {
            TokKind::Quote(q) => self.quotes.get(q),
            _ => None,
        }
    }
    fn is_quote(&self, i: usize) -> bool {
        self.quote_of(i).is_some()
    }
    fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).chars().next().is_some_and(|c| c.is_uppercase())
    }
    fn weekday(&self, i: usize) -> Option<usize> {
        if !self.is_word(i) {
            return None;
        }
        let w = self.lower(i);
        WEEKDAYS.iter().position(|d| *d == w)
    }
    fn span(&self, r: Range<usize>) -> Span {
        [self.toks[r.start].start, self.toks[r.end - 1].end]
    }
    fn words(&self, r: Range<usize>) -> String {
        if r.is_empty() {
            return String::new();
        }
        let [s, e] = self.span(r);
        self.text[s..e]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// True when the sentence is quotations and punctuation only.
    fn only_quotes(&self, r: Range<usize>) -> bool {
        let mut any = false;
        for i in r {
            if self.is_quote(i) {
                any = true;
            } else if self.is_word(i) {
                return false;
            }
        }
        any
    }

    /// The cue starting at token `i`, if any: (token length, class).
    fn cue_at(&self, i: usize, end: usize) -> Option<(usize, CueClass)> {
        if !self.is_word(i) {
            return None;
        }
        let forms = lexicon().cues.get(self.lower(i).as_str())?;
        forms.iter().find_map(|(words, class)| {
            let fits = words
                .iter()
                .enumerate()
                .all(|(k, w)| i + k < end && self.is_word(i + k) && self.lower(i + k) == *w);
            fits.then_some((words.len(), *class))
        })
    }

    /// Whether the tokens from `i` read as a closing attribution (`Smith said.`, `he added
    /// Friday,`, `said Smith`): a cue within a few words, followed by at most a few words (a
    /// speaker or adjuncts) and then punctuation. `Smith said the talks "failed"` is reported
    /// speech of its own, not the attribution of a quote before it.
    fn attribution_follows(&self, i: usize) -> bool {
        let n = self.toks.len();
        let Some((k, len)) = (i..(i + 6).min(n))
            .take_while(|&k| k == i || !self.is_quote(k))
            .find_map(|k| self.cue_at(k, n).map(|(len, _)| (k, len)))
        else {
            return false;
        };
        let mut e = k + len;
        while e < n && self.is_word(e) && e - (k + len) <= MAX_TAIL_WORDS {
            if self.lower(e) == "that" {
                return false;
            }
            e += 1;
        }
        e == n || (self.toks[e].kind == TokKind::Punct && e - (k + len) <= MAX_TAIL_WORDS)
    }

    /// Is token `i` a word that may stand in a speaker phrase?
    fn np_word(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let w = self.lower(i);
        self.is_cap(i)
            || crate::speakers::is_title_word(&w)
            || lexicon().source_nouns.contains(w.as_str())
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
    }

    /// The speaker phrase ending just before token `end` (exclusive), reading backwards over
    /// time words and auxiliaries first. Returns (phrase, name part, weekday token).
    fn speaker_before(
        &self,
        lo: usize,
        end: usize,
        object_ok: bool,
    ) -> Option<(Range<usize>, Range<usize>, Option<usize>)> {
        let lex = lexicon();
        let mut j = end;
        let mut date_tok = None;
        while j > lo && self.is_word(j - 1) {
            let w = self.lower(j - 1);
            if let Some(d) = self.weekday(j - 1) {
                date_tok = Some(d);
            } else {
                // time words, and adverbs ("Carter however said", "he flatly denied")
                let adverb = w.ends_with("ly") && !self.is_cap(j - 1);
                if !adverb && !lex.time_words.contains(w.as_str()) {
                    break;
                }
            }
            j -= 1;
        }
        if j == lo {
            return None;
        }
        // "Smith, a doctor at X, said" / "Sen. Smith (R-Ky.) said": the phrase before the
        // appositive or parenthesis names the speaker; the phrase runs to the appositive's end.
        // The opening comma is the nearest one before which a speaker phrase starts the clause
        // ("Geoff Garin, a pollster who works with Priorities USA, a super PAC, said").
        if self.is_punct(j - 1, ",)") && j - 1 > lo {
            let floor = (j - 1).saturating_sub(MAX_APPOSITIVE).max(lo + 1);
            for open in (floor..j - 1).rev() {
                if self.is_punct(open, ".;:!?") {
                    break;
                }
                if !self.is_punct(open, ",(") {
                    continue;
                }
                // "Rep. Bobby Scott (D-Va.), a member of X, said": skip the parenthesis.
                let mut stop = open;
                if self.is_punct(stop - 1, ")") {
                    match (stop.saturating_sub(8).max(lo)..stop - 1)
                        .rev()
                        .find(|&k| self.is_punct(k, "("))
                    {
                        Some(k) => stop = k,
                        None => continue,
                    }
                }
                if stop <= lo || !self.is_word(stop - 1) {
                    continue;
                }
                let Some((sp, name, _)) = self.speaker_phrase(lo, stop, object_ok, date_tok) else {
                    continue;
                };
                let before = sp.start.checked_sub(1).filter(|&b| b >= lo);
                if before.is_none_or(|b| {
                    !self.is_word(b) || lex.coordinators.contains(self.lower(b).as_str())
                }) {
                    return Some((sp.start..j, name, date_tok));
                }
            }
            return None;
        }
        self.speaker_phrase(lo, j, object_ok, date_tok)
    }

    /// The speaker phrase ending at `stop` (exclusive), after time words were skipped.
    fn speaker_phrase(
        &self,
        lo: usize,
        stop: usize,
        object_ok: bool,
        date_tok: Option<usize>,
    ) -> Option<(Range<usize>, Range<usize>, Option<usize>)> {
        let lex = lexicon();
        // "praised the bill and stressed": a conjunction before the cue joins a second verb.
        if lex.coordinators.contains(self.lower(stop - 1).as_str()) {
            return None;
        }
        // A pronoun right before the cue is the whole phrase.
        let w = self.lower(stop - 1);
        if lex.pronouns.contains_key(w.as_str()) && self.is_word(stop - 1) {
            return Some((stop - 1..stop, stop - 1..stop, date_tok));
        }
        // "Several said", "and others say": a quantifier standing alone opening the clause.
        let clause_start = stop - 1 == lo
            || !self.is_word(stop - 2)
            || lex.coordinators.contains(self.lower(stop - 2).as_str());
        if self.is_word(stop - 1) && clause_start && lex.standalone_quantifiers.contains(w.as_str())
        {
            return Some((stop - 1..stop, stop - 1..stop, date_tok));
        }
        let mut k = stop;
        let mut lowercase_run = 0;
        while k > lo && stop - k < MAX_SPEAKER_WORDS {
            let i = k - 1;
            let w = self.lower(i);
            if lex.determiners.contains(w.as_str()) {
                k = i;
                break;
            }
            let joins = lex.name_joins.contains(w.as_str())
                && k < stop
                && self.is_cap(k)
                && i > lo
                && self.np_word(i - 1);
            if self.np_word(i) || joins {
                k = i;
                continue;
            }
            // A plural common noun or a short lowercase noun phrase ("officials", "the ministry")
            if self.is_word(i)
                && !lex.prepositions.contains(w.as_str())
                && lowercase_run < 3
                && k == stop
                && w.len() > 2
                && !w.ends_with("ly")
            {
                let det_before = (i.saturating_sub(3)..i)
                    .rev()
                    .take_while(|&x| x >= lo && self.is_word(x))
                    .any(|x| lex.determiners.contains(self.lower(x).as_str()));
                if det_before || (w.ends_with('s') && !w.ends_with("ss")) {
                    lowercase_run += 1;
                    k = i;
                    continue;
                }
            }
            if self.is_word(i)
                && lowercase_run > 0
                && lowercase_run < 3
                && !lex.prepositions.contains(w.as_str())
                && !lex.passive_auxiliaries.contains(w.as_str())
            {
                lowercase_run += 1;
                k = i;
                continue;
            }
            break;
        }
        // "But Sanders told": a sentence-initial conjunction is not part of the phrase.
        while k < stop && lex.coordinators.contains(self.lower(k).as_str()) {
            k += 1;
        }
        // A phrase of function words only ("That said", "When asked", "As reported") names
        // no one.
        let function_word = |i: usize| {
            let w = self.lower(i);
            lex.determiners.contains(w.as_str())
                || lex.prepositions.contains(w.as_str())
                || lex.subordinators.contains(w.as_str())
        };
        if k == stop || (k..stop).all(function_word) {
            return None;
        }
        // Leading lowercase words must end at a determiner or the start (no verbs before nouns).
        if !self.is_cap(k)
            && !lex.determiners.contains(self.lower(k).as_str())
            && !(k..stop).all(|i| self.np_word(i))
        {
            let boundary = k == lo || !self.is_word(k - 1);
            if !boundary {
                return None;
            }
        }
        // "a statement from the White House": the phrase is the whole, the name is X.
        if k > lo + 1
            && self.is_word(k - 1)
            && lex.source_links.contains(self.lower(k - 1).as_str())
        {
            let mut h = k - 1;
            let noun = h
                .checked_sub(1)
                .filter(|&n| n >= lo && lex.source_nouns.contains(self.lower(n).as_str()));
            if let Some(n) = noun {
                h = n;
                while h > lo
                    && self.is_word(h - 1)
                    && (self.np_word(h - 1)
                        || lex.determiners.contains(self.lower(h - 1).as_str())
                        || self.lower(h - 1) == "a")
                {
                    h -= 1;
                    if lex.determiners.contains(self.lower(h).as_str()) {
                        break;
                    }
                }
                return Some((h..stop, k..stop, date_tok));
            }
        }
        // After a preposition the phrase is an object, not a subject.
        if !object_ok
            && k > lo
            && self.is_word(k - 1)
            && lex.prepositions.contains(self.lower(k - 1).as_str())
        {
            return None;
        }
        if k > lo
            && self.is_word(k - 1)
            && lex.passive_auxiliaries.contains(self.lower(k - 1).as_str())
        {
            return None;
        }
        Some((k..stop, k..stop, date_tok))
    }

    /// A speaker phrase reading forwards from `from`, up to punctuation, a quotation or a word
    /// that opens an adjunct (`in an interview`, `who added`). It must hold a name, title or
    /// source noun (`one former GOP aide`), or open with a determiner or pronoun.
    fn speaker_after(&self, from: usize, hi: usize) -> Option<Range<usize>> {
        let lex = lexicon();
        let mut k = from;
        while k < hi
            && self.is_word(k)
            && k - from < MAX_SPEAKER_WORDS
            && (k == from || !lex.phrase_breaks.contains(self.lower(k).as_str()))
        {
            k += 1;
        }
        let r = from..k;
        if r.is_empty() {
            return None;
        }
        let w = self.lower(from);
        let opens = lex.determiners.contains(w.as_str())
            || lex.quantifiers.contains(w.as_str())
            || lex.pronouns.contains_key(w.as_str());
        let blocked = lex.prepositions.contains(w.as_str())
            || lex.phrase_breaks.contains(w.as_str())
            || w == "to";
        (!blocked && (opens || r.clone().any(|i| self.np_word(i)))).then_some(r)
    }

    /// Skips what may stand between a cue and its content: time words, `in a statement`,
    /// `to reporters`, `in Washington`. Returns the new position and any weekday.
    fn skip_adjuncts(&self, mut i: usize, hi: usize, date: &mut Option<usize>) -> usize {
        let lex = lexicon();
        loop {
            if i >= hi || !self.is_word(i) {
                return i;
            }
            let w = self.lower(i);
            if let Some(d) = self.weekday(i) {
                *date = Some(d);
                i += 1;
                continue;
            }
            if lex.weekday_openers.contains(w.as_str()) && self.weekday(i + 1).is_some() {
                i += 1;
                continue;
            }
            if lex.cue_adverbs.contains(w.as_str()) {
                i += 1;
                continue;
            }
            if lex.prepositions.contains(w.as_str()) {
                // prep [det] [adj] HEAD [with|on|to NAME...]
                let mut k = i + 1;
                while k < hi
                    && self.is_word(k)
                    && (lex.determiners.contains(self.lower(k).as_str()) || self.lower(k) == "a")
                {
                    k += 1;
                }
                let head_at = (k..(k + 3).min(hi))
                    .find(|&h| self.is_word(h) && lex.pp_heads.contains(self.lower(h).as_str()));
                if let Some(h) = head_at {
                    let mut e = h + 1;
                    if e < hi
                        && self.is_word(e)
                        && lex.pp_head_links.contains(self.lower(e).as_str())
                        && self.is_cap(e + 1)
                    {
                        e += 1;
                        while e < hi
                            && (self.is_cap(e)
                                || (self.is_word(e)
                                    && lex.pp_name_joins.contains(self.lower(e).as_str())))
                        {
                            e += 1;
                        }
                    }
                    i = e;
                    continue;
                }
                if self.is_cap(k) && k < hi && w != "of" {
                    let mut e = k;
                    while e < hi && self.is_cap(e) {
                        e += 1;
                    }
                    // "in Washington he said" / "to CNN that": the phrase ends before a clause
                    i = e;
                    continue;
                }
                if w == "to" && k < hi && lex.press.contains(self.lower(k).as_str()) {
                    i = k + 1;
                    continue;
                }
            }
            return i;
        }
    }

    /// An addressee after a `tell` cue: a pronoun, a capitalised name with its titles, or a
    /// short noun phrase. Returns the position after it.
    fn skip_addressee(&self, i: usize, hi: usize) -> usize {
        let lex = lexicon();
        if i >= hi || !self.is_word(i) {
            return i;
        }
        let w = self.lower(i);
        if !self.is_cap(i) && lex.addressees.contains(w.as_str()) {
            return i + 1;
        }
        let mut k = i;
        if lex.determiners.contains(w.as_str()) {
            k += 1;
        }
        let start = k;
        while k < hi
            && (self.np_word(k)
                || (self.is_word(k)
                    && lex.addressee_joins.contains(self.lower(k).as_str())
                    && self.np_word(k + 1)))
        {
            k += 1;
        }
        if k > start {
            return k;
        }
        // "his closest advisers": a determiner and a few lowercase words up to a clause opener.
        if k > i {
            let mut e = k;
            while e < hi && e - k < 4 && self.is_word(e) && !self.is_cap(e) {
                let w = self.lower(e);
                if w == "that" || lex.subordinators.contains(w.as_str()) {
                    break;
                }
                e += 1;
            }
            if e > k && (e >= hi || !self.is_word(e) || self.lower(e) == "that") {
                return e;
            }
        }
        i
    }

    /// Finds the attributions of a sentence and the statements they give.
    fn sentence(&self, r: Range<usize>) -> Vec<Raw> {
        let lex = lexicon();
        let (lo, hi) = (r.start, r.end);
        let mut attrs: Vec<Attr> = Vec::new();
        let mut i = lo;
        while i < hi {
            let Some((len, class)) = self.cue_at(i, hi) else {
                i += 1;
                continue;
            };
            // A capitalised cue inside a name ("Press Secretary") is not a cue, except in a
            // title-case headline.
            if self.is_cap(i) && i > lo && self.is_cap(i - 1) && !self.headline {
                i += 1;
                continue;
            }
            // A cue word after a determiner, possessive, number or preposition is a noun or an
            // adjective ("his pledged delegates", "Trump's tweets", "in a note", "500 pledged
            // delegates"). A relative "that" may precede a verb ("groups that claim").
            if i > lo && self.is_word(i - 1) {
                let w = self.lower(i - 1);
                let possessive = (w.ends_with("'s") || w.ends_with("s'"))
                    && !w
                        .strip_suffix("'s")
                        .is_some_and(|p| lex.pronouns.contains_key(p))
                    && !lex.not_possessives.contains(w.as_str());
                let verb_form = self.lower(i).ends_with("ed") || self.lower(i).ends_with("ing");
                let adjective = (lex.determiners.contains(w.as_str())
                    && (w != "that" || verb_form))
                    || possessive
                    || (lex.prepositions.contains(w.as_str()) && w != "to")
                    || w.starts_with(|c: char| c.is_ascii_digit());
                if adjective && !(verb_form && self.lower(i).ends_with("ing")) {
                    i += 1;
                    continue;
                }
            }
            let cue = i..i + len;
            // "Ryan lamented the "disheartened" state and criticized ...": a verb joined to
            // an attributed one has its speaker.
            let joined = self.coordinator_before(lo, i).and_then(|c| {
                let prev = attrs.last().filter(|p| {
                    p.cue.end <= c && matches!(p.form, Form::Before | Form::Relative)
                })?;
                Some(Attr {
                    cue: cue.clone(),
                    class,
                    form: Form::Before,
                    speaker: prev.speaker.clone(),
                    name: prev.name.clone(),
                    date_tok: prev.date_tok,
                    region: c,
                })
            });
            if let Some(a) = joined {
                attrs.push(a);
            } else if let Some(a) = self.attribution(lo, hi, cue.clone(), class) {
                attrs.push(a);
            } else if let Some(a) = attrs
                .last()
                .and_then(|prev| self.coordinate(lo, prev, cue.clone(), class))
            {
                attrs.push(a);
            }
            i += len;
        }
        if let Some(a) = self.colon_frame(lo, hi, &attrs) {
            attrs.push(a);
        }
        if let Some(a) = self.dash_frame(lo, hi, &attrs) {
            attrs.push(a);
        }
        // "according to X" inside a sentence with another attribution is that one's source.
        let mut via: Option<String> = None;
        let regions: Vec<usize> = attrs.iter().map(|a| a.region).collect();
        if attrs.len() > 1 {
            if let Some(k) = attrs.iter().position(|a| a.form == Form::According) {
                let a = attrs.remove(k);
                via = Some(self.words(a.cue.start..a.speaker.end));
            }
        }
        let mut out = Vec::new();
        for (k, a) in attrs.iter().enumerate() {
            let next_region = regions
                .iter()
                .copied()
                .filter(|&b| b > a.cue.end)
                .min()
                .unwrap_or(hi);
            let later_participle = attrs[k + 1..]
                .iter()
                .any(|b| b.form == Form::Participle && self.lower(b.cue.start).ends_with("ing"));
            if let Some(mut raw) = self.content(lo, hi, a, next_region, later_participle) {
                if raw.via.is_none() {
                    raw.via = via.clone();
                }
                out.push(raw);
            }
        }
        out
    }

    /// `Smith was asked about it. "No comment."`: a quotation standing alone after a sentence
    /// whose subject is a name or pronoun is that subject's statement (with no cue).
    fn framed_by_previous(&self, prev: Range<usize>, r: Range<usize>) -> Option<Raw> {
        let lex = lexicon();
        let (phrase, name) = self.subject(prev.start, prev.end)?;
        let first = phrase.start;
        let w = self.lower(first);
        let person = (w != "it" && lex.pronouns.contains_key(w.as_str()))
            || (self.is_cap(first) && !lex.determiners.contains(w.as_str()));
        if !person || (prev.start..prev.end).any(|k| self.is_quote(k)) {
            return None;
        }
        let qs: Vec<&Quote> = r.filter_map(|k| self.quote_of(k)).collect();
        let spans: Vec<Span> = qs
            .iter()
            .map(|q| trim_span(self.text, [q.start, q.end]))
            .filter(|sp| sp[1] > sp[0])
            .collect();
        if spans.is_empty() {
            return None;
        }
        Some(Raw {
            kind: Kind::Direct,
            mention: self.words(name),
            speaker_span: self.span(phrase),
            cue: None,
            cue_span: None,
            quoted: spans
                .iter()
                .map(|sp| self.text[sp[0]..sp[1]].to_string())
                .collect(),
            spans,
            date: None,
            via: None,
        })
    }

    /// `"..." — Commissioner Jane Doe`: a dash after a quotation, then a speaker phrase that
    /// ends the sentence; the dash is the cue.
    fn dash_frame(&self, lo: usize, hi: usize, attrs: &[Attr]) -> Option<Attr> {
        let d = (lo + 1..hi.saturating_sub(1))
            .find(|&d| self.is_punct(d, "\u{2014}\u{2013}") && self.is_quote(d - 1))?;
        if attrs.iter().any(|a| a.cue.start > d) {
            return None;
        }
        let sp = self.speaker_after(d + 1, hi)?;
        if !self.rest_is_punct(sp.end, hi) {
            return None;
        }
        Some(Attr {
            cue: d..d + 1,
            class: CueClass::Say,
            form: Form::Inverted,
            speaker: sp.clone(),
            name: sp,
            date_tok: None,
            region: d,
        })
    }

    /// `Kasich resisted: "..."`: a clause ending in a colon right before a quotation frames
    /// it even without a listed cue; the verb before the colon is the cue.
    fn colon_frame(&self, lo: usize, hi: usize, attrs: &[Attr]) -> Option<Attr> {
        let c = (lo + 2..hi.saturating_sub(1))
            .find(|&c| self.is_punct(c, ":") && self.is_quote(c + 1))?;
        if attrs.iter().any(|a| a.cue.start < c) || !self.is_word(c - 1) {
            return None;
        }
        let (sp, name) = self.clause_subject(lo, c - 1)?;
        Some(Attr {
            cue: c - 1..c,
            class: CueClass::Say,
            form: Form::Before,
            speaker: sp.clone(),
            name,
            date_tok: None,
            region: sp.start,
        })
    }

    /// A participle cue of the same speaker in a sentence, with no subject of its own before
    /// it: `To wit, Smith told Newsmax that A, adding B`.
    fn coordinate(
        &self,
        lo: usize,
        prev: &Attr,
        cue: Range<usize>,
        class: CueClass,
    ) -> Option<Attr> {
        let k = cue.start.checked_sub(1).filter(|&k| k > lo)?;
        let opens = self.is_punct(k, ",")
            || (self.is_word(k)
                && lexicon()
                    .participle_prepositions
                    .contains(self.lower(k).as_str()));
        if !(opens && self.lower(cue.start).ends_with("ing")) {
            return None;
        }
        (k > prev.cue.end && prev.form != Form::According).then(|| Attr {
            cue,
            class,
            form: Form::Participle,
            speaker: prev.speaker.clone(),
            name: prev.name.clone(),
            date_tok: prev.date_tok,
            region: k,
        })
    }

    /// Finds the speaker of the cue at `cue`, trying each form in turn.
    fn attribution(
        &self,
        lo: usize,
        hi: usize,
        cue: Range<usize>,
        class: CueClass,
    ) -> Option<Attr> {
        let lex = lexicon();
        if class == CueClass::According {
            // "according to exit polls": any noun phrase names the source here.
            let sp = self.speaker_after(cue.end, hi).or_else(|| {
                let mut k = cue.end;
                while k < hi && self.is_word(k) && k - cue.end < MAX_SPEAKER_WORDS {
                    k += 1;
                }
                let w = if k > cue.end {
                    self.lower(cue.end)
                } else {
                    return None;
                };
                (!lex.prepositions.contains(w.as_str()) && w != "that").then_some(cue.end..k)
            })?;
            let region = if cue.start > lo && self.is_punct(cue.start - 1, ",") {
                cue.start - 1
            } else {
                cue.start
            };
            return Some(Attr {
                cue: cue.clone(),
                class,
                form: Form::According,
                speaker: sp.clone(),
                name: sp,
                date_tok: None,
                region,
            });
        }
        if cue.start > lo
            && self.is_word(cue.start - 1)
            && lex
                .passive_auxiliaries
                .contains(self.lower(cue.start - 1).as_str())
        {
            return None;
        }
        let participle = self.lower(cue.start).ends_with("ing");
        // ", saying ..." : the sentence's subject speaks.
        if participle {
            // ", saying", "by saying", "before adding"
            let opens = cue.start > lo + 1
                && (self.is_punct(cue.start - 1, ",")
                    || (self.is_word(cue.start - 1)
                        && lex
                            .participle_prepositions
                            .contains(self.lower(cue.start - 1).as_str())));
            if opens {
                let sp = self.subject(lo, cue.start - 1)?;
                return Some(Attr {
                    cue: cue.clone(),
                    class,
                    form: Form::Participle,
                    speaker: sp.0,
                    name: sp.1,
                    date_tok: None,
                    region: cue.start - 1,
                });
            }
            return None;
        }
        // "Ukraine, which had warned that ..."
        let mut j = cue.start;
        while j > lo && self.is_word(j - 1) && lex.time_words.contains(self.lower(j - 1).as_str()) {
            j -= 1;
        }
        if j > lo + 1
            && self.is_word(j - 1)
            && lex.relatives.contains(self.lower(j - 1).as_str())
            && self.is_punct(j - 2, ",")
        {
            let (sp, name, _) = self.speaker_before(lo, j - 2, true)?;
            return Some(Attr {
                cue: cue.clone(),
                class,
                form: Form::Relative,
                speaker: sp,
                name,
                date_tok: None,
                region: j - 2,
            });
        }
        if let Some((sp, name, date_tok)) = self.speaker_before(lo, cue.start, false) {
            let region = if sp.start > lo && self.is_punct(sp.start - 1, ",") {
                sp.start - 1
            } else {
                sp.start
            };
            return Some(Attr {
                cue,
                class,
                form: Form::Before,
                speaker: sp,
                name,
                date_tok,
                region,
            });
        }
        // "..., said Smith" / "\"...\" said Smith"
        let opens =
            cue.start == lo || self.is_punct(cue.start - 1, ",:") || self.is_quote(cue.start - 1);
        if opens {
            let mut date_tok = None;
            let after = self.skip_adjuncts(cue.end, hi, &mut date_tok);
            let sp = self.speaker_after(after, hi).unwrap_or(after..after);
            let tail = self.skip_adjuncts(sp.end, hi, &mut date_tok);
            // "..., said Sen. Jim Whelan who represents Atlantic City.": a relative clause
            // about the speaker may close the sentence.
            let ends = tail >= hi
                || !self.is_word(tail)
                || (tail == sp.end && lex.relatives.contains(self.lower(tail).as_str()));
            if ends && !sp.is_empty() {
                let region = if cue.start > lo && self.is_punct(cue.start - 1, ",") {
                    cue.start - 1
                } else {
                    cue.start
                };
                return Some(Attr {
                    cue,
                    class,
                    form: Form::Inverted,
                    speaker: sp.clone(),
                    name: sp,
                    date_tok,
                    region,
                });
            }
        }
        // "About 9 percent said", "Rubio thanked Miami and said": the clause's own words. A
        // second verb's attribution starts at its conjunction, which ends the first one's
        // content ("praised the bill and stressed that ...").
        let (sp, name) = self.clause_subject(lo, cue.start)?;
        let region = self.coordinator_before(lo, cue.start).unwrap_or(sp.start);
        Some(Attr {
            cue,
            class,
            form: Form::Before,
            speaker: sp.clone(),
            name,
            date_tok: None,
            region,
        })
    }

    /// The conjunction joining the verb at `end` to an earlier one (`and stressed`, `but also
    /// said`), skipping adverbs and time words between them.
    fn coordinator_before(&self, lo: usize, end: usize) -> Option<usize> {
        let lex = lexicon();
        let mut k = end;
        while k > lo
            && self.is_word(k - 1)
            && (lex.time_words.contains(self.lower(k - 1).as_str())
                || (self.lower(k - 1).ends_with("ly") && !self.is_cap(k - 1)))
        {
            k -= 1;
        }
        (k > lo && self.is_word(k - 1) && lex.coordinators.contains(self.lower(k - 1).as_str()))
            .then(|| k - 1)
    }

    /// The words from the clause's start (the sentence start, punctuation or a quotation) to
    /// the cue at `end`, when no speaker phrase was recognised: leading conjunctions and
    /// trailing `and` dropped; the name part is the first capitalised run, if any.
    fn clause_subject(&self, lo: usize, end: usize) -> Option<(Range<usize>, Range<usize>)> {
        let lex = lexicon();
        // "Reid reiterated those feelings and stressed ...": the clause's subject speaks.
        if let Some(c) = self.coordinator_before(lo, end) {
            return self.subject(lo, c);
        }
        let mut s = end;
        while s > lo && self.is_word(s - 1) && end - s < MAX_SUBJECT_WORDS {
            s -= 1;
        }
        if s > lo && self.is_word(s - 1) {
            return None;
        }
        let mut e = end;
        while s < e {
            let w = self.lower(s);
            let skip = lex.coordinators.contains(w.as_str())
                || lex.subordinators.contains(w.as_str())
                || (w.ends_with("ly") && !self.is_cap(s));
            if !skip {
                break;
            }
            s += 1;
        }
        while e > s
            && (lex.coordinators.contains(self.lower(e - 1).as_str())
                || lex.time_words.contains(self.lower(e - 1).as_str()))
        {
            e -= 1;
        }
        if s == e {
            return None;
        }
        let w = self.lower(s);
        // "About 9 percent said": a preposition before a number is an approximator.
        let approximator =
            self.is_word(s + 1) && self.s(s + 1).starts_with(|c: char| c.is_ascii_digit());
        // "should be to counter lies": an infinitive cue has no subject of its own.
        let blocked = (lex.prepositions.contains(w.as_str()) && !approximator)
            || self.lower(e - 1) == "to"
            || w == "that"
            || w == "to"
            || (s..e).any(|k| self.cue_at(k, e).is_some());
        if blocked {
            return None;
        }
        let name = (s..e)
            .find(|&k| {
                let w = self.lower(k);
                self.is_cap(k)
                    && !lex.determiners.contains(w.as_str())
                    && !lex.prepositions.contains(w.as_str())
            })
            .map_or(s..e, |k| {
                let mut j = k;
                while j < e && self.is_cap(j) {
                    j += 1;
                }
                k..j
            });
        Some((s..e, name))
    }

    /// The subject phrase at the start of a clause (`A statement from the White House`).
    fn subject(&self, lo: usize, hi: usize) -> Option<(Range<usize>, Range<usize>)> {
        let lex = lexicon();
        let mut lo = lo;
        // "But he told ...": a leading conjunction is not the subject.
        while lo < hi && self.is_word(lo) && lex.coordinators.contains(self.lower(lo).as_str()) {
            lo += 1;
        }
        // "On Thursday, Warren appeared ...", "Earlier in the day, Clinton held ...": a leading
        // prepositional, subordinate or time phrase closed by a comma is not the subject.
        if self.is_word(lo) {
            let w = self.lower(lo);
            if lex.prepositions.contains(w.as_str())
                || lex.subordinators.contains(w.as_str())
                || lex.time_words.contains(w.as_str())
            {
                if let Some(c) =
                    (lo..hi.min(lo + MAX_SUBJECT_WORDS)).find(|&k| self.is_punct(k, ","))
                {
                    lo = c + 1;
                }
            }
        }
        let mut k = lo;
        while k < hi
            && self.is_word(k)
            && !self.is_cap(k)
            && !lex.determiners.contains(self.lower(k).as_str())
            && k - lo < 2
        {
            k += 1; // leading "And", "But" are capitalised; lowercase adverbs are skipped
        }
        let start = k;
        while k < hi && self.is_word(k) {
            let w = self.lower(k);
            let inner = lex.determiners.contains(w.as_str())
                || self.np_word(k)
                || lex.subject_links.contains(w.as_str())
                || (k == start);
            if !inner {
                break;
            }
            k += 1;
        }
        if k == start {
            return None;
        }
        let phrase = start..k;
        // Name part: after "from/for/of" when the head is a source noun.
        let name = (start..k)
            .find(|&x| {
                lex.subject_links.contains(self.lower(x).as_str())
                    && x > start
                    && lex.source_nouns.contains(self.lower(x - 1).as_str())
            })
            .map_or(phrase.clone(), |x| x + 1..k);
        Some((phrase, name))
    }

    /// Decides the content of attribution `a`, or none when it has no statement.
    fn content(
        &self,
        lo: usize,
        hi: usize,
        a: &Attr,
        next_region: usize,
        later_participle: bool,
    ) -> Option<Raw> {
        let lex = lexicon();
        let mut date_tok = a.date_tok;
        let mut spans: Vec<Span> = Vec::new();
        let mut quoted = Vec::new();
        let kind;
        let add_quote = |q: &Quote, spans: &mut Vec<Span>, quoted: &mut Vec<String>| {
            let sp = trim_span(self.text, [q.start, q.end]);
            if sp[1] > sp[0] {
                spans.push(sp);
                quoted.push(self.text[sp[0]..sp[1]].to_string());
            }
        };
        // Where the attribution's words end (after the speaker for inverted forms).
        let attr_end = match a.form {
            Form::Inverted | Form::According => a.speaker.end.max(a.cue.end),
            _ => a.cue.end,
        };
        let attr_start = a.region.min(a.speaker.start).min(a.cue.start);
        let quote_before = (attr_start > lo)
            .then(|| {
                if self.is_punct(attr_start - 1, ",") && attr_start > lo + 1 {
                    attr_start - 2
                } else {
                    attr_start - 1
                }
            })
            .filter(|&q| self.is_quote(q));
        let mut after = attr_end;
        if a.class == CueClass::Tell
            && matches!(a.form, Form::Before | Form::Relative | Form::Participle)
        {
            after = self.skip_adjuncts(after, hi, &mut date_tok);
            after = self.skip_addressee(after, hi);
        }
        after = self.skip_adjuncts(after, hi, &mut date_tok);
        let direct_after = {
            let mut k = after;
            if self.is_punct(k, ",:") {
                k += 1;
            }
            self.is_quote(k).then_some(k)
        };
        // A quotation before the attribution is not its content when a complement clause
        // follows (`On ABC's "This Week," Rubio said that ...`).
        let quote_before = quote_before.filter(|_| {
            !(self.is_word(after) && lex.complementizers.contains(self.lower(after).as_str()))
        });
        if let (Some(qb), Form::Before | Form::Inverted) = (quote_before, a.form) {
            // "..." he said[, "..."]
            let mut first = qb;
            while first > lo
                && (self.is_quote(first - 1)
                    || (self.is_punct(first - 1, ",")
                        && first > lo + 1
                        && self.is_quote(first - 2)))
            {
                first -= 1;
            }
            // "With voters split, \"...,\" says X": words before the quotation belong to it.
            let lead = (lo..first).any(|k| self.is_word(k))
                && !(lo..first).any(|k| self.cue_at(k, hi).is_some());
            if lead {
                let range = self.trim_range(lo..qb + 1);
                spans.push(trim_span(self.text, self.span(range)));
                quoted.extend((first..=qb).filter_map(|k| self.quote_of(k)).map(|q| {
                    let sp = trim_span(self.text, [q.start, q.end]);
                    self.text[sp[0]..sp[1]].to_string()
                }));
            } else {
                for k in first..=qb {
                    if let Some(q) = self.quote_of(k) {
                        add_quote(q, &mut spans, &mut quoted);
                    }
                }
            }
            if let Some(k) = direct_after.filter(|_| self.is_punct(after, ",")) {
                let mut k2 = k;
                while k2 < hi && self.is_quote(k2) {
                    add_quote(self.quote_of(k2)?, &mut spans, &mut quoted);
                    k2 += 1;
                }
            }
            kind = if lead { Kind::Partial } else { Kind::Direct };
        } else if let Some(k) =
            direct_after.filter(|&k| self.rest_is_punct(k + 1, hi) && a.form != Form::According)
        {
            // Smith said: "..."
            add_quote(self.quote_of(k)?, &mut spans, &mut quoted);
            kind = Kind::Direct;
        } else {
            // "Prices rose, he said as he left": a subordinate clause is not content.
            let subordinate = self.is_word(after)
                && (lex.subordinators.contains(self.lower(after).as_str())
                    || (a.form == Form::Inverted
                        && lex.relatives.contains(self.lower(after).as_str())));
            let tail_is_empty = after >= hi
                || subordinate
                || self.is_punct(after, ",.;!?")
                    && (after + 1 >= hi
                        || self.rest_is_punct(after + 1, hi)
                        || self.is_punct(after, ","));
            let content_first = matches!(a.form, Form::Before | Form::Inverted)
                && tail_is_empty
                && attr_start > lo + 2;
            let range = if a.form == Form::According {
                if attr_start > lo + 1 {
                    lo..attr_start
                } else {
                    let mut k = attr_end;
                    if self.is_punct(k, ",") {
                        k += 1;
                    }
                    k..next_region.min(hi)
                }
            } else if content_first {
                lo..attr_start
            } else {
                let mut s = after;
                if self.is_word(s) && self.lower(s) == "that" {
                    s += 1;
                }
                if self.is_punct(s, ":") {
                    s += 1;
                }
                let mut e = next_region.min(hi);
                // "Ukraine, which had warned that X, asked ...": the relative clause ends at
                // its closing comma.
                if a.form == Form::Relative {
                    e = (s..e).find(|&k| self.is_punct(k, ",")).unwrap_or(e);
                }
                e = self.content_end(s, e);
                if s >= e {
                    return None;
                }
                // "argue over X", "said in" : a preposition where a clause should start
                // ("said to be", "added to"): only commissive cues (obj: vowed to) take "to".
                let w = self.lower(s);
                if self.is_word(s)
                    && lex.prepositions.contains(w.as_str())
                    && a.class != CueClass::Tell
                    && (w != "to" || a.class == CueClass::Say)
                {
                    return None;
                }
                s..e
            };
            let range = self.trim_range(range);
            // "An ambassador's job, he said, should be to ...": the content resumes after a
            // parenthetical attribution.
            let resumed =
                (content_first && self.is_punct(attr_start, ",") && self.is_punct(after, ","))
                    .then(|| self.trim_range(after + 1..next_region.min(hi)))
                    .filter(|r| r.clone().any(|k| self.is_word(k)));
            let pieces: Vec<Range<usize>> = std::iter::once(range).chain(resumed).collect();
            let all = || pieces.iter().flat_map(|r| r.clone());
            let nwords = all().filter(|&k| self.is_word(k)).count();
            let nquotes = all().filter(|&k| self.is_quote(k)).count();
            if nwords + nquotes == 0 {
                return None;
            }
            if nquotes == 0 && (nwords < MIN_REPORTED_WORDS || a.class == CueClass::Quoted) {
                return None;
            }
            // "confirmed the talks, saying ...": the participle carries the content.
            if matches!(a.class, CueClass::Obj | CueClass::Quoted) && later_participle && nwords < 5
            {
                return None;
            }
            // A say-cue needs a clause: at least three words, or a quotation.
            let with_that = self.is_word(after) && self.lower(after) == "that";
            if nquotes == 0
                && a.class == CueClass::Say
                && nwords < 3
                && !content_first
                && !with_that
            {
                return None;
            }
            for k in all() {
                if let Some(q) = self.quote_of(k) {
                    let sp = trim_span(self.text, [q.start, q.end]);
                    if sp[1] > sp[0] {
                        quoted.push(self.text[sp[0]..sp[1]].to_string());
                    }
                }
            }
            for r in pieces.iter().filter(|r| !r.is_empty()) {
                spans.push(trim_span(self.text, self.span(r.clone())));
            }
            kind = if nquotes > 0 && nwords == 0 {
                Kind::Direct
            } else if nquotes > 0 {
                Kind::Partial
            } else {
                Kind::Indirect
            };
        }
        if spans.is_empty() {
            return None;
        }
        Some(
            Raw {
                kind,
                mention: self.words(a.speaker.clone()),
                speaker_span: self.span(a.speaker.clone()),
                cue: Some(self.words(a.cue.clone())),
                cue_span: Some(self.span(a.cue.clone())),
                spans,
                quoted,
                date: date_tok,
                via: None,
            }
            .with_name(self.words(a.name.clone())),
        )
    }

    /// Where reported content running from `s` ends, before `e`: at a comma that opens a
    /// participle clause of the writer's (`, throwing the race open`); `-ing` words that are
    /// not participles are data (`not_participles.txt`).
    fn content_end(&self, s: usize, e: usize) -> usize {
        let lex = lexicon();
        (s + 1..e.saturating_sub(1))
            .find(|&k| {
                if !self.is_punct(k, ",") || !self.is_word(k + 1) || self.is_cap(k + 1) {
                    return false;
                }
                let w = self.lower(k + 1);
                w.ends_with("ing") && !lex.not_participles.contains(w.as_str())
            })
            .unwrap_or(e)
    }

    fn rest_is_punct(&self, from: usize, hi: usize) -> bool {
        (from..hi).all(|k| self.toks[k].kind == TokKind::Punct)
    }

    /// Drops leading and trailing punctuation tokens from a range.
    fn trim_range(&self, mut r: Range<usize>) -> Range<usize> {
        while r.start < r.end && self.toks[r.start].kind == TokKind::Punct {
            r.start += 1;
        }
        while r.end > r.start && self.toks[r.end - 1].kind == TokKind::Punct {
            r.end -= 1;
        }
        r
    }
}

impl Raw {
    /// Uses the name part of the speaker phrase for resolution when it differs from the
    /// phrase (`A statement from the White House` -> `the White House`).
    fn with_name(mut self, name: String) -> Raw {
        if !name.is_empty() && name != self.mention {
            self.mention = name;
        }
        self
    }
}

#[cfg(test)]
mod tests;
