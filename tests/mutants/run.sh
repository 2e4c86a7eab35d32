#!/usr/bin/env bash
# `judged verify --mutants` end to end, on a copy of tests/packages/sum-groups: the mutants its
# accepted C submission yields, which the tests kill, which survive (with their diffs), and how
# submissions/equivalent_mutants.txt takes survivors out of the score and warns about lines that
# name no mutant. As root (the sandbox).
set -uo pipefail
cd "$(dirname "$0")/../.."
judged=${1:-build/cli/judged}
passed=0 failed=0
scratch=$(mktemp -d /tmp/mutants-test.XXXXXX) || exit 2
trap 'rm -rf "$scratch"' EXIT
cp -r tests/packages/sum-groups "$scratch/sum-groups"
pkg=$scratch/sum-groups

check() { # NAME JQ-FILTER: the filter must hold on the last report
  if jq -e "$2" "$scratch/out.json" >/dev/null; then
    passed=$((passed + 1)); echo "ok   $1"
  else
    failed=$((failed + 1)); echo "FAIL $1"; jq '.problems[0].mutation' "$scratch/out.json" | head -c 3000
  fi
}

"$judged" verify --mutants --json --jobs 2 "$pkg" >"$scratch/out.json" 2>"$scratch/err"
status=$?
[ $status -eq 0 ] || { echo "FAIL verify exited $status"; cat "$scratch/err"; failed=$((failed + 1)); }
m='.problems[0].mutation'
check "eleven mutants of long_long.c" "$m.generated == 11 and $m.stillborn == 0 and $m.failed == 0"
check "the tests kill eight" "$m.killed == 8 and $m.survived == 3"
check "score is killed over counted" "($m.score * 1000 | round) == 727"
# The survivors: the error path `return 1;` that valid input never takes.
check "survivors named by stable ids" \
  "[$m.survivors[].id] == [\"early-ret@6:16\", \"const@6:16\", \"const@6:16~2\"]"
check "each survivor shows its diff" \
  "$m.survivors[0].diff == \"--- a/submissions/accepted/long_long.c\n+++ b/submissions/accepted/long_long.c\n@@ -6,1 +6,1 @@\n-        return 1;\n+        return 0;\n\""
check "elapsed time reported" "$m.elapsed_ms > 0"

# An author marks the survivors as equivalent (and one line names nothing).
cat >"$pkg/submissions/equivalent_mutants.txt" <<'LIST'
# Valid input always has two numbers: the error path is never taken.
submissions/accepted/long_long.c early-ret@6:16
submissions/accepted/long_long.c const@6:16    # return 2 on bad input: same
submissions/accepted/long_long.c const@6:16~2
submissions/accepted/long_long.c rel-op@99:1   # no such mutant
LIST
"$judged" verify --mutants --json "$pkg" >"$scratch/out.json" 2>"$scratch/err"
check "equivalent mutants leave the score" "$m.equivalent == 3 and $m.survived == 0 and $m.score == 1"
check "a line naming no mutant is warned about" \
  "$m.warnings == [\"problem 'sum-groups': submissions/equivalent_mutants.txt line 5: 'submissions/accepted/long_long.c rel-op@99:1' names no mutant (the source changed?)\"]"
check "the list is not a submission" '.problems[0].ok == true and (.problems[0].warnings | length) == 0'

# Plain text output names the score and each survivor.
"$judged" verify --mutants "tests/packages/sum-groups" >"$scratch/out.txt" 2>&1
if grep -q "mutation score 0.727: 11 mutants, 8 killed, 3 survived" "$scratch/out.txt" &&
  grep -q "survivor submissions/accepted/long_long.c const@6:16~2" "$scratch/out.txt"; then
  passed=$((passed + 1)); echo "ok   text report"
else
  failed=$((failed + 1)); echo "FAIL text report"; cat "$scratch/out.txt"
fi
# A bad --jobs is refused before anything runs.
if "$judged" verify --mutants --jobs 0 "$pkg" 2>"$scratch/err"; then
  failed=$((failed + 1)); echo "FAIL --jobs 0 accepted"
elif grep -q -- "--jobs takes a number from 1 to 64" "$scratch/err"; then
  passed=$((passed + 1)); echo "ok   --jobs 0 refused"
else
  failed=$((failed + 1)); echo "FAIL --jobs 0: $(cat "$scratch/err")"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
