#!/usr/bin/env bash
# `make bench-mcp`: the latency an MCP tool call through SparkLSP adds over the Python client calling the same server
# directly, measured in one run (scripts/mcp/bench.py). Builds nothing: the Makefile target builds spark-mcp first.
# Usage: scripts/mcp/bench.sh [calls]   (SPARK_MCP_BENCH_BIN: the directory of spark-mcp, default .build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV="$(scripts/mcp/install.sh)"
BIN="${SPARK_MCP_BENCH_BIN:-.build/release}"
"$VENV/bin/python" scripts/mcp/bench.py "$BIN/spark-mcp" "$VENV/bin/mcp-server-time" "${1:-300}"
