"""Builds the evaluation pairs for compare.py: (statement, passage, label support/none).

    python make_pairs.py [--shared ../shared] [--out pairs/pairs.csv]

Three sets, in the `set` column:
  dev-paraphrase  eval/match/dev.csv paraphrase cases vs their source_text        -> support
  dev-unverified  dev.csv unverified cases vs the same speaker's debate sentence (on or
                  before the statement's date) that shares most content words       -> none
  dev-altered     dev.csv altered cases (one negation, number, name, modal, antonym
                  edit) vs their source_text                                        -> none
  hand            pairs/hand.csv: reporter-style paraphrases of the 2012 debates and
                  hard negatives (same speaker and topic, other claim; negation,
                  antonym and number flips); each passage is checked to be the
                  speaker's own words in that debate.
Standard library only; deterministic.
"""

import argparse
import csv
import glob
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOP = set("""a about above after again all also am an and any are as at be because been being
both but by can could did do does doing down during each even every few for from further get
got had has have having he her here him his how i if in into is it its just me might more most
much must my no nor not now of off on once one only or other our out over own re same she
should so some such than that the their them then there these they this those through to too
under until up us very was we well were what when where which while who whom why will with
would you your said says""".split())


def words(s):
    return [w for w in WORD.findall(s.lower().replace("’", "'")) if w not in STOP]


def norm(s):
    return re.sub(r"\s+", " ", s.replace("’", "'").replace("“", '"').replace("”", '"')).strip()


def debates(shared):
    """(date, speaker, sentence) for every sentence of every debate turn."""
    out = []
    for path in sorted(glob.glob(os.path.join(shared, "data", "debates", "*.txt"))):
        text = open(path, encoding="utf-8").read()
        date = os.path.basename(path)[:10]
        body = text.split("\n---\n", 1)[1] if text.startswith("---") else text
        for para in body.split("\n\n"):
            m = re.match(r"([^:\n]{3,60}): (.*)", para.strip(), re.S)
            if not m:
                continue
            speaker, turn = m.group(1), norm(m.group(2))
            for sent in re.split(r"(?<=[.!?])\s+", turn):
                out.append((date, speaker, sent, turn))
    return out


def best_overlap(sents, speaker, date, statement):
    sw = set(words(statement))
    best, key = None, (-1, -1.0)
    for d, sp, s, _ in sents:
        if sp != speaker or d > date:
            continue
        pw = set(words(s))
        shared = len(sw & pw)
        k = (shared, shared / (len(sw | pw) or 1))
        if k > key:
            best, key = s, k
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "..", "shared"))
    ap.add_argument("--out", default=os.path.join(HERE, "pairs", "pairs.csv"))
    args = ap.parse_args()
    sents = debates(args.shared)
    rows = []
    dev = list(csv.DictReader(open(os.path.join(args.shared, "eval", "match", "dev.csv"), encoding="utf-8")))
    for r in dev:
        base = {"id": r["id"], "speaker": r["speaker"], "date": r["date"], "statement": r["statement"]}
        if r["label"] == "paraphrase":
            rows.append(dict(base, set="dev-paraphrase", label="support", kind=r["kind"], passage=r["source_text"]))
        elif r["label"] == "unverified":
            p = best_overlap(sents, r["speaker"], r["date"], r["statement"])
            if p:
                kind = "un" if r["perturbation"].startswith("un_speech") else "recombined"
                rows.append(dict(base, set="dev-unverified", label="none", kind=kind, passage=p))
        elif r["label"] == "altered":
            kind = r["perturbation"].split(":")[0]
            rows.append(dict(base, set="dev-altered", label="none", kind=kind, passage=r["source_text"]))
    turns = {}
    for d, sp, _, turn in sents:
        turns.setdefault((d, sp), []).append(turn)
    for r in csv.DictReader(open(os.path.join(HERE, "pairs", "hand.csv"), encoding="utf-8")):
        said = turns.get((r["date"], r["speaker"]), [])
        if not any(norm(r["passage"]) in t for t in said):
            raise SystemExit("%s: the passage is not %s's words on %s" % (r["id"], r["speaker"], r["date"]))
        rows.append(dict(r, set="hand"))
    cols = ["id", "set", "label", "kind", "speaker", "date", "statement", "passage"]
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    by = {}
    for r in rows:
        by[(r["set"], r["label"])] = by.get((r["set"], r["label"]), 0) + 1
    print("wrote %s: %s" % (args.out, ", ".join("%s/%s %d" % (k[0], k[1], v) for k, v in sorted(by.items()))))


if __name__ == "__main__":
    main()
