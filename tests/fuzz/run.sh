#!/usr/bin/env bash
# The Debian packages the harnesses need (the clang toolchain with libFuzzer, llvm-symbolizer for
# readable stacks, pkg-config and the libraries judge/ links).
DEBIAN_PACKAGES="clang libclang-rt-14-dev llvm pkg-config libyaml-dev libarchive-dev"

# Fuzzes the parsers of untrusted input (judge/, and the server's request validation) with libFuzzer: tests/fuzz/run.sh [SECONDS]
# Builds every harness (build.sh), runs each for SECONDS (default 30) on its checked-in seeds
# (corpus/NAME/) and what earlier runs found (build-fuzz/corpus/NAME/), and fails if any of them
# crashes, leaks, hangs or runs out of memory. Crash inputs and each run's log are left in
# tests/artifacts/fuzz/; replay one with build-fuzz/fuzz_NAME FILE.
# FUZZ_HARNESSES="pkg checker" runs only those.

set -euo pipefail

secs=${1:-30}
case $secs in
'' | *[!0-9]*)
    echo "usage: tests/fuzz/run.sh [SECONDS]" >&2
    exit 2
    ;;
esac
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
art=$root/tests/artifacts/fuzz
read -ra harnesses <<<"${FUZZ_HARNESSES:-pkg unpack checker request latex}"
declare -A max_len=([pkg]=8192 [unpack]=32768 [checker]=4096 [request]=8192 [latex]=16384)

for tool in clang pkg-config; do
    if ! command -v "$tool" >/dev/null; then
        echo "run.sh: '$tool' is missing; apt-get install $DEBIAN_PACKAGES" >&2
        exit 1
    fi
done

echo "fuzz: Debian packages needed: $DEBIAN_PACKAGES"
rm -rf "$art"
mkdir -p "$art"
FUZZ_BUILD_DIR=$build "$root/tests/fuzz/build.sh" "${harnesses[@]}"
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

passed=0 failed=0
for h in "${harnesses[@]}"; do
    corpus=$build/corpus/$h
    mkdir -p "$corpus"
    args=(-max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len="${max_len[$h]:-4096}"
        -print_final_stats=1 -artifact_prefix="$art/$h-")
    [ -f "$root/tests/fuzz/$h.dict" ] && args+=(-dict="$root/tests/fuzz/$h.dict")
    log=$art/$h.log
    status=ok
    if ! "$build/fuzz_$h" "${args[@]}" "$corpus" "$root/tests/fuzz/corpus/$h" >"$log" 2>&1; then
        status=FAILED
    fi
    found=$(find "$art" -maxdepth 1 -name "$h-*" -type f | sort)
    [ -z "$found" ] || status=FAILED
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "fuzz $h: $status, ${runs:-?} runs in ${secs}s (${rate:-?} exec/s)," \
        "corpus $(find "$corpus" -type f | wc -l) + $(find "$root/tests/fuzz/corpus/$h" -type f | wc -l) seeds"
    if [ "$status" = ok ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        grep -E -A12 '^==[0-9]+==|^fuzz invariant|runtime error' "$log" | head -40 >&2 || tail -20 "$log" >&2
        for f in $found; do
            echo "  crash input: $f (replay: $build/fuzz_$h $f)" >&2
        done
        echo "  log: $log" >&2
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
