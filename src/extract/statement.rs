//! A statement as the extractor builds it (`Raw`, before speaker resolution), how it becomes
//! a `Statement`, and how quotation pieces are added to one.

use super::quotes::Quote;
use super::resolve;
use crate::article::Article;
use crate::finding::{Kind, Span, Statement};

/// Most quotation pieces joined into one statement (bounds the work on endless quote runs).
const MAX_PIECES: usize = 64;

/// A statement before speaker resolution.
pub(super) struct Raw {
    /// Direct, partial or indirect.
    pub(super) kind: Kind,
    /// The speaker as written, or the part of the phrase that names them.
    pub(super) mention: String,
    /// Byte span of the speaker phrase (none for an unnamed asker: `Asked whether ...`).
    pub(super) speaker_span: Option<Span>,
    /// The cue as written (`said`, `according to`), none for a quotation framed by the
    /// sentence before.
    pub(super) cue: Option<String>,
    /// Byte span of the cue.
    pub(super) cue_span: Option<Span>,
    /// Byte spans of the content pieces, in order.
    pub(super) spans: Vec<Span>,
    /// The quotations within the content, trimmed.
    pub(super) quoted: Vec<String>,
    /// A weekday by the cue (`said Friday`), as an index into `WEEKDAYS`.
    pub(super) date: Option<usize>,
    /// The `according to X` of another attribution in the same sentence.
    pub(super) via: Option<String>,
}

impl Raw {
    /// The statement as reported: content joined from the spans, speaker resolved as `r`,
    /// the weekday counted back from the article's date, and no id yet.
    pub(super) fn into_statement(self, article: &Article, r: resolve::Resolved) -> Statement {
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
            speaker_span: self.speaker_span,
            cue_span: self.cue_span,
            statement_date,
            via: self.via,
        }
    }

    /// Uses the name part of the speaker phrase for resolution when it differs from the
    /// phrase (`A statement from the White House` -> `the White House`).
    pub(super) fn with_name(mut self, name: String) -> Raw {
        if !name.is_empty() && name != self.mention {
            self.mention = name;
        }
        self
    }
}

/// An attribution closing a paragraph with a colon (`He said:`), waiting for the quotation
/// that opens the next paragraph.
#[derive(Debug, Clone)]
pub(super) struct Opener {
    /// The speaker as written, its span, the cue and its span.
    pub(super) mention: String,
    pub(super) speaker_span: Span,
    pub(super) cue: String,
    pub(super) cue_span: Span,
}

impl Opener {
    /// The direct statement of the opener and the quotations `qs`, if any has words.
    pub(super) fn with_quotes<'q>(
        &self,
        text: &str,
        qs: impl Iterator<Item = &'q Quote>,
    ) -> Option<Raw> {
        let spans: Vec<Span> = qs
            .map(|q| trim_span(text, [q.start, q.end]))
            .filter(|s| s[1] > s[0])
            .take(MAX_PIECES)
            .collect();
        if spans.is_empty() {
            return None;
        }
        Some(self.direct(text, spans))
    }

    /// The direct statement of the opener with content `spans`.
    pub(super) fn direct(&self, text: &str, spans: Vec<Span>) -> Raw {
        Raw {
            kind: Kind::Direct,
            mention: self.mention.clone(),
            speaker_span: Some(self.speaker_span),
            cue: Some(self.cue.clone()),
            cue_span: Some(self.cue_span),
            quoted: spans.iter().map(|s| text[s[0]..s[1]].to_string()).collect(),
            spans,
            date: None,
            via: None,
        }
    }
}

/// Fewest words of a block-quote paragraph after `He said:`.
const MIN_BLOCK_WORDS: usize = 4;

impl Opener {
    /// The direct statement of the opener and the paragraph `para` set as a block quote
    /// (no quotation marks): at least `MIN_BLOCK_WORDS` words ending in a sentence mark.
    pub(super) fn with_block(&self, text: &str, para: std::ops::Range<usize>) -> Option<Raw> {
        let sp = trim_span(text, [para.start, para.end]);
        let body = &text[sp[0]..sp[1]];
        let ends = body.ends_with(['.', '?', '!']);
        if !ends || body.split_whitespace().count() < MIN_BLOCK_WORDS {
            return None;
        }
        Some(self.direct(text, vec![sp]))
    }
}

/// Puts quotations before a direct statement's pieces (a quote opened in an earlier paragraph).
pub(super) fn prepend_pieces(st: &mut Statement, article: &Article, qs: &[Quote]) {
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
pub(super) fn append_piece(st: &mut Statement, text: &str, q: &Quote) {
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
pub(super) fn trim_span(text: &str, [s, e]: Span) -> Span {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '\u{2014}' | '-')
    });
    [s + lead, (s + trimmed.len()).max(s + lead)]
}
