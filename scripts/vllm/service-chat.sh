#!/usr/bin/env bash
# One chat through the HTTP service on the real vLLM (run by `make test-vllm` inside with-server.sh, which exports
# SPARK_TEST_VLLM_ENDPOINT and SPARK_TEST_VLLM_MODEL): starts the built `spark-lsp serve --http` on a free port with
# every agent on the tiny model, checks /ready, POST /chat (coding agent), the same session's next turn, and
# POST /chat/stream to its `done`, then SIGTERM and a clean exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${SPARK_TEST_VLLM_ENDPOINT:?run me through scripts/vllm/with-server.sh}"
model=${SPARK_TEST_VLLM_MODEL:-spark-tiny}
binary=${SPARK_SERVICE_BINARY:-.build/debug/spark-lsp}

folder=$(mktemp -d "${TMPDIR:-/tmp}/spark-service-vllm.XXXXXX")
service=""
cleanup() {
    [ -n "$service" ] && kill "$service" 2>/dev/null || true
    rm -rf "$folder"
}
trap cleanup EXIT
# Short answers: the tiny model writes random tokens until the limit.
cat >"$folder/config.json" <<JSON
{"endpoint": "$SPARK_TEST_VLLM_ENDPOINT", "agents": {
  "supervisor": {"model": "$model", "maxTokens": 32}, "coding": {"model": "$model", "maxTokens": 32},
  "rag": {"model": "$model", "maxTokens": 32}, "image": {"model": "$model", "maxTokens": 32}}}
JSON
mkfifo "$folder/stdout"
env -i PATH=/usr/bin:/bin HOME="$folder" SPARK_DATA_DIR="$folder/data" WORKSPACE_DIR="$folder/workspace" \
    "$binary" serve --http --port 0 --config "$folder/config.json" >"$folder/stdout" 2>"$folder/stderr" &
service=$!
exec 3<"$folder/stdout"
read -r -t 60 line <&3 || { echo "service-chat: the service did not start:" >&2; cat "$folder/stderr" >&2; exit 1; }
url="http://${line##*http://}"
echo "service-chat: $line"

fail() { echo "service-chat: $1" >&2; cat "$folder/stderr" >&2; exit 1; }
check() { python3 -c "import json, sys; reply = json.load(sys.stdin); $1" || fail "$2"; }

curl -fsS "$url/ready" | check 'assert reply["status"] == "ready", reply' "/ready is not ready"
first=$(curl -fsS -X POST "$url/chat" -H 'Content-Type: application/json' \
    -d '{"message": "Write a Python function that reverses a string", "agent_type": "coding"}') || fail "POST /chat failed"
echo "$first" | check 'assert isinstance(reply["response"], str) and reply["agent"] == "coding" and reply["usage"]["completion_tokens"] > 0, reply' \
    "POST /chat: $first"
session=$(echo "$first" | python3 -c 'import json, sys; print(json.load(sys.stdin)["session_id"])')
second=$(curl -fsS -X POST "$url/chat" -H 'Content-Type: application/json' \
    -d "{\"message\": \"And in Swift?\", \"session_id\": \"$session\"}") || fail "the second turn failed"
curl -fsS "$url/sessions/$session" | check 'assert [m["role"] for m in reply["messages"] if m["role"] == "user"] == ["user", "user"], reply' \
    "the session does not hold both turns"
stream=$(curl -fsS -N -X POST "$url/chat/stream" -H 'Content-Type: application/json' \
    -d '{"message": "Explain main.py", "stream": true, "agent_type": "coding"}') || fail "POST /chat/stream failed"
last=$(printf '%s\n' "$stream" | grep '^event: ' | tail -n 1)
[ "$last" = "event: done" ] || fail "the stream did not end with done: $stream"
kill -TERM "$service"
wait "$service" || fail "the service did not exit cleanly after SIGTERM"
service=""
echo "service-chat: POST /chat, a second turn, and POST /chat/stream through the real vLLM ($model): ok"
