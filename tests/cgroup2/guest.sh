#!/bin/bash
# Runs inside the cgroup v2 guest (tests/cgroup2/run.sh boots it; its /init starts this). The
# kernel command line gave JUDGED (the judged binary) and BUILD (its build folder), host paths the
# guest sees at the same place. Every check writes one line to /mnt/out/results: "ok NAME" or
# "FAIL NAME why"; the full output goes to /mnt/out/guest.log and the console. /mnt/out/done marks
# a guest that got to the end.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root LANG=C.UTF-8
out=/mnt/out
results=$out/results
log=$out/guest.log
: >"$results"
exec > >(tee -a "$log") 2>&1

ok() { echo "ok $*" >>"$results"; echo "ok $*"; }
fail() { echo "FAIL $*" >>"$results"; echo "FAIL $*"; }
elapsed() { echo "$(($(date +%s) - t_start)) s"; }
t_start=$(date +%s)

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo" || { fail setup "no $repo"; touch "$out/done"; exit 1; }
echo "# guest: Linux $(uname -r), $(nproc) CPUs, $(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo) MiB"
ip link set lo up 2>/dev/null || busybox ip link set lo up

# --- The hierarchy a service manager makes ---
# The root enables the controllers for its children; the tests run in a group of their own, as
# a systemd service does (its group holds its processes, so it may not enable controllers for
# children before judged moves them into a leaf). judged must cope with exactly that.
cg=/sys/fs/cgroup
if ! grep -qw memory $cg/cgroup.controllers; then
    fail hierarchy "no memory controller in the guest's cgroup2 root"
    touch "$out/done"
    exit 1
fi
echo "+memory +pids +cpu" >$cg/cgroup.subtree_control || fail hierarchy "could not enable controllers"
mkdir -p $cg/tests.service
echo $$ >$cg/tests.service/cgroup.procs
echo "# root: controllers $(cat $cg/cgroup.controllers); subtree $(cat $cg/cgroup.subtree_control)"
echo "# tests run in $(cut -d: -f3 /proc/self/cgroup)"
if [[ -e $cg/memory.peak || -e $cg/tests.service/memory.peak ]]; then
    echo "# memory.peak present"
fi

# --- The sandbox's unit tests, their cgroup2 case ---
echo "# check_sandbox (cgroup2) starting at $(elapsed)"
unit_out=$out/check_sandbox.log
CHECK_SANDBOX_TIME_SCALE=10 CK_TIMEOUT_MULTIPLIER=4 CK_RUN_CASE=cgroup2 CK_VERBOSITY=verbose \
    "$BUILD/tests/check_sandbox" >"$unit_out" 2>&1
unit_rc=$?
cat "$unit_out"
if grep -q 'cgroup2 not writable' "$unit_out"; then
    fail unit/cgroup2 "check_sandbox skipped its cgroup2 cases: $(grep 'not writable' "$unit_out")"
else
    n=0
    while IFS=: read -r _file _line res tcase test _rest; do
        [[ $tcase == cgroup2 ]] || continue
        n=$((n + 1))
        case $res in
        P) ok "unit/$test" ;;
        *) fail "unit/$test" "$(cut -d: -f7- <<<"$_rest")" ;;
        esac
    done < <(grep -E '^[^:]+:[0-9]+:[PFE]:cgroup2:' "$unit_out")
    ((n > 0)) || fail unit/cgroup2 "no cgroup2 test ran (check_sandbox exited $unit_rc)"
    ((unit_rc == 0)) || grep -q '^[^:]*:[0-9]*:[FE]:' "$unit_out" ||
        fail unit/check_sandbox "exited $unit_rc"
fi
echo "# check_sandbox done at $(elapsed)"

# --- Hostile cases on memory, processes and threads ---
# Time limits x10 (in the guest's overlay only; the host's file is untouched): under emulation the
# translation of every new program's code is charged as its CPU time. Memory limits stay.
sed -i 's/time_limit: *\([0-9.]*\)/time_limit: 10/' tests/hostile/problem/problem.yaml
grep -o 'limits: .*' tests/hostile/problem/problem.yaml
keep=$out/hostile
mkdir -p "$keep"
HOSTILE_KEEP=$keep HOSTILE_VERBOSE=1 tests/hostile/run.sh "$JUDGED" 01 02 03 06 08 09 10 \
    >"$out/hostile.log" 2>&1
cat "$out/hostile.log"
while read -r status name rest; do
    case $status in
    ok) ok "hostile/$name" "$rest" ;;
    FAIL) fail "hostile/$name" "$rest" ;;
    esac
done <"$out/hostile.log"
grep -q -E '^(ok|FAIL) ' "$out/hostile.log" || fail hostile "no case ran"
# Each judged said how it limits memory.
modes=$(cat "$keep"/*.err 2>/dev/null | grep -o 'memory limits by [a-z0-9]*' | sort | uniq -c)
if [[ -n $modes && $(grep -c . <<<"$modes") == 1 && $modes == *cgroup2 ]]; then
    ok log/mode "judged: $(sed 's/^ *[0-9]* //' <<<"$modes")"
else
    fail log/mode "judged said: ${modes:-nothing}"
fi
echo "# hostile done at $(elapsed)"

# --- /healthz names the mode ---
data=$(mktemp -d /tmp/healthz.XXXXXX)
JUDGE_ADMIN_TOKEN=guest-token "$JUDGED" --listen 127.0.0.1:0 --port-file "$data/port" \
    --data "$data/d" --workers 1 >"$data/log" 2>&1 &
jpid=$!
port=
for _ in $(seq 600); do
    [[ -s $data/port ]] && port=$(cat "$data/port") && break
    kill -0 $jpid 2>/dev/null || break
    sleep 0.1
done
health=
if [[ -n $port ]]; then
    for _ in $(seq 300); do
        health=$(curl -s -m 5 "http://127.0.0.1:$port/healthz") && [[ -n $health ]] && break
        sleep 0.1
    done
fi
kill -TERM $jpid 2>/dev/null
wait $jpid
jrc=$?
if [[ $(jq -r .sandbox <<<"$health" 2>/dev/null) == cgroup2 ]]; then
    ok healthz/mode "$health"
else
    fail healthz/mode "healthz answered '${health:-nothing}'; log: $(tail -n 3 "$data/log" | tr '\n' ' ')"
fi
((jrc == 0)) && ok server/sigterm "exit 0" || fail server/sigterm "judged exited $jrc after SIGTERM"
grep -q 'memory limits by cgroup2' "$data/log" && ok server/log "says memory limits by cgroup2" ||
    fail server/log "start-up log: $(grep -m1 'memory limits' "$data/log")"
echo "# healthz done at $(elapsed)"

# --- Nothing of judged's is left in the hierarchy ---
left=$(find $cg -name 'judged-[0-9]*' -type d 2>/dev/null | tr '\n' ' ')
[[ -z $left ]] && ok cgroups/cleaned "no judged-PID group left" || fail cgroups/cleaned "left: $left"

echo "# guest done in $(elapsed)"
sync
touch "$out/done"
