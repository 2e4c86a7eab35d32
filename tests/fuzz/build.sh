#!/usr/bin/env bash
# Builds the libFuzzer harnesses into build-fuzz/: tests/fuzz/build.sh [NAME...] (default: all).
# Each harness is compiled with the judge/ sources it needs, directly with clang, with libFuzzer,
# ASan and UBSan (UBSan aborts, so that libFuzzer keeps the input). The Debian packages it needs
# are DEBIAN_PACKAGES in run.sh.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_BUILD_DIR:-$root/build-fuzz}
cc=${CC_FUZZ:-clang}

# One row per harness: tests/fuzz/fuzz_NAME.c, the judge/ files it links, its pkg-config packages.
declare -A sources=(
    [pkg]="pkg.c latex.c yamldoc.c strbuf.c fsutil.c lang.c lang/c.c lang/cpp.c lang/python.c lang/java.c lang/javascript.c lang/go.c lang/rust.c diag.c checker.c"
    [unpack]="unpack.c pkg.c latex.c yamldoc.c strbuf.c fsutil.c lang.c lang/c.c lang/cpp.c lang/python.c lang/java.c lang/javascript.c lang/go.c lang/rust.c diag.c"
    [checker]="checker.c fsutil.c"  # fsutil.c: fuzz.c uses it
    [request]="../server/http/reqcheck.c pkg.c latex.c yamldoc.c strbuf.c fsutil.c lang.c lang/c.c lang/cpp.c lang/python.c lang/java.c lang/javascript.c lang/go.c lang/rust.c diag.c"
    [latex]="latex.c strbuf.c diag.c fsutil.c"
)
declare -A packages=(
    [pkg]="yaml-0.1"
    [unpack]="libarchive yaml-0.1"
    [checker]=""
    [request]="jansson yaml-0.1"
    [latex]=""
)
all=(pkg unpack checker request latex)

if ! command -v "$cc" >/dev/null; then
    echo "build.sh: '$cc' is missing; install DEBIAN_PACKAGES from tests/fuzz/run.sh" >&2
    exit 1
fi

# shellcheck disable=SC2054 # the commas belong to -fsanitize
cflags=(-std=gnu17 -g -O1 -fno-omit-frame-pointer
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
    -Wall -Wextra -Wno-unused-parameter
    -I"$root/judge" -I"$root/server" -I"$root/server/http" -I"$root/tests/fuzz")

mkdir -p "$out"
names=("$@")
[ ${#names[@]} -gt 0 ] || names=("${all[@]}")
for name in "${names[@]}"; do
    if [ -z "${sources[$name]+x}" ]; then
        echo "build.sh: no harness '$name' (${all[*]})" >&2
        exit 2
    fi
    files=("$root/tests/fuzz/fuzz_$name.c" "$root/tests/fuzz/fuzz.c")
    for f in ${sources[$name]}; do
        files+=("$root/judge/$f")
    done
    pc=()
    if [ -n "${packages[$name]}" ]; then
        # shellcheck disable=SC2086 # one word per package
        read -ra pc <<<"$(pkg-config --cflags --libs ${packages[$name]})"
    fi
    echo "build.sh: $out/fuzz_$name"
    "$cc" "${cflags[@]}" "${files[@]}" "${pc[@]}" -lm -o "$out/fuzz_$name"
done
