#!/usr/bin/env bash
# Every benchmark, in one command: builds, runs each bench, prints every figure, and rewrites the
# generated sections of docs/BENCHMARKS.md (between <!-- bench:NAME:begin --> and
# <!-- bench:NAME:end -->; missing sections are appended at the end). Nothing else in that file
# is touched. Needs root (the sandbox), gcc, wrk, curl, jq, zip.
#
#   sudo bench/run-all.sh [--no-docs]
#   env: SANDBOX_RUNS=3000, and each bench's own (RUNS, DURATION, THREADS, CONNECTIONS, ROUNDS,
#        REQUESTS, INTERVAL, ...; see the scripts)
#        QUIET=PERCENT: before each bench, wait (at most QUIET_WAIT=900 s) until the CPUs were
#        less than PERCENT % busy over 5 s, for a machine shared with other work. Either way the
#        CPU use of the 5 s before each bench is printed with it.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
DOCS=${DOCS:-docs/BENCHMARKS.md}
write_docs=1
[ "${1:-}" = --no-docs ] && write_docs=0
SANDBOX_RUNS=${SANDBOX_RUNS:-3000}
OUT=$(mktemp -d /tmp/judged-run-all.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

meson compile -C build >"$OUT/build.log" 2>&1 || { tail -n 30 "$OUT/build.log"; exit 1; }
# The benches run copies, so that a rebuild of build/ meanwhile (another checkout's work) cannot
# swap or half-write a binary under them.
mkdir -p "$OUT/build/server" "$OUT/build/bench"
cp build/cli/judged "$OUT/build/server/" &&
  cp build/bench/sandbox_overhead build/bench/verdict_latency build/bench/healthz_latency \
    "$OUT/build/bench/" || exit 1
export JUDGED="$OUT/build/cli/judged"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null 2>&1 ||
  { echo "wrk is missing and could not be installed" >&2; exit 1; }

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
mem=$(awk '/^MemTotal:/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
machine="${os:-Linux}, $(nproc) CPUs ($cpu), $mem, kernel $(uname -r)"
date=$(date -u '+%Y-%m-%d %H:%M UTC')
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain -- judge server 2>/dev/null | grep -q . && echo " + uncommitted changes in judge/ or server/")

# busy: percent of CPU time spent busy (not idle or iowait) over the next 5 s.
busy() {
  local a b
  a=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat)
  sleep 5
  b=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ");
    u = y[1] - x[1]; i = y[2] - x[2]; printf "%.0f", (u + i) ? 100 * u / (u + i) : 0 }'
}
quiet() {
  local pct waited=0
  pct=$(busy)
  while [ -n "${QUIET:-}" ] && [ "$pct" -ge "$QUIET" ] && [ "$waited" -lt "${QUIET_WAIT:-900}" ]; do
    sleep 10
    waited=$((waited + 15))
    pct=$(busy)
  done
  echo "CPUs ${pct}% busy over the 5 s before, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

failed=0
# run NAME COMMAND...: runs a bench, shows its output, keeps it in $OUT/NAME.txt.
run() {
  local name=$1 q rc
  shift
  q=$(quiet)
  echo "== $name: $*"
  { echo "$q"; "$@" 2>&1; } | tee "$OUT/$name.txt"
  rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || { echo "== $name FAILED (exit $rc)"; failed=$((failed + 1)); }
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/$name.txt"
}
# field NAME KEY: KEY=value from the bench's RESULT line.
field() {
  grep '^RESULT ' "$OUT/$1.txt" | tail -n 1 | tr ' ' '\n' | sed -n "s/^$2=//p"
}
# before NAME: how busy the CPUs were before the bench ("37%").
before() { sed -n '1s/^CPUs \([0-9]*%\) busy.*/\1/p' "$OUT/$1.txt"; }
meets() { awk -v a="$1" -v b="$2" -v op="$3" 'BEGIN {
  ok = op == ">=" ? a >= b : op == "<=" ? a <= b : a < b; print ok ? "**met**" : "**not met**" }'; }

load0=$(cut -d' ' -f1-3 /proc/loadavg)
echo "machine: $machine; $date; commit $commit$dirty; load average $load0"
run sandbox "$OUT/build/bench/sandbox_overhead" "$SANDBOX_RUNS"
run http bench/http_bench.sh
run verdict bench/verdict_latency.sh
run healthz bench/healthz_bench.sh
run capacity bench/capacity.py "$OUT/build/cli/judged"

sb_ratio=$(sed -n 's/^ratio (median): \([0-9.]*\)x/\1/p' "$OUT/sandbox.txt")
rps=$(field http rps_median)
ratio=$(field verdict ratio)
p99=$(field healthz busy_p99_ms)
sat=$(field capacity ratio)
mem=$(field capacity mem_ratio)
echo
echo "== figures"
printf '%-48s %-14s %s\n' "sandboxed run / bare run (median)" "${sb_ratio:-?}x" "target <= 1.5x"
printf '%-48s %-14s %s\n' "GET /api/v1/problems/{slug}, requests/s" "${rps:-?}" "target >= 20000"
printf '%-48s %-14s %s\n' "POST-to-verdict / (compile + bare runs)" "${ratio:-?}x" "target <= 1.25x"
printf '%-48s %-14s %s\n' "/healthz p99, every worker busy" "${p99:-?} ms" "target < 50 ms"
printf '%-48s %-14s %s\n' "submissions/s at saturation / ceiling" "${sat:-?}" "(cores / CPU per submission)"
printf '%-48s %-14s %s\n' "memory with 10,000 queued / idle" "${mem:-?}x" "$(field capacity idle_kb) KiB idle"

[ "$write_docs" = 1 ] || exit $((failed > 0))

# section NAME HEADING: writes $OUT/NAME.md between the markers of NAME in $DOCS; when they are
# missing, appends them at the end under "### HEADING".
section() {
  python3 - "$DOCS" "$1" "$OUT/$1.md" "$2" <<'PY'
import sys
path, name, body_file, heading = sys.argv[1:]
begin, end = f"<!-- bench:{name}:begin -->", f"<!-- bench:{name}:end -->"
text = open(path).read()
body = open(body_file).read().rstrip("\n") + "\n"
block = f"{begin}\n{body}{end}"
if begin in text and end in text:
    a = text.index(begin)
    b = text.index(end, a) + len(end)
    text = text[:a] + block + text[b:]
else:
    text = text.rstrip("\n") + f"\n\n### {heading}\n\n" + block + "\n"
with open(path, "r+") as f:
    f.write(text)
    f.truncate()
PY
}
# raw NAME: the bench's output as a code block.
raw() { echo '```'; grep -v '^RESULT ' "$OUT/$1.txt"; echo '```'; }

{
  echo "Generated by \`sudo bench/run-all.sh\` on $date, commit $commit$dirty."
  echo "Machine: $machine. Load average at the start: $load0. The machine may be shared: each bench's output starts with how busy the CPUs were just before it${QUIET:+ (run-all waited for them to be under $QUIET % busy)} and ends with the load average after it."
  echo
  echo "| figure | measured | target | | CPUs busy just before |"
  echo "| --- | --- | --- | --- | --- |"
  echo "| sandboxed run / bare run, median | ${sb_ratio:-?}x | <= 1.5x | $(meets "${sb_ratio:-99}" 1.5 '<=') | $(before sandbox) |"
  echo "| \`GET /api/v1/problems/{slug}\`, requests/s, median of 3 | ${rps:-?} | >= 20,000 | $(meets "${rps:-0}" 20000 '>=') | $(before http) |"
  echo "| POST to verdict / (compile + bare runs), medians | ${ratio:-?}x | <= 1.25x | $(meets "${ratio:-99}" 1.25 '<=') | $(before verdict) |"
  echo "| \`/healthz\` p99, every worker busy | ${p99:-?} ms | < 50 ms | $(meets "${p99:-999}" 50 '<') | $(before healthz) |"
  echo "| submissions/s at saturation / the ceiling (CPUs / CPU per submission) | ${sat:-?} | (no target) | | $(before capacity) |"
  echo "| judged's memory with 10,000 queued / idle | ${mem:-?}x ($(field capacity queued_kb) / $(field capacity idle_kb) KiB) | (no target) | | $(before capacity) |"
} >"$OUT/summary.md"
{
  echo "Command: \`sudo build/bench/sandbox_overhead $SANDBOX_RUNS\` (memory mode: auto)."
  echo
  raw sandbox
} >"$OUT/sandbox-gen.md"
{
  echo "Command: \`sudo bench/http_bench.sh\`: wrk -t$(field http threads) -c$(field http connections) -d$(field http duration)s --latency on loopback, $(field http runs | tr ',' ' ' | wc -w) runs after a 2 s warm-up; median $(field http rps_median) requests/s (runs: $(field http runs | sed 's/,/, /g')). judged with its default options (workers one per CPU, per-address limit 128 connections), stderr (the access log, one line per request) redirected to a file; requests carry the admin token (exempt from the anonymous read rate). Answer: $(field http bytes) bytes of JSON."
  echo
  raw http
} >"$OUT/http.md"
{
  echo "Command: \`sudo bench/verdict_latency.sh\` (build/bench/verdict_latency against a judged it starts): bench/packages/sum-ten, 2 samples + 10 secret tests, its accepted C program; $(field verdict rounds) rounds, medians. Ratio $(field verdict ratio)x against compile + $(field verdict tests) bare runs (every test the judge runs); $(field verdict ratio_secret)x against compile + the 10 secret runs alone."
  echo
  raw verdict
} >"$OUT/verdict.md"
{
  echo "Command: \`sudo bench/healthz_bench.sh\`: $(field healthz requests) requests to /healthz, a new connection each, one every 10 ms, while every worker ($(field healthz workers)) judges bench/programs/spin.c (0.6 s of CPU per test, 12 tests); $(field healthz busy_requests) of the requests were answered while every worker was busy. p50 $(field healthz busy_p50_ms) ms, p99 $(field healthz busy_p99_ms) ms."
  echo
  raw healthz
} >"$OUT/healthz.md"
{
  echo "Command: \`sudo bench/capacity.py\`: the CPU one submission of bench/packages/sum-ten needs (judged's and its children's from /proc, the median of 30 judged one at a time; /proc counts in 10 ms ticks, so the ratio is good to about ±5%: a ratio of 1 means judging keeps every CPU busy), the ceiling (CPUs divided by it), then 200 submissions at once with one worker per CPU; and judged's VmRSS idle and with 10,000 submissions queued (--workers 0)."
  echo
  raw capacity
} >"$OUT/capacity.md"
section summary "Figures against their targets"
section capacity "Capacity: saturation against the ceiling, memory with 10,000 queued"
section sandbox-gen "Sandbox overhead per run (generated)"
section http "HTTP reads: GET /api/v1/problems/{slug}"
section verdict "Verdict latency: POST to verdict against compile + bare runs"
section healthz "/healthz while every worker is busy"
echo "updated $DOCS"
exit $((failed > 0))
