# The frame of the multi-node tests (tests/pg/failover.sh, live.sh, mail.sh, webhooks.sh),
# sourced after `set -uo pipefail` with the judged binary as $1 and NAME set (the test's name, for
# messages and its scratch folder):
#   - JUDGED, ROOT (the working folder), T (a scratch folder, removed at exit), TOKEN (the nodes'
#     admin token), URL (a database of its own on PostgreSQL: the one JUDGED_STORE names, else a
#     throwaway PostgreSQL 15 started here);
#   - PIDS: whatever the test starts in the background goes there; all get KILL at exit, also
#     when the script is stopped by a signal;
#   - until_ok SECONDS CMD...    CMD until it succeeds, at most SECONDS (its last status);
#   - die MESSAGE                "FAIL NAME: MESSAGE", the nodes' last log lines, exit 1;
#   - node ID [JUDGED OPTION...] an API node on the shared store and packages folder, listening on
#                                an ephemeral loopback port; its URL in BASE_<ID>, pid in PID_<ID>;
#   - nodes_healthy ID...        until every named node answers /healthz (or die);
#   - import_sum_groups ID       tests/packages/sum-groups imported, public, through node ID.
JUDGED=$(realpath "$1")
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT" || exit 2
T=$(mktemp -d "/tmp/judged-$NAME.XXXXXX")
TOKEN=$NAME-admin
PIDS=()
nodes_cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  rm -rf "$T"
}
trap nodes_cleanup EXIT
trap 'exit 143' TERM INT # so that the EXIT trap cleans up when the script is stopped
source tests/lib/pg.sh
if [ -z "${JUDGED_STORE:-}" ]; then
  pg_start || exit 1
  trap 'nodes_cleanup; pg_stop' EXIT
  JUDGED_STORE=$PG_URL
fi
export JUDGED_STORE
source tests/lib/store.sh
URL=$(store_url "$T/cluster") || exit 1

until_ok() {
  local end=$((SECONDS + $1))
  shift
  while ((SECONDS < end)); do "$@" && return 0; sleep 0.1; done
  "$@"
}

die() {
  echo "FAIL $NAME: $*"
  tail -n 20 "$T"/*.log 2>/dev/null
  exit 1
}

node() {
  local id=$1
  shift
  JUDGE_ADMIN_TOKEN=$TOKEN "$JUDGED" --listen 127.0.0.1:0 --data "$T/$id" --store "$URL" \
    --packages "$T/packages" --port-file "$T/$id.port" "$@" 2>>"$T/$id.log" &
  PIDS+=("$!")
  eval "PID_$id=$!"
  until_ok 60 test -s "$T/$id.port" || die "node $id did not start"
  eval "BASE_$id=http://127.0.0.1:$(cat "$T/$id.port")"
}

nodes_healthy() {
  local id base
  for id in "$@"; do
    base=BASE_$id
    until_ok 60 curl -sf "${!base}/healthz" -o /dev/null || die "node $id is not healthy"
  done
}

import_sum_groups() {
  local base=BASE_$1 st
  (cd tests/packages/sum-groups && zip -qr "$T/sg.zip" .)
  st=$(curl -s -o "$T/put.json" -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/zip' --data-binary @"$T/sg.zip" \
    "${!base}/api/v1/problems/sum-groups?public=true")
  [ "$st" = 201 ] || die "import through node $1: $st $(head -c 300 "$T/put.json")"
}
