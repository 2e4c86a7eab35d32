#!/usr/bin/env bash
# The bundled catalogue: every problem the catalogue issue names is there, there are at least 30,
# each has the parts the house style asks for, and `judged verify` passes on all of them.
set -uo pipefail
cd "$(dirname "$0")/.."
judged=${1:-build/server/judged}
required=(missing-number triplet-sum rotate-matrix business-days bigrams trapping-rain-water-2d
  trapping-rain-water digit-sum first-unique-char merge-sorted-lists rectangle-overlap
  palindrome-permutation missing-element top-n-words power-pairs fill-missing sample-variance
  per-key-stddev histogram-binning rmse precision-recall gini-impurity knn kmeans linreg-gd
  last-node matrix-sum release-dates median-rainfall t-statistic iqr-outliers rolling-average
  churn-rate session-length)
passed=0 failed=0
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
# Every required problem must be there; CATALOGUE_STRICT=0 lists a missing one as pending
# instead (for work in progress).
for slug in "${required[@]}"; do
  if [ ! -f "problems/$slug/problem.yaml" ]; then
    if [ "${CATALOGUE_STRICT:-1}" = 1 ]; then fail "problems/$slug is missing"; else echo "pending problems/$slug"; fi
  fi
done
count=$(ls -d problems/*/ | wc -l)
[ "$count" -ge 30 ] || fail "the catalogue has $count problems, fewer than 30"
for dir in problems/*/; do
  slug=$(basename "$dir")
  samples=$(ls "$dir"data/sample/*.in 2>/dev/null | wc -l)
  secrets=$(find "$dir"data/secret -name '*.in' | wc -l)
  wrong=$(ls "$dir"submissions/wrong_answer 2>/dev/null | wc -l)
  why=""
  [ "$samples" -ge 2 ] || why="$why; $samples samples"
  [ "$secrets" -ge 15 ] || why="$why; $secrets secret tests"
  [ "$wrong" -ge 2 ] || why="$why; $wrong wrong_answer submissions"
  [ -f "$dir"generators/gen.c ] || why="$why; no generators/gen.c"
  [ -f "$dir"statement/problem.en.md ] || why="$why; no statement/problem.en.md"
  if [ -n "$why" ]; then fail "$slug${why}"; else passed=$((passed + 1)); fi
done
report=$(mktemp)
if "$judged" verify --json problems/*/ >"$report"; then
  passed=$((passed + 1)); echo "ok   judged verify: all $count packages"
else
  fail "judged verify:"
  jq -r '.problems[] | select(.ok | not) | .problem + ": " + (.errors | join("; "))' "$report"
fi
jq -r '.problems[] | .problem + " " + (.slowest_accepted_ms|tostring) + " ms, " + (.warnings|length|tostring) + " warnings"' "$report" 2>/dev/null
rm -f "$report"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
