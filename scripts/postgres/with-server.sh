#!/usr/bin/env bash
# Runs CMD next to a throwaway PostgreSQL server (Debian's postgresql package) and stops it afterwards:
#   scripts/postgres/with-server.sh swift test --skip-build --filter SparkPostgresTests
# The server lives in a temporary folder, listens on 127.0.0.1 on a free port (trust authentication: loopback
# only, a test server), runs as `nobody` when started by root (PostgreSQL refuses to run as root), and is gone
# when CMD ends. CMD sees SPARK_TEST_DATABASE_URL (superuser `spark`, database `postgres`).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "with-server: PostgreSQL is not installed (make setup)" >&2; exit 1; }

folder=$(mktemp -d "${TMPDIR:-/tmp}/spark-postgres.XXXXXX")
run_as_owner() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
    chown nobody "$folder"
    run_as_owner() { runuser -u nobody -- "$@"; }
fi
chmod 700 "$folder"

stop() {
    run_as_owner "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$folder"
}
trap stop EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cd "$folder"
run_as_owner "$bin/initdb" -D "$folder/data" -U spark --auth=trust -E UTF8 --no-sync >"$folder/initdb.log" 2>&1 || {
    cat "$folder/initdb.log" >&2
    exit 1
}
# -w: pg_ctl returns once the server accepts connections. fsync off: a test server, thrown away afterwards.
run_as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $folder -c fsync=off -c max_connections=200" start >/dev/null || {
    cat "$folder/server.log" >&2
    exit 1
}
cd - >/dev/null
echo "with-server: PostgreSQL on 127.0.0.1:$port ($folder)" >&2
export SPARK_TEST_DATABASE_URL="postgres://spark@127.0.0.1:$port/postgres?sslmode=disable"
status=0
"$@" || status=$?
exit $status
