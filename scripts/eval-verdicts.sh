#!/usr/bin/env bash
# Verdict accuracy: runs `quotecheck verify` on the labelled cases of ../shared/eval/match
# against the debates corpus and scores the predictions. The tool reads only the columns id,
# speaker, statement, kind and date; the labels are read by the scorer alone.
#
#   scripts/eval-verdicts.sh [CASES.csv ...]     (default: dev.csv and a seed-2 set)
#
# Skips (exit 0) when ../shared or python3 is absent. Set QUOTECHECK to use another binary, and
# BASELINE to a second binary to score and time it on the same cases in the same run (speed
# is claims per second; the corpus load, timed alone on an empty claims file, is taken out).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
match=$shared/eval/match
if [ ! -d "$match" ] || [ ! -d "$shared/data/debates" ]; then
  echo "eval-verdicts: $match not found, skipping"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "eval-verdicts: python3 not found, skipping"
  exit 0
fi
bin=${QUOTECHECK:-}
if [ -z "$bin" ]; then
  cargo build --release --quiet
  bin=target/release/quotecheck
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  python3 "$match/make_cases.py" --seed 2 --count-per-label 60 --out "$tmp/seed2.csv" >/dev/null
  cases=("$match/dev.csv" "$tmp/seed2.csv")
fi
printf 'id,speaker,statement,kind,date\n' >"$tmp/empty.csv"
now() { date +%s.%N; }
# run NAME BINARY CASES: scores the binary's verdicts and prints its speed.
run() {
  local name=$1 exe=$2 c=$3 t0 t1 t2 status=0
  t0=$(now)
  "$exe" verify "$tmp/empty.csv" --corpus "$shared/data/debates" >/dev/null
  t1=$(now)
  "$exe" verify "$c" --corpus "$shared/data/debates" --format csv >"$tmp/pred.csv" || status=$?
  t2=$(now)
  if [ "$status" -ge 2 ]; then
    echo "eval-verdicts: $name verify failed (status $status)" >&2
    exit 1
  fi
  python3 "$match/score_verdicts.py" --cases "$c" --pred "$tmp/pred.csv"
  python3 - "$name" "$tmp/pred.csv" "$t0" "$t1" "$t2" <<'PY'
import csv, sys
name, pred, t0, t1, t2 = sys.argv[1], sys.argv[2], *map(float, sys.argv[3:])
n = sum(1 for _ in csv.DictReader(open(pred)))
print(f"{name}: {n} claims in {t2 - t1:.2f}s, corpus load {t1 - t0:.2f}s: "
      f"{n / max(t2 - t1 - (t1 - t0), 1e-9):.1f} claims/s without the load, {n / (t2 - t1):.1f} with it")
PY
}
for c in "${cases[@]}"; do
  echo "== $c"
  run quotecheck "$bin" "$c"
  if [ -n "${BASELINE:-}" ]; then
    echo "-- baseline $BASELINE"
    run baseline "$BASELINE" "$c"
  fi
done
