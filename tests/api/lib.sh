# shellcheck shell=bash disable=SC2034 # (J_RC, ST and the like are read by run.sh)
# Helpers for the HTTP API suite (sourced by run.sh): start and stop judged on an ephemeral
# loopback port, make requests, and assert on their answers. Every judged started here is killed
# when the suite exits, whatever happens.
#
# A server:   judged_start NAME DATA [judged options...]   (JUDGE_ADMIN_TOKEN taken from the env)
#             sets J_PID, J_PORT, J_BASE, J_LOG; judged_stop [SIGNAL]; wait_healthy [SECONDS]
# A request:  req METHOD PATH [curl options...]  sets ST (status), RB (body file), RH (headers)
# A case:     tcase "name"; then want_* checks (or fail "why"); tend prints one line

: "${JUDGED:?JUDGED must name the judged binary}"
: "${WORK:?WORK must name a scratch folder}"

ALL_PIDS=()
PASSED=0
FAILED=0
FAILED_NAMES=()

# The store (JUDGED_STORE: SQLite by default, or PostgreSQL): tests/lib/store.sh.
source "$(dirname "${BASH_SOURCE[0]}")/../lib/store.sh"

lib_cleanup() {
  local p
  for p in "${ALL_PIDS[@]}"; do
    if kill -0 "$p" 2>/dev/null; then
      { kill -9 "$p"; wait "$p"; } 2>/dev/null
    fi
    # Its scratch folder in /tmp, left behind when it was killed.
    [ -d "/tmp/judged-$p" ] && rm -rf "/tmp/judged-$p"
  done
  return 0
}

# Starts judged in the background; waits for the port file. Returns non-zero if it did not start.
judged_start() {
  local name=$1 data=$2
  shift 2
  J_LOG="$WORK/$name.log"
  local pf="$WORK/$name.port"
  rm -f "$pf"
  local store=()
  mapfile -t store < <(store_args "$data")
  "$JUDGED" --listen 127.0.0.1:0 --data "$data" --port-file "$pf" ${store[@]+"${store[@]}"} "$@" 2>>"$J_LOG" &
  J_PID=$!
  ALL_PIDS+=("$J_PID")
  local i
  for ((i = 0; i < 200; i++)); do
    [ -s "$pf" ] && break
    kill -0 "$J_PID" 2>/dev/null || break
    sleep 0.05
  done
  if [ ! -s "$pf" ]; then
    echo "    judged ($name) did not start; its log:" >&2
    tail -n 20 "$J_LOG" | sed 's/^/      /' >&2
    return 1
  fi
  J_PORT=$(tr -d '\n' <"$pf")
  J_BASE="http://127.0.0.1:$J_PORT"
  return 0
}

# Sends SIGNAL (TERM by default) and waits at most 15 s; J_RC is the exit status.
judged_stop() {
  local sig=${1:-TERM} i
  J_RC=
  if ! kill -0 "$J_PID" 2>/dev/null; then
    wait "$J_PID" 2>/dev/null
    J_RC=$?
    return 0
  fi
  kill -"$sig" "$J_PID"
  for ((i = 0; i < 150; i++)); do
    kill -0 "$J_PID" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$J_PID" 2>/dev/null; then
    { kill -9 "$J_PID"; wait "$J_PID"; } 2>/dev/null
    J_RC=timeout
  else
    { wait "$J_PID"; } 2>/dev/null
    J_RC=$?
  fi
  [ -d "/tmp/judged-$J_PID" ] && rm -rf "/tmp/judged-$J_PID"
  return 0
} 2>/dev/null # (and bash's "Killed" notice)

# Waits until /healthz answers 200.
wait_healthy() {
  local limit=${1:-60} i code
  for ((i = 0; i < limit * 10; i++)); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$J_BASE/healthz")
    [ "$code" = 200 ] && return 0
    kill -0 "$J_PID" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# req METHOD PATH [curl options...]
RB="$WORK/body" RH="$WORK/headers"
req() {
  local method=$1 path=$2
  shift 2
  ST=$(curl -sS --max-time 120 -o "$RB" -D "$RH" -w '%{http_code}' -X "$method" "$@" \
    "$J_BASE$path" 2>"$WORK/curl.err")
  [ -n "$ST" ] || ST=000
  if [ "$ST" = 000 ] && ! kill -0 "$J_PID" 2>/dev/null; then
    fail "judged (pid $J_PID) is not running; the end of its log: $(tail -n 3 "$J_LOG" | tr '\n' ' ')"
  elif [ "$ST" = 000 ]; then
    fail "curl: $(head -c 300 "$WORK/curl.err")"
  fi
  return 0
}

# Shorthands for the body and a header of the last answer.
body() { cat "$RB"; }
header() { grep -i "^$1:" "$RH" | head -n1 | sed 's/^[^:]*:[[:space:]]*//' | tr -d '\r'; }
jqb() { jq -r "$@" <"$RB" 2>/dev/null; }

# JSON for a submission: sub_json PROBLEM SOURCE_FILE [LANGUAGE]
sub_json() {
  jq -n --arg p "$1" --rawfile s "$2" --arg l "${3:-c}" '{problem: $p, language: $l, source: $s}'
}

# Waits until submission ID is done (at most SECONDS); leaves its JSON in RB.
wait_done() {
  local id=$1 limit=${2:-60} i
  shift 2 || shift $#
  for ((i = 0; i < limit * 10; i++)); do
    req GET "/api/v1/submissions/$id" "$@"
    [ "$ST" = 200 ] && [ "$(jqb .status)" = "done" ] && return 0
    sleep 0.1
  done
  return 1
}

### Cases ###

tcase() {
  CASE=$1
  CASE_WHY=()
}

fail() { CASE_WHY+=("$*"); }

tend() {
  if [ ${#CASE_WHY[@]} -eq 0 ]; then
    PASSED=$((PASSED + 1))
    echo "ok   $CASE"
  else
    FAILED=$((FAILED + 1))
    FAILED_NAMES+=("$CASE")
    echo "FAIL $CASE"
    local w
    for w in "${CASE_WHY[@]}"; do echo "       - $w"; done
  fi
}

short_body() { head -c 400 "$RB" | tr '\n' ' '; }

want_status() {
  local want
  for want in "$@"; do [ "$ST" = "$want" ] && return 0; done
  fail "status $ST, want $*: $(short_body)"
  return 1
}

# want_jq FILTER [what]: the filter on the last body must be true.
# (jq -e succeeds on empty input: an empty body must fail, not pass.)
want_jq() {
  if [ ! -s "$RB" ] || ! jq -e "$1" <"$RB" >/dev/null 2>&1; then
    fail "${2:-$1} is not true of $(short_body)"
    return 1
  fi
}

# json_true JSON FILTER: the filter is true of a non-empty JSON text.
json_true() {
  [ -n "$1" ] && jq -e "$2" <<<"$1" >/dev/null 2>&1
}

# want_header NAME ERE
want_header() {
  local v
  v=$(header "$1")
  if ! grep -Eq -- "$2" <<<"$v"; then
    fail "header $1 is '$v', want /$2/"
    return 1
  fi
}

# An RFC 9457 error: the status, application/problem+json, type/title/status/detail.
want_problem() {
  want_status "$@" || return 1
  want_header Content-Type '^application/problem\+json' || return 1
  want_jq "(.type | type) == \"string\" and (.title | type) == \"string\" and (.detail | type) == \"string\" and .status == $ST" \
    "problem+json fields type/title/status($ST)/detail"
}
