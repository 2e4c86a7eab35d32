#!/usr/bin/env bash
# The Dockerfile, built and run for real with Debian's podman, and the hidden-answer attacks made
# against the container: a Run that walks the file system for the catalogue's answers, and compiles
# that pull an answer file in with #include and .incbin. As root.
#
# This machine has no registry of container images, so the base image (debian:12) is made here
# with debootstrap from Debian's archive, once, and kept in podman's store. Podman runs with what
# this kind of host allows: crun refuses a hybrid cgroup hierarchy whose v2 part has controllers, so
# podman runs in a private mount namespace without the v2 mount, with --cgroups=disabled (judged
# then limits memory by rlimits inside, and says so), and the build uses chroot isolation. The
# container gets exactly the capabilities the Dockerfile documents.
#
# usage: tests/container/run.sh            (prints "N passed, M failed"; exit 0 when all pass)
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 2; }

need=()
command -v podman >/dev/null || need+=(podman)
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null ||
    { echo "container: cannot install ${need[*]}" >&2; exit 2; }
fi

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

# podman, in a mount namespace where the cgroup v2 mount of a hybrid host is not seen.
pod() {
  unshare -m --propagation private sh -c \
    'if mountpoint -q /sys/fs/cgroup/unified; then umount /sys/fs/cgroup/unified; fi; exec podman "$@"' \
    podman "$@"
}
run_opts=(--network=host --cgroups=disabled --log-driver=k8s-file
  --ulimit nofile=4096:4096 --ulimit nproc=4096:4096
  --cap-drop=all --cap-add=SYS_ADMIN,SETUID,SETGID,SYS_CHROOT,KILL,FOWNER,DAC_OVERRIDE,CHOWN
  --security-opt seccomp=unconfined --security-opt apparmor=unconfined)

# The base image, made once from Debian's archive.
if ! pod image exists localhost/debian:12; then
  root=$(mktemp -d /var/tmp/judged-debian.XXXXXX)
  echo "container: making debian:12 with debootstrap"
  if ! debootstrap --variant=minbase bookworm "$root/rootfs" http://deb.debian.org/debian \
    >"$root/debootstrap.log" 2>&1; then
    tail -20 "$root/debootstrap.log"; rm -rf "$root"; echo "0 passed, 1 failed"; exit 1
  fi
  tar -C "$root/rootfs" -c . | pod import - localhost/debian:12 >/dev/null
  rm -rf "$root"
fi

tag=localhost/judged:test-$$
echo "container: building $tag from the Dockerfile"
start=$SECONDS
build_opts=(--pull=never --isolation chroot --network=host)
# The build's npm trusts what this host trusts (see the Dockerfile's ARG): a host behind a
# TLS-inspecting proxy has the proxy's CA in NODE_EXTRA_CA_CERTS or in its system bundle, which a
# bare debootstrap image lacks. On other hosts the bundle changes nothing.
ca=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}
if [ -f "$ca" ]; then
  build_opts+=(--volume "$ca:/etc/ssl/host-ca.crt:ro"
    --build-arg NODE_EXTRA_CA_CERTS=/etc/ssl/host-ca.crt)
fi
if pod build "${build_opts[@]}" -t "$tag" . >/tmp/judged-ctr-build.$$ 2>&1; then
  ok "the Dockerfile builds ($((SECONDS - start)) s)"
else
  bad "the Dockerfile builds"; tail -30 /tmp/judged-ctr-build.$$
  rm -f /tmp/judged-ctr-build.$$
  echo "$passed passed, $failed failed"; exit 1
fi
rm -f /tmp/judged-ctr-build.$$

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
name=judged-test-$$
cleanup() {
  pod rm -f "$name" >/dev/null 2>&1
  pod rmi -f "$tag" >/dev/null 2>&1
}
trap cleanup EXIT
# The image's own layout: catalogue in /var/lib/judged-problems, data in /var/lib/judged.
pod run -d --name "$name" "${run_opts[@]}" -e JUDGE_ADMIN_TOKEN=container-admin "$tag" \
  --listen "127.0.0.1:$port" --data /var/lib/judged --problems /var/lib/judged-problems >/dev/null
url=http://127.0.0.1:$port
# The API answers while the catalogue imports; the attacks need one problem in.
for _ in $(seq 1200); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/problems/missing-number" 2>/dev/null)
  [ "$code" = 200 ] && break
  pod container exists "$name" || break
  sleep 0.5
done
if [ "$code" = 200 ]; then ok "the container serves the bundled catalogue"; else
  bad "the container serves the bundled catalogue (last answer $code)"; pod logs "$name" 2>&1 | tail -20
  echo "$passed passed, $failed failed"; exit 1
fi
# /healthz names how memory is limited (inside this container: by rlimits, podman runs it without
# cgroups here).
health=$(curl -s "$url/healthz")
if jq -e '.sandbox | type == "string" and length > 0' <<<"$health" >/dev/null 2>&1; then
  ok "/healthz says how memory is limited ($(jq -r .sandbox <<<"$health"))"
else
  bad "/healthz says how memory is limited: $health"; pod logs "$name" 2>&1 | tail -5
fi

# Every hidden answer of missing-number must stay out of whatever a Run or a compile returns.
answers=$(mktemp -d /tmp/judged-ctr-ans.XXXXXX)
cp problems/missing-number/data/secret/*.ans "$answers/"
leaks() { # FILE: does it hold a whole line of a hidden answer of 4+ digits?
  local f
  for f in "$answers"/*.ans; do
    while read -r line; do
      [ ${#line} -ge 4 ] && grep -qF -- "$line" "$1" && { echo "$f: $line"; return 0; }
    done <"$f"
  done
  return 1
}
run() { # SOURCE-FILE OUT: a Run on custom input, as an anonymous candidate would
  jq -n --rawfile src "$1" '{problem: "missing-number", language: "c", source: $src, input: "1\n0\n"}' |
    curl -s -H 'Content-Type: application/json' --data-binary @- "$url/api/v1/run" >"$2"
}
scratch=$(mktemp -d /tmp/judged-ctr.XXXXXX)
cat >"$scratch/walk.c" <<'EOF'
/* Walks every folder it can read and prints every .ans file it finds. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include "solution.h"
static void walk(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[4096];
    if (!d || depth > 12)
        return;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(p, sizeof p, "%s/%s", strcmp(dir, "/") ? dir : "", e->d_name);
        if (e->d_type == DT_DIR) {
            walk(p, depth + 1);
        } else if (strstr(p, ".ans")) {
            FILE *f = fopen(p, "r");
            char buf[256];
            while (f && fgets(buf, sizeof buf, f))
                fputs(buf, stderr);
            if (f)
                fclose(f);
        }
    }
    closedir(d);
}
int missing_number(int *nums, int numsSize)
{
    const char *roots[] = {"/", "/var/lib/judged-problems", "/var/lib/judged", "/usr/local/share",
                           "/usr/share", "/opt", "/srv", "/etc", "/home", "/root"};
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++)
        walk(roots[i], 0);
    return nums[0] == 0 ? 1 : 0;
}
EOF
run "$scratch/walk.c" "$scratch/walk.json"
if jq -e '.compiled == true' "$scratch/walk.json" >/dev/null && ! leaks "$scratch/walk.json"; then
  ok "a Run walking the file system finds no hidden answer"
else
  bad "a Run walking the file system finds no hidden answer"; head -c 2000 "$scratch/walk.json"; echo
fi
for ans in /var/lib/judged-problems/missing-number/data/secret/12-random-46341-int-overflow.ans \
  /var/lib/judged/packages; do
  printf '#include "%s"\nint missing_number(int *n, int s) { return 0; }\n' "$ans" >"$scratch/inc.c"
  run "$scratch/inc.c" "$scratch/inc.json"
  printf '__asm__(".incbin \\"%s\\"");\nint missing_number(int *n, int s) { return 0; }\n' "$ans" \
    >"$scratch/incbin.c"
  run "$scratch/incbin.c" "$scratch/incbin.json"
  if jq -e '.compiled == false' "$scratch/inc.json" >/dev/null && ! leaks "$scratch/inc.json" &&
    jq -e '.compiled == false' "$scratch/incbin.json" >/dev/null && ! leaks "$scratch/incbin.json"; then
    ok "#include and .incbin of $ans do not compile"
  else
    bad "#include and .incbin of $ans do not compile"; head -c 1500 "$scratch/inc.json" "$scratch/incbin.json"; echo
  fi
done
rm -rf "$scratch" "$answers"

# SIGTERM: judged exits 0 (CONTRACT section 1).
pod stop -t 15 "$name" >/dev/null 2>&1
status=$(pod inspect "$name" --format '{{.State.ExitCode}}' 2>/dev/null)
if [ "$status" = 0 ]; then ok "podman stop: judged exits 0"; else bad "podman stop: judged exits $status"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
