#!/usr/bin/env bash
# Starts or stops the Milvus 2.3.5 server in the current network namespace (with-server.sh runs it, and the
# tests that stop and restart Milvus, inside a private namespace: the server binds every interface).
# Usage: scripts/milvus/server.sh start|stop|status
#   start   starts milvus-server on port 19530 (SPARK_MILVUS_PORT) and waits until GET :9091/healthz says OK.
#   stop    SIGINT to the wrapper (SIGTERM would orphan its `milvus` child), then waits for it to end.
#   status  exits 0 when the server answers healthz.
# State (pid, log) lives in SPARK_MILVUS_RUN (default $SPARK_MILVUS_HOME/run); the data (and the server
# binaries the wheel unpacks on first start, ~250 MB) in $SPARK_MILVUS_HOME/data.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HOME_DIR="${SPARK_MILVUS_HOME:-$HOME/.cache/spark-milvus}"
RUN="${SPARK_MILVUS_RUN:-$HOME_DIR/run}"
PORT="${SPARK_MILVUS_PORT:-19530}"
PID_FILE="$RUN/server.pid"
LOG="$RUN/server.log"

healthy() { curl -sf -o /dev/null --max-time 2 --noproxy '*' http://127.0.0.1:9091/healthz; }

running_pid() {
    local pid
    pid="$(cat "$PID_FILE" 2>/dev/null)" || return 1
    kill -0 "$pid" 2>/dev/null && echo "$pid"
}

stop() {
    local pid
    if pid="$(running_pid)"; then
        kill -INT "$pid" 2>/dev/null || true
        for _ in $(seq 1 300); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "server.sh: Milvus $pid ignored SIGINT for 30 s; killing its process group" >&2
            kill -KILL -- "-$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$PID_FILE"
}

start() {
    if running_pid >/dev/null && healthy; then return 0; fi
    stop
    "$HERE/install.sh"
    mkdir -p "$RUN" "$HOME_DIR/data"
    local t0=$SECONDS
    setsid "$HOME_DIR/venv/bin/milvus-server" --data "$HOME_DIR/data" --proxy-port "$PORT" </dev/null >"$LOG" 2>&1 &
    local pid=$!
    echo "$pid" >"$PID_FILE"
    local deadline=$((SECONDS + ${SPARK_MILVUS_READY_TIMEOUT:-180}))
    until healthy; do
        if ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)); then
            echo "server.sh: Milvus did not become ready (log: $LOG):" >&2
            tail -n 30 "$LOG" >&2
            stop
            exit 1
        fi
        sleep 0.2
    done
    echo "Milvus $pid ready on 127.0.0.1:$PORT in $((SECONDS - t0)) s" >&2
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) running_pid >/dev/null && healthy ;;
*) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
