#!/usr/bin/env bash
# Batch throughput (issue 6): the PolNeAR articles (train + dev, 924) checked against the
# debates corpus with a release build, beside a baseline measured in the same run (reading
# and extracting the same articles without a corpus), so the figures survive a noisy machine.
# usage: scripts/bench-batch.sh [SHARED_DIR]
#   BIN=path   the quotecheck binary to measure (default: this checkout's release build), e.g.
#              a build of an earlier commit, to compare in one session
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
if [ ! -d "$shared/data/polnear" ] || [ ! -d "$shared/data/debates" ]; then
  echo "skipped: $shared/data/polnear or $shared/data/debates not found"; exit 0
fi
if [ -z "${BIN:-}" ]; then cargo build --release -q; fi
bin=${BIN:-target/release/quotecheck}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ls "$shared"/data/polnear/{train,dev}/text/*.txt > "$tmp/list"
n=$(wc -l < "$tmp/list")
now() { date +%s.%N; }
t0=$(now); xargs "$bin" extract --format jsonl < "$tmp/list" > /dev/null; t1=$(now)
"$bin" index "$shared/data/debates" --index "$tmp/debates.qcindex" > /dev/null 2>&1 || true
t2=$(now)
set +e
xargs "$bin" batch --corpus "$shared/data/debates" --report "$tmp/out.csv" --summary "$tmp/summary.csv" \
  $( [ -e "$tmp/debates.qcindex" ] && echo --index "$tmp/debates.qcindex" ) < "$tmp/list" 2> "$tmp/err"
code=$?
set -e
t3=$(now)
rows=$(($(wc -l < "$tmp/out.csv") - 1))
python3 - "$n" "$t0" "$t1" "$t2" "$t3" "$rows" "$code" <<'PY'
import sys
n, t0, t1, t2, t3, rows, code = int(sys.argv[1]), *map(float, sys.argv[2:6]), int(sys.argv[6]), sys.argv[7]
extract, batch = t1 - t0, t3 - t2
print(f"articles: {n}; statements checked: {rows}; batch exit status {code}")
print(f"baseline (extract only): {extract:.2f}s  ({n/extract:.0f} articles/s)")
print(f"batch against the debates: {batch:.2f}s  ({n/batch:.1f} articles/s, {rows/batch:.0f} statements/s)")
print(f"ratio batch/extract: {batch/extract:.1f}x")
PY
