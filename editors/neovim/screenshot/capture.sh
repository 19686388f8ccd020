#!/usr/bin/env bash
# Makes editors/neovim/screenshot.png, the README's picture of the chat panel: Neovim in a detached tmux pane
# draws demo.lua's scene, `tmux capture-pane -e` takes the screen with its colours, ansi_to_mvg.py and
# ImageMagick's `convert` render it. Needs tmux, imagemagick and fonts-dejavu-core (Debian).
#   editors/neovim/screenshot/capture.sh [output.png]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
plugin="$(dirname "$here")"
output="${1:-$plugin/screenshot.png}"
columns=140
rows=28
work="$(mktemp -d)"
socket="spark-shot-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/docs"
cat > "$work/header.py" <<'PY'
import struct


def parse_header(data):
    """Reads the file header."""
    magic, size = struct.unpack("<4sI", data[:8])
    return magic, size


def read_body(data, size):
    return data[8:8 + size]
PY
printf '# File format\n\n## Header\nThe magic is `SPRK`.\n' > "$work/docs/format.md"

signal="spark-ready-$$"
tmux -L "$socket" -f /dev/null new-session -d -x "$columns" -y "$rows" -c "$work" \
    "env TERM=xterm-256color SPARK_DEMO_FILE='$work/header.py' SPARK_DEMO_SIGNAL='$signal' SPARK_DEMO_SOCKET='$socket' \
     nvim -n -i NONE -u NONE --cmd 'set runtimepath^=$plugin' -c 'runtime plugin/spark.lua' -c 'luafile $here/demo.lua'"
# demo.lua signals the channel once the scene is drawn; the timeout turns a hang into a failure.
timeout 30 tmux -L "$socket" wait-for "$signal"
tmux -L "$socket" capture-pane -e -p -t 0 > "$work/screen.ansi"
python3 "$here/ansi_to_mvg.py" "$work/screen.ansi" "$columns" "$rows" > "$work/screen.mvg"
convert "mvg:$work/screen.mvg" "$output"
echo "screenshot: $output"
