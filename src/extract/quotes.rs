//! Quotation marks in a paragraph: pairs of straight or curly double quotes, mismatched marks
//! read by their position, and an opening quote left open at the paragraph's end; in an
//! article in British style (`QuoteStyle::Single`), single marks instead.

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

/// How an article marks its quotations: with double marks (American style, single ones
/// nested or in headlines) or single ones (British style: `‘We will fight,’ she said`, double
/// ones nested). A house style, so it is read once for the whole article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteStyle {
    /// `"..."`, `“...”`, `''...''`, guillemets.
    Double,
    /// `‘...’` or `'...'`.
    Single,
}

impl QuoteStyle {
    /// The style of `text`: single when it opens more single quotations (a `‘`, or a `'`
    /// after no letter and before one) than it has double marks.
    pub fn of(text: &str) -> QuoteStyle {
        let (mut single, mut double) = (0usize, 0usize);
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            if quote_mark_at(text, i).is_some() {
                double += 1;
            } else if c == '\u{2018}'
                || (c == '\'' && !is_word_char(prev) && is_word_char(text[i + 1..].chars().next()))
            {
                single += 1;
            }
            prev = Some(c);
        }
        if single > double {
            QuoteStyle::Single
        } else {
            QuoteStyle::Double
        }
    }
}

/// Finds the quotations in `text[from..to]` in the article's quotation `style`.
pub fn find_quotes(text: &str, from: usize, to: usize, style: QuoteStyle) -> Vec<Quote> {
    match style {
        QuoteStyle::Double => find_double_quotes(text, from, to),
        QuoteStyle::Single => find_single_quotes(text, from, to),
    }
}

/// Finds the single quotations in `text[from..to]`. A mark opens one after no letter or
/// digit and before a letter or digit (`‘` or `'`), and closes the open one after a word or a
/// sentence mark and before no letter or digit (`’` or `'`); an apostrophe inside a word
/// (`O'Brien`, `it’s`) does neither, nor does one after a plural's `s` before a lower-case
/// word (`the voters’ anger`: a possessive).
fn find_single_quotes(text: &str, from: usize, to: usize) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut prev: Option<char> = None;
    for (off, c) in text[from..to].char_indices() {
        let at = from + off;
        if !matches!(c, '\'' | '\u{2018}' | '\u{2019}') {
            prev = Some(c);
            continue;
        }
        let len = c.len_utf8();
        let rest = &text[at + len..to];
        let next = rest.chars().next();
        let opens = c != '\u{2019}' && !is_word_char(prev) && is_word_char(next);
        let possessive = prev == Some('s')
            && next == Some(' ')
            && rest[1..].chars().next().is_some_and(char::is_lowercase);
        let closes = c != '\u{2018}'
            && (is_word_char(prev) || prev.is_some_and(|p| ".,!?".contains(p)))
            && !is_word_char(next)
            && !possessive;
        match open {
            Some((o, olen)) if closes => {
                out.push(Quote {
                    open: o,
                    start: o + olen,
                    end: at,
                    after: at + len,
                    closed: true,
                });
                open = None;
            }
            None if opens => open = Some((at, len)),
            _ => {}
        }
        prev = Some(c);
    }
    if let Some((o, olen)) = open {
        out.push(Quote {
            open: o,
            start: o + olen,
            end: to,
            after: to,
            closed: false,
        });
    }
    out
}

/// Finds the double quotations in `text[from..to]`.
fn find_double_quotes(text: &str, from: usize, to: usize) -> Vec<Quote> {
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
        find_quotes(text, 0, text.len(), QuoteStyle::Double)
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

    #[test]
    fn single_quote_table() {
        let table: [(&str, Vec<(&str, bool)>); 7] = [
            (
                "\u{2018}We will fight,\u{2019} she said. \u{2018}It is not over.\u{2019}",
                vec![("We will fight,", true), ("It is not over.", true)],
            ),
            (
                "'Straight marks,' he said.",
                vec![("Straight marks,", true)],
            ),
            ("It's O'Brien's 'word' now", vec![("word", true)]),
            (
                "\u{2018}The voters\u{2019} anger is real,\u{2019} he said.",
                vec![("The voters\u{2019} anger is real,", true)],
            ),
            (
                "\u{2018}We grew up in the \u{2019}90s,\u{2019} she said.",
                vec![("We grew up in the \u{2019}90s,", true)],
            ),
            ("\u{2018}Open to the end", vec![("Open to the end", false)]),
            ("the voters' choice and the states' rights", vec![]),
        ];
        for (text, want) in table {
            let got: Vec<(&str, bool)> = find_quotes(text, 0, text.len(), QuoteStyle::Single)
                .iter()
                .map(|q| (&text[q.start..q.end], q.closed))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn quote_style_table() {
        let table = [
            ("American: \"A,\" he said, citing a 'B' rule.", QuoteStyle::Double),
            ("\u{2018}A,\u{2019} he said. \u{2018}B.\u{2019}", QuoteStyle::Single),
            (
                "\u{2018}He said \u{201c}no\u{201d} twice,\u{2019} she said. \u{2018}Then yes.\u{2019} \u{2018}Fine.\u{2019}",
                QuoteStyle::Single,
            ),
            ("no quotation marks, only it's and O'Brien", QuoteStyle::Double),
        ];
        for (text, want) in table {
            assert_eq!(QuoteStyle::of(text), want, "{text}");
        }
    }
}
