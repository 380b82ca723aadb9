#!/usr/bin/env python3
"""Writes src/meaning/data/derivations.txt: pairs of English words of one root, from WordNet 3.0
(Debian's `wordnet-base`: `apt-get install wordnet-base`, files in /usr/share/wordnet).

A pair is two one-word lemmas that WordNet links as derivationally related forms (`+`) or as an
adjective or adverb and the noun it pertains to or is derived from (`\\`), and that share a
prefix of four letters or more, three quarters of the shorter word or more: the same root
with another suffix (economy, economic; fair, fairness; oppose, opposition), not a word of
another root that WordNet relates by meaning (buy, purchase).

    python3 scripts/derivations.py [WORDNET_DIR] > src/meaning/data/derivations.txt
"""
import os
import sys

FILES = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "r": "data.adv"}


def synsets(wn):
    """(pos, offset) -> (words, pointers) of every synset."""
    out = {}
    for pos, name in FILES.items():
        with open(os.path.join(wn, name), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):  # the licence header
                    continue
                parts = line.split(" ")
                count = int(parts[3], 16)
                words = [parts[4 + 2 * i].lower() for i in range(count)]
                i = 4 + 2 * count
                n = int(parts[i])
                i += 1
                pointers = [tuple(parts[i + 4 * k : i + 4 * k + 4]) for k in range(n)]
                out[(pos, parts[0])] = (words, pointers)
    return out


def licence():
    """The WordNet 3.0 licence, from the package's copyright file."""
    path = "/usr/share/doc/wordnet-base/copyright"
    out, inside = [], False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("License: WordNet"):
                inside = True
                continue
            if inside and not line.startswith(" "):
                break
            if inside:
                text = line.strip()
                out.append("" if text == "." else text)
    if not out:
        sys.exit(f"derivations.py: no WordNet licence in {path}")
    return out


def prefix(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def main():
    wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    table = synsets(wn)
    pairs = set()
    for (_, _), (words, pointers) in table.items():
        for symbol, offset, pos, st in pointers:
            if symbol not in ("+", "\\"):
                continue
            s, t = int(st[:2], 16), int(st[2:], 16)
            target = table.get(("a" if pos in "as" else pos, offset))
            if s == 0 or t == 0 or target is None:
                continue  # a pointer between whole synsets, not two words
            a = words[s - 1].split("(")[0]
            b = target[0][t - 1].split("(")[0]
            if a == b or not (a.isascii() and b.isascii() and a.isalpha() and b.isalpha()):
                continue
            p = prefix(a, b)
            if p >= 4 and 4 * p >= 3 * min(len(a), len(b)):
                pairs.add(tuple(sorted((a, b))))
    print("# Words of one root with other suffixes, a pair a line, from WordNet 3.0's derivationally")
    print("# related forms and pertainyms that share a prefix of 4+ letters (3/4 of the shorter word).")
    print("# Written by scripts/derivations.py from Debian's wordnet-base. WordNet's licence, which")
    print("# asks that its notice appear on every copy of the database or part of it:")
    print("#")
    for line in licence():
        print(f"# {line}".rstrip())
    for a, b in sorted(pairs):
        print(a, b)


if __name__ == "__main__":
    main()
