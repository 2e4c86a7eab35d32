#!/usr/bin/env bash
# Webhooks from two nodes of one PostgreSQL store: both run the delivery threads against one slow
# receiver (tests/hiring/webhook_receiver.py, 0.3 s an answer); each of 20 candidate.finished
# events is delivered exactly once (its webhook-id seen once), never by both nodes (each delivery
# is claimed in the store before it is sent).
# usage: tests/pg/webhooks.sh build/cli/judged     (root; starts its own PostgreSQL unless
#        JUDGED_STORE names one)
set -uo pipefail
NAME=pghooks
source "$(dirname "$0")/nodes.sh"
N=20
/usr/bin/python3 tests/hiring/webhook_receiver.py "$T/hook.port" "$T/hooks.log" 0 &
PIDS+=("$!")
until_ok 20 test -s "$T/hook.port" || die "the webhook receiver did not start"
HOOK=http://127.0.0.1:$(cat "$T/hook.port")/slow

node a --workers 0 --cgroup none --webhook-private
node b --workers 0 --cgroup none --webhook-private
nodes_healthy a b

api() { # api METHOD PATH TOKEN [BODY]: the answer's body on stdout
  curl -s -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
    ${4:+-d "$4"} "$BASE_a$2"
}
import_sum_groups a
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
