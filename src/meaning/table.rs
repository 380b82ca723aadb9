//! The `.qcv` table of static token vectors: parsing and checking (the format is documented
//! in `scripts/distill/qcv.py`, which writes it).
//!
//! All little-endian: magic `QCVEC\r\n\x1a`, version 1, dims, vocabulary size, common
//! components, background sentences (u32 each), SIF `a` (f32), total token count (u64); then
//! the vocabulary (u8 length + UTF-8 each), per-dimension scales (f32), the int8 matrix
//! (row-major), token counts (u32), common components (f32), background sentences (u16
//! length + UTF-8 each), and a CRC-32 (IEEE) of every byte before it.

use std::fmt;

/// The first eight bytes of a table.
pub const MAGIC: &[u8; 8] = b"QCVEC\r\n\x1a";
/// The format version this build reads.
pub const VERSION: u32 = 1;

/// Why a table could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// Shorter than its header or than its sections say.
    Truncated,
    /// Not a table (wrong magic).
    NotATable,
    /// A version this build does not read.
    Version(u32),
    /// The bytes do not match their checksum: the file was damaged.
    Checksum,
    /// A field out of range (the text says which).
    Invalid(&'static str),
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TableError::Truncated => write!(f, "the vector table is truncated"),
            TableError::NotATable => write!(f, "the vector file is not a quotecheck table"),
            TableError::Version(v) => {
                write!(
                    f,
                    "the vector table is version {v}, this build reads {VERSION}"
                )
            }
            TableError::Checksum => write!(f, "the vector table fails its checksum (damaged)"),
            TableError::Invalid(what) => write!(f, "the vector table is invalid: {what}"),
        }
    }
}

impl std::error::Error for TableError {}

/// A parsed table, borrowing nothing (the matrix is copied once, about 8 MB).
#[derive(Debug)]
pub struct Table {
    /// Dimensions of a vector.
    pub dims: usize,
    /// The WordPiece vocabulary, in id order.
    pub vocab: Vec<String>,
    /// Per-dimension scales: value = q * scale.
    pub scales: Vec<f32>,
    /// The int8 matrix, row-major (`vocab.len() x dims`).
    pub matrix: Vec<i8>,
    /// Token counts in the frequency corpus.
    pub counts: Vec<u32>,
    /// Total tokens of the frequency corpus.
    pub total: u64,
    /// The SIF parameter `a` the table was built with.
    pub sif_a: f32,
    /// Common components (unit vectors, `dims` each) to remove from sentence vectors.
    pub common: Vec<Vec<f32>>,
    /// Background sentences ("unrelated" generic political sentences), as text.
    pub background: Vec<String>,
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], TableError> {
        let end = self.at.checked_add(n).ok_or(TableError::Truncated)?;
        let s = self.b.get(self.at..end).ok_or(TableError::Truncated)?;
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, TableError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, TableError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    fn u32(&mut self) -> Result<u32, TableError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn u64(&mut self) -> Result<u64, TableError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    fn f32s(&mut self, n: usize) -> Result<Vec<f32>, TableError> {
        let bytes = self.take(n.checked_mul(4).ok_or(TableError::Truncated)?)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
            .collect())
    }
    fn string(&mut self, len: usize) -> Result<String, TableError> {
        let b = self.take(len)?;
        String::from_utf8(b.to_vec()).map_err(|_| TableError::Invalid("a string is not UTF-8"))
    }
}

impl Table {
    /// Parses and checks `bytes`: magic, version, checksum, then every section's bounds.
    pub fn parse(bytes: &[u8]) -> Result<Table, TableError> {
        if bytes.len() < 44 {
            return Err(if bytes.starts_with(&MAGIC[..bytes.len().min(8)]) {
                TableError::Truncated
            } else {
                TableError::NotATable
            });
        }
        if &bytes[..8] != MAGIC {
            return Err(TableError::NotATable);
        }
        let (body, tail) = bytes.split_at(bytes.len() - 4);
        let mut r = Reader { b: body, at: 8 };
        let version = r.u32()?;
        if version != VERSION {
            return Err(TableError::Version(version));
        }
        if crc32(body) != u32::from_le_bytes(tail.try_into().unwrap()) {
            return Err(TableError::Checksum);
        }
        let dims = r.u32()? as usize;
        let v = r.u32()? as usize;
        let k = r.u32()? as usize;
        let nb = r.u32()? as usize;
        let sif_a = f32::from_bits(r.u32()?);
        let total = r.u64()?;
        if dims == 0 || dims > 4096 {
            return Err(TableError::Invalid("dimensions"));
        }
        if v == 0 || v > 1 << 24 {
            return Err(TableError::Invalid("vocabulary size"));
        }
        if !(sif_a.is_finite() && sif_a > 0.0) {
            return Err(TableError::Invalid("SIF parameter"));
        }
        let mut vocab = Vec::with_capacity(v);
        for _ in 0..v {
            let n = r.u8()? as usize;
            vocab.push(r.string(n)?);
        }
        let scales = r.f32s(dims)?;
        if scales.iter().any(|s| !s.is_finite()) {
            return Err(TableError::Invalid("a scale is not finite"));
        }
        let matrix = r
            .take(v.checked_mul(dims).ok_or(TableError::Truncated)?)?
            .iter()
            .map(|&b| b as i8)
            .collect();
        let counts = r
            .take(v * 4)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().unwrap()))
            .collect();
        let mut common = Vec::with_capacity(k);
        for _ in 0..k {
            let c = r.f32s(dims)?;
            if c.iter().any(|x| !x.is_finite()) {
                return Err(TableError::Invalid("a common component is not finite"));
            }
            common.push(c);
        }
        let mut background = Vec::with_capacity(nb);
        for _ in 0..nb {
            let n = r.u16()? as usize;
            background.push(r.string(n)?);
        }
        if r.at != body.len() {
            return Err(TableError::Invalid("bytes after the last section"));
        }
        Ok(Table {
            dims,
            vocab,
            scales,
            matrix,
            counts,
            total,
            sif_a,
            common,
            background,
        })
    }

    /// The table as bytes, with its checksum (the inverse of [`Table::parse`]; the shipped
    /// table is written by the distillation script, this serves tests and tools).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.matrix.len() + 64 * self.vocab.len());
        out.extend_from_slice(MAGIC);
        for x in [
            VERSION,
            self.dims as u32,
            self.vocab.len() as u32,
            self.common.len() as u32,
            self.background.len() as u32,
            self.sif_a.to_bits(),
        ] {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out.extend_from_slice(&self.total.to_le_bytes());
        for t in &self.vocab {
            out.push(t.len() as u8);
            out.extend_from_slice(t.as_bytes());
        }
        self.scales
            .iter()
            .for_each(|s| out.extend_from_slice(&s.to_le_bytes()));
        out.extend(self.matrix.iter().map(|&q| q as u8));
        self.counts
            .iter()
            .for_each(|c| out.extend_from_slice(&c.to_le_bytes()));
        for c in &self.common {
            c.iter()
                .for_each(|x| out.extend_from_slice(&x.to_le_bytes()));
        }
        for s in &self.background {
            out.extend_from_slice(&(s.len() as u16).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        }
        let crc = crc32(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }
}

/// CRC-32 (IEEE 802.3, reflected, as zlib's `crc32`), slicing by one byte with a table.
pub fn crc32(bytes: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let t = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *e = c;
        }
        t
    });
    !bytes.iter().fold(!0u32, |c, &b| {
        t[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8)
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small table: 3 dimensions, a vocabulary of words and pieces, one common component.
    pub(crate) fn tiny() -> Table {
        let vocab: Vec<String> = [
            "[PAD]", "[UNK]", "the", "tax", "taxes", "cut", "raise", "jobs", "##es", ".",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let rows: [[i8; 3]; 10] = [
            [0, 0, 0],
            [1, 1, 1],
            [10, 10, 10],
            [100, 0, 0],
            [90, 10, 0],
            [0, 100, 0],
            [0, -100, 0],
            [0, 0, 100],
            [5, 5, 5],
            [20, 20, 20],
        ];
        Table {
            dims: 3,
            matrix: rows.iter().flatten().copied().collect(),
            counts: vec![0, 0, 1000, 10, 10, 10, 10, 10, 50, 800],
            total: 2000,
            sif_a: 1e-3,
            scales: vec![0.01, 0.01, 0.01],
            common: vec![vec![0.0, 0.0, 0.0]],
            background: vec!["jobs jobs jobs".into(), "the tax".into()],
            vocab,
        }
    }

    #[test]
    fn crc32_known_vectors() {
        const CASES: &[(&str, &[u8], u32)] = &[
            ("check string", b"123456789", 0xCBF4_3926),
            ("empty", b"", 0),
            ("one byte", b"a", 0xE8B7_BE43),
        ];
        for (name, input, want) in CASES {
            assert_eq!(crc32(input), *want, "{name}");
        }
    }

    #[test]
    fn round_trip() {
        let t = tiny();
        let back = Table::parse(&t.to_bytes()).unwrap();
        assert_eq!(back.vocab, t.vocab);
        assert_eq!(back.matrix, t.matrix);
        assert_eq!(back.counts, t.counts);
        assert_eq!(back.background, t.background);
        assert_eq!(back.total, 2000);
    }

    #[test]
    fn damaged_tables_are_refused_with_a_reason() {
        let good = tiny().to_bytes();
        let flip = |at: usize| {
            let mut b = good.clone();
            b[at] ^= 0x40;
            b
        };
        let mut v2 = good.clone();
        v2[8] = 2;
        let cases: Vec<(&str, Vec<u8>, TableError)> = vec![
            (
                "a flipped matrix byte",
                flip(good.len() - 40),
                TableError::Checksum,
            ),
            ("a flipped header byte", flip(13), TableError::Checksum),
            (
                "a flipped checksum",
                flip(good.len() - 1),
                TableError::Checksum,
            ),
            (
                "truncated",
                good[..good.len() - 9].to_vec(),
                TableError::Checksum,
            ),
            ("header only", good[..20].to_vec(), TableError::Truncated),
            (
                "not a table",
                b"hello, this is plainly some text file".repeat(2),
                TableError::NotATable,
            ),
            ("empty", Vec::new(), TableError::Truncated),
            ("another version", v2, TableError::Version(2)),
        ];
        for (name, bytes, want) in cases {
            assert_eq!(Table::parse(&bytes).unwrap_err(), want, "{name}");
        }
    }
}
