#!/usr/bin/env bash
# Requests per second of GET /api/v1/problems/{slug} on loopback, measured with wrk: the median
# of RUNS runs of DURATION seconds after a 2 s warm-up. judged runs as in production: its access
# log (one line per request, on stderr) goes to a file, and the requests carry the admin token
# (exempt from the per-address read rate; the token is hashed and compared on every request).
#
#   sudo bench/http_bench.sh [JUDGED]
#   env: RUNS=3 DURATION=10 THREADS=2 CONNECTIONS=64 SLUG=digit-sum PKG=problems/digit-sum
#        WORKERS (judged --workers; default: judged's own, one per CPU)
# The last line is machine-readable: RESULT http rps_median=... (run-all.sh reads it).
set -euo pipefail
cd "$(dirname "$0")/.."
JUDGED=${1:-${JUDGED:-build/cli/judged}}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
SLUG=${SLUG:-digit-sum}
PKG=${PKG:-problems/$SLUG}
. bench/lib.sh

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
opts=()
[ -n "${WORKERS:-}" ] && opts+=(--workers "$WORKERS")
bench_start http "${opts[@]}"
bench_import "$SLUG" "$PKG"
url="$B_BASE/api/v1/problems/$SLUG"
bytes=$(curl -s -H "Authorization: Bearer $BENCH_TOKEN" "$url" | wc -c)
before=$(wc -l <"$B_LOG")

echo "machine: $(bench_machine)"
echo "judged: pid $B_PID, $(sed -n 's/^judged: listening on .* with //p' "$B_LOG"), stderr (access log) -> $B_LOG"
echo "request: GET /api/v1/problems/$SLUG with the admin token, answer $bytes bytes"
echo "wrk: -t$THREADS -c$CONNECTIONS -d${DURATION}s, $RUNS runs after a 2 s warm-up"
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -H "Authorization: Bearer $BENCH_TOKEN" "$url" >/dev/null
rps=() p50=() p99=()
for i in $(seq 1 "$RUNS"); do
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    -H "Authorization: Bearer $BENCH_TOKEN" "$url")
  r=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  l50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  l99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errs=$(awk '/Non-2xx|Socket errors/' <<<"$out")
  rps+=("$r") p50+=("$l50") p99+=("$l99")
  echo "run $i: $r requests/s, latency p50 $l50, p99 $l99${errs:+ ($errs)}"
done
lines=$(($(wc -l <"$B_LOG") - before))
bench_stop
med=$(bench_median "${rps[@]}")
echo "access log: $lines lines written to the file during the runs"
echo "median: $med requests/s (runs: ${rps[*]})"
join() { local IFS=,; echo "$*"; }
echo "RESULT http rps_median=$med runs=$(join "${rps[@]}") threads=$THREADS connections=$CONNECTIONS duration=$DURATION bytes=$bytes p50=$(join "${p50[@]}") p99=$(join "${p99[@]}")"
