#!/usr/bin/env bash
# The index by default (issue 17): `batch` of the PolNeAR articles (train + dev, 924) against
# the debates as README shows it (no --index), beside the same batch with an index built
# explicitly, in the same run (alternated, ROUNDS times each, so that a noisy machine weighs
# on both alike). The first default run, which builds the index into a fresh per-user cache
# (the debates sit in a read-only folder), is timed apart, with the build time it reports.
# usage: scripts/bench-default-index.sh [SHARED_DIR]     ROUNDS=3 by default; BIN=binary
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
if [ ! -d "$shared/data/polnear" ] || [ ! -d "$shared/data/debates" ]; then
  echo "skipped: $shared/data/polnear or $shared/data/debates not found"; exit 0
fi
if [ -z "${BIN:-}" ]; then cargo build --release -q; fi
bin=${BIN:-target/release/quotecheck}
rounds=${ROUNDS:-3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export QUOTECHECK_CACHE=$tmp/cache
ls "$shared"/data/polnear/{train,dev}/text/*.txt > "$tmp/list"
now() { date +%s.%N; }
# timed NAME ARGS...: runs batch over the list, appends "NAME seconds" to $tmp/times.
timed() {
  local name=$1 t0 t1; shift
  t0=$(now)
  xargs "$bin" batch --corpus "$shared/data/debates" --report "$tmp/$name.csv" "$@" \
    < "$tmp/list" 2> "$tmp/$name.err" || true  # xargs: 123 when batch exits 1 (attention)
  t1=$(now)
  [ -s "$tmp/$name.csv" ] || { echo "batch $name failed:"; cat "$tmp/$name.err"; exit 1; }
  echo "$name $(echo "$t1 - $t0" | bc)" >> "$tmp/times"
}
timed first
built=$(grep -o 'built it in [0-9.]*s' "$tmp/first.err" || echo "built it in ?s")
t0=$(now); "$bin" index "$shared/data/debates" --index "$tmp/explicit.idx" 2> /dev/null; t1=$(now)
echo "index $(echo "$t1 - $t0" | bc)" >> "$tmp/times"
for _ in $(seq "$rounds"); do
  timed default
  timed explicit --index "$tmp/explicit.idx"
done
cmp -s "$tmp/default.csv" "$tmp/explicit.csv" && same=yes || same=NO
python3 - "$tmp/times" "$built" "$same" <<'PY'
import sys, statistics
times = {}
for line in open(sys.argv[1]):
    name, t = line.split()
    times.setdefault(name, []).append(float(t))
d, e = times["default"], times["explicit"]
print(f"first default run (builds the index): {times['first'][0]:.2f}s, of which {sys.argv[2]}")
print(f"quotecheck index (explicit build): {times['index'][0]:.2f}s")
print("default  (no --index):", " ".join(f"{t:.2f}" for t in d), f"median {statistics.median(d):.2f}s")
print("explicit (--index):   ", " ".join(f"{t:.2f}" for t in e), f"median {statistics.median(e):.2f}s")
print(f"ratio default/explicit (medians): {statistics.median(d) / statistics.median(e):.3f}")
print(f"same report bytes: {sys.argv[3]}")
PY
