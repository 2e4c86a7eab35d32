#!/usr/bin/env bash
# Remote workers and backups (issue 7), end to end on loopback:
#
#   1. judged --workers 0 (the API alone) with problems/missing-number imported by PUT as the admin;
#   2. who may call what: worker tokens reach the worker routes only, team tokens never reach them;
#   3. a lease by hand: heartbeat, progress seen by GET, expiry, then every call of the stale
#      lease is 409 and nothing is recorded; release; a bad result is 422;
#   4. two `judged worker` processes judge a burst of 30 submissions (AC, WA, TLE, CE, RE); one
#      is killed with kill -9 in the middle of a job, which goes back to the queue when its lease
#      expires and is judged by the other; `judged backup` runs meanwhile. Every submission ends with exactly one
#      result: checked in the database with the sqlite3 CLI and in the access log;
#   5. SIGTERM on a worker in the middle of a job: it releases the job at once and exits 0;
#   6. the backup restored into a fresh data folder: judged starts on it, the submissions read
#      back, and the ones not judged at the time of the backup get judged.
#
#   tests/workers/run.sh [build/cli/judged]
#
# Prints one line per case and, last, "N passed, M failed". Needs root (the sandbox). The
# sandboxes run with --cgroup none so that other judges on the machine cannot disturb them.

DEBIAN_PACKAGES="bash curl jq sqlite3 zip tar gzip coreutils procps"

set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
JUDGED=$(realpath "${1:-build/cli/judged}")
for tool in curl jq sqlite3 zip tar; do
  command -v "$tool" >/dev/null || { echo "tests/workers: missing $tool; apt-get install -y $DEBIAN_PACKAGES" >&2; exit 2; }
done
[ -x "$JUDGED" ] || { echo "tests/workers: no judged at '$JUDGED'" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "tests/workers: run as root (the sandbox needs it)" >&2; exit 2; }

START=$SECONDS
WORK=$(mktemp -d /tmp/workers-suite.XXXXXX)
PROG=$ROOT/tests/workers/programs
LEASE=4
BURST=30
CG=(--cgroup none)
export JUDGE_ADMIN_TOKEN=secret
ADM=(-H "Authorization: Bearer secret")
JSON=(-H "Content-Type: application/json")
PASSED=0 FAILED=0
PIDS=()

cleanup() {
  local p
  for p in "${PIDS[@]}"; do
    if kill -0 "$p" 2>/dev/null; then kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; fi
    [ -d "/tmp/judged-$p" ] && rm -rf "/tmp/judged-$p"
  done
  if [ "$FAILED" -eq 0 ]; then rm -rf "$WORK"; else echo "logs kept in $WORK"; fi
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

### Helpers ###

CASE= WHY=() T0=0
tcase() { CASE=$1; WHY=(); T0=$SECONDS; }
fail() { WHY+=("$*"); }
tend() {
  if [ ${#WHY[@]} -eq 0 ]; then
    PASSED=$((PASSED + 1)); echo "ok   $CASE ($((SECONDS - T0)) s)"
  else
    FAILED=$((FAILED + 1)); echo "FAIL $CASE ($((SECONDS - T0)) s)"
    local w; for w in "${WHY[@]}"; do echo "       - $w"; done
  fi
}

# req METHOD URL_PATH [curl options...]: ST is the status, the body is in $RB.
RB=$WORK/body
req() {
  local method=$1 path=$2; shift 2
  ST=$(curl -sS --max-time 60 -o "$RB" -w '%{http_code}' -X "$method" "$@" "$BASE$path" 2>"$WORK/curl.err")
  [ -n "$ST" ] || ST=000
}
jqb() { jq -r "$@" <"$RB" 2>/dev/null; }
want() { [ "$ST" = "$1" ] || fail "$2: status $ST, want $1: $(head -c 300 "$RB" | tr '\n' ' ')"; }
# The store (JUDGED_STORE: SQLite by default, or PostgreSQL): tests/lib/store.sh.
source "$(dirname "${BASH_SOURCE[0]}")/../lib/store.sh"
sql() { sqlite3 -cmd ".timeout 5000" "$DB" "$@"; }

# start_server NAME DATA [options...]: SPID, BASE, SLOG. Waits for /healthz.
start_server() {
  local name=$1 data=$2 i; shift 2
  SLOG=$WORK/$name.log
  rm -f "$WORK/$name.port"
  local store=()
  mapfile -t store < <(store_args "$data")
  "$JUDGED" --listen 127.0.0.1:0 --data "$data" --port-file "$WORK/$name.port" "${CG[@]}" \
    ${store[@]+"${store[@]}"} "$@" 2>>"$SLOG" &
  SPID=$!
  PIDS+=("$SPID")
  for ((i = 0; i < 300; i++)); do
    [ -s "$WORK/$name.port" ] && break
    sleep 0.05
  done
  BASE=http://127.0.0.1:$(tr -d '\n' <"$WORK/$name.port" 2>/dev/null)
  for ((i = 0; i < 300; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz")" = 200 ] && return 0
    kill -0 "$SPID" 2>/dev/null || break
    sleep 0.1
  done
  echo "judged ($name) did not start; its log:" >&2
  tail -n 20 "$SLOG" >&2
  return 1
}

# start_worker NAME TOKEN: the worker's pid in WPID.
start_worker() {
  "$JUDGED" worker --server "$BASE" --token "$2" --slots 2 --cache "$WORK/cache-$1" "${CG[@]}" \
    2>>"$WORK/worker-$1.log" &
  WPID=$!
  PIDS+=("$WPID")
}

# stop PID SIGNAL: waits at most 30 s; RC is the exit status ("timeout" when it had to be killed).
stop() {
  local pid=$1 i
  kill -"$2" "$pid" 2>/dev/null
  for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; wait "$pid" 2>/dev/null; RC=timeout
  else wait "$pid" 2>/dev/null; RC=$?; fi
  [ -d "/tmp/judged-$pid" ] && rm -rf "/tmp/judged-$pid"
}

# wait_sql SECONDS QUERY WANT: polls until the query answers WANT.
wait_sql() {
  local limit=$1 q=$2 want=$3 i
  for ((i = 0; i < limit * 5; i++)); do
    [ "$(sql "$q")" = "$want" ] && return 0
    sleep 0.2
  done
  return 1
}

# submit FILE: the new submission's id on stdout (as the admin: no rate limit).
submit() {
  jq -n --rawfile s "$1" '{problem: "missing-number", language: "c", source: $s}' |
    curl -sS --max-time 30 -X POST "${ADM[@]}" "${JSON[@]}" -d @- "$BASE/api/v1/submissions" | jq -r .id
}

### 1. The server, the problem, the tokens ###

DATA=$WORK/data
DB=$DATA/judged.db
(cd problems/missing-number && zip -qr "$WORK/missing-number.zip" .)
start_server main "$DATA" --workers 0 --lease "$LEASE" || exit 1

tcase "the admin imports problems/missing-number with PUT (the API alone: --workers 0)"
req PUT /api/v1/problems/missing-number "${ADM[@]}" -H "Content-Type: application/zip" \
  --data-binary "@$WORK/missing-number.zip"
want 201 "PUT"
HASH=$(sql "SELECT hash FROM problem_versions WHERE slug = 'missing-number'")
[[ $HASH =~ ^[0-9a-f]{64}$ ]] || fail "no version hash in the database ($HASH)"
tend

tcase "the admin creates worker tokens (role worker) and lists them"
declare -A WTOK WID
for w in a b c; do
  req POST /api/v1/workers/tokens "${ADM[@]}" "${JSON[@]}" -d "{\"name\": \"worker-$w\"}"
  want 201 "POST /api/v1/workers/tokens"
  WTOK[$w]=$(jqb .token) WID[$w]=$(jqb .id)
  [[ ${WTOK[$w]} == jw_* ]] || fail "token '${WTOK[$w]}' is not a worker token"
done
[ "$(sql "SELECT count(*) FROM tokens WHERE role = 'worker'")" = 3 ] || fail "not 3 worker tokens in the database"
req GET /api/v1/workers/tokens "${ADM[@]}"
want 200 "GET /api/v1/workers/tokens"
[ "$(jqb '[.tokens[].name] | join(",")')" = "worker-a,worker-b,worker-c" ] || fail "the list: $(head -c 300 "$RB")"
[ "$(jqb '.tokens[0] | has("token")')" = false ] || fail "the list shows tokens"
req POST /api/v1/workers/tokens "${ADM[@]}" "${JSON[@]}" -d '{}'
want 422 "a worker token without a name"
tend

req POST /api/v1/teams "${ADM[@]}" "${JSON[@]}" -d '{"name": "team-one"}'
TEAM_ID=$(jqb .id)
req POST "/api/v1/teams/$TEAM_ID/keys" "${ADM[@]}" "${JSON[@]}" -d '{}'
TEAM_TOK=$(jqb .token)
WA_H=(-H "Authorization: Bearer ${WTOK[a]}")
WC_H=(-H "Authorization: Bearer ${WTOK[c]}")
TEAM_H=(-H "Authorization: Bearer $TEAM_TOK")

### 2. Who may call what ###

tcase "a worker token cannot import problems, reach admin routes, or even open routes (403)"
req PUT /api/v1/problems/stolen "${WA_H[@]}" -H "Content-Type: application/zip" --data-binary "@$WORK/missing-number.zip"
want 403 "PUT /api/v1/problems as a worker"
req GET /api/v1/teams "${WA_H[@]}"; want 403 "GET /api/v1/teams as a worker"
req POST /api/v1/workers/tokens "${WA_H[@]}" "${JSON[@]}" -d '{"name": "x"}'; want 403 "POST /api/v1/workers/tokens as a worker"
req DELETE "/api/v1/keys/${WID[b]}" "${WA_H[@]}"; want 403 "DELETE /api/v1/keys as a worker"
req GET /api/v1/problems "${WA_H[@]}"; want 403 "GET /api/v1/problems as a worker"
req POST /api/v1/submissions "${WA_H[@]}" "${JSON[@]}" -d '{"problem": "missing-number", "language": "c", "source": "int x;"}'
want 403 "POST /api/v1/submissions as a worker"
[ "$(sql "SELECT count(*) FROM problems")" = 1 ] || fail "the worker's PUT stored something"
tend

tcase "a team token cannot reach the worker routes (403), nobody without a token (401)"
req POST /api/v1/worker/claim "${TEAM_H[@]}"; want 403 "claim as a team"
req GET "/api/v1/worker/packages/$HASH" "${TEAM_H[@]}"; want 403 "package as a team"
req POST /api/v1/worker/jobs/0123456789abcdef0123456789abcdef/result "${TEAM_H[@]}" "${JSON[@]}" -d '{}'
want 403 "result as a team"
req GET /api/v1/workers/tokens "${TEAM_H[@]}"; want 403 "the worker tokens as a team"
req POST /api/v1/worker/claim; want 401 "claim without a token"
tend

tcase "the package of a version, as tar.gz, to a worker token; unknown hashes are 404"
req GET "/api/v1/worker/packages/$HASH" "${WA_H[@]}"
want 200 "GET the package"
cp "$RB" "$WORK/pkg.tar.gz"
tar -tzf "$WORK/pkg.tar.gz" 2>/dev/null | grep -x 'problem.yaml' >/dev/null || fail "the archive holds no problem.yaml at its top"
mkdir -p "$WORK/pkg" && tar -xzf "$WORK/pkg.tar.gz" -C "$WORK/pkg" 2>/dev/null
diff -r "$WORK/pkg" problems/missing-number >/dev/null || fail "the archive differs from the package"
req GET "/api/v1/worker/packages/$(printf '%064d' 0)" "${WA_H[@]}"; want 404 "an unknown hash"
req GET /api/v1/worker/packages/..%2F..%2Fjudged.db "${WA_H[@]}"; want 404 "a path for a hash"
req POST "/api/v1/worker/claim?wait=abc" "${WA_H[@]}"; want 422 "?wait=abc"
req POST "/api/v1/worker/claim?wait=0" "${WA_H[@]}"; want 204 "a claim with nothing queued"
tend

### 3. A lease by hand ###

tcase "a claim leases the oldest submission; heartbeat, progress seen live by GET"
S0=$(submit "$PROG/ac.c")
req POST "/api/v1/worker/claim?wait=5" "${WC_H[@]}"
want 200 "claim"
L1=$(jqb .job.lease_id)
[ "$(jqb .job.submission)" = "$S0" ] || fail "claimed $(jqb .job.submission), want $S0"
[ "$(jqb .job.problem.hash)" = "$HASH" ] || fail "the job's hash is $(jqb .job.problem.hash)"
[ "$(jqb .job.problem.time_limit_ms)" = 1000 ] || fail "time_limit_ms $(jqb .job.problem.time_limit_ms)"
[ "$(jqb .job.lease_s)" = "$LEASE" ] || fail "lease_s $(jqb .job.lease_s)"
[ "$(sql "SELECT status, worker_token_id FROM submissions WHERE id = '$S0'")" = "compiling|${WID[c]}" ] ||
  fail "the row is $(sql "SELECT status, worker_token_id FROM submissions WHERE id = '$S0'")"
req POST "/api/v1/worker/jobs/$L1/heartbeat" "${WA_H[@]}"; want 409 "another worker's heartbeat"
req POST "/api/v1/worker/jobs/$L1/heartbeat" "${WC_H[@]}"; want 200 "heartbeat"
req POST "/api/v1/worker/jobs/$L1/progress" "${WC_H[@]}" "${JSON[@]}" -d '{"status": "running", "compile_output": ""}'
want 204 "progress: status"
req POST "/api/v1/worker/jobs/$L1/progress" "${WC_H[@]}" "${JSON[@]}" \
  -d '{"test": {"index": 0, "name": "sample/01", "group": "sample", "sample": true, "verdict": "AC", "time_ms": 3, "memory_kb": 900}}'
want 204 "progress: a test"
req POST "/api/v1/worker/jobs/$L1/progress" "${WC_H[@]}" "${JSON[@]}" -d '{"test": {"index": 1}}'
want 422 "progress: a test without its fields"
req GET "/api/v1/submissions/$S0"
[ "$(jqb '.status + " " + (.tests | length | tostring) + " " + .tests[0].name')" = "running 1 sample/01" ] ||
  fail "GET during judging: $(head -c 300 "$RB")"
tend

tcase "an expired lease goes back to the queue; its calls are 409 and record nothing"
wait_sql 20 "SELECT status || ':' || coalesce(lease_id, '') FROM submissions WHERE id = '$S0'" "queued:" ||
  fail "the lease did not expire: $(sql "SELECT status, lease_id, lease_expires_at FROM submissions WHERE id = '$S0'")"
grep -q "lease on submission $S0 expired" "$SLOG" || fail "the log does not tell of the expiry"
RESULT='{"verdict": "AC", "score": 100, "max_score": 100, "time_ms": 1, "memory_kb": 1, "compile_output": "", "tests": [{"name": "sample/01", "group": "sample", "sample": true, "verdict": "AC", "time_ms": 1, "memory_kb": 1}]}'
req POST "/api/v1/worker/jobs/$L1/result" "${WC_H[@]}" "${JSON[@]}" -d "$RESULT"; want 409 "a stale lease's result"
req POST "/api/v1/worker/jobs/$L1/heartbeat" "${WC_H[@]}"; want 409 "a stale lease's heartbeat"
req POST "/api/v1/worker/jobs/$L1/progress" "${WC_H[@]}" "${JSON[@]}" -d '{"status": "running"}'; want 409 "a stale lease's progress"
req POST "/api/v1/worker/jobs/$L1/release" "${WC_H[@]}"; want 409 "a stale lease's release"
[ "$(sql "SELECT status, verdict IS NULL, (SELECT count(*) FROM submission_tests t WHERE t.submission_seq = s.seq) FROM submissions s WHERE id = '$S0'")" = "queued|1|0" ] ||
  fail "something was recorded: $(sql "SELECT status, verdict FROM submissions WHERE id = '$S0'")"
req GET "/api/v1/submissions/$S0"
[ "$(jqb '.status + " " + (.tests | length | tostring)')" = "queued 0" ] || fail "GET after the expiry: $(head -c 200 "$RB")"
tend

tcase "release puts the job back at once; a malformed result is 422 and records nothing"
req POST "/api/v1/worker/claim?wait=5" "${WC_H[@]}"; want 200 "claim again"
L2=$(jqb .job.lease_id)
req POST "/api/v1/worker/jobs/$L2/result" "${WC_H[@]}" "${JSON[@]}" -d '{"verdict": "XX", "score": -1, "tests": [{}]}'
want 422 "a malformed result"
[[ $(jqb '[.errors[].pointer] | join(" ")') == */verdict* ]] || fail "no error points at /verdict: $(head -c 300 "$RB")"
[ "$(sql "SELECT status FROM submissions WHERE id = '$S0'")" = compiling ] || fail "the malformed result changed the row"
req POST "/api/v1/worker/jobs/$L2/release" "${WC_H[@]}"; want 204 "release"
[ "$(sql "SELECT status || ':' || coalesce(lease_id, '') FROM submissions WHERE id = '$S0'")" = "queued:" ] ||
  fail "not queued after the release"
[ "$(sql "SELECT attempts FROM submissions WHERE id = '$S0'")" = 2 ] || fail "attempts is not 2"
tend

### 4. Two workers, a burst, kill -9 of one in the middle of a job, a backup meanwhile ###

declare -A EXPECT
EXPECT[$S0]=AC
IDS=("$S0")
start_worker a "${WTOK[a]}"; PID_A=$WPID
start_worker b "${WTOK[b]}"; PID_B=$WPID
for ((i = 0; i < BURST; i++)); do
  case $((i % 6)) in
    0) f=slow v=AC ;;
    1) f=ac v=AC ;;
    2) f=wa v=WA ;;
    3) f=tle v=TLE ;;
    4) f=ce v=CE ;;
    5) f=re v=RE ;;
  esac
  id=$(submit "$PROG/$f.c")
  IDS+=("$id")
  EXPECT[$id]=$v
done

tcase "the live progress of a remote judgement shows in GET before the verdict"
seen=false
for ((i = 0; i < 300; i++)); do
  for id in $(sql "SELECT id FROM submissions WHERE status = 'compiling' AND lease_id IS NOT NULL"); do
    req GET "/api/v1/submissions/$id"
    if [ "$(jqb '.status == "running" and (.tests | length) > 0 and .verdict == null')" = true ]; then
      seen=true
      break
    fi
  done
  [ "$seen" = true ] && break
  sleep 0.1
done
[ "$seen" = true ] || fail "no GET showed a running submission with tests"
tend

tcase "kill -9 of a worker in the middle of a job"
KILLED=
for ((i = 0; i < 600; i++)); do
  # The clock is read here, not in SQL: the same query then runs on SQLite and PostgreSQL.
  KILLED=$(sql "SELECT id FROM submissions WHERE status = 'compiling' AND worker_token_id = ${WID[a]} AND source LIKE '%CLOCKS_PER_SEC%' AND started_at < $(($(date +%s%3N) - 1000)) LIMIT 1")
  if [ -n "$KILLED" ]; then
    # Held still, so that the job cannot finish between this look and the kill: the worker is
    # stopped, then the job must still be in hand, else it goes on and another is looked for.
    kill -STOP "$PID_A"
    [ "$(sql "SELECT status FROM submissions WHERE id = '$KILLED'")" = compiling ] && break
    kill -CONT "$PID_A"
    KILLED=
  fi
  sleep 0.1
done
if [ -z "$KILLED" ]; then
  fail "worker a never held a slow job for a second"
else
  kill -9 "$PID_A"
  wait "$PID_A" 2>/dev/null
  rm -rf "/tmp/judged-$PID_A"
  [ "$(sql "SELECT status FROM submissions WHERE id = '$KILLED'")" = compiling ] || fail "the job was not in hand"
fi
tend

if store_is_pg; then
  echo "skip backup: judged backup and restore copy SQLite stores (PostgreSQL's way: pg_dump, docs/deploy.md)"
else
tcase "judged backup while submissions are being judged"
DONE_AT_BACKUP=$WORK/done-at-backup
sql "SELECT id FROM submissions WHERE status = 'done'" >"$DONE_AT_BACKUP"
if "$JUDGED" backup "$WORK/backup.db" --data "$DATA" 2>"$WORK/backup.log"; then
  [ "$(sqlite3 "$WORK/backup.db" "PRAGMA quick_check")" = ok ] || fail "the backup fails quick_check"
  [ "$(sqlite3 "$WORK/backup.db" "SELECT count(*) FROM submissions")" = $((BURST + 1)) ] || fail "the backup lacks submissions"
  [ ! -e "$WORK/backup.db-wal" ] || fail "the backup left a -wal file"
  compgen -G "$WORK/backup.db.tmp*" >/dev/null && fail "the backup left its temporary file"
  BACKUP_DONE=$(sqlite3 "$WORK/backup.db" "SELECT count(*) FROM submissions WHERE status = 'done'")
  [ "$BACKUP_DONE" -lt $((BURST + 1)) ] || fail "everything was judged before the backup: it proves less"
else
  fail "judged backup failed: $(cat "$WORK/backup.log")"
fi
tend
fi

tcase "the killed worker's job goes back to the queue when its lease expires and the other judges it"
if [ -n "$KILLED" ]; then
  wait_sql 30 "SELECT status FROM submissions WHERE id = '$KILLED'" done || fail "$KILLED was never judged"
  grep -q "lease on submission $KILLED expired" "$SLOG" || fail "no expiry logged for $KILLED"
  [ "$(sql "SELECT attempts >= 2, worker_token_id, verdict FROM submissions WHERE id = '$KILLED'")" = "1|${WID[b]}|AC" ] ||
    fail "$KILLED: $(sql "SELECT attempts, worker_token_id, verdict FROM submissions WHERE id = '$KILLED'")"
fi
tend

tcase "the burst: every submission judged, exactly once, with the verdict expected"
wait_sql 240 "SELECT count(*) FROM submissions WHERE status != 'done'" 0 ||
  fail "not all judged: $(sql "SELECT status, count(*) FROM submissions GROUP BY status" | tr '\n' ' ')"
for id in "${IDS[@]}"; do
  got=$(sql "SELECT verdict FROM submissions WHERE id = '$id'")
  [ "$got" = "${EXPECT[$id]}" ] || fail "$id: verdict '$got', want ${EXPECT[$id]}"
done
dups=$(sql "SELECT submission_seq, idx FROM submission_tests GROUP BY 1, 2 HAVING count(*) > 1")
[ -z "$dups" ] && [ "$(sql "SELECT count(*) FROM submission_tests t GROUP BY submission_seq HAVING count(*) != max(idx) + 1")" = "" ] ||
  fail "duplicate or missing submission_tests rows: $dups"
[ "$(sql "SELECT count(*) FROM submissions s WHERE verdict IN ('AC', 'WA', 'TLE', 'RE') AND (SELECT count(*) FROM submission_tests t WHERE t.submission_seq = s.seq) != 18")" = 0 ] ||
  fail "a judged submission without its 18 tests"
[ "$(sql "SELECT count(*) FROM submissions s WHERE verdict = 'CE' AND (compile_output NOT LIKE '%error%' OR EXISTS (SELECT 1 FROM submission_tests t WHERE t.submission_seq = s.seq))")" = 0 ] ||
  fail "a CE without the compiler's diagnostics, or with tests"
[ "$(sql "SELECT DISTINCT t.name || '=' || t.verdict FROM submissions s JOIN submission_tests t ON t.submission_seq = s.seq WHERE s.verdict = 'TLE' AND t.verdict != 'AC'")" = "secret/01-empty=TLE" ] ||
  fail "TLE submissions: not exactly secret/01-empty over the limit"
[ "$(sql "SELECT count(*) FROM submissions WHERE lease_id IS NOT NULL OR worker_token_id IS NULL")" = 0 ] ||
  fail "a judged row keeps its lease, or names no worker"
results=$(grep -cE '"POST /api/v1/worker/jobs/[0-9a-f]+/result" 200 ' "$SLOG")
[ "$results" = $((BURST + 1)) ] || fail "$results results recorded (200) for $((BURST + 1)) submissions"
[ "$(sql "SELECT count(*) FROM submissions WHERE worker_token_id NOT IN (${WID[a]}, ${WID[b]})")" = 0 ] ||
  fail "a submission judged by neither worker"
tend

### 5. SIGTERM in the middle of a job ###

tcase "SIGTERM: the worker releases its job at once (no lease expiry) and exits 0"
T1=$(submit "$PROG/slow.c")
T2=$(submit "$PROG/slow.c")
EXPECT[$T1]=AC EXPECT[$T2]=AC
wait_sql 30 "SELECT count(*) FROM submissions WHERE id IN ('$T1', '$T2') AND status = 'compiling'" 2 ||
  fail "worker b did not take both"
sleep 1
stop "$PID_B" TERM
[ "$RC" = 0 ] || fail "worker b exited $RC"
grep -q "SIGTERM: stopping" "$WORK/worker-b.log" || fail "worker b did not log the signal"
# Released, not expired: back in the queue before a lease could have run out.
[ "$(sql "SELECT count(*) FROM submissions WHERE id IN ('$T1', '$T2') AND status = 'queued' AND lease_id IS NULL")" = 2 ] ||
  fail "not both queued right after the exit: $(sql "SELECT id, status FROM submissions WHERE id IN ('$T1', '$T2')" | tr '\n' ' ')"
for t in "$T1" "$T2"; do
  grep -q "submission $t released by its worker" "$SLOG" || fail "$t was not released by the worker"
done
start_worker c "${WTOK[c]}"; PID_C=$WPID
wait_sql 60 "SELECT count(*) FROM submissions WHERE id IN ('$T1', '$T2') AND status = 'done' AND verdict = 'AC'" 2 ||
  fail "the released jobs were not judged by worker c"
IDS+=("$T1" "$T2")
tend

tcase "a revoked worker token is refused: the worker exits 1"
req DELETE "/api/v1/keys/${WID[c]}" "${ADM[@]}"; want 204 "revoke worker c"
for ((i = 0; i < 200; i++)); do kill -0 "$PID_C" 2>/dev/null || break; sleep 0.1; done
stop "$PID_C" TERM
[ "$RC" = 1 ] || fail "worker c exited $RC after its token was revoked"
grep -q "refused the token" "$WORK/worker-c.log" || fail "worker c did not say why"
tend

tcase "SIGTERM stops the server with exit 0"
stop "$SPID" TERM
[ "$RC" = 0 ] || fail "judged exited $RC"
tend

### 6. Restore ###

if store_is_pg; then
  echo "skip restore: judged backup and restore copy SQLite stores (PostgreSQL's way: pg_dump, docs/deploy.md)"
else
tcase "judged restore into a fresh data folder; judged starts on it and reads the submissions back"
DATA2=$WORK/data2
mkdir -p "$DATA2"
cp -a "$DATA/packages" "$DATA2/"
if "$JUDGED" restore "$WORK/backup.db" --data "$DATA2" 2>"$WORK/restore.log"; then
  grep -q "missing" "$WORK/restore.log" && fail "restore warns of missing packages: $(cat "$WORK/restore.log")"
  DB=$DATA2/judged.db
  start_server restored "$DATA2" --workers 2 --lease "$LEASE" || fail "judged does not start on the restored data"
  "$JUDGED" restore "$WORK/backup.db" --data "$DATA2" 2>"$WORK/restore2.log" &&
    fail "restore went ahead while judged runs on the folder"
  grep -q "stop it before restoring" "$WORK/restore2.log" || fail "the refusal does not say why"
  while read -r id; do
    req GET "/api/v1/submissions/$id" "${ADM[@]}"
    [ "$ST" = 200 ] && [ "$(jqb .status)" = done ] && [ "$(jqb .verdict)" = "${EXPECT[$id]}" ] ||
      fail "$id done before the backup reads back as $ST $(head -c 120 "$RB")"
  done <"$DONE_AT_BACKUP"
  # The ones queued or leased at the time of the backup are judged again here (a lease of the old
  # server's workers expires after the grace period).
  wait_sql 240 "SELECT count(*) FROM submissions WHERE status != 'done'" 0 ||
    fail "the restored server did not judge everything: $(sql "SELECT status, count(*) FROM submissions GROUP BY status" | tr '\n' ' ')"
  for id in "${IDS[@]:0:$((BURST + 1))}"; do
    req GET "/api/v1/submissions/$id" "${ADM[@]}"
    [ "$(jqb .verdict)" = "${EXPECT[$id]}" ] || fail "$id on the restored server: $(head -c 120 "$RB")"
  done
  stop "$SPID" TERM
  [ "$RC" = 0 ] || fail "the restored judged exited $RC"
else
  fail "judged restore failed: $(cat "$WORK/restore.log")"
fi
tend
fi

echo "workers suite: $((SECONDS - START)) s"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
