#!/bin/bash
# Runs an x86 test image as dom0 of the real Xen (Debian's xen-hypervisor-4.17-amd64)
# booted by QEMU under TCG.
#
# usage: run-under-xen.sh BUILD_DIR IMAGE pv|pvh [IMAGE_ARGS...]
#   pv   64-bit PV dom0 (this Xen has no 32-bit PV)
#   pvh  PVH dom0 (dom0=pvh dom0-iommu=none; needs -cpu max for nested paging)
#   IMAGE_ARGS become the dom0 command line (Xen passes the module string);
#   @HOST_TIME@ in them becomes the host's `date +%s` at launch.
#
# Output: COM1, which Xen owns; dom0's console_io writes arrive verbatim, its
# port 0xE9 writes as "(d0) text": the prefix is removed here so the runner
# sees the image's lines either way. Xen's own "(XEN)" lines go to
# BUILD_DIR/<image>.xen.log (shown here when the image did not pass, or
# always with XEN_LOG=1).
# Exit status: QEMU's, i.e. (v << 1) | 1 for the image's isa-debug-exit value
# v; 77 = environment unavailable (after a "SKIP: reason" line). Xen's own
# shutdown paths end in QEMU rc 0 (SCHEDOP_shutdown reboot with -no-reboot, a
# Xen panic) or a hang (poweroff): never read 0 as success.
set -euo pipefail

XEN_GZ=${XEN_GZ:-/boot/xen-4.17-amd64.gz}

skip() {
	echo "SKIP: $*"
	exit 77
}

[ $# -ge 3 ] || { echo "usage: $0 BUILD_DIR IMAGE pv|pvh [IMAGE_ARGS...]" >&2; exit 2; }
build=$1 image=$2 mode=$3
shift 3
[ -f "$image" ] || { echo "run-under-xen: no such image: $image" >&2; exit 2; }
command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 not installed"
[ -f "$XEN_GZ" ] || skip "$XEN_GZ missing (package xen-hypervisor-4.17-amd64)"

# Xen as QEMU's multiboot kernel: gunzipped once per build directory.
mkdir -p "$build"
xen=$build/xen-4.17.elf
if [ ! -s "$xen" ] || [ "$XEN_GZ" -nt "$xen" ]; then
	tmp=$(mktemp "$build/xen.XXXXXX")
	zcat "$XEN_GZ" >"$tmp"
	mv -f "$tmp" "$xen"
fi

xen_args="console=com1 com1=115200,8n1 loglvl=all guest_loglvl=all dom0_mem=64M bootscrub=0"
case $mode in
	pv) ;;
	pvh) xen_args+=" dom0=pvh dom0-iommu=none" ;;
	*) echo "run-under-xen: mode must be pv or pvh, not $mode" >&2; exit 2 ;;
esac

# QEMU's -initrd splits modules at commas; the image path must not hold one.
case $image in *,*) echo "run-under-xen: image path has a comma: $image" >&2; exit 2 ;; esac
args="$*"
args=${args//@HOST_TIME@/$(date +%s)}
module="$image${args:+ $args}"

log=$build/$(basename "$image").xen.log
PASS_STATUS=1       # isa-debug-exit value 0

set +e
qemu-system-x86_64 -accel tcg -cpu max -m 512 -display none -no-reboot \
	-serial stdio -monitor none -nodefaults \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-kernel "$xen" -append "$xen_args" -initrd "$module" </dev/null |
	tr -d '\r' | tee "$log" | sed -u -e 's/^(d0) //' -e "${XEN_LOG:+#}/^(XEN)/d"
rc=${PIPESTATUS[0]}
if [ "$rc" -ne "$PASS_STATUS" ] && [ -z "${XEN_LOG:-}" ]; then
	echo "---- last Xen lines ($log) ----"
	grep '^(XEN)' "$log" | tail -n 40
fi
exit "$rc"
