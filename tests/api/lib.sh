# shellcheck shell=bash disable=SC2034 # (J_RC, ST and the like are read by run.sh)
# Helpers for the HTTP API suite (sourced by run.sh): start and stop judged on an ephemeral
# loopback port (tests/lib/judged.sh), make requests, and assert on their answers. Every judged
# started here is stopped when the suite exits, whatever happens.
#
# A server:   judged_start NAME DATA [judged options...]   (JUDGE_ADMIN_TOKEN taken from the env)
#             sets J_PID, J_PORT, J_BASE, J_LOG; judged_stop [SIGNAL]; wait_healthy [SECONDS]
# A request:  req METHOD PATH [curl options...]  sets ST (status), RB (body file), RH (headers)
# A case:     tcase "name"; then want_* checks (or fail "why"); tend prints one line

: "${JUDGED:?JUDGED must name the judged binary}"
: "${WORK:?WORK must name a scratch folder}"

PASSED=0
FAILED=0
FAILED_NAMES=()

# Starting and stopping judged: the harness every suite shares.
J_WORK=$WORK
# shellcheck source=tests/lib/judged.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/judged.sh"
lib_cleanup() { judged_cleanup; }
wait_healthy() { judged_wait_healthy "$@"; }

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
