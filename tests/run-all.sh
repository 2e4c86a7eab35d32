#!/usr/bin/env bash
# Every test suite, in order of cost. Prints one line per suite and, last, the plain
# "N passed, M failed" count of suites.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0 failed=0
mkdir -p tests/artifacts
suite() {
  local name=$1; shift
  local log="tests/artifacts/$name.log"
  local start=$SECONDS
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1)); echo "suite ok   $name ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1)); echo "suite FAIL $name ($((SECONDS - start)) s): last lines of $log:"
    tail -n 40 "$log" | sed 's/^/    /'
  fi
}

suite format bash -c 'clang-format --dry-run -Werror judge/*.[ch] judge/lang/*.[ch] server/*.[ch] server/*/*.[ch] cli/*.[ch] worker/*.[ch] tests/unit/*.[ch] tests/fuzz/*.[ch] bench/*.[ch]'
suite unit meson test -C build --print-errorlogs
suite unit-asan bash -c '[ -d build-asan ] || meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false >/dev/null; meson compile -C build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 meson test -C build-asan --print-errorlogs'
suite e2e tests/e2e/run.sh build/cli/judged
suite lang tests/lang/run.sh build/cli/judged
suite hostile tests/hostile/run.sh build/cli/judged
suite hostile-placed tests/hostile/placed.sh build/cli/judged
# cgroup v2 in Debian's kernel under QEMU (TCG): slow, so the guest gets a generous bound.
suite cgroup2 env CGROUP2_TIMEOUT=1500 tests/cgroup2/run.sh build/cli/judged
suite catalogue tests/catalogue.sh build/cli/judged
suite mutants tests/mutants/run.sh build/cli/judged
suite kattis tests/kattis/run.sh build/cli/judged
suite api tests/api/run.sh build/cli/judged
suite openapi tests/api/openapi_check.py
suite hiring tests/hiring/run.sh build/cli/judged
suite web tests/web/run.sh
suite faults tests/faults/run.sh build/cli/judged
suite workers tests/workers/run.sh build/cli/judged
# On PostgreSQL: every statement prepared, the store's unit tests, the api, hiring, workers and
# recovery (faults) suites, the two-node failover, live progress across nodes, mail and webhooks
# sent once from two nodes.
suite pg tests/pg/run.sh build/cli/judged
suite deploy tests/deploy_check.sh build/cli/judged
suite load tests/load/run.py build/cli/judged 1000 50
suite fuzz tests/fuzz/run.sh 30
suite container tests/container/run.sh
# The same suites against the ASan+UBSan+LeakSanitizer build of judged; any sanitizer report fails.
suite e2e-asan tests/sanitized.sh tests/e2e/run.sh
suite hostile-asan tests/sanitized.sh tests/hostile/run.sh
suite catalogue-asan tests/sanitized.sh tests/catalogue.sh
suite api-asan tests/sanitized.sh tests/api/run.sh
suite hiring-asan tests/sanitized.sh tests/hiring/run.sh
suite faults-asan tests/sanitized.sh tests/faults/run.sh
suite workers-asan tests/sanitized.sh tests/workers/run.sh
suite load-asan tests/sanitized.sh tests/load/run.py 300 30
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
