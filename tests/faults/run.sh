#!/usr/bin/env bash
# Faults: kill -9 during an import, the data folder on a small filesystem that fills up, a
# database locked by another process, slow clients and a flood of half-open connections. Each
# must end in a clear error, no corruption, and full recovery once the fault is gone.
# usage: tests/faults/run.sh build/cli/judged      (root: it mounts a tmpfs)
set -uo pipefail
JUDGED=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d /tmp/judged-faults-XXXXXX)
TOKEN=faults-admin
PID= B=
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
# Starting and stopping judged: the harness every suite shares (its log: $T/judged.log).
J_WORK=$T
# shellcheck source=tests/lib/judged.sh
source "$ROOT/tests/lib/judged.sh"
cleanup() {
  judged_cleanup
  umount "$T/small" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT

start() { # DATA [ENV...]
  local data=$1
  shift
  J_ENV=(JUDGE_ADMIN_TOKEN=$TOKEN "$@")
  local rc=0
  judged_start judged "$data" --workers 1 ${OPTS[@]+"${OPTS[@]}"} || rc=1
  J_ENV=()
  PID=$J_PID
  [ "$rc" = 0 ] || return 1
  B=$J_BASE
  judged_wait_healthy 10
}
stop() { judged_stop TERM; PID=; }
put() { # SLUG ZIP -> status
  curl -s -o "$T/put.json" -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/zip' --data-binary @"$2" "$B/api/v1/problems/$1?public=true"
}
submit() { # SOURCE [QUERY] -> status, body in $T/sub.json
  jq -n --rawfile s "$1" '{problem: "sum-groups", language: "c", source: $s}' >"$T/req.json"
  curl -s -o "$T/sub.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
    --data @"$T/req.json" "$B/api/v1/submissions${2:-}"
}
(cd "$ROOT/problems/missing-number" && zip -qr "$T/mn.zip" .)
(cd "$ROOT/tests/packages/sum-groups" && zip -qr "$T/sg.zip" .)
AC=$ROOT/tests/packages/sum-groups/submissions/accepted/long_long.c

# 1. kill -9 while an import is verifying: nothing of it is stored; the next start cleans up.
start "$T/d1"
put missing-number "$T/mn.zip" >/dev/null &
# Killed while verifying: the package is stored under its hash, no version refers to it yet.
for _ in $(seq 100); do [ -n "$(ls "$T/d1/packages")" ] && break; sleep 0.05; done
sleep 0.5
kill -9 "$PID"; wait "$PID" 2>/dev/null; PID=
start "$T/d1"
st=$(curl -s -o /dev/null -w '%{http_code}' "$B/api/v1/problems/missing-number")
left=$(ls "$T/d1/packages" | wc -l)
[ "$st" = 404 ] && [ "$left" = 0 ] && grep -q "did not finish" "$T/judged.log" &&
  ok "kill -9 during an import: nothing stored, leftovers removed at the next start" ||
  bad "kill -9 during an import: problem $st, $left stored packages left"
st=$(put missing-number "$T/mn.zip")
[ "$st" = 201 ] && ok "the same import succeeds after the restart" || bad "import after restart: $st"
if store_is_pg; then
  echo "skip the file's integrity_check after kill -9: SQLite's own (the store is PostgreSQL)"
else
  integrity=$(sqlite3 "$T/d1/judged.db" 'PRAGMA integrity_check')
  [ "$integrity" = ok ] && ok "database intact after kill -9" || bad "integrity: $integrity"
fi
stop

# 2 and 3 are the SQLite file's own faults (a full data folder, another process holding the
# file's write lock); on PostgreSQL the store is not in the data folder and they mean nothing.
if store_is_pg; then
  echo "skip full data folder and locked database file: SQLite's own (the store is PostgreSQL)"
else
# 2. A full data folder: clear errors, nothing judged wrongly, recovery when space returns.
mkdir -p "$T/small"
mount -t tmpfs -o size=24m tmpfs "$T/small"
start "$T/small/data"
put sum-groups "$T/sg.zip" >/dev/null
dd if=/dev/zero of="$T/small/filler" bs=64k 2>/dev/null
codes=""
for i in 1 2 3 4 5; do codes="$codes $(submit "$AC")"; done
ctype=$(curl -s -o /dev/null -w '%{content_type}' -X POST -H "Authorization: Bearer $TOKEN" \
  --data @"$T/req.json" "$B/api/v1/submissions")
echo "   submissions on a full disk answered:$codes"
bad_codes=$(echo "$codes" | tr ' ' '\n' | grep -vE '^(202|507|)$' | wc -l)
[ "$bad_codes" = 0 ] && ok "a full disk answers 202 or 507, never 500" ||
  bad "full disk answers:$codes"
case "$codes" in *507*) [ "$ctype" = application/problem+json ] &&
  ok "507 is problem+json" || bad "507 content type $ctype" ;; esac
st=$(curl -s -o /dev/null -w '%{http_code}' "$B/healthz")
[ "$st" = 200 ] && ok "/healthz answers on a full disk" || bad "/healthz on a full disk: $st"
rm -f "$T/small/filler"
st=$(submit "$AC" '?wait=true')
v=$(jq -r .verdict "$T/sub.json")
[ "$st" = 200 ] && [ "$v" = AC ] && ok "judging works again once space returns" ||
  bad "after space returned: $st $v"
for _ in $(seq 120); do
  q=$(curl -s "$B/healthz" | jq '.queue + .judging')
  [ "$q" = 0 ] && break
  sleep 0.5
done
ie=$(sqlite3 "$T/small/data/judged.db" "SELECT count(*) FROM submissions WHERE verdict IS NOT 'AC'")
[ "$ie" = 0 ] && ok "every submission accepted on the full disk was judged AC afterwards" ||
  bad "$ie submissions not AC after the disk filled"
stop
integrity=$(sqlite3 "$T/small/data/judged.db" 'PRAGMA integrity_check')
[ "$integrity" = ok ] && ok "database intact after the disk filled" || bad "integrity: $integrity"
umount "$T/small"

# 3. Another process holds the database's write lock: 503 with Retry-After, reads go on.
start "$T/d3" JUDGED_BUSY_TIMEOUT_MS=300
put sum-groups "$T/sg.zip" >/dev/null
# The locker says when it holds the lock and holds it until told to let go (two FIFOs): the
# test waits on that state, never on time, however slow the machine is to start python.
mkfifo "$T/locked" "$T/unlock"
python3 - "$T/d3/judged.db" "$T/locked" "$T/unlock" <<'PY' &
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN IMMEDIATE')
with open(sys.argv[2], 'w') as f:
    f.write('locked\n')
with open(sys.argv[3]) as f:
    f.read()
c.execute('ROLLBACK')
PY
LOCKER=$!
timeout 120 cat "$T/locked" >/dev/null || bad "the lock holder did not start"
st=$(submit "$AC")
retry=$(curl -s -D - -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" --data @"$T/req.json" \
  "$B/api/v1/submissions" | tr -d '\r' | awk -F': ' 'tolower($1)=="retry-after"{print $2}')
rd=$(curl -s -o /dev/null -w '%{http_code}' "$B/api/v1/problems/sum-groups")
[ "$st" = 503 ] && [ -n "$retry" ] && ok "a locked database answers 503 with Retry-After ($retry s)" ||
  bad "locked database: $st, Retry-After '$retry'"
[ "$rd" = 200 ] && ok "reads go on while another process writes" || bad "read while locked: $rd"
timeout 30 sh -c 'echo go >"$1"' _ "$T/unlock"
wait $LOCKER
st=$(submit "$AC" '?wait=true')
[ "$st" = 200 ] && [ "$(jq -r .verdict "$T/sub.json")" = AC ] &&
  ok "submissions work again once the lock is gone" || bad "after the lock: $st $(head -c 300 "$T/sub.json")"
stop
fi

# 4. Slow clients: a per-address connection cap and an idle timeout keep them from exhausting it.
OPTS=(--per-ip-connections 4 --conn-timeout 2)
start "$T/d4"
OPTS=()
if python3 "$ROOT/tests/faults/slow_clients.py" "$J_PORT" 4 2; then
  ok "slow clients: refused past 4 connections per address, closed after a 2 s timeout"
else
  bad "slow clients"
fi
stop

# 5. A handful of addresses cannot take every connection: 550 half-open requests from 5 addresses
# (per-address cap 32, global 64: the old caps let 2 addresses fill it) leave room for others.
OPTS=(--max-connections 64 --per-ip-connections 32 --conn-timeout 120)
start "$T/d5"
OPTS=()
if python3 "$ROOT/tests/faults/fair_connections.py" "$J_PORT" 64 32; then
  ok "550 half-open requests from 5 addresses: a stranger is still answered"
else
  bad "fair connections"
fi
stop

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
