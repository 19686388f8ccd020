#!/usr/bin/env bash
# Installs what the MCP tests and bench run against, from PyPI into a venv under a cache folder (once per version):
# the official Python `mcp` SDK (the fault server, and the host that drives `spark-lsp mcp serve`), and the reference
# servers mcp-server-git and mcp-server-time. Prints the venv's path.
# Usage: scripts/mcp/install.sh   (SPARK_MCP_HOME: the cache, default ~/.cache/spark-mcp)
set -euo pipefail
exec "$(dirname "$0")/../lib/pinned-venv.sh" "${SPARK_MCP_HOME:-$HOME/.cache/spark-mcp}" mcp-server-git \
    mcp==2.3.0 mcp-server-git==2026.10.19 mcp-server-time==2026.10.19
