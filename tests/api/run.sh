#!/usr/bin/env bash
# End-to-end tests of the HTTP API (issue 4): every endpoint and every error path, against the
# real judged on an ephemeral loopback port, each group with a fresh data folder. Prints one line
# per case and, last, "N passed, M failed"; exits non-zero on any failure. Needs root (the sandbox).
#
#   tests/api/run.sh [build/cli/judged [GROUP...]]
#
# GROUP is one of the g_* functions below without its prefix (problems import auth submissions
# hidden http retention remote_results rates queue fair fair_runs fair_streams crash sigterm
# team_ui); all of them by default. About 150 s in all.

# The Debian packages this suite needs (besides what builds judged).
DEBIAN_PACKAGES="bash coreutils findutils mawk curl jq sqlite3 python3 zip tar gzip"

set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
ROOT=$PWD
JUDGED=$(realpath "${1:-build/cli/judged}")
shift || true
GROUPS_WANTED=("$@")

missing=()
for tool in curl jq sqlite3 python3 zip tar gzip; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "tests/api: missing ${missing[*]}; install: apt-get install -y $DEBIAN_PACKAGES" >&2
  exit 2
fi
[ -x "$JUDGED" ] || { echo "tests/api: no judged at '$JUDGED'" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "tests/api: run as root (the sandbox needs it)" >&2; exit 2; }

unset JUDGE_ADMIN_TOKEN
WORK=$(mktemp -d /tmp/api-suite.XXXXXX)
export JUDGED WORK
source tests/api/lib.sh
RAW="python3 $ROOT/tests/api/rawhttp.py"
PROG=$ROOT/tests/api/programs
PK=$WORK/pkg
ADM=(-H "Authorization: Bearer secret")
JSON=(-H "Content-Type: application/json")
ZIP=(-H "Content-Type: application/zip")
GZ=(-H "Content-Type: application/gzip")

finish() {
  local rc=$?
  lib_cleanup
  if [ "$FAILED" -eq 0 ] && [ $rc -eq 0 ]; then rm -rf "$WORK"; else echo "logs kept in $WORK"; fi
}
trap finish EXIT
trap 'exit 130' INT TERM

### Packages ###

# A unique secret test: its numbers must never appear in what the API shows.
SECRET_A=918273645
SECRET_B=102938475
SECRET_SUM=1021212120

make_packages() {
  mkdir -p "$PK"
  local base=$PK/base
  cp -r tests/packages/sum-groups "$base"
  echo "$SECRET_A $SECRET_B" >"$base/data/secret/group2/3.in"
  echo "$SECRET_SUM" >"$base/data/secret/group2/3.ans"
  (cd "$base" && zip -qr ../base.zip . && tar -czf ../base.tar.gz .)

  cp -r "$base" "$PK/v2"
  echo "Version 2 of the statement: VERSION-TWO-MARKER." >>"$PK/v2/statement/problem.en.md"
  (cd "$PK/v2" && zip -qr ../v2.zip .)

  cp -r "$base" "$PK/bad"
  printf 'name: Broken\ntype: nonsense\nlimits:\n  time_limit: -3\n' >"$PK/bad/problem.yaml"
  (cd "$PK/bad" && zip -qr ../bad.zip .)

  # A package whose "accepted" reference submission is wrong.
  cp -r "$base" "$PK/failver"
  cp "$PROG/wa.c" "$PK/failver/submissions/accepted/off_by_one.c"
  (cd "$PK/failver" && zip -qr ../failver.zip .)

  # Time limit 4 s: a sample that spins 2 s stays accepted (the SIGTERM group).
  cp -r "$base" "$PK/slow"
  sed -i 's/time_limit: 1/time_limit: 4/' "$PK/slow/problem.yaml"
  (cd "$PK/slow" && zip -qr ../slow.zip .)

  (cd tests/packages/any-permutation && tar -czf "$PK/perm.tar.gz" .)

  python3 - "$PK" <<'EOF'
import io, sys, tarfile, zipfile
pk = sys.argv[1]
with zipfile.ZipFile(pk + "/dotdot.zip", "w") as z:
    z.writestr("problem.yaml", "name: Escape\n")
    z.writestr("../escape.txt", "outside\n")
with tarfile.open(pk + "/dotdot.tar.gz", "w:gz") as t:
    for name, data in (("problem.yaml", b"name: Escape\n"), ("../escape.txt", b"outside\n")):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
EOF
  printf 'this is not an archive\n' >"$PK/text.bin"
  # A source past the 256 KiB cap (inside a JSON body under the 1 MiB cap).
  { cat "$PROG/ac.c"; printf '/* %s */\n' "$(head -c 300000 /dev/zero | tr '\0' x)"; } >"$PK/huge.c"
}

# put_pkg SLUG FILE [curl options...]: PUT a zip (by extension, else gzip).
put_pkg() {
  local slug=$1 file=$2
  shift 2
  local ct=("${ZIP[@]}")
  [[ $file == *.zip ]] || ct=("${GZ[@]}")
  req PUT "/api/v1/problems/$slug" "${ct[@]}" --data-binary "@$file" "$@"
}

# setup_put SLUG FILE [curl options...]: a PUT the group needs; a failure is a failed case.
setup_put() {
  put_pkg "$@"
  if [ "$ST" != 201 ] && [ "$ST" != 200 ]; then
    tcase "setup: PUT $1 ($(basename "$2"))"
    fail "status $ST: $(short_body)"
    tend
  fi
}

started() {
  if ! "$@"; then
    tcase "$2: judged starts"
    fail "judged did not start (log: $J_LOG)"
    tend
    return 1
  fi
}

# Fails the case unless a submission's JSON (in RB) is done with VERDICT.
want_verdict() {
  want_jq ".status == \"done\" and .verdict == \"$1\"" "status done, verdict $1"
}

### Problems ###

g_problems() {
  local D=$WORK/problems sub1 before
  JUDGE_ADMIN_TOKEN=secret started judged_start problems "$D/data" --workers 1 || return

  tcase "problems: PUT a zip of a new problem -> 201, version 1, verification ok"
  put_pkg sum "$PK/base.zip" "${ADM[@]}"
  want_status 201 && want_jq '.slug == "sum" and .version == 1 and .changed == true and
    .verification.ok == true and (.verification.submissions | length) == 3 and
    all(.verification.submissions[]; .ok and has("path") and has("expected") and has("verdict"))
    and (.warnings | type) == "array"' && want_header Location '/api/v1/problems/sum$'
  tend

  tcase "problems: the same zip again -> 200, version 1, changed false"
  put_pkg sum "$PK/base.zip" "${ADM[@]}"
  want_status 200 && want_jq '.version == 1 and .changed == false and .verification.ok'
  tend

  tcase "problems: the same content as a tar.gz -> 200, unchanged (same content hash)"
  put_pkg sum "$PK/base.tar.gz" "${ADM[@]}"
  want_status 200 && want_jq '.version == 1 and .changed == false'
  tend

  tcase "problems: PUT a tar.gz of a new problem (custom validator) -> 201"
  put_pkg perm "$PK/perm.tar.gz" "${ADM[@]}"
  want_status 201 && want_jq '.slug == "perm" and .version == 1 and .verification.ok'
  tend

  tcase "problems: a submission on version 1 reports problem_version 1"
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  sub1=$(jqb .id)
  want_status 200 && want_verdict AC && want_jq '.problem_version == 1'
  tend

  tcase "problems: changed content -> 200 with version 2"
  put_pkg sum "$PK/v2.zip" "${ADM[@]}"
  want_status 200 && want_jq '.version == 2 and .changed == true and .verification.ok'
  req GET /api/v1/problems/sum
  want_status 200 && want_jq '.version == 2 and (.statement | contains("VERSION-TWO-MARKER"))'
  tend

  tcase "problems: the v1 submission still says problem_version 1 after v2; a new one says 2"
  req GET "/api/v1/submissions/$sub1"
  want_status 200 && want_jq '.problem_version == 1 and .verdict == "AC"'
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  want_status 200 && want_jq '.problem_version == 2'
  tend

  before=$(ls "$D/data/packages" "$D/data/cache" | md5sum)
  tcase "problems: an invalid package -> 422 with errors, and nothing stored"
  put_pkg broken "$PK/bad.zip" "${ADM[@]}"
  want_problem 422 && want_jq '(.errors | length) >= 1 and all(.errors[]; .detail | type == "string")'
  req GET /api/v1/problems/broken "${ADM[@]}"
  want_problem 404
  [ "$(ls "$D/data/packages" "$D/data/cache" | md5sum)" = "$before" ] ||
    fail "data/packages or data/cache changed: $(ls "$D/data/packages")"
  [ -z "$(find "$D/data/tmp" -name 'upload-*' -o -name '.import-*')" ] || fail "leftovers in data/tmp"
  tend

  tcase "problems: failing verification (a wrong 'accepted' submission) -> 422, nothing stored"
  put_pkg failver "$PK/failver.zip" "${ADM[@]}"
  want_problem 422 && want_jq '(.errors | length) >= 1 and any(.errors[]; .detail | test("off_by_one"))
    and .verification.ok == false'
  req GET /api/v1/problems/failver "${ADM[@]}"
  want_problem 404
  [ "$(ls "$D/data/packages" "$D/data/cache" | md5sum)" = "$before" ] ||
    fail "data/packages or data/cache changed: $(ls "$D/data/packages")"
  tend

  tcase "problems: a failing update keeps the current version"
  put_pkg sum "$PK/failver.zip" "${ADM[@]}"
  want_problem 422
  req GET /api/v1/problems/sum
  want_status 200 && want_jq '.version == 2'
  tend

  tcase "problems: a zip with a '..' path -> 422, nothing written outside"
  put_pkg escape "$PK/dotdot.zip" "${ADM[@]}"
  want_problem 422 && want_jq 'any(.errors[]; .detail | test("\\.\\."))'
  tend

  tcase "problems: a tar.gz with a '..' path -> 422, nothing written outside"
  put_pkg escape "$PK/dotdot.tar.gz" "${ADM[@]}"
  want_problem 422 && want_jq '(.errors | length) >= 1'
  [ -z "$(find "$D" "$WORK" -name escape.txt)" ] || fail "escape.txt was written: $(find "$D" "$WORK" -name escape.txt)"
  tend

  tcase "problems: a body that is not an archive -> 422"
  req PUT /api/v1/problems/text "${ADM[@]}" "${ZIP[@]}" --data-binary "@$PK/text.bin"
  want_problem 422 && want_jq '(.errors | length) >= 1'
  tend

  tcase "problems: an empty body -> 422"
  req PUT /api/v1/problems/text "${ADM[@]}" "${ZIP[@]}" --data-binary ''
  want_problem 422
  tend

  tcase "problems: wrong Content-Type -> 415"
  req PUT /api/v1/problems/text "${ADM[@]}" -H 'Content-Type: text/plain' --data-binary "@$PK/base.zip"
  want_problem 415
  req GET /api/v1/problems/text "${ADM[@]}"
  want_status 404
  tend

  tcase "problems: Content-Length past 256 MiB -> 413 from the headers, no body sent"
  local big
  big=$($RAW bighead "$J_PORT" /api/v1/problems/big secret $((256 * 1024 * 1024 + 1)))
  json_true "$big" '.status == 413 and (.content_type | startswith("application/problem+json")) and
    (.body | fromjson | .status == 413 and has("type") and has("title") and has("detail")) and
    .seconds < 5' || fail "answer: $big"
  big=$($RAW bighead "$J_PORT" /api/v1/problems/big wrong-token $((300 * 1024 * 1024)))
  json_true "$big" '.status == 401' || fail "a bad token with a big body: $big"
  tend

  tcase "problems: an invalid slug -> 422"
  put_pkg Not_A_Slug "$PK/base.zip" "${ADM[@]}"
  want_problem 422 && want_jq 'any(.errors[]; .pointer == "/slug")'
  tend

  tcase "problems: GET the list (anonymous) -> both problems with titles"
  req GET /api/v1/problems
  want_status 200 && want_jq '[.problems[].slug] == ["perm", "sum"] and
    all(.problems[]; (.title | length) > 0)'
  tend

  tcase "problems: GET detail -> statement, samples, limits; no secret test data"
  req GET /api/v1/problems/sum
  want_status 200 && want_header Content-Type '^application/json' &&
    want_jq '.slug == "sum" and .title == "Sum of Two" and (.statement | length) > 0 and
    .samples == [{"name": "1", "input": "1 2\n", "answer": "3\n"}] and .limits.time_ms == 1000 and
    .limits.memory_mb == 64 and has("template")'
  if grep -qE "$SECRET_A|$SECRET_B|$SECRET_SUM" "$RB"; then fail "secret test data in the detail"; fi
  req GET /api/v1/problems
  if grep -qE "$SECRET_A|$SECRET_B|$SECRET_SUM" "$RB"; then fail "secret test data in the list"; fi
  tend

  tcase "problems: GET an unknown problem -> 404"
  req GET /api/v1/problems/no-such-problem
  want_problem 404
  tend

  tcase "problems: GET verification (admin) -> the report; anonymous -> 401"
  req GET /api/v1/problems/sum/verification "${ADM[@]}"
  want_status 200 && want_jq '.ok == true and (.submissions | length) == 3 and
    any(.submissions[]; .expected == "wrong_answer" and .verdict == "WA" and .ok)'
  req GET /api/v1/problems/sum/verification
  want_problem 401 && want_header WWW-Authenticate '^Bearer'
  req GET /api/v1/problems/nothing/verification "${ADM[@]}"
  want_problem 404
  tend

  tcase "problems: DELETE -> 204, then 404; the old submission is still readable"
  req DELETE /api/v1/problems/sum "${ADM[@]}"
  want_status 204
  req GET /api/v1/problems/sum
  want_problem 404
  req DELETE /api/v1/problems/sum "${ADM[@]}"
  want_problem 404
  req GET /api/v1/problems
  want_jq '[.problems[].slug] == ["perm"]' "the list no longer has sum"
  req GET "/api/v1/submissions/$sub1"
  want_status 200 && want_jq '.problem == "sum" and .verdict == "AC" and .problem_version == 1'
  req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  want_problem 422
  tend

  tcase "problems: PUT after DELETE -> 201 (new again), the next version; old submissions keep theirs"
  put_pkg sum "$PK/base.zip" "${ADM[@]}"
  want_status 201 && want_jq '.version == 3 and .changed == true'
  req GET /api/v1/problems/sum
  want_status 200 && want_jq '.version == 3'
  req GET "/api/v1/submissions/$sub1"
  want_jq '.problem_version == 1'
  tend

  tcase "problems: DELETE without a token -> 401; an unknown problem -> 404"
  req DELETE /api/v1/problems/perm
  want_problem 401
  req DELETE /api/v1/problems/nothing "${ADM[@]}"
  want_problem 404
  tend

  tcase "routing: a wrong method -> 405 with Allow; an unknown API path -> 404"
  req PATCH /api/v1/problems/perm "${ADM[@]}"
  want_problem 405 && want_header Allow 'PUT'
  req GET /api/v1/nothing-here
  want_problem 404
  tend

  judged_stop
}

### Import at start ###

g_import() {
  local D=$WORK/import first i code
  mkdir -p "$D/problems"
  cp -r tests/packages/sum-groups tests/packages/any-permutation "$D/problems/"
  JUDGE_ADMIN_TOKEN=secret started judged_start import "$D/data" --workers 1 \
    --problems "$D/problems" || return

  tcase "import: /healthz is 503 \"starting\" during the --problems import, then 200"
  req GET /healthz
  first="$ST $(jqb .status)"
  req GET /readyz
  [ "$first" = "503 starting" ] || fail "first /healthz: $first, want 503 starting"
  [ "$ST" = 503 ] || fail "/readyz while starting: $ST, want 503"
  wait_healthy 60 || fail "/healthz never became 200"
  req GET /healthz
  want_status 200 && want_jq '.status == "ok" and .import.done == 2 and .import.total == 2'
  tend

  tcase "import: both packages are listed, version 1, public"
  req GET /api/v1/problems
  want_status 200 && want_jq '[.problems[] | [.slug, .version, .public]] ==
    [["any-permutation", 1, true], ["sum-groups", 1, true]]'
  grep -q "import 'sum-groups': version 1 (new)" "$J_LOG" || fail "no 'version 1 (new)' in the log"
  tend

  tcase "import: a restart on the same data imports nothing new (unchanged)"
  judged_stop
  [ "$J_RC" = 0 ] || fail "SIGTERM exit status $J_RC"
  JUDGE_ADMIN_TOKEN=secret judged_start import2 "$D/data" --workers 1 --problems "$D/problems" &&
    wait_healthy 60 || fail "restart failed"
  grep -q "import 'any-permutation': version 1 (unchanged)" "$J_LOG" ||
    fail "no 'version 1 (unchanged)' in the log"
  req GET /api/v1/problems
  want_jq '[.problems[].version] == [1, 1]'
  tend

  tcase "import: the imported problems judge (AC via ?wait=true)"
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" -d "$(sub_json sum-groups "$PROG/ac.c")"
  want_status 200 && want_verdict AC
  tend
  judged_stop
}

### Auth ###

g_auth() {
  local D=$WORK/auth tok ta tb a b ka sa sb
  started judged_start auth "$D/data" --workers 1 || return

  tcase "auth: without JUDGE_ADMIN_TOKEN a token is generated and printed once on stderr"
  [ "$(grep -c 'generated admin token' "$J_LOG")" = 1 ] || fail "not printed exactly once"
  tok=$(grep 'generated admin token' "$J_LOG" | head -n1 | awk '{print $NF}')
  [ ${#tok} -ge 20 ] || fail "no token in: $(grep 'admin token' "$J_LOG")"
  req GET /api/v1/me -H "Authorization: Bearer $tok"
  want_status 200 && want_jq '.role == "admin"'
  tend
  local T=(-H "Authorization: Bearer $tok")

  tcase "auth: only the generated token's hash is stored (not in any file of the data folder)"
  sqlite3 "$D/data/judged.db" 'PRAGMA wal_checkpoint' >/dev/null 2>&1
  if grep -rqaF -- "$tok" "$D/data"; then fail "the token is in $(grep -rlaF -- "$tok" "$D/data")"; fi
  if grep -rqaF -- "${tok#jd_}" "$D/data"; then fail "the token's base64 is stored"; fi
  [ "$(sqlite3 "$D/data/judged.db" "SELECT count(*) FROM tokens WHERE role = 'admin'")" = 1 ] ||
    fail "not exactly one admin token row"
  tend

  tcase "auth: no token on a token route -> 401 with WWW-Authenticate: Bearer"
  req GET /api/v1/submissions
  want_problem 401 && want_header WWW-Authenticate '^Bearer'
  tend

  tcase "auth: an unknown token -> 401 invalid_token"
  req GET /api/v1/submissions -H 'Authorization: Bearer jd_not-a-real-token'
  want_problem 401 && want_header WWW-Authenticate 'error="invalid_token"'
  req GET /api/v1/problems -H 'Authorization: Bearer jd_not-a-real-token'
  want_problem 401
  tend

  tcase "auth: a malformed Authorization header -> 401 invalid_request"
  req GET /api/v1/me -H 'Authorization: Basic YWRtaW46c2VjcmV0'
  want_problem 401 && want_header WWW-Authenticate 'invalid_request'
  tend

  tcase "auth: the admin creates teams (201; 409 duplicate; 422 no name)"
  req POST /api/v1/teams "${T[@]}" "${JSON[@]}" -d '{"name": "alpha"}'
  want_status 201 && want_jq '.name == "alpha" and (.id | type) == "number"'
  a=$(jqb .id)
  req POST /api/v1/teams "${T[@]}" "${JSON[@]}" -d '{"name": "beta"}'
  want_status 201
  b=$(jqb .id)
  req POST /api/v1/teams "${T[@]}" "${JSON[@]}" -d '{"name": "beta"}'
  want_problem 409
  req POST /api/v1/teams "${T[@]}" "${JSON[@]}" -d '{}'
  want_problem 422 && want_jq 'any(.errors[]; .pointer == "/name")'
  req GET /api/v1/teams "${T[@]}"
  want_status 200 && want_jq '[.teams[].name] == ["alpha", "beta"]'
  tend

  tcase "auth: the admin creates keys (token shown once; listed without it; unknown team 404)"
  req POST "/api/v1/teams/$a/keys" "${T[@]}" "${JSON[@]}" -d '{"name": "laptop"}'
  want_status 201 && want_jq '(.token | startswith("jd_")) and .team_id == '"${a:-0}"
  ta=$(jqb .token) ka=$(jqb .id)
  req POST "/api/v1/teams/$b/keys" "${T[@]}" "${JSON[@]}" -d '{}'
  want_status 201
  tb=$(jqb .token)
  req GET "/api/v1/teams/$a/keys" "${T[@]}"
  want_status 200 && want_jq '(.keys | length) == 1 and (.keys[0] | has("token") | not) and
    .keys[0].revoked_at == null'
  req POST /api/v1/teams/9999/keys "${T[@]}" "${JSON[@]}" -d '{}'
  want_problem 404
  tend
  local TA=(-H "Authorization: Bearer $ta") TB=(-H "Authorization: Bearer $tb")

  tcase "auth: a team token on an admin route -> 403 insufficient_scope"
  req POST /api/v1/teams "${TA[@]}" "${JSON[@]}" -d '{"name": "gamma"}'
  want_problem 403 && want_header WWW-Authenticate 'insufficient_scope'
  req GET /api/v1/teams "${TA[@]}"
  want_problem 403
  req GET /api/v1/me "${TA[@]}"
  want_status 200 && want_jq '.role == "team" and .team == "alpha"'
  tend

  tcase "auth: team A uploads a private problem; the admin a public one"
  put_pkg alpha-sum "$PK/base.zip" "${TA[@]}"
  want_status 201 && want_jq '.public == false'
  put_pkg pub "$PK/base.zip" "${T[@]}"
  want_status 201 && want_jq '.public == true'
  tend

  tcase "auth: team B cannot see team A's private problem (404; not listed; anonymous 404)"
  req GET /api/v1/problems/alpha-sum "${TB[@]}"
  want_problem 404
  req GET /api/v1/problems/alpha-sum/verification "${TB[@]}"
  want_problem 404
  req GET /api/v1/problems "${TB[@]}"
  want_jq '[.problems[].slug] == ["pub"]' "team B lists only pub"
  req GET /api/v1/problems/alpha-sum
  want_problem 404
  req GET /api/v1/problems "${TA[@]}"
  want_jq '[.problems[].slug] == ["alpha-sum", "pub"]' "team A lists its own and pub"
  tend

  tcase "auth: team B cannot replace or delete team A's problem (403/404)"
  put_pkg alpha-sum "$PK/v2.zip" "${TB[@]}"
  want_problem 403 404
  req DELETE /api/v1/problems/alpha-sum "${TB[@]}"
  want_problem 403 404
  req GET /api/v1/problems/alpha-sum "${TA[@]}"
  want_status 200 && want_jq '.version == 1'
  tend

  tcase "auth: a team sees the admin's public problem read-only (PUT/DELETE 403)"
  req GET /api/v1/problems/pub "${TA[@]}"
  want_status 200
  put_pkg pub "$PK/v2.zip" "${TA[@]}"
  want_problem 403
  req DELETE /api/v1/problems/pub "${TA[@]}"
  want_problem 403
  req GET /api/v1/problems/pub/verification "${TA[@]}"
  want_problem 403
  req GET /api/v1/problems/pub
  want_status 200 && want_jq '.version == 1'
  tend

  tcase "auth: only the admin publishes (?public=true with a team token -> 403)"
  req PUT '/api/v1/problems/alpha-two?public=true' "${TA[@]}" "${ZIP[@]}" --data-binary "@$PK/base.zip"
  want_problem 403
  tend

  tcase "auth: private problems: owner submits; team B and anonymous get 422 unknown problem"
  req POST '/api/v1/submissions?wait=true' "${TA[@]}" "${JSON[@]}" -d "$(sub_json alpha-sum "$PROG/ac.c")"
  want_status 200 && want_verdict AC
  sa=$(jqb .id)
  req POST /api/v1/submissions "${TB[@]}" "${JSON[@]}" -d "$(sub_json alpha-sum "$PROG/ac.c")"
  want_problem 422 && want_jq 'any(.errors[]; .pointer == "/problem")'
  req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json alpha-sum "$PROG/ac.c")"
  want_problem 422
  tend

  tcase "auth: a team lists only its own submissions; cannot read another team's"
  req POST '/api/v1/submissions?wait=true' "${TB[@]}" "${JSON[@]}" -d "$(sub_json pub "$PROG/wa.c")"
  want_status 200
  sb=$(jqb .id)
  req GET /api/v1/submissions "${TA[@]}"
  want_status 200 && want_jq "[.submissions[].id] == [\"$sa\"]" "team A sees only $sa"
  req GET /api/v1/submissions "${TB[@]}"
  want_status 200 && want_jq "[.submissions[].id] == [\"$sb\"]" "team B sees only $sb"
  req GET /api/v1/submissions "${T[@]}"
  want_status 200 && want_jq "[.submissions[].id] == [\"$sb\", \"$sa\"]" "the admin sees both"
  req GET "/api/v1/submissions/$sa" "${TB[@]}"
  want_problem 404
  req GET "/api/v1/submissions/$sa/events" "${TB[@]}"
  want_problem 404
  tend

  tcase "auth: rejudge is admin-only (team 403, anonymous 401)"
  req POST "/api/v1/submissions/$sa/rejudge" "${TA[@]}"
  want_problem 403
  req POST "/api/v1/submissions/$sa/rejudge"
  want_problem 401
  tend

  tcase "auth: a revoked key -> 401 (204 on revoke, 404 twice)"
  req DELETE "/api/v1/keys/$ka" "${T[@]}"
  want_status 204
  req GET /api/v1/me "${TA[@]}"
  want_problem 401 && want_header WWW-Authenticate 'invalid_token'
  req DELETE "/api/v1/keys/$ka" "${T[@]}"
  want_problem 404
  req GET "/api/v1/teams/$a/keys" "${T[@]}"
  want_jq '.keys[0].revoked_at != null'
  req GET /api/v1/me "${TB[@]}"
  want_status 200
  tend

  tcase "auth: a team deletes its own problem -> 204"
  put_pkg alpha-tmp "$PK/base.zip" "${TB[@]}"
  want_status 201
  req DELETE /api/v1/problems/alpha-tmp "${TB[@]}"
  want_status 204
  req GET /api/v1/problems/alpha-tmp "${TB[@]}"
  want_problem 404
  tend

  tcase "auth: after a restart no token is generated and the generated one still works"
  judged_stop
  [ "$J_RC" = 0 ] || fail "SIGTERM exit status $J_RC"
  judged_start auth2 "$D/data" --workers 1 && wait_healthy 30 || fail "restart failed"
  if grep -q 'generated admin token' "$J_LOG"; then fail "a second token was generated"; fi
  req GET /api/v1/teams "${T[@]}"
  want_status 200 && want_jq '(.teams | length) == 2'
  req GET /api/v1/me "${TB[@]}"
  want_status 200 && want_jq '.role == "team"'
  req GET /api/v1/me "${TA[@]}"
  want_problem 401
  tend
  judged_stop
}

### Submissions and the Run button ###

g_submissions() {
  local D=$WORK/submissions id ac wa ce ids all pages cursor
  JUDGE_ADMIN_TOKEN=secret started judged_start submissions "$D/data" --workers 2 || return
  setup_put sum "$PK/base.zip" "${ADM[@]}"
  setup_put 'hidden?public=false' "$PK/base.zip" "${ADM[@]}"

  tcase "submissions: anonymous POST (practice mode) -> 202 {id, status} with Location"
  req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  want_status 202 && want_jq '(.id | test("^[0-9a-f]{16,}$")) and .status == "queued"'
  ac=$(jqb .id)
  want_header Location "^/api/v1/submissions/$ac\$"
  tend

  tcase "submissions: GET it until done -> AC, full score, every test listed"
  wait_done "$ac" 60 || fail "not done in 60 s: $(short_body)"
  want_verdict AC && want_jq '.score == .max_score and .max_score == 100 and .problem == "sum" and
    .language == "c" and (.source | contains("long long")) and (.tests | length) == 6 and
    all(.tests[]; has("name") and has("group") and .verdict == "AC") and
    (.tests[0] | has("time_ms") and has("memory_kb")) and .tests[0].name == "sample/1"'
  tend

  tcase "submissions: ?wait=true -> 200 with the final result"
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  want_status 200 && want_verdict AC && want_header Location '^/api/v1/submissions/'
  tend

  tcase "submissions: WA with partial score (int overflow passes group 1 only: 30)"
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" \
    -d "$(sub_json sum tests/packages/sum-groups/submissions/wrong_answer/int.c)"
  want_status 200 && want_verdict WA && want_jq '.score == 30'
  wa=$(jqb .id)
  tend

  tcase "submissions: CE with compile_output"
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" -d "$(sub_json sum "$PROG/ce.c")"
  want_status 200 && want_verdict CE && want_jq '.score == 0 and
    (.compile_output | test("undeclared_name")) and (.compile_output | test("error"))'
  ce=$(jqb .id)
  tend

  tcase "submissions: missing problem, language and source -> 422 naming each"
  req POST /api/v1/submissions "${JSON[@]}" -d '{}'
  want_problem 422 && want_jq '[.errors[].pointer] | sort == ["/language", "/problem", "/source"]'
  tend

  tcase "submissions: unknown language -> 422 /language"
  req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c" cobol)"
  want_problem 422 && want_jq '[.errors[].pointer] == ["/language"]'
  tend

  tcase "submissions: unknown problem -> 422 /problem"
  req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json no-such-problem "$PROG/ac.c")"
  want_problem 422 && want_jq '[.errors[].pointer] == ["/problem"]'
  req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json 'Bad Slug!' "$PROG/ac.c")"
  want_problem 422 && want_jq '[.errors[].pointer] == ["/problem"]'
  tend

  tcase "submissions: empty source -> 422 /source"
  req POST /api/v1/submissions "${JSON[@]}" -d '{"problem": "sum", "language": "c", "source": ""}'
  want_problem 422 && want_jq '[.errors[].pointer] == ["/source"]'
  req POST /api/v1/submissions "${JSON[@]}" -d '{"problem": "sum", "language": "c", "source": " \n\t"}'
  want_problem 422
  req POST /api/v1/submissions "${JSON[@]}" -d '{"problem": "sum", "language": "c", "source": 42}'
  want_problem 422
  tend

  tcase "submissions: a source past 256 KiB -> 413"
  # Through a file: the JSON is larger than one command-line argument may be.
  sub_json sum "$PK/huge.c" >"$WORK/huge.json"
  req POST /api/v1/submissions "${JSON[@]}" --data-binary "@$WORK/huge.json"
  want_problem 413
  req POST /api/v1/run "${JSON[@]}" --data-binary "@$WORK/huge.json"
  want_problem 413
  # A JSON body past 1 MiB is refused from its Content-Length.
  python3 -c 'import json; print(json.dumps({"problem": "sum", "language": "c", "source": "x" * (2 << 20)}))' >"$WORK/big.json"
  req POST /api/v1/submissions "${JSON[@]}" --data-binary "@$WORK/big.json"
  want_problem 413
  tend

  tcase "submissions: malformed JSON -> 400; not an object -> 400"
  req POST /api/v1/submissions "${JSON[@]}" -d '{"problem": "sum", '
  want_problem 400
  req POST /api/v1/submissions "${JSON[@]}" -d '["sum", "c"]'
  want_problem 400
  tend

  tcase "submissions: a private problem is not listed or shown to anonymous clients"
  req GET /api/v1/problems
  want_jq '[.problems[].slug] == ["sum"]'
  req GET /api/v1/problems/hidden
  want_problem 404
  req GET /api/v1/problems "${ADM[@]}"
  want_jq '[.problems[] | [.slug, .public]] == [["hidden", false], ["sum", true]]'
  tend

  tcase "submissions: anonymous on a private problem -> 422 unknown problem; admin -> 202"
  req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json hidden "$PROG/ac.c")"
  want_problem 422 && want_jq '[.errors[].pointer] == ["/problem"]'
  req POST /api/v1/submissions "${ADM[@]}" "${JSON[@]}" -d "$(sub_json hidden "$PROG/ac.c")"
  want_status 202
  tend

  tcase "submissions: GET an unknown id -> 404; its events -> 404"
  req GET /api/v1/submissions/0123456789abcdef0123456789abcdef
  want_problem 404
  req GET /api/v1/submissions/0123456789abcdef0123456789abcdef/events
  want_problem 404
  tend

  tcase "submissions: SSE stream -> status, test (one per test), done"
  req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json sum "$PROG/spin150.c")"
  id=$(jqb .id)
  curl -sN --max-time 60 -D "$WORK/sse.h" "$J_BASE/api/v1/submissions/$id/events" >"$WORK/sse" 2>/dev/null
  grep -qi '^content-type: text/event-stream' "$WORK/sse.h" || fail "not text/event-stream"
  local evs
  evs=$(grep '^event:' "$WORK/sse" | awk '{print $2}' | uniq -c | awk '{print $2 "x" $1}' | tr '\n' ' ')
  [[ $evs =~ ^status ]] || fail "the stream does not start with a status event: $evs"
  [[ $evs =~ testx6\ donex1\ $ ]] || fail "want 6 test events then done: $evs"
  grep '^data:' "$WORK/sse" | tail -n1 | sed 's/^data: //' >"$RB"
  want_jq '.status == "done" and .verdict == "AC" and (.tests | length) == 6' "the done event's data"
  tend

  tcase "submissions: list filters (problem, status, verdict) as admin"
  req GET '/api/v1/submissions?problem=sum' "${ADM[@]}"
  want_status 200 && want_jq '(.submissions | length) >= 5 and all(.submissions[]; .problem == "sum")'
  req GET '/api/v1/submissions?problem=hidden' "${ADM[@]}"
  want_jq '(.submissions | length) == 1 and .submissions[0].problem == "hidden"'
  req GET '/api/v1/submissions?status=done' "${ADM[@]}"
  want_jq '(.submissions | length) >= 5 and all(.submissions[]; .status == "done")'
  req GET '/api/v1/submissions?verdict=WA' "${ADM[@]}"
  want_jq "[.submissions[].id] == [\"$wa\"]" "verdict=WA is exactly the WA one"
  req GET '/api/v1/submissions?verdict=CE&problem=sum' "${ADM[@]}"
  want_jq "[.submissions[].id] == [\"$ce\"]" "verdict=CE is exactly the CE one"
  req GET '/api/v1/submissions?status=bogus' "${ADM[@]}"
  want_problem 422
  req GET '/api/v1/submissions?verdict=XX&limit=0' "${ADM[@]}"
  want_problem 422 && want_jq '(.errors | length) == 2'
  tend

  tcase "submissions: cursor pagination (limit=2) walks every submission once, newest first"
  req GET '/api/v1/submissions?limit=100' "${ADM[@]}"
  all=$(jqb '[.submissions[].id] | join(" ")')
  ids="" pages=0 cursor=""
  while :; do
    req GET "/api/v1/submissions?limit=2${cursor:+&cursor=$cursor}" "${ADM[@]}"
    [ "$ST" = 200 ] || { fail "page $pages: status $ST"; break; }
    pages=$((pages + 1))
    ids="$ids $(jqb '[.submissions[].id] | join(" ")')"
    cursor=$(jqb '.next_cursor // empty')
    [ -n "$cursor" ] && [ $pages -lt 50 ] || break
  done
  ids=$(echo $ids)
  [ "$ids" = "$all" ] || fail "pages give '$ids', the full list '$all'"
  [ $pages -ge 3 ] || fail "only $pages pages"
  tend

  tcase "submissions: rejudge (admin) -> 202, judged again without duplicated tests; unknown 404"
  req POST "/api/v1/submissions/$ac/rejudge" "${ADM[@]}"
  want_status 202 && want_jq ".id == \"$ac\" and .status == \"queued\""
  wait_done "$ac" 60 || fail "not done again in 60 s"
  want_verdict AC && want_jq '(.tests | length) == 6'
  [ "$(sqlite3 "$D/data/judged.db" "SELECT count(*) FROM submission_tests t JOIN submissions s \
    ON s.seq = t.submission_seq WHERE s.id = '$ac'")" = 6 ] || fail "not 6 test rows in the database"
  req POST /api/v1/submissions/0123456789abcdef0123456789abcdef/rejudge "${ADM[@]}"
  want_problem 404
  tend

  tcase "run: samples mode -> the output of each sample"
  req POST /api/v1/run "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  want_status 200 && want_jq '.mode == "samples" and .compiled == true and .verdict == "AC" and
    (.tests | length) == 1 and .tests[0].output == "3\n" and .tests[0].verdict == "AC"'
  req POST /api/v1/run "${JSON[@]}" -d "$(sub_json sum "$PROG/wa.c")"
  want_status 200 && want_jq '.verdict == "WA" and .tests[0].output == "4\n"'
  tend

  tcase "run: custom input mode -> stdout"
  req POST /api/v1/run "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c" | jq '.input = "40 2\n"')"
  want_status 200 && want_jq '.mode == "input" and .compiled == true and .stdout == "42\n" and
    .exit_code == 0'
  tend

  tcase "run: CE -> compiled false with compile_output"
  req POST /api/v1/run "${JSON[@]}" -d "$(sub_json sum "$PROG/ce.c")"
  want_status 200 && want_jq '.compiled == false and .verdict == "CE" and
    (.compile_output | test("undeclared_name"))'
  tend

  tcase "run: unknown problem -> 422; malformed JSON -> 400"
  req POST /api/v1/run "${JSON[@]}" -d "$(sub_json no-such "$PROG/ac.c")"
  want_problem 422
  req POST /api/v1/run "${JSON[@]}" -d 'nope'
  want_problem 400
  tend

  tcase "run: nothing recorded (the submission count does not change)"
  local n
  n=$(sqlite3 "$D/data/judged.db" 'SELECT count(*) FROM submissions')
  req POST /api/v1/run "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  [ "$(sqlite3 "$D/data/judged.db" 'SELECT count(*) FROM submissions')" = "$n" ] ||
    fail "a run was stored as a submission"
  tend

  g_service_checks "$D"
  judged_stop
}

### Health, metrics, access log, the data folder lock ###

# On the submissions server, after its judgements.
g_service_checks() {
  local D=$1 i m
  tcase "service: /healthz -> 200 ok with the sandbox mode; /readyz -> 200"
  req GET /healthz
  want_status 200 && want_jq '.status == "ok" and (.sandbox | length) > 0 and .workers == 2'
  req GET /readyz
  want_status 200 && want_jq '.ready == true'
  tend

  tcase "service: /metrics has queue depth, verdict counters, the histogram, HTTP counts, sandbox mode"
  req GET /metrics
  want_status 200 && want_header Content-Type '^text/plain'
  m=$(cat "$RB")
  for pat in '^judged_queue_depth [0-9]+$' \
    '^judged_judgements_total\{verdict="AC"\} [1-9]' \
    '^judged_judgements_total\{verdict="WA"\} [1-9]' \
    '^judged_judgements_total\{verdict="CE"\} [1-9]' \
    '^# TYPE judged_judging_seconds histogram$' \
    '^judged_judging_seconds_bucket\{le="\+Inf"\} [1-9]' \
    '^judged_judging_seconds_sum [0-9.]+$' '^judged_judging_seconds_count [1-9]' \
    '^judged_http_requests_total\{route="submit",status="202"\} [1-9]' \
    '^judged_http_requests_total\{route="submit",status="422"\} [1-9]' \
    '^judged_sandbox_mode\{mode="[a-z0-9]+"\} 1$'; do
    grep -Eq "$pat" <<<"$m" || fail "no line matching /$pat/"
  done
  tend

  tcase "service: one access-log line per request on stderr"
  for i in 1 2 3; do req GET "/api/v1/problems/log-probe-$i"; done
  req PUT /api/v1/problems/log-probe-put "${ZIP[@]}" --data-binary "@$PK/base.zip"
  # Until the last request's line is written (the log follows the answer), bounded.
  for i in $(seq 1 200); do
    grep -qE '"PUT /api/v1/problems/log-probe-put" 401 ' "$J_LOG" && break
    sleep 0.05
  done
  for i in 1 2 3; do
    [ "$(grep -cE "\"GET /api/v1/problems/log-probe-$i\" 404 " "$J_LOG")" = 1 ] ||
      fail "log-probe-$i: $(grep -c "log-probe-$i" "$J_LOG") lines"
  done
  [ "$(grep -cE '"PUT /api/v1/problems/log-probe-put" 401 ' "$J_LOG")" = 1 ] ||
    fail "the refused PUT is not logged once"
  tend

  tcase "service: /openapi.json is served"
  req GET /openapi.json
  want_status 200 && want_jq '.openapi | startswith("3.")'
  tend

  tcase "data folder lock: a second judged on the same --data exits non-zero with a message"
  local out rc
  out=$(JUDGE_ADMIN_TOKEN=secret timeout 20 "$JUDGED" --listen 127.0.0.1:0 --data "$D/data" 2>&1)
  rc=$?
  [ $rc -ne 0 ] && [ $rc -ne 124 ] || fail "exit status $rc"
  grep -q "in use" <<<"$out" || fail "message: $out"
  req GET /healthz
  want_status 200
  tend
}

### Rate limits ###

g_rates() {
  local D=$WORK/rates i codes team tok n429 retry
  JUDGE_ADMIN_TOKEN=secret started judged_start rates "$D/data" --workers 1 --anon-rate 3 \
    --token-rate 3 || return
  setup_put sum "$PK/base.zip" "${ADM[@]}"
  req POST /api/v1/teams "${ADM[@]}" "${JSON[@]}" -d '{"name": "t"}'
  team=$(jqb .id)
  req POST "/api/v1/teams/$team/keys" "${ADM[@]}" "${JSON[@]}" -d '{}'
  tok=$(jqb .token)

  # The buckets hold per_minute/6 submissions (at least 1), so the 429 may come before the 4th.
  tcase "rates: --anon-rate 3: anonymous submits get 429 with Retry-After by the 4th"
  codes=()
  for i in 1 2 3 4; do
    req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
    codes+=("$ST")
    if [ "$ST" = 429 ]; then
      want_problem 429 && want_header Retry-After '^[1-9][0-9]*$'
      break
    fi
  done
  [ "${codes[0]}" = 202 ] || fail "the first anonymous submit got ${codes[0]}"
  [ "${codes[-1]}" = 429 ] || fail "statuses ${codes[*]}: no 429"
  tend
  echo "       (statuses: ${codes[*]})"

  tcase "rates: --token-rate 3: a team token gets 429 with Retry-After by the 4th"
  codes=()
  for i in 1 2 3 4; do
    req POST /api/v1/submissions -H "Authorization: Bearer $tok" "${JSON[@]}" \
      -d "$(sub_json sum "$PROG/ac.c")"
    codes+=("$ST")
    if [ "$ST" = 429 ]; then
      want_problem 429 && want_header Retry-After '^[1-9][0-9]*$'
      break
    fi
  done
  [ "${codes[0]}" = 202 ] || fail "the first team submit got ${codes[0]} (the anonymous limit leaked?)"
  [ "${codes[-1]}" = 429 ] || fail "statuses ${codes[*]}: no 429"
  tend
  echo "       (statuses: ${codes[*]})"

  tcase "rates: the admin token is not limited"
  for i in 1 2 3 4 5; do
    req POST /api/v1/submissions "${ADM[@]}" "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
    [ "$ST" = 202 ] || fail "admin submit $i: $ST"
  done
  tend
  judged_stop

  JUDGE_ADMIN_TOKEN=secret started judged_start rates-read "$D/read-data" --workers 1 \
    --read-rate 1 || return
  tcase "rates: --read-rate 1: anonymous GETs past the rate -> 429 with Retry-After"
  # Twelve GETs at once: the bucket (burst 2, 1 a second) cannot refill between them however
  # slow this machine is, so most must be refused; sequential requests would race the refill.
  n429=0 retry=""
  local pids=()
  for i in $(seq 12); do
    curl -s -o /dev/null -D "$D/read-h$i" -w '%{http_code}' "$J_BASE/api/v1/problems" >"$D/read-c$i" &
    pids+=($!)
  done
  wait "${pids[@]}" # only the curls: judged is a child of this shell too
  for i in $(seq 12); do
    if [ "$(cat "$D/read-c$i")" = 429 ]; then
      n429=$((n429 + 1))
      retry=$(sed -n 's/^[Rr]etry-[Aa]fter: *\([0-9]*\).*/\1/p' "$D/read-h$i")
    fi
  done
  [ $n429 -ge 4 ] || fail "$n429 of 12 simultaneous anonymous GETs got 429"
  [[ $retry =~ ^[1-9][0-9]*$ ]] || fail "Retry-After '$retry'"
  req GET /api/v1/problems "${ADM[@]}"
  want_status 200
  tend
  judged_stop
}

### Bounded queue ###

g_queue() {
  local D=$WORK/queue
  JUDGE_ADMIN_TOKEN=secret started judged_start queue "$D/data" --workers 0 --queue-max 2 || return
  setup_put sum "$PK/base.zip" "${ADM[@]}"

  tcase "queue: --workers 0 --queue-max 2: the third submit -> 503 with Retry-After"
  req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  want_status 202
  req POST /api/v1/submissions "${ADM[@]}" "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  want_status 202
  req POST /api/v1/submissions "${ADM[@]}" "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  want_problem 503 && want_header Retry-After '^[1-9][0-9]*$'
  tend

  tcase "queue: when full /readyz -> 503, /healthz stays 200, metrics show depth 2"
  req GET /readyz
  want_status 503 && want_jq '.ready == false and .queue == 2 and .queue_max == 2'
  req GET /healthz
  want_status 200 && want_jq '.queue == 2'
  req GET /metrics
  grep -q '^judged_queue_depth 2$' "$RB" || fail "judged_queue_depth is not 2"
  tend

  tcase "queue: rejudge of a submission not judged yet -> 409"
  req GET '/api/v1/submissions?status=queued' "${ADM[@]}"
  req POST "/api/v1/submissions/$(jqb '.submissions[0].id')/rejudge" "${ADM[@]}"
  want_problem 409
  tend

  tcase "queue: still full: ?wait=true -> 503 at once, not a wait"
  req POST '/api/v1/submissions?wait=true&timeout=1' "${ADM[@]}" "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  want_problem 503
  tend
  judged_stop
}

### Fairness across clients (issue 13) ###

# status_of ID [curl options...]: the submission's status ("" when it cannot be read).
status_of() {
  req GET "/api/v1/submissions/$1" "${@:2}"
  [ "$ST" = 200 ] && jqb .status
}

g_fair() {
  local D=$WORK/fair ids=() id i n0 n1 s wtok order fin
  # Another client: the same loopback, another source address (Linux routes all of 127/8 here).
  local OTHER=(--interface 127.0.0.2)
  JUDGE_ADMIN_TOKEN=secret started judged_start fair "$D/data" --workers 1 \
    --queue-per-client 8 --anon-rate 1000 || return
  setup_put sum "$PK/base.zip" "${ADM[@]}"

  tcase "fair: one address queues 8 slow submissions (its cap: 8)"
  for i in 1 2 3 4 5 6 7 8; do
    req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json sum "$PROG/nap_ac.c")"
    want_status 202 || break
    ids+=("$(jqb .id)")
  done
  tend

  tcase "fair: a stranger's quick submission is judged next, before the first address's others"
  # The worker holds the first one; then the stranger submits.
  for ((i = 0; i < 600; i++)); do
    s=$(status_of "${ids[0]}")
    [ "$s" != queued ] && break
    sleep 0.1
  done
  req POST /api/v1/submissions "${OTHER[@]}" "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  want_status 202
  id=$(jqb .id)
  # How many of the first address's had left the queue when the stranger's arrived.
  n0=0
  for i in "${ids[@]}"; do [ "$(status_of "$i")" != queued ] && n0=$((n0 + 1)); done
  [ "$n0" -lt 8 ] || fail "all 8 had left the queue before the stranger submitted: nothing to see"
  wait_done "$id" 120 "${OTHER[@]}" || fail "the stranger's submission is not done"
  want_verdict AC
  fin=$(jqb .finished_at)
  # Judged before it: those of the first address finished before it (one worker, one at a time).
  n1=0
  for i in "${ids[@]}"; do
    req GET "/api/v1/submissions/$i"
    json_true "$(body)" ".status == \"done\" and .finished_at < $fin" && n1=$((n1 + 1))
  done
  [ "$n1" -le "$n0" ] ||
    fail "$((n1 - n0)) more of the first address's were judged before the stranger's ($n0 -> $n1)"
  tend

  judged_stop

  # Remote workers claim through the same fair pick; with no local worker the order is exact.
  D=$WORK/fair-remote
  ids=()
  JUDGE_ADMIN_TOKEN=secret started judged_start fair-remote "$D/data" --workers 0 \
    --queue-per-client 3 --anon-rate 1000 || return
  setup_put sum "$PK/base.zip" "${ADM[@]}"
  req POST /api/v1/workers/tokens "${ADM[@]}" "${JSON[@]}" -d '{"name": "fair"}'
  wtok=$(jqb .token)

  # Nothing is judged here (no worker): the queue holds still.
  tcase "fair: --queue-per-client 3: an address's 4th queued submission -> 429 with Retry-After"
  for i in 1 2 3; do
    req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
    want_status 202
    ids+=("A$i=$(jqb .id)")
  done
  req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  want_problem 429 && want_header Retry-After '^[1-9][0-9]*$' &&
    want_jq '.detail | test("3 submissions queued")' "the detail names the cap"
  tend

  tcase "fair: the cap is per client: another address and the admin still submit"
  req POST /api/v1/submissions "${OTHER[@]}" "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  want_status 202
  ids+=("B1=$(jqb .id)")
  for i in 1 2 3 4; do
    req POST /api/v1/submissions "${ADM[@]}" "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
    want_status 202 || break
  done
  tend

  tcase "fair: remote claims go round robin: A1, B1, A2, A3, not A1, A2, A3, B1"
  order=""
  for i in 1 2 3 4; do
    req POST /api/v1/worker/claim -H "Authorization: Bearer $wtok"
    want_status 200 || break
    id=$(jqb .job.submission)
    for s in "${ids[@]}"; do [ "${s#*=}" = "$id" ] && order+="${s%%=*} "; done
  done
  [ "$order" = "A1 B1 A2 A3 " ] || fail "claimed in the order '$order'"
  tend
  judged_stop
}

### Fair Runs and imports (issue 13) ###

# A sum-groups whose limits make a sleeping Run outlast the 15 s a Run waits for a sandbox, and
# packages whose input validator sleeps: one under a 1 s validation_time, one past the budget.
make_fair_packages() {
  cp -r "$PK/base" "$PK/longtl"
  sed -i 's/time_limit: 1/time_limit: 8/' "$PK/longtl/problem.yaml"
  (cd "$PK/longtl" && zip -qr ../longtl.zip .)
  local v
  for v in valtime budget; do
    cp -r "$PK/base" "$PK/$v"
    mkdir -p "$PK/$v/input_validators/sleepy"
    cp "$PROG/sleeper.c" "$PK/$v/input_validators/sleepy/validator.c"
  done
  printf '  validation_time: 1\n' >>"$PK/valtime/problem.yaml"
  printf '  validation_time: 2\n' >>"$PK/budget/problem.yaml"
  (cd "$PK/valtime" && zip -qr ../valtime.zip .)
  (cd "$PK/budget" && zip -qr ../budget.zip .)
}

g_fair_runs() {
  local D=$WORK/fair-runs i n pids=() codes f
  local OTHER=(--interface 127.0.0.2)
  make_fair_packages
  JUDGE_ADMIN_TOKEN=secret started judged_start fair-runs "$D/data" --workers 0 \
    --anon-rate 1000 || return
  setup_put sum "$PK/longtl.zip" "${ADM[@]}"

  tcase "fair runs: 8 sleeping Runs from one address: 6 -> 429 at once (2 in flight at most)"
  for i in 1 2 3 4 5 6 7 8; do
    curl -s -o "$WORK/run$i.body" -w '%{http_code}' --max-time 120 -X POST "${JSON[@]}" \
      -d "$(sub_json sum "$PROG/sleeper.c" | jq '.input = "1 2\n"')" "$J_BASE/api/v1/run" \
      >"$WORK/run$i.code" 2>/dev/null &
    pids+=($!)
  done
  for ((n = 0, i = 0; i < 600 && n < 6; i++)); do
    n=0
    for f in "$WORK"/run?.code; do [ -f "$f" ] && [ "$(<"$f")" = 429 ] && n=$((n + 1)); done
    [ "$n" -ge 6 ] || sleep 0.1
  done
  [ "$n" = 6 ] || fail "$n of 8 were refused with 429, want 6"
  for f in "$WORK"/run?.code; do
    if [ "$(cat "$f")" = 429 ]; then
      jq -e '.status == 429 and (.detail | test("runs going or waiting"))' \
        "${f%.code}.body" >/dev/null || fail "$(basename "$f"): $(head -c 200 "${f%.code}.body")"
    fi
  done
  tend

  # Its sleeping Run holds one of the two slots for 17 s (2 x 8 s + 1); the other stays free.
  tcase "fair runs: meanwhile a stranger's Run answers 200, while the first address's still sleeps"
  req POST /api/v1/run "${OTHER[@]}" "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  want_status 200 && want_jq '.verdict == "AC"'
  codes=0
  for i in "${!pids[@]}"; do kill -0 "${pids[$i]}" 2>/dev/null && codes=$((codes + 1)); done
  [ "$codes" -ge 1 ] || fail "the first address's sleeping Run had answered already: nothing shown"
  tend
  for i in "${pids[@]}"; do kill "$i" 2>/dev/null; done
  wait "${pids[@]}" 2>/dev/null

  tcase "fair imports: an input validator gets the package's validation_time (1 s), not a minute"
  put_pkg sleepy "$PK/valtime.zip" "${ADM[@]}"
  want_problem 422 && want_jq '[.errors[].detail | test("validation_time \\(1 s\\)")] | any' \
    "an error names the validation_time"
  tend

  judged_stop

  JUDGE_ADMIN_TOKEN=secret started judged_start fair-budget "$WORK/fair-budget/data" \
    --workers 0 --import-budget 3 || return
  tcase "fair imports: verification past --import-budget 3 -> 422 naming the budget"
  put_pkg sleepy "$PK/budget.zip" "${ADM[@]}"
  want_problem 422 && want_jq '.detail | test("import budget of 3 s")'
  req GET /api/v1/problems/sleepy "${ADM[@]}"
  want_status 404
  tend
  judged_stop
}

### Event streams: idle timeout and a cap per client (issue 13) ###

g_fair_streams() {
  local D=$WORK/fair-streams id rc i p1 p2 OTHER=(--interface 127.0.0.2)
  JUDGE_ADMIN_TOKEN=secret started judged_start fair-streams "$D/data" --workers 0 \
    --conn-timeout 2 --streams-per-client 2 || return
  setup_put sum "$PK/base.zip" "${ADM[@]}"
  req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  id=$(jqb .id)

  # Nothing judges it (no worker): the stream has nothing to say but keep-alives.
  tcase "fair streams: a stream with nothing but keep-alives ends after --conn-timeout"
  curl -sN --max-time 40 -o "$WORK/idle.sse" "$J_BASE/api/v1/submissions/$id/events"
  rc=$?
  [ "$rc" = 0 ] || fail "curl ended with $rc (28: still open after 40 s)"
  grep -q '^event: status' "$WORK/idle.sse" || fail "no status event first: $(head -c 200 "$WORK/idle.sse")"
  tend

  tcase "fair streams: a third stream of one client -> 429 problem+json with Retry-After"
  curl -sN --max-time 60 -o "$WORK/s1.sse" "$J_BASE/api/v1/submissions/$id/events" &
  p1=$!
  curl -sN --max-time 60 -o "$WORK/s2.sse" "$J_BASE/api/v1/submissions/$id/events" &
  p2=$!
  # Both are open once each has its first event.
  for ((i = 0; i < 300; i++)); do
    grep -q '^event: status' "$WORK/s1.sse" 2>/dev/null &&
      grep -q '^event: status' "$WORK/s2.sse" 2>/dev/null && break
    sleep 0.05
  done
  req GET "/api/v1/submissions/$id/events"
  want_problem 429 && want_header Retry-After '^[1-9][0-9]*$' &&
    want_jq '.detail | test("2 event streams open")'
  tend

  tcase "fair streams: meanwhile another client's stream opens"
  curl -sN --max-time 20 -o "$WORK/s3.sse" "${OTHER[@]}" "$J_BASE/api/v1/submissions/$id/events"
  grep -q '^event: status' "$WORK/s3.sse" || fail "no event: $(head -c 200 "$WORK/s3.sse")"
  tend
  kill "$p1" "$p2" 2>/dev/null
  wait "$p1" "$p2" 2>/dev/null
  judged_stop
}

### Crash recovery ###

g_crash() {
  local D=$WORK/crash ids=() id i done_n running_n state src n status v seq c dc mx
  JUDGE_ADMIN_TOKEN=secret started judged_start crash "$D/data" --workers 1 || return
  setup_put sum "$PK/base.zip" "${ADM[@]}"
  for i in $(seq 1 20); do
    src=$PROG/spin50.c
    [ $((i % 5)) = 0 ] && src=tests/packages/sum-groups/submissions/wrong_answer/int.c
    req POST /api/v1/submissions "${ADM[@]}" "${JSON[@]}" -d "$(sub_json sum "$src")"
    [ "$ST" = 202 ] && ids+=("$(jqb .id)")
  done

  tcase "crash: kill -9 while judging, restart: every accepted submission is done exactly once"
  [ ${#ids[@]} = 20 ] || fail "only ${#ids[@]} of 20 submits answered 202"
  local db=$D/data/judged.db
  for i in $(seq 1 300); do
    state=$(sqlite3 "$db" "SELECT sum(status = 'done'), sum(status = 'compiling') FROM submissions")
    done_n=${state%|*} running_n=${state#*|}
    [ "${done_n:-0}" -ge 3 ] && [ "${running_n:-0}" -ge 1 ] && break
    sleep 0.05
  done
  judged_stop KILL
  state=$(sqlite3 "$db" "SELECT sum(status = 'done'), sum(status = 'compiling'), sum(status = 'queued') FROM submissions")
  local at_kill=$state
  [ "${state#*|}" != "0|0" ] || fail "nothing was left to recover: $state"
  JUDGE_ADMIN_TOKEN=secret judged_start crash2 "$D/data" --workers 2 && wait_healthy 30 ||
    fail "restart failed"
  [ "${running_n:-0}" -ge 1 ] && ! grep -q 'interrupted judgement' "$J_LOG" &&
    fail "the restart did not report interrupted judgements"
  for i in $(seq 1 600); do
    [ "$(sqlite3 "$db" "SELECT count(*) FROM submissions WHERE status != 'done'")" = 0 ] && break
    sleep 0.1
  done
  [ "$(sqlite3 "$db" 'SELECT count(*) FROM submissions')" = 20 ] || fail "not 20 rows"
  local bad=""
  for id in "${ids[@]}"; do
    state=$(sqlite3 "$db" "SELECT count(*), max(status), max(verdict), max(seq) FROM submissions WHERE id = '$id'")
    IFS='|' read -r n status v seq <<<"$state"
    [ "$n" = 1 ] && [ "$status" = "done" ] || { bad="$bad $id:$state"; continue; }
    # Tests: no duplicates, indexes 0..n-1, and all 6 for an accepted one.
    state=$(sqlite3 "$db" "SELECT count(*), count(DISTINCT idx), coalesce(max(idx) + 1, 0) \
      FROM submission_tests WHERE submission_seq = $seq")
    IFS='|' read -r c dc mx <<<"$state"
    [ "$c" = "$dc" ] && [ "$c" = "$mx" ] || bad="$bad $id:tests($state)"
    [ "$v" != AC ] || [ "$c" = 6 ] || bad="$bad $id:AC-with-$c-tests"
    [ "$v" = AC ] || [ "$v" = WA ] || bad="$bad $id:verdict-$v"
  done
  [ -z "$bad" ] || fail "bad rows:$bad"
  [ "$(sqlite3 "$db" "SELECT count(*) FROM submissions WHERE verdict = 'WA'")" = 4 ] ||
    fail "not 4 WA (the int.c ones)"
  req GET "/api/v1/submissions/${ids[0]:-none}"
  want_verdict AC
  tend
  echo "       (at kill -9: done|judging|queued = ${at_kill:-?})"
  judged_stop
}

### SIGTERM ###

g_sigterm() {
  local D=$WORK/sigterm s1 s2 i out t0 t1 st in content held=""
  JUDGE_ADMIN_TOKEN=secret started judged_start sigterm "$D/data" --workers 1 || return
  setup_put slow "$PK/slow.zip" "${ADM[@]}"
  # The judgement is held in flight by state, whatever the machine's speed: the input of the
  # first hidden test, in judged's package store, becomes a FIFO this script controls. judged
  # blocks opening it (no time limit runs then) until the script writes the input, after the
  # shutdown has been seen; cancelled between tests, the submission then goes back to the queue.
  in=$(ls "$D"/data/packages/*/data/secret/group1/1.in 2>/dev/null | head -n 1)
  content=$(cat "$in" 2>/dev/null)
  [ -n "$content" ] && rm -f "$in" && mkfifo -m 0644 "$in" || in=""
  req POST /api/v1/submissions "${ADM[@]}" "${JSON[@]}" -d "$(sub_json slow "$PROG/slow_sample.c")"
  s1=$(jqb .id)
  req POST /api/v1/submissions "${ADM[@]}" "${JSON[@]}" -d "$(sub_json slow "$PROG/ac.c")"
  s2=$(jqb .id)
  # Until a thread of judged waits for the FIFO's writer (bounded: compiling may be slow).
  for i in $(seq 1 2400); do
    [ -n "$in" ] || break
    grep -qx wait_for_partner /proc/"$J_PID"/task/*/wchan 2>/dev/null && held=1 && break
    sleep 0.05
  done
  req GET "/api/v1/submissions/$s1"

  tcase "sigterm: requests during shutdown get 503 (new connections are refused or 503)"
  [ -n "$in" ] || fail "no input of the first hidden test in $D/data/packages to hold the judgement with"
  [ -n "$held" ] || fail "judged never opened the held input: $(short_body)"
  [ "$(jqb .status)" = running ] || fail "the submission is not running: $(short_body)"
  out=$($RAW shutdown "$J_PORT" "$J_PID")
  t0=$(jq -r '.sent_at // empty' <<<"$out" 2>/dev/null)
  t0=${t0:-$(date +%s.%N)}
  # Let the judgement go: the test runs (the shutdown waits for it), then the submission is
  # put back in the queue. The store gets its file back for the restart.
  [ -n "$in" ] && printf '%s\n' "$content" >"$in"
  json_true "$out" '.before.status == 200' || fail "before: $out"
  json_true "$out" '.during.status == 503 and (.during.content_type | startswith("application/problem+json"))
    and (.during.retry_after | length) > 0' || fail "during: $out"
  json_true "$out" '.fresh.status == 503 or (.fresh.error | test("Refused|reset|closed"; "i"))' || fail "a new connection: $out"
  tend

  tcase "sigterm: judged exits 0 within 10 s"
  judged_stop TERM
  t1=$(date +%s.%N)
  [ -n "$in" ] && rm -f "$in" && printf '%s\n' "$content" >"$in"
  [ "$J_RC" = 0 ] || fail "exit status $J_RC"
  python3 -c "import sys; sys.exit(0 if $t1 - $t0 < 10 else 1)" || fail "took $(python3 -c "print(round($t1 - $t0, 1))") s"
  grep -q 'judged: stopped' "$J_LOG" || fail "no 'stopped' in the log"
  tend

  tcase "sigterm: the in-flight submission is back in the queue, with no tests recorded"
  st=$(sqlite3 "$D/data/judged.db" "SELECT status FROM submissions WHERE id = '$s1'")
  [ "$st" = queued ] || fail "$s1 is '$st'"
  st=$(sqlite3 "$D/data/judged.db" "SELECT status FROM submissions WHERE id = '$s2'")
  [ "$st" = queued ] || fail "the waiting one is '$st'"
  [ "$(sqlite3 "$D/data/judged.db" 'SELECT count(*) FROM submission_tests')" = 0 ] ||
    fail "test rows were recorded"
  tend

  tcase "sigterm: after a restart both are judged (AC)"
  JUDGE_ADMIN_TOKEN=secret judged_start sigterm2 "$D/data" --workers 1 && wait_healthy 30 ||
    fail "restart failed"
  wait_done "$s1" 60 || fail "$s1 not done"
  want_verdict AC && want_jq '(.tests | length) == 6'
  wait_done "$s2" 60 || fail "$s2 not done"
  want_verdict AC
  tend
  judged_stop
}

### Figures of hidden tests (issue 13) ###

# jq: a hidden test (not under sample/) says its verdict and nothing else.
JQ_HIDDEN_CLEAN='all(.tests[] | select(.name | startswith("sample/") | not);
  (keys - ["index", "name", "group", "verdict"]) == [])'
# jq: the submission's figures are the samples' (the largest of them).
JQ_SAMPLE_FIGURES='([.tests[] | select(.name | startswith("sample/"))] | (map(.time_ms) | max) as $t |
  (map(.memory_kb) | max) as $m | $t != null and $m != null) as $ok |
  $ok and .time_ms == ([.tests[] | select(.name | startswith("sample/")) | .time_ms] | max) and
  .memory_kb == ([.tests[] | select(.name | startswith("sample/")) | .memory_kb] | max)'
# jq: the full view: every test has its figures, a hidden WA its message, the submission 24 MiB.
JQ_FULL='all(.tests[]; has("time_ms") and has("memory_kb")) and .memory_kb > 20000 and
  any(.tests[]; (.name | startswith("sample/") | not) and .verdict == "WA" and has("message"))'

# want_sse_clean FILE: every test and done event of an event stream keeps the rule.
want_sse_clean() {
  local f=$1 line n=0
  grep -q '^event: done' "$f" || fail "no done event in the stream"
  while IFS= read -r line; do
    n=$((n + 1))
    jq -e 'if has("tests") then ('"$JQ_HIDDEN_CLEAN"') and ('"$JQ_SAMPLE_FIGURES"')
      elif has("verdict") and has("name") then
        (.name | startswith("sample/")) or ((keys - ["index", "name", "group", "verdict"]) == [])
      else true end' <<<"$line" >/dev/null ||
      fail "event leaks a hidden figure: ${line:0:200}"
  done < <(sed -n 's/^data: //p' "$f")
  [ "$n" -ge 7 ] || fail "only $n events"
}

g_hidden() {
  local D=$WORK/hidden anon own other a b TA TB
  JUDGE_ADMIN_TOKEN=secret started judged_start hidden "$D/data" --workers 2 || return
  setup_put sum "$PK/base.zip" "${ADM[@]}"
  req POST /api/v1/teams "${ADM[@]}" "${JSON[@]}" -d '{"name": "owners"}'
  a=$(jqb .id)
  req POST /api/v1/teams "${ADM[@]}" "${JSON[@]}" -d '{"name": "others"}'
  b=$(jqb .id)
  req POST "/api/v1/teams/$a/keys" "${ADM[@]}" "${JSON[@]}" -d '{}'
  TA=(-H "Authorization: Bearer $(jqb .token)")
  req POST "/api/v1/teams/$b/keys" "${ADM[@]}" "${JSON[@]}" -d '{}'
  TB=(-H "Authorization: Bearer $(jqb .token)")
  setup_put mine "$PK/base.zip" "${TA[@]}"
  # Only the admin publishes; the problem stays team A's.
  setup_put 'mine?public=true' "$PK/base.zip" "${ADM[@]}"

  tcase "hidden: anonymous ?wait=true: hidden tests show their verdict only, figures of the sample"
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" -d "$(sub_json sum "$PROG/mem_hidden.c")"
  anon=$(jqb .id)
  want_status 200 && want_verdict WA && want_jq "$JQ_HIDDEN_CLEAN" "hidden tests clean" &&
    want_jq "$JQ_SAMPLE_FIGURES" "figures of the sample" && want_jq '.memory_kb < 20000' &&
    want_jq '(.tests | length) == 6 and any(.tests[]; .verdict == "WA")'
  tend

  tcase "hidden: anonymous GET of it: the same"
  req GET "/api/v1/submissions/$anon"
  want_status 200 && want_jq "$JQ_HIDDEN_CLEAN" "hidden tests clean" &&
    want_jq "$JQ_SAMPLE_FIGURES" "figures of the sample"
  tend

  tcase "hidden: anonymous event stream of it: every test and done event the same"
  curl -sS --max-time 20 "$J_BASE/api/v1/submissions/$anon/events" >"$WORK/hidden-sse" 2>/dev/null
  want_sse_clean "$WORK/hidden-sse"
  tend

  tcase "hidden: the admin sees every figure and message of the same submission"
  req GET "/api/v1/submissions/$anon" "${ADM[@]}"
  want_status 200 && want_jq "$JQ_FULL" "every figure"
  tend

  tcase "hidden: another team, on the admin's problem: GET, ?wait, list and events keep the rule"
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" "${TB[@]}" \
    -d "$(sub_json sum "$PROG/mem_hidden.c")"
  other=$(jqb .id)
  want_status 200 && want_jq "$JQ_HIDDEN_CLEAN" "?wait hidden clean" &&
    want_jq "$JQ_SAMPLE_FIGURES" "?wait figures of the sample"
  req GET "/api/v1/submissions/$other" "${TB[@]}"
  want_jq "$JQ_HIDDEN_CLEAN" "GET hidden clean" && want_jq "$JQ_SAMPLE_FIGURES" "GET figures"
  req GET "/api/v1/submissions?problem=sum" "${TB[@]}"
  want_status 200 && want_jq '(.submissions | length) == 1 and .submissions[0].memory_kb < 20000' \
    "the list's figure is the sample's"
  curl -sS --max-time 20 "${TB[@]}" "$J_BASE/api/v1/submissions/$other/events" \
    >"$WORK/hidden-sse-b" 2>/dev/null
  want_sse_clean "$WORK/hidden-sse-b"
  req GET "/api/v1/submissions?problem=sum" "${ADM[@]}"
  want_jq 'all(.submissions[]; .memory_kb > 20000)' "the admin's list has the whole figures"
  tend

  tcase "hidden: the owning team sees everything on its own problem; another team does not"
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" "${TA[@]}" \
    -d "$(sub_json mine "$PROG/mem_hidden.c")"
  own=$(jqb .id)
  want_status 200 && want_jq "$JQ_FULL" "?wait: every figure"
  req GET "/api/v1/submissions/$own" "${TA[@]}"
  want_jq "$JQ_FULL" "GET: every figure"
  req GET "/api/v1/submissions?problem=mine" "${TA[@]}"
  want_jq '.submissions[0].memory_kb > 20000' "the owner's list"
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" "${TB[@]}" \
    -d "$(sub_json mine "$PROG/mem_hidden.c")"
  want_status 200 && want_jq "$JQ_HIDDEN_CLEAN" "team B on team A's problem" &&
    want_jq "$JQ_SAMPLE_FIGURES"
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" "${TA[@]}" \
    -d "$(sub_json sum "$PROG/mem_hidden.c")"
  want_status 200 && want_jq "$JQ_HIDDEN_CLEAN" "team A on the admin's problem"
  tend

  tcase "hidden: the Run button judges the samples alone, with their figures"
  req POST /api/v1/run "${JSON[@]}" -d "$(sub_json sum "$PROG/mem_hidden.c")"
  want_status 200 && want_jq '(.tests | length) == 1 and all(.tests[]; (.name |
    startswith("sample/")) and has("time_ms") and has("memory_kb"))'
  tend
  judged_stop
}

### HTTP parsing (issue 13): the request line and framing, with raw sockets ###

# raw_case REQUEST [TIMEOUT]: sends it; RAWOUT is the JSON of rawhttp.py send (status, body,
# closed). A connection kept alive is waited for TIMEOUT seconds (5) before "closed" is false.
raw_case() {
  RAWOUT=$($RAW send "$J_PORT" "$1" "${2:-5}")
  printf '%s' "$RAWOUT" >"$RB.raw"
}
want_raw() {
  jq -e "$1" <<<"$RAWOUT" >/dev/null 2>&1 || fail "${2:-$1} is not true of ${RAWOUT:0:300}"
}

g_http() {
  local D=$WORK/http H='Host: x\r\n' A='Authorization: Bearer secret\r\n'
  JUDGE_ADMIN_TOKEN=secret started judged_start http "$D/data" --workers 0 || return

  tcase "http: %00 in a path segment -> 400, and PUT x%00y creates no problem 'x'"
  raw_case "PUT /api/v1/problems/x%00y HTTP/1.1\r\n$H$A""Content-Type: application/zip\r\nContent-Length: 3\r\n\r\nabc"
  want_raw '.status == 400 and (.body | fromjson | .status == 400 and (.detail | test("NUL")))'
  raw_case "GET /api/v1/problems/x%00y HTTP/1.1\r\n$H\r\n"
  want_raw '.status == 400'
  raw_case "GET /api/v1/submissions/abc%00def HTTP/1.1\r\n$H\r\n"
  want_raw '.status == 400'
  req GET /api/v1/problems/x "${ADM[@]}"
  want_problem 404
  tend

  tcase "http: %0a and other control characters in the path -> 400; the access log escapes them"
  raw_case "GET /api/v1/problems/x%0d%0a2026-01-01T00:00:00Z%20forged%20%22GET%20/owned%22 HTTP/1.1\r\n$H\r\n"
  want_raw '.status == 400'
  raw_case "GET /x%09y%1b HTTP/1.1\r\n$H\r\n"
  want_raw '.status == 400'
  grep -q '^2026-01-01T00:00:00Z forged' "$J_LOG" && fail "a forged line is in the access log"
  grep -qF '"GET /api/v1/problems/x\x0d\x0a2026-01-01T00:00:00Z forged \x22GET /owned\x22" 400' \
    "$J_LOG" || fail "the escaped request is not in the log: $(grep forged "$J_LOG" | head -3)"
  grep -qF '"GET /x\x09y\x1b" 400' "$J_LOG" || fail "tab and escape not escaped in the log"
  tend

  tcase "http: differing duplicate Content-Length -> 400 and the connection closed"
  raw_case "POST /api/v1/submissions HTTP/1.1\r\n$H""Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 20\r\n\r\n{}"
  want_raw '.status == 400 and .closed and (.body | fromjson | .detail | test("Content-Length"))'
  raw_case "POST /api/v1/submissions HTTP/1.1\r\n$H""Content-Type: application/json\r\nContent-Length: 2x\r\n\r\n{}"
  want_raw '.status == 400' "a malformed Content-Length"
  raw_case "POST /api/v1/submissions HTTP/1.1\r\n$H""Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}" 1
  want_raw '.status == 422' "equal duplicates are one length (the body is read: 422 for {})"
  tend

  tcase "http: a transfer coding other than plain chunked -> 501 at once, never a hang"
  raw_case "POST /api/v1/submissions HTTP/1.1\r\n$H""Content-Type: application/json\r\nTransfer-Encoding: chunked, identity\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
  want_raw '.status == 501 and .closed and (.body | fromjson | .status == 501)' "chunked, identity"
  raw_case "POST /api/v1/submissions HTTP/1.1\r\n$H""Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n{}"
  want_raw '.status == 501' "gzip"
  raw_case "POST /api/v1/submissions HTTP/1.1\r\n$H""Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
  want_raw '.status == 501' "two Transfer-Encoding headers"
  raw_case "POST /api/v1/submissions HTTP/1.1\r\n$H""Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 7\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
  want_raw '.status == 400' "both framings"
  raw_case "POST /api/v1/submissions HTTP/1.1\r\n$H""Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n" 1
  want_raw '.status == 422' "plain chunked is read (422 for {})"
  tend

  tcase "http: a path past 1023 bytes -> 414, not a shorter path"
  raw_case "GET /api/v1/problems/$(head -c 1100 /dev/zero | tr '\0' a) HTTP/1.1\r\n$H\r\n"
  want_raw '.status == 414'
  tend
  judged_stop
}

### Stored compiler output and the retention of anonymous submissions (issue 13) ###

g_retention() {
  local D=$WORK/retention anon team admin ce i t bytes bad
  JUDGE_ADMIN_TOKEN=secret started judged_start retention "$D/data" --workers 1 \
    --anon-retention 2s || return
  setup_put sum "$PK/base.zip" "${ADM[@]}"
  req POST /api/v1/teams "${ADM[@]}" "${JSON[@]}" -d '{"name": "keepers"}'
  t=$(jqb .id)
  req POST "/api/v1/teams/$t/keys" "${ADM[@]}" "${JSON[@]}" -d '{}'
  local TK=(-H "Authorization: Bearer $(jqb .token)")

  tcase "compile output: megabytes of diagnostics are stored and shown cut at 64 KiB, with a note"
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" "${TK[@]}" \
    -d "$(sub_json sum "$PROG/ce_flood.c")"
  ce=$(jqb .id)
  want_status 200 && want_verdict CE &&
    want_jq '(.compile_output | endswith("[compiler output cut at 64 KiB]\n")) and
      (.compile_output | test("lvalue"))'
  bytes=$(sqlite3 -cmd '.timeout 5000' "$D/data/judged.db" \
    "SELECT length(CAST(compile_output AS BLOB)) FROM submissions WHERE id = '$ce'")
  [ -n "$bytes" ] && [ "$bytes" -le 65536 ] && [ "$bytes" -gt 60000 ] ||
    fail "stored compile output is '$bytes' bytes"
  req POST /api/v1/run "${JSON[@]}" "${TK[@]}" -d "$(sub_json sum "$PROG/ce_flood.c")"
  want_status 200 && want_jq '.compiled == false and
    (.compile_output | endswith("[compiler output cut at 64 KiB]\n"))' "the Run's output is cut too"
  tend

  tcase "retention: an anonymous submission is deleted with its source after --anon-retention"
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  anon=$(jqb .id)
  want_status 200 && want_verdict AC
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" "${TK[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  team=$(jqb .id)
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" "${ADM[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  admin=$(jqb .id)
  for ((i = 0; i < 300; i++)); do
    req GET "/api/v1/submissions/$anon"
    [ "$ST" = 404 ] && break
    sleep 0.1
  done
  want_problem 404
  [ "$(sqlite3 -cmd '.timeout 5000' "$D/data/judged.db" "SELECT count(*) FROM submissions
    WHERE id = '$anon'")" = 0 ] || fail "its row (and source) is still stored"
  [ "$(sqlite3 -cmd '.timeout 5000' "$D/data/judged.db" "SELECT count(*) FROM submission_tests
    WHERE submission_seq NOT IN (SELECT seq FROM submissions)")" = 0 ] || fail "its tests are left"
  grep -q 'retention: .* deleted' "$J_LOG" || fail "the sweep did not say what it deleted"
  tend

  tcase "retention: a team's and the admin's submissions older than a deleted anonymous one stay"
  req POST '/api/v1/submissions?wait=true' "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  anon=$(jqb .id)
  for ((i = 0; i < 300; i++)); do
    req GET "/api/v1/submissions/$anon"
    [ "$ST" = 404 ] && break
    sleep 0.1
  done
  want_problem 404
  req GET "/api/v1/submissions/$team" "${TK[@]}"
  want_status 200 && want_verdict AC
  req GET "/api/v1/submissions/$admin" "${ADM[@]}"
  want_status 200 && want_verdict AC
  req GET "/api/v1/submissions/$ce" "${TK[@]}"
  want_status 200
  tend
  judged_stop

  tcase "retention: --anon-retention takes a duration (30d, 12h, 90s, a bare number of days)"
  local out
  for bad in 0 0s -1 12x 5dd ''; do
    out=$("$JUDGED" --listen 127.0.0.1:0 --data "$D/bad" --anon-retention "$bad" 2>&1)
    [ $? = 2 ] && grep -q 'anon-retention' <<<"$out" || fail "'$bad' accepted: $out"
  done
  tend
}

### What a remote worker reports goes through the same rules (issue 13) ###

g_remote_results() {
  local D=$WORK/remote id lease wt
  JUDGE_ADMIN_TOKEN=secret started judged_start remote "$D/data" --workers 0 || return
  setup_put sum "$PK/base.zip" "${ADM[@]}"
  req POST /api/v1/workers/tokens "${ADM[@]}" "${JSON[@]}" -d '{"name": "w"}'
  wt=(-H "Authorization: Bearer $(jqb .token)")

  tcase "remote: a worker's result: compile output cut at 64 KiB, hidden figures kept from others"
  req POST /api/v1/submissions "${JSON[@]}" -d "$(sub_json sum "$PROG/ac.c")"
  id=$(jqb .id)
  req POST /api/v1/worker/claim "${wt[@]}"
  lease=$(jqb .job.lease_id)
  [ "$(jqb .job.submission)" = "$id" ] || fail "claimed $(short_body)"
  python3 -c 'import json; print(json.dumps({"verdict": "WA", "score": 0, "max_score": 100,
    "time_ms": 777, "memory_kb": 55555, "compile_output": "warning: x\n" * 30000, "tests": [
    {"name": "sample/1", "group": "sample", "sample": True, "verdict": "AC", "time_ms": 3,
     "memory_kb": 1111},
    {"name": "secret/group1/1", "group": "group1", "sample": False, "verdict": "WA",
     "time_ms": 777, "memory_kb": 55555, "message": "expected 918273645"}]}))' >"$WORK/result.json"
  req POST "/api/v1/worker/jobs/$lease/result" "${wt[@]}" "${JSON[@]}" -d "@$WORK/result.json"
  want_status 200
  req GET "/api/v1/submissions/$id"
  want_status 200 && want_jq '.verdict == "WA" and .time_ms == 3 and .memory_kb == 1111 and
    (.tests[1] | keys == ["group", "index", "name", "verdict"]) and
    (.compile_output | endswith("[compiler output cut at 64 KiB]\n")) and
    (.compile_output | length) <= 65536' && ! grep -q 918273645 "$RB" ||
    fail "anonymous view: $(short_body)"
  req GET "/api/v1/submissions/$id" "${ADM[@]}"
  want_jq '.time_ms == 777 and .memory_kb == 55555 and .tests[1].memory_kb == 55555 and
    .tests[1].message == "expected 918273645"' "the admin's view"
  tend
  judged_stop
}

### What the web's team pages and catalogue need (issue 17) ###

g_team_ui() {
  local D=$WORK/team_ui ta tb a b kb kself aid inv
  JUDGE_ADMIN_TOKEN=secret started judged_start team_ui "$D/data" --workers 1 || return
  cp -r "$PK/base" "$PK/tagged"
  printf 'difficulty: medium\nkeywords: [arrays, "prefix sums"]\n' >>"$PK/tagged/problem.yaml"
  (cd "$PK/tagged" && zip -qr ../tagged.zip .)
  cp -r "$PK/base" "$PK/badtags"
  printf 'difficulty: impossible\nkeywords: graphs trees\n' >>"$PK/badtags/problem.yaml"
  (cd "$PK/badtags" && zip -qr ../badtags.zip .)

  tcase "team_ui: difficulty and tags from problem.yaml in the list and the problem; a bad difficulty warns"
  setup_put tagged "$PK/tagged.zip" "${ADM[@]}"
  put_pkg legacy-tags "$PK/badtags.zip" "${ADM[@]}"
  want_status 201 && want_jq '[.warnings[] | select(test("difficulty.*easy, medium or hard"))] | length == 1' \
    "a warning about the difficulty"
  setup_put plain "$PK/base.zip" "${ADM[@]}"
  req GET /api/v1/problems
  want_status 200 && want_jq '[.problems[] | [.slug, .difficulty, .tags]] ==
    [["legacy-tags", null, ["graphs", "trees"]], ["plain", null, []], ["tagged", "medium", ["arrays", "prefix sums"]]]'
  req GET /api/v1/problems/tagged
  want_status 200 && want_jq '.difficulty == "medium" and .tags == ["arrays", "prefix sums"]'
  tend

  req POST /api/v1/teams "${ADM[@]}" "${JSON[@]}" -d '{"name": "ui-a"}'; a=$(jqb .id)
  req POST /api/v1/teams "${ADM[@]}" "${JSON[@]}" -d '{"name": "ui-b"}'; b=$(jqb .id)
  req POST "/api/v1/teams/$a/keys" "${ADM[@]}" "${JSON[@]}" -d '{"name": "first"}'; ta=$(jqb .token); kself=$(jqb .id)
  req POST "/api/v1/teams/$b/keys" "${ADM[@]}" "${JSON[@]}" -d '{"name": "b"}'; tb=$(jqb .token); kb=$(jqb .id)
  local TA=(-H "Authorization: Bearer $ta") TB=(-H "Authorization: Bearer $tb")

  tcase "team_ui: a team's key lists, creates and revokes its own team's keys"
  req GET "/api/v1/teams/$a/keys" "${TA[@]}"
  want_status 200 && want_jq "[.keys[] | [.id, .current]] == [[$kself, true]]"
  req POST "/api/v1/teams/$a/keys" "${TA[@]}" "${JSON[@]}" -d '{"name": "laptop"}'
  want_status 201 && want_jq ".team_id == $a and (.token | startswith(\"jd_\"))"
  local k2=$(jqb .id) t2=$(jqb .token)
  req GET /api/v1/me -H "Authorization: Bearer $t2"
  want_status 200 && want_jq '.role == "team" and .team == "ui-a"'
  req DELETE "/api/v1/keys/$k2" "${TA[@]}"
  want_status 204
  req GET /api/v1/me -H "Authorization: Bearer $t2"
  want_problem 401
  req GET "/api/v1/teams/$a/keys" "${TA[@]}"
  want_jq "[.keys[] | select(.id == $k2) | .revoked_at != null] == [true]"
  tend

  tcase "team_ui: another team's keys are out of reach (404, as if absent)"
  req GET "/api/v1/teams/$b/keys" "${TA[@]}"
  want_problem 404
  req POST "/api/v1/teams/$b/keys" "${TA[@]}" "${JSON[@]}" -d '{}'
  want_problem 404
  req DELETE "/api/v1/keys/$kb" "${TA[@]}"
  want_problem 404
  req GET /api/v1/me "${TB[@]}"
  want_status 200
  req POST /api/v1/teams "${TA[@]}" "${JSON[@]}" -d '{"name": "nope"}'
  want_problem 403
  tend

  tcase "team_ui: an assessment is edited (PUT) until a candidate starts, then 409"
  req POST /api/v1/assessments "${TA[@]}" "${JSON[@]}" \
    -d '{"title": "Draft", "duration_minutes": 30, "problems": [{"slug": "plain"}]}'
  want_status 201
  aid=$(jqb .id)
  req PUT "/api/v1/assessments/$aid" "${TA[@]}" "${JSON[@]}" \
    -d '{"title": "Final", "duration_minutes": 45, "max_submissions": 3, "languages": ["c"],
         "problems": [{"slug": "tagged", "points": 70}, {"slug": "plain", "points": 30}]}'
  want_status 200 && want_jq '.title == "Final" and .duration_minutes == 45 and .max_submissions == 3 and
    .languages == ["c"] and ([.problems[] | [.slug, .points]] == [["tagged", 70], ["plain", 30]])'
  req GET "/api/v1/assessments/$aid" "${TA[@]}"
  want_jq '.title == "Final" and (.problems | length) == 2'
  req PUT "/api/v1/assessments/$aid" "${TA[@]}" "${JSON[@]}" \
    -d '{"title": "", "duration_minutes": 0, "problems": [{"slug": "no-such"}]}'
  want_problem 422 && want_jq '[.errors[].pointer] | sort == ["/duration_minutes", "/problems/0", "/title"]' \
    "errors at /title, /duration_minutes and /problems/0"
  req PUT "/api/v1/assessments/$aid" "${TB[@]}" "${JSON[@]}" \
    -d '{"title": "Theirs", "duration_minutes": 5, "problems": [{"slug": "plain"}]}'
  want_problem 404
  req POST "/api/v1/assessments/$aid/invites" "${TA[@]}" "${JSON[@]}" -d '{"name": "C", "email": "c@example.com"}'
  inv=$(jqb .token)
  req POST /api/v1/candidate/start -H "Authorization: Bearer $inv"
  want_status 200
  req PUT "/api/v1/assessments/$aid" "${TA[@]}" "${JSON[@]}" \
    -d '{"title": "Too late", "duration_minutes": 300, "problems": [{"slug": "plain"}]}'
  want_problem 409 && want_jq '.detail | test("started")'
  req GET "/api/v1/assessments/$aid" "${TA[@]}"
  want_jq '.title == "Final" and .duration_minutes == 45'
  tend
  judged_stop
}

### Main ###

START=$SECONDS
make_packages
ALL=(problems import auth submissions hidden http retention remote_results rates queue fair fair_runs
  fair_streams crash sigterm team_ui)
[ ${#GROUPS_WANTED[@]} -gt 0 ] || GROUPS_WANTED=("${ALL[@]}")
for g in "${GROUPS_WANTED[@]}"; do
  if ! declare -F "g_$g" >/dev/null; then
    echo "unknown group '$g' (groups: ${ALL[*]})" >&2
    exit 2
  fi
  "g_$g"
done
echo "$PASSED passed, $FAILED failed ($((SECONDS - START)) s)"
[ "$FAILED" -eq 0 ]
