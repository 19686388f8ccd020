#!/usr/bin/env python3
"""Retrieval quality of `spark-lsp kb search` on real Debian documentation, against three baselines in the
same run.

  bench/knowledge/quality.py --spark-lsp .build/release/spark-lsp \
      --embedding-endpoint http://127.0.0.1:PORT/v1 --embedding-model minilm

Copies the files of corpus.txt (globs under /usr/share/doc) into a scratch corpus, checks that every question's
expected heading is still at its line (another package version moves lines), then for each configuration
indexes the corpus with `spark-lsp kb index` and asks every question of each question file (by default the
five sets: Node.js, pip, Python HOWTOs, Python tutorial and FAQ, Valgrind) with `spark-lsp kb search --json --top-k 5`:
  hybrid    the knowledge base as shipped (heading/declaration chunks, FTS5 + vectors, its fusion)
  rrf       the same index, ranked by plain reciprocal rank fusion of FTS5 and vectors (SPARK_KB_RANKING=rrf)
  rrf-40    plain reciprocal rank fusion of FTS5 and vectors over fixed 40-line chunks, each embedded as its
            text alone (SPARK_KB_CHUNKING=lines:40, SPARK_KB_RANKING=rrf): the plain hybrid pipeline
  fts5-40   FTS5 (BM25) alone over fixed 40-line chunks, no vectors (SPARK_KB_CHUNKING=lines:40,
            SPARK_KB_RANKING=lexical)
and prints recall@1, recall@5 and MRR at chunk level (a result's lines overlap the expected range) and at
file level, overall and per kind of question (term, paraphrase, situation), as a Markdown table per file, and
question by question how often the first ranking put the answer higher or lower than each other one.
"""

import argparse
import glob
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kbbench import KB, first_hit_rank, metrics, paired, percentile  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DOC_ROOT = "/usr/share/doc"


def build_corpus(corpus_list, target):
    count = 0
    for line in open(corpus_list):
        pattern = line.strip()
        if not pattern or pattern.startswith("#"):
            continue
        for source in sorted(glob.glob(os.path.join(DOC_ROOT, pattern))):
            relative = os.path.relpath(source, DOC_ROOT)
            os.makedirs(os.path.dirname(os.path.join(target, relative)), exist_ok=True)
            shutil.copyfile(source, os.path.join(target, relative))
            count += 1
    if count == 0:
        sys.exit(f"quality.py: no corpus files under {DOC_ROOT} (install nodejs, python3-pip, python3.11-doc and valgrind: make bench-kb does)")
    return count


def load_questions(path, corpus):
    questions = [json.loads(line) for line in open(path) if line.strip()]
    for question in questions:
        lines = open(os.path.join(corpus, question["path"]), encoding="utf-8").read().split("\n")
        line = lines[question["startLine"] - 1] if question["startLine"] <= len(lines) else ""
        if question["heading"] not in line:
            sys.exit(f"quality.py: {question['path']}:{question['startLine']} is no longer "
                     f"\"{question['heading']}\" (another package version?): {line!r}")
    return questions


# The question sets, in the order they were written (docs/benchmarks/knowledge.md says how each came about).
QUESTION_FILES = ["questions.jsonl", "questions-pip.jsonl", "questions-python.jsonl",
                  "questions-python-tutorial.jsonl", "questions-valgrind.jsonl"]

CONFIGURATIONS = {
    # name: (index environment, search environment, uses vectors)
    "hybrid": ({}, {}, True),
    "rrf": ({}, {"SPARK_KB_RANKING": "rrf"}, True),
    "rrf-40": ({"SPARK_KB_CHUNKING": "lines:40"}, {"SPARK_KB_RANKING": "rrf"}, True),
    "fts5-40": ({"SPARK_KB_CHUNKING": "lines:40"}, {"SPARK_KB_RANKING": "lexical"}, False),
}


def evaluate(name, binary, corpus, questions, work, embedding, index_cache):
    index_environment, search_environment, vectors = CONFIGURATIONS[name]
    environment = dict(embedding) if vectors else {"EMBEDDING_MODEL": ""}
    environment.update(index_environment)
    key = json.dumps(environment, sort_keys=True)
    data_dir = index_cache.get(key)
    summary = "(index shared)"
    if data_dir is None:
        data_dir = os.path.join(work, f"data-{name}")
        seconds, summary = KB(binary, data_dir, environment).index(corpus)
        summary = f"{summary} [{seconds:.1f} s]"
        index_cache[key] = data_dir
    kb = KB(binary, data_dir, {**environment, **search_environment})
    rows, latencies = [], []
    for question in questions:
        results, seconds = kb.search(question["question"])
        latencies.append(seconds)
        rows.append({
            "kind": question["kind"],
            "chunk": first_hit_rank(results, question, "chunk"),
            "file": first_hit_rank(results, question, "file"),
        })
    return rows, summary, percentile(latencies, 0.5)


def table(results, kinds):
    lines = ["| ranking | questions | chunk R@1 | chunk R@5 | chunk MRR | file R@1 | file R@5 | file MRR |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, rows in results.items():
        for kind in kinds:
            selected = [row for row in rows if kind == "all" or row["kind"] == kind]
            chunk = metrics([row["chunk"] for row in selected])
            file = metrics([row["file"] for row in selected])
            lines.append(f"| {name} | {kind} ({chunk['n']}) | {chunk['recall@1']:.3f} | {chunk['recall@5']:.3f} | "
                         f"{chunk['mrr']:.3f} | {file['recall@1']:.3f} | {file['recall@5']:.3f} | {file['mrr']:.3f} |")
    return "\n".join(lines)


def comparison(results):
    """The first ranking against each other one, question by question, at chunk level."""
    names = list(results)
    lines = []
    for other in names[1:]:
        higher, lower, same = paired([row["chunk"] for row in results[names[0]]],
                                     [row["chunk"] for row in results[other]])
        lines.append(f"- {names[0]} against {other}, chunk level: the answer ranked higher for {higher} questions, "
                     f"lower for {lower}, the same for {same}")
    return "\n" + "\n".join(lines) if lines else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spark-lsp", default=".build/release/spark-lsp")
    parser.add_argument("--embedding-endpoint", default=os.environ.get("SPARK_TEST_VLLM_EMBEDDING_ENDPOINT"))
    parser.add_argument("--embedding-model", default=os.environ.get("SPARK_TEST_VLLM_EMBEDDING_MODEL", "minilm"))
    parser.add_argument("--questions", default=",".join(os.path.join(HERE, name) for name in QUESTION_FILES),
                        help="question files, comma-separated (a table each; the indexes are shared)")
    parser.add_argument("--corpus", default=os.path.join(HERE, "corpus.txt"))
    parser.add_argument("--rankings", default="hybrid,rrf,rrf-40,fts5-40")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--work", help="use (and keep) this folder instead of a scratch one; the indexes a run "
                        "left there are updated, not rebuilt (kb index is incremental), so other questions can be "
                        "asked of them without embedding the corpus again")
    options = parser.parse_args()
    rankings = options.rankings.split(",")
    unknown = [name for name in rankings if name not in CONFIGURATIONS]
    if unknown:
        sys.exit(f"quality.py: unknown ranking {', '.join(unknown)} (known: {', '.join(CONFIGURATIONS)})")
    if any(CONFIGURATIONS[name][2] for name in rankings) and not options.embedding_endpoint:
        sys.exit("quality.py: no embedding endpoint (--embedding-endpoint or SPARK_TEST_VLLM_EMBEDDING_ENDPOINT; "
                 "scripts/vllm/with-server.sh starts one)")
    embedding = {"EMBEDDING_ENDPOINT": options.embedding_endpoint or "", "EMBEDDING_MODEL": options.embedding_model}

    work = options.work or tempfile.mkdtemp(prefix="spark-kb-quality-")
    options.keep = options.keep or bool(options.work)
    try:
        corpus = os.path.join(work, "corpus")
        files = build_corpus(options.corpus, corpus)
        question_sets = [(path, load_questions(path, corpus)) for path in options.questions.split(",")]
        print(f"corpus: {files} files from {DOC_ROOT}; "
              f"{sum(len(questions) for _, questions in question_sets)} questions", file=sys.stderr)
        results, index_cache = {path: {} for path, _ in question_sets}, {}
        for name in rankings:
            for path, questions in question_sets:
                rows, summary, p50 = evaluate(name, options.spark_lsp, corpus, questions, work, embedding,
                                              index_cache)
                results[path][name] = rows
                print(f"{name} on {os.path.basename(path)}: index {summary}; search p50 {p50 * 1000:.0f} ms "
                      "(process included)", file=sys.stderr)
        for path, questions in question_sets:
            print(f"\n{os.path.basename(path)} ({len(questions)} questions)\n")
            print(table(results[path], ["all", "term", "paraphrase", "situation"]))
            print(comparison(results[path]))
    finally:
        if options.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
