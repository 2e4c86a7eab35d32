#!/usr/bin/env bash
# Tests of the hiring workflow (issue 5, docs/hiring.md): teams and keys, assessments and their
# field errors, invites, the candidate's session and timer, submission caps, hidden tests,
# best/last scoring, reports (JSON, CSV, candidate detail), similarity, finish webhooks with
# retries, and isolation between candidates and between teams; issue 15's cases in settle.sh
# (events that settle, revocation, deletion, problems in use), drafts.sh (drafts, time-up final
# submissions, the timeline), similarity.sh (disguised copies across a team's assessments, matched
# regions, no comparison across teams) and trust.sh (issue 21: signed webhooks, the delivery log, a
# slow receiver, accommodations, the audit log, the CSV BOM) and languages.sh (issue 16: the
# languages an assessment allows, PATCH until a candidate starts). Starts its own judged (fresh
# data folder, ephemeral loopback port) and a webhook receiver, and always kills both. HIRING_ONLY="settle drafts" runs only those files.
# Prints one line per case, then "N passed, M failed"; exits non-zero on any failure.
# Needs root (the sandbox), bash, curl, jq, sqlite3, python3, zip.
#
#   tests/hiring/run.sh [build/cli/judged]

set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
JUDGED=$(realpath "${1:-build/cli/judged}")
HERE=$ROOT/tests/hiring
PROG=$HERE/programs
MN=$ROOT/problems/missing-number

missing=()
for tool in curl jq sqlite3 python3 zip; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "tests/hiring: missing ${missing[*]} (apt-get install -y curl jq sqlite3 python3 zip)" >&2
  exit 2
fi
[ -x "$JUDGED" ] || { echo "tests/hiring: no judged at '$JUDGED'" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "tests/hiring: run as root (the sandbox needs it)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/hiring-suite.XXXXXX)
T0=$(date +%s)
PIDS=()
PASSED=0
FAILED=0

# Starting and stopping judged: the harness every suite shares.
J_WORK=$WORK
# shellcheck source=tests/lib/judged.sh
source "$ROOT/tests/lib/judged.sh"

cleanup() {
  local p
  judged_cleanup
  # The webhook receivers.
  for p in "${PIDS[@]}"; do
    if kill -0 "$p" 2>/dev/null; then
      kill -9 "$p" 2>/dev/null
      wait "$p" 2>/dev/null
    fi
  done
  if [ "$FAILED" -eq 0 ]; then rm -rf "$WORK"; else echo "logs kept in $WORK"; fi
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

### Helpers ###

# Starts judged: start_judged NAME [options...]; sets BASE, JPID, DB and JLOG.
start_judged() {
  local name=$1
  shift
  mkdir -p "$WORK/$name"
  J_ENV=(JUDGE_ADMIN_TOKEN=secret)
  # shellcheck disable=SC2086 # (WEBHOOK_FLAG is one word or none)
  judged_start "$name" "$WORK/$name/data" ${WEBHOOK_FLAG---webhook-private} "$@" || exit 1
  J_ENV=()
  JPID=$J_PID
  JLOG=$J_LOG
  BASE=$J_BASE
  DB="$WORK/$name/data/judged.db"
}

# Starts a webhook receiver: start_receiver NAME FAIL_FIRST [ADDRESS]; sets RPORT (log in
# $WORK/NAME.log).
start_receiver() {
  local name=$1 i
  python3 "$HERE/webhook_receiver.py" "$WORK/$name.port" "$WORK/$name.log" "$2" ${3:+"$3"} &
  PIDS+=("$!")
  for ((i = 0; i < 100; i++)); do
    [ -s "$WORK/$name.port" ] && break
    sleep 0.05
  done
  [ -s "$WORK/$name.port" ] || { echo "the webhook receiver did not start" >&2; exit 1; }
  RPORT=$(cat "$WORK/$name.port")
  touch "$WORK/$name.log"
}

# api METHOD PATH TOKEN [JSON] [curl options...]: TOKEN "-" is anonymous. Sets ST; the body is in
# $RB. What a candidate's token gets back is kept too, to look for hidden test data in it.
RB=$WORK/body
RH=$WORK/headers
CAND_SEEN=$WORK/candidate-responses # one file per token: $CAND_SEEN/TOKEN
mkdir -p "$CAND_SEEN"
NREQ=0
api() {
  local method=$1 path=$2 token=$3 data=${4:-}
  shift 3
  [ $# -gt 0 ] && shift
  local args=(-sS --max-time 90 -o "$RB" -D "$RH" -w '%{http_code}' -X "$method")
  [ "$token" != - ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$data" ] && args+=(-H "Content-Type: application/json" --data-binary "$data")
  ST=$(curl "${args[@]}" "$@" "$BASE$path" 2>>"$WORK/curl.err")
  [ -n "$ST" ] || ST=000
  if [[ $token == ji_* ]]; then
    NREQ=$((NREQ + 1))
    { echo "### $method $path"; cat "$RB"; echo; } >>"$CAND_SEEN/$token"
  fi
  return 0
}
jqb() { jq -r "$@" <"$RB" 2>/dev/null; }
header() { grep -i "^$1:" "$RH" | head -n1 | sed 's/^[^:]*:[[:space:]]*//' | tr -d '\r'; }
now_ms() { date +%s%3N; }

# A submission body: sub PROBLEM FILE
sub() { jq -cn --arg p "$1" --rawfile s "$2" '{problem: $p, language: "c", source: $s}'; }

# Cases: tcase NAME; checks (want_*, or fail WHY); tend.
tcase() {
  CASE=$1
  WHY=()
}
fail() { WHY+=("$*"); }
short() { head -c 300 "$RB" | tr '\n' ' '; }
tend() {
  if [ ${#WHY[@]} -eq 0 ]; then
    PASSED=$((PASSED + 1))
    echo "ok   $CASE"
  else
    FAILED=$((FAILED + 1))
    echo "FAIL $CASE"
    local w
    for w in "${WHY[@]}"; do echo "       - $w"; done
  fi
}
want_status() {
  local w
  for w in "$@"; do [ "$ST" = "$w" ] && return 0; done
  fail "status $ST, want $*: $(short)"
  return 1
}
want_jq() {
  if ! jq -e "$1" <"$RB" >/dev/null 2>&1; then
    fail "${2:-$1} is not true of $(short)"
    return 1
  fi
}
# want_problem STATUS... : an RFC 9457 problem with that status.
want_problem() {
  want_status "$@" || return 1
  [[ $(header Content-Type) == application/problem+json* ]] ||
    fail "Content-Type $(header Content-Type), want application/problem+json"
  want_jq '(.detail | type) == "string" and (.detail | length) > 0' "a detail"
}
# want_field_error FIELD: a 422 naming /FIELD among its errors.
want_field_error() {
  want_problem 422 || return 1
  jq -e --arg f "/$1" 'any(.errors[]; .pointer == $f)' <"$RB" >/dev/null ||
    fail "no error for /$1 in $(short)"
}
# wait_until SECONDS COMMAND...: polls every 0.1 s.
wait_until() {
  local limit=$1 i
  shift
  for ((i = 0; i < limit * 10; i++)); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}

### Packages ###

PK=$WORK/pkg
mkdir -p "$PK"
# The private problem: missing-number with a secret test whose input is a canary that must never
# reach a candidate, a secret subgroup that happens to be called "sample", and no slow reference
# submission (a fast import).
CANARY="13
12 0 11 1 10 2 9 3 8 4 7 5 13"
CANARY_LINE="12 0 11 1 10 2 9 3 8 4 7 5 13"
CANARY2_LINE="9 1 8 2 7 3 6 4 5"
make_packages() {
  cp -r "$MN" "$PK/acme-missing"
  rm -rf "$PK/acme-missing/submissions/time_limit_exceeded"
  printf '%s\n' "$CANARY" >"$PK/acme-missing/data/secret/17-canary.in"
  echo 6 >"$PK/acme-missing/data/secret/17-canary.ans"
  mkdir -p "$PK/acme-missing/data/secret/sample"
  printf '9\n%s\n' "$CANARY2_LINE" >"$PK/acme-missing/data/secret/sample/01-looks-like-a-sample.in"
  echo 0 >"$PK/acme-missing/data/secret/sample/01-looks-like-a-sample.ans"
  (cd "$PK/acme-missing" && zip -qr ../acme-missing.zip .)
  (cd "$ROOT/problems" && zip -qr "$PK/missing-number.zip" missing-number)
}
make_packages
TEMPLATE=$MN/attachments/templates/c/solution.c
AC=$MN/submissions/accepted/xor.c
WA=$MN/submissions/wrong_answer/sort_gap_misses_zero.c # WA with a partial score

### The server ###

# What a failed step would have set: numbers 0, tokens and ids "none", so later cases fail
# cleanly instead of stopping the suite.
for v in A_EV I_EVA A_DR A_NOF A_TU I_DORA I_NORA I_TESS SNAP TESS_TOTAL A_DEL A_REV A_SETTLE A_STREAM A_USE I_LOU I_RAE I_SAM I_STU A1 A2 A_BIG ANN_ENDS ANN_FINISHED ANN_STARTED A_CROWD A_LATER A_OVER A_RACE A_RATE A_SIM \
  A_TIMED FULL_TESTS I_ANN I_BOB I_CARL I_EVE I_TIM MN_FRACTION PRIV_FRACTION TEAM_A TEAM_B; do
  declare "$v=0"
done
for v in C_ANN C_BEA C_BOB C_CARL C_EARLY C_EVE C_LATE C_RAE C_TIM KA KB S_ANN_AC S_ANN_MN S_ANN_WA \
  S_ANN_WA2 S_BOB_AC S_BOB_WA S_TIM; do
  declare "$v=none"
done

# Memory limits by cgroup are not what this suite is about, and any other judged starting on
# the same host may sweep the cgroups of a running one: judge without them (HIRING_CGROUP=auto
# to judge with them).
start_judged main --workers 2 --cgroup "${HIRING_CGROUP:-none}"
MAIN_PID=$JPID
MAIN_LOG=$JLOG
start_receiver hook 2 # fails twice, then accepts
HOOK=http://127.0.0.1:$RPORT/hook
start_receiver hook2 0 # accepts at once
HOOK2=http://127.0.0.1:$RPORT/hook2
ADMIN=secret
judged_wait_healthy 10 || true # (the first case says what is wrong if it is not)

echo "# judged at $BASE, work in $WORK"

### Teams, keys, problems ###

tcase "admin creates teams A and B and a key for each (team key token shown once)"
api POST /api/v1/teams $ADMIN '{"name":"Acme hiring"}'
want_status 201 && TEAM_A=$(jqb .id)
api POST /api/v1/teams $ADMIN '{"name":"Beta hiring"}'
want_status 201 && TEAM_B=$(jqb .id)
api POST "/api/v1/teams/$TEAM_A/keys" $ADMIN '{"name":"ci"}'
want_status 201 && KA=$(jqb .token)
api POST "/api/v1/teams/$TEAM_B/keys" $ADMIN '{"name":"ci"}'
want_status 201 && KB=$(jqb .token)
api GET "/api/v1/teams/$TEAM_A/keys" $ADMIN
want_status 200 && ! grep -q "$KA" "$RB" || fail "the key list shows the token again"
api GET /api/v1/me "$KA"
want_jq '.role == "team"'
tend

tcase "admin imports the public problem missing-number"
api PUT "/api/v1/problems/missing-number?public=true" $ADMIN "" \
  -H "Content-Type: application/zip" --data-binary "@$PK/missing-number.zip"
want_status 200 201 && want_jq '.public == true and .verification.ok == true'
tend

tcase "team A imports its private problem acme-missing; team B and anonymous cannot see it"
api PUT "/api/v1/problems/acme-missing?public=false" "$KA" "" \
  -H "Content-Type: application/zip" --data-binary "@$PK/acme-missing.zip"
want_status 200 201 && want_jq '.public == false and .verification.ok == true'
api GET /api/v1/problems/acme-missing "$KA"
want_status 200
FULL_TESTS=$(jqb '.tests + (.samples | length)') # .tests counts the secret ones
api GET /api/v1/problems/acme-missing "$KB"
want_status 404
api GET /api/v1/problems/acme-missing -
want_status 404
tend

# HIRING_ONLY="settle drafts" runs only those case files (tests/hiring/NAME.sh) after the set-up
# above: a quicker run while working on them.
if [ -n "${HIRING_ONLY:-}" ]; then
  for f in $HIRING_ONLY; do
    # shellcheck disable=SC1090
    . "$HERE/$f.sh"
  done
  echo "$PASSED passed, $FAILED failed ($(($(date +%s) - T0)) s)"
  [ "$FAILED" -eq 0 ]
  exit
fi

### Assessment creation and its field errors ###

P2='[{"slug":"acme-missing","points":200},{"slug":"missing-number"}]'
bad_assessment() { # bad_assessment NAME FIELD JSON [TOKEN]
  tcase "assessment 422: $1"
  api POST /api/v1/assessments "${4:-$KA}" "$3"
  want_field_error "$2"
  tend
}
bad_assessment "missing title" title '{"problems":[{"slug":"missing-number"}],"duration_minutes":30}'
bad_assessment "empty title" title '{"title":"","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
bad_assessment "duration 0" duration_minutes '{"title":"t","problems":[{"slug":"missing-number"}],"duration_minutes":0}'
bad_assessment "duration 1441" duration_minutes '{"title":"t","problems":[{"slug":"missing-number"}],"duration_minutes":1441}'
bad_assessment "duration a string" duration_minutes '{"title":"t","problems":[{"slug":"missing-number"}],"duration_minutes":"30"}'
bad_assessment "duration missing" duration_minutes '{"title":"t","problems":[{"slug":"missing-number"}]}'
bad_assessment "unknown problem" problems/0 '{"title":"t","problems":[{"slug":"no-such-problem"}],"duration_minutes":30}'
bad_assessment "another team's private problem" problems/1 '{"title":"t","problems":[{"slug":"missing-number"},{"slug":"acme-missing"}],"duration_minutes":30}' "$KB"
bad_assessment "duplicate problem" problems/1 '{"title":"t","problems":[{"slug":"missing-number"},{"slug":"missing-number"}],"duration_minutes":30}'
bad_assessment "no problems" problems '{"title":"t","problems":[],"duration_minutes":30}'
bad_assessment "points 0" problems/0 '{"title":"t","problems":[{"slug":"missing-number","points":0}],"duration_minutes":30}'
bad_assessment "counts \"worst\"" counts '{"title":"t","problems":[{"slug":"missing-number"}],"duration_minutes":30,"counts":"worst"}'
bad_assessment "max_submissions -1" max_submissions '{"title":"t","problems":[{"slug":"missing-number"}],"duration_minutes":30,"max_submissions":-1}'
bad_assessment "webhook ftp://" webhook_url '{"title":"t","problems":[{"slug":"missing-number"}],"duration_minutes":30,"webhook_url":"ftp://example.com/x"}'
bad_assessment "webhook not a URL" webhook_url '{"title":"t","problems":[{"slug":"missing-number"}],"duration_minutes":30,"webhook_url":"hook"}'
bad_assessment "closes_at before opens_at" closes_at "{\"title\":\"t\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"opens_at\":$(($(now_ms) + 7200000)),\"closes_at\":$(($(now_ms) + 3600000))}"
bad_assessment "closes_at equal to opens_at" closes_at '{"title":"t","problems":[{"slug":"missing-number"}],"duration_minutes":30,"opens_at":1900000000000,"closes_at":1900000000000}'
bad_assessment "show_hidden_results not a boolean" show_hidden_results '{"title":"t","problems":[{"slug":"missing-number"}],"duration_minutes":30,"show_hidden_results":"yes"}'

tcase "assessment 422 lists every invalid field at once; nothing is created"
api POST /api/v1/assessments "$KA" '{"problems":[{"slug":"nope"}],"duration_minutes":0,"counts":"x","webhook_url":"x"}'
want_problem 422 && want_jq '[.errors[].pointer] as $p | ($p | index("/title")) and ($p | index("/duration_minutes")) and ($p | index("/counts")) and ($p | index("/webhook_url")) and ($p | index("/problems/0"))'
api GET /api/v1/assessments "$KA"
want_jq '.assessments == []' "no assessment was created"
tend

### The timed assessment first: its clock runs while the rest goes on ###

tcase "an assessment closing in 4 s caps ends_at by closes_at"
OPENS=$(($(now_ms) - 1000))
CLOSES=$(($(now_ms) + 4000))
api POST /api/v1/assessments "$KA" "{\"title\":\"Timed\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"opens_at\":$OPENS,\"closes_at\":$CLOSES,\"webhook_url\":\"$HOOK2\"}"
want_status 201 && A_TIMED=$(jqb .id)
api POST "/api/v1/assessments/$A_TIMED/invites" "$KA" '{"name":"Tim Timer","email":"tim@example.com"}'
want_status 201 && I_TIM=$(jqb .id) && C_TIM=$(jqb .token)
api POST /api/v1/candidate/start "$C_TIM"
want_status 200 && want_jq ".state == \"started\" and .ends_at == $CLOSES" "ends_at == closes_at"
api POST "/api/v1/submissions?wait=true" "$C_TIM" "$(sub missing-number "$AC")"
want_status 200 && want_jq '.verdict == "AC"' && S_TIM=$(jqb .id)
tend

### The main assessment ###

tcase "team A creates an assessment with a private and a public problem"
api POST /api/v1/assessments "$KA" "{\"title\":\"Backend engineer\",\"rules\":\"No AI.\",\"problems\":$P2,\"duration_minutes\":90,\"max_submissions\":3,\"counts\":\"best\",\"show_hidden_results\":false,\"webhook_url\":\"$HOOK\"}"
want_status 201 && A1=$(jqb .id)
want_jq '.title == "Backend engineer" and .rules == "No AI." and .duration_minutes == 90 and .max_submissions == 3 and .counts == "best" and .show_hidden_results == false and .opens_at == null and .closes_at == null'
want_jq '[.problems[] | [.slug, .points]] == [["acme-missing", 200], ["missing-number", 100]]' "problems and points (default 100)"
[[ $(header Location) == "/api/v1/assessments/$A1" ]] || fail "Location $(header Location)"
api GET "/api/v1/assessments/$A1" "$KA"
want_status 200 && want_jq ".id == $A1 and .webhook_url == \"$HOOK\""
api GET /api/v1/assessments "$KA"
want_jq "[.assessments[].id] | index($A1) != null" "listed"
tend

tcase "invite: 201 with the token once and link /invite#TOKEN; the list has no token"
api POST "/api/v1/assessments/$A1/invites" "$KA" '{"name":"Ann Archer","email":"ann@example.com"}'
want_status 201 && I_ANN=$(jqb .id) && C_ANN=$(jqb .token)
want_jq '.link == "/invite#" + .token and (.token | startswith("ji_")) and .state == "invited" and .name == "Ann Archer" and .email == "ann@example.com"'
want_jq '.expires_at - .created_at == 168 * 3600 * 1000' "expires in 168 h by default"
api POST "/api/v1/assessments/$A1/invites" "$KA" '{"name":"Carl Cheater","email":"carl@example.com","expires_in_hours":2}'
want_status 201 && I_CARL=$(jqb .id) && C_CARL=$(jqb .token)
want_jq '.expires_at - .created_at == 2 * 3600 * 1000' "expires_in_hours"
api GET "/api/v1/assessments/$A1/invites" "$KA"
want_status 200 && want_jq "[.invites[] | .state] == [\"invited\", \"invited\"]"
grep -q "$C_ANN" "$RB" && fail "the invite list shows a token"
want_jq '[.invites[] | has("token") or has("link")] | any | not' "no token or link in the list"
tend

tcase "invite 422: missing name, bad email, expires_in_hours 0"
api POST "/api/v1/assessments/$A1/invites" "$KA" '{"email":"x@example.com"}'
want_field_error name
api POST "/api/v1/assessments/$A1/invites" "$KA" '{"name":"X","email":"not an email"}'
want_field_error email
api POST "/api/v1/assessments/$A1/invites" "$KA" '{"name":"X","email":"x@example.com","expires_in_hours":0}'
want_field_error expires_in_hours
tend

tcase "candidate session before the start: titles only"
api GET /api/v1/candidate "$C_ANN"
want_status 200
want_jq '.state == "invited" and .started_at == null and .ends_at == null and .candidate.name == "Ann Archer"'
want_jq '.assessment.title == "Backend engineer" and .assessment.rules == "No AI." and .assessment.duration_minutes == 90 and .assessment.max_submissions == 3'
want_jq '[.assessment.problems[] | .title] == ["Missing Number", "Missing Number"]'
want_jq '[.. | objects | keys[]] | map(select(. == "statement" or . == "samples" or . == "template" or . == "webhook_url")) == []' "no statement, samples, template or webhook_url"
tend

tcase "candidate before the start: problem 403, submission 403, finish 409"
api GET /api/v1/candidate/problems/acme-missing "$C_ANN"
want_problem 403
api POST /api/v1/submissions "$C_ANN" "$(sub acme-missing "$AC")"
want_problem 403
api POST /api/v1/candidate/finish "$C_ANN"
want_problem 409
tend

tcase "candidate starts: ends_at = started_at + duration"
api POST /api/v1/candidate/start "$C_ANN"
want_status 200 && want_jq '.state == "started" and .ends_at - .started_at == 90 * 60000 and .finished_at == null'
ANN_STARTED=$(jqb .started_at)
ANN_ENDS=$(jqb .ends_at)
tend

tcase "starting twice is idempotent (200, same clock)"
sleep 0.05
api POST /api/v1/candidate/start "$C_ANN"
want_status 200 && want_jq ".state == \"started\" and .started_at == $ANN_STARTED and .ends_at == $ANN_ENDS"
tend

tcase "candidate fetches its problems after the start (samples only, no secret data)"
api GET /api/v1/candidate/problems/acme-missing "$C_ANN"
want_status 200 && want_jq '.slug == "acme-missing" and (.samples | length) == 2 and .tests > 0'
api GET /api/v1/candidate/problems/missing-number "$C_ANN"
want_status 200 && want_jq '.title == "Missing Number"'
api GET /api/v1/candidate/problems/digit-sum "$C_ANN"
want_problem 404
tend

tcase "candidate submits WA then AC; sees only the sample tests and tests_hidden"
api POST "/api/v1/submissions?wait=true" "$C_ANN" "$(sub acme-missing "$WA")"
want_status 200 && S_ANN_WA=$(jqb .id)
want_jq '.verdict == "WA" and .score > 0 and .score < .max_score' "a partial WA"
PRIV_FRACTION=$(jqb '.score / .max_score')
want_jq '[.tests[].name] == ["sample/01", "sample/02"]' "only the two samples"
want_jq ".tests_hidden == $FULL_TESTS - 2" "tests_hidden == $FULL_TESTS - 2"
api POST "/api/v1/submissions?wait=true" "$C_ANN" "$(sub acme-missing "$AC")"
want_status 200 && S_ANN_AC=$(jqb .id)
want_jq '.verdict == "AC" and .score == .max_score and (.tests | length) == 2'
api GET "/api/v1/submissions/$S_ANN_WA" "$C_ANN"
want_status 200 && want_jq '(.tests | length) == 2 and .source != null'
want_jq '[.tests[].name] | all(startswith("sample/"))' "a secret subgroup named sample stays hidden"
tend

tcase "candidate follows its submission's events: samples only"
api GET "/api/v1/submissions/$S_ANN_WA/events" "$C_ANN" "" --max-time 10
want_status 200
grep -q '^event: done' "$RB" || fail "no done event"
grep -q 'secret/' "$RB" && fail "a hidden test in the events"
tend

tcase "submission cap: the 4th submission to a problem is 403; other problems are not capped"
api POST "/api/v1/submissions?wait=true" "$C_ANN" "$(sub acme-missing "$WA")"
want_status 200 && S_ANN_WA2=$(jqb .id)
api POST /api/v1/submissions "$C_ANN" "$(sub acme-missing "$AC")"
want_problem 403 && want_jq '.detail | test("cap|3")' "the detail names the cap"
api GET /api/v1/candidate "$C_ANN"
want_jq '.assessment.problems[0].submissions == 3' "3 submissions counted"
api POST "/api/v1/submissions?wait=true" "$C_ANN" "$(sub missing-number "$WA")"
want_status 200 && S_ANN_MN=$(jqb .id)
MN_FRACTION=$(jqb '.score / .max_score')
want_jq '.verdict == "WA" and .score > 0' "a partial WA"
tend

tcase "candidate session after submissions: best counts (AC after WA)"
api GET /api/v1/candidate "$C_ANN"
want_jq '.assessment.problems[0] | .score == 200 and .best_verdict == "AC" and .submissions == 3'
want_jq ".assessment.problems[1] | .score == (100 * $MN_FRACTION * 100 | round / 100) and .best_verdict == \"WA\" and .submissions == 1"
tend

### A second assessment: hidden results shown, the last submission counts ###

# jq: a hidden test says its verdict only; the submission's figures are its samples' (issue 13).
JQ_HIDDEN_CLEAN='all(.tests[] | select(.name | startswith("sample/") | not);
  (keys - ["index", "name", "group", "verdict"]) == []) and
  .time_ms == ([.tests[] | select(.name | startswith("sample/")) | .time_ms] | max) and
  .memory_kb == ([.tests[] | select(.name | startswith("sample/")) | .memory_kb] | max)'

tcase "show_hidden_results true: the candidate sees every test"
api POST /api/v1/assessments "$KA" '{"title":"Shown","problems":[{"slug":"acme-missing","points":50}],"duration_minutes":30,"show_hidden_results":true,"counts":"last"}'
want_status 201 && A2=$(jqb .id)
api POST "/api/v1/assessments/$A2/invites" "$KA" '{"name":"Bob Baker","email":"bob@example.com"}'
I_BOB=$(jqb .id) C_BOB=$(jqb .token)
api POST /api/v1/candidate/start "$C_BOB"
want_status 200
api POST "/api/v1/submissions?wait=true" "$C_BOB" "$(sub acme-missing "$AC")"
want_status 200 && S_BOB_AC=$(jqb .id)
want_jq "(.tests | length) == $FULL_TESTS and (has(\"tests_hidden\") | not)" "all $FULL_TESTS tests, no tests_hidden"
api POST "/api/v1/submissions?wait=true" "$C_BOB" "$(sub acme-missing "$WA")"
want_status 200 && S_BOB_WA=$(jqb .id)
want_jq "(.tests | length) == $FULL_TESTS"
want_jq "$JQ_HIDDEN_CLEAN" "?wait: hidden tests say their verdict only"
tend

tcase "hidden results shown to a candidate: verdicts only, no figures or messages, in every path"
api GET "/api/v1/submissions/$S_BOB_WA" "$C_BOB"
want_status 200 && want_jq "$JQ_HIDDEN_CLEAN" "GET: hidden tests clean, figures of the samples"
want_jq 'any(.tests[]; (.name | startswith("sample/") | not) and .verdict == "WA")' "a hidden WA"
api GET "/api/v1/submissions?problem=acme-missing" "$C_BOB"
want_status 200 && want_jq '.submissions | length > 0'
for id in $(jqb '.submissions[].id'); do
  curl -sS --max-time 20 -H "Authorization: Bearer $C_BOB" "$BASE/api/v1/submissions/$id" >"$WORK/one"
  jq -e '.memory_kb as $m | any(.tests[]; .memory_kb == $m and (.name | startswith("sample/")))'     "$WORK/one" >/dev/null || fail "submission $id: its figure is not a sample's"
done
curl -sS --max-time 20 -H "Authorization: Bearer $C_BOB"   "$BASE/api/v1/submissions/$S_BOB_WA/events" >"$WORK/bob-sse"
grep -q '^event: done' "$WORK/bob-sse" || fail "no done event"
while IFS= read -r line; do
  jq -e 'if has("tests") then true elif has("name") then (.name | startswith("sample/")) or
    ((keys - ["index", "name", "group", "verdict"]) == []) else true end' <<<"$line" >/dev/null ||
    fail "event leaks a figure: ${line:0:160}"
  if jq -e 'has("tests")' <<<"$line" >/dev/null; then
    jq -e "$JQ_HIDDEN_CLEAN" <<<"$line" >/dev/null || fail "the done event leaks a figure"
  fi
done < <(sed -n 's/^data: //p' "$WORK/bob-sse")
tend

tcase "the team that owns the problem sees every figure of its candidates' hidden tests"
api GET "/api/v1/assessments/$A2/candidates/$I_BOB" "$KA"
want_status 200 && want_jq '(.submissions | length) >= 2 and all(.submissions[].tests[];
  has("time_ms") and has("memory_kb")) and any(.submissions[].tests[]; has("message"))'
api GET "/api/v1/submissions/$S_BOB_WA" "$ADMIN"
want_jq 'all(.tests[]; has("time_ms") and has("memory_kb"))' "the admin too"
tend

tcase "counts last vs best: the report scores differ accordingly"
api GET "/api/v1/assessments/$A2/report" "$KA"
want_status 200
want_jq ".candidates[0].problems[\"acme-missing\"] | .score == (50 * $PRIV_FRACTION * 100 | round / 100) and .best_verdict == \"WA\" and .submissions == 2 and .submission == \"$S_BOB_WA\"" "last: WA's score"
api GET "/api/v1/assessments/$A1/report" "$KA"
want_jq ".candidates[0].problems[\"acme-missing\"] | .score == 200 and .best_verdict == \"AC\" and .submission == \"$S_ANN_AC\"" "best: AC's score"
tend

### Isolation ###

tcase "isolation: a candidate cannot read another candidate's submission (404)"
api GET "/api/v1/submissions/$S_BOB_AC" "$C_ANN"
want_problem 404
api GET "/api/v1/submissions/$S_ANN_AC" "$C_BOB"
want_problem 404
api GET "/api/v1/submissions/$S_BOB_AC/events" "$C_ANN" "" --max-time 5
want_status 404
api GET "/api/v1/submissions/$S_TIM" "$C_CARL"
want_status 404
api GET "/api/v1/submissions/$S_ANN_AC" "$C_ANN"
want_status 200
tend

tcase "isolation: a candidate's submission list holds only its own"
api GET "/api/v1/submissions?limit=100" "$C_ANN"
want_status 200 && want_jq "([.submissions[].id] | sort) == ([\"$S_ANN_WA\", \"$S_ANN_AC\", \"$S_ANN_WA2\", \"$S_ANN_MN\"] | sort)" "Ann's 4 only"
api GET "/api/v1/submissions?limit=100" "$C_CARL"
want_status 200 && want_jq '.submissions == []'
tend

tcase "isolation: a candidate token is refused elsewhere (403)"
for p in /api/v1/problems /api/v1/problems/missing-number /api/v1/teams /api/v1/assessments \
  "/api/v1/assessments/$A1" "/api/v1/assessments/$A1/report" "/api/v1/assessments/$A1/invites" /api/v1/me; do
  api GET "$p" "$C_ANN"
  [ "$ST" = 403 ] || fail "GET $p: $ST"
done
api POST /api/v1/assessments "$C_ANN" '{"title":"x","problems":[{"slug":"missing-number"}],"duration_minutes":5}'
[ "$ST" = 403 ] || fail "POST /api/v1/assessments: $ST"
api DELETE "/api/v1/invites/$I_BOB" "$C_ANN"
[ "$ST" = 403 ] || fail "DELETE /api/v1/invites: $ST"
api PUT /api/v1/problems/evil "$C_ANN" "" -H "Content-Type: application/zip" --data-binary "@$PK/acme-missing.zip"
[ "$ST" = 403 ] || fail "PUT /api/v1/problems: $ST"
tend

tcase "isolation: a candidate cannot submit or run a problem outside its assessment"
api POST /api/v1/submissions "$C_BOB" "$(sub missing-number "$AC")"
want_status 422 403
api POST /api/v1/run "$C_BOB" "$(sub missing-number "$AC")"
want_status 422 403
api POST /api/v1/submissions "$C_BOB" "$(sub digit-sum "$AC")"
want_status 422 403
api GET /api/v1/candidate/problems/missing-number "$C_BOB"
want_status 404 403
tend

tcase "isolation: team B gets 404 for all of team A's assessment"
for p in "/api/v1/assessments/$A1" "/api/v1/assessments/$A1/report" "/api/v1/assessments/$A1/report.csv" \
  "/api/v1/assessments/$A1/similarity" "/api/v1/assessments/$A1/invites" "/api/v1/assessments/$A1/candidates/$I_ANN"; do
  api GET "$p" "$KB"
  [ "$ST" = 404 ] || fail "GET $p: $ST"
done
api POST "/api/v1/assessments/$A1/invites" "$KB" '{"name":"Mole","email":"mole@example.com"}'
[ "$ST" = 404 ] || fail "POST invites: $ST"
api DELETE "/api/v1/assessments/$A1" "$KB"
[ "$ST" = 404 ] || fail "DELETE assessment: $ST"
api DELETE "/api/v1/invites/$I_CARL" "$KB"
[ "$ST" = 404 ] || fail "DELETE invite: $ST"
api GET /api/v1/assessments "$KB"
want_jq '.assessments == []' "team B lists none"
api GET "/api/v1/assessments/$A1" "$KA"
[ "$ST" = 200 ] || fail "the assessment is gone after team B's DELETE"
api GET /api/v1/candidate "$C_CARL"
[ "$ST" = 200 ] || fail "the invite was revoked by team B"
tend

tcase "isolation: team B and anonymous cannot read team A's candidates' submissions (404)"
for s in "$S_ANN_AC" "$S_ANN_WA" "$S_BOB_AC" "$S_TIM"; do
  api GET "/api/v1/submissions/$s" "$KB"
  [ "$ST" = 404 ] || fail "team B GET $s: $ST"
  api GET "/api/v1/submissions/$s/events" "$KB" "" --max-time 5
  [ "$ST" = 404 ] || fail "team B events $s: $ST"
  api GET "/api/v1/submissions/$s" -
  [ "$ST" = 404 ] || fail "anonymous GET $s: $ST"
done
api GET "/api/v1/submissions?limit=100" "$KB"
want_jq '.submissions == []' "team B's list is empty"
api GET "/api/v1/submissions/$S_ANN_AC" "$KA"
want_status 200 && want_jq "(.tests | length) == $FULL_TESTS" "team A sees every test"
api GET /api/v1/candidate -
want_status 401
tend

### Reports ###

tcase "report JSON: scores, verdicts, counts, time used"
api GET "/api/v1/assessments/$A1/report" "$KA"
want_status 200
want_jq '[.problems[] | [.slug, .title, .points]] == [["acme-missing", "Missing Number", 200], ["missing-number", "Missing Number", 100]]'
want_jq '[.candidates[] | .name] == ["Ann Archer", "Carl Cheater"]'
want_jq ".candidates[0] | .invite_id == $I_ANN and .email == \"ann@example.com\" and .state == \"started\" and .started_at == $ANN_STARTED and .finished_at == null and (.time_used_s | type) == \"number\" and .time_used_s >= 0 and .time_used_s < 300"
want_jq ".candidates[0].problems[\"missing-number\"] | .score == (100 * $MN_FRACTION * 100 | round / 100) and .points == 100 and .best_verdict == \"WA\" and .submissions == 1"
want_jq ".candidates[0] | .total == ((200 + 100 * $MN_FRACTION) * 100 | round / 100) and .max_total == 300" "total and max_total"
want_jq '.candidates[1] | .state == "invited" and .time_used_s == null and .total == 0 and .problems["acme-missing"].best_verdict == null and .problems["acme-missing"].submissions == 0'
want_jq '.similarity == []'
tend

tcase "candidate detail: every submission with its source and all its tests"
api GET "/api/v1/assessments/$A1/candidates/$I_ANN" "$KA"
want_status 200
want_jq "[.submissions[].id] == [\"$S_ANN_WA\", \"$S_ANN_AC\", \"$S_ANN_WA2\", \"$S_ANN_MN\"]"
want_jq "[.submissions[] | select(.problem == \"acme-missing\") | .tests | length] == [$FULL_TESTS, $FULL_TESTS, $FULL_TESTS]" "all tests, hidden ones too"
want_jq '[.submissions[] | select(.problem == "missing-number") | .tests | map(select(.name | startswith("secret/"))) | length] == [16]' "all tests of missing-number"
jq -e --rawfile s "$AC" '.submissions[1].source == $s' <"$RB" >/dev/null || fail "the AC source is not there"
jq -e --rawfile s "$WA" '.submissions[0].source == $s' <"$RB" >/dev/null || fail "the WA source is not there"
api GET "/api/v1/assessments/$A1/candidates/$I_BOB" "$KA"
want_status 404 # Bob is in another assessment
api GET "/api/v1/assessments/$A1/candidates/abc" "$KA"
want_status 404
tend

### Finishing, the webhook, the sweeper ###

tcase "finishing early: 200 finished; then a submission is 403 with a clear detail"
api POST /api/v1/candidate/finish "$C_ANN"
want_status 200 && want_jq '.state == "finished" and .finished_at != null'
ANN_FINISHED=$(jqb .finished_at)
api POST /api/v1/submissions "$C_ANN" "$(sub missing-number "$AC")"
want_problem 403 && want_jq '.detail | test("finished")' "the detail says finished"
api POST /api/v1/run "$C_ANN" "$(sub missing-number "$AC")"
want_problem 403
tend

tcase "finishing twice is harmless (200, same finished_at); starting again is 409"
api POST /api/v1/candidate/finish "$C_ANN"
want_status 200 && want_jq ".state == \"finished\" and .finished_at == $ANN_FINISHED"
api POST /api/v1/candidate/start "$C_ANN"
want_problem 409
api GET "/api/v1/assessments/$A1/invites" "$KA"
want_jq ".invites[0] | .state == \"finished\" and .finish_reason == \"finished\" and .finished_at == $ANN_FINISHED"
tend

tcase "time runs out (closes_at): submit 403, then finished by \"time\" via the sweeper"
left=$((CLOSES - $(now_ms)))
[ "$left" -gt 0 ] && sleep "$(awk "BEGIN{print ($left + 50) / 1000}")"
api POST /api/v1/submissions "$C_TIM" "$(sub missing-number "$AC")"
want_problem 403 && want_jq '.detail | test("ran out")' "the detail says the time ran out"
api GET /api/v1/candidate "$C_TIM"
want_jq '.state == "finished"'
swept() {
  api GET "/api/v1/assessments/$A_TIMED/invites" "$KA"
  jq -e ".invites[0] | .state == \"finished\" and .finish_reason == \"time\" and .finished_at == $CLOSES" <"$RB" >/dev/null
}
wait_until 3 swept || fail "not finished by time within 3 s: $(short)"
api GET "/api/v1/assessments/$A_TIMED/report" "$KA"
want_jq ".candidates[0] | .problems[\"missing-number\"].score == 100 and .total == 100 and .finished_at == $CLOSES" "the submission before the end stands"
api POST /api/v1/candidate/start "$C_TIM"
want_problem 409 403
tend

tcase "webhook: fails twice with 500, then exactly one accepted POST (candidate.finished)"
accepted() { [ "$(jq -s '[.[] | select(.status == 204)] | length' "$WORK/hook.log")" -ge 1 ]; }
wait_until 10 accepted || fail "no accepted delivery within 10 s: $(cat "$WORK/hook.log")"
sleep 1.2 # nothing more may come
jq -e -s 'length == 3 and ([.[].status] == [500, 500, 204])' "$WORK/hook.log" >/dev/null ||
  fail "deliveries: $(jq -c -s '[.[] | .status]' "$WORK/hook.log")"
jq -e -s "[.[] | select(.status == 204)][0].body | .event == \"candidate.finished\" and .assessment_id == $A1 and .invite_id == $I_ANN and .name == \"Ann Archer\" and .email == \"ann@example.com\" and .reason == \"finished\" and .finished_at == $ANN_FINISHED and .max_total == 300 and .total == ((200 + 100 * $MN_FRACTION) * 100 | round / 100)" \
  "$WORK/hook.log" >/dev/null || fail "payload: $(tail -n1 "$WORK/hook.log")"
jq -e -s '.[0].content_type | startswith("application/json")' "$WORK/hook.log" >/dev/null || fail "not sent as JSON"
jq -e -s '(.[1].at_ms - .[0].at_ms) >= 900 and (.[2].at_ms - .[1].at_ms) >= 1900' "$WORK/hook.log" >/dev/null ||
  fail "backoff not 1 s, 2 s: $(jq -c -s '[.[].at_ms]' "$WORK/hook.log")"
tend

tcase "webhook on time-out: reason \"time\", delivered once"
got_time() { [ "$(jq -s 'length' "$WORK/hook2.log")" -ge 1 ]; }
wait_until 5 got_time || fail "no delivery for the timed-out candidate"
jq -e -s "length == 1 and (.[0].body | .event == \"candidate.finished\" and .reason == \"time\" and .invite_id == $I_TIM and .total == 100 and .max_total == 100)" "$WORK/hook2.log" >/dev/null ||
  fail "deliveries: $(cat "$WORK/hook2.log")"
# The sweeper ended the session (and queued this) within about 2 s of the end.
jq -e -s ".[0].at_ms - $CLOSES <= 2500" "$WORK/hook2.log" >/dev/null ||
  fail "finished by time only $(( $(jq -s '.[0].at_ms' "$WORK/hook2.log") - CLOSES )) ms after the end"
tend

### Invites that stop working ###

tcase "expired invite (expires_at set in the past in SQLite): state expired, start 403"
api POST "/api/v1/assessments/$A1/invites" "$KA" '{"name":"Eve Late","email":"eve@example.com","expires_in_hours":1}'
I_EVE=$(jqb .id) C_EVE=$(jqb .token)
sqlite3 -cmd ".timeout 5000" "$DB" "UPDATE invites SET expires_at = $(($(now_ms) - 60000)) WHERE id = $I_EVE" ||
  fail "sqlite3 could not update the invite"
api GET /api/v1/candidate "$C_EVE"
want_status 200 && want_jq '.state == "expired"'
api POST /api/v1/candidate/start "$C_EVE"
want_problem 403 && want_jq '.detail | test("expired")' "the detail says expired"
api POST /api/v1/submissions "$C_EVE" "$(sub acme-missing "$AC")"
want_problem 403
api GET "/api/v1/assessments/$A1/invites" "$KA"
want_jq ".invites[] | select(.id == $I_EVE) | .state == \"expired\""
tend

tcase "revoked invite: DELETE 204, the token gets 401 at once, revoking again 404"
api GET /api/v1/candidate "$C_CARL"
want_status 200
api DELETE "/api/v1/invites/$I_CARL" "$KA"
want_status 204
api GET /api/v1/candidate "$C_CARL"
want_problem 401
api POST /api/v1/candidate/start "$C_CARL"
want_status 401
api DELETE "/api/v1/invites/$I_CARL" "$KA"
want_problem 404
api GET "/api/v1/assessments/$A1/invites" "$KA"
want_jq ".invites[] | select(.id == $I_CARL) | .state == \"revoked\""
tend

tcase "revoking a started candidate stops its submissions (401)"
api POST /api/v1/candidate/start "$C_BOB"
want_status 200
api DELETE "/api/v1/invites/$I_BOB" "$KA"
want_status 204
api POST /api/v1/submissions "$C_BOB" "$(sub acme-missing "$AC")"
want_status 401
api GET "/api/v1/submissions/$S_BOB_AC" "$C_BOB"
want_status 401
tend

tcase "opens_at in the future: start 403; a closed window: start 403"
api POST /api/v1/assessments "$KA" "{\"title\":\"Later\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"opens_at\":$(($(now_ms) + 3600000))}"
want_status 201 && A_LATER=$(jqb .id)
api POST "/api/v1/assessments/$A_LATER/invites" "$KA" '{"name":"Early Bird","email":"early@example.com"}'
C_EARLY=$(jqb .token)
api POST /api/v1/candidate/start "$C_EARLY"
want_problem 403 && want_jq '.detail | test("opens")' "the detail says when it opens"
api GET /api/v1/candidate "$C_EARLY"
want_jq '.state == "invited"'
api POST /api/v1/assessments "$KA" "{\"title\":\"Over\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"opens_at\":$(($(now_ms) - 7200000)),\"closes_at\":$(($(now_ms) - 3600000))}"
want_status 201 && A_OVER=$(jqb .id)
api POST "/api/v1/assessments/$A_OVER/invites" "$KA" '{"name":"Too Late","email":"late@example.com"}'
C_LATE=$(jqb .token)
api POST /api/v1/candidate/start "$C_LATE"
want_problem 403 && want_jq '.detail | test("closed")' "the detail says closed"
tend

tcase "deleting an assessment: 204, its invite tokens stop working, 404 afterwards"
api DELETE "/api/v1/assessments/$A_LATER" "$KA"
want_status 204
api GET /api/v1/candidate "$C_EARLY"
want_status 401
api GET "/api/v1/assessments/$A_LATER" "$KA"
want_status 404
tend

### Similarity and the CSV ###

tcase "similarity: a disguised copy is flagged with both sources; others are not"
api POST /api/v1/assessments "$KA" '{"title":"Similarity","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
want_status 201 && A_SIM=$(jqb .id)
declare -A SIM_INV SIM_TOK SIM_SUB
sim_names=(copy_a copy_b different template1 template2)
sim_display=("=HYPERLINK(\"http://evil\")" 'Doe, "JJ"' "Dee Different" "Tom Template" "Tia Template")
for k in 0 1 2 3 4; do
  n=${sim_names[$k]}
  api POST "/api/v1/assessments/$A_SIM/invites" "$KA" "$(jq -cn --arg n "${sim_display[$k]}" --arg e "$n@example.com" '{name: $n, email: $e}')"
  SIM_INV[$n]=$(jqb .id) SIM_TOK[$n]=$(jqb .token)
  api POST /api/v1/candidate/start "${SIM_TOK[$n]}"
done
for n in copy_a copy_b different; do
  api POST "/api/v1/submissions?wait=true" "${SIM_TOK[$n]}" "$(sub missing-number "$PROG/$n.c")"
  [ "$ST" = 200 ] && [ "$(jqb .verdict)" = AC ] || fail "$n: $ST $(jqb .verdict)"
  SIM_SUB[$n]=$(jqb .id)
done
for n in template1 template2; do
  api POST "/api/v1/submissions?wait=true" "${SIM_TOK[$n]}" "$(sub missing-number "$TEMPLATE")"
  [ "$ST" = 200 ] || fail "$n: $ST"
  SIM_SUB[$n]=$(jqb .id)
done
api GET "/api/v1/assessments/$A_SIM/similarity" "$KA"
want_jq '.near_threshold == 0.4 and (.near_misses | type) == "array" and all(.near_misses[]; .score >= 0.4 and .score < 0.6)' "near misses listed apart, between 0.4 and the flag"
want_status 200
want_jq '(.pairs | length) == 1' "exactly one flagged pair"
want_jq ".pairs[0] | .problem == \"missing-number\" and .score >= 0.6 and ([.a.invite_id, .b.invite_id] | sort) == ([${SIM_INV[copy_a]}, ${SIM_INV[copy_b]}] | sort)"
jq -e --rawfile a "$PROG/copy_a.c" --rawfile b "$PROG/copy_b.c" \
  '.pairs[0] | ([.a.source, .b.source] | sort) == ([$a, $b] | sort)' <"$RB" >/dev/null || fail "the two sources are not side by side"
want_jq ".pairs[0] | ([.a.submission, .b.submission] | sort) == ([\"${SIM_SUB[copy_a]}\", \"${SIM_SUB[copy_b]}\"] | sort)"
api GET "/api/v1/assessments/$A_SIM/report" "$KA"
want_jq "(.similarity | length) == 1 and .similarity[0].score >= 0.6 and (.similarity[0].a | has(\"source\") | not)" "the report lists the pair without sources"
tend

tcase "report CSV: a UTF-8 BOM, header, one row per candidate, quoting, formulas neutralised"
api GET "/api/v1/assessments/$A_SIM/report.csv" "$KA"
want_status 200
[[ $(header Content-Type) == text/csv* ]] || fail "Content-Type $(header Content-Type)"
[[ $(header Content-Disposition) == *attachment* ]] || fail "Content-Disposition $(header Content-Disposition)"
python3 - "$RB" <<'EOF' 2>"$WORK/py.err" || fail "CSV: $(tail -n1 "$WORK/py.err"): $(head -c 600 "$RB")"
import csv, sys
assert open(sys.argv[1], "rb").read(3) == b"\xef\xbb\xbf", "no UTF-8 byte order mark"
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig")))
want = ["name", "email", "state", "started_at", "finished_at", "time_used_s", "total", "max_total",
        "missing-number score", "missing-number verdict", "missing-number submissions", "rating",
        "reviews"]
assert rows[0] == want, rows[0]
body = rows[1:]
assert len(body) == 5, len(body)
assert all(len(r) == len(want) for r in body), [len(r) for r in body]
names = [r[0] for r in body]
assert names[0] == "'=HYPERLINK(\"http://evil\")", names[0]   # neutralised
assert names[1] == 'Doe, "JJ"', names[1]                      # quoted
assert not any(r[0][:1] in "=+-@" for r in body), names
assert body[0][8] == "100" and body[0][9] == "AC" and body[0][10] == "1", body[0]
assert body[0][2] == "started" and body[0][3].endswith("Z") and body[0][7] == "100", body[0]
EOF
grep -q $'\r$' "$RB" || fail "rows do not end in CRLF"
tend

tcase "report CSV keeps every digit of large scores (as the JSON report has them)"
api POST /api/v1/assessments "$KA" '{"title":"Big points","problems":[{"slug":"acme-missing","points":10000},{"slug":"missing-number","points":10000}],"duration_minutes":30}'
want_status 201 && A_BIG=$(jqb .id)
api POST "/api/v1/assessments/$A_BIG/invites" "$KA" '{"name":"Big Bea","email":"bea@example.com"}'
C_BEA=$(jqb .token)
api POST /api/v1/candidate/start "$C_BEA"
api POST "/api/v1/submissions?wait=true" "$C_BEA" "$(sub acme-missing "$WA")"
api POST "/api/v1/submissions?wait=true" "$C_BEA" "$(sub missing-number "$AC")"
api GET "/api/v1/assessments/$A_BIG/report" "$KA"
cp "$RB" "$WORK/big.json"
want_jq ".candidates[0].total == ((10000 + 10000 * $PRIV_FRACTION) * 100 | round / 100) and .candidates[0].total > 10000"
api GET "/api/v1/assessments/$A_BIG/report.csv" "$KA"
python3 - "$RB" "$WORK/big.json" <<'EOF' 2>"$WORK/py.err" || fail "CSV: $(tail -n1 "$WORK/py.err"): $(tail -n1 "$RB")"
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig")))
rep = json.load(open(sys.argv[2]))["candidates"][0]
row = dict(zip(rows[0], rows[1]))
assert float(row["total"]) == rep["total"], (row["total"], rep["total"])
assert float(row["max_total"]) == rep["max_total"], (row["max_total"], rep["max_total"])
assert float(row["acme-missing score"]) == rep["problems"]["acme-missing"]["score"], row
EOF
tend

### Hidden data never reaches a candidate ###

tcase "hidden test data never appears in any candidate-visible response ($NREQ responses)"
[ "$NREQ" -gt 50 ] || fail "only $NREQ responses were recorded"
grep -rqF "$CANARY_LINE" "$CAND_SEEN" && fail "the secret canary input was shown to a candidate"
grep -rqF "$CANARY2_LINE" "$CAND_SEEN" && fail "the secret subgroup's input was shown to a candidate"
# Where hidden results are not shown (everyone but Bob), not even a hidden test's name.
for f in "$CAND_SEEN"/*; do
  [ "$(basename "$f")" = "$C_BOB" ] && continue
  grep -q 'secret/' "$f" && fail "a hidden test name reached a candidate: $(grep -o '.\{60\}secret/.\{30\}' "$f" | head -n1)"
done
grep -q 'secret/17-canary' "$CAND_SEEN/$C_BOB" || fail "Bob (hidden results shown) never saw the hidden tests"
tend

### Races and limits ###

tcase "submission cap holds under concurrent submissions"
api POST /api/v1/assessments "$KA" '{"title":"Race","problems":[{"slug":"missing-number"}],"duration_minutes":30,"max_submissions":2}'
A_RACE=$(jqb .id)
api POST "/api/v1/assessments/$A_RACE/invites" "$KA" '{"name":"Rae Racer","email":"rae@example.com"}'
C_RAE=$(jqb .token)
api POST /api/v1/candidate/start "$C_RAE"
body_ac=$(sub missing-number "$AC")
for k in 1 2 3 4 5 6 7 8; do
  curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $C_RAE" \
    -H "Content-Type: application/json" --data-binary "$body_ac" "$BASE/api/v1/submissions" \
    >>"$WORK/race.codes" &
done
wait_race() { [ "$(wc -l <"$WORK/race.codes")" -ge 8 ]; }
wait_until 30 wait_race
stored=$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM submissions s JOIN invites i ON i.id = s.invite_id WHERE i.assessment_id = $A_RACE")
[ "$(grep -c '^202$' "$WORK/race.codes")" -le 2 ] && [ "$stored" -le 2 ] ||
  fail "cap 2, but $(grep -c '^202$' "$WORK/race.codes") accepted and $stored stored ($(sort "$WORK/race.codes" | uniq -c | tr '\n' ' '))"
tend

tcase "the sweeper finishes more than 64 candidates timing out together, with a webhook each"
api POST /api/v1/assessments "$KA" "{\"title\":\"Crowd\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"webhook_url\":\"$HOOK2\"}"
A_CROWD=$(jqb .id)
# 70 invites, each started (in one process: quick).
started=$(python3 - "$BASE" "$KA" "$A_CROWD" 70 <<'EOF'
import http.client, json, sys, urllib.parse
base, key, aid, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
u = urllib.parse.urlsplit(base)
ok = 0
for k in range(n):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request("POST", f"/api/v1/assessments/{aid}/invites",
              body=json.dumps({"name": f"Crowd {k}", "email": f"c{k}@example.com"}),
              headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    r = c.getresponse()
    tok = json.loads(r.read())["token"]
    c.close()
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request("POST", "/api/v1/candidate/start", headers={"Authorization": "Bearer " + tok})
    r = c.getresponse()
    r.read()
    ok += r.status == 200
    c.close()
print(ok)
EOF
)
[ "$started" = 70 ] || fail "$started of 70 started"
# Everyone's time runs out at the same instant (as when closes_at caps them all).
sqlite3 -cmd ".timeout 5000" "$DB" "UPDATE invites SET ends_at = $(now_ms) WHERE assessment_id = $A_CROWD"
crowd_hooks() {
  local n
  n=$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM webhook_deliveries w JOIN invites i ON i.id = w.invite_id WHERE i.assessment_id = $A_CROWD")
  [ "$n" -ge 70 ]
}
wait_until 5 crowd_hooks
finished=$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM invites WHERE assessment_id = $A_CROWD AND finish_reason = 'time'")
hooks=$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM webhook_deliveries w JOIN invites i ON i.id = w.invite_id WHERE i.assessment_id = $A_CROWD")
[ "$finished" = 70 ] || fail "$finished of 70 finished by time"
[ "$hooks" = 70 ] || fail "$hooks webhooks queued for 70 candidates finished by time"
tend

### Rate limits are per candidate (a server of its own, with a low rate) ###

tcase "one candidate using up its submission rate does not limit another"
MAIN_BASE=$BASE MAIN_DB=$DB
start_judged rate --workers 1 --token-rate 12 --cgroup "${HIRING_CGROUP:-none}" # a burst of 2
api PUT "/api/v1/problems/missing-number?public=true" $ADMIN "" \
  -H "Content-Type: application/zip" --data-binary "@$PK/acme-missing.zip" # no slow reference submission
[ "$ST" = 201 ] || fail "import: $ST"
api POST /api/v1/assessments $ADMIN '{"title":"Rates","problems":[{"slug":"missing-number"}],"duration_minutes":30}'
A_RATE=$(jqb .id)
for n in x y; do
  api POST "/api/v1/assessments/$A_RATE/invites" $ADMIN "{\"name\":\"$n\",\"email\":\"$n@example.com\"}"
  declare "C_RATE_$n=$(jqb .token)"
done
api POST /api/v1/candidate/start "$C_RATE_x"
api POST /api/v1/candidate/start "$C_RATE_y"
codes=""
for k in 1 2 3; do
  api POST /api/v1/submissions "$C_RATE_x" "$(sub missing-number "$AC")"
  codes+="$ST "
done
[[ $codes == *429* ]] || fail "candidate x was never limited: $codes"
api POST /api/v1/submissions "$C_RATE_y" "$(sub missing-number "$AC")"
[ "$ST" = 202 ] || fail "candidate y got $ST after x used its rate ($codes): $(short)"
BASE=$MAIN_BASE DB=$MAIN_DB
tend

tcase "webhooks only reach global unicast addresses without --webhook-private (no SSRF)"
WEBHOOK_FLAG="" start_judged ssrf --workers 1 --cgroup "${HIRING_CGROUP:-none}"
# Listening on every address of the host: any refused destination that is this host would call it.
start_receiver ssrf-hook 0 ::
api PUT "/api/v1/problems/missing-number?public=true" $ADMIN "" \
  -H "Content-Type: application/zip" --data-binary "@$PK/acme-missing.zip"
# Loopback, this host's own interface addresses, and special-purpose ranges of both families.
SSRF_HOSTS=(127.0.0.1 127.1.2.3 "[::1]" "[::ffff:127.0.0.1]" 0.0.0.0 192.0.2.1 198.18.0.1 240.0.0.1
  224.0.0.1 255.255.255.255 100.64.0.1 169.254.169.254 "[fe80::1]" "[fd00::1]" "[2001:db8::1]"
  "[64:ff9b::7f00:1]" "[2002:7f00:1::1]" localhost)
for ip in $(hostname -I 2>/dev/null); do
  [[ $ip == *:* ]] && ip="[$ip]"
  SSRF_HOSTS+=("$ip")
done
for host in "${SSRF_HOSTS[@]}"; do
  api POST /api/v1/assessments $ADMIN "{\"title\":\"SSRF\",\"problems\":[{\"slug\":\"missing-number\"}],\"duration_minutes\":30,\"webhook_url\":\"http://$host:$RPORT/hook\"}"
  A_SSRF=$(jqb .id)
  api POST "/api/v1/assessments/$A_SSRF/invites" $ADMIN '{"name":"s","email":"s@example.com"}'
  C_SSRF=$(jqb .token)
  api POST /api/v1/candidate/start "$C_SSRF"
  api POST /api/v1/candidate/finish "$C_SSRF"
done
n=${#SSRF_HOSTS[@]}
for ((i = 0; i < 100; i++)); do
  failed=$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM webhook_deliveries WHERE last_error IS NOT NULL")
  [ "$failed" -ge "$n" ] && break
  sleep 0.1
done
[ "$failed" -ge "$n" ] || fail "$failed of $n deliveries failed"
while IFS='|' read -r url err; do
  [[ $err == *refused* ]] || fail "$url: not refused by the address check: '$err'"
done < <(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT url, coalesce(last_error, '') FROM webhook_deliveries")
[ -s "$WORK/ssrf-hook.log" ] && fail "the receiver on this host was called: $(head -c 200 "$WORK/ssrf-hook.log")"
BASE=$MAIN_BASE DB=$MAIN_DB
tend

### Issue 15: events that settle, revocation, deletion, problems in use ###

# shellcheck source=tests/hiring/settle.sh
. "$HERE/settle.sh"
# shellcheck source=tests/hiring/drafts.sh
. "$HERE/drafts.sh"
# shellcheck source=tests/hiring/similarity.sh
. "$HERE/similarity.sh"

### Issue 21: signed webhooks, the delivery log, accommodations, the audit log, the CSV BOM ###

# shellcheck source=tests/hiring/trust.sh
. "$HERE/trust.sh"
# shellcheck source=tests/hiring/reviews.sh
. "$HERE/reviews.sh"
# shellcheck source=tests/hiring/roles.sh
. "$HERE/roles.sh"
# shellcheck source=tests/hiring/invites.sh
. "$HERE/invites.sh"
# shellcheck source=tests/hiring/erasure.sh
. "$HERE/erasure.sh"
# mail.sh restarts judged with an SMTP server: last.
# shellcheck source=tests/hiring/mail.sh
. "$HERE/mail.sh"

### Issue 16: the languages an assessment allows, changed with PATCH until a candidate starts ###

# shellcheck source=tests/hiring/languages.sh
. "$HERE/languages.sh"

### The server is still well ###

tcase "judged is still running and healthy"
kill -0 "$MAIN_PID" 2>/dev/null || fail "judged exited"
api GET /healthz -
want_status 200
grep -E "AddressSanitizer|runtime error|Assertion" "$MAIN_LOG" && fail "sanitizer or assertion output in the log"
tend

echo "$PASSED passed, $FAILED failed ($(($(date +%s) - T0)) s)"
[ "$FAILED" -eq 0 ]
