#!/usr/bin/env bash
# Reproduces the speed figures of README.md ("Speed"): indexing time and size, `check` wall
# time and peak memory with the index, the same against COPIES copies of the corpus, and the
# brute-force baseline (every statement aligned with every turn, no index) measured in the
# same run, with the verdicts compared statement by statement. Two articles:
#   sample  ARTICLE (default: the seed article; its quotes are not in the PM corpus)
#   known   QUOTES quotes cut from random corpus documents (scripts/known-article.py): does
#           `check` name the document each quote came from?
# With BASELINE=path/to/another/quotecheck, that binary (say, a build of the previous
# commit) is measured the same way in the same run, and a table of ratios closes the report:
# the machine is noisy, so compare within a run.
#
# usage: scripts/bench.sh [CORPUS] [ARTICLE]
#   CORPUS     default ../shared/data/pm-transcripts
#   ARTICLE    default tests/fixtures/seed/article.txt
#   COPIES=N   copies for the scaled corpus (default 10; 0 skips it)
#   RUNS=N     timed runs of each check, the median reported (default 3)
#   QUOTES=N   quotes in the known article (default 30; 0 skips it)
#   BASELINE=B another quotecheck binary to measure alongside
# Needs /usr/bin/time (GNU) and python3. Scratch files go in a temp dir removed at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-../shared/data/pm-transcripts}
ARTICLE=${2:-tests/fixtures/seed/article.txt}
COPIES=${COPIES:-10}
RUNS=${RUNS:-3}
QUOTES=${QUOTES:-30}
BASELINE=${BASELINE:-}
[ -d "$CORPUS" ] || { echo "bench: no corpus at $CORPUS" >&2; exit 2; }
cargo build --release --quiet
BIN=$PWD/target/release/quotecheck
TMP=$(mktemp -d "${TMPDIR:-/tmp}/quotecheck-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
BINS=("new=$BIN")
[ -n "$BASELINE" ] && BINS+=("base=$(realpath "$BASELINE")")
ARTICLES=("sample=$ARTICLE")
if [ "$QUOTES" -gt 0 ]; then
    python3 scripts/known-article.py "$CORPUS" "$QUOTES" "$TMP/known.txt" "$TMP/known.expected"
    ARTICLES+=("known=$TMP/known.txt")
fi

# timed LABEL OUT CMD...: runs CMD with stdout to OUT; prints "LABEL wall_s peak_kb" and
# keeps it in $TMP/results.
timed() {
    local label=$1 out=$2
    shift 2
    /usr/bin/time -f "%e %M" -o "$TMP/time" "$@" >"$out" 2>"$TMP/stderr" || [ $? -eq 1 ] ||
        { echo "failed: $*" >&2; cat "$TMP/stderr" >&2; exit 2; }
    echo "$label $(tail -n 1 "$TMP/time")" | tee -a "$TMP/results"
}

# median LABEL OUT CMD...: RUNS timed runs; prints the median wall time and its peak memory.
median() {
    local label=$1 out=$2
    shift 2
    for _ in $(seq "$RUNS"); do timed "$label" "$out" "$@" >/dev/null; done
    grep "^$label " "$TMP/results" | sort -k2 -n | sed -n "$(((RUNS + 1) / 2))p" | tee -a "$TMP/medians"
}

# agree A.csv B.csv: how many statements got the same verdict (and the same source file);
# for the known article, how many quotes B names the right document for.
agree() {
    python3 - "$1" "$2" "$TMP/known.expected" <<'PY'
import csv, os, re, sys
a = list(csv.DictReader(open(sys.argv[1])))
b = list(csv.DictReader(open(sys.argv[2])))
base = lambda p: p.rsplit("/", 1)[-1]
same = sum(x["verdict"] == y["verdict"] for x, y in zip(a, b))
src = sum(base(x["source_file"]) == base(y["source_file"]) for x, y in zip(a, b))
line = f"{same}/{len(a)} same verdict, {src}/{len(a)} same source file"
if len(a) != len(b):
    line += f" (statement counts differ: {len(a)} vs {len(b)})"
if ".known." in os.path.basename(sys.argv[2]) and os.path.exists(sys.argv[3]):
    norm = lambda s: " ".join(re.findall(r"[a-z0-9]+", s.lower()))
    exp = [l.split("\t") for l in open(sys.argv[3]).read().splitlines()]
    want = {}
    for r in b:
        for f, q in exp:
            if norm(q) in norm(r["content"]) or norm(r["content"]) in norm(q):
                want[r["statement_id"]] = f
    named = sum(base(r["source_file"]) == want.get(r["statement_id"]) for r in b)
    line += f"; quote's own document named as source {named}/{len(exp)}"
print(line)
for x, y in zip(a, b):
    if x["verdict"] != y["verdict"]:
        print(f"  {x['statement_id']}: {x['verdict']} vs {y['verdict']}")
PY
}

# measure SCALE CORPUS: per binary, builds the index and checks each article against it.
measure() {
    local s=$1 c=$2
    for b in "${BINS[@]}"; do
        local name=${b%%=*} bin=${b#*=}
        timed "$name.index-$s" "$TMP/index.log" "$bin" index "$c" --index "$TMP/$name.$s.idx"
        echo "$name.size-$s $(du -sk "$TMP/$name.$s.idx" | cut -f1)" | tee -a "$TMP/medians"
        for a in "${ARTICLES[@]}"; do
            local art=${a%%=*} file=${a#*=}
            median "$name.check-$s.$art" "$TMP/$name.$s.$art.csv" "$bin" check "$file" --corpus "$c" --index "$TMP/$name.$s.idx" --format csv
            echo "  verdicts, $name index $s vs brute force 1x ($art): $(agree "$TMP/brute.$art.csv" "$TMP/$name.$s.$art.csv")"
        done
        rm -rf "$TMP/$name.$s.idx"
    done
}

echo "corpus: $CORPUS ($(du -sh "$CORPUS" | cut -f1)), article: $ARTICLE, $(nproc) cores, commit $(git rev-parse --short HEAD)"
echo "label wall_s peak_rss_kb (size: kB)"
for a in "${ARTICLES[@]}"; do
    art=${a%%=*} file=${a#*=}
    timed "brute-force.$art" "$TMP/brute.$art.csv" "$BIN" check "$file" --corpus "$CORPUS" --no-index --format csv
    echo "  verdicts, brute force ($art): $(agree "$TMP/brute.$art.csv" "$TMP/brute.$art.csv")"
done
measure 1x "$CORPUS"
if [ "$COPIES" -gt 0 ]; then
    mkdir -p "$TMP/corpus$COPIES"
    for i in $(seq "$COPIES"); do cp -r "$CORPUS" "$TMP/corpus$COPIES/copy$i"; done
    echo "corpus ${COPIES}x: $(du -sh "$TMP/corpus$COPIES" | cut -f1)"
    measure "${COPIES}x" "$TMP/corpus$COPIES"
fi

if [ -n "$BASELINE" ]; then
    echo
    echo "new/base (wall, peak memory; size):"
    python3 - "$TMP/results" "$TMP/medians" <<'PY'
import sys
rows = {}
# every run, then the medians over the runs of the same label
for path in sys.argv[1:]:
    for line in open(path):
        k, *v = line.split()
        rows[k] = [float(x) for x in v]
for k in sorted(rows):
    if not k.startswith("new."):
        continue
    b = rows.get("base." + k[4:])
    if not b:
        continue
    n = rows[k]
    ratios = " ".join(f"{x / y:.2f}" if y else "-" for x, y in zip(n, b))
    print(f"  {k[4:]}: new {' '.join(map(str, n))} / base {' '.join(map(str, b))} = {ratios}")
PY
fi
