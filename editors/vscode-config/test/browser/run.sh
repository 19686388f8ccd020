#!/usr/bin/env bash
# The chat view's page in headless Chromium: Debian's chromium and chromium-driver (scripts/setup.sh installs
# them), driven by Selenium (PyPI, into a venv under a cache folder on first use).
# Usage: test/browser/run.sh [ARTEFACTS]   (default: .build/vscode-artefacts at the repository's root;
#        SPARK_VSCODE_BROWSER_HOME: the venv's cache, default ~/.cache/spark-vscode-browser;
#        SPARK_UPDATE_SCREENSHOT=1 also copies the screenshot to docs/chat-view.png for the README)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
artefacts="${1:-$root/.build/vscode-artefacts}"

VENV="$("$root/scripts/lib/pinned-venv.sh" "${SPARK_VSCODE_BROWSER_HOME:-$HOME/.cache/spark-vscode-browser}" python \
    "selenium==4.27.1")"
for program in chromium chromedriver; do
    command -v "$program" >/dev/null || { echo "run.sh: $program is missing (make setup installs it)" >&2; exit 1; }
done

"$VENV/bin/python" "$here/chat_view_test.py" "$artefacts"
if [[ "${SPARK_UPDATE_SCREENSHOT:-}" == 1 ]]; then
    cp "$artefacts/chat-view.png" "$here/../../docs/chat-view.png"
    echo "run.sh: updated docs/chat-view.png" >&2
fi
