#!/usr/bin/env bash
# Hidden tests stay hidden wherever an operator puts the catalogue and the data folder.
#
# For each common place (/usr/local/share, /usr/share, /opt, /srv, /var/lib, /etc, /home), in a
# private mount namespace where that place is an overlay whose writable layer is a tmpfs (the host
# is never written), a small package is installed there with a unique secret answer, and:
#   - `judged judge PLACE/judged-placed-PID/placed ATTACK` judges each attack;
#   - a judged server with --problems PLACE/judged-placed-PID and --data PLACE/judged-placed-PID-data
#     runs each attack through the editor's Run button (POST /api/v1/run, whose answer holds the
#     program's stdout and stderr, as an anonymous client gets it).
# The attacks: `walk` lists the whole file system from / and reads every file of the package or
# holding the secret, `open` opens the package's answer file by its path, `incbin` embeds that
# file at compile time (`.incbin`), `include` includes it (`#include`, whose diagnostics would
# quote it). A run must answer CONTAINED, a compile must fail (CE), and the secret must appear in
# no output at all (stdout, stderr and every HTTP answer and log line of judged).
# Then judged must refuse to start, naming the folder and the shown path, when the package, the
# data folder or the problems folder is inside a folder the sandbox shows (/usr/include,
# /usr/lib/gcc), or contains one (/usr), and must make nothing there.
#
# usage: tests/hostile/placed.sh [JUDGED] [PLACE...]   (as root; JUDGED defaults to
#        build/cli/judged; PLACE limits the places, e.g. /opt /etc)
# PLACED_KEEP=DIR keeps every output there. Prints one line per check, then "N passed, M failed".
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
judged=${1:-build/cli/judged}
shift $(($# > 0 ? 1 : 0))
case $judged in /*) ;; *) judged=$repo/$judged ;; esac
if [[ ! -x $judged ]]; then
    echo "no judged binary at $judged" >&2
    exit 2
fi
if [[ $(id -u) != 0 ]]; then
    echo "run as root: judged and the mounts need it" >&2
    exit 2
fi
for tool in unshare jq curl gcc; do
    command -v "$tool" >/dev/null || {
        echo "placed: $tool is missing" >&2
        exit 2
    }
done

# Everything below runs in a mount namespace of its own, private: no mount reaches the host.
if [[ -z ${PLACED_INSIDE:-} ]]; then
    exec env PLACED_INSIDE=1 unshare -m --propagation private -- "$0" "$judged" "$@"
fi

places=("$@")
((${#places[@]})) || places=(/usr/local/share /usr/share /opt /srv /var/lib /etc /home)

scratch=$(mktemp -d /tmp/placed.XXXXXX) || exit 2
mount -t tmpfs -o size=64m,mode=0700 placed-scratch "$scratch" || exit 2
server_pid=
cleanup() {
    [[ -n $server_pid ]] && kill -KILL "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    umount -R "$scratch" 2>/dev/null
    rmdir "$scratch" 2>/dev/null
}
trap cleanup EXIT

secret="placedsecret_$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
name="judged-placed-$$"
passed=0
failed=0
ok() {
    echo "ok   $1"
    passed=$((passed + 1))
}
fail() {
    echo "FAIL $1: $2"
    failed=$((failed + 1))
}
keep() { [[ -n ${PLACED_KEEP:-} ]] && mkdir -p "$PLACED_KEEP" && cp "$1" "$PLACED_KEEP/$2"; }

# --- The package: samples answer CONTAINED, the hidden test's answer is the secret. -------------
pkg=$scratch/pkg/placed
mkdir -p "$pkg"/data/sample "$pkg"/data/secret "$pkg"/statement "$pkg"/submissions/accepted
cat >"$pkg/problem.yaml" <<'EOF'
problem_format_version: 2023-07-draft
name: Placed Catalogue
type: pass-fail
limits: {time_limit: 5, memory: 256}
validation: default
EOF
echo "Print CONTAINED for the sample." >"$pkg/statement/problem.en.md"
echo sample >"$pkg/data/sample/1.in"
echo CONTAINED >"$pkg/data/sample/1.ans"
echo hidden >"$pkg/data/secret/1.in"
echo "$secret" >"$pkg/data/secret/1.ans"
cat >"$pkg/submissions/accepted/ok.c" <<EOF
#include <stdio.h>
int main(void) { char w[16] = ""; if (scanf("%15s", w) != 1) return 1;
    puts(w[0] == 's' ? "CONTAINED" : "$secret"); return 0; }
EOF

# --- The attacks, for a package at $1 (its path is no secret; its answers are). ------------------
attacks=(walk open incbin include)
want_of() { case $1 in walk | open) echo run ;; *) echo compile ;; esac; }
make_attacks() {
    local at=$1 dir=$2
    mkdir -p "$dir"
    cat >"$dir/walk.c" <<EOF
/* Lists every folder from / and reads each file of the package, or holding the secret's prefix. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
static int leaked;
static void look(const char *path, int depth) {
    DIR *d = opendir(path);
    if (!d || depth > 40) { if (d) closedir(d); return; }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", strcmp(path, "/") ? path : "", e->d_name);
        if (strstr(p, "judged-placed")) { printf("LEAKED %s\n", p); leaked = 1; }
        if (leaked && depth > 0 && !strstr(p, "judged-placed")) break;
        if (e->d_type == DT_DIR) { look(p, depth + 1); continue; }
        if (e->d_type != DT_REG) continue;
        size_t n = strlen(p);
        if (!strstr(p, "judged-placed") && !(n > 4 && !strcmp(p + n - 4, ".ans"))) continue;
        int fd = open(p, O_RDONLY);
        char buf[4096];
        ssize_t k = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
        if (fd >= 0) close(fd);
        if (k > 0) { buf[k] = 0; if (strstr(p, "judged-placed") || strstr(buf, "placedsecret_")) {
            printf("LEAKED %s: %s\n", p, buf); fprintf(stderr, "%s\n", buf); leaked = 1; } }
    }
    closedir(d);
}
int main(void) {
    /* The common places first, as an attacker would; then everything there is. */
    const char *roots[] = {"/usr/local", "/usr/share", "/opt", "/srv", "/var", "/etc", "/home",
                           "/root", "/data", "/", 0};
    for (int i = 0; roots[i] && !leaked; i++) look(roots[i], 0);
    if (!leaked) puts("CONTAINED");
    return 0;
}
EOF
    cat >"$dir/open.c" <<EOF
/* Opens the package's hidden answer, and the package's folder, by their host paths. */
#include <dirent.h>
#include <stdio.h>
int main(void) {
    int leaked = 0;
    FILE *f = fopen("$at/data/secret/1.ans", "r");
    char buf[256];
    if (f && fgets(buf, sizeof buf, f)) { printf("LEAKED %s", buf); fprintf(stderr, "%s", buf); leaked = 1; }
    if (opendir("$at") || opendir("$(dirname "$at")")) { puts("LEAKED folder"); leaked = 1; }
    if (!leaked) puts("CONTAINED");
    return 0;
}
EOF
    cat >"$dir/incbin.c" <<EOF
/* Embeds the hidden answer at compile time: the assembler must not find it. */
#include <stdio.h>
__asm__(".section .rodata\n.globl answer\nanswer:\n.incbin \"$at/data/secret/1.ans\"\n.byte 0\n.text\n");
extern const char answer[];
int main(void) { printf("LEAKED %s", answer); return 0; }
EOF
    cat >"$dir/include.c" <<EOF
/* Includes the hidden answer: the preprocessor must not find it (its diagnostics would quote it). */
int main(void) {
    return
#include "$at/data/secret/1.ans"
    ;
}
EOF
}

# The secret in a file: a failure, wherever it shows.
leaks() { grep -l -F -- "$secret" "$@" 2>/dev/null; }

# Judges one attack with the CLI; $1 place label, $2 package, $3 attack source.
cli_attack() {
    local label=$1 at=$2 src=$3 attack out err rc verdict sample
    attack=$(basename "$src" .c)
    out=$scratch/cli.out
    err=$scratch/cli.err
    timeout -k 5 120 "$judged" judge "$at" "$src" >"$out" 2>"$err"
    rc=$?
    keep "$out" "cli-${label//\//_}-$attack.json"
    keep "$err" "cli-${label//\//_}-$attack.err"
    verdict=$(jq -r '.verdict // "none"' <"$out" 2>/dev/null)
    sample=$(jq -r '[.tests[]? | select(.name == "sample/1") | .verdict] | first // "none"' <"$out" 2>/dev/null)
    if [[ -n $(leaks "$out" "$err") ]]; then
        fail "$label judge $attack" "the secret is in judged's output"
    elif [[ $(want_of "$attack") == run && $sample != AC ]]; then
        fail "$label judge $attack" "sample verdict $sample (want AC: the run saw nothing), judged exit $rc: $(jq -r '[.tests[]?.message // empty] | first // empty' <"$out" 2>/dev/null) $(tail -n 2 "$err" | tr '\n' ' ')"
    elif [[ $(want_of "$attack") == compile && $verdict != CE ]]; then
        fail "$label judge $attack" "verdict $verdict (want CE: the compiler must not read the answer), judged exit $rc"
    else
        ok "$label judge $attack (sample/1 $sample, verdict $verdict)"
    fi
}

# Runs one attack through POST /api/v1/run on the server at $1; $2 place label, $3 source.
run_attack() {
    local base=$1 label=$2 src=$3 attack out code compiled stdout
    attack=$(basename "$src" .c)
    out=$scratch/run.out
    code=$(jq -n --rawfile s "$src" '{problem: "placed", language: "c", source: $s, input: "sample\n"}' |
        curl -s -o "$out" -w '%{http_code}' -H 'Content-Type: application/json' \
            --data-binary @- "$base/api/v1/run")
    keep "$out" "run-${label//\//_}-$attack.json"
    compiled=$(jq -r '.compiled' <"$out" 2>/dev/null)
    stdout=$(jq -r '.stdout // empty' <"$out" 2>/dev/null)
    if [[ -n $(leaks "$out") ]]; then
        fail "$label run $attack" "the secret is in the Run answer"
    elif [[ $code != 200 ]]; then
        fail "$label run $attack" "HTTP $code: $(head -c 300 "$out")"
    elif [[ $(want_of "$attack") == run && ($compiled != true || $stdout != CONTAINED) ]]; then
        fail "$label run $attack" "compiled $compiled, stdout '${stdout:0:200}' (want CONTAINED)"
    elif [[ $(want_of "$attack") == compile && $compiled != false ]]; then
        fail "$label run $attack" "it compiled: the compiler read the answer"
    else
        ok "$label run $attack"
    fi
}

# Makes $1 writable in this namespace alone: an overlay whose upper layer is on the scratch tmpfs.
overlay_n=0
overlay() {
    local place=$1 layer
    overlay_n=$((overlay_n + 1))
    layer=$scratch/layer$overlay_n
    mkdir -p "$layer/up" "$layer/work"
    mount -t overlay "placed-$overlay_n" -o "lowerdir=$place,upperdir=$layer/up,workdir=$layer/work" "$place"
}

# Starts a judged server; $1 data, $2 problems, $3 log. Sets server_pid and base, or fails.
start_server() {
    local data=$1 problems=$2 log=$3 portfile=$scratch/port
    rm -f "$portfile"
    JUDGE_ADMIN_TOKEN="placed-admin-$$" "$judged" --listen 127.0.0.1:0 --port-file "$portfile" \
        --data "$data" --problems "$problems" --workers 1 --anon-rate 1000 >"$log" 2>&1 &
    server_pid=$!
    local port= i
    # Until the server answers /healthz 200 (ready: the start-up import is done), or exits.
    for ((i = 0; i < 1200; i++)); do
        kill -0 "$server_pid" 2>/dev/null || return 1
        [[ -z $port && -s $portfile ]] && port=$(cat "$portfile")
        if [[ -n $port ]] && [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz") == 200 ]]; then
            base=http://127.0.0.1:$port
            return 0
        fi
        sleep 0.1
    done
    return 1
}

stop_server() {
    [[ -n $server_pid ]] || return
    kill -TERM "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
    server_pid=
}

# --- Each place ---------------------------------------------------------------------------------
for place in "${places[@]}"; do
    if [[ ! -d $place ]]; then
        fail "$place" "no such folder on this host"
        continue
    fi
    if ! overlay "$place"; then
        fail "$place" "cannot make an overlay on it (mount -t overlay)"
        continue
    fi
    problems=$place/$name
    at=$problems/placed
    mkdir -p "$problems"
    cp -r "$pkg" "$at"
    # Readable by everyone, on purpose: the sandbox's view alone must hide it. (The deploy files
    # also make the catalogue root's, mode 0700: a second wall, not what is tested here.)
    chown -R 0:0 "$problems"
    chmod -R a+rX "$problems"
    adir=$scratch/attacks$overlay_n
    make_attacks "$at" "$adir"
    for a in "${attacks[@]}"; do
        cli_attack "$place" "$at" "$adir/$a.c"
    done
    log=$scratch/server.log
    if start_server "$place/$name-data" "$problems" "$log"; then
        for a in "${attacks[@]}"; do
            run_attack "$base" "$place" "$adir/$a.c"
        done
        stop_server
    else
        fail "$place server" "judged did not become ready: $(tail -n 3 "$log" | tr '\n' ' ')"
        stop_server
    fi
    keep "$log" "server-${place//\//_}.log"
    [[ -n $(leaks "$log") ]] && fail "$place server" "the secret is in judged's log"
    umount "$place" || fail "$place" "cannot unmount the overlay"
done

# --- Refusals: the folders where the sandbox looks ----------------------------------------------
# Each: a command, the exit status it must have, and what its message must name.
refuse() {
    local label=$1 want_rc=$2 shown=$3 folder=$4
    shift 4
    local err=$scratch/refuse.err rc
    timeout -k 5 60 "$@" >"$scratch/refuse.out" 2>"$err"
    rc=$?
    keep "$err" "refuse-${label// /_}.err"
    if ((rc != want_rc)); then
        fail "refuse $label" "exit $rc, want $want_rc: $(tail -n 2 "$err" | tr '\n' ' ')"
    elif ! grep -q -F "'$folder'" "$err" || ! grep -q -F "'$shown'" "$err"; then
        fail "refuse $label" "the message names not both '$folder' and '$shown': $(tail -n 2 "$err")"
    elif [[ -n $(leaks "$err" "$scratch/refuse.out") ]]; then
        fail "refuse $label" "the secret is in judged's output"
    else
        ok "refuse $label"
    fi
}
if overlay /usr/include && overlay /usr/lib/gcc; then
    mkdir -p "/usr/include/$name"
    cp -r "$pkg" "/usr/include/$name/placed"
    make_attacks "/usr/include/$name/placed" "$scratch/attacks-refuse"
    refuse "judge, package in /usr/include" 2 /usr/include "/usr/include/$name/placed" \
        "$judged" judge "/usr/include/$name/placed" "$scratch/attacks-refuse/walk.c"
    refuse "verify, package in /usr/include" 2 /usr/include "/usr/include/$name/placed" \
        "$judged" verify "/usr/include/$name/placed"
    refuse "server, --problems in /usr/include" 1 /usr/include "/usr/include/$name" \
        "$judged" --listen 127.0.0.1:0 --data "$scratch/data-refuse" --problems "/usr/include/$name"
    refuse "server, --data in /usr/lib/gcc" 1 /usr/lib/gcc "/usr/lib/gcc/$name-data" \
        "$judged" --listen 127.0.0.1:0 --data "/usr/lib/gcc/$name-data"
    [[ -e /usr/lib/gcc/$name-data ]] && fail "refuse, --data in /usr/lib/gcc" "judged made the data folder before refusing"
    shown_file=$(readlink -f /usr/bin/gcc)
    refuse "server, --data containing a shown path (/usr)" 1 "$shown_file" /usr \
        "$judged" --listen 127.0.0.1:0 --data /usr
    refuse "judge, TMPDIR in /usr/include" 2 /usr/include "/usr/include/$name" \
        env TMPDIR="/usr/include/$name" "$judged" judge "$pkg" "$scratch/attacks-refuse/walk.c"
    [[ -e $scratch/data-refuse ]] && fail "refuse, --problems in /usr/include" "judged made the data folder before refusing"
    umount /usr/lib/gcc
    umount /usr/include
else
    fail "refusals" "cannot make an overlay on /usr/include and /usr/lib/gcc"
fi

echo "$passed passed, $failed failed"
((failed == 0))
