#!/usr/bin/env bash
# Times `quotecheck extract` on PolNeAR train on one core, best of N runs, for this build and
# a baseline binary in the same run (issue 14: at most 1.3x the previous build).
#   scripts/bench-extract.sh BASELINE_BIN [NEW_BIN] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?baseline binary}
new=${2:-target/release/quotecheck}
n=${3:-5}
files=(../shared/data/polnear/train/text/*.txt)
best() {
  local b=999999
  for _ in $(seq "$n"); do
    local t0 t1 ms
    t0=$(date +%s%N)
    taskset -c 0 "$1" extract --format jsonl "${files[@]}" >/dev/null
    t1=$(date +%s%N)
    ms=$(((t1 - t0) / 1000000))
    ((ms < b)) && b=$ms
  done
  echo "$b"
}
tb=$(best "$base")
tn=$(best "$new")
python3 -c "import sys; b,n,k=map(int,sys.argv[1:]); print(f'baseline {b} ms ({k/b*1000:.0f} articles/s), new {n} ms ({k/n*1000:.0f} articles/s), ratio {n/b:.2f}x')" "$tb" "$tn" "${#files[@]}"
