#!/usr/bin/env python3
"""Checks the cue table (src/extract/data/cues.txt) against a list of reporting verbs
(scripts/cues/reporting_verbs.txt: Levin's verbs of communication and news reporting verbs),
in all four forms of each verb (say, says, said, saying) but those listed there as mostly
nouns ("-report"), and prints the missing forms as
lines for cues.txt ("FORM CLASS"), so that the table is checked against the language, not
against one corpus.

usage: scripts/check-cues.py [--add]     (--add appends the missing lines to cues.txt)
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IRREGULAR = {"say": "said", "tell": "told", "write": "wrote", "speak": "spoke",
             "shout": "shouted", "swear": "swore"}
DOUBLE = {"admit", "snap", "quip", "chat", "brag", "rebut"}


def forms(v):
    if v.endswith("y") and v[-2] not in "aeiou":
        s, ed = v[:-1] + "ies", v[:-1] + "ied"
    elif v.endswith(("s", "sh", "ch", "x", "z")):
        s, ed = v + "es", v + "ed"
    else:
        s, ed = v + "s", (v + "d" if v.endswith("e") else v + "ed")
    if v in DOUBLE:
        ed, ing = v + v[-1] + "ed", v + v[-1] + "ing"
    elif v.endswith("ie"):
        ing = v[:-2] + "ying"
    elif v.endswith("e") and not v.endswith(("ee", "ye", "oe")):
        ing = v[:-1] + "ing"
    else:
        ing = v + "ing"
    ed = IRREGULAR.get(v, ed)
    return [v, s, ed, ing]


def main():
    table = set()
    with open(os.path.join(ROOT, "src/extract/data/cues.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                table.add(line.split()[0])
    missing = []
    with open(os.path.join(ROOT, "scripts/cues/reporting_verbs.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            lemma, cls, *skip = line.split()
            skip = {w.lstrip("-") for w in skip}
            for form in forms(lemma):
                if form not in table and form not in skip:
                    missing.append(f"{form} {cls}")
    for m in missing:
        print(m)
    print(f"# {len(missing)} forms missing", file=sys.stderr)
    if "--add" in sys.argv and missing:
        with open(os.path.join(ROOT, "src/extract/data/cues.txt"), "a", encoding="utf-8") as f:
            f.write("# Added by scripts/check-cues.py from scripts/cues/reporting_verbs.txt\n")
            for m in missing:
                f.write(m + "\n")


if __name__ == "__main__":
    main()
