"""Distils MiniLM-L6 into the static token table models/minilm-static.qcv (see qcv.py).

    python distill.py --data ../shared/data --out models/minilm-static.qcv

Steps, each deterministic (fixed seeds, sorted inputs, one BLAS thread; see run.sh):
 1. check the numpy forward pass against reference.json (sentence-transformers' own vectors);
 2. every WordPiece token alone through the model, `[CLS] tok [SEP]`, mean-pooled over the three
    positions and L2-normalised, as the model pools a sentence;
 3. centre (vocabulary mean), PCA to 256 dimensions, sign of each axis fixed;
 4. int8 with one scale per dimension (the cosine error of both choices is printed);
 5. token counts on the PM transcripts and the PolNeAR train texts, tokenised with the model's
    tokenizer.json (the SIF weights a/(a+p) are computed from them at load);
 6. the common component: the first singular vector of the SIF-weighted vectors of 5,000 PM
    transcript sentences (seeded sample), computed from the int8 table as Rust will see it;
 7. 400 further PM sentences, disjoint from those, as the background for the "generic claim"
    correction, stored as text (Rust embeds them at load).

Extra modes print Rust source for the tests and tables of src/meaning:
    --wordpiece-cases   expected tokens of tricky sentences, from the model's tokenizer
    --unicode-tables    the Unicode tables of the normaliser (accents, marks, punctuation),
                        for src/meaning/data/unicode.txt
"""

import argparse
import glob
import hashlib
import json
import os
import random
import re
import sys
import time
import unicodedata

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import qcv  # noqa: E402
from bert import MiniLM  # noqa: E402

DIMS = 256
SIF_A = 1e-3
SEED = 20261201
N_COMMON_SAMPLE = 5000
N_BACKGROUND = 400


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def check_reference(model):
    ref = json.load(open(os.path.join(HERE, "reference.json")))
    got = model.encode(ref["texts"])
    want = np.array(ref["vectors"], np.float32)
    err = float(np.abs(got - want).max())
    toks = [model.tokens(t) for t in ref["texts"]]
    log("reference check: max |numpy - sentence-transformers| = %.2e; tokens %s"
        % (err, "equal" if toks == ref["tokens"] else "DIFFER"))
    if err > 1e-5 or toks != ref["tokens"]:
        raise SystemExit("the numpy model does not reproduce sentence-transformers")


def static_vectors(model, batch=1024):
    v = len(model.vocab)
    out = np.zeros((v, 384), np.float32)
    for s in range(0, v, batch):
        ids = np.arange(s, min(v, s + batch))
        seq = np.stack([np.full_like(ids, 101), ids, np.full_like(ids, 102)], 1)
        out[s:s + len(ids)] = model.forward_ids(seq, np.ones_like(seq))
    return out


def pca(x, dims):
    x = x.astype(np.float64)
    mean = x.mean(0)
    xc = x - mean
    cov = xc.T @ xc / len(xc)
    evals, evecs = np.linalg.eigh(cov)
    order = np.argsort(evals)[::-1]
    evals, evecs = evals[order], evecs[:, order]
    # An eigenvector's sign is arbitrary: make its largest-magnitude entry positive.
    signs = np.sign(evecs[np.abs(evecs).argmax(0), np.arange(evecs.shape[1])])
    evecs = evecs * signs
    kept = float(evals[:dims].sum() / evals.sum())
    return (xc @ evecs[:, :dims]), kept


def cos_rows(a, b):
    na = np.linalg.norm(a, axis=1)
    nb = np.linalg.norm(b, axis=1)
    return (a * b).sum(1) / np.maximum(na * nb, 1e-12)


def quantise(y):
    per_dim = np.abs(y).max(0) / 127.0
    q = np.clip(np.rint(y / per_dim), -127, 127).astype(np.int8)
    one = np.abs(y).max() / 127.0
    qg = np.clip(np.rint(y / one), -127, 127).astype(np.int8)
    e_dim = 1 - cos_rows(y, q * per_dim)
    e_one = 1 - cos_rows(y, qg * one)
    log("int8 cosine error (1 - cos), per-dimension scales: mean %.2e max %.2e; "
        "one global scale: mean %.2e max %.2e" % (e_dim.mean(), e_dim.max(), e_one.mean(), e_one.max()))
    return q, per_dim.astype(np.float32)


FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def body(path):
    """A file's text without its front matter."""
    text = open(path, encoding="utf-8", errors="replace").read()
    return FRONT.sub("", text, count=1)


def corpus_files(data):
    pm = sorted(glob.glob(os.path.join(data, "pm-transcripts", "*.txt")))
    pol = sorted(glob.glob(os.path.join(data, "polnear", "train", "text", "*.txt")))
    if not pm:
        raise SystemExit("no PM transcripts under %s" % data)
    return pm, pol


def count_tokens(model, files, v):
    counts = np.zeros(v, np.int64)
    tok = model.tokenizer
    tok.no_truncation()
    t0 = time.time()
    for i, f in enumerate(files):
        lines = [ln for ln in body(f).split("\n") if ln.strip()]
        ids = [t for e in tok.encode_batch(lines, add_special_tokens=False) for t in e.ids]
        counts += np.bincount(np.array(ids, dtype=np.int64), minlength=v)
        if i % 5000 == 4999:
            log("  counted %d files, %.0f s" % (i + 1, time.time() - t0))
    tok.enable_truncation(256)
    return counts


SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z])")
LABEL = re.compile(r"^[A-Z][A-Z .'’-]{1,40}:\s*")


def pm_sentences(path):
    """Prose sentences of one transcript: 8-40 words, not headers, no speaker labels."""
    out = []
    for para in body(path).split("\n"):
        para = LABEL.sub("", para.strip())
        if not para or para.isupper():
            continue
        for s in SPLIT.split(para):
            s = s.strip()
            n = len(s.split())
            if 8 <= n <= 40 and s[-1:] in ".!?" and not s.isupper():
                out.append(s)
    return out


def sample_sentences(pm, rng, n):
    """n sentences, at most 2 per transcript, from transcripts drawn without replacement."""
    files = pm[:]
    rng.shuffle(files)
    out = []
    for f in files:
        s = pm_sentences(f)
        if not s:
            continue
        out.extend(rng.sample(s, min(2, len(s))))
        if len(out) >= n:
            break
    return out[:n]


def common_components(table, model, sentences, k=1):
    ids = [[table.ids[t] for t in model.tokens(s)] for s in sentences]
    m = np.stack([unnormalised(table, i) for i in ids if i]).astype(np.float64)
    _, sv, vt = np.linalg.svd(m, full_matrices=False)
    comps = vt[:k]
    comps *= np.sign(comps[np.arange(k), np.abs(comps).argmax(1)])[:, None]
    log("common component: first singular value %.3f (next %.3f) over %d sentences"
        % (sv[0], sv[1], len(m)))
    return comps.astype(np.float32)


def unnormalised(table, ids):
    ids = np.asarray(ids)
    w = table.weights[ids]
    return (w[:, None] * table.q[ids].astype(np.float32)).sum(0) / len(ids) * table.scales


def build(args):
    np.random.seed(SEED)
    model = MiniLM()
    check_reference(model)
    v = len(model.vocab)
    vocab = [t for t, _ in model.vocab]

    t0 = time.time()
    raw = static_vectors(model)
    log("static vectors: %d tokens through the model in %.0f s" % (v, time.time() - t0))
    os.makedirs(args.work, exist_ok=True)
    np.save(os.path.join(args.work, "static_raw.npy"), raw)

    y, kept = pca(raw, DIMS)
    log("PCA to %d dimensions keeps %.1f%% of the centred variance" % (DIMS, 100 * kept))
    q, scales = quantise(y)

    pm, pol = corpus_files(args.data)
    log("counting tokens in %d PM transcripts and %d PolNeAR texts" % (len(pm), len(pol)))
    counts = count_tokens(model, pm + pol, v)
    total = int(counts.sum())
    log("frequency corpus: %d tokens; %d vocabulary tokens unseen" % (total, int((counts == 0).sum())))
    if counts.max() >= 2 ** 32:
        raise SystemExit("a count overflows u32")

    rng = random.Random(SEED)
    sents = sample_sentences(pm, rng, N_COMMON_SAMPLE + N_BACKGROUND)
    common_sample, background = sents[:N_COMMON_SAMPLE], sents[N_COMMON_SAMPLE:]

    # The common component is computed from the int8 table, as the Rust side sees it.
    tmp = args.out + ".tmp"
    qcv.write(tmp, vocab, scales, q, counts, total, np.zeros((1, DIMS), np.float32), [], SIF_A)
    table = qcv.Table(tmp)
    os.remove(tmp)
    common = common_components(table, model, common_sample)

    size = qcv.write(args.out, vocab, scales, q, counts, total, common, background, SIF_A)
    digest = hashlib.sha256(open(args.out, "rb").read()).hexdigest()
    log("wrote %s: %d bytes, sha256 %s" % (args.out, size, digest))


WORDPIECE_CASES = [
    "I'm going to stop the subsidy to PBS.",
    "Romney said he would end federal funding for public broadcasting, even though he likes Big Bird.",
    "we also have fewer horses and bayonets, because the nature of our military's changed.",
    "“Can you help us find folks,” he said — and they brought us whole binders full of women.",
    "The U.S. spent $3.2bn (about 4%) on it in 2011-12; that's 1,000,000 dollars/day.",
    "Erdoğan, Zürich, São Paulo, Łódź, Ségolène Royal and naïve café crème.",
    "ΑΘΗΝΑ and Ελλάδα; Москва и Йошкар-Ола.",
    "Mr. Obama's re-election... won't happen!? #hashtag @handle e-mail co-operate",
    "Tabs\tand\nnewlines  and\u00a0no-break\u2009spaces, soft\u00adhyphen, zero\u200bwidth.",
    "北京 and 東京 are cities; 日本語 too.",
    "supercalifragilisticexpialidociousness antidisestablishmentarianism pneumonoultramicroscopic",
    "a" * 101 + " short",
    "ALL CAPS HEADLINE: PRIME MINISTER ANNOUNCES $20 MILLION FOR THE MURRAY-DARLING",
    "Emoji 🙂 and symbols © ® ™ € £ ¥ § ¶ « guillemets » ¿qué? ¡sí!",
    "",
]


def wordpiece_cases(model):
    model.tokenizer.no_truncation()
    print("    // Generated by scripts/distill/distill.py --wordpiece-cases from the model's")
    print("    // tokenizer.json (tokenizers %s)." % __import__("tokenizers").__version__)
    print("    const CASES: &[(&str, &[&str])] = &[")
    for s in WORDPIECE_CASES:
        toks = model.tokens(s)
        print("        (")
        print("            %s," % rust_str(s))
        print("            &[%s]," % ", ".join(rust_str(t) for t in toks))
        print("        ),")
    print("    ];")


def rust_str(s):
    out = []
    for ch in s:
        c = ord(ch)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif 32 <= c < 127:
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp") or c > 0xFFFF:
            out.append("\\u{%x}" % c)
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def unicode_tables():
    """Rust tables for BERT's normaliser: the NFD base letter of each precomposed letter (its
    NFD minus nonspacing marks, where that is one char), and ranges of nonspacing marks (Mn,
    dropped), format characters (Cf, removed as controls) and punctuation (P*, split off)."""
    rows = []
    for c in list(range(0xC0, 0x250)) + list(range(0x370, 0x530)) + list(range(0x1E00, 0x2000)):
        ch = chr(c)
        base = "".join(x for x in unicodedata.normalize("NFD", ch) if unicodedata.category(x) != "Mn")
        if base != ch and len(base) == 1:
            rows.append((c, ord(base)))

    def ranges(pred):
        out, start = [], None
        for c in range(0x80, 0x110000):
            if pred(unicodedata.category(chr(c))):
                if start is None:
                    start = c
            elif start is not None:
                out.append((start, c - 1))
                start = None
        return out

    print("# Unicode tables for the BERT normaliser (the meaning layer's WordPiece tokenizer),")
    print("# generated by `scripts/distill/distill.py --unicode-tables` (Python %s, Unicode %s)."
          % (sys.version.split()[0], unicodedata.unidata_version))
    print("# Code points at or above U+0080 only: ASCII is handled inline. Each line: table, then two")
    print("# hexadecimal code points:")
    print("#   base         a precomposed letter and its base letter (NFD minus nonspacing marks)")
    print("#   nonspacing   a range of nonspacing marks (Mn), dropped with the accents")
    print("#   format       a range of format characters (Cf), removed like controls")
    print("#   punctuation  a range of punctuation (P*), each a word of its own")
    for name, rows_ in [
        ("base", rows),
        ("nonspacing", ranges(lambda k: k == "Mn")),
        ("format", ranges(lambda k: k == "Cf")),
        ("punctuation", ranges(lambda k: k.startswith("P"))),
    ]:
        for r in rows_:
            print("%s %X %X" % (name, r[0], r[1]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "models", "minilm-static.qcv"))
    ap.add_argument("--work", default=os.path.join(HERE, "..", "..", "target", "distill"))
    ap.add_argument("--wordpiece-cases", action="store_true")
    ap.add_argument("--unicode-tables", action="store_true")
    args = ap.parse_args()
    if args.wordpiece_cases:
        wordpiece_cases(MiniLM())
    elif args.unicode_tables:
        unicode_tables()
    else:
        build(args)


if __name__ == "__main__":
    main()
