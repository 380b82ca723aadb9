#!/usr/bin/env python3
"""Scores quotecheck on real articles against the hand labels of tests/real/ (issue 13).

    scripts/eval_real.py --check-labels
    scripts/eval_real.py --bin quotecheck=target/release/quotecheck [--bin baseline=PATH] [--list]

For each binary: builds an index of the debates once (in a temp folder, removed on exit), runs
`check ARTICLE --corpus DEBATES --index IDX --format jsonl --date DATE` on every article of
tests/real/articles.csv, matches the findings to the labels (a label is found when one
finding's spans cover more than half of its bytes; each finding is used once, best overlap
first) and prints the scores; then runs `verify tests/real/claims.csv` and scores that.
The labels are read by this script alone; the tool sees only the articles (and their dates)
and the claims file. Standard library only (Python 3.11).
"""
import argparse
import contextlib
import io
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(ROOT, "tests", "real")
VERDICTS = ["verbatim", "near-verbatim", "altered", "paraphrase", "misattributed", "unverified"]
REASONS = {"no_passage", "speaker_not_in_corpus", "too_short", "only_later_sources", "no_date"}
KINDS = {"direct", "partial", "indirect"}
COARSE = {
    "verbatim": "supported-words",
    "near-verbatim": "supported-words",
    "paraphrase": "paraphrase",
    "altered": "problem",
    "misattributed": "problem",
    "unverified": "unverified",
}


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def ws(s):
    return re.sub(r"\s+", " ", s).strip()


def name_key(name):
    """Loose name comparison: case, punctuation, accents and middle initials ignored."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    words = re.findall(r"[a-z0-9]+", s)
    words = [w for w in words if len(w) > 1]
    # "The Wall Street Journal" ~ "Wall Street Journal": a leading article is no part of a name
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def same_speaker(a, b):
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    # "Donald J Trump" ~ "Donald Trump": equal once middle names are dropped
    wa, wb = ka.split(), kb.split()
    return len(wa) >= 2 and len(wb) >= 2 and wa[0] == wb[0] and wa[-1] == wb[-1]


def pct(n, d):
    return f"{n}/{d} ({100.0 * n / d:.1f}%)" if d else f"{n}/0 (-)"


# ---------------------------------------------------------------- label checks


def check_labels(shared, quiet=False):
    """Every span's bytes equal its statement; every field is valid. Returns the error count."""
    errors = []
    arts = {a["article"]: a for a in read_csv(os.path.join(REAL, "articles.csv"))}
    labels = read_csv(os.path.join(REAL, "labels.csv"))
    claims = {c["id"]: c for c in read_csv(os.path.join(REAL, "claims.csv"))}
    seen = set()
    texts = {}
    lines = {}
    for r in labels:
        where = f"labels.csv {r['id']}"
        if r["id"] in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(r["id"])
        a = arts.get(r["article"])
        if a is None:
            errors.append(f"{where}: article {r['article']} not in articles.csv")
            continue
        path = os.path.join(shared, a["path"])
        if path not in texts:
            with open(path, "rb") as f:
                texts[path] = f.read()
        data = texts[path]
        s, e = int(r["start"]), int(r["end"])
        if not 0 <= s < e <= len(data):
            errors.append(f"{where}: span {s}-{e} outside the file ({len(data)} bytes)")
        else:
            try:
                got = data[s:e].decode("utf-8")
            except UnicodeDecodeError:
                errors.append(f"{where}: span {s}-{e} cuts a UTF-8 character")
                got = None
            if got is not None and ws(got) != ws(r["statement"]):
                errors.append(f"{where}: bytes {s}-{e} are {ws(got)[:60]!r}, not {r['statement'][:60]!r}")
        if r["kind"] not in KINDS:
            errors.append(f"{where}: kind {r['kind']!r}")
        if r["verdict"] not in VERDICTS:
            errors.append(f"{where}: verdict {r['verdict']!r}")
        if r["verdict"] == "unverified":
            if r["reason_code"] not in REASONS:
                errors.append(f"{where}: unverified needs a reason code, got {r['reason_code']!r}")
            if r["source"]:
                errors.append(f"{where}: unverified with a source")
        else:
            if r["reason_code"]:
                errors.append(f"{where}: reason code on a supported verdict")
            m = re.fullmatch(r"([\w.-]+\.txt):(\d+)", r["source"])
            if not m:
                errors.append(f"{where}: source {r['source']!r} is not FILE:LINE")
            else:
                src = os.path.join(shared, "data", "debates", m.group(1))
                if src not in lines:
                    with open(src, encoding="utf-8") as f:
                        lines[src] = f.read().split("\n")
                n = int(m.group(2))
                who = r["true_speaker"] if r["verdict"] == "misattributed" else r["speaker"]
                if not 1 <= n <= len(lines[src]) or not lines[src][n - 1].startswith(who + ":"):
                    errors.append(f"{where}: {r['source']} is not a turn of {who}")
        if (r["verdict"] == "misattributed") != bool(r["true_speaker"]):
            errors.append(f"{where}: true_speaker is for misattributed statements only")
        if not r["speaker"] or not r["note"]:
            errors.append(f"{where}: speaker and note are required")
        c = claims.get(r["id"])
        if c is None:
            errors.append(f"{where}: missing from claims.csv")
        elif c["speaker"] != r["speaker"] or c["kind"] != ("direct" if r["kind"] == "direct" else "indirect"):
            errors.append(f"{where}: claims.csv speaker/kind differ")
        elif not re.fullmatch(r"\d{4}-\d{2}-\d{2}", c["date"]):
            errors.append(f"{where}: claims.csv date {c['date']!r}")
    for cid in claims:
        if cid not in seen:
            errors.append(f"claims.csv {cid}: no label")
    for e in errors:
        print(e, file=sys.stderr)
    if not quiet or errors:
        print(f"check-labels: {len(labels)} labels, {len(arts)} articles, {len(errors)} errors")
    return len(errors)


# ---------------------------------------------------------------- running the tool


def run_check(exe, shared, arts, tmp, name):
    corpus = os.path.join(shared, "data", "debates")
    idx = os.path.join(tmp, f"{name}.idx")
    index_args = []
    r = subprocess.run([exe, "index", corpus, "--index", idx], capture_output=True, text=True)
    if r.returncode == 0:
        index_args = ["--index", idx]
    else:
        print(f"{name}: index failed ({r.returncode}), checking without one: {r.stderr.strip()[:200]}", file=sys.stderr)
    preds = {}
    for a in arts:
        path = os.path.join(shared, a["path"])
        cmd = [exe, "check", path, "--corpus", corpus, *index_args, "--format", "jsonl", "--date", a["date"]]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode >= 2:
            print(f"{name}: check {a['article']} exited {r.returncode}: {r.stderr.strip()[:300]}", file=sys.stderr)
        out = []
        for line in r.stdout.splitlines():
            line = line.strip()
            if line:
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError:
                    print(f"{name}: {a['article']}: not JSON: {line[:80]}", file=sys.stderr)
        preds[a["article"]] = out
    return preds


def run_verify(exe, shared, name):
    corpus = os.path.join(shared, "data", "debates")
    cmd = [exe, "verify", os.path.join(REAL, "claims.csv"), "--corpus", corpus, "--format", "jsonl"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode >= 2:
        print(f"{name}: verify exited {r.returncode}: {r.stderr.strip()[:300]}", file=sys.stderr)
    out = {}
    for line in r.stdout.splitlines():
        if line.strip():
            try:
                o = json.loads(line)
            except json.JSONDecodeError:
                continue
            out[str(o.get("id") or o.get("statement_id"))] = o
    return out


# ---------------------------------------------------------------- scoring


def spans_of(p):
    # A split quote is labelled from its first piece's start to its last piece's end,
    # narration included (tests/real/README.md), so it is measured the same way.
    if p.get("content_spans"):
        pieces = [tuple(s) for s in p["content_spans"] if s and len(s) == 2]
        return [(min(a for a, _ in pieces), max(b for _, b in pieces))] if pieces else []
    if p.get("content_span"):
        return [tuple(p["content_span"])]
    return []


def overlap(spans, s, e):
    return sum(max(0, min(b, e) - max(a, s)) for a, b in spans)


def match(labels, preds):
    """label id -> prediction; greedy by overlap, each prediction used once."""
    by_art = defaultdict(list)
    for r in labels:
        by_art[r["article"]].append(r)
    found = {}
    for art, rs in by_art.items():
        ps = preds.get(art, [])
        pairs = []
        for r in rs:
            s, e = int(r["start"]), int(r["end"])
            for j, p in enumerate(ps):
                ov = overlap(spans_of(p), s, e)
                if ov * 2 > e - s:
                    pairs.append((ov / (e - s), r["id"], j))
        pairs.sort(key=lambda x: -x[0])
        used_l, used_p = set(), set()
        for _, lid, j in pairs:
            if lid in used_l or j in used_p:
                continue
            used_l.add(lid)
            used_p.add(j)
            found[lid] = ps[j]
    return found


def confusion(labels, verdict_of):
    cols = VERDICTS + ["(not found)"]
    m = Counter()
    for r in labels:
        m[(r["verdict"], verdict_of(r) or "(not found)")] += 1
    w = max(len(c) for c in cols)
    lines = ["label \\ predicted".ljust(w) + " " + " ".join(c[:8].rjust(8) for c in cols)]
    for v in VERDICTS:
        if any(m[(v, c)] for c in cols):
            lines.append(v.ljust(w) + " " + " ".join(str(m[(v, c)]).rjust(8) for c in cols))
    return "\n".join(lines)


def score_check(name, labels, arts, preds, show_list):
    date = {a["article"]: a["date"] for a in arts}
    found = match(labels, preds)
    n = len(labels)
    nf = len(found)
    spk = sum(1 for r in labels if r["id"] in found and same_speaker(found[r["id"]].get("speaker"), r["speaker"]))

    def pv(r):
        p = found.get(r["id"])
        return p.get("verdict") if p else None

    exact = sum(1 for r in labels if pv(r) == r["verdict"])
    coarse = sum(1 for r in labels if pv(r) and COARSE.get(pv(r)) == COARSE[r["verdict"]])
    nonpar = [r for r in labels if r["verdict"] != "paraphrase"]
    exact_np = sum(1 for r in nonpar if pv(r) == r["verdict"])
    late = 0
    all_preds = [(art, p) for art, ps in preds.items() for p in ps]
    for art, p in all_preds:
        sd = p.get("source_date")
        if p.get("verdict") != "unverified" and sd and sd > date[art]:
            late += 1
    pred_mis = [(art, p) for art, p in all_preds if p.get("verdict") == "misattributed"]
    mis_right = sum(1 for r in labels if r["verdict"] == "misattributed" and pv(r) == "misattributed")
    par = [r for r in labels if r["verdict"] == "paraphrase"]
    par_ok = sum(1 for r in par if pv(r) == "paraphrase")
    unv = [r for r in labels if r["verdict"] == "unverified"]
    unv_given = sum(1 for r in unv if pv(r) and pv(r) != "unverified")
    unv_found = sum(1 for r in unv if pv(r))
    summary = (
        f"{name} check: found {pct(nf, n)}, speaker right {pct(spk, nf)} of found, "
        f"verdict right {pct(exact, n)} exact, {pct(coarse, n)} coarse, "
        f"{pct(exact_np, len(nonpar))} of non-paraphrase; evidence after the article {late}; "
        f"misattributions right {mis_right}/{len(pred_mis)}; paraphrases recognised {pct(par_ok, len(par))}; "
        f"unsupported given support {pct(unv_given, len(unv))}"
    )
    print(summary)
    print(f"  statements found: {pct(nf, n)} ({len(all_preds)} findings in {len(arts)} articles)")
    print(f"  speaker right among found: {pct(spk, nf)}")
    print(f"  verdict right, exact (unfound count as wrong): {pct(exact, n)}")
    print(f"  verdict right, coarse (supported-words / paraphrase / problem / unverified): {pct(coarse, n)}")
    print(f"  verdict right among non-paraphrase labels: {pct(exact_np, len(nonpar))}")
    print(f"  evidence dated after the article (findings not unverified whose source_date is later): {late}")
    print(f"  misattributions right (labelled misattributed / predicted misattributed): {mis_right}/{len(pred_mis)}")
    print(f"  paraphrases recognised: {pct(par_ok, len(par))}")
    print(f"  unsupported given support (labelled unverified, predicted otherwise): {pct(unv_given, len(unv))} "
          f"({unv_found} of them found)")
    print("  confusion (check):")
    print("    " + confusion(labels, pv).replace("\n", "\n    "))
    if show_list:
        print("  wrong labels (check):")
        for r in labels:
            p = found.get(r["id"])
            if p and p.get("verdict") == r["verdict"] and same_speaker(p.get("speaker"), r["speaker"]):
                continue
            why = r["reason_code"] or r["source"]
            if p is None:
                wrong = "not found"
            else:
                wrong = "+".join(w for w, bad in (("verdict", p.get("verdict") != r["verdict"]),
                                                   ("speaker", not same_speaker(p.get("speaker"), r["speaker"]))) if bad)
            if p is None:
                pred = "not found"
            else:
                src = p.get("source_file") or ""
                pred = (f"{p.get('verdict')} speaker={p.get('speaker')!r} "
                        f"source={os.path.basename(src)}:{p.get('source_line')} ({p.get('source_date')})")
            print(f"    {r['id']} ({wrong}) [{r['kind']}] {r['speaker']}: {r['verdict']} {why} | predicted {pred}")
            print(f"        {r['statement'][:150]}")
    return summary


def score_verify(name, labels, out, show_list):
    n = len(labels)

    def pv(r):
        p = out.get(r["id"])
        return p.get("verdict") if p else None

    exact = sum(1 for r in labels if pv(r) == r["verdict"])
    coarse = sum(1 for r in labels if pv(r) and COARSE.get(pv(r)) == COARSE[r["verdict"]])
    nonpar = [r for r in labels if r["verdict"] != "paraphrase"]
    exact_np = sum(1 for r in nonpar if pv(r) == r["verdict"])
    par = [r for r in labels if r["verdict"] == "paraphrase"]
    par_ok = sum(1 for r in par if pv(r) == "paraphrase")
    unv = [r for r in labels if r["verdict"] == "unverified"]
    unv_given = sum(1 for r in unv if pv(r) and pv(r) != "unverified")
    late = sum(1 for r in labels if pv(r) and pv(r) != "unverified" and (out[r["id"]].get("source_date") or "") > r["_date"])
    summary = (
        f"{name} verify: verdict right {pct(exact, n)} of all labels, {pct(coarse, n)} coarse, "
        f"{pct(exact_np, len(nonpar))} of non-paraphrase; paraphrases recognised {pct(par_ok, len(par))}; "
        f"unsupported given support {pct(unv_given, len(unv))}; evidence after the statement's date {late}"
    )
    print(summary)
    print("  confusion (verify):")
    print("    " + confusion(labels, pv).replace("\n", "\n    "))
    if show_list:
        print("  wrong labels (verify):")
        for r in labels:
            p = out.get(r["id"])
            if p and p.get("verdict") == r["verdict"]:
                continue
            why = r["reason_code"] or r["source"]
            pred = "no output" if p is None else (
                f"{p.get('verdict')} source={os.path.basename(p.get('source_file') or '')}:{p.get('source_line')} "
                f"({p.get('source_date')}) decided_by={p.get('decided_by')}")
            print(f"    {r['id']} [{r['kind']}] {r['speaker']}: {r['verdict']} {why} | predicted {pred}")
    return summary


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"),
                    help="the shared folder (default: ../shared beside the repository)")
    ap.add_argument("--check-labels", action="store_true", help="check the label files and exit")
    ap.add_argument("--bin", action="append", default=[], metavar="NAME=PATH", help="a quotecheck binary to score")
    ap.add_argument("--list", action="store_true", help="print every wrong label with its prediction")
    a = ap.parse_args()
    shared = os.path.abspath(a.shared)
    if a.check_labels:
        sys.exit(1 if check_labels(shared) else 0)
    if not a.bin:
        ap.error("give --bin NAME=PATH (or --check-labels)")
    if check_labels(shared, quiet=True):
        sys.exit("eval_real: the labels do not check out")
    arts = read_csv(os.path.join(REAL, "articles.csv"))
    labels = read_csv(os.path.join(REAL, "labels.csv"))
    claims = {c["id"]: c for c in read_csv(os.path.join(REAL, "claims.csv"))}
    for r in labels:
        r["_date"] = claims[r["id"]]["date"]
    tmp = tempfile.mkdtemp(prefix="eval-real-")
    summaries, details = [], []
    try:
        for spec in a.bin:
            name, _, exe = spec.partition("=")
            if not exe:
                name, exe = os.path.basename(spec), spec
            exe = os.path.abspath(exe)
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                preds = run_check(exe, shared, arts, tmp, name)
                summaries.append(score_check(name, labels, arts, preds, a.list))
                out = run_verify(exe, shared, name)
                summaries.append(score_verify(name, labels, out, a.list))
            details.append(buf.getvalue())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    # first the one-line summaries (one check and one verify line per binary), then the details
    print("\n".join(summaries))
    for d in details:
        print()
        print(d, end="")


if __name__ == "__main__":
    main()
