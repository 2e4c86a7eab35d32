#!/usr/bin/env bash
# POST-to-verdict latency of a 10-test problem against compile + bare runs of the same program
# (build/bench/verdict_latency does the measuring; this starts judged and imports the package).
# judged's access log (stderr) goes to a file, as in production.
#
#   sudo bench/verdict_latency.sh [JUDGED]
#   env: ROUNDS=30 PKG=bench/packages/sum-ten WORKERS (judged --workers; default one per CPU)
# The last line is machine-readable: RESULT verdict ratio=... (run-all.sh reads it).
set -euo pipefail
cd "$(dirname "$0")/.."
JUDGED=${1:-${JUDGED:-build/cli/judged}}
ROUNDS=${ROUNDS:-30}
PKG=${PKG:-bench/packages/sum-ten}
. bench/lib.sh

opts=()
[ -n "${WORKERS:-}" ] && opts+=(--workers "$WORKERS")
bench_start verdict "${opts[@]}"
bench_import "$(basename "$PKG")" "$PKG"
echo "machine: $(bench_machine)"
echo "judged: pid $B_PID, $(sed -n 's/^judged: listening on .* with //p' "$B_LOG"), $(sed -n 's/^judged: sandbox ready, \(memory limits by [a-z0-9]*\).*/\1/p' "$B_LOG"), stderr (access log) -> $B_LOG"
rc=0
"$(dirname "$JUDGED")/../bench/verdict_latency" "$B_BASE" "$BENCH_TOKEN" "$PKG" "$ROUNDS" || rc=$?
bench_stop
exit "$rc"
