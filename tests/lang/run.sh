#!/usr/bin/env bash
# Languages through the API: GET /api/v1/languages lists every submission language with its
# availability, a language whose toolchain is hidden (JUDGED_HIDE_LANGS, as on a host without the
# package) is listed unavailable and refused with 422 on submit and run, a problem with drivers
# for other languages only refuses with 422 naming the problem, a Python submission is judged,
# and Rust (rustc compiled in the sandbox) judges a stdin/stdout problem, runs a program on custom
# input, reports a compilation error, is refused for a function problem without a Rust driver, and
# judges one with a driver (tests/lang/rust-driver: missing-number's include/rust/main.rs).
# A second judged hides rust (as on a host without rustc): listed unavailable, refused with 422.
# usage: tests/lang/run.sh [JUDGED]   (as root)
set -uo pipefail
cd "$(dirname "$0")/../.."
judged=$(realpath "${1:-build/cli/judged}")
D=$(mktemp -d /tmp/judged-lang-XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid"; rm -rf "$D"; }
trap cleanup EXIT
mkdir -p "$D/problems"
cp -r problems/missing-element "$D/problems/"
cp -r problems/missing-number "$D/problems/"
# missing-number with a Rust driver (include/rust/main.rs, `mod solution;`): a function problem in Rust.
cp -r problems/missing-number "$D/problems/rust-missing-number"
mkdir -p "$D/problems/rust-missing-number/include/rust"
cp tests/lang/rust-driver/main.rs "$D/problems/rust-missing-number/include/rust/"
rm -rf "$D/problems/rust-missing-number/submissions/time_limit_exceeded" # a quicker import
JUDGE_ADMIN_TOKEN=secret JUDGED_HIDE_LANGS=go "$judged" --listen 127.0.0.1:0 --port-file "$D/port" \
  --data "$D/data" --problems "$D/problems" --workers 1 2>"$D/log" &
pid=$!
for _ in $(seq 600); do
  [ -s "$D/port" ] && curl -fs "http://127.0.0.1:$(cat "$D/port")/healthz" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "judged died"; cat "$D/log"; exit 1; }
  sleep 0.5
done
base="http://127.0.0.1:$(cat "$D/port")"
passed=0 failed=0
check() { # NAME, then a command that must succeed
  local name=$1; shift
  if "$@" >/dev/null; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
langs=$(curl -s "$base/api/v1/languages")
check "languages: python available with a version" \
  jq -e '.languages[] | select(.id == "python") | .available and (.version | test("Python 3"))' <<<"$langs"
check "languages: go hidden, so unavailable with a reason" \
  jq -e '.languages[] | select(.id == "go") | (.available | not) and (.reason | test("not available"))' <<<"$langs"
check "languages: each has id, name, version, available, extensions" \
  jq -e '.languages | length >= 6 and all(.[]; (.id|type)=="string" and (.name|type)=="string" and (.version|type)=="string" and (.available|type)=="boolean" and (.extensions|length) > 0)' <<<"$langs"
submit() { # PATH BODY -> status and body in $code $body
  local out
  out=$(curl -s -w '\n%{http_code}' -H 'Authorization: Bearer secret' -H 'Content-Type: application/json' \
    -d "$2" "$base$1")
  code=${out##*$'\n'}
  body=${out%$'\n'*}
}
submit /api/v1/submissions '{"problem":"missing-element","language":"go","source":"package main\nfunc main() {}\n"}'
check "submit in a hidden language -> 422 problem+json naming it" \
  jq -e --arg c "$code" '$c == "422" and (.errors[0].pointer == "/language") and (.errors[0].detail | test("not available"))' <<<"$body"
submit /api/v1/run '{"problem":"missing-element","language":"go","source":"package main\nfunc main() {}\n"}'
check "run in a hidden language -> 422" test "$code" = 422
# missing-number has drivers for C, C++ and Python (include/c, cpp, python), none for Java.
submit /api/v1/submissions '{"problem":"missing-number","language":"java","source":"class Main { public static void main(String[] a) {} }\n"}'
check "submit without the problem's driver for the language -> 422 naming problem and language" \
  jq -e --arg c "$code" '$c == "422" and (.detail == "problem '"'"'missing-number'"'"' has no driver for language '"'"'java'"'"'")' <<<"$body"
src=$(jq -Rs . < <(printf 'import sys\nd = sys.stdin.read().split()\nn = int(d[0])\nprint(sum(map(int, d[1:1+n])) - sum(map(int, d[1+n:])))\n'))
submit '/api/v1/submissions?wait=true' "{\"problem\":\"missing-element\",\"language\":\"python\",\"source\":$src}"
check "a Python submission is judged: AC" jq -e '.verdict == "AC" and .language == "python"' <<<"$body"
check "languages: rust available with rustc's version" \
  jq -e '.languages[] | select(.id == "rust") | .available and (.version | test("^rustc [0-9]")) and (.extensions == [".rs"])' <<<"$langs"
rs=$(jq -Rs . < <(printf 'use std::io::Read;\nfn main() {\n    let mut s = String::new();\n    std::io::stdin().read_to_string(&mut s).unwrap();\n    let v: Vec<i64> = s.split_whitespace().map(|x| x.parse().unwrap()).collect();\n    let n = v[0] as usize;\n    println!("{}", v[1..1 + n].iter().sum::<i64>() - v[1 + n..].iter().sum::<i64>());\n}\n'))
submit '/api/v1/submissions?wait=true' "{\"problem\":\"missing-element\",\"language\":\"rust\",\"source\":$rs}"
check "a Rust submission on a stdin/stdout problem is judged: AC on every test" \
  jq -e '.verdict == "AC" and .language == "rust" and .score == .max_score and (.tests | length) > 2 and all(.tests[]; .verdict == "AC")' <<<"$body"
hello=$(jq -Rs . < <(printf 'fn main() {\n    let mut s = String::new();\n    std::io::stdin().read_line(&mut s).unwrap();\n    println!("hello, {}", s.trim());\n}\n'))
submit /api/v1/run "{\"problem\":\"missing-element\",\"language\":\"rust\",\"source\":$hello,\"input\":\"judge\\n\"}"
check "Run: Rust hello world on custom input" \
  jq -e --arg c "$code" '$c == "200" and .compiled and .stdout == "hello, judge\n" and .verdict == "AC"' <<<"$body"
submit '/api/v1/submissions?wait=true' '{"problem":"missing-element","language":"rust","source":"fn main() { let x: u32 = \"no\"; }\n"}'
check "a Rust type error is CE with rustc's diagnostic" \
  jq -e '.verdict == "CE" and (.compile_output | test("mismatched types"))' <<<"$body"
submit /api/v1/submissions "{\"problem\":\"missing-number\",\"language\":\"rust\",\"source\":$hello}"
check "rust on a function problem without a Rust driver -> 422 naming problem and language" \
  jq -e --arg c "$code" '$c == "422" and (.detail == "problem '"'"'missing-number'"'"' has no driver for language '"'"'rust'"'"'")' <<<"$body"
for f in solution:AC wrong:WA; do
  src=$(jq -Rs . <"tests/lang/rust-driver/${f%%:*}.rs")
  submit '/api/v1/submissions?wait=true' "{\"problem\":\"rust-missing-number\",\"language\":\"rust\",\"source\":$src}"
  check "rust through the problem's Rust driver (include/rust/main.rs): ${f%%:*}.rs is ${f##*:}" \
    jq -e --arg v "${f##*:}" '.verdict == $v and .language == "rust"' <<<"$body"
done
kill "$pid" && wait "$pid"
pid=
# The same judge on a host without rustc: JUDGED_HIDE_LANGS makes the toolchain count as missing.
rm -f "$D/port"
JUDGE_ADMIN_TOKEN=secret JUDGED_HIDE_LANGS=rust "$judged" --listen 127.0.0.1:0 --port-file "$D/port" \
  --data "$D/data2" --workers 1 2>"$D/log2" &
pid=$!
for _ in $(seq 600); do
  [ -s "$D/port" ] && curl -fs "http://127.0.0.1:$(cat "$D/port")/healthz" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "judged died"; cat "$D/log2"; exit 1; }
  sleep 0.5
done
base="http://127.0.0.1:$(cat "$D/port")"
langs=$(curl -s "$base/api/v1/languages")
check "languages: without rustc, rust is unavailable with a reason naming its toolchain" \
  jq -e '.languages[] | select(.id == "rust") | (.available | not) and .version == "" and (.reason | test("not available") and test("/usr/bin/rustc"))' <<<"$langs"
check "languages: without rustc, the others stay available" \
  jq -e '.languages[] | select(.id == "c") | .available' <<<"$langs"
submit /api/v1/run "{\"problem\":\"missing-element\",\"language\":\"rust\",\"source\":$hello}"
check "without rustc, a Rust run -> 422 naming the language" \
  jq -e --arg c "$code" '$c == "422" and (.errors[0].pointer == "/language") and (.errors[0].detail | test("rust.*not available"))' <<<"$body"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
