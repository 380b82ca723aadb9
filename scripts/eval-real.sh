#!/usr/bin/env bash
# Accuracy on real articles (issue 13): runs `quotecheck check` end to end on the PolNeAR
# articles of tests/real/articles.csv, each with its date, against ../shared/data/debates, and
# `quotecheck verify` on tests/real/claims.csv, and scores both against the hand labels of
# tests/real/labels.csv (see tests/real/README.md). The tool sees only the articles, their
# dates and the claims file; the labels are read by scripts/eval_real.py alone.
#
#   scripts/eval-real.sh [--list]        (--list: every wrong label with its prediction)
#
# Skips (exit 0) when ../shared or python3 is absent. Builds the release binary unless
# QUOTECHECK=path is given; BASELINE=path scores a second binary in the same run and prints
# both. The first lines are one-line summaries (check, then verify, per binary).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [ ! -d "$shared/data/debates" ] || [ ! -d "$shared/data/polnear" ]; then
  echo "eval-real: $shared/data (debates, polnear) not found, skipping"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "eval-real: python3 not found, skipping"
  exit 0
fi
bin=${QUOTECHECK:-}
if [ -z "$bin" ]; then
  nice cargo build --release --quiet
  bin=target/release/quotecheck
fi
args=(--shared "$shared" --bin "quotecheck=$bin")
if [ -n "${BASELINE:-}" ]; then
  args+=(--bin "baseline=$BASELINE")
fi
exec nice python3 scripts/eval_real.py "${args[@]}" "$@"
