#!/usr/bin/env bash
# Runs schemathesis (PyPI) against the live HTTP service and its own OpenAPI document: every route, with
# generated good and bad input, checked for server errors, undocumented statuses and content types, and
# responses that do not match their schemas. The service runs the real agents against a stub model server.
# Usage: scripts/http/schemathesis.sh   (SPARK_SCHEMATHESIS_HOME: the venv's cache, default ~/.cache/spark-schemathesis;
#        SPARK_SCHEMATHESIS_EXAMPLES: examples per operation, default 25)
set -euo pipefail
cd "$(dirname "$0")/../.."

EXAMPLES="${SPARK_SCHEMATHESIS_EXAMPLES:-25}"
VENV="$(scripts/lib/pinned-venv.sh "${SPARK_SCHEMATHESIS_HOME:-$HOME/.cache/spark-schemathesis}" st "schemathesis==4.32.5")"

swift build --product spark-service
BIN="$(swift build --show-bin-path)/spark-service"

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

python3 scripts/http/stub_model_server.py >"$WORK/stub.out" &
PIDS+=($!)
for _ in $(seq 100); do [[ -s "$WORK/stub.out" ]] && break; sleep 0.1; done
STUB_PORT="$(head -n 1 "$WORK/stub.out")"

mkdir -p "$WORK/workspace"
env -i PATH="$PATH" HOME="$WORK" VLLM_ENDPOINT="http://127.0.0.1:$STUB_PORT/v1" SPARK_DATA_DIR="$WORK/data" \
    WORKSPACE_DIR="$WORK/workspace" "$BIN" --port 0 --log-level error >"$WORK/service.out" 2>"$WORK/service.err" &
PIDS+=($!)
for _ in $(seq 300); do grep -q "listening on" "$WORK/service.out" 2>/dev/null && break; sleep 0.1; done
URL="$(sed -n 's/.*listening on //p' "$WORK/service.out" | head -n 1)"
[[ -n "$URL" ]] || { echo "schemathesis.sh: the service did not start" >&2; cat "$WORK/service.err" >&2; exit 1; }

# A schema-valid request may still name an image that does not exist: 422 (`invalid_image`) is its documented
# answer, so positive data may get it besides schemathesis's defaults.
cat >"$WORK/schemathesis.toml" <<'TOML'
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]
TOML

# From the scratch directory: schemathesis keeps its caches in the working directory.
cd "$WORK"
"$VENV/bin/st" --config-file "$WORK/schemathesis.toml" run "$URL/openapi.json" --url "$URL" --checks all --max-examples "$EXAMPLES" \
    --generation-deterministic --request-timeout 30 --no-color
