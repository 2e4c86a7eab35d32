#!/usr/bin/env bash
# The suites against PostgreSQL: starts a throwaway PostgreSQL 15 (tests/lib/pg.sh) and runs
# check_db and the api, hiring, workers and recovery (faults) suites with JUDGED_STORE set, so
# that every judged they start uses --store postgresql://... (a database per --data folder,
# tests/lib/store.sh). First every literal SQL statement of the server, prepared by PostgreSQL
# (tests/pg/sql_check.py); last the multi-node tests: failover (tests/pg/failover.sh) and live
# progress seen through another node (tests/pg/live.sh), invite e-mails and webhooks sent once
# from two nodes (tests/pg/mail.sh, tests/pg/webhooks.sh).
# usage: tests/pg/run.sh build/cli/judged [SUITE...]     (root; SUITE: sql db api hiring workers
#        faults failover live mail webhooks; all by default)
set -uo pipefail
JUDGED=$(realpath "$1")
shift
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(sql db api hiring workers faults failover live mail webhooks)
command -v psql >/dev/null || { echo "tests/pg: needs psql (postgresql-client-15)" >&2; exit 2; }
source tests/lib/pg.sh
pg_start || exit 1
echo "tests/pg: PostgreSQL 15 at $PG_URL"
export JUDGED_STORE=$PG_URL JUDGED_TEST_STORE=$PG_URL
build=$(dirname "$(dirname "$JUDGED")")
failed=()
for suite in "${suites[@]}"; do
  echo "=== tests/pg: $suite on PostgreSQL"
  case $suite in
    sql) python3 tests/pg/sql_check.py "$build" "$(pg_new_db sql_check)" ;;
    db)
      # Every unit test of the store and the domain modules that takes JUDGED_TEST_STORE.
      ok=true
      for t in $(grep -l JUDGED_TEST_STORE tests/unit/check_*.c); do
        exe=$build/tests/$(basename "$t" .c)
        [ -x "$exe" ] || continue
        "$exe" || ok=false
      done
      $ok ;;
    failover) tests/pg/failover.sh "$JUDGED" ;;
    live) tests/pg/live.sh "$JUDGED" ;;
    mail) tests/pg/mail.sh "$JUDGED" ;;
    webhooks) tests/pg/webhooks.sh "$JUDGED" ;;
    api | hiring | workers | faults) "tests/$suite/run.sh" "$JUDGED" ;;
    *) echo "tests/pg: no suite '$suite'" >&2; false ;;
  esac || failed+=("$suite")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "tests/pg: FAILED on PostgreSQL: ${failed[*]}"
  exit 1
fi
echo "tests/pg: every suite passed on PostgreSQL (${suites[*]})"
