#!/usr/bin/env bash
# Reproduces the speed figures of README.md ("Speed"): indexing time, `check` wall time and
# peak memory with the index, the same against 10 copies of the corpus, and the brute-force
# baseline (every statement aligned with every turn, no index) measured in the same run,
# with the verdicts of both compared statement by statement.
#
# usage: scripts/bench.sh [CORPUS] [ARTICLE]
#   CORPUS   default ../shared/data/pm-transcripts
#   ARTICLE  default tests/fixtures/seed/article.txt
#   COPIES=N copies for the scaled corpus (default 10; 0 skips it)
#   RUNS=N   timed runs of each check, the median reported (default 3)
# Needs /usr/bin/time (GNU) and python3. Scratch files go in a temp dir removed at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-../shared/data/pm-transcripts}
ARTICLE=${2:-tests/fixtures/seed/article.txt}
COPIES=${COPIES:-10}
RUNS=${RUNS:-3}
[ -d "$CORPUS" ] || { echo "bench: no corpus at $CORPUS" >&2; exit 2; }
cargo build --release --quiet
BIN=$PWD/target/release/quotecheck
TMP=$(mktemp -d "${TMPDIR:-/tmp}/quotecheck-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# timed LABEL OUT CMD...: runs CMD with stdout to OUT; prints "LABEL wall_s peak_kb".
timed() {
    local label=$1 out=$2
    shift 2
    /usr/bin/time -f "%e %M" -o "$TMP/time" "$@" >"$out" 2>"$TMP/stderr" || [ $? -eq 1 ]
    echo "$label $(tail -n 1 "$TMP/time")"
}

# median LABEL OUT CMD...: RUNS timed runs; prints the median wall time and its peak memory.
median() {
    local label=$1 out=$2
    shift 2
    for _ in $(seq "$RUNS"); do timed "$label" "$out" "$@"; done | sort -k2 -n | sed -n "$(((RUNS + 1) / 2))p"
}

# agree A.csv B.csv: how many statements got the same verdict (and the same source file).
agree() {
    python3 - "$1" "$2" <<'PY'
import csv, sys
a = list(csv.DictReader(open(sys.argv[1])))
b = list(csv.DictReader(open(sys.argv[2])))
same = sum(x["verdict"] == y["verdict"] for x, y in zip(a, b))
src = sum(x["source_file"].rsplit("/", 1)[-1] == y["source_file"].rsplit("/", 1)[-1] for x, y in zip(a, b))
print(f"{same}/{len(a)} same verdict, {src}/{len(a)} same source file" + ("" if len(a) == len(b) else f" (statement counts differ: {len(a)} vs {len(b)})"))
for x, y in zip(a, b):
    if x["verdict"] != y["verdict"]:
        print(f"  {x['statement_id']}: {x['verdict']} vs {y['verdict']}")
PY
}

echo "corpus: $CORPUS ($(du -sh "$CORPUS" | cut -f1)), article: $ARTICLE, $(nproc) cores"
echo "label wall_s peak_rss_kb"
timed brute-force "$TMP/brute.csv" "$BIN" check "$ARTICLE" --corpus "$CORPUS" --no-index --format csv
timed index-1x "$TMP/index.log" "$BIN" index "$CORPUS" --index "$TMP/1x.idx"
median check-1x "$TMP/idx1.csv" "$BIN" check "$ARTICLE" --corpus "$CORPUS" --index "$TMP/1x.idx" --format csv
echo "index size 1x: $(du -h "$TMP/1x.idx" | cut -f1)"
echo "verdicts, index 1x vs brute force: $(agree "$TMP/brute.csv" "$TMP/idx1.csv")"

if [ "$COPIES" -gt 0 ]; then
    for i in $(seq "$COPIES"); do cp -r "$CORPUS" "$TMP/corpus$COPIES/copy$i" 2>/dev/null ||
        { mkdir -p "$TMP/corpus$COPIES" && cp -r "$CORPUS" "$TMP/corpus$COPIES/copy$i"; }; done
    echo "corpus ${COPIES}x: $(du -sh "$TMP/corpus$COPIES" | cut -f1)"
    timed "index-${COPIES}x" "$TMP/index.log" "$BIN" index "$TMP/corpus$COPIES" --index "$TMP/n.idx"
    median "check-${COPIES}x" "$TMP/idxn.csv" "$BIN" check "$ARTICLE" --corpus "$TMP/corpus$COPIES" --index "$TMP/n.idx" --format csv
    echo "index size ${COPIES}x: $(du -h "$TMP/n.idx" | cut -f1)"
    echo "verdicts, index ${COPIES}x vs brute force 1x: $(agree "$TMP/brute.csv" "$TMP/idxn.csv")"
fi
