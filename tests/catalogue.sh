#!/usr/bin/env bash
# The bundled catalogue: every problem the catalogue issue names is there, there are at least 30,
# each has the parts the house style asks for, its statement agrees with the package (see
# lint_statement below), and `judged verify` passes on all of them.
set -uo pipefail
cd "$(dirname "$0")/.."
judged=${1:-build/cli/judged}
required=(missing-number triplet-sum rotate-matrix business-days bigrams trapping-rain-water-2d
  trapping-rain-water digit-sum first-unique-char merge-sorted-lists rectangle-overlap
  palindrome-permutation missing-element top-n-words power-pairs fill-missing sample-variance
  per-key-stddev histogram-binning rmse precision-recall gini-impurity knn kmeans linreg-gd
  last-node matrix-sum release-dates median-rainfall t-statistic iqr-outliers rolling-average
  churn-rate session-length)
passed=0 failed=0
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

# Splits a Markdown statement (file $1) into parts under directory $2: `headings` (every heading
# outside code blocks), `ex_N.in` / `ex_N.ans` (the code block after the "Input:" / "Output:" line
# of the N-th example in the Examples section, one line per line of the block), `sig` (the first
# code block of the Function signature section) and `errors` (what is malformed: a code block in
# Examples that is not labelled Input: or Output:, a label without its block, an example without
# an explanation, an unclosed code block).
split_statement() {
  awk -v out="$2" '
    function err(msg) { print msg > (out "/errors") }
    function end_example() {
      if (ex > 0 && !explained) err("Example " ex " has no explanation after its output")
      explained = 1
    }
    /^[ \t]*```/ {
      if (!infence) {
        infence = 1; block = ""
        if (section == "Examples") {
          if (label == "Input") { ex++; block = out "/ex_" ex ".in"; want_out = 1 }
          else if (label == "Output") { block = out "/ex_" ex ".ans"; want_out = 0 }
          else err("a code block in Examples (line " NR ") is not right after an Input: or Output: line")
          if (block != "") printf "" > block
        } else if (section == "Function signature" && !sigdone) {
          block = out "/sig"; printf "" > block
        }
        label = ""
      } else {
        infence = 0
        if (block != "") close(block)
        if (block == out "/sig") sigdone = 1
        if (block ~ /\.ans$/) explained = 0
      }
      next
    }
    infence { if (block != "") print > block; next }
    /^#/ {
      if (label != "") err(label ": on line " labelline " is not followed by a code block")
      label = ""
      print > (out "/headings")
      if ($0 ~ /^###? /) end_example()
      if ($0 ~ /^## /) { section = substr($0, 4); sub(/[ \t]+$/, "", section) }
      next
    }
    section == "Examples" {
      line = $0; gsub(/^[ \t]+|[ \t]+$/, "", line)
      if (line == "Input:" || line == "Output:") {
        if (label != "") err(label ": on line " labelline " is not followed by a code block")
        if (line == "Output:" && !want_out) err("Output: on line " NR " does not follow an Input: block")
        if (line == "Input:") {
          if (want_out) err("Example " ex " has an Input: block but no Output: block")
          end_example()
        }
        label = substr(line, 1, length(line) - 1); labelline = NR
        next
      }
      if (line != "" && label == "") explained = 1
      if (line != "" && label != "") {
        err(label ": on line " labelline " is not followed by a code block"); label = ""
      }
    }
    END {
      if (infence) err("a code block is not closed")
      if (label != "") err(label ": on line " labelline " is not followed by a code block")
      end_example()
      if (want_out) err("Example " ex " has an Input: block but no Output: block")
      print ex + 0 > (out "/examples")
    }
  ' explained=1 "$1"
}

# C source (file $1) on one line: comments and preprocessor lines removed, whitespace collapsed.
c_flat() {
  awk '/^[ \t]*#/ { next } { sub(/\/\/.*/, ""); printf "%s ", $0 }' "$1" | awk '{
    s = $0
    while ((i = index(s, "/*")) > 0) {
      j = index(substr(s, i + 2), "*/")
      if (j == 0) { s = substr(s, 1, i - 1); break }
      s = substr(s, 1, i - 1) " " substr(s, i + j + 3)
    }
    gsub(/[ \t]+/, " ", s); gsub(/ ?; ?/, ";", s); gsub(/ ?\( ?/, "(", s); gsub(/ ?\) ?/, ")", s)
    print s
  }'
}

# The declarations (up to each ";") of a flattened C text, one per line, trimmed.
c_decls() { tr ';' '\n' | sed 's/^ *//; s/ *$//' | grep -v '^$'; }

# First difference between files $1 and $2, for a message.
first_diff() {
  local out line
  out=$(cmp "$1" "$2" 2>&1)
  case "$out" in
    *"EOF on $1"*) echo "the statement's block stops after line $(wc -l <"$1"), the file goes on" ;;
    *"EOF on $2"*) echo "the file stops after line $(wc -l <"$2"), the statement's block goes on" ;;
    *)
      line=$(printf '%s\n' "$out" | sed -n 's/.*line \([0-9]*\).*/\1/p')
      printf 'line %s: statement "%s", file "%s"' "$line" "$(sed -n "${line}p" "$1")" "$(sed -n "${line}p" "$2")"
      ;;
  esac
}

# Checks the statement of package $1 against the rest of the package; prints one line per problem.
# - the title is "# NAME" with NAME from problem.yaml; Input, Output, Constraints and Examples
#   sections exist (and Function signature for packages with include/c/);
# - the Examples show every data/sample/*.in in order, each as an "Input:" code block and an
#   "Output:" code block equal byte for byte to the .in and .ans file, followed by an explanation;
# - every declaration in the Function signature code block is in include/c/solution.h, every
#   function solution.h declares is in that block, and the template defines each such function
#   with the same prototype;
# - the float tolerance of problem.yaml is the one the statement states (and a statement of a
#   package compared exactly states none); a "Time limit: N second" matches limits.time_limit;
# - no leftover TODO, FIXME, XXX or TBD.
lint_statement() {
  local dir=${1%/} st tmp name n i f d ext sec sample_ins sig hdr tpl flat_hdr flat_tpl decl tol want tl stl
  st=$dir/statement/problem.en.md
  [ -f "$st" ] || st=$dir/problem_statement/problem.en.md
  [ -f "$st" ] || { echo "no statement/problem.en.md"; return; }
  tmp=$(mktemp -d)
  split_statement "$st" "$tmp"
  [ -f "$tmp/errors" ] && sed 's/^/statement: /' "$tmp/errors"
  name=$(sed -n 's/^name:[ \t]*//p' "$dir/problem.yaml" | sed "s/[ \t]*#.*//; s/^[\"']//; s/[\"']\$//")
  [ "$(head -n 1 "$st")" = "# $name" ] || echo "statement: the first line is not \"# $name\" (the name in problem.yaml)"
  for sec in Input Output Constraints Examples; do
    grep -qx "## $sec" "$tmp/headings" 2>/dev/null || echo "statement: no \"## $sec\" section"
  done
  sample_ins=()
  while IFS= read -r f; do sample_ins+=("$f"); done < <(LC_ALL=C ls "$dir"/data/sample/*.in 2>/dev/null)
  n=$(cat "$tmp/examples")
  [ "$n" -eq "${#sample_ins[@]}" ] ||
    echo "statement: shows $n examples but data/sample/ has ${#sample_ins[@]} tests"
  for ((i = 1; i <= n && i <= ${#sample_ins[@]}; i++)); do
    for ext in in ans; do
      d=${sample_ins[i - 1]%.in}.$ext
      if [ ! -f "$tmp/ex_$i.$ext" ]; then
        echo "statement: Example $i has no $( [ $ext = in ] && echo Input || echo Output) block"
      elif [ ! -f "$d" ]; then
        echo "statement: Example $i: ${d#"$dir"/} is missing"
      elif ! cmp -s "$tmp/ex_$i.$ext" "$d"; then
        echo "statement: Example $i $( [ $ext = in ] && echo input || echo output) differs from ${d#"$dir"/} ($(first_diff "$tmp/ex_$i.$ext" "$d"))"
      fi
    done
  done
  if [ -d "$dir/include/c" ]; then
    hdr=$dir/include/c/solution.h tpl=$dir/attachments/templates/c/solution.c
    if ! grep -qx "## Function signature" "$tmp/headings" 2>/dev/null; then
      echo "statement: no \"## Function signature\" section (the package has include/c/)"
    elif [ ! -f "$tmp/sig" ]; then
      echo "statement: the Function signature section has no code block"
    elif [ -f "$hdr" ]; then
      sig=$(c_flat "$tmp/sig" | c_decls)
      flat_hdr=$(c_flat "$hdr")
      flat_tpl=$( [ -f "$tpl" ] && c_flat "$tpl")
      while IFS= read -r decl; do
        [ -n "$decl" ] || continue
        case "$flat_hdr" in *"$decl;"*) ;; *) echo "statement: the signature declares \"$decl;\", which is not in include/c/solution.h" ;; esac
        case "$decl" in
          *"("*) case "$flat_tpl" in *"$decl{"* | *"$decl {"*) ;;
                   *) echo "statement: attachments/templates/c/solution.c does not define \"$decl\"" ;; esac ;;
        esac
      done <<<"$sig"
      while IFS= read -r decl; do
        case "$decl" in *"("*) ;; *) continue ;; esac
        grep -qxF -- "$decl" <<<"$sig" || echo "statement: include/c/solution.h declares \"$decl;\", which the signature does not show"
      done < <(printf '%s\n' "$flat_hdr" | c_decls)
    fi
  fi
  tol=$(sed -n 's/.*float_\(absolute_\|relative_\)\{0,1\}tolerance[ \t]\{1,\}\([^ \t#]*\).*/\2/p' "$dir/problem.yaml" | head -n 1)
  if [ -n "$tol" ]; then
    want=$tol
    case "$tol" in 1e-*) want="$tol|10^-${tol#1e-}" ;; esac
    grep -qE -- "$(printf '%s' "$want" | sed 's/[.^]/\\&/g')" "$st" ||
      echo "statement: problem.yaml compares floats with tolerance $tol, which the statement does not state"
  elif grep -qiE 'tolerance|(absolute|relative) error' "$st"; then
    echo "statement: states a float tolerance, but problem.yaml compares answers exactly"
  fi
  tl=$(sed -n 's/^[ \t]*time_limit:[ \t]*\([0-9.]*\).*/\1/p' "$dir/problem.yaml" | head -n 1)
  stl=$(sed -n 's/.*Time limit: \([0-9.]*\) second.*/\1/p' "$st" | head -n 1)
  [ -z "$stl" ] || [ "$stl" = "${tl:-1}" ] ||
    echo "statement: says \"Time limit: $stl second\" but problem.yaml has time_limit ${tl:-1}"
  grep -nwE 'TODO|FIXME|XXX|TBD' "$st" | sed 's/^\([0-9]*\):.*/statement: a leftover note on line \1/'
  rm -rf "$tmp"
}
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
  if [ -n "$why" ]; then fail "$slug${why}"; fi
  lint=$(lint_statement "$dir")
  if [ -n "$lint" ]; then
    while IFS= read -r line; do fail "$slug: $line"; done <<<"$lint"
  elif [ -z "$why" ]; then
    passed=$((passed + 1))
  fi
done
# One `judged verify` per CPU, each over its share of the packages (each judge claims its own
# range of sandbox uids), their reports joined.
parts=$(mktemp -d)
report=$parts/all.json
pkgs=(problems/*/)
jobs=$(nproc 2>/dev/null || echo 1)
pids=()
for ((k = 0; k < jobs; k++)); do
  share=()
  for ((i = k; i < ${#pkgs[@]}; i += jobs)); do share+=("${pkgs[i]}"); done
  [ ${#share[@]} -gt 0 ] || continue
  "$judged" verify --json "${share[@]}" >"$parts/$k.json" 2>"$parts/$k.err" &
  pids+=($!)
done
verified=true
for p in "${pids[@]}"; do wait "$p" || verified=false; done
jq -s '{ok: all(.[]; .ok), problems: [.[].problems[]]}' "$parts"/[0-9]*.json >"$report" || verified=false
if $verified; then
  passed=$((passed + 1)); echo "ok   judged verify: all $count packages"
else
  fail "judged verify:"
  jq -r '.problems[] | select(.ok | not) | .problem + ": " + (.errors | join("; "))' "$report"
  cat "$parts"/*.err | grep -v "sandbox ready" | tail -20
fi
jq -r '.problems[] | .problem + " " + (.slowest_accepted_ms|tostring) + " ms, " + (.warnings|length|tostring) + " warnings"' "$report" 2>/dev/null
rm -rf "$parts"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
