//! The model's WordPiece tokenizer (BERT uncased): basic tokenisation, then greedy
//! longest-match-first pieces with `##` continuations, as the model's `tokenizer.json` does.
//!
//! Basic tokenisation follows the `BertNormalizer` + `BertPreTokenizer` of that file: controls,
//! format characters, U+0000 and U+FFFD removed; whitespace splits; CJK ideographs stand alone;
//! accents stripped (NFD, nonspacing marks dropped); lower-cased; punctuation split off. The
//! NFD step uses a table of the precomposed Latin, Greek and Cyrillic letters (see
//! `super::unicode`); other scripts' precomposed characters (Hangul syllables, for one) are
//! kept whole, where the Python tokenizer would decompose them. Words over 100 chars, and words
//! with no matching pieces, are one `[UNK]`.

use rustc_hash::FxHashMap;

use super::unicode;

/// A word longer than this (in chars) is one `[UNK]`, as in the model's tokenizer.
pub const MAX_WORD_CHARS: usize = 100;

/// WordPiece over a fixed vocabulary; token ids are the vocabulary's line numbers.
#[derive(Debug)]
pub struct WordPiece {
    /// Word-initial pieces.
    start: FxHashMap<Box<str>, u32>,
    /// Continuation pieces, stored without their `##`.
    cont: FxHashMap<Box<str>, u32>,
    unk: u32,
    /// The longest piece, in bytes: no lookup beyond it can match.
    longest: usize,
}

impl WordPiece {
    /// A tokenizer over `vocab` (id order). `None` when the vocabulary has no `[UNK]`.
    pub fn new<S: AsRef<str>>(vocab: &[S]) -> Option<WordPiece> {
        let mut start = FxHashMap::default();
        let mut cont = FxHashMap::default();
        let mut unk = None;
        let mut longest = 0;
        for (id, tok) in vocab.iter().enumerate() {
            let tok = tok.as_ref();
            let id = id as u32;
            if tok == "[UNK]" {
                unk = Some(id);
            }
            match tok.strip_prefix("##") {
                Some(rest) if !rest.is_empty() => {
                    longest = longest.max(rest.len());
                    cont.entry(rest.into()).or_insert(id);
                }
                _ => {
                    longest = longest.max(tok.len());
                    start.entry(tok.into()).or_insert(id);
                }
            }
        }
        Some(WordPiece {
            start,
            cont,
            unk: unk?,
            longest,
        })
    }

    /// The id of `[UNK]`.
    pub fn unk(&self) -> u32 {
        self.unk
    }

    /// Appends the token ids of `text` to `out`.
    pub fn encode_into(&self, text: &str, out: &mut Vec<u32>) {
        let mut word = String::with_capacity(32);
        basic_words(text, &mut word, |w| self.word_pieces(w, out));
    }

    /// The token ids of `text`.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let mut out = Vec::with_capacity(text.len() / 4 + 1);
        self.encode_into(text, &mut out);
        out
    }

    /// Greedy longest-match-first pieces of one basic word.
    fn word_pieces(&self, word: &str, out: &mut Vec<u32>) {
        if word.chars().count() > MAX_WORD_CHARS {
            out.push(self.unk);
            return;
        }
        let mark = out.len();
        let mut begin = 0;
        while begin < word.len() {
            let map = if begin == 0 { &self.start } else { &self.cont };
            let mut end = word.len().min(begin + self.longest);
            while !word.is_char_boundary(end) {
                end -= 1;
            }
            let mut found = None;
            while end > begin {
                if let Some(&id) = map.get(&word[begin..end]) {
                    found = Some(id);
                    break;
                }
                end -= 1;
                while !word.is_char_boundary(end) {
                    end -= 1;
                }
            }
            match found {
                Some(id) => {
                    out.push(id);
                    begin = end;
                }
                None => {
                    out.truncate(mark);
                    out.push(self.unk);
                    return;
                }
            }
        }
    }
}

/// Calls `emit` with each basic word of `text` (normalised, split on whitespace and
/// punctuation), built in `buf`.
pub(crate) fn basic_words(text: &str, buf: &mut String, mut emit: impl FnMut(&str)) {
    buf.clear();
    let flush = |buf: &mut String, emit: &mut dyn FnMut(&str)| {
        if !buf.is_empty() {
            emit(buf);
            buf.clear();
        }
    };
    for ch in text.chars() {
        if ch.is_ascii() {
            if ch.is_ascii_alphanumeric() {
                buf.push(ch.to_ascii_lowercase());
            } else if matches!(ch, ' ' | '\t' | '\n' | '\r') {
                // Only these: the other ASCII controls (form feed too) are removed unsplit.
                flush(buf, &mut emit);
            } else if ch.is_ascii_punctuation() {
                flush(buf, &mut emit);
                let mut b = [0u8; 4];
                emit(ch.encode_utf8(&mut b));
            } else if ch.is_control() {
                // removed
            } else {
                buf.push(ch);
            }
            continue;
        }
        let c = ch as u32;
        if ch == '\u{fffd}'
            || ch.is_control()
            || in_ranges(&unicode::tables().format, c)
            || is_private(c)
        {
            continue;
        }
        if ch.is_whitespace() {
            flush(buf, &mut emit);
            continue;
        }
        if in_ranges(&unicode::tables().nonspacing, c) {
            continue;
        }
        if is_cjk(c) {
            flush(buf, &mut emit);
            let mut b = [0u8; 4];
            emit(ch.encode_utf8(&mut b));
            continue;
        }
        let base = base_letter(ch);
        if in_ranges(&unicode::tables().punctuation, base as u32) {
            flush(buf, &mut emit);
            let mut b = [0u8; 4];
            emit(base.encode_utf8(&mut b));
            continue;
        }
        for lower in base.to_lowercase() {
            // A lower-cased letter can be a precomposed one again (rare); the Python side
            // strips accents before lower-casing, so keep what it would keep.
            buf.push(lower);
        }
    }
    flush(buf, &mut emit);
}

/// The letter without its accents (NFD minus nonspacing marks), or `ch` itself.
fn base_letter(ch: char) -> char {
    let c = ch as u32;
    let base = &unicode::tables().base;
    match base.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => char::from_u32(base[i].1).unwrap_or(ch),
        Err(_) => ch,
    }
}

fn in_ranges(ranges: &[(u32, u32)], c: u32) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn is_private(c: u32) -> bool {
    (0xE000..=0xF8FF).contains(&c) || (0xF0000..=0x10FFFD).contains(&c)
}

/// The CJK ideograph blocks BERT pads with spaces.
fn is_cjk(c: u32) -> bool {
    matches!(c,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B820..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A vocabulary big enough for the piece rules, independent of the shipped table.
    fn toy() -> WordPiece {
        let vocab = [
            "[PAD]", "[UNK]", "un", "##aff", "##able", "aff", "able", "##a", "a", "b", "##b", ".",
            "é", "e", "cafe",
        ];
        WordPiece::new(&vocab).unwrap()
    }

    fn names(wp: &WordPiece, vocab: &[&str], text: &str) -> Vec<String> {
        wp.encode(text)
            .into_iter()
            .map(|i| vocab[i as usize].to_string())
            .collect()
    }

    #[test]
    fn piece_rules_on_a_toy_vocabulary() {
        let vocab = [
            "[PAD]", "[UNK]", "un", "##aff", "##able", "aff", "able", "##a", "a", "b", "##b", ".",
            "é", "e", "cafe",
        ];
        let wp = toy();
        const CASES: &[(&str, &str, &[&str])] = &[
            ("longest first", "unaffable", &["un", "##aff", "##able"]),
            ("no match is one unk", "unaffx", &["[UNK]"]),
            ("punctuation splits", "able.b", &["able", ".", "b"]),
            ("continuations", "abbb", &["a", "##b", "##b", "##b"]),
            ("lower-case and accents", "CAFÉ", &["cafe"]),
            ("empty", "", &[]),
            ("whitespace only", " \t\n", &[]),
        ];
        for (name, text, want) in CASES {
            assert_eq!(names(&wp, &vocab, text), *want, "{name}");
        }
        let long = "a".repeat(MAX_WORD_CHARS + 1);
        assert_eq!(names(&wp, &vocab, &long), ["[UNK]"], "over 100 chars");
        let limit = "a".repeat(MAX_WORD_CHARS);
        assert_eq!(
            wp.encode(&limit).len(),
            MAX_WORD_CHARS,
            "100 chars is still a word"
        );
    }

    #[test]
    fn a_vocabulary_without_unk_is_refused() {
        assert!(WordPiece::new(&["a", "b"]).is_none());
    }

    #[test]
    fn basic_words_table() {
        const CASES: &[(&str, &str, &[&str])] = &[
            ("accents", "Ségolène Łódź", &["segolene", "łodz"]),
            ("cjk stands alone", "ab北京c", &["ab", "北", "京", "c"]),
            (
                "format chars vanish",
                "zero\u{200b}width soft\u{ad}hy",
                &["zerowidth", "softhy"],
            ),
            (
                "unicode punctuation",
                "“a”—b…",
                &["“", "a", "”", "—", "b", "…"],
            ),
            ("symbols stay in words", "€5 ©", &["€5", "©"]),
            (
                "no-break space splits",
                "a\u{a0}b\u{2009}c",
                &["a", "b", "c"],
            ),
            ("combining marks dropped", "e\u{301}te\u{301}", &["ete"]),
        ];
        let mut buf = String::new();
        for (name, text, want) in CASES {
            let mut got = Vec::new();
            basic_words(text, &mut buf, |w| got.push(w.to_string()));
            assert_eq!(got, *want, "{name}");
        }
    }
}
