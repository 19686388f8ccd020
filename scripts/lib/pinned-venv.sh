#!/usr/bin/env bash
# Makes a Python virtual environment with pinned PyPI packages under a cache folder, once per package list, and
# prints its path (CACHE/venv). A marker file records what is installed; PROGRAM, an executable the packages put
# in the venv's bin/, tells a complete install from an interrupted one. pip's output goes to CACHE/install.log,
# whose tail is printed if the install fails.
# Usage: scripts/lib/pinned-venv.sh CACHE PROGRAM PACKAGE...
set -euo pipefail
[[ $# -ge 3 ]] || { echo "usage: pinned-venv.sh CACHE PROGRAM PACKAGE..." >&2; exit 2; }
cache=$1 program=$2
shift 2
venv="$cache/venv" marker="$cache/installed" log="$cache/install.log"

if [[ ! -f "$marker" || "$(cat "$marker")" != "$*" || ! -x "$venv/bin/$program" ]]; then
    mkdir -p "$cache"
    {
        python3 -m venv --clear "$venv"
        PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/pip" install --no-input --progress-bar off "$@"
    } >"$log" 2>&1 || { tail -n 30 "$log" >&2; echo "pinned-venv.sh: installing $* failed (log: $log)" >&2; exit 1; }
    echo "$*" >"$marker"
fi
echo "$venv"
