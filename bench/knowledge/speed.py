#!/usr/bin/env python3
"""Speed of the knowledge base's lexical side through the command line, with `grep -rn` as the baseline.

  bench/knowledge/speed.py --spark-lsp .build/release/spark-lsp [--files 10000] [--queries 50]

Generates FILES Markdown files (seeded: the same tree every run; a few headings and paragraphs each), then
times `spark-lsp kb index` of the tree without an embedding model (lexical), a re-index of the unchanged tree,
and per query `spark-lsp kb search --json` (the whole process: start, open, search, print) against
`grep -rn WORD` over the same files. Prints a Markdown table.

Then, unless --scale-files is 0, the in-process measurement at scale that process start-up would hide:
`spark-lsp kb bench-query --build` generates a seeded corpus of SCALE_FILES files of ten one-chunk sections
(100,000 chunks by default) and indexes it with seeded synthetic 384-dimension vectors; a second process
(`kb bench-query`) opens it and times hybrid and lexical queries, the vector store's two passes and exact scan
against a plain scalar scan, and the memory the loaded vectors add. Prints its table.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kbbench import KB, percentile  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "de", "po", "gu", "sha", "tri", "bel", "cor", "dun"]


def vocabulary(generator, size):
    words = set()
    while len(words) < size:
        words.add("".join(generator.choice(SYLLABLES) for _ in range(generator.randint(2, 4))))
    return sorted(words)


def generate(root, files, seed=7):
    generator = random.Random(seed)
    words = vocabulary(generator, 20_000)
    for number in range(files):
        folder = os.path.join(root, f"part{number // 500:02d}")
        os.makedirs(folder, exist_ok=True)
        lines = [f"# Topic {number}", ""]
        for section in range(generator.randint(2, 4)):
            lines += [f"## {' '.join(generator.choices(words, k=3))}", ""]
            for _ in range(generator.randint(2, 5)):
                lines.append(" ".join(generator.choices(words, k=generator.randint(8, 16))))
            lines.append("")
        with open(os.path.join(folder, f"doc{number:05d}.md"), "w") as file:
            file.write("\n".join(lines))
    return words


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spark-lsp", default=".build/release/spark-lsp")
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--scale-files", type=int, default=10_000, help="files of the in-process measurement (0: skip)")
    options = parser.parse_args()

    work = tempfile.mkdtemp(prefix="spark-kb-speed-")
    try:
        tree = os.path.join(work, "tree")
        words = generate(tree, options.files)
        kb = KB(options.spark_lsp, os.path.join(work, "data"), {"EMBEDDING_MODEL": ""})
        first, summary = kb.index(tree)
        again, summary_again = kb.index(tree)
        queries = random.Random(11).sample(words, options.queries)
        kb_times, grep_times = [], []
        for word in queries:
            kb_times.append(kb.search(word)[1])
            started = time.perf_counter()
            subprocess.run(["grep", "-rn", word, tree], stdout=subprocess.DEVNULL)
            grep_times.append(time.perf_counter() - started)
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, names in os.walk(tree) for f in names)
        print(f"| measure ({options.files} files, {size / 1e6:.1f} MB) | value |")
        print("| --- | --- |")
        print(f"| kb index, lexical | {first:.2f} s ({summary}) |")
        print(f"| kb index again, unchanged | {again:.2f} s ({summary_again}) |")
        print(f"| kb search --json p50 / p95 ({options.queries} one-word queries, process included) | "
              f"{percentile(kb_times, 0.5) * 1000:.1f} / {percentile(kb_times, 0.95) * 1000:.1f} ms |")
        print(f"| grep -rn p50 / p95 (same words, same files) | "
              f"{percentile(grep_times, 0.5) * 1000:.1f} / {percentile(grep_times, 0.95) * 1000:.1f} ms |")
        if options.scale_files > 0:
            scale = os.path.join(work, "scale")
            built = subprocess.run([options.spark_lsp, "kb", "bench-query", "--build", "--data-dir", scale,
                                    "--files", str(options.scale_files)], capture_output=True, text=True, check=True)
            print(f"\n{built.stdout.strip()}\n", file=sys.stderr)
            measured = subprocess.run([options.spark_lsp, "kb", "bench-query", "--data-dir", scale],
                                      capture_output=True, text=True, check=True)
            print()
            print(measured.stdout.strip())
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
