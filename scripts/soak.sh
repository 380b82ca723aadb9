#!/usr/bin/env bash
# Soak (issue 7): 10,000 articles (the PolNeAR texts, cycled) through `batch` against the PM
# transcripts index, sampling the process's resident memory once a second, to show memory stays
# flat (no leak) and to give the throughput. Release build.
# usage: scripts/soak.sh [SHARED_DIR] [ARTICLES]
#   SOAK_LOG=FILE keeps the memory samples ("time rss_kib report_lines" per line) after the run.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
n=${2:-10000}
corpus=$shared/data/pm-transcripts
if [ ! -d "$corpus" ] || [ ! -d "$shared/data/polnear" ]; then
  echo "skipped: $corpus or $shared/data/polnear not found"; exit 0
fi
cargo build --release -q
bin=$PWD/target/release/quotecheck
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$bin" index "$corpus" --index "$tmp/pm.idx" > /dev/null
python3 - "$shared" "$n" "$tmp/manifest.csv" <<'PY'
import glob, sys, os
shared, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
files = sorted(glob.glob(os.path.join(shared, "data/polnear/*/text/*.txt")))
with open(out, "w") as f:
    f.write("id,path\n")
    for i in range(n):
        f.write(f"a{i:05},{os.path.abspath(files[i % len(files)])}\n")
PY
start=$(date +%s.%N)
"$bin" batch "$tmp/manifest.csv" --corpus "$corpus" --index "$tmp/pm.idx" --report "$tmp/out.csv" --summary "$tmp/summary.csv" 2> "$tmp/err" &
pid=$!
log=${SOAK_LOG:-$tmp/rss}
: > "$log"
while kill -0 "$pid" 2> /dev/null; do
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2> /dev/null || true)
  rows=$({ wc -l < "$tmp/out.csv"; } 2> /dev/null || echo 0)
  [ -n "$rss" ] && echo "$(date +%s.%N) $rss $rows" >> "$log"
  sleep 1
done
wait "$pid" || true
end=$(date +%s.%N)
python3 - "$log" "$start" "$end" "$n" "$tmp/out.csv" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
start, end, n = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
rss = [int(r[1]) / 1024 for r in rows]
lines = sum(1 for _ in open(sys.argv[5])) - 1
k = max(1, len(rss) // 10)
print(f"{n} articles in {end - start:.1f}s: {n / (end - start):.1f} articles/s, {lines} report lines")
print("resident memory (MiB) by tenth of the run:", " ".join(f"{sum(rss[i:i + k]) / len(rss[i:i + k]):.0f}" for i in range(0, len(rss), k)))
if len(rss) >= 4:
    q = len(rss) // 4
    first, last = sum(rss[q:2 * q]) / q, sum(rss[-q:]) / q
    print(f"second quarter mean {first:.0f} MiB, last quarter mean {last:.0f} MiB, peak {max(rss):.0f} MiB")
PY
