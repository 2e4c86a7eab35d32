#!/usr/bin/env bash
# Kattis compatibility (issue 22): the packages of tests/kattis/, original problems written for
# judged in the shapes real contest packages take (SOURCES.md), verified with `judged verify`,
# then imported and judged through the API (PUT /api/v1/problems/{slug}, POST /api/v1/submissions).
# Each check says what it looks at; the last line is "N passed, M failed". Needs root (the
# sandbox), jq, curl and zip. About three minutes.
#
#   tests/kattis/run.sh [build/cli/judged]

set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
JUDGED=$(realpath "${1:-build/cli/judged}")
for tool in jq curl zip; do
  command -v "$tool" >/dev/null || { echo "tests/kattis: missing $tool (apt-get install -y $tool)" >&2; exit 2; }
done
[ -x "$JUDGED" ] || { echo "tests/kattis: no judged at '$JUDGED'" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "tests/kattis: run as root (the sandbox needs it)" >&2; exit 2; }

K=tests/kattis
WORK=$(mktemp -d /tmp/kattis-suite.XXXXXX) || exit 2
SERVER_PID=
passed=0 failed=0
finish() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null
  fi
  if [ "$failed" -eq 0 ]; then rm -rf "$WORK"; else echo "logs kept in $WORK"; fi
}
trap finish EXIT
trap 'exit 130' INT TERM

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
# check NAME FILE JQ-FILTER: the filter must hold on the JSON in FILE
check() {
  if jq -e "$3" "$2" >/dev/null 2>&1; then ok "$1"; else bad "$1"; jq -c . "$2" 2>/dev/null | head -c 2000; echo; fi
}

GOOD=(digit-mean rising-run hidden-number letter-relay pair-sums fence-area misspelt-keys)

### judged verify ###

for p in "${GOOD[@]}" wrong-folder; do
  "$JUDGED" verify --json "$K/$p" >"$WORK/$p.json" 2>"$WORK/$p.err"
  echo $? >"$WORK/$p.rc"
done
P='.problems[0]'
sub() { echo "($P.submissions[] | select(.path == \"submissions/$1\"))"; }

for p in "${GOOD[@]}"; do
  check "$p: verifies" "$WORK/$p.json" "$P.ok == true and ($P.errors | length) == 0"
done

# Legacy pass-fail: derived time limit, float tolerance, and a run_time_error/ that exceeds memory.
check "digit-mean: time limit derived (legacy)" "$WORK/digit-mean.json" "$P.time_limit_derived == true"
check "digit-mean: run_time_error/hoard.c gets MLE, which its folder takes" "$WORK/digit-mean.json" \
  "$(sub run_time_error/hoard.c) | .verdict == \"MLE\" and .ok"
check "digit-mean: time_limit_exceeded/rescan.c gets TLE" "$WORK/digit-mean.json" \
  "$(sub time_limit_exceeded/rescan.c) | .verdict == \"TLE\" and .ok"

# Scoring with groups, submissions.yaml expectations and rejected/.
check "rising-run: partial/ meets permitted, required, score 30 and its group rule" "$WORK/rising-run.json" \
  "$(sub partial/from_each_start.c) | .verdict == \"TLE\" and .ok and .expected == \"partial\""
if [ ! -e "$K/rising-run/data/secret/group2/01-rising.in" ]; then ok "rising-run: group 2 generated outside the package folder"; else bad "rising-run: group 2 written into the package folder"; fi
check "rising-run: rejected/ takes a wrong answer" "$WORK/rising-run.json" \
  "$(sub rejected/non_strict.c) | .verdict == \"WA\" and .ok and .expected == \"rejected\""

# Interactive: two sandboxed programs, the validator deciding; a crash is RE, not the WA it causes.
check "hidden-number: C and Python bisections accepted" "$WORK/hidden-number.json" \
  "[$P.submissions[] | select(.expected == \"accepted\") | .verdict] == [\"AC\", \"AC\"]"
check "hidden-number: too many questions is WA" "$WORK/hidden-number.json" \
  "$(sub wrong_answer/linear.c) | .verdict == \"WA\" and .first_failure == \"secret/03-high\""
check "hidden-number: a program waiting for an answer that never comes is TLE" "$WORK/hidden-number.json" \
  "$(sub time_limit_exceeded/silent.c) | .verdict == \"TLE\""
check "hidden-number: a crash mid-exchange is RE" "$WORK/hidden-number.json" \
  "$(sub run_time_error/crash.c) | .verdict == \"RE\""

# Multi-pass: the second pass reads what the validator made of the first pass's output.
check "letter-relay: the word too long for pass 2 is WA on the big test" "$WORK/letter-relay.json" \
  "$(sub wrong_answer/digits.c) | .verdict == \"WA\" and .first_failure == \"secret/03-big\""

# generators.yaml: the data is made, and the author's folder is left as it was.
check "pair-sums: the overflow shows on the generated big test" "$WORK/pair-sums.json" \
  "$(sub wrong_answer/overflow.c) | .verdict == \"WA\" and .first_failure == \"secret/05-random-big\""
if [ ! -e "$K/pair-sums/data/secret" ]; then ok "pair-sums: nothing written into the package folder"; else bad "pair-sums: data/secret written into the package folder"; fi

# Input validators in C and in Python (as BAPCtools packages ship them) both judge every input.
cp -r "$K/pair-sums" "$WORK/bad-input" && printf '2\n1 2 3\n' >"$WORK/bad-input/data/sample/1.in"
"$JUDGED" verify --json "$WORK/bad-input" >"$WORK/bad-input.json" 2>/dev/null
check "pair-sums: a bad sample rejected by the C and the Python input validator" "$WORK/bad-input.json" \
  "$P.ok == false and ([$P.errors[] | select(test(\"input validator 'input_validators/(check.c|format.py)' rejects 'data/sample/1.in'\"))] | length) == 2"

# Reference submissions in Python and Java only; one in a language judged does not run is skipped.
check "fence-area: Java (class Area in Area.java) and Python accepted, no C needed" "$WORK/fence-area.json" \
  "[$P.submissions[] | select(.expected == \"accepted\") | [.path, .verdict]] == [[\"submissions/accepted/Area.java\", \"AC\"], [\"submissions/accepted/shoelace.py\", \"AC\"]]"
check "fence-area: the Rust one is skipped with a warning" "$WORK/fence-area.json" \
  "[$P.warnings[] | select(test(\"skipped 'submissions/accepted/shoelace.rs'\"))] | length == 1"

# Unknown keys: warned about with the key meant, never silently.
check "misspelt-keys: each misspelt key warned with a suggestion" "$WORK/misspelt-keys.json" \
  "[$P.warnings[] | select(test(\"did you mean '(memory|validation|accept_score)'\"))] | length == 3"

# A package whose submissions do not get what their folders say fails, naming the rule.
if [ "$(cat "$WORK/wrong-folder.rc")" = 1 ]; then ok "wrong-folder: verify exits 1"; else bad "wrong-folder: verify exited $(cat "$WORK/wrong-folder.rc")"; fi
check "wrong-folder: the three broken expectations named" "$WORK/wrong-folder.json" \
  "$P.ok == false and ([$P.errors[] | select(test(\"expects 0 to 50|requires one of WA|permits only AC, RTE\"))] | length) == 3"

### The API: import, statement, judging ###

TOKEN=kattis-suite-token
export JUDGE_ADMIN_TOKEN=$TOKEN
"$JUDGED" --listen 127.0.0.1:0 --data "$WORK/data" --port-file "$WORK/port" --workers 1 \
  2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 400); do
  [ -s "$WORK/port" ] && curl -fs "http://127.0.0.1:$(cat "$WORK/port")/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.05
done
if ! [ -s "$WORK/port" ]; then
  bad "judged serves"; tail -20 "$WORK/server.log"; echo "$passed passed, $failed failed"; exit 1
fi
BASE="http://127.0.0.1:$(cat "$WORK/port")"
AUTH=(-H "Authorization: Bearer $TOKEN")

for p in hidden-number letter-relay pair-sums fence-area rising-run; do
  (cd "$K/$p" && zip -qr "$WORK/$p.zip" .)
  st=$(curl -s -o "$WORK/put-$p.json" -w '%{http_code}' -X PUT "${AUTH[@]}" \
    -H "Content-Type: application/zip" --data-binary "@$WORK/$p.zip" "$BASE/api/v1/problems/$p")
  if [ "$st" = 201 ]; then
    check "$p: imported through the API" "$WORK/put-$p.json" ".verification.ok == true"
  else
    bad "$p: PUT answered $st"; head -c 2000 "$WORK/put-$p.json"; echo
  fi
done

curl -s "${AUTH[@]}" "$BASE/api/v1/problems/fence-area" >"$WORK/fence.json"
check "fence-area: the LaTeX statement is served as Markdown" "$WORK/fence.json" \
  '(.statement | test("Input")) and (.statement | test("\\\\section") | not) and .title == "Fence Area"'

submit() { # SLUG LANG FILE OUT
  jq -n --arg p "$1" --arg l "$2" --rawfile s "$3" '{problem: $p, language: $l, source: $s}' >"$WORK/req.json"
  curl -s "${AUTH[@]}" -H "Content-Type: application/json" --data-binary "@$WORK/req.json" \
    "$BASE/api/v1/submissions?wait=true" >"$4"
}
submit hidden-number c "$K/hidden-number/submissions/accepted/bisect.c" "$WORK/s1.json"
check "hidden-number: judged through the API, per-test results" "$WORK/s1.json" \
  '.verdict == "AC" and (.tests | length) == 5 and all(.tests[]; .verdict == "AC")'
submit hidden-number c "$K/hidden-number/submissions/wrong_answer/linear.c" "$WORK/s2.json"
check "hidden-number: a wrong one through the API" "$WORK/s2.json" '.verdict == "WA" and .score < .max_score'
submit letter-relay python "$K/letter-relay/submissions/accepted/base26.py" "$WORK/s3.json"
check "letter-relay: two passes a test through the API" "$WORK/s3.json" '.verdict == "AC" and (.tests | length) == 5'
submit pair-sums c "$K/pair-sums/submissions/accepted/parity.c" "$WORK/s4.json"
check "pair-sums: judged on the generated tests" "$WORK/s4.json" \
  '.verdict == "AC" and ([.tests[].name] | index("secret/07-all-odd")) != null'
submit rising-run c "$K/rising-run/submissions/partial/from_each_start.c" "$WORK/s5.json"
check "rising-run: the quadratic walk scores group 1's 30 points" "$WORK/s5.json" \
  '.verdict == "TLE" and .score == 30 and .max_score == 100'

# The generated data is cached by content: the same package under another slug copies it from the
# cache instead of running the generators, as a cached answer altered on purpose shows. Last: the
# altered answer lands in the stored copy both slugs share.
gens=()
for g in "$WORK"/data/cache/*/generated-*; do [ -f "$g/secret/01-one.ans" ] && gens+=("$g"); done
if [ ${#gens[@]} = 1 ]; then
  ok "pair-sums: one cached generation"
  echo 42 >"${gens[0]}/secret/01-one.ans"
  st=$(curl -s -o "$WORK/put-again.json" -w '%{http_code}' -X PUT "${AUTH[@]}" \
    -H "Content-Type: application/zip" --data-binary "@$WORK/pair-sums.zip" "$BASE/api/v1/problems/pair-sums-again")
  if [ "$st" = 422 ]; then
    check "pair-sums: the same content again takes the cached data" "$WORK/put-again.json" \
      '[.errors[].detail | select(test("parity.c.*secret/01-one"))] | length >= 1'
  else
    bad "pair-sums: the same content again answered $st, not 422 from the altered cache"
  fi
else
  bad "pair-sums: one cached generation (found: ${gens[*]})"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
