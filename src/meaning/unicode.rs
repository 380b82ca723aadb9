//! The Unicode tables of the BERT normaliser (accents, marks, format characters,
//! punctuation), read once from `data/unicode.txt`, which
//! `scripts/distill/distill.py --unicode-tables` writes.

use crate::tables::lines;
use std::sync::OnceLock;

/// The tables: pairs of code points, each sorted.
pub(super) struct Tables {
    /// (precomposed letter, its base letter).
    pub base: Vec<(u32, u32)>,
    /// Ranges of nonspacing marks (Mn), dropped with the accents.
    pub nonspacing: Vec<(u32, u32)>,
    /// Ranges of format characters (Cf), removed like controls.
    pub format: Vec<(u32, u32)>,
    /// Ranges of punctuation (P*), each a word of its own.
    pub punctuation: Vec<(u32, u32)>,
}

/// The tables, parsed on first use.
pub(super) fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Tables {
            base: Vec::new(),
            nonspacing: Vec::new(),
            format: Vec::new(),
            punctuation: Vec::new(),
        };
        for l in lines(include_str!("data/unicode.txt")) {
            let mut f = l.split(' ');
            let (Some(table), Some(a), Some(b)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let (Ok(a), Ok(b)) = (u32::from_str_radix(a, 16), u32::from_str_radix(b, 16)) else {
                continue;
            };
            match table {
                "base" => t.base.push((a, b)),
                "nonspacing" => t.nonspacing.push((a, b)),
                "format" => t.format.push((a, b)),
                "punctuation" => t.punctuation.push((a, b)),
                _ => {}
            }
        }
        t
    })
}
