//! Quotation marks in a paragraph: pairs of straight or curly double quotes, mismatched marks
//! read by their position, and an opening quote left open at the paragraph's end.

/// A quotation: byte offsets into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// Offset of the opening mark.
    pub open: usize,
    /// The quoted words: `start..end`.
    pub start: usize,
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
    let mut open: Option<usize> = None;
    let slice = &text[from..to];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let at = from + i;
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let close = |open_at: usize, out: &mut Vec<Quote>| {
            out.push(Quote {
                open: open_at,
                start: open_at + mark_len(text, open_at),
                end: at,
                after: at + c.len_utf8(),
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
                None => open = Some(at),
            },
            '\u{201d}' | '\u{bb}' => match open {
                Some(o) => {
                    close(o, &mut out);
                    open = None;
                }
                // A closing mark before a word, with nothing open: a wrong-way opening mark.
                None if is_word_char(next) && !is_word_char(prev) => open = Some(at),
                None => {}
            },
            '"' => match open {
                Some(o) => {
                    close(o, &mut out);
                    open = None;
                }
                None => open = Some(at),
            },
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push(Quote {
            open: o,
            start: o + mark_len(text, o),
            end: to,
            after: to,
            closed: false,
        });
    }
    out
}

fn mark_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
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
        let table: [(&str, Vec<(&str, bool)>); 7] = [
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
        ];
        for (text, want) in table {
            assert_eq!(quoted(text), want, "{text}");
        }
    }
}
