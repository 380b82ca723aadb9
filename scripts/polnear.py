"""What the training scripts share: their common arguments and the training files they name,
the shared scorer loaded as a module, the rows the extractor prints through its
training_features example, an averaged perceptron, a logistic regression, and the writer of a
weights table.

Imported by train-filter.py and train-ends.py (run them from anywhere; they add this folder to
the import path themselves).
"""
import argparse
import collections
import glob
import importlib.util
import json
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def arguments(doc, epochs, unit, weights_file):
    """The arguments both trainers take: --shared, --epochs (default `epochs`), --min-count
    (fewest `unit`s a feature needs), --split-dir and --out (default
    src/extract/data/`weights_file`). A trainer adds its own before parsing."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--epochs", type=int, default=epochs)
    ap.add_argument("--min-count", type=int, default=5, help=f"fewest {unit} a feature needs")
    ap.add_argument("--split-dir", help="train on this split folder (text/, attributions/) instead, "
                    "e.g. half of train for cross-validation")
    ap.add_argument("--out", default=os.path.join(ROOT, "src", "extract", "data", weights_file))
    return ap


def training_split(args, name):
    """The split folder the parsed `args` name (PolNeAR train unless --split-dir) and its
    article files; exits with a message naming trainer `name` when the folder is absent."""
    split_dir = args.split_dir or os.path.join(args.shared, "data", "polnear", "train")
    if not os.path.isdir(split_dir):
        sys.exit(f"{name}: {split_dir} not found")
    return split_dir, sorted(glob.glob(os.path.join(split_dir, "text", "*.txt")))


def scorer(shared):
    """../shared/eval/score_attributions.py as a module."""
    path = os.path.join(shared, "eval", "score_attributions.py")
    spec = importlib.util.spec_from_file_location("score_attributions", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def training_rows(what, files):
    """The JSON Lines rows `cargo run --release --example training_features -- WHAT FILES`
    prints (WHAT: statements or ends)."""
    cmd = ["cargo", "run", "--quiet", "--release", "--example", "training_features", "--", what] + files
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def perceptron(data, epochs, seed=0, min_count=5):
    """An averaged perceptron over (features, +1/-1) pairs: feature -> weight. A feature seen
    in fewer than `min_count` examples gets no weight, so it neither helps nor sinks one.
    Deterministic: a fixed shuffle seed."""
    counts = collections.Counter(f for feats, _ in data for f in set(feats))
    data = [([f for f in feats if counts[f] >= min_count], y) for feats, y in data]
    w = collections.defaultdict(float)
    total = collections.defaultdict(float)
    stamp = collections.defaultdict(int)
    t = 0
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = data[i]
            t += 1
            if sum(w[f] for f in feats) * y <= 0:
                for f in feats:
                    total[f] += (t - stamp[f]) * w[f]
                    stamp[f] = t
                    w[f] += y
    for f in w:
        total[f] += (t - stamp[f]) * w[f]
    return {f: total[f] / t for f in w}


def logistic(data, epochs=30, l2=1e-3, rate=0.1, seed=0, min_count=5):
    """A logistic regression over (features, +1/-1) pairs, by stochastic gradient descent with
    an L2 penalty (applied to the features of each example as it is seen): feature -> weight,
    so that the sum of an example's weights is its log-odds. Deterministic: a fixed shuffle
    seed. A feature seen in fewer than `min_count` examples gets no weight."""
    import math
    counts = collections.Counter(f for feats, _ in data for f in set(feats))
    data = [([f for f in feats if counts[f] >= min_count], y) for feats, y in data]
    w = collections.defaultdict(float)
    order = list(range(len(data)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        lr = rate / (1 + epoch)
        for i in order:
            feats, y = data[i]
            z = sum(w[f] for f in feats)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - (1 if y > 0 else 0)
            for f in feats:
                w[f] -= lr * (g + l2 * w[f])
    return dict(w)


def write_weights(path, weights, header):
    """Writes `feature<TAB>weight` lines under `#` header lines, dropping weights near zero;
    returns how many it wrote."""
    kept = {f: v for f, v in weights.items() if abs(v) >= 0.005}
    with open(path, "w", encoding="utf-8") as f:
        for line in header:
            f.write(f"# {line}\n")
        for feat in sorted(kept):
            f.write(f"{feat}\t{kept[feat]:.3f}\n")
    return len(kept)
