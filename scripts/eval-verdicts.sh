#!/usr/bin/env bash
# Verdict accuracy: runs `quotecheck verify` on the labelled cases of ../shared/eval/match
# against the debates corpus and scores the predictions. The tool reads only the columns id,
# speaker, statement, kind and date; the labels are read by the scorer alone.
#
#   scripts/eval-verdicts.sh [CASES.csv ...]     (default: dev.csv and a seed-2 set)
#
# Skips (exit 0) when ../shared or python3 is absent. Set QUOTECHECK to use another binary.
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
for c in "${cases[@]}"; do
  echo "== $c"
  start=$(date +%s.%N)
  status=0
  "$bin" verify "$c" --corpus "$shared/data/debates" --format csv >"$tmp/pred.csv" || status=$?
  end=$(date +%s.%N)
  if [ "$status" -ge 2 ]; then
    echo "eval-verdicts: quotecheck verify failed (status $status)" >&2
    exit 1
  fi
  n=$(($(python3 -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1]))))' "$tmp/pred.csv")))
  python3 "$match/score_verdicts.py" --cases "$c" --pred "$tmp/pred.csv"
  python3 -c "import sys; n,a,b=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]); print(f'{n} claims in {b-a:.2f}s ({n/(b-a):.1f} claims/s, corpus loading included)')" "$n" "$start" "$end"
done
