#!/usr/bin/env bash
# Webhooks from two nodes of one PostgreSQL store: both run the delivery threads against one slow
# receiver (tests/hiring/webhook_receiver.py, 0.3 s an answer); each of 20 candidate.finished
# events is delivered exactly once (its webhook-id seen once), never by both nodes (each delivery
# is claimed in the store before it is sent).
# usage: tests/pg/webhooks.sh build/cli/judged     (root; starts its own PostgreSQL unless
#        JUDGED_STORE names one)
set -uo pipefail
JUDGED=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
T=$(mktemp -d /tmp/judged-pghooks.XXXXXX)
TOKEN=hooks-admin
N=20
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 143' TERM INT # so that the EXIT trap cleans up when the script is stopped
source tests/lib/pg.sh
if [ -z "${JUDGED_STORE:-}" ]; then
  pg_start || exit 1
  trap 'cleanup; pg_stop' EXIT
  JUDGED_STORE=$PG_URL
fi
export JUDGED_STORE
source tests/lib/store.sh
URL=$(store_url "$T/cluster") || exit 1
die() { echo "FAIL pg webhooks: $*"; tail -n 20 "$T"/*.log; exit 1; }
# until SECONDS CMD...: CMD until it succeeds, at most SECONDS.
until_ok() {
  local end=$((SECONDS + $1))
  shift
  while ((SECONDS < end)); do "$@" && return 0; sleep 0.1; done
  "$@"
}

/usr/bin/python3 tests/hiring/webhook_receiver.py "$T/hook.port" "$T/hooks.log" 0 &
PIDS+=("$!")
until_ok 20 test -s "$T/hook.port" || die "the webhook receiver did not start"
HOOK=http://127.0.0.1:$(cat "$T/hook.port")/slow

node() {
  local name=$1
  JUDGE_ADMIN_TOKEN=$TOKEN "$JUDGED" --listen 127.0.0.1:0 --data "$T/$name" --store "$URL" \
    --packages "$T/packages" --port-file "$T/$name.port" --workers 0 --cgroup none \
    --webhook-private 2>>"$T/$name.log" &
  PIDS+=("$!")
  until_ok 60 test -s "$T/$name.port" || die "node $name did not start"
  eval "BASE_$name=http://127.0.0.1:$(cat "$T/$name.port")"
}
node a
node b
healthy() { curl -sf "$BASE_a/healthz" >/dev/null && curl -sf "$BASE_b/healthz" >/dev/null; }
until_ok 60 healthy || die "the nodes are not healthy"

api() { # api METHOD PATH TOKEN [BODY]: the answer's body on stdout
  curl -s -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
    ${4:+-d "$4"} "$BASE_a$2"
}
(cd tests/packages/sum-groups && zip -qr "$T/sg.zip" .)
st=$(curl -s -o "$T/put.json" -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/zip' --data-binary @"$T/sg.zip" \
  "$BASE_a/api/v1/problems/sum-groups?public=true")
[ "$st" = 201 ] || die "import: $st $(head -c 300 "$T/put.json")"
team=$(api POST /api/v1/teams "$TOKEN" '{"name":"Hooks on two nodes"}' | jq -r '.id // empty')
[ -n "$team" ] || die "no team"
key=$(api POST "/api/v1/teams/$team/keys" "$TOKEN" '{"name":"ats"}' | jq -r '.token // empty')
[ -n "$key" ] || die "no team key"
as=$(api POST /api/v1/assessments "$key" "$(jq -cn --arg u "$HOOK" '{title: "Delivered twice?",
  problems: [{slug: "sum-groups"}], duration_minutes: 30, webhook_url: $u,
  webhook_events: ["candidate.finished"]}')" | jq -r '.id // empty')
[ -n "$as" ] || die "no assessment"
csv=$(for ((i = 0; i < N; i++)); do printf 'Cand %02d,cand%02d@example.com\n' "$i" "$i"; done)
api POST "/api/v1/assessments/$as/invites/bulk" "$key" "$(jq -cn --arg c "$csv" '{csv: $c}')" >"$T/bulk.json"
jq -e ".created == $N" "$T/bulk.json" >/dev/null || die "bulk invite: $(head -c 300 "$T/bulk.json")"
# Every candidate starts and finishes at once: N candidate.finished deliveries come due together.
for tok in $(jq -r '.rows[].token' "$T/bulk.json"); do
  api POST /api/v1/candidate/start "$tok" >/dev/null
  api POST /api/v1/candidate/finish "$tok" >/dev/null
done

psql_n() { psql -Atq "$URL" -c "$1"; }
all_delivered() {
  [ "$(psql_n "SELECT count(*) FROM webhook_deliveries WHERE delivered_at IS NOT NULL")" = "$N" ] &&
    [ "$(psql_n "SELECT count(*) FROM webhook_deliveries WHERE delivered_at IS NULL")" = 0 ]
}
until_ok 600 all_delivered || die "not every delivery went: $(psql_n "SELECT count(*) FILTER (WHERE delivered_at IS NOT NULL), count(*) FROM webhook_deliveries")"
# The receiver logs a POST before it answers: every delivered POST is in the log by now.
read -r posts ids twice <<<"$(jq -rs '[.[] | .headers["webhook-id"]] |
  "\(length) \(unique | length) \(group_by(.) | map(select(length > 1)) | length)"' "$T/hooks.log")"
attempts=$(psql_n "SELECT coalesce(max(attempts), 0) FROM webhook_deliveries")
if [ "$posts" = "$N" ] && [ "$ids" = "$N" ] && [ "$twice" = 0 ] && [ "$attempts" = 1 ]; then
  echo "ok   pg webhooks: two nodes, $N events: each delivered once ($posts POSTs, one attempt each)"
else
  echo "FAIL pg webhooks: $posts POSTs for $N deliveries ($ids distinct webhook-ids, $twice sent more than once, at most $attempts attempts)"
  exit 1
fi
