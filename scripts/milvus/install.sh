#!/usr/bin/env bash
# Installs PyPI milvus==2.3.5 ("embedded Milvus": the standalone server with its own etcd, queue and local
# storage) into a virtualenv under $SPARK_MILVUS_HOME (default ~/.cache/spark-milvus); a second run returns at once.
set -euo pipefail
"$(dirname "$0")/../lib/pinned-venv.sh" "${SPARK_MILVUS_HOME:-$HOME/.cache/spark-milvus}" milvus-server \
    "milvus==2.3.5" >/dev/null
