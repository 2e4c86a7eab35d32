#!/usr/bin/env bash
# A throwaway PostgreSQL 15 (Debian's postgresql-15) for the tests: initdb and pg_ctl in a
# temporary folder, run as the unprivileged user `nobody`, listening only on a unix socket in
# that folder (no TCP port to collide with anything), stopped and removed at exit.
#
# Two ways to use it:
#   source tests/lib/pg.sh; pg_start     exports PG_URL (a libpq URI) and PG_DIR; pg_stop runs
#                                        at the shell's exit (added to any EXIT trap already set)
#   tests/lib/pg.sh CMD [ARGS...]        runs CMD with JUDGED_STORE and JUDGED_TEST_STORE set to
#                                        the URL, then stops the server; CMD's exit status
#   tests/lib/pg.sh                      prints the URL and keeps the server until interrupted
#
# PG_FSYNC=on keeps fsync (benchmarks: durable commits, as SQLite's synchronous=FULL); the
# tests turn it off, they never crash the machine. Needs root (to hand the folder to nobody).

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_USER=${PG_USER:-nobody}

pg_stop() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ] || return 0
  runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}

pg_start() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "pg.sh: no PostgreSQL 15 in $PG_BIN (apt-get install postgresql-15)" >&2
    return 1
  fi
  PG_DIR=$(mktemp -d /tmp/judged-pg.XXXXXX) || return 1
  chown "$PG_USER" "$PG_DIR"
  chmod 0755 "$PG_DIR"
  # The EXIT trap: ours after whatever the caller set already.
  local prev
  prev=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
  # shellcheck disable=SC2064
  trap "pg_stop; ${prev:-:}" EXIT
  if ! runuser -u "$PG_USER" -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust \
      -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1; then
    echo "pg.sh: initdb failed:" >&2; cat "$PG_DIR/initdb.log" >&2
    return 1
  fi
  local fsync=${PG_FSYNC:-off}
  if ! runuser -u "$PG_USER" -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
      -t 60 -o "-c listen_addresses= -c unix_socket_directories=$PG_DIR -c fsync=$fsync \
      -c max_connections=400 -c shared_buffers=64MB" start >/dev/null; then
    echo "pg.sh: the server did not start:" >&2; cat "$PG_DIR/server.log" >&2
    return 1
  fi
  if ! runuser -u "$PG_USER" -- "$PG_BIN/createdb" -h "$PG_DIR" -U postgres judged; then
    echo "pg.sh: createdb failed" >&2
    return 1
  fi
  PG_URL="postgresql:///judged?host=$PG_DIR&user=postgres"
  export PG_URL PG_DIR
}

# A fresh, empty database on the running server (each suite starts from nothing): its URL.
pg_new_db() {
  local name=$1
  runuser -u "$PG_USER" -- "$PG_BIN/dropdb" -h "$PG_DIR" -U postgres --if-exists "$name" &&
    runuser -u "$PG_USER" -- "$PG_BIN/createdb" -h "$PG_DIR" -U postgres "$name" &&
    echo "postgresql:///$name?host=$PG_DIR&user=postgres"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  # 77: "skipped" to meson, where there is no PostgreSQL 15 or no root to hand it a folder.
  if [ ! -x "$PG_BIN/initdb" ] || [ "$(id -u)" != 0 ]; then
    echo "pg.sh: skipped: needs root and postgresql-15" >&2
    exit 77
  fi
  pg_start
  if [ $# -eq 0 ]; then
    echo "$PG_URL"
    trap 'exit 0' INT TERM
    while :; do sleep 3600; done
  fi
  set +e
  JUDGED_STORE=$PG_URL JUDGED_TEST_STORE=$PG_URL "$@"
  exit $?
fi
