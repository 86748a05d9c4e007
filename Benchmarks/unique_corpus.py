#!/usr/bin/env python3
"""Writes a corpus with no repeated paragraph: the samples COPIES times over (default 40),
each paragraph of more than 60 characters ending with its copy and place, so that no cache
of paragraphs can hit across articles (the synthetic corpus of `despatch synth` is built from
templates and repeats most of its paragraphs).

    python3 Benchmarks/unique_corpus.py OUTPUT_DIR [COPIES]
"""
import glob
import os
import sys

out_dir = sys.argv[1]
copies = int(sys.argv[2]) if len(sys.argv) > 2 else 40
os.makedirs(out_dir, exist_ok=True)
here = os.path.dirname(os.path.abspath(__file__))
samples = sorted(glob.glob(os.path.join(here, "..", "Samples", "*.txt")))
for k in range(1, copies + 1):
    for path in samples:
        text = open(path, encoding="utf-8").read()
        head, body = "", text
        if text.startswith("---\n") and "\n---\n" in text[4:]:
            end = text.index("\n---\n", 4) + 5
            head, body = text[:end], text[end:]
        lines = [line + f" (Copy {k}, paragraph {i}.)" if len(line) > 60 else line
                 for i, line in enumerate(body.split("\n"))]
        head = head.replace("title: ", f"title: ({k}) ", 1)
        name = os.path.basename(path)[:-4] + f"-{k:02d}.txt"
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write(head + "\n".join(lines))
