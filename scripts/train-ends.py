#!/usr/bin/env python3
"""Trains the content-end model (src/extract/ends.rs) on PolNeAR train and writes its weights to
src/extract/data/end_weights.tsv.

The extractor prints, for each reported content its rules end, the places the model weighs
(`cargo run --release --example training_features -- ends`). A content is labelled by the gold
attribution
of its article that starts where it starts (up to a leading `that`): each place before the
gold end is a "go on" (-1), the place at the gold end (within two characters) an "end here"
(+1), and places after it are not reached. A content no gold attribution starts with teaches
nothing and is left out. A logistic regression with an L2 penalty learns from these (an
averaged perceptron with --model perceptron); the extractor ends a content at the first place
it finds likely enough (CUT_ABOVE in ends.rs). Deterministic (a fixed shuffle seed); train
split only, so dev stays for measuring. Retrain the statement filter (train-filter.py) after
this: its features see the contents' ends.

usage: scripts/train-ends.py [--shared ../shared] [--split-dir DIR] [--model logistic|perceptron]
                             [--epochs 20] [--l2 0.001] [--min-count 5] [--out PATH]
"""
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import polnear  # noqa: E402

# How far, in characters, a gold start may stand before the content's (a leading "that ") and
# a place may stand from the gold end.
LEAD, SLACK = 6, 2


def labelled(sc, split_dir, rows):
    """(features, +1/-1) of each place, by the gold attribution starting with the content."""
    gold = sc.load_gold(split_dir)
    by_file = collections.defaultdict(list)
    for r in rows:
        by_file[os.path.splitext(os.path.basename(r["file"]))[0]].append(r)
    out, contents = [], 0
    for name, (text, attrs) in gold.items():
        table = sc.char_offsets(text)
        spans = []
        for a in attrs:
            s, e = a["content"][0][0], a["content"][-1][1]
            while e > s and text[e - 1] in " \n.,;:":
                e -= 1
            spans.append((s, e))
        for r in by_file.get(name, []):
            start = table[r["start"]]
            starts = [(abs(start - s), e) for s, e in spans if start - LEAD <= s <= start + SLACK]
            if not starts:
                continue
            _, gold_end = min(starts)
            contents += 1
            for c in r["candidates"]:
                cut = table[c["cut"]]
                if cut < gold_end - SLACK:
                    out.append((c["features"], -1))
                else:
                    if cut <= gold_end + SLACK:
                        out.append((c["features"], 1))
                    break
    return out, contents


def main():
    ap = polnear.arguments(__doc__, epochs=20, unit="places", weights_file="end_weights.tsv")
    ap.add_argument("--model", choices=["logistic", "perceptron"], default="logistic")
    ap.add_argument("--l2", type=float, default=1e-3)
    args = ap.parse_args()
    split_dir, files = polnear.training_split(args, "train-ends")
    sc = polnear.scorer(args.shared)
    data, contents = labelled(sc, split_dir, polnear.training_rows("ends", files))
    if args.model == "logistic":
        weights = polnear.logistic(data, args.epochs, l2=args.l2, min_count=args.min_count)
    else:
        weights = polnear.perceptron(data, args.epochs, min_count=args.min_count)
    ends = sum(1 for _, y in data if y > 0)
    n = polnear.write_weights(args.out, weights, [
        "Weights of the content-end model (src/extract/ends.rs): feature<TAB>weight.",
        f"Rebuilt by scripts/train-ends.py: {args.model}, {args.epochs} epochs, features seen "
        f"{args.min_count}+ times,",
        f"on {len(data)} places in the {contents} reported contents of PolNeAR train that a gold "
        f"attribution starts with ({ends} of them ends). Do not edit by hand.",
    ])
    print(f"train-ends: {contents} contents, {len(data)} places ({ends} ends), {n} weights -> {args.out}")


if __name__ == "__main__":
    main()
