#!/usr/bin/env bash
# The hostile-program corpus: judges every tests/hostile/NN-name/main.* (c, cpp, py, java, js, go, rs) against
# tests/hostile/problem and compares the verdict with NN-name/expect. Around each case it checks
# that the host was not touched:
#   - a canary file under /tmp keeps its content;
#   - no process of the sandbox uids of the range judged claims (60000-60255 when it is free) is left: none in judged's cgroups, none new
#     outside any judged cgroup;
#   - judged's work folder (/tmp/judged-PID) and cgroups (judged-PID) are gone, /tmp gains no entry
#     of a sandbox uid, and none of the host paths the case's attack would create had it escaped
#     (the globs in its `markers` file, e.g. /tmp/fill*) is new or changed. Other new /tmp
#     entries are other processes' and are not looked at;
#   - problems/ keeps its file count and holds no file of a sandbox uid;
#   - judged's output holds no line of /etc/shadow nor of its environment (HOSTILE_SECRET included);
#   - judged's exit status matches the verdict (0 AC, 1 other, 3 IE);
#   - for cases with a file `canary-process`: a process of uid 60000 (the slot's uid) placed in
#     judged's own process group survives, i.e. signals stay inside the sandbox;
#   - for cases with a file `native-fate`: the program is first run as a normal process on the
#     host; when the kernel itself kills it there (int 0x80 without IA32 emulation: SIGSEGV), the
#     sandbox may give the same fate (RE) instead of `expect`.
#
# usage: tests/hostile/run.sh [JUDGED] [CASE...]     (as root; JUDGED defaults to
#        build/cli/judged; CASE filters by folder name prefix, e.g. 01 or 01-fork-bomb)
# HOSTILE_VERBOSE=1 adds each case's time and first test message on stderr; HOSTILE_KEEP=DIR
# keeps judged's output of every case there. Cases run one at a time: two judged processes share
# uid 60000 (slot 0) and its RLIMIT_NPROC, which makes the limits cases flaky.
#
# On a shared host (other judged processes running, or sandbox-uid processes present before the
# run) problems/ changes that cannot come from this judged (not owned by a sandbox uid) are only
# noted on stderr; HOSTILE_STRICT=1 makes them failures anyway, HOSTILE_STRICT=0 never.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo" || exit 2
judged=${1:-build/cli/judged}
shift $(($# > 0 ? 1 : 0))
case $judged in /*) ;; *) judged=$repo/$judged ;; esac
if [[ ! -x $judged ]]; then
    echo "no judged binary at $judged" >&2
    exit 2
fi
if [[ $(id -u) != 0 ]]; then
    echo "run as root: judged needs it" >&2
    exit 2
fi
command -v jq >/dev/null || apt-get install -y jq >/dev/null 2>&1 || {
    echo "jq is missing and could not be installed" >&2
    exit 2
}
command -v setpriv >/dev/null || {
    echo "setpriv (util-linux) is missing" >&2
    exit 2
}

problem=$here/problem
# Every judge claims a range of 256 sandbox uids from 60000 by holding a lock file
# (judge/host.c); `judged judge` takes the first free one and runs its only slot as its first uid.
first_free_range() {
  local i dir=/run/lock
  [ -d "$dir" ] || dir=/tmp
  for i in $(seq 0 63); do
    if flock -n "$dir/judged-uids-$i.lock" true 2>/dev/null; then
      echo "$i"
      return
    fi
  done
  echo 0
}
canary_uid=$((60000 + $(first_free_range) * 256)) # the uid `judged judge` gives its only slot
uid_lo=$canary_uid # the range that judge claims: other judges' uids are theirs
uid_hi=$((canary_uid + 255))
tmpdir=${TMPDIR:-/tmp}

# A secret in the judge's environment: it must never reach judged's output.
HOSTILE_SECRET="hostile-secret-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
export HOSTILE_SECRET

scratch=$(mktemp -d /tmp/hostile-run.XXXXXX) || exit 2
canary=/tmp/hostile-canary.$$
od -An -N64 -tx1 /dev/urandom >"$canary"
canary_sum=$(sha256sum <"$canary")
trap 'rm -rf "$scratch" "$canary"' EXIT

# Lines that must not appear in judged's output: /etc/shadow's, and the environment's
# (NAME=value lines; short ones like SHLVL=1 are too likely to match by chance).
secrets=$scratch/secrets
{
    [[ -r /etc/shadow ]] && grep -v '^[[:space:]]*$' /etc/shadow
    env | awk 'length($0) >= 12'
    printf '%s\n' "$HOSTILE_SECRET"
} >"$secrets"

sandbox_pids() { ps -e -o pid=,uid= | awk -v lo=$uid_lo -v hi=$uid_hi '$2 >= lo && $2 <= hi { print $1 }'; }
other_judges() { pgrep -x judged | grep -v -x -F "${1:-0}"; }
tmp_entries() { ls -A /tmp | sort; }
# The host paths a case's attack would create had it escaped, with what they are now.
marker_state() {
    local g f
    [[ -f $1/markers ]] || return 0
    while read -r g; do
        [[ -z $g || $g == \#* ]] && continue
        for f in $g; do
            [[ -e $f ]] && stat -c '%n %i %Y %s %u' "$f"
        done
    done <"$1/markers"
}
# What the kernel does to the case's program run as a normal process: "exit N" or "signal NAME".
native_fate() {
    local exe=$scratch/native
    gcc -O1 -w -o "$exe" "$1" 2>/dev/null || { echo "no build"; return; }
    timeout -k 1 10 "$exe" >/dev/null 2>&1
    local rc=$?
    if ((rc > 128 && rc != 137 && rc != 124)); then echo "signal $(kill -l $((rc - 128)))"; else echo "exit $rc"; fi
}
problem_files() { find problems -type f 2>/dev/null | sort; }
describe() { ps -o pid=,uid=,stat=,comm= -p "$1" 2>/dev/null | tr -s ' '; }

# The processes of sandbox uids that come from judged $1: in its cgroups (a sandboxed process
# cannot leave them), or new ones (not in $2) in no judged cgroup at all.
leftovers() {
    local jp=$1 before=$2 pid cg
    for pid in $(sandbox_pids); do
        cg=$(cat /proc/"$pid"/cgroup 2>/dev/null) || continue
        if grep -q "/judged-$jp/" <<<"$cg"; then
            describe "$pid"
        elif ! grep -q "/judged-" <<<"$cg" && ! grep -q -x -F "$pid" <<<"$before"; then
            describe "$pid"
        fi
    done
}

cases=()
for d in "$here"/[0-9][0-9]-*/; do
    d=${d%/}
    name=$(basename "$d")
    if (($# > 0)); then
        want=0
        for f in "$@"; do [[ $name == "$f"* ]] && want=1; done
        ((want)) || continue
    fi
    cases+=("$d")
done

passed=0
failed=0
start=$(date +%s.%N)
for d in "${cases[@]}"; do
    name=$(basename "$d")
    src=
    for f in main.c main.cpp main.py main.java main.js main.go main.rs; do [[ -f $d/$f ]] && src=$d/$f; done
    expect=$(tr -d ' \n' <"$d/expect" 2>/dev/null)
    if [[ -z $src || -z $expect ]]; then
        echo "FAIL $name expected ${expect:-?} got none (no main.c/main.cpp or no expect)"
        failed=$((failed + 1))
        continue
    fi

    reasons=()
    notes=()
    before_pids=$(sandbox_pids)
    shared=0
    [[ -n $before_pids || -n $(other_judges) ]] && shared=1
    [[ -n $before_pids ]] && notes+=("sandbox-uid processes before the run (another judge?): $(echo $before_pids)")
    before_tmp=$(tmp_entries)
    before_markers=$(marker_state "$d")
    before_problems=$(problem_files)
    also=
    if [[ -f $d/native-fate ]]; then
        fate=$(native_fate "$src")
        [[ $fate == signal* ]] && also=RE
        notes+=("as a normal process on this host: $fate${also:+; RE accepted too}")
    fi

    # judged runs under timeout, which gives it a process group of its own. The wrapper shell
    # records judged's pid and, for canary cases, starts a process of the slot's uid in that
    # group first: a signal to the program's process group that leaked out of its pid namespace
    # would reach it. The wrapper stays the canary's parent, notes whether it still lives after
    # judged, then kills and reaps it.
    out=$scratch/out
    err=$scratch/err
    state=$scratch/canary.state
    jpfile=$scratch/judged.pid
    rm -f "$state" "$jpfile"
    want_canary=0
    [[ -f $d/canary-process ]] && want_canary=1
    t0=$(date +%s.%N)
    timeout -k 5 60 bash -c '
        state=$1 jpfile=$2 want=$3
        shift 3
        c=
        if ((want)); then
            setpriv --reuid='$canary_uid' --regid='$canary_uid' --clear-groups -- sleep 600 \
                </dev/null >/dev/null 2>&1 &
            c=$!
            # Until it is the sleep of the slot uid (a root process would survive any leak).
            for _ in $(seq 1 1000); do
                [[ $(ps -o uid=,comm= -p $c 2>/dev/null | tr -s " ") == *'$canary_uid'" sleep" ]] && break
                [[ -d /proc/$c ]] || break
                sleep 0.01
            done
            [[ $(ps -o uid=,comm= -p $c 2>/dev/null | tr -s " ") == *'$canary_uid'" sleep" ]] ||
                echo "did not start" >"$state"
        fi
        "$@" &
        echo $! >"$jpfile"
        wait $!
        rc=$?
        if [[ -n $c ]]; then
            if [[ ! -s $state ]]; then
                st=$(ps -o stat=,comm= -p $c 2>/dev/null)
                if [[ $st == [SR]*sleep* ]]; then echo alive >"$state"; else echo "killed (${st:-reaped})" >"$state"; fi
            fi
            kill $c 2>/dev/null
            wait $c 2>/dev/null
        fi
        exit $rc' hostile-wrap "$state" "$jpfile" "$want_canary" \
        "$judged" judge "$problem" "$src" >"$out" 2>"$err"
    rc=$?
    t1=$(date +%s.%N)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
    jp=$(cat "$jpfile" 2>/dev/null)
    jp=${jp:-0}

    verdict=$(jq -r '.verdict // "none"' <"$out" 2>/dev/null)
    [[ -z $verdict ]] && verdict=none
    if ((rc == 124 || rc == 137)); then
        reasons+=("judged did not finish within 60 s")
    elif [[ $verdict != none ]]; then
        want_rc=1
        [[ $verdict == AC ]] && want_rc=0
        [[ $verdict == IE ]] && want_rc=3
        ((rc == want_rc)) || reasons+=("judged exited $rc for $verdict")
    else
        reasons+=("no verdict, judged exited $rc: $(tail -n 2 "$err" | tr '\n' ' ')")
    fi
    if ((want_canary)); then
        cstate=$(cat "$state" 2>/dev/null)
        [[ $cstate == alive ]] ||
            reasons+=("canary process of uid $canary_uid in judged's process group: ${cstate:-unknown}")
    fi

    [[ -n $(other_judges "$jp") ]] && shared=1

    # Processes: nothing of this judged may remain (its sandboxes die with their pid 1). A
    # process killed with its namespace may still be on its way out: until it is gone (bounded).
    left=$(leftovers "$jp" "$before_pids")
    for _ in $(seq 1 100); do
        [[ -z $left ]] && break
        sleep 0.05
        left=$(leftovers "$jp" "$before_pids")
    done
    [[ -n $left ]] && reasons+=("sandbox-uid processes left: $(echo $left)")
    [[ -e $tmpdir/judged-$jp ]] && reasons+=("judged's work folder $tmpdir/judged-$jp is left")
    cgs=$(find /sys/fs/cgroup -maxdepth 8 -type d -name "judged-$jp" 2>/dev/null | tr '\n' ' ')
    [[ -n $cgs ]] && reasons+=("judged's cgroups are left: $cgs")
    [[ $(sha256sum <"$canary" 2>/dev/null) == "$canary_sum" ]] || reasons+=("canary file changed")

    # The attack's own marker files, and /tmp entries of this judge's sandbox uids: other
    # processes write to /tmp too, and what they write says nothing of this run.
    after_markers=$(marker_state "$d")
    if [[ $after_markers != "$before_markers" ]]; then
        changed=$(comm -13 <(echo "$before_markers") <(echo "$after_markers") | cut -d' ' -f1 | tr '\n' ' ')
        reasons+=("the attack's marker files appeared or changed on the host: $changed")
    fi
    for e in $(comm -13 <(echo "$before_tmp") <(tmp_entries)); do
        owner=$(stat -c %u "/tmp/$e" 2>/dev/null) || continue
        ((owner >= uid_lo && owner <= uid_hi)) && reasons+=("/tmp/$e was created by sandbox uid $owner")
    done

    # problems/: no sandbox may write there, and judged never does. Files added by root while
    # other judges run, or while other root-owned files appear, are another session's work.
    bad_owner=$(find problems -uid +$((uid_lo - 1)) -uid -$((uid_hi + 1)) 2>/dev/null | head -n 3 | tr '\n' ' ')
    [[ -n $bad_owner ]] && reasons+=("problems/ holds files of sandbox uids: $bad_owner")
    now_problems=$(problem_files)
    if [[ $now_problems != "$before_problems" ]]; then
        nb=$(grep -c . <<<"$before_problems")
        na=$(grep -c . <<<"$now_problems")
        added=$(comm -13 <(echo "$before_problems") <(echo "$now_problems"))
        [[ -n $added ]] && ! (cd "$repo" && xargs -r stat -c %u <<<"$added" 2>/dev/null | grep -q -v -x 0) && shared=1
        if ((${HOSTILE_STRICT:-$((!shared))})); then
            reasons+=("problems/ went from $nb to $na files")
        else
            notes+=("problems/ went from $nb to $na files (another session's, owned by root)")
        fi
    fi

    leak=$(cat "$out" "$err" | grep -F -f "$secrets" | head -n 1)
    [[ -n $leak ]] && reasons+=("judged's output holds a secret line: ${leak:0:60}")

    detail=$(jq -r '[.tests[]? | .message // empty] | first // empty' <"$out" 2>/dev/null)
    [[ -n $also && $verdict == "$also" ]] && expect=$also # the fate the kernel gives it anyway
    if [[ $verdict != "$expect" ]]; then
        reasons=("${detail:-no message}" "${reasons[@]}")
    fi
    if [[ $verdict != "$expect" ]] || ((${#reasons[@]})); then
        echo "FAIL $name expected $expect got $verdict ($(IFS=';'; echo "${reasons[*]}"))"
        failed=$((failed + 1))
    else
        echo "ok $name $verdict"
        passed=$((passed + 1))
    fi
    if [[ -n ${HOSTILE_VERBOSE:-} ]]; then
        echo "#   $name: ${secs}s, judged exit $rc${detail:+, $detail}" >&2
        for n in "${notes[@]}"; do echo "#   note: $n" >&2; done
    fi
    if [[ -n ${HOSTILE_KEEP:-} ]]; then
        mkdir -p "$HOSTILE_KEEP" && cp "$out" "$HOSTILE_KEEP/$name.json" && cp "$err" "$HOSTILE_KEEP/$name.err"
    fi
done
total=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
echo "# ${total}s in all" >&2
echo "$passed passed, $failed failed"
((failed == 0))
