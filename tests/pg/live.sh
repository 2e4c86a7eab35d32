#!/usr/bin/env bash
# Live progress across nodes: two API nodes on one PostgreSQL, node a judges (--workers 1), node b
# judges nothing (--workers 0). A submission sent to node b is judged on node a; a client of node b
# sees its tests as they are run (GET and the event stream), not only its status and final result.
# The judgement is held between tests by state: the input of the last hidden test, in the shared
# packages folder, becomes a FIFO this script writes only after node b showed the earlier tests.
# usage: tests/pg/live.sh build/cli/judged     (root; starts its own PostgreSQL unless
#        JUDGED_STORE names one)
set -uo pipefail
JUDGED=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
T=$(mktemp -d /tmp/judged-live.XXXXXX)
TOKEN=live-admin
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
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   live: $1"; }
bad() { failed=$((failed + 1)); echo "FAIL live: $1"; }
die() { echo "FAIL live: $*"; tail -n 20 "$T"/*.log; exit 1; }

# node NAME WORKERS: an API node on the shared store and packages folder; BASE_<NAME> its URL.
node() {
  local name=$1 workers=$2 i
  JUDGE_ADMIN_TOKEN=$TOKEN "$JUDGED" --listen 127.0.0.1:0 --data "$T/$name" --store "$URL" \
    --packages "$T/packages" --port-file "$T/$name.port" --workers "$workers" --cgroup none \
    2>>"$T/$name.log" &
  PIDS+=("$!")
  for ((i = 0; i < 600; i++)); do [ -s "$T/$name.port" ] && break; sleep 0.1; done
  [ -s "$T/$name.port" ] || die "node $name did not start"
  eval "BASE_$name=http://127.0.0.1:$(cat "$T/$name.port")"
}
node a 1
node b 0
for ((i = 0; i < 600; i++)); do
  curl -sf "$BASE_a/healthz" >/dev/null && curl -sf "$BASE_b/healthz" >/dev/null && break
  sleep 0.1
done
AUTH=(-H "Authorization: Bearer $TOKEN")

(cd tests/packages/sum-groups && zip -qr "$T/sg.zip" .)
st=$(curl -s -o "$T/put.json" -w '%{http_code}' -X PUT "${AUTH[@]}" -H 'Content-Type: application/zip' \
  --data-binary @"$T/sg.zip" "$BASE_a/api/v1/problems/sum-groups?public=true")
[ "$st" = 201 ] || die "import on node a: $st $(head -c 300 "$T/put.json")"

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
