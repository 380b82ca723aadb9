"""The `.qcv` table (static token vectors distilled from MiniLM-L6): writer, reader, and the
sentence vectors computed from it exactly as the Rust side (src/meaning) computes them.

Layout, all little-endian, sections in this order, no padding:

    offset  size         field
    0       8            magic b"QCVEC\\r\\n\\x1a"  (catches text-mode transfers, like PNG's)
    8       4   u32      version = 1
    12      4   u32      dims (256)
    16      4   u32      vocab size V (30522)
    20      4   u32      common components K (1)
    24      4   u32      background sentences B
    28      4   f32      SIF a (the default weight parameter)
    32      8   u64      total token count N of the frequency corpus
    40      V x (u8 len, bytes)      the WordPiece vocabulary, in id order, UTF-8
            dims x f32               per-dimension scales
            V x dims x i8            the matrix, row-major: token t, dimension d = q * scale[d]
            V x u32                  token counts c(t) in the frequency corpus
            K x dims x f32           the common components (unit vectors) to remove
            B x (u16 len, bytes)     the background sentences, UTF-8, embedded at load
    end-4   4   u32      CRC-32 (IEEE, as zlib.crc32) of every byte before it

Weights: w(t) = a / (a + p(t)), p(t) = (c(t) + 1) / (N + V) (add-one, so an unseen token has a
finite, large weight). A sentence's vector: v = sum_t w(t) q(t) / n over its n tokens, scaled by
the per-dimension scales, minus its projection on each common component, L2-normalised.
"""

import struct
import zlib

import numpy as np

MAGIC = b"QCVEC\r\n\x1a"
VERSION = 1
HEADER = struct.Struct("<8sIIIIIfQ")


def write(path, vocab, scales, q, counts, total, common, background, sif_a):
    v, dims = q.shape
    assert len(vocab) == v and scales.shape == (dims,) and counts.shape == (v,)
    assert common.ndim == 2 and common.shape[1] == dims
    out = bytearray(HEADER.pack(MAGIC, VERSION, dims, v, common.shape[0], len(background),
                                sif_a, total))
    for tok in vocab:
        b = tok.encode("utf-8")
        assert len(b) < 256
        out += struct.pack("<B", len(b)) + b
    out += scales.astype("<f4").tobytes()
    out += q.astype(np.int8).tobytes()
    out += counts.astype("<u4").tobytes()
    out += common.astype("<f4").tobytes()
    for s in background:
        b = s.encode("utf-8")
        assert len(b) < 65536
        out += struct.pack("<H", len(b)) + b
    out += struct.pack("<I", zlib.crc32(out) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(out)
    return len(out)


class Table:
    """A parsed table, with the tokenizer-free half of the Rust logic (vectors from ids)."""

    def __init__(self, path):
        data = open(path, "rb").read()
        (crc,) = struct.unpack("<I", data[-4:])
        if zlib.crc32(data[:-4]) & 0xFFFFFFFF != crc:
            raise ValueError("checksum mismatch")
        magic, ver, dims, v, k, nb, a, total = HEADER.unpack_from(data, 0)
        assert magic == MAGIC and ver == VERSION
        off = HEADER.size
        self.vocab = []
        for _ in range(v):
            n = data[off]
            self.vocab.append(data[off + 1:off + 1 + n].decode("utf-8"))
            off += 1 + n
        self.scales = np.frombuffer(data, "<f4", dims, off).astype(np.float32)
        off += 4 * dims
        self.q = np.frombuffer(data, np.int8, v * dims, off).reshape(v, dims)
        off += v * dims
        self.counts = np.frombuffer(data, "<u4", v, off).astype(np.int64)
        off += 4 * v
        self.common = np.frombuffer(data, "<f4", k * dims, off).reshape(k, dims).astype(np.float32)
        off += 4 * k * dims
        self.background = []
        for _ in range(nb):
            (n,) = struct.unpack_from("<H", data, off)
            self.background.append(data[off + 2:off + 2 + n].decode("utf-8"))
            off += 2 + n
        assert off == len(data) - 4
        self.dims, self.sif_a, self.total = dims, a, total
        self.ids = {t: i for i, t in enumerate(self.vocab)}
        self.size = len(data)
        self.set_a(a)

    def set_a(self, a):
        p = (self.counts + 1) / (self.total + len(self.vocab))
        self.weights = (a / (a + p)).astype(np.float32)

    def vector(self, ids, sif=True, remove_common=True):
        """The sentence vector of token ids (normalised; zeros for no tokens)."""
        if len(ids) == 0:
            return np.zeros(self.dims, np.float32)
        ids = np.asarray(ids)
        w = self.weights[ids] if sif else np.ones(len(ids), np.float32)
        v = (w[:, None] * self.q[ids].astype(np.float32)).sum(0) / len(ids) * self.scales
        if remove_common:
            for u in self.common:
                v = v - (v @ u) * u
        n = np.linalg.norm(v)
        return v / n if n > 0 else v
