#!/usr/bin/env bash
# How well PolNeAR's own annotators agree, as a ceiling for the extractor's scores (issue 3).
# Some articles were annotated by several people (NAME_<annotator>.ann). The shared scorer uses
# the first annotator (sorted) as gold; here each other annotator's attributions are written
# as predictions (`score_attributions.py --gold-as-pred`) and scored against that gold with
# the same scorer, next to `quotecheck extract` on the same articles.
# usage: scripts/annotator-agreement.sh      (train and dev; skips when ../shared is absent)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${QUOTECHECK_SHARED:-$root/../shared}
scorer=$shared/eval/score_attributions.py
if [ ! -f "$scorer" ] || [ ! -d "$shared/data/polnear" ] || ! command -v python3 >/dev/null; then
  echo "annotator-agreement: $shared/data/polnear or python3 not found; skipping"
  exit 0
fi
cd "$root"
cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Split dirs: gold/ holds every multi-annotated article with its first annotator; other<k>/
# the articles that have a k-th annotator, with that annotator's file only.
python3 - "$shared/data/polnear" "$tmp" <<'PY'
import collections, glob, os, sys
src, out = sys.argv[1], sys.argv[2]
by_article = collections.defaultdict(list)
for ann in sorted(glob.glob(os.path.join(src, "*", "attributions", "*.ann"))):
    split = ann.split(os.sep)[-3]
    name = os.path.basename(ann).rsplit("_", 1)[0]
    by_article[(split, name)].append(ann)
multi = {k: v for k, v in by_article.items() if len(v) > 1}
def place(dirname, split, name, ann):
    for sub in ("text", "attributions"):
        os.makedirs(os.path.join(out, dirname, sub), exist_ok=True)
    os.symlink(os.path.join(src, split, "text", name + ".txt"),
               os.path.join(out, dirname, "text", name + ".txt"))
    os.symlink(ann, os.path.join(out, dirname, "attributions", os.path.basename(ann)))
for (split, name), anns in sorted(multi.items()):
    place("gold", split, name, anns[0])
    for k, ann in enumerate(anns[1:], start=1):
        place(f"other{k}", split, name, ann)
print(f"{len(multi)} articles with 2+ annotators "
      f"({sum(len(v) - 1 for v in multi.values())} extra annotations)")
PY
cat > "$tmp/summary.py" <<'PY'
import json, sys
name, s = sys.argv[1], json.load(sys.stdin)
def part(sub):
    d = s[sub]
    return f"{sub}: F1 {d['f1_vs_all_precision']:.3f} speaker {d['speaker_acc']:.3f}"
print(f"{name:<30} P {s['precision']:.3f}  " + "  ".join(part(x) for x in ("direct", "speech", "all")))
PY
score() { # score NAME PRED.jsonl GOLD_DIR
  python3 "$scorer" --gold "$3" --pred "$2" --json | python3 "$tmp/summary.py" "$1"
}
for other in "$tmp"/other*; do
  k=${other##*/other}
  # The gold restricted to the articles this annotator also did.
  mkdir -p "$tmp/gold$k/text" "$tmp/gold$k/attributions"
  for t in "$other"/text/*.txt; do
    n=$(basename "$t" .txt)
    ln -s "$(readlink "$tmp/gold/text/$n.txt")" "$tmp/gold$k/text/"
    ln -s "$(readlink "$tmp/gold/attributions/$n"_*.ann)" "$tmp/gold$k/attributions/"
  done
  python3 "$scorer" --gold "$other" --gold-as-pred "$tmp/human$k.jsonl" > /dev/null
  score "annotator $((k + 1)) ($(ls "$other/text" | wc -l) articles)" "$tmp/human$k.jsonl" "$tmp/gold$k"
done
target/release/quotecheck extract "$tmp"/gold/text/*.txt --format jsonl > "$tmp/quotecheck.jsonl" 2> /dev/null || true
score "quotecheck ($(ls "$tmp/gold/text" | wc -l) articles)" "$tmp/quotecheck.jsonl" "$tmp/gold"
