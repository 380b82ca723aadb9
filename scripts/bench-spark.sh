#!/usr/bin/env bash
# The Spark job (spark/batch.py) beside `quotecheck batch`, in the same run (issue 17): the
# 924 PolNeAR articles (train + dev) against the debates, through one index built first;
# `batch` and `spark-submit --master local[2]` alternated ROUNDS times; Spark's start-up
# measured as the same job on no article and on one; and whether the Spark rows are batch's
# (sorted rows of the report and of the summary).
# usage: scripts/bench-spark.sh [SHARED_DIR]    ROUNDS=2; BIN=binary; VENV=target/venv-spark;
#        MASTER=local[2]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
venv=${VENV:-target/venv-spark}
master=${MASTER:-local[2]}
if [ ! -d "$shared/data/polnear" ] || [ ! -d "$shared/data/debates" ]; then
  echo "skipped: $shared/data/polnear or $shared/data/debates not found"; exit 0
fi
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null || ! command -v java >/dev/null; then
  echo "skipped: needs Java and pyspark in $venv (see .ci/run)"; exit 0
fi
if [ -z "${BIN:-}" ]; then cargo build --release -q; fi
export QUOTECHECK_BIN=$(realpath "${BIN:-target/release/quotecheck}")
export PYSPARK_PYTHON="$(cd "$venv/bin" && pwd)/python" SPARK_LOCAL_IP=127.0.0.1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
corpus=$shared/data/debates
inputs=("$shared/data/polnear/train/text" "$shared/data/polnear/dev/text")
mkdir "$tmp/none" "$tmp/one"
cp "$shared/data/polnear/dev/text/$(ls "$shared/data/polnear/dev/text" | head -1)" "$tmp/one/"
now() { date +%s.%N; }
log() { echo "$1 $(echo "$3 - $2" | bc)" >> "$tmp/times"; }
t0=$(now); "$QUOTECHECK_BIN" index "$corpus" --index "$tmp/idx" 2> /dev/null; log index "$t0" "$(now)"
spark() {  # spark NAME INPUT...
  local name=$1 t0; shift
  rm -rf "$tmp/$name" "$tmp/$name-summary"
  t0=$(now)
  "$venv/bin/spark-submit" --master "$master" --conf spark.ui.enabled=false spark/batch.py \
    --corpus "$corpus" --index "$tmp/idx" --report "$tmp/$name" "$@" 2> "$tmp/$name.err" \
    || { tail -30 "$tmp/$name.err"; exit 1; }
  log "$name" "$t0" "$(now)"
}
for _ in $(seq "${ROUNDS:-2}"); do
  t0=$(now)
  "$QUOTECHECK_BIN" batch "${inputs[@]}" --corpus "$corpus" --index "$tmp/idx" \
    --report "$tmp/batch.csv" --summary "$tmp/batch-summary.csv" 2> "$tmp/batch.err" || true
  log batch "$t0" "$(now)"
  spark spark "${inputs[@]}"
done
spark none "$tmp/none"
spark one "$tmp/one"
"$venv/bin/python" - "$tmp" <<'PY'
import csv, glob, statistics, sys
tmp = sys.argv[1]
times = {}
for line in open(f"{tmp}/times"):
    name, t = line.split()
    times.setdefault(name, []).append(float(t))
def rows(files):
    out = []
    for f in files:
        with open(f, newline="", encoding="utf-8") as fh:
            out += [tuple(r) for r in list(csv.reader(fh))[1:]]
    return sorted(out)
parts = lambda d: sorted(glob.glob(f"{tmp}/{d}/part-*.csv"))
report, spark = rows([f"{tmp}/batch.csv"]), rows(parts("spark"))
summary, ssummary = rows([f"{tmp}/batch-summary.csv"]), rows(parts("spark-summary"))
b, s = statistics.median(times["batch"]), statistics.median(times["spark"])
print(f"index build: {times['index'][0]:.2f}s")
print("batch:", " ".join(f"{t:.2f}" for t in times["batch"]), f"median {b:.2f}s")
print("spark:", " ".join(f"{t:.2f}" for t in times["spark"]), f"median {s:.2f}s")
print(f"spark/batch: {s / b:.2f}x")
print(f"spark start-up: no article {times['none'][0]:.2f}s, one article {times['one'][0]:.2f}s")
print(f"report rows: batch {len(report)}, spark {len(spark)}, same: {report == spark}")
print(f"summary rows: batch {len(summary)}, spark {len(ssummary)}, same: {summary == ssummary}")
PY
