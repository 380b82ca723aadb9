"""Compares support scores on (statement, passage, label) pairs: ROC-AUC and recall at a few
false-positive rates, per variant and per set of pairs.

    python compare.py [--pairs pairs/pairs.csv] [--table models/minilm-static.qcv]

Variants:
  transformer       cosine of the full model (bert.py) on whole texts
  transformer+mix   0.5 (transformer cosine - its best background cosine) + 0.5 share
  static-raw        mean of the raw 384-d token vectors: no centring, no weights
  static-plain      the table's centred PCA vectors, uniform weights, no common component
  static-sif        the table, SIF weights, no common component removal
  static-sif-cc     the table, SIF weights, common component removed (what Rust computes)
  cos-bg            static-sif-cc minus the statement's best background cosine
  share             IDF-weighted share of the statement's content words in the passage
  combined          0.5 cos-bg + 0.5 share: the Rust score (src/meaning, run through cargo)
  combined-veto     combined, with pairs that show a conflict (negation, number,
                    antonym, name) put last
The Rust scores come from `cargo test --release --lib meaning::tests::tools::score_pairs
-- --ignored` (run here); the Python static-sif-cc cosine is checked against Rust's.
IDF: ln(N / df) over the turns of the debates (the corpus the pairs come from).
"""

import argparse
import csv
import glob
import math
import os
import re
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

import qcv  # noqa: E402
from bert import MiniLM  # noqa: E402

FPRS = (0.05, 0.10, 0.20)
WORD = re.compile(r"[0-9a-z]+(?:'[a-z]+)*")


def auc(pos, neg):
    """ROC-AUC by ranks (ties count a half)."""
    if not pos or not neg:
        return float("nan")
    s = np.array(pos + neg)
    order = s.argsort(kind="mergesort")
    ranks = np.empty(len(s))
    sorted_s = s[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    rp = ranks[:len(pos)].sum()
    return (rp - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def recall_at(pos, neg, fpr):
    """Recall at the lowest threshold whose false-positive rate is <= fpr (scores > t)."""
    neg = sorted(neg, reverse=True)
    k = int(math.floor(fpr * len(neg)))  # negatives allowed above the threshold
    t = neg[k] if k < len(neg) else -math.inf
    return sum(p > t for p in pos) / len(pos), t


def idf_table(shared, out):
    turns = []
    for path in sorted(glob.glob(os.path.join(shared, "data", "debates", "*.txt"))):
        body = open(path, encoding="utf-8").read().split("\n---\n", 1)[-1]
        for para in body.split("\n\n"):
            m = re.match(r"([^:\n]{3,60}): (.*)", para.strip(), re.S)
            if m:
                turns.append(m.group(2))
    df = {}
    for t in turns:
        for w in set(words(t)):
            df[w] = df.get(w, 0) + 1
    n = len(turns)
    with open(out, "w", encoding="utf-8") as f:
        for w in sorted(df):
            f.write("%s\t%.6f\n" % (w, math.log(n / df[w])))
    return n


def words(text):
    """Lower-case words as src/meaning sees them (possessive 's dropped, hyphens split)."""
    out = []
    for w in WORD.findall(text.lower().replace("’", "'").replace("-", " ")):
        if w.endswith("'s"):
            w = w[:-2]
        out.append(w)
    return out


def rust_scores(pairs, idf, out):
    env = dict(os.environ, QUOTECHECK_PAIRS=pairs, QUOTECHECK_IDF=idf, QUOTECHECK_SCORES=out)
    subprocess.run(["nice", "cargo", "test", "-q", "--release", "--lib",
                    "meaning::tests::tools::score_pairs", "--", "--ignored", "--exact"],
                   cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return {r["id"]: r for r in csv.DictReader(open(out, encoding="utf-8"))}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", default=os.path.join(HERE, "pairs", "pairs.csv"))
    ap.add_argument("--table", default=os.path.join(ROOT, "models", "minilm-static.qcv"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--work", default=os.path.join(ROOT, "target", "distill"))
    ap.add_argument("--dump", help="write every pair's scores to this CSV")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)

    pairs = list(csv.DictReader(open(args.pairs, encoding="utf-8")))
    idf_path = os.path.join(args.work, "idf.tsv")
    idf_table(args.shared, idf_path)
    rust = rust_scores(os.path.abspath(args.pairs), idf_path, os.path.join(args.work, "rust-scores.csv"))

    model = MiniLM()
    table = qcv.Table(args.table)
    raw_path = os.path.join(args.work, "static_raw.npy")
    raw = np.load(raw_path) if os.path.exists(raw_path) else None
    if raw is None:
        print("(no %s: run run.sh first for static-raw)" % raw_path, file=sys.stderr)

    st = [p["statement"] for p in pairs]
    ps = [p["passage"] for p in pairs]
    te_s, te_p = model.encode(st), model.encode(ps)
    te_bg = model.encode(table.background)
    tr_bg_best = (te_s @ te_bg.T).max(1)

    def static(texts, **kw):
        return np.stack([table.vector([table.ids[t] for t in model.tokens(x)], **kw) for x in texts])

    def raw_vec(texts):
        out = []
        for x in texts:
            ids = [table.ids[t] for t in model.tokens(x)]
            v = raw[ids].mean(0) if ids else np.zeros(raw.shape[1])
            out.append(v / (np.linalg.norm(v) or 1))
        return np.stack(out)

    def rowcos(a, b):
        return (a * b).sum(1)

    scores = {}
    scores["transformer"] = rowcos(te_s, te_p)
    share = np.array([float(rust[p["id"]]["share"]) for p in pairs])
    scores["transformer+mix"] = 0.5 * (scores["transformer"] - tr_bg_best) + 0.5 * share
    if raw is not None:
        scores["static-raw"] = rowcos(raw_vec(st), raw_vec(ps))
    scores["static-plain"] = rowcos(static(st, sif=False, remove_common=False),
                                    static(ps, sif=False, remove_common=False))
    scores["static-sif"] = rowcos(static(st, remove_common=False), static(ps, remove_common=False))
    ss, sp = static(st), static(ps)
    scores["static-sif-cc"] = rowcos(ss, sp)
    rust_cos = np.array([float(rust[p["id"]]["cosine"]) for p in pairs])
    diff = float(np.abs(rust_cos - scores["static-sif-cc"]).max())
    bg = np.array([float(rust[p["id"]]["background"]) for p in pairs])
    scores["cos-bg"] = rust_cos - bg
    scores["share"] = share
    comb = np.array([float(rust[p["id"]]["score"]) for p in pairs])
    scores["combined"] = comb
    conflicted = np.array([bool(rust[p["id"]]["conflicts"]) for p in pairs])
    scores["combined-veto"] = np.where(conflicted, comb - 10.0, comb)

    print("pairs: %s; Rust vs Python static cosine: max |diff| %.1e" % (args.pairs, diff))
    sets = [
        ("dev: paraphrase vs unverified", lambda p: p["set"] in ("dev-paraphrase", "dev-unverified")),
        ("dev: paraphrase vs altered", lambda p: p["set"] in ("dev-paraphrase", "dev-altered")),
        ("hand: 2012 paraphrases vs hard negatives", lambda p: p["set"] == "hand"),
        ("all", lambda p: True),
    ]
    for name, keep in sets:
        idx = [i for i, p in enumerate(pairs) if keep(p)]
        npos = sum(pairs[i]["label"] == "support" for i in idx)
        print("\n%s (%d support, %d none)" % (name, npos, len(idx) - npos))
        print("  %-16s %6s  %s" % ("variant", "AUC", "  ".join("R@%2d%%FP" % (100 * f) for f in FPRS)))
        for v, s in scores.items():
            pos = [s[i] for i in idx if pairs[i]["label"] == "support"]
            neg = [s[i] for i in idx if pairs[i]["label"] != "support"]
            rs = [recall_at(pos, neg, f)[0] for f in FPRS]
            print("  %-16s %6.3f  %s" % (v, auc(pos, neg), "  ".join("%7.2f" % r for r in rs)))

    # Thresholds: on the hand set and on all, the combined score's false supports above each.
    print("\ncombined score: recall / false supports at thresholds (conflict-free pairs only)")
    for name, keep in sets[2:]:
        idx = [i for i, p in enumerate(pairs) if keep(p)]
        pos = [i for i in idx if pairs[i]["label"] == "support"]
        neg = [i for i in idx if pairs[i]["label"] != "support"]
        cells = []
        for t in (0.25, 0.30, 0.35, 0.40, 0.45, 0.50):
            r = sum(comb[i] >= t and not conflicted[i] for i in pos) / len(pos)
            fp = sum(comb[i] >= t and not conflicted[i] for i in neg)
            cells.append("%.2f: %.2f/%d" % (t, r, fp))
        print("  %-42s %s" % (name, "  ".join(cells)))
    print("conflict flags: %d of %d support pairs, %d of %d none pairs"
          % (sum(conflicted[i] for i, p in enumerate(pairs) if p["label"] == "support"),
             sum(p["label"] == "support" for p in pairs),
             sum(conflicted[i] for i, p in enumerate(pairs) if p["label"] != "support"),
             sum(p["label"] != "support" for p in pairs)))

    if args.dump:
        with open(args.dump, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["id", "set", "label", "kind"] + list(scores) + ["shared", "conflicts"])
            for i, p in enumerate(pairs):
                w.writerow([p["id"], p["set"], p["label"], p["kind"]]
                           + ["%.4f" % scores[v][i] for v in scores]
                           + [rust[p["id"]]["shared"], rust[p["id"]]["conflicts"]])


if __name__ == "__main__":
    main()
