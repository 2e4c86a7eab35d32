#!/usr/bin/env bash
# Live progress across nodes: two API nodes on one PostgreSQL, node a judges (--workers 1), node b
# judges nothing (--workers 0). A submission sent to node b is judged on node a; a client of node b
# sees its tests as they are run (GET and the event stream), not only its status and final result.
# The judgement is held between tests by state: the input of the last hidden test, in the shared
# packages folder, becomes a FIFO this script writes only after node b showed the earlier tests.
# usage: tests/pg/live.sh build/cli/judged     (root; starts its own PostgreSQL unless
#        JUDGED_STORE names one)
set -uo pipefail
NAME=live
source "$(dirname "$0")/nodes.sh"
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   live: $1"; }
bad() { failed=$((failed + 1)); echo "FAIL live: $1"; }

node a --workers 1 --cgroup none
node b --workers 0 --cgroup none
nodes_healthy a b
AUTH=(-H "Authorization: Bearer $TOKEN")

import_sum_groups a

# The last hidden test's input becomes a FIFO: node a's judgement blocks opening it.
in=$(find "$T/packages" -path '*/data/secret/group2/2.in' | head -n 1)
[ -n "$in" ] || die "no data/secret/group2/2.in in the packages folder"
content=$(cat "$in")
rm -f "$in" && mkfifo -m 0644 "$in" || die "cannot make the FIFO"
release() { [ -p "$in" ] && printf '%s\n' "$content" >"$in"; }

src=$(jq -Rs . tests/packages/sum-groups/submissions/accepted/long_long.c)
id=$(curl -s -X POST "${AUTH[@]}" -H 'Content-Type: application/json' \
  -d "{\"problem\": \"sum-groups\", \"language\": \"c\", \"source\": $src}" \
  "$BASE_b/api/v1/submissions" | jq -r '.id // empty')
[ -n "$id" ] || die "no submission through node b"
curl -sN "${AUTH[@]}" "$BASE_b/api/v1/submissions/$id/events" >"$T/events" 2>/dev/null &
PIDS+=("$!")

# Until node b shows the tests run so far (bounded; the judgement itself waits for the FIFO).
end=$((SECONDS + 120))
while ((SECONDS < end)); do
  curl -s "${AUTH[@]}" "$BASE_b/api/v1/submissions/$id" >"$T/get.json"
  [ "$(jq '(.tests // []) | length' "$T/get.json")" -ge 4 ] && break
  sleep 0.05
done
if jq -e '.status == "running" and (.tests | length) == 4 and all(.tests[]; .verdict == "AC")' \
  "$T/get.json" >/dev/null; then
  ok "GET on node b shows the 4 tests node a has run, while it runs the fifth"
else
  bad "GET on node b during the judgement: $(head -c 400 "$T/get.json")"
fi
end=$((SECONDS + 60))
while ((SECONDS < end)); do
  [ "$(grep -c '^event: test' "$T/events")" -ge 4 ] && break
  sleep 0.05
done
if [ "$(grep -c '^event: test' "$T/events")" -ge 4 ] && ! grep -q '^event: done' "$T/events"; then
  ok "node b's event stream sent the 4 tests before the judgement ended"
else
  bad "node b's event stream during the judgement: $(head -c 400 "$T/events")"
fi

release
end=$((SECONDS + 120))
while ((SECONDS < end)); do
  grep -q '^event: done' "$T/events" && break
  sleep 0.05
done
if grep -q '^event: done' "$T/events" && [ "$(grep -c '^event: test' "$T/events")" = 5 ]; then
  ok "then the fifth test and the result: 5 test events in all, each once"
else
  bad "the end of node b's event stream: $(tail -c 400 "$T/events")"
fi
curl -s "${AUTH[@]}" "$BASE_b/api/v1/submissions/$id" >"$T/get.json"
if jq -e '.status == "done" and .verdict == "AC" and (.tests | length) == 5' "$T/get.json" >/dev/null; then
  ok "the stored result on node b: AC with its 5 tests"
else
  bad "the result on node b: $(head -c 400 "$T/get.json")"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
