#!/usr/bin/env bash
# GET /healthz latency (p50/p99) while every judging worker is busy: judged gets
# PER_WORKER x workers submissions of bench/programs/spin.c (each of the 12 tests of
# bench/packages/sum-ten burns 0.6 s of CPU, time limit 1 s), and once every worker is judging,
# build/bench/healthz_latency sends REQUESTS requests, a new connection each, one every
# INTERVAL ms. The same client first measures an idle judged, for comparison.
#
#   sudo bench/healthz_bench.sh [JUDGED]
#   env: REQUESTS=1000 INTERVAL=10 PER_WORKER=4 WORKERS (judged --workers; default one per CPU)
# The last line is machine-readable: RESULT healthz ... (run-all.sh reads it).
set -euo pipefail
cd "$(dirname "$0")/.."
JUDGED=${1:-${JUDGED:-build/cli/judged}}
REQUESTS=${REQUESTS:-1000}
INTERVAL=${INTERVAL:-10}
PER_WORKER=${PER_WORKER:-4}
PKG=bench/packages/sum-ten
CLIENT="$(dirname "$JUDGED")/../bench/healthz_latency"
. bench/lib.sh

opts=()
[ -n "${WORKERS:-}" ] && opts+=(--workers "$WORKERS")
bench_start healthz "${opts[@]}"
bench_import sum-ten "$PKG"
workers=$(curl -s "$B_BASE/healthz" | jq .workers)
echo "machine: $(bench_machine)"
echo "judged: pid $B_PID, $workers workers, stderr (access log) -> $B_LOG"

echo "idle judged:"
"$CLIENT" 127.0.0.1 "$B_PORT" 300 "$INTERVAL" | sed -n 's/^  all /  idle/p'

n=$((workers * PER_WORKER))
body=$(jq -n --rawfile s bench/programs/spin.c '{problem: "sum-ten", language: "c", source: $s}')
for _ in $(seq 1 "$n"); do
  curl -s -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" \
    -H 'Content-Type: application/json' -d "$body" "$B_BASE/api/v1/submissions"
done
busy=0
for _ in $(seq 1 300); do
  busy=$(curl -s "$B_BASE/healthz" | jq .judging)
  [ "$busy" -ge "$workers" ] && break
  sleep 0.1
done
echo "busy judged: $n spin submissions queued, $busy of $workers workers judging"
rc=0
"$CLIENT" 127.0.0.1 "$B_PORT" "$REQUESTS" "$INTERVAL" || rc=$?
curl -s "$B_BASE/healthz"
echo
bench_stop
exit "$rc"
