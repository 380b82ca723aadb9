//! A paragraph as tokens (words, punctuation, whole quotations) split into sentences; a
//! quotation is one token, so sentence ends inside quotes do not split the frame around them.

use super::lexicon::lexicon;
use super::quotes::Quote;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A run of letters and digits, with inner apostrophes, hyphens, periods and `&`.
    Word,
    /// One character that is neither a word character nor white space.
    Punct,
    /// A quotation; the index into the paragraph's quotes.
    Quote(usize),
}

/// A token with its byte range in the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// Word, punctuation mark or quotation.
    pub kind: TokKind,
    /// Byte offset of the token's start in the article text.
    pub start: usize,
    /// Byte offset just past the token.
    pub end: usize,
}

/// Most tokens in a sentence: longer runs (a page without periods, a 5 MB line) are cut here,
/// so that the work per sentence stays bounded and extraction stays linear in the input.
pub const MAX_SENTENCE_TOKENS: usize = 400;

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Tokenises `text[from..to]`, with each quotation in `quotes` as one token.
pub fn tokenize(text: &str, from: usize, to: usize, quotes: &[Quote]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut q = 0;
    let mut pos = from;
    while pos < to {
        if let Some(quote) = quotes.get(q) {
            if pos >= quote.open {
                out.push(Tok {
                    kind: TokKind::Quote(q),
                    start: quote.open,
                    end: quote.after,
                });
                pos = quote.after.max(pos + 1);
                q += 1;
                continue;
            }
        }
        let limit = quotes.get(q).map_or(to, |qq| qq.open.min(to));
        let c = text[pos..].chars().next().unwrap_or(' ');
        if c.is_alphanumeric() {
            let mut end = pos + c.len_utf8();
            let mut piece = pos;
            while let Some(d) = text[end..limit].chars().next() {
                if d.is_alphanumeric() {
                    end += d.len_utf8();
                    continue;
                }
                let after = end + d.len_utf8();
                let joiner = is_apostrophe(d) || matches!(d, '-' | '.' | '&');
                if joiner
                    && !(d == '.' && glued_sentence(&text[piece..end], &text[after..limit]))
                    && text[after..limit]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                {
                    end = after;
                    piece = after;
                    continue;
                }
                break;
            }
            // "Mrs. Clinton", "Sen. Ted Cruz", "John F. Kennedy": an abbreviation keeps its
            // period when a word follows, so a name reads as one run of words.
            if text[end..limit].starts_with('.')
                && is_abbreviation(&text[pos..end])
                && text[end + 1..limit].starts_with(char::is_whitespace)
                && text[end + 1..limit]
                    .trim_start()
                    .starts_with(char::is_alphanumeric)
            {
                end += 1;
            }
            out.push(Tok {
                kind: TokKind::Word,
                start: pos,
                end,
            });
            pos = end;
        } else if c.is_whitespace() || is_invisible(c) {
            pos += c.len_utf8();
        } else {
            out.push(Tok {
                kind: TokKind::Punct,
                start: pos,
                end: pos + c.len_utf8(),
            });
            pos += c.len_utf8();
        }
    }
    out
}

/// Whether a period between `word` and `next` with no space is a sentence end whose space was
/// lost (`he said.Trump added`): a lower-case word of two letters or more before it and a
/// capitalised word after it. Inner periods of abbreviations (`U.S.`, `Ph.D.`, `e.g.`) and
/// web addresses (`example.com`) do not have that shape.
fn glued_sentence(word: &str, next: &str) -> bool {
    let mut after = next.chars();
    word.len() >= 2
        && word.chars().all(|c| c.is_lowercase())
        && after.next().is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase)
}

/// Zero-width characters (`U+200B` space, joiners, word joiner, byte-order mark): white space
/// to the tokenizer, so that `Miller\u{200b}said` reads as two words.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// True when the word before a period is an abbreviation or an initial.
pub(super) fn is_abbreviation(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    lexicon().abbreviations.contains(w.as_str())
        || lexicon().state_abbreviations.contains(word)
        // "Sen. Jo Roe, R-Fla., said": a party and state.
        || word
            .split_once('-')
            .is_some_and(|(party, state)| party.len() == 1 && lexicon().state_abbreviations.contains(state))
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || word.contains('.')
}

/// Whether `word` is an abbreviation whose period ends no sentence before `next`: one that
/// stands only before a number (`No. 2`) is one only before a digit (`she said no. Then`).
/// Nor does one that is no title before a quotation opening with a capital (`in Santa Monica,
/// Calif. "The reality is ..."`): a title stands before a name, not a quotation.
pub(super) fn abbreviation_before(word: &str, next: &str, next_is_quote: bool) -> bool {
    let w = word.to_ascii_lowercase();
    if lexicon().number_abbreviations.contains(w.as_str()) {
        return next.starts_with(|c: char| c.is_ascii_digit());
    }
    let quotation = next_is_quote
        && next
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(char::is_uppercase);
    if quotation && !crate::speakers::is_title_word(&w) && word.chars().count() > 1 {
        return false;
    }
    is_abbreviation(word)
}

/// Splits tokens into sentences, returned as token index ranges. `starts_attribution` says
/// whether a sentence-final quote is followed by its own attribution (`"No." Smith said.`),
/// in which case the quote and the attribution stay one sentence.
pub fn split(
    text: &str,
    toks: &[Tok],
    starts_attribution: impl Fn(usize) -> bool,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..toks.len() {
        let t = toks[i];
        let Some(next) = toks.get(i + 1) else { break };
        let next_text = &text[next.start..next.end];
        let next_opens = matches!(next.kind, TokKind::Quote(_))
            || next_text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let boundary = match t.kind {
            TokKind::Punct => {
                let p = &text[t.start..t.end];
                let terminal = matches!(p, "." | "!" | "?");
                let after_abbrev = p == "."
                    && i > 0
                    && toks[i - 1].kind == TokKind::Word
                    && toks[i - 1].end == t.start
                    && abbreviation_before(
                        &text[toks[i - 1].start..toks[i - 1].end],
                        next_text,
                        matches!(next.kind, TokKind::Quote(_)),
                    );
                terminal && !after_abbrev && next_opens
            }
            TokKind::Quote(_) => {
                let inner = text[t.start..t.end]
                    .trim_end_matches(|c: char| !c.is_alphanumeric() && !".!?".contains(c));
                let ends = inner.ends_with(['.', '!', '?']);
                ends && next_opens
                    && (matches!(next.kind, TokKind::Quote(_)) || !starts_attribution(i + 1))
            }
            TokKind::Word => false,
        };
        if boundary || i + 1 - start >= MAX_SENTENCE_TOKENS {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::{find_quotes, QuoteStyle};

    fn sentences(text: &str) -> Vec<String> {
        let quotes = find_quotes(text, 0, text.len(), QuoteStyle::Double);
        let toks = tokenize(text, 0, text.len(), &quotes);
        split(text, &toks, |i| {
            text[toks[i].start..].starts_with("Smith said")
        })
        .into_iter()
        .map(|r| text[toks[r.start].start..toks[r.end - 1].end].to_string())
        .collect()
    }

    #[test]
    fn sentence_table() {
        let table: [(&str, Vec<&str>); 11] = [
            ("One. Two.", vec!["One.", "Two."]),
            (
                "Mr. Putin met U.S. officials. Then left.",
                vec!["Mr. Putin met U.S. officials.", "Then left."],
            ),
            (
                "\"It works. Really,\" he said. Next.",
                vec!["\"It works. Really,\" he said.", "Next."],
            ),
            ("\"No.\" Smith said so.", vec!["\"No.\" Smith said so."]),
            ("\"No.\" Then he left.", vec!["\"No.\"", "Then he left."]),
            (
                "Asked twice, the coach said no. Then he left.",
                vec!["Asked twice, the coach said no.", "Then he left."],
            ),
            (
                "It ranked No. 4 in the state.",
                vec!["It ranked No. 4 in the state."],
            ),
            (
                "He spoke in Fresno, Calif. \"The race is open.\"",
                vec!["He spoke in Fresno, Calif.", "\"The race is open.\""],
            ),
            (
                "Then Sen. \"Chip\" Roy spoke.",
                vec!["Then Sen. \"Chip\" Roy spoke."],
            ),
            // a sentence end that lost its space
            ("He said.Then he left.", vec!["He said.", "Then he left."]),
            // inner periods that are no sentence end
            (
                "A Ph.D. read e.g.com and U.S.Steel news.",
                vec!["A Ph.D. read e.g.com and U.S.Steel news."],
            ),
        ];
        for (text, want) in table {
            assert_eq!(sentences(text), want, "{text}");
        }
    }

    #[test]
    fn words_keep_inner_marks() {
        let text = "U.S.-Russia talks aren't large-scale, AT&T's";
        let toks = tokenize(text, 0, text.len(), &[]);
        let words: Vec<&str> = toks
            .iter()
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(
            words,
            ["U.S", "Russia", "talks", "aren't", "large-scale", "AT&T's"]
        );
    }
}
