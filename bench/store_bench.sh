#!/usr/bin/env bash
# The store under load: submissions/s at saturation (POST /api/v1/submissions, the intake: each
# is one durable write transaction) and GET requests/s (GET /api/v1/submissions/{id}, one read
# of the store each), with one API node and with two, on SQLite and on PostgreSQL 15 (a
# throwaway server from tests/lib/pg.sh with fsync on, so that a commit is as durable as SQLite's
# synchronous=FULL). The nodes judge nothing (--workers 0): what is measured is the API and the
# store, not the sandbox. Two nodes on SQLite do not exist (one file, one writer, a locked data
# folder): that row says n/a. With two nodes, wrk runs against each at once, half the
# connections each, and the figures are the sums.
#
#   sudo bench/store_bench.sh [JUDGED]
#   env: DURATION=10 THREADS=2 CONNECTIONS=32 STORES="sqlite postgresql" NODES="1 2"
# Prints one line per measurement, and last a Markdown table; RESULT lines are machine-readable.
set -euo pipefail
cd "$(dirname "$0")/.."
JUDGED=$(realpath "${1:-${JUDGED:-build/cli/judged}}")
DURATION=${DURATION:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
STORES=${STORES:-sqlite postgresql}
NODES=${NODES:-1 2}
. bench/lib.sh
. tests/lib/pg.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
SLUG=sum-ten
PKG=bench/packages/sum-ten

# A node on a store: bench_start with --store/--packages for PostgreSQL; B_BASES collects them.
start_node() { # NAME STORE_URL
  local name=$1 url=$2 opts=(--workers 0 --queue-max 1000000 --queue-per-token 0
    --token-rate 1000000 --max-connections 4096 --per-ip-connections 4096)
  [ -n "$url" ] && opts+=(--store "$url" --packages "$BENCH_WORK/shared-packages")
  bench_start "$name" "${opts[@]}"
  B_BASES+=("$B_BASE")
}

# wrk against every node at once, CONNECTIONS split between them; prints the summed requests/s.
wrk_all() { # LUA_SCRIPT PATH
  local script=$1 path=$2 n=${#B_BASES[@]} i outs=()
  for ((i = 0; i < n; i++)); do
    outs+=("$BENCH_WORK/wrk.$i")
    wrk -t"$THREADS" -c$((CONNECTIONS / n)) -d"${DURATION}s" -s "$script" \
      -H "Authorization: Bearer $BENCH_TOKEN" "${B_BASES[$i]}$path" >"${outs[$i]}" &
  done
  wait
  for f in "${outs[@]}"; do
    if grep -q 'Non-2xx' "$f"; then echo "bench: non-2xx answers: $(grep Non-2xx "$f")" >&2; fi
    awk '/^Requests\/sec:/ {print $2}' "$f"
  done | awk '{s += $1} END {printf "%.0f\n", s}'
}

cat >"$BENCH_WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"problem": "$SLUG", "language": "c", "source": "int main(void) { return 0; }"}'
LUA
echo 'wrk.method = "GET"' >"$BENCH_WORK/get.lua"

echo "machine: $(bench_machine)"
echo "wrk: -t$THREADS, $CONNECTIONS connections over the nodes, ${DURATION}s, after a 2 s warm-up"
rows=()
for store in $STORES; do
  url=
  if [ "$store" = postgresql ]; then
    PG_FSYNC=on pg_start >/dev/null
  fi
  for nodes in $NODES; do
    if [ "$store" = sqlite ] && [ "$nodes" -gt 1 ]; then
      rows+=("| $store | $nodes | n/a (one file, one node) | n/a |")
      continue
    fi
    if [ "$store" = postgresql ]; then
      url=$(pg_new_db "bench_${nodes}")
    fi
    B_BASES=()
    for ((k = 1; k <= nodes; k++)); do start_node "$store-$nodes-$k" "$url"; done
    B_BASE=${B_BASES[0]}
    bench_import "$SLUG" "$PKG"
    id=$(curl -s -X POST -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
      -d "{\"problem\": \"$SLUG\", \"language\": \"c\", \"source\": \"int main(void) { return 0; }\"}" \
      "$B_BASE/api/v1/submissions" | jq -r .id)
    wrk -t1 -c4 -d2s -s "$BENCH_WORK/get.lua" -H "Authorization: Bearer $BENCH_TOKEN" \
      "$B_BASE/api/v1/submissions/$id" >/dev/null
    subs=$(wrk_all "$BENCH_WORK/post.lua" /api/v1/submissions)
    gets=$(wrk_all "$BENCH_WORK/get.lua" "/api/v1/submissions/$id")
    echo "$store, $nodes node(s): $subs submissions/s, $gets GET requests/s"
    echo "RESULT store store=$store nodes=$nodes submissions_per_s=$subs gets_per_s=$gets"
    rows+=("| $store | $nodes | $subs | $gets |")
    for p in "${B_PIDS[@]}"; do B_PID=$p bench_stop; done
  done
  [ "$store" = postgresql ] && pg_stop
done
echo
echo "| store | API nodes | submissions/s (POST, saturated) | GET /submissions/{id} per s |"
echo "| --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
