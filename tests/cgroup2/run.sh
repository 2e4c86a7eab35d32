#!/usr/bin/env bash
# cgroup v2, proven: boots the host's Debian kernel in QEMU (TCG: no KVM needed) on a pure cgroup v2
# hierarchy and runs there, with the binaries of this tree, the sandbox unit tests (their cgroup2
# cases) and the memory, pids and fork-bomb hostile cases, and checks that judged says it limits
# memory by cgroup2 (start-up log and /healthz).
#
# usage: tests/cgroup2/run.sh [JUDGED]     (as root; JUDGED defaults to build/cli/judged; the
#        unit tests are taken from the same build folder: BUILD/tests/check_sandbox)
# Needs: qemu-system-x86 (qemu-system-x86_64), linux-image-amd64 (a /boot/vmlinuz-VERSION with its
# /lib/modules/VERSION), busybox-static and cpio. No network: the guest's root is the host's own,
# shared read-only over virtio-9p under a tmpfs overlay, so the guest runs exactly what is built
# here. The guest reports on the serial console and in a shared folder; this script prints every
# check and ends with "N passed, M failed". CGROUP2_KERNEL=/boot/vmlinuz-X picks the kernel,
# CGROUP2_TIMEOUT (seconds, default 540) bounds the guest, CGROUP2_KEEP=DIR keeps the guest's logs.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo" || exit 2
judged=${1:-build/cli/judged}
case $judged in /*) ;; *) judged=$repo/$judged ;; esac
build=$(cd "$(dirname "$judged")/.." && pwd)
if [[ ! -x $judged || ! -x $build/tests/check_sandbox ]]; then
    echo "no judged at $judged or no $build/tests/check_sandbox: build first" >&2
    exit 2
fi
if [[ $(id -u) != 0 ]]; then
    echo "run as root: the guest's tests run the sandbox" >&2
    exit 2
fi

missing=()
command -v qemu-system-x86_64 >/dev/null || missing+=(qemu-system-x86)
[[ -x /bin/busybox ]] && file -L /bin/busybox 2>/dev/null | grep -q 'statically linked' ||
    missing+=(busybox-static)
command -v cpio >/dev/null || missing+=(cpio)
kernel=${CGROUP2_KERNEL:-}
if [[ -z $kernel ]]; then
    # The newest Debian kernel whose modules are installed.
    for k in $(ls -1 /boot/vmlinuz-* 2>/dev/null | sort -V -r); do
        [[ -d /lib/modules/${k#/boot/vmlinuz-}/kernel ]] && { kernel=$k; break; }
    done
fi
[[ -n $kernel && -r $kernel ]] || missing+=(linux-image-amd64)
if ((${#missing[@]})); then
    echo "missing: ${missing[*]} (apt-get install -y ${missing[*]})" >&2
    exit 2
fi
kver=${kernel#/boot/vmlinuz-}
moddir=/lib/modules/$kver

work=$(mktemp -d /tmp/cgroup2-run.XXXXXX) || exit 2
qpid=
cleanup() {
    [[ -n $qpid ]] && kill "$qpid" 2>/dev/null
    if [[ -n ${CGROUP2_KEEP:-} ]]; then
        mkdir -p "$CGROUP2_KEEP" && cp -r "$work/out/." "$work/console.log" "$CGROUP2_KEEP/" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- The initramfs: busybox, the modules for virtio-9p and overlayfs, /init ---
initrd=$work/initrd
mkdir -p "$initrd"/{bin,proc,sys,dev,modules} "$work/out"
cp /bin/busybox "$initrd/bin/busybox"
cp "$here/init" "$initrd/init"
chmod 755 "$initrd/init"
echo "$here/guest.sh" >"$initrd/guest-script"

# Each wanted module after its dependencies (modules.dep lists them), decompressed for insmod.
declare -A loaded=()
order=()
want_module() {
    local name=$1 line path dep
    line=$(grep -E "(^|/)$name\.ko(\.xz|\.zst|\.gz)?:" "$moddir/modules.dep") || {
        # Built into the kernel: nothing to load.
        grep -q -E "(^|/)$name\.ko" "$moddir/modules.builtin" 2>/dev/null && return 0
        echo "module $name not found for $kver" >&2
        return 1
    }
    path=${line%%:*}
    [[ -n ${loaded[$path]:-} ]] && return 0
    for dep in ${line#*:}; do
        dep=$(basename "$dep")
        want_module "${dep%%.ko*}" || return 1
    done
    loaded[$path]=1
    order+=("$path")
}
for m in virtio_pci 9pnet_virtio 9p overlay; do
    want_module "$m" || exit 2
done
for path in "${order[@]}"; do
    base=$(basename "$path")
    case $base in
    *.ko.xz) xz -dc "$moddir/$path" >"$initrd/modules/${base%.xz}" ;;
    *.ko.zst) zstd -q -dc "$moddir/$path" >"$initrd/modules/${base%.zst}" ;;
    *.ko.gz) gzip -dc "$moddir/$path" >"$initrd/modules/${base%.gz}" ;;
    *) cp "$moddir/$path" "$initrd/modules/$base" ;;
    esac || exit 2
    base=${base%.xz}
    base=${base%.zst}
    echo "${base%.gz}" >>"$initrd/modules/order"
done
(cd "$initrd" && find . | cpio -o -H newc --quiet | gzip -1) >"$work/initrd.gz" || exit 2

# --- The guest ---
# cgroup_no_v1=all and systemd.unified_cgroup_hierarchy=1: the unified hierarchy alone, as on
# Debian 12, Ubuntu 22.04+ and RHEL 9 (the guest's init mounts it itself; there is no systemd).
append="console=ttyS0 quiet loglevel=4 panic=-1 cgroup_no_v1=all systemd.unified_cgroup_hierarchy=1"
append+=" JUDGED=$judged BUILD=$build"
t0=$(date +%s)
echo "# booting $kernel under QEMU (TCG, 2 vCPUs, 2 GiB); the guest runs $here/guest.sh" >&2
# Under TCG the guest's clocks run on the host's: while the host preempts QEMU's vCPU threads,
# guest time passes and is charged as CPU time to whatever the guest was running, so on a busy
# host trivial programs would exceed their CPU limits. QEMU runs at a higher priority for that
# (CGROUP2_NICE, default -10); the work it does is the guest's tests alone.
timeout -k 10 "${CGROUP2_TIMEOUT:-540}" nice -n "${CGROUP2_NICE:--10}" qemu-system-x86_64 \
    -accel tcg -cpu max -smp 2 -m 2048 ${CGROUP2_QEMU_OPTS:-} \
    -nographic -no-reboot -nic none \
    -kernel "$kernel" -initrd "$work/initrd.gz" -append "$append" \
    -virtfs local,path=/,mount_tag=host,security_model=none,readonly=on,multidevs=remap \
    -virtfs "local,path=$work/out,mount_tag=out,security_model=none,multidevs=remap" \
    </dev/null >"$work/console.log" 2>&1 &
qpid=$!
wait "$qpid"
qrc=$?
qpid=
t1=$(date +%s)
echo "# guest ran $((t1 - t0)) s (QEMU exit $qrc)" >&2

# --- The verdict ---
passed=0
failed=0
if [[ -s $work/out/results ]]; then
    while read -r status name rest; do
        case $status in
        ok) passed=$((passed + 1)); echo "ok $name${rest:+ $rest}" ;;
        FAIL) failed=$((failed + 1)); echo "FAIL $name${rest:+ $rest}" ;;
        esac
    done <"$work/out/results"
fi
if [[ ! -e $work/out/done ]]; then
    failed=$((failed + 1))
    if ((qrc == 124 || qrc == 137)); then
        echo "FAIL guest did not finish within ${CGROUP2_TIMEOUT:-540} s"
    else
        echo "FAIL guest stopped before the end (QEMU exit $qrc)"
    fi
    echo "# the console's last lines:" >&2
    tail -n 30 "$work/console.log" | sed 's/^/#   /' >&2
    [[ -s $work/out/init.log ]] && sed 's/^/#   /' "$work/out/init.log" >&2
fi
if ((failed)) && [[ -s $work/out/guest.log ]]; then
    echo "# the guest's log (failures):" >&2
    grep -E -B2 -A8 'FAIL|[Ff]ailure|[Ee]rror' "$work/out/guest.log" | head -n 80 | sed 's/^/#   /' >&2
fi
echo "$passed passed, $failed failed"
((failed == 0 && passed > 0))
