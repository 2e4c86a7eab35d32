#!/usr/bin/env bash
# End-to-end cases as data: tests/e2e/cases/NAME/ holds `package` (a package folder), the
# program (main.c, main.cpp, main.py, main.java, ...: the language by its extension), `expect` (the
# verdict), optionally `score` (the exact score), `check.jq` (a jq expression that must be true of
# the result) and, for a CE, optionally `diagnostic` (a jq regex the compile output must match; by
# default a C error pointing at main.c:LINE:COL).
# Each case runs the real `judged judge` in the real sandbox.
#   tests/e2e/run.sh [JUDGED] [CASE...]   (CASE: a prefix of the cases' folder names)
set -uo pipefail
cd "$(dirname "$0")/../.."
judged=${1:-build/cli/judged}
shift $(($# > 0 ? 1 : 0))
passed=0 failed=0
# judged's stderr per case, kept only while the case runs (shown when it fails).
ERRS=$(mktemp -d /tmp/e2e-suite.XXXXXX)
trap 'rm -rf "$ERRS"' EXIT
for dir in tests/e2e/cases/*/; do
  name=$(basename "$dir")
  if (($# > 0)); then # only the cases named (by prefix) after JUDGED
    keep=0
    for f in "$@"; do [[ $name == "$f"* ]] && keep=1; done
    ((keep)) || continue
  fi
  src=$(ls "$dir"main.* 2>/dev/null | head -n1)
  want=$(cat "$dir"expect)
  out=$(timeout 300 "$judged" judge "$(cat "$dir"package)" "$src" 2>"$ERRS/$name.err")
  status=$?
  got=$(jq -r .verdict <<<"$out" 2>/dev/null)
  score=$(jq -r .score <<<"$out" 2>/dev/null)
  why=""
  [ "$got" = "$want" ] || why="verdict $got, expected $want"
  if [ -z "$why" ] && [ -s "$dir"score ] && ! jq -e --argjson s "$(cat "$dir"score)" '.score == $s' <<<"$out" >/dev/null; then
    why="score $score, expected $(cat "$dir"score)"
  fi
  # check.jq: what else must be true of the result (a jq expression).
  if [ -z "$why" ] && [ -s "$dir"check.jq ] && ! jq -e -f "$dir"check.jq <<<"$out" >/dev/null; then
    why="not true of the result: $(grep -v '^#' "$dir"check.jq | tr '\n' ' ')"
  fi
  # The exit status says whether it was accepted.
  # (Spelt out: `a && b || c && d` in the shell is `((a && b) || c) && d`.)
  if [ -z "$why" ]; then
    if [ "$want" = AC ] && [ $status -ne 0 ]; then
      why="expected AC but exit status $status"
    elif [ "$want" != AC ] && [ $status -eq 0 ]; then
      why="exit status 0 for $want"
    fi
  fi
  pattern='main.c:[0-9]+:[0-9]+: error'
  [ -s "$dir"diagnostic ] && pattern=$(cat "$dir"diagnostic)
  if [ -z "$why" ] && [ "$want" = CE ] && ! jq -e --arg p "$pattern" '.compile_output | test($p)' <<<"$out" >/dev/null; then
    why="compile_output does not match '$pattern'"
  fi
  if [ -z "$why" ]; then
    passed=$((passed + 1)); echo "ok   $name $got score $score"
  else
    failed=$((failed + 1)); echo "FAIL $name: $why"; cat "$ERRS/$name.err"; echo "$out" | head -c 2000
  fi
  rm -f "$ERRS/$name.err"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
