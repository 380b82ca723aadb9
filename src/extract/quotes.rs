//! Quotation marks in a paragraph: pairs of straight or curly double quotes, mismatched marks
//! read by their position, and an opening quote left open at the paragraph's end.

use crate::article::quote_mark_at;

/// A quotation: byte offsets into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// Offset of the opening mark.
    pub open: usize,
    /// Offset of the quoted words: `start..end`.
    pub start: usize,
    /// Offset just past the quoted words (the closing mark, or the paragraph's end).
    pub end: usize,
    /// Offset just past the closing mark (== `end` when left open).
    pub after: usize,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Finds the double quotations in `text[from..to]`.
pub fn find_quotes(text: &str, from: usize, to: usize) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut prev: Option<char> = None;
    let mut i = from;
    while i < to {
        let Some((c, len)) = quote_mark_at(text, i) else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            prev = Some(ch);
            i += ch.len_utf8();
            continue;
        };
        let at = i;
        let next = text[at + len..to].chars().next();
        let close = |(open_at, open_len): (usize, usize), out: &mut Vec<Quote>| {
            out.push(Quote {
                open: open_at,
                start: open_at + open_len,
                end: at,
                after: at + len,
                closed: true,
            });
        };
        match c {
            '\u{201c}' | '\u{201e}' | '\u{ab}' => match open {
                // A second opening mark right after words closes the quote (a wrong-way mark).
                Some(o)
                    if !is_word_char(next)
                        && (is_word_char(prev) || prev.is_some_and(|p| ".,!?".contains(p))) =>
                {
                    close(o, &mut out);
                    open = None;
                }
                Some(_) => {}
                None => open = Some((at, len)),
            },
            '\u{201d}' | '\u{bb}' => match open {
                Some(o) => {
                    close(o, &mut out);
                    open = None;
                }
                // A closing mark before a word, with nothing open: a wrong-way opening mark.
                None if is_word_char(next) && !is_word_char(prev) => open = Some((at, len)),
                None => {}
            },
            _ => match open {
                Some(o) => {
                    close(o, &mut out);
                    open = None;
                }
                None => open = Some((at, len)),
            },
        }
        prev = Some(c);
        i += len;
    }
    if let Some((o, len)) = open {
        out.push(Quote {
            open: o,
            start: o + len,
            end: to,
            after: to,
            closed: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<(&str, bool)> {
        find_quotes(text, 0, text.len())
            .iter()
            .map(|q| (&text[q.start..q.end], q.closed))
            .collect()
    }

    #[test]
    fn quote_table() {
        let table: [(&str, Vec<(&str, bool)>); 11] = [
            (
                "\"They've invaded before,\" he said.",
                vec![("They've invaded before,", true)],
            ),
            (
                "\u{201c}Curly,\u{201d} she said, \u{201c}two.\u{201d}",
                vec![("Curly,", true), ("two.", true)],
            ),
            ("He said \"it's 'fine'\" today", vec![("it's 'fine'", true)]),
            ("\"Open to the end", vec![("Open to the end", false)]),
            (
                "\u{201c}Wrong way\u{201c} he said",
                vec![("Wrong way", true)],
            ),
            (
                "\u{201d}Wrong open\u{201d} he said",
                vec![("Wrong open", true)],
            ),
            ("no quotes at all", vec![]),
            (
                "''Two apostrophes,'' he said, ''as one.''",
                vec![("Two apostrophes,", true), ("as one.", true)],
            ),
            ("It's O'Brien's 'word'", vec![]),
            (
                "''We hear 'a special case,''' he said.",
                vec![("We hear 'a special case,'", true)],
            ),
            (
                "'''Old' is the word,'' she said.",
                vec![("'Old' is the word,", true)],
            ),
        ];
        for (text, want) in table {
            assert_eq!(quoted(text), want, "{text}");
        }
    }
}
