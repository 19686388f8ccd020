#!/usr/bin/env bash
# Runs CMD against a real Milvus 2.3.5 (PyPI `milvus`, installed into a cache on first use):
#   scripts/milvus/with-server.sh swift test --skip-build --filter MilvusVectorStoreTests
# Milvus binds every interface, so it runs, with CMD, inside a private network namespace whose only
# interface is loopback (needs root, which CI has). Exports SPARK_TEST_MILVUS=1, MILVUS_HOST=127.0.0.1,
# MILVUS_PORT and SPARK_TEST_MILVUS_SERVER (this folder's server.sh, for tests that stop and restart
# Milvus); stops Milvus with SIGINT whatever happens and exits with CMD's status.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -gt 0 ]] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

if [[ "${SPARK_MILVUS_INSIDE:-}" != 1 ]]; then
    "$HERE/install.sh" || exit 1
    NS="spark-milvus-$$"
    ip netns add "$NS" || { echo "with-server.sh: cannot create a network namespace (needs root)" >&2; exit 1; }
    trap 'ip netns delete "$NS" 2>/dev/null' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    ip netns exec "$NS" ip link set lo up || exit 1
    # The run folder is private to this run, so concurrent runs (each in its own namespace) do not meet.
    RUN="$(mktemp -d)"
    trap 'ip netns delete "$NS" 2>/dev/null; rm -rf "$RUN"' EXIT
    SPARK_MILVUS_INSIDE=1 SPARK_MILVUS_RUN="$RUN" ip netns exec "$NS" "$0" "$@"
    exit $?
fi

"$HERE/server.sh" start || exit 1
trap '"$HERE/server.sh" stop' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
export SPARK_TEST_MILVUS=1 MILVUS_HOST=127.0.0.1 MILVUS_PORT="${SPARK_MILVUS_PORT:-19530}"
export SPARK_TEST_MILVUS_SERVER="$HERE/server.sh"
"$@"
