#!/usr/bin/env bash
# Pathological input (issue 7), measured on a release build: wall time and peak memory of
# each case from tests/hostile.rs, beside the sample article as the baseline of the same run.
# usage: scripts/hostile.sh            (QUOTECHECK=BIN measures another build, e.g. a baseline)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${QUOTECHECK:-}" ]; then cargo build --release -q; fi
bin=${QUOTECHECK:-$PWD/target/release/quotecheck}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -r reference_data "$tmp/corpus"; rm -f "$tmp/corpus/README.md"
cp tests/fixtures/seed/article.txt "$tmp/article.txt"
python3 - "$tmp" <<'PY'
import os, sys
d = sys.argv[1]
art = open(os.path.join(d, "article.txt")).read()
open(os.path.join(d, "big50.txt"), "w").write((art + "\n\n") * (50_000_000 // (len(art) + 2)))
open(os.path.join(d, "line10.txt"), "w").write("\"Quote,\" he said. word " * (10_000_000 // 23))
open(os.path.join(d, "marks.txt"), "w").write('"' * 100_000)
open(os.path.join(d, "nested.txt"), "w").write("He said \"a 'b \"c 'd \"e " * 5000 + "\" end.")
words = "we look at the numbers of forces that are in the border region and it raises our concern".split()
open(os.path.join(d, "long.txt"), "w").write('"' + " ".join(words[i * 7 % len(words)] for i in range(1000)) + ',\" Lloyd Austin said.\n')
open(os.path.join(d, "bad.txt"), "wb").write(b"\"They've invaded before,\" Lloyd Austin said. \xff\xfe\x80 More.\n")
open(os.path.join(d, "empty.txt"), "w").write("")
os.makedirs(os.path.join(d, "empties"))
for i in range(10_000):
    open(os.path.join(d, "empties", f"{i:05}.txt"), "w").close()
os.makedirs(os.path.join(d, "bigcorpus"))
with open(os.path.join(d, "bigcorpus", "many.txt"), "w") as f:
    f.write("---\ntitle: many turns\ndate: 2021-12-04\n---\n\n")
    for i in range(100_000):
        f.write(f"SPEAKER {i % 9}: turn {i} on the border region and our concern.\n\n")
PY
cp "$tmp"/corpus/*.txt "$tmp/bigcorpus/"
cd "$tmp"
run() { local name=$1; shift; /usr/bin/time -f "$name: %e s, peak %M KiB, exit %x" "$@" > /dev/null 2>> times.txt || true; tail -1 times.txt; }
run "baseline: sample article (check)" "$bin" check article.txt --corpus corpus
run "50 MB article (extract)" "$bin" extract big50.txt --format jsonl
run "one 10 MB line (check)" "$bin" check line10.txt --corpus corpus
run "100,000 quote marks (check)" "$bin" check marks.txt --corpus corpus
run "deeply nested quotes (check)" "$bin" check nested.txt --corpus corpus
run "1,000-word quote (check)" "$bin" check long.txt --corpus corpus
run "invalid UTF-8 (check)" "$bin" check bad.txt --corpus corpus
run "empty file (check)" "$bin" check empty.txt --corpus corpus
run "10,000 empty files (batch)" "$bin" batch empties --report out.csv --corpus corpus
run "transcript of 100,000 turns (check)" "$bin" check article.txt --corpus bigcorpus
