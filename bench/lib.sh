# shellcheck shell=bash
# Helpers for the HTTP benches (sourced): start judged on an ephemeral loopback port with its
# access log (stderr) in a file, import a package, and stop it. Every judged started here is
# stopped when the sourcing script exits, by its own pid.
#
#   bench_start NAME [judged options...]   sets B_PID, B_PORT, B_BASE, B_LOG, B_DATA; the array
#                                          B_ENV (VAR=value...) is judged's extra environment
#   bench_import SLUG PACKAGE_DIR          PUT the folder as a zip; fails unless 200/201
#   bench_stop                             SIGTERM, then waits (SIGKILL after 15 s)
#   bench_median N...                      the median of numbers
#   bench_machine                          one line: nproc, CPU model, kernel, load average

: "${JUDGED:=build/cli/judged}"
: "${BENCH_TOKEN:=bench-admin-token}"
BENCH_WORK=${BENCH_WORK:-$(mktemp -d /tmp/judged-bench.XXXXXX)}
B_PIDS=()

bench_cleanup() {
  local p
  for p in "${B_PIDS[@]}"; do
    if kill -0 "$p" 2>/dev/null; then
      kill -TERM "$p" 2>/dev/null
      for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$p" 2>/dev/null && kill -KILL "$p" 2>/dev/null
      wait "$p" 2>/dev/null
    fi
    [ -d "/tmp/judged-$p" ] && rm -rf "/tmp/judged-$p"
  done
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$BENCH_WORK"
  return 0
}
trap bench_cleanup EXIT

bench_start() {
  local name=$1
  shift
  B_DATA="$BENCH_WORK/$name.data"
  B_LOG="$BENCH_WORK/$name.log"
  local pf="$BENCH_WORK/$name.port"
  rm -rf "$B_DATA" "$pf"
  env ${B_ENV[@]+"${B_ENV[@]}"} JUDGE_ADMIN_TOKEN="$BENCH_TOKEN" "$JUDGED" --listen 127.0.0.1:0 --data "$B_DATA" \
    --port-file "$pf" "$@" 2>>"$B_LOG" &
  B_PID=$!
  B_PIDS+=("$B_PID")
  for _ in $(seq 1 200); do
    [ -s "$pf" ] && break
    kill -0 "$B_PID" 2>/dev/null || break
    sleep 0.05
  done
  if [ ! -s "$pf" ]; then
    echo "judged ($name) did not start; its log:" >&2
    tail -n 20 "$B_LOG" >&2
    return 1
  fi
  B_PORT=$(tr -d '\n' <"$pf")
  B_BASE="http://127.0.0.1:$B_PORT"
  for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$B_BASE/healthz")" = 200 ] && return 0
    sleep 0.1
  done
  echo "judged ($name) never became healthy" >&2
  return 1
}

bench_import() {
  local slug=$1 dir=$2 zip="$BENCH_WORK/$1.zip" st
  rm -f "$zip"
  (cd "$dir" && zip -qr "$zip" .) || return 1
  st=$(curl -s -o "$BENCH_WORK/$slug.put.json" -w '%{http_code}' -X PUT \
    -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/zip' \
    --data-binary "@$zip" "$B_BASE/api/v1/problems/$slug")
  if [ "$st" != 200 ] && [ "$st" != 201 ]; then
    echo "import of $slug answered $st:" >&2
    head -c 2000 "$BENCH_WORK/$slug.put.json" >&2
    return 1
  fi
}

bench_stop() {
  local p=$B_PID
  kill -0 "$p" 2>/dev/null || return 0
  kill -TERM "$p"
  for _ in $(seq 1 150); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$p" 2>/dev/null && kill -KILL "$p"
  wait "$p" 2>/dev/null
  [ -d "/tmp/judged-$p" ] && rm -rf "/tmp/judged-$p"
  return 0
}

bench_median() {
  printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {
    if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

bench_machine() {
  local cpu
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
  echo "$(nproc) CPUs ($cpu), kernel $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
