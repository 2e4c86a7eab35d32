#!/usr/bin/env bash
# Verdict stability under load: the same three programs judged ROUNDS times each on an idle
# machine, then ROUNDS times each while HOGS CPU-bound processes compete, each in a CPU control
# group of its own as a host's services are (busy loops sharing one group are held to one group's
# share by the scheduler's group fairness and show nothing). The problem has one test and a time
# limit of 1 s:
#   cpu-0.6x  uses 0.6 s of CPU and answers: must be AC every time
#   cpu-1.5x  would use 1.5 s of CPU: must be TLE every time
#   sleeper   sleeps: must be TLE every time (by wall time)
# Each judgement is `judged judge` (the CLI: one sandbox slot, as a worker judges); the lines
# give the verdict, the test's CPU time (time_ms) and, where the judged reports it, its wall time.
#
#   sudo bench/stability.sh [JUDGED]        (as root, or with sudo)
#   env: ROUNDS=10 HOGS=12
# The last line is machine-readable: RESULT stability idle=... loaded=... (per program: the
# count of the expected verdict out of ROUNDS).
set -euo pipefail
cd "$(dirname "$0")/.."
JUDGED=${1:-${JUDGED:-build/cli/judged}}
ROUNDS=${ROUNDS:-10}
HOGS=${HOGS:-12}
. bench/lib.sh

[ "$(id -u)" = 0 ] || { echo "stability.sh: run as root (or with sudo)" >&2; exit 2; }
T=$(mktemp -d /tmp/judged-stability.XXXXXX)
hog_pids=()
groups=()
cleanup() {
  for p in "${hog_pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  for p in "${hog_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  for g in "${groups[@]}"; do rmdir "$g" 2>/dev/null || true; done
  rm -rf "$T"
}
trap cleanup EXIT

# The problem: time limit 1 s, one test.
P=$T/problem
mkdir -p "$P/data/secret" "$P/statement"
echo 'Print ok.' >"$P/statement/problem.en.md"
printf 'name: Stability\nlimits: {time_limit: 1, memory: 64}\n' >"$P/problem.yaml"
echo 1 >"$P/data/secret/1.in"
echo ok >"$P/data/secret/1.ans"
spin() { # a program that burns $1 ms of CPU time, then answers
  cat <<EOF
#include <stdio.h>
#include <time.h>
int main(void)
{
    struct timespec t;
    volatile unsigned long x = 0;
    do {
        for (int i = 0; i < 100000; i++)
            x++;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    } while (t.tv_sec * 1000 + t.tv_nsec / 1000000 < $1);
    puts("ok");
    return 0;
}
EOF
}
spin 600 >"$T/cpu-0.6x.c"
spin 1500 >"$T/cpu-1.5x.c"
printf '#include <unistd.h>\nint main(void)\n{\n    sleep(100);\n    return 0;\n}\n' >"$T/sleeper.c"
declare -A want=([cpu-0.6x]=AC [cpu-1.5x]=TLE [sleeper]=TLE)
programs=(cpu-0.6x cpu-1.5x sleeper)

# The competing services: a CPU group each, under the cgroup v1 cpu controller or, on the
# unified hierarchy, under a parent group with the cpu controller enabled for its children.
make_group() {
  local g
  if [ -d /sys/fs/cgroup/cpu ] && [ -w /sys/fs/cgroup/cpu/cgroup.procs ]; then
    g=/sys/fs/cgroup/cpu/judged-stability-$$-$1
    mkdir "$g"
  elif [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw cpu /sys/fs/cgroup/cgroup.controllers; then
    local parent=/sys/fs/cgroup/judged-stability-$$
    if [ ! -d "$parent" ]; then
      mkdir "$parent"
      echo +cpu >"$parent/cgroup.subtree_control"
    fi
    g=$parent/s$1
    mkdir "$g"
    echo 100 >"$g/cpu.weight"
  else
    echo "stability.sh: no writable cpu controller (v1 /sys/fs/cgroup/cpu or v2 +cpu)" >&2
    exit 1
  fi
  echo "$g"
}
start_hogs() {
  for i in $(seq 1 "$HOGS"); do
    g=$(make_group "$i")
    groups+=("$g")
    bash -c 'while :; do :; done' &
    hog_pids+=("$!")
    echo "$!" >"$g/cgroup.procs"
  done
  [ -d "/sys/fs/cgroup/judged-stability-$$" ] && groups+=("/sys/fs/cgroup/judged-stability-$$")
  return 0
}

declare -A got
judge_all() { # $1: idle or loaded
  for prog in "${programs[@]}"; do
    got[$1.$prog]=0
    for r in $(seq 1 "$ROUNDS"); do
      out=$("$JUDGED" judge "$P" "$T/$prog.c" 2>"$T/stderr" || true)
      line=$(jq -r '.tests[0] | "\(.verdict) time_ms=\(.time_ms) wall_ms=\(.wall_ms // "-")"' \
        <<<"$out" 2>/dev/null || true)
      [ -n "$line" ] || line="no-result $(tail -n 1 "$T/stderr")"
      v=${line%% *}
      [ "$v" = "${want[$prog]}" ] && got[$1.$prog]=$((got[$1.$prog] + 1))
      msg=$(jq -r '.tests[0].message // .error // empty' <<<"$out" 2>/dev/null || true)
      printf '%-6s %-9s #%-2d %s%s\n' "$1" "$prog" "$r" "$line" "${msg:+  ($msg)}"
    done
  done
}

echo "machine: $(bench_machine)"
echo "judged: $JUDGED; $ROUNDS rounds per program; time limit 1 s"
judge_all idle
start_hogs
echo "loaded: $HOGS busy loops, each in a CPU group of its own (${groups[0]%/*})"
judge_all loaded
summary() {
  local s=""
  for prog in "${programs[@]}"; do s+="$prog:${got[$1.$prog]}/$ROUNDS,"; done
  echo "${s%,}"
}
echo "expected verdicts: cpu-0.6x AC, cpu-1.5x TLE, sleeper TLE"
echo "RESULT stability idle=$(summary idle) loaded=$(summary loaded)"
