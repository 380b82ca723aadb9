#!/usr/bin/env bash
# Scores `quotecheck extract` on the PolNeAR splits in ../shared (train and dev) with the shared
# scorer, and times the extraction of each split against `cat` of the same files.
# usage: scripts/eval-attributions.sh [SPLIT...]   (default: train dev)
# Skips with a message (exit 0) when ../shared or python3 is absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${QUOTECHECK_SHARED:-$root/../shared}
scorer=$shared/eval/score_attributions.py
if [ ! -f "$scorer" ] || [ ! -d "$shared/data/polnear" ]; then
  echo "eval-attributions: $shared/data/polnear not found; skipping the evaluation"
  exit 0
fi
if ! command -v python3 >/dev/null; then
  echo "eval-attributions: python3 not found; skipping the evaluation"
  exit 0
fi
cd "$root"
cargo build --release --quiet
bin=$root/target/release/quotecheck
out=${EVAL_OUT:-$(mktemp -d)}
mkdir -p "$out"
splits=("$@")
[ ${#splits[@]} -gt 0 ] || splits=(train dev)
now() { date +%s.%N; }
for split in "${splits[@]}"; do
  dir=$shared/data/polnear/$split
  files=("$dir"/text/*.txt)
  bytes=$(cat "${files[@]}" | wc -c)
  t0=$(now); cat "${files[@]}" >/dev/null; t1=$(now)
  taskset -c 0 "$bin" extract "${files[@]}" --format jsonl >"$out/$split.jsonl" 2>/dev/null ||
    "$bin" extract "${files[@]}" --format jsonl >"$out/$split.jsonl"
  t2=$(now)
  python3 - "$split" "${#files[@]}" "$bytes" "$t0" "$t1" "$t2" <<'PY'
import sys
split, n, size, t0, t1, t2 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *map(float, sys.argv[4:])
ext, cat = t2 - t1, max(t1 - t0, 1e-6)
print(f"== {split}: {n} articles, {size / 1e6:.2f} MB; extract {ext:.3f} s = {n / ext:.0f} articles/s, "
      f"{size / 1e6 / ext:.1f} MB/s; cat {cat:.3f} s (extract/cat = {ext / cat:.1f}x)")
PY
  python3 "$scorer" --gold "$dir" --pred "$out/$split.jsonl" ${LIST_MISSES:+--list-misses "$LIST_MISSES"}
done
echo "predictions in $out"
