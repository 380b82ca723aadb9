//! Normalisation and tokenisation, the same on both sides of a comparison: case, punctuation,
//! quote/dash/apostrophe styles, `U.S.`/`US`, `Mr.`/`Mr`, `13,000`/`13000`, contractions.

use super::lexicon::lexicon;
use compact_str::CompactString;

/// Flags on a token.
pub mod flag {
    /// Part of an expanded contraction (`we're` -> `we` `are`).
    pub const CONTRACTED: u8 = 1;
    /// Inside square brackets in a statement: an editorial insertion.
    pub const BRACKETED: u8 = 2;
    /// An editorial ellipsis (`...`, `…`) in a statement.
    pub const ELLIPSIS: u8 = 4;
    /// Written with a capital letter (not at the start of a sentence): a name.
    pub const CAPITAL: u8 = 8;
    /// The first word of a sentence.
    pub const SENTENCE_START: u8 = 16;
}

/// One normalised word with the byte range of its surface form in the tokenised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalised word, held inline when short (most are), so that copying a passage's
    /// tokens allocates nothing.
    pub norm: CompactString,
    pub start: usize,
    pub end: usize,
    pub flags: u8,
}

impl Token {
    /// True for an editorial ellipsis token.
    pub fn is_ellipsis(&self) -> bool {
        self.flags & flag::ELLIPSIS != 0
    }
}

/// Which side of a comparison a text is: an article's statement (brackets and ellipses are
/// editorial marks) or a transcript (bracketed stage notes are dropped, ellipses ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Statement,
    Source,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`')
}

/// Splits `text` into normalised tokens.
pub fn tokenize(text: &str, side: Side) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut bracket = false;
    let mut sentence_start = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if (c == '(' || c == '[') && side == Side::Source {
            if let Some(skip) = stage_note_len(text, byte(i)) {
                let end = byte(i) + skip;
                while i < chars.len() && byte(i) < end {
                    i += 1;
                }
                continue;
            }
        }
        if c == '[' {
            bracket = true;
        } else if c == ']' {
            bracket = false;
        } else if c == '\u{2026}' || (c == '.' && at(i + 1) == Some('.') && at(i + 2) == Some('.'))
        {
            let len = if c == '.' { 3 } else { 1 };
            if side == Side::Statement {
                let (s, e) = (byte(i), byte(i + len));
                out.push(Token {
                    norm: "\u{2026}".into(),
                    start: s,
                    end: e,
                    flags: flag::ELLIPSIS,
                });
            }
            i += len;
            continue;
        } else if c == '%' {
            out.push(Token {
                norm: "percent".into(),
                start: byte(i),
                end: byte(i + 1),
                flags: 0,
            });
        } else if c == '&' {
            out.push(Token {
                norm: "and".into(),
                start: byte(i),
                end: byte(i + 1),
                flags: 0,
            });
        } else if matches!(c, '.' | '!' | '?' | ':' | ';') {
            sentence_start = true;
        } else if c.is_alphanumeric() {
            let start = i;
            let mut j = i + 1;
            loop {
                match at(j) {
                    Some(d) if d.is_alphanumeric() => j += 1,
                    Some(d) if is_apostrophe(d) && at(j + 1).is_some_and(char::is_alphanumeric) => {
                        j += 2
                    }
                    Some('.')
                        if at(j + 1).is_some_and(|n| {
                            n.is_alphanumeric()
                                && (n.is_ascii_digit() == at(j - 1).unwrap_or(' ').is_ascii_digit())
                        }) =>
                    {
                        j += 2
                    }
                    Some(',')
                        if at(j - 1).is_some_and(|p| p.is_ascii_digit())
                            && (1..=3).all(|k| at(j + k).is_some_and(|n| n.is_ascii_digit()))
                            && !at(j + 4).is_some_and(|n| n.is_ascii_digit()) =>
                    {
                        j += 4
                    }
                    _ => break,
                }
            }
            let surface = &text[byte(start)..byte(j)];
            let mut flags = if bracket { flag::BRACKETED } else { 0 };
            let pronoun_i =
                c == 'I' && (j == start + 1 || at(start + 1).is_some_and(is_apostrophe));
            if !sentence_start && c.is_uppercase() && !pronoun_i {
                flags |= flag::CAPITAL;
            }
            if sentence_start {
                flags |= flag::SENTENCE_START;
            }
            sentence_start = false;
            push_word(&mut out, surface, byte(start), byte(j), flags);
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// The length in bytes of a stage note opening at `from` (`(Laughter.)`, `[inaudible]`).
fn stage_note_len(text: &str, from: usize) -> Option<usize> {
    let rest = &text[from..];
    let close = if rest.starts_with('(') { ')' } else { ']' };
    let end = rest.char_indices().take(60).find(|&(_, c)| c == close)?.0;
    let inner = rest[1..end].to_lowercase();
    lexicon()
        .stage_notes
        .iter()
        .any(|w| inner.contains(w))
        .then_some(end + 1)
}

/// Normalises one surface word and pushes it (or its expansion) onto `out`.
fn push_word(out: &mut Vec<Token>, surface: &str, start: usize, end: usize, flags: u8) {
    let numeric = surface
        .bytes()
        .all(|c| c.is_ascii_digit() || c == b'.' || c == b',');
    let mut w = CompactString::with_capacity(surface.len());
    if surface.is_ascii() {
        // The common case, without the Unicode case tables.
        for b in surface.bytes() {
            match b {
                b',' => {}
                b'.' if !numeric => {}
                b'`' => w.push('\''),
                _ => w.push(b.to_ascii_lowercase() as char),
            }
        }
    } else {
        w.extend(
            surface
                .chars()
                .filter(|&c| c != ',' && (c != '.' || numeric))
                .map(|c| if is_apostrophe(c) { '\'' } else { c })
                .flat_map(char::to_lowercase),
        );
    }
    let lex = lexicon();
    let push = |out: &mut Vec<Token>, norm: &str, flags: u8| {
        out.push(Token {
            norm: CompactString::from(norm),
            start,
            end,
            flags,
        });
    };
    if let Some(parts) = lex.contractions.get(w.as_str()) {
        for p in parts {
            push(out, p, flags | flag::CONTRACTED);
        }
        return;
    }
    if let Some(stem) = w.strip_suffix("n't") {
        push(out, stem, flags | flag::CONTRACTED);
        push(out, "not", flags | flag::CONTRACTED);
        return;
    }
    for (suffix, full) in &lex.suffixes {
        if let Some(stem) = w.strip_suffix(suffix) {
            if !stem.is_empty() {
                push(out, stem, flags | flag::CONTRACTED);
                push(out, full, flags | flag::CONTRACTED);
                return;
            }
        }
    }
    if w.starts_with('\'') {
        w.remove(0);
    }
    out.push(Token {
        norm: w,
        start,
        end,
        flags,
    });
}

/// The normalised words of `text` joined by spaces (for display and exact comparisons).
pub fn normalized_string(text: &str) -> String {
    tokenize(text, Side::Statement)
        .iter()
        .filter(|t| !t.is_ellipsis())
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str, side: Side) -> String {
        tokenize(text, side)
            .iter()
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn normalisation_table() {
        let table = [
            ("U.S. concerns", "us concerns"),
            ("US concerns", "us concerns"),
            ("Mr. Putin and Mr Putin", "mr putin and mr putin"),
            ("more than 13,000 dead", "more than 13000 dead"),
            ("They\u{2019}ve invaded", "they have invaded"),
            ("we're gonna win", "we are going to win"),
            ("don't, won't", "do not will not"),
            ("going on \u{2014} in the cyber", "going on in the cyber"),
            ("large-scale attack", "large scale attack"),
            ("3.5 percent, 10%", "3.5 percent 10 percent"),
            ("Ukraine's borders", "ukraine's borders"),
            ("\u{201c}Quoted\u{201d} words", "quoted words"),
            // The ASCII fast path and the Unicode path agree.
            ("Don`t stop", "do not stop"),
            ("Don\u{2019}t stop", "do not stop"),
            ("ÉTAT Über", "état über"),
            ("1,000.5 Km", "1000.5 km"),
        ];
        for (text, want) in table {
            assert_eq!(norms(text, Side::Statement), want, "{text}");
        }
    }

    #[test]
    fn editorial_marks_and_stage_notes() {
        assert_eq!(
            norms("ask [Kennedy] to ... name", Side::Statement),
            "ask kennedy to \u{2026} name"
        );
        let t = tokenize("ask [Kennedy] to", Side::Statement);
        assert!(t[1].flags & flag::BRACKETED != 0 && t[0].flags & flag::BRACKETED == 0);
        assert_eq!(
            norms("We won. (Laughter.) [inaudible] And then...", Side::Source),
            "we won and then"
        );
    }

    #[test]
    fn spans_point_at_surface() {
        let text = "said U.S. troops";
        let t = tokenize(text, Side::Statement);
        assert_eq!(&text[t[1].start..t[1].end], "U.S");
    }
}
