#!/usr/bin/env bash
# `make bench-http`: the HTTP service against the original stack (FastAPI + uvicorn) over the same scripted model
# server, with wrk on loopback (bench/http/run.py says what is measured). Needs a release build of spark-service
# (make bench-http builds it) and wrk (Debian); FastAPI, uvicorn and httpx are installed from PyPI into
# ~/.cache/spark-bench-http (SPARK_BENCH_HTTP_HOME) on first use. Options go to run.py (--duration, --streams, ...).
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v wrk >/dev/null || { echo "bench-http: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
venv="$(scripts/lib/pinned-venv.sh "${SPARK_BENCH_HTTP_HOME:-$HOME/.cache/spark-bench-http}" uvicorn \
    fastapi==0.163.2 "uvicorn[standard]==0.54.0" httpx==0.28.1)"
exec "$venv/bin/python" bench/http/run.py "${SPARK_SERVICE_BINARY:-.build/release/spark-service}" "$@"
