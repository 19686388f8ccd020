"""Shared parts of the knowledge-base benchmarks: running `spark-lsp kb`, parsing its --json output, and the
retrieval metrics. Pure functions are unit-tested by test_kbbench.py."""

import json
import math
import os
import subprocess
import time


def parse_search_output(text):
    """The results of `spark-lsp kb search --json`: one JSON object per line, in rank order."""
    results = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"line {number} of kb search --json is not JSON: {error}: {line[:200]!r}")
        for key in ("path", "startLine", "endLine"):
            if key not in item:
                raise ValueError(f"line {number} of kb search --json has no {key}: {line[:200]!r}")
        results.append(item)
    return results


def overlaps(result, expected):
    """Whether a result's lines (1-based, inclusive) overlap the expected range in the same file."""
    return (result["path"] == expected["path"]
            and result["startLine"] <= expected["endLine"]
            and expected["startLine"] <= result["endLine"])


def first_hit_rank(results, expected, level):
    """The 1-based rank of the first result that answers `expected` ("chunk": overlapping lines; "file": the
    same file), or None."""
    for rank, result in enumerate(results, 1):
        if (overlaps(result, expected) if level == "chunk" else result["path"] == expected["path"]):
            return rank
    return None


def metrics(ranks, k=5):
    """recall@1, recall@k and MRR (over the top k) of a list of first-hit ranks (None: not found)."""
    count = len(ranks)
    if count == 0:
        return {"recall@1": 0.0, f"recall@{k}": 0.0, "mrr": 0.0, "n": 0}
    found = [rank for rank in ranks if rank is not None and rank <= k]
    return {
        "recall@1": sum(1 for rank in found if rank == 1) / count,
        f"recall@{k}": len(found) / count,
        "mrr": sum(1.0 / rank for rank in found) / count,
        "n": count,
    }


def paired(ranks, baseline, k=5):
    """Question by question, whether `ranks` put the answer higher than `baseline` did (a rank past k, or none,
    counts as missing): the counts of (higher, lower, the same)."""
    def position(rank):
        return rank if rank is not None and rank <= k else k + 1
    pairs = [(position(a), position(b)) for a, b in zip(ranks, baseline)]
    return (sum(1 for a, b in pairs if a < b), sum(1 for a, b in pairs if a > b), sum(1 for a, b in pairs if a == b))


def percentile(values, fraction):
    """The value at `fraction` (0.5: the median) of `values`, by the nearest-rank method."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))
    return ordered[index]


class KB:
    """`spark-lsp kb` with one data directory and environment."""

    def __init__(self, binary, data_dir, environment):
        self.binary = binary
        self.environment = dict(os.environ, SPARK_DATA_DIR=data_dir, **environment)
        self.data_dir = data_dir

    def run(self, *arguments, check=True):
        started = time.perf_counter()
        process = subprocess.run([self.binary, "kb", *arguments], env=self.environment, capture_output=True,
                                 text=True)
        seconds = time.perf_counter() - started
        if check and process.returncode != 0:
            raise RuntimeError(f"spark-lsp kb {' '.join(arguments)} failed ({process.returncode}): "
                               f"{process.stderr.strip()[-2000:]}")
        return process, seconds

    def index(self, *paths):
        process, seconds = self.run("index", *paths)
        return seconds, (process.stdout.strip().splitlines() or [""])[-1]

    def search(self, query, top_k=5):
        process, seconds = self.run("search", "--json", "--top-k", str(top_k), "--", query)
        return parse_search_output(process.stdout), seconds
