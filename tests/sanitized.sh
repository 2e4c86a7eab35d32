#!/usr/bin/env bash
# Runs a test suite against the ASan+UBSan+LeakSanitizer build of judged and fails on any report
# the sanitizers write, even when the suite itself passed (a leak is only seen at exit).
#   tests/sanitized.sh SUITE [ARGS...]     the suite is given build-asan/cli/judged
set -uo pipefail
cd "$(dirname "$0")/.."
logs=$(mktemp -d /tmp/judged-sanitizers-XXXXXX)
export ASAN_OPTIONS="detect_leaks=1:log_path=$logs/asan"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$logs/ubsan"
suite=$1
shift
"$suite" build-asan/cli/judged "$@"
rc=$?
reports=$(find "$logs" -type f | wc -l)
if [ "$reports" -gt 0 ]; then
  echo "sanitizers wrote $reports report(s):"
  for f in "$logs"/*; do
    echo "--- $f"
    head -n 60 "$f"
  done
  rc=1
else
  echo "sanitizers: no reports"
fi
rm -rf "$logs"
exit "$rc"
