#!/usr/bin/env bash
# Measures tantivy against quotecheck's own index (issue 4) in one run, on the same corpus
# and statements: index build time, peak memory and size; `check` wall time and peak memory
# (own: `quotecheck check --index`; tantivy: scripts/tantivy-compare `check`, the same
# matcher on tantivy's candidates); retrieval alone; and whether both find the same
# passages, on two articles:
#   sample  tests/fixtures/seed/article.txt (its quotes are not in the PM corpus: the test is
#           whether tantivy's candidates hold the passage the own index's check chooses)
#   known   an article of quotes cut from random corpus documents (made here, seeded): the
#           test is whether each finds the document the quote was cut from
# (tantivy is also run with --bm25-only: plain BM25 over the same words, no phrases),
# then the same against COPIES copies of the corpus. Prints tables with tantivy/own ratios:
# the machine is shared, so compare within a run rather than absolute seconds.
#
# usage: scripts/tantivy-compare.sh [CORPUS] [ARTICLE]
#   CORPUS   default ../shared/data/pm-transcripts (skipped, exit 0, when absent)
#   ARTICLE  default tests/fixtures/seed/article.txt
#   COPIES=N copies for the scaled corpus (default 10; 0 skips it)
#   RUNS=N   timed runs of each check, the median reported (default 3)
#   QUOTES=N quotes in the made-up article (default 30)
# Needs /usr/bin/time (GNU) and python3. Scratch files go in a temp dir removed at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-../shared/data/pm-transcripts}
ARTICLE=${2:-tests/fixtures/seed/article.txt}
COPIES=${COPIES:-10}
RUNS=${RUNS:-3}
QUOTES=${QUOTES:-30}
if [ ! -d "$CORPUS" ]; then
    echo "tantivy-compare: no corpus at $CORPUS (../shared absent?); skipped"
    exit 0
fi
cargo build --release --quiet
cargo build --release --quiet --manifest-path scripts/tantivy-compare/Cargo.toml
BIN=$PWD/target/release/quotecheck
TC=$PWD/scripts/tantivy-compare/target/release/tantivy-compare
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tantivy-compare.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# timed KEY OUT CMD...: runs CMD (stdout to OUT, stderr to OUT.err); appends
# "KEY wall_s peak_kb" to $TMP/results.
timed() {
    local key=$1 out=$2
    shift 2
    /usr/bin/time -f "%e %M" -o "$TMP/time" "$@" >"$out" 2>"$out.err" || [ $? -eq 1 ] ||
        { echo "failed: $*" >&2; cat "$out.err" >&2; exit 2; }
    echo "$key $(tail -n 1 "$TMP/time")" >>"$TMP/results"
}

# median KEY OUT CMD...: RUNS timed runs, the run of median wall time kept (its stderr too).
median() {
    local key=$1 out=$2
    shift 2
    : >"$TMP/runs"
    for r in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$TMP/time" "$@" >"$out.$r" 2>"$out.$r.err" || [ $? -eq 1 ] ||
            { echo "failed: $*" >&2; cat "$out.$r.err" >&2; exit 2; }
        echo "$(tail -n 1 "$TMP/time") $r" >>"$TMP/runs"
    done
    local pick
    read -r wall peak pick < <(sort -n "$TMP/runs" | sed -n "$(((RUNS + 1) / 2))p")
    cp "$out.$pick" "$out"
    cp "$out.$pick.err" "$out.err"
    echo "$key $wall $peak" >>"$TMP/results"
}

# The made-up article: QUOTES quotes of 12-18 words cut from random unlabelled documents.
python3 - "$CORPUS" "$QUOTES" "$TMP/known.txt" "$TMP/known.expected" <<'PY'
import os, random, re, sys
corpus, n, out, expected = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
files = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))
rng = random.Random(4)
label = re.compile(r"^\s*[A-Z][A-Z .'-]{1,40}:", re.M)
paras, exp = [], []
for f in rng.sample(files, len(files)):
    if len(paras) == n:
        break
    text = open(os.path.join(corpus, f), encoding="utf-8", errors="replace").read()
    parts = text.split("---\n", 2)
    if len(parts) < 3 or label.search(parts[2]):
        continue
    speaker = re.search(r"^speaker: *(.+)$", parts[1], re.M)
    words = parts[2].split()
    if not speaker or len(words) < 80:
        continue
    k = rng.randint(12, 18)
    for _ in range(20):
        i = rng.randrange(20, len(words) - k)
        span = words[i:i + k]
        if all(re.fullmatch(r"[A-Za-z][A-Za-z,.'-]*", w) for w in span):
            break
    else:
        continue
    quote = " ".join(span).rstrip(",.")
    paras.append(f'"{quote}," {speaker.group(1).strip()} said.')
    exp.append(f"{f}\t{quote}")
open(out, "w").write("Quotes from the record\n\n" + "\n\n".join(paras) + "\n")
open(expected, "w").write("\n".join(exp) + "\n")
PY

# run SCALE CORPUS: builds both indexes of CORPUS and checks both articles against them.
run() {
    local s=$1 c=$2
    echo "[$s] building the own index and the tantivy index" >&2
    timed "$s.own.build" "$TMP/$s.own.build" "$BIN" index "$c" --index "$TMP/$s.own.idx"
    timed "$s.tv.build" "$TMP/$s.tv.build" "$TC" build "$c" "$TMP/$s.tv"
    echo "$s.own.size $(du -sk "$TMP/$s.own.idx" | cut -f1)" >>"$TMP/results"
    echo "$s.tv.size $(du -sk "$TMP/$s.tv" | cut -f1)" >>"$TMP/results"
    echo "$s.tv.segments $(grep -o '[0-9]* segments' "$TMP/$s.tv.build.err" | cut -d' ' -f1)" >>"$TMP/results"
    for a in sample known; do
        local art=$ARTICLE
        [ $a = known ] && art=$TMP/known.txt
        echo "[$s] checking the $a article ($RUNS runs each)" >&2
        median "$s.$a.own.check" "$TMP/$s.$a.own.csv" "$BIN" check "$art" --corpus "$c" --index "$TMP/$s.own.idx" --format csv
        median "$s.$a.tv.check" "$TMP/$s.$a.tv.tsv" "$TC" check "$c" "$TMP/$s.tv" "$art"
        median "$s.$a.own.retrieve" "$TMP/$s.$a.own.tsv" "$TC" own "$c" "$TMP/$s.own.idx" "$art"
        timed "$s.$a.bm25.check" "$TMP/$s.$a.bm25.tsv" "$TC" check "$c" "$TMP/$s.tv" "$art" --bm25-only
    done
}

echo "corpus: $CORPUS ($(du -sh "$CORPUS" | cut -f1)), $(nproc) cores, commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d)"
run 1x "$CORPUS"
if [ "$COPIES" -gt 0 ]; then
    mkdir -p "$TMP/corpus$COPIES"
    for i in $(seq "$COPIES"); do
        cp -rl "$CORPUS" "$TMP/corpus$COPIES/copy$i" 2>/dev/null || cp -r "$CORPUS" "$TMP/corpus$COPIES/copy$i"
    done
    run "${COPIES}x" "$TMP/corpus$COPIES"
fi

python3 - "$TMP" "$COPIES" "$CORPUS" <<'PY'
import csv, os, re, sys
tmp, copies = sys.argv[1], int(sys.argv[2])
res = {}
for line in open(os.path.join(tmp, "results")):
    k, *v = line.split()
    res[k] = [float(x) for x in v]
scales = ["1x"] + ([f"{copies}x"] if copies > 0 else [])
base = lambda p: p.rsplit("/", 1)[-1]
norm = lambda s: " ".join(re.findall(r"[a-z0-9]+", s.lower()))

def timing(path):
    t = {}
    for line in open(path + ".err"):
        if line.startswith("timing "):
            t = {k: float(v) for k, v in (x.split("=") for x in line.split()[1:])}
    return t

def rows(path):
    out = {}
    for line in open(path):
        f = line.rstrip("\n").split("\t")
        out[f[0]] = {"verdict": f[1], "source": base(f[2]), "cands": {base(c) for c in f[5].split("|") if c}}
    return out

def ratio(a, b):
    return f"{b / a:.2f}" if a else "-"

def line(name, own, tv, fmt):
    print(f"| {name} | {fmt(own)} | {fmt(tv)} | {ratio(own, tv)} |")

for s in scales:
    print(f"\n### {s}\n")
    print("| measure | own index | tantivy | tantivy/own |\n|---|---|---|---|")
    sec, mb = (lambda x: f"{x:.2f} s"), (lambda x: f"{x / 1024:.0f} MB")
    line("index build wall", res[f"{s}.own.build"][0], res[f"{s}.tv.build"][0], sec)
    line("index build peak RSS", res[f"{s}.own.build"][1], res[f"{s}.tv.build"][1], mb)
    line("index size on disk", res[f"{s}.own.size"][0], res[f"{s}.tv.size"][0], mb)
    for a in ["sample", "known"]:
        o, t = res[f"{s}.{a}.own.check"], res[f"{s}.{a}.tv.check"]
        line(f"`check` wall, {a} article (median)", o[0], t[0], sec)
        line(f"`check` peak RSS, {a} article", o[1], t[1], mb)
        ot, tt = timing(f"{tmp}/{s}.{a}.own.tsv"), timing(f"{tmp}/{s}.{a}.tv.tsv")
        for k in ["fresh", "open", "retrieve"]:
            line(f"  in-process {k}, {a}", ot[k], tt[k], sec)
        print(f"| tantivy judge (matcher on its candidates), {a} | | {tt['judge']:.2f} s | |")
    print(f"\ntantivy segments: {res[f'{s}.tv.segments'][0]:.0f}")
    for a, v in [(a, v) for a in ["sample", "known"] for v in ["tv", "bm25"]]:
        print(f"\n{'tantivy' if v == 'tv' else 'tantivy --bm25-only'} vs own:", end="")
        own = list(csv.DictReader(open(f"{tmp}/{s}.{a}.own.csv")))
        tv = rows(f"{tmp}/{s}.{a}.{v}.tsv")
        ownc = rows(f"{tmp}/{s}.{a}.own.tsv")
        n = len(own)
        same_v = sum(tv.get(r["statement_id"], {}).get("verdict") == r["verdict"] for r in own)
        with_src = [r for r in own if r["source_file"]]
        same_src = sum(tv.get(r["statement_id"], {}).get("source") == base(r["source_file"]) for r in with_src)
        recall = sum(base(r["source_file"]) in tv.get(r["statement_id"], {}).get("cands", set()) for r in with_src)
        inter = sum(len(ownc[i]["cands"] & tv[i]["cands"]) for i in ownc if i in tv)
        total = sum(len(ownc[i]["cands"]) for i in ownc)
        print(f" {a} article, {s}: {n} statements (tantivy: {len(tv)}); same verdict {same_v}/{n}; "
              f"own check's source file: same in tantivy check {same_src}/{len(with_src)}, "
              f"in tantivy's candidates {recall}/{len(with_src)}; "
              f"own candidate files also in tantivy's: {inter}/{total}")
        for r in own:
            t = tv.get(r["statement_id"], {})
            if t.get("verdict") != r["verdict"] or (r["source_file"] and t.get("source") != base(r["source_file"])):
                print(f"  {r['statement_id']}: own {r['verdict']} {base(r['source_file'])} / tantivy {t.get('verdict')} {t.get('source')}")
        if a == "known":
            exp = [l.split("\t") for l in open(f"{tmp}/known.expected").read().splitlines()]
            want = {}
            for r in own:
                for f, q in exp:
                    if norm(q) in norm(r["content"]) or norm(r["content"]) in norm(q):
                        want[r["statement_id"]] = f
            hit = lambda d: sum(want[i] in d.get(i, {}).get("cands", set()) for i in want)
            found = lambda d, key: sum(d.get(i, {}).get(key) == want[i] for i in want)
            ow = {r["statement_id"]: {"source": base(r["source_file"]), "verdict": r["verdict"]} for r in own}
            print(f"  known quotes: {len(exp)} made, {len(want)} extracted; document the quote came from: "
                  f"in own candidates {hit(ownc)}, in tantivy candidates {hit(tv)}; chosen as source: "
                  f"own check {found(ow, 'source')}, tantivy check {found(tv, 'source')}")
PY
