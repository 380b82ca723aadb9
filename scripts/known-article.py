#!/usr/bin/env python3
"""Writes an article of quotes whose source is known: N quotes of 12-18 words cut from random
documents of a corpus in the transcript format (documents without speaker labels, so the
document's `speaker:` said the words), each attributed to that speaker, and a list of the
file each quote came from. Seeded: the same corpus gives the same article.

usage: known-article.py CORPUS N ARTICLE_OUT EXPECTED_OUT
EXPECTED_OUT has one line per quote: file name, a tab, the quote.
"""
import os
import random
import re
import sys

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
