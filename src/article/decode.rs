//! Bytes to text, as drafts really come: UTF-8 (with or without a BOM), UTF-16 with a BOM,
//! Windows-1252 (curly quotes as the bytes 0x93/0x94), or UTF-8 with a few bad bytes; and
//! files that are not text at all (a PDF or Word file saved as `.txt`), which are refused.
//! A decoding that changes byte lengths keeps a map from each byte of the text to its byte in
//! the file, so spans and lines still point into the file.

use crate::error::{Error, Result};

/// Text decoded from a file's bytes.
pub struct Decoded {
    pub text: String,
    /// For each byte of `text` (plus one past the end), its offset in the file; `None` when
    /// they are the same (UTF-8, and UTF-8 with bad bytes read as `?` one for one).
    pub map: Option<Vec<usize>>,
    /// What the reader should be told (the encoding guessed, bad bytes).
    pub warning: Option<String>,
}

/// Windows-1252's characters for the bytes 0x80-0x9F (`None`: undefined in it).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('\u{20ac}'),
    None,
    Some('\u{201a}'),
    Some('\u{0192}'),
    Some('\u{201e}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02c6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017d}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201c}'),
    Some('\u{201d}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02dc}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203a}'),
    Some('\u{0153}'),
    None,
    Some('\u{017e}'),
    Some('\u{0178}'),
];

/// The character a byte stands for in Windows-1252, if any.
pub fn cp1252(b: u8) -> Option<char> {
    match b {
        0x80..=0x9f => CP1252_HIGH[usize::from(b - 0x80)],
        _ => Some(char::from(b)),
    }
}

/// File signatures of formats that are not text, with what to call them.
const MAGIC: [(&[u8], &str); 8] = [
    (b"%PDF-", "a PDF document"),
    (
        b"PK\x03\x04",
        "a ZIP archive (a .docx, .odt or .pages file is one)",
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a Microsoft Office document (.doc)",
    ),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
];

/// How many leading bytes are looked at for control characters.
const SNIFF: usize = 64 * 1024;
/// Share of control bytes (other than tab, line ends, form feed and escape) above which a
/// file is not text.
const MAX_CONTROL_SHARE: f64 = 0.05;

/// Refuses a file that is not text: a known binary signature, a NUL byte (outside UTF-16),
/// or many control bytes. The error names the file and says what it looks like.
pub fn refuse_binary(path: &str, bytes: &[u8]) -> Result<()> {
    let not_text = |what: &str| {
        Err(Error::io(
            path,
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("not a text file ({what}); save the draft as plain text, Markdown or HTML"),
            ),
        ))
    };
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return not_text(what);
    }
    if utf16_bom(bytes).is_some() {
        return Ok(());
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return not_text(&format!("a NUL byte at byte {at}"));
    }
    let control = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    if !head.is_empty() && control as f64 / head.len() as f64 > MAX_CONTROL_SHARE {
        return not_text(&format!(
            "{control} control bytes in its first {} bytes",
            head.len()
        ));
    }
    Ok(())
}

/// `Some(true)` for a UTF-16 big-endian BOM, `Some(false)` for little-endian.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xfe, 0xff, ..] => Some(true),
        [0xff, 0xfe, ..] => Some(false),
        _ => None,
    }
}

/// Decodes a file's bytes: UTF-8 as it is; UTF-16 with a BOM; bytes that are not UTF-8 but
/// hold no valid multi-byte UTF-8 character and only Windows-1252 characters, as
/// Windows-1252 (with a warning); else UTF-8 with each bad byte read as `?` (with a warning
/// naming the first).
pub fn decode(path: &str, bytes: &[u8]) -> Decoded {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            map: None,
            warning: None,
        };
    }
    if let Some(big) = utf16_bom(bytes) {
        return utf16(path, bytes, big);
    }
    let mut multibyte = false;
    let mut first_bad = None;
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        multibyte |= chunk.valid().bytes().any(|b| b >= 0x80);
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first_bad.get_or_insert(offset);
        }
        offset += chunk.invalid().len();
    }
    let first_bad = first_bad.unwrap_or(0);
    if !multibyte && bytes.iter().all(|&b| cp1252(b).is_some()) {
        let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
        let mut map = Vec::with_capacity(bytes.len() + 1);
        for (i, &b) in bytes.iter().enumerate() {
            let c = cp1252(b).unwrap_or('?');
            text.push(c);
            map.extend(std::iter::repeat_n(i, c.len_utf8()));
        }
        map.push(bytes.len());
        return Decoded {
            text,
            map: Some(map),
            warning: Some(format!(
                "{path}: invalid UTF-8 at byte {first_bad}; read as Windows-1252"
            )),
        };
    }
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        text.extend(std::iter::repeat_n('?', chunk.invalid().len()));
    }
    Decoded {
        text,
        map: None,
        warning: Some(format!(
            "{path}: invalid UTF-8 at byte {first_bad}; invalid bytes read as '?'"
        )),
    }
}

/// UTF-16 after its BOM; an unpaired surrogate or an odd last byte is read as `?`.
fn utf16(path: &str, bytes: &[u8], big: bool) -> Decoded {
    let units: Vec<u16> = bytes[2..]
        .chunks(2)
        .map(|c| match (c, big) {
            ([a, b], true) => u16::from_be_bytes([*a, *b]),
            ([a, b], false) => u16::from_le_bytes([*a, *b]),
            _ => u16::from(b'?'),
        })
        .collect();
    let mut text = String::with_capacity(units.len());
    let mut map = Vec::with_capacity(units.len() + 1);
    let mut at = 2;
    for r in char::decode_utf16(units.iter().copied()) {
        let (c, width) = match r {
            Ok(c) => (c, c.len_utf16() * 2),
            Err(_) => ('?', 2),
        };
        text.push(c);
        map.extend(std::iter::repeat_n(at, c.len_utf8()));
        at += width;
    }
    map.push(bytes.len());
    Decoded {
        text,
        map: Some(map),
        warning: Some(format!(
            "{path}: read as UTF-16 ({})",
            if big { "big-endian" } else { "little-endian" }
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodings_keep_file_offsets() {
        // (bytes, text, warning contains, the word whose file offset is checked)
        let table: [(&[u8], &str, &str, &str); 4] = [
            (
                b"He said \x93no\x94.",
                "He said \u{201c}no\u{201d}.",
                "Windows-1252",
                "no",
            ),
            (b"caf\xe9 ok", "caf\u{e9} ok", "Windows-1252", "ok"),
            // a UTF-8 file with a stray byte stays UTF-8: 'é' is a valid multi-byte character
            ("caf\u{e9} \u{ff}".as_bytes(), "caf\u{e9} \u{ff}", "", "caf"),
            (b"\xff\xfeh\x00i\x00", "hi", "UTF-16", "i"),
        ];
        for (bytes, want, warning, word) in table {
            let d = decode("a.txt", bytes);
            assert_eq!(d.text, want, "{bytes:?}");
            assert!(
                d.warning.as_deref().unwrap_or("").contains(warning),
                "{:?}",
                d.warning
            );
            let at = d.text.find(word).unwrap();
            let file = d.map.as_ref().map_or(at, |m| m[at]);
            let needle = if warning == "UTF-16" {
                vec![word.as_bytes()[0], 0]
            } else {
                word.as_bytes().to_vec()
            };
            assert_eq!(&bytes[file..file + needle.len()], &needle[..], "{bytes:?}");
        }
        let d = decode("a.txt", b"ok \xc3\xa9 \xff");
        assert_eq!(d.text, "ok \u{e9} ?");
        assert!(d.warning.unwrap().contains("invalid UTF-8 at byte 6"));
    }

    #[test]
    fn binary_files_are_refused() {
        let table: [(&[u8], Option<&str>); 6] = [
            (b"%PDF-1.7\n%\xe2\xe3", Some("a PDF document")),
            (b"PK\x03\x04\x14\x00", Some("ZIP")),
            (b"text\x00more", Some("NUL byte at byte 4")),
            (b"\x01\x02\x03\x04 abc", Some("control bytes")),
            (b"\xff\xfeh\x00i\x00", None),
            (b"Plain \x93text\x94\r\n\x0c", None),
        ];
        for (bytes, want) in table {
            let got = refuse_binary("d.txt", bytes).err().map(|e| e.to_string());
            match want {
                Some(w) => assert!(
                    got.as_deref()
                        .is_some_and(|g| g.starts_with("d.txt: not a text file") && g.contains(w)),
                    "{got:?}"
                ),
                None => assert_eq!(got, None),
            }
        }
    }
}
