#!/bin/bash
# Runs an aarch64 Image as dom0 of the real Xen 4.17 arm64 (Debian's
# xen-hypervisor-4.17-arm64, the fixture debs-xen-arm64: fetch.sh) under
# qemu-system-aarch64 TCG; QEMU's guest-loader device puts the Image and its
# command line in Xen's device tree as the dom0 module.
#
# usage: run-under-xen-arm64.sh [--shutdown] [--smp N] IMAGE [DOM0_ARGS...]
#   --smp N: N physical CPUs, so dom0 gets N vCPUs (its PSCI CPU_ON reaches Xen's vPSCI).
#   --shutdown: the image ends by SCHEDOP_shutdown(poweroff), which ends QEMU
#   with rc 0; the run then passes (exit 1) only if Xen logged dom0's halt
#   and the console's closing line has no failure.
# Output: Xen's console (dom0's console_io writes appear without a prefix);
# Xen's own "(XEN)" lines are dropped unless XEN_LOG=1 or the run failed.
# A run in which Xen logged "Unhandled SMC/HVC" (an SMCCC ID Xen does not serve,
# xen/arch/arm/vsmc.c) fails: libhyp sends Xen only what Xen answers.
# Exit status: QEMU's, i.e. the image's semihosting exit code (1 pass, 3 fail);
# 77 = environment unavailable (after "SKIP: reason"). Xen's shutdown paths
# end QEMU with rc 0: never read 0 as success.
set -euo pipefail

skip() {
	echo "SKIP: $*"
	exit 77
}

shutdown=0 smp=1
while [ $# -gt 0 ]; do
	case "$1" in
		--shutdown) shutdown=1; shift ;;
		--smp) smp=$2; shift 2 ;;
		*) break ;;
	esac
done
[ $# -ge 1 ] || { echo "usage: $0 [--shutdown] [--smp N] IMAGE [DOM0_ARGS...]" >&2; exit 2; }
image=$1
shift
[ -f "$image" ] || { echo "run-under-xen-arm64: no such image: $image" >&2; exit 2; }
command -v qemu-system-aarch64 >/dev/null || skip "qemu-system-aarch64 not installed (qemu-system-arm)"

# Xen: the fixture debs-xen-arm64 (fetch.sh, tests/fixtures.sh).
xen=${HYP_CACHE:-/var/cache/libhyp}/xen-arm64/root/boot/xen-4.17-arm64
[ -f "$xen" ] || skip "Xen arm64 is not fetched yet (tests/fixtures.sh debs-xen-arm64)"

# guest-loader's bootargs: commas must be doubled.
args="$*"
args=${args//,/,,}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
timeout 120 qemu-system-aarch64 -M virt,virtualization=on,gic-version=3 -accel tcg -cpu cortex-a57 \
	-smp "$smp" -m 1G -nographic -no-reboot -semihosting-config enable=on,target=native \
	-kernel "$xen" -append "console=dtuart loglvl=all guest_loglvl=all dom0_mem=64M bootscrub=0" \
	-device "guest-loader,addr=0x49000000,kernel=$image,bootargs=$args" </dev/null |
	tr -d '\r' | tee "$log" | sed -u "${XEN_LOG:+#}/^(XEN)/d"
rc=${PIPESTATUS[0]}
set -e
if [ "$shutdown" = 1 ]; then
	closing=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ "$rc" -eq 0 ] && grep -q 'Hardware Dom0 halted' "$log" &&
		[[ "$closing" =~ ^[1-9][0-9]*\ passed,\ 0\ failed ]]; then
		echo "run-under-xen-arm64: dom0 ended by SCHEDOP_shutdown(poweroff), Xen halted"
		rc=1
	else
		echo "run-under-xen-arm64: no clean SCHEDOP_shutdown ending (rc $rc)"
		[ "$rc" -ne 1 ] || rc=3
	fi
fi
if grep -q 'Unhandled SMC/HVC' "$log"; then
	echo "run-under-xen-arm64: Xen logged an SMCCC call it does not serve:"
	grep 'Unhandled SMC/HVC' "$log"
	[ "$rc" -ne 1 ] || rc=3
fi
if [ "$rc" -ne 1 ] && [ -z "${XEN_LOG:-}" ]; then
	echo "---- last Xen lines ----"
	grep '^(XEN)' "$log" | tail -n 40
fi
exit "$rc"
