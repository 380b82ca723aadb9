#!/usr/bin/env bash
# The index by default (issue 17): `batch` of the PolNeAR articles (train + dev, 924) against
# the debates as README shows it (no --index), beside the same batch with an index built
# explicitly, in the same run (alternated, ROUNDS times each, so that a noisy machine weighs
# on both alike; CPU time, user + system, is reported beside the wall clock, as other
# programs disturb it less). The first default run, which builds the index into a fresh
# per-user cache (the debates sit in a read-only folder), is timed apart, with the build
# time it reports.
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
# timed NAME ARGS...: runs batch over the list, appends "NAME wall cpu" (seconds; cpu is user
# + system, which other programs on the machine disturb less than the wall clock) to
# $tmp/times.
timed() {
  local name=$1; shift
  /usr/bin/time -f "$name %e %U %S" -a -o "$tmp/times" \
    xargs "$bin" batch --corpus "$shared/data/debates" --report "$tmp/$name.csv" "$@" \
    < "$tmp/list" 2> "$tmp/$name.err" || true  # xargs: 123 when batch exits 1 (attention)
  [ -s "$tmp/$name.csv" ] || { echo "batch $name failed:"; cat "$tmp/$name.err"; exit 1; }
}
timed first
built=$(grep -o 'built it in [0-9.]*s' "$tmp/first.err" || echo "built it in ?s")
/usr/bin/time -f "index %e %U %S" -a -o "$tmp/times" \
  "$bin" index "$shared/data/debates" --index "$tmp/explicit.idx" 2> /dev/null
for _ in $(seq "$rounds"); do
  timed default
  timed explicit --index "$tmp/explicit.idx"
done
cmp -s "$tmp/default.csv" "$tmp/explicit.csv" && same=yes || same=NO
python3 - "$tmp/times" "$built" "$same" <<'PY'
import sys, statistics
wall, cpu = {}, {}
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) != 4 or parts[0].startswith("Command"):
        continue
    name, e, u, s = parts[0], *map(float, parts[1:])
    wall.setdefault(name, []).append(e)
    cpu.setdefault(name, []).append(u + s)
med = statistics.median
print(f"first default run (builds the index): {wall['first'][0]:.2f}s, of which {sys.argv[2]}")
print(f"quotecheck index (explicit build): {wall['index'][0]:.2f}s")
for what, t in (("wall", wall), ("cpu", cpu)):
    d, e = t["default"], t["explicit"]
    print(f"{what}: default  (no --index):", " ".join(f"{x:.2f}" for x in d), f"median {med(d):.2f}s")
    print(f"{what}: explicit (--index):   ", " ".join(f"{x:.2f}" for x in e), f"median {med(e):.2f}s")
    print(f"{what}: ratio default/explicit (medians): {med(d) / med(e):.3f}")
print(f"same report bytes: {sys.argv[3]}")
PY
