#!/usr/bin/env bash
# Installs PyPI milvus==2.3.5 ("embedded Milvus": the standalone server with its own etcd, queue and local
# storage) into a virtualenv under $SPARK_MILVUS_HOME (default ~/.cache/spark-milvus).
# Idempotent: a marker file records the installed version; a second run returns at once.
set -euo pipefail

VERSION="2.3.5"
HOME_DIR="${SPARK_MILVUS_HOME:-$HOME/.cache/spark-milvus}"
VENV="$HOME_DIR/venv"
MARKER="$HOME_DIR/installed-milvus"

if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$VERSION" && -x "$VENV/bin/milvus-server" ]]; then
    exit 0
fi
mkdir -p "$HOME_DIR"
LOG="$HOME_DIR/install.log"
{
    python3 -m venv --clear "$VENV"
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/pip" install --no-input --progress-bar off "milvus==$VERSION"
} >"$LOG" 2>&1 || { tail -n 30 "$LOG" >&2; echo "install.sh: installing milvus==$VERSION failed (log: $LOG)" >&2; exit 1; }
echo "$VERSION" >"$MARKER"
echo "milvus $VERSION installed in $VENV" >&2
