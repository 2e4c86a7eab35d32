#!/usr/bin/env bash
# Failover on one PostgreSQL: two API nodes (--workers 0) and two remote workers, 1,000
# submissions from 20 clients spread over both nodes; midway, kill -9 of one API node and of one
# worker. Then: every accepted submission is judged exactly once (one row, done, the expected
# verdict, its tests once each), none is lost, and every client's event streams either went on
# on the other node or ended with a clear error event.
# usage: tests/pg/failover.sh build/cli/judged     (root; starts its own PostgreSQL unless
#        JUDGED_STORE names one). FAILOVER_CLIENTS and FAILOVER_PER_CLIENT scale it (20 x 50).
set -uo pipefail
NAME=failover
source "$(dirname "$0")/nodes.sh"
CLIENTS=${FAILOVER_CLIENTS:-20}
PER=${FAILOVER_PER_CLIENT:-50}
TOTAL=$((CLIENTS * PER))
fail() { echo "FAIL failover: $*"; exit 1; }
psql_n() { psql -Atq "$URL" -c "$1"; }

# The API nodes judge nothing themselves: the remote workers below do.
for n in a b; do
  node "$n" --workers 0 --lease 5 --queue-max 100000 --queue-per-token 0 --token-rate 1000000 \
    --cgroup none
done
nodes_healthy a b
curl -sf "$BASE_b/healthz" | grep -q '"store": *"postgresql"' || fail "node b: /healthz does not say postgresql"

# The problem, imported on node a, judged through node b too (one store, one packages folder).
import_sum_groups a
curl -sf "$BASE_b/api/v1/problems/sum-groups" >/dev/null || fail "node b does not see the problem"

# Two workers, one per node.
worker() {
  local name=$1 base=$2 tok
  tok=$(curl -s -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\": \"$name\"}" "$base/api/v1/workers/tokens" | jq -r .token)
  [[ $tok == jw_* ]] || fail "no worker token for $name"
  "$JUDGED" worker --server "$base" --token "$tok" --slots 2 --cache "$T/cache-$name" \
    --cgroup none 2>>"$T/$name.log" &
  eval "PID_$name=$!"
  PIDS+=("$!")
}
worker w1 "$BASE_a"
worker w2 "$BASE_b"

# The clients, each starting on its own node.
CPIDS=()
SRC=tests/packages/sum-groups/submissions/accepted/long_long.c
for ((c = 0; c < CLIENTS; c++)); do
  if ((c % 2)); then order=("$BASE_b" "$BASE_a"); else order=("$BASE_a" "$BASE_b"); fi
  python3 tests/pg/failover_client.py "c$c" "$PER" "$TOKEN" "$SRC" sum-groups "${order[@]}" \
    >"$T/client$c.json" 2>"$T/client$c.err" &
  CPIDS+=("$!")
done

# Midway (half the submissions judged): node a and worker w1 die.
for ((i = 0; i < 6000; i++)); do
  n=$(psql_n "SELECT count(*) FROM submissions WHERE status = 'done'")
  [ "${n:-0}" -ge $((TOTAL / 2)) ] && break
  sleep 0.1
done
echo "failover: $n of $TOTAL judged: kill -9 node a and worker w1"
kill -9 "$PID_a" "$PID_w1"

for p in "${CPIDS[@]}"; do wait "$p"; done

# Every accepted submission: exactly one row, done, AC, its tests once each.
accepted=$(cat "$T"/client*.json | jq -s '[.[].accepted[]] | length')
unique=$(cat "$T"/client*.json | jq -s '[.[].accepted[]] | unique | length')
ended=$(cat "$T"/client*.json | jq -s '[.[].done | to_entries[]] | length')
moves=$(cat "$T"/client*.json | jq -s '[.[].stream_moves] | add')
errors=$(cat "$T"/client*.json | jq -s '[.[].errors[]] | length')
echo "failover: $accepted accepted ($unique distinct), $ended streams ended with done, $moves streams moved node, $errors client errors"
[ "$accepted" = "$TOTAL" ] || fail "$accepted of $TOTAL submissions accepted"
[ "$unique" = "$TOTAL" ] || fail "ids repeated"
cat "$T"/client*.json | jq -r '.accepted[]' | sort >"$T/ids"
rows=$(psql_n "SELECT count(*) FROM submissions")
[ "$rows" = "$TOTAL" ] || fail "$rows rows for $TOTAL accepted submissions"
psql_n "SELECT id FROM submissions WHERE status = 'done' AND verdict = 'AC'" | sort >"$T/done"
lost=$(comm -23 "$T/ids" "$T/done" | wc -l)
[ "$lost" = 0 ] || fail "$lost accepted submissions not done with AC (lost)"
# Each result recorded once, whole: every submission has its tests, as many as every other
# (a second recording would double them, a partial one cut them), each index once.
shapes=$(psql_n "SELECT count(DISTINCT n) || ' ' || count(*) || ' ' || coalesce(sum(dup), 0) FROM
  (SELECT count(*) AS n, count(*) - count(DISTINCT idx) AS dup FROM submission_tests
   GROUP BY submission_seq) x")
read -r nshapes withtests dups <<<"$shapes"
[ "$withtests" = "$TOTAL" ] || fail "$withtests of $TOTAL submissions have their tests recorded"
[ "$nshapes" = 1 ] && [ "$dups" = 0 ] || fail "tests recorded unevenly ($nshapes different counts, $dups repeated indexes): judged twice or in part"
# Streams: every one ended with done, or with an error event the client reported.
[ $((ended + errors)) -ge "$TOTAL" ] || fail "$((TOTAL - ended - errors)) event streams ended silently"
[ "$ended" = "$TOTAL" ] || echo "failover: $errors streams ended with a clear error: $(cat "$T"/client*.json | jq -s -r '[.[].errors[]][:3] | join("; ")')"
echo "ok   failover: $TOTAL submissions from $CLIENTS clients over 2 nodes and 2 workers, node a and worker w1 killed midway: 0 lost, 0 judged twice"
