#!/bin/bash
# Runs a ppc64 / ppc64le pseries test image in a real KVM-PR: a small
# ppc64le Linux (build-kernel.sh) boots under qemu-system-ppc64 -M powernv8
# (TCG) with loader.c as its /init, which runs the image in a KVM-PR vCPU.
#
# usage: run-under-kvm-pr.sh BUILD_DIR IMAGE [LOADER_ARGS...]
#   LOADER_ARGS go to loader.c (-no-hypervisor, -timeout S).
#
# Exit status (v = the loader's verdict): 1 = pass (v 0: QEMU exited 1
# because the loader rang pvpanic-pci, and the console says "loader:
# verdict 0"), else (v << 1) | 1 from the verdict line after a power-off:
# 3 = the image failed, 253 = unexpected KVM exit, 255 = loader failure;
# 77 = environment unavailable (after "SKIP: reason"); 124 = outer timeout;
# 0 = QEMU ended without a verdict. QEMU's own rc 0 is never a pass.
#
# Rules:
# - /dev/kvm of this machine is never used: the outer QEMU is TCG.
# - The kernel comes from build-kernel.sh's cache: the fixture kernel-ppc64le
#   (tests/fixtures.sh), built before any test; without it the test is skipped.
# - The loader is built once per source into BUILD_DIR (static, ppc64le
#   glibc); the image and its arguments go into a per-run cpio appended to
#   the base one (Linux unpacks concatenated archives).
# - qemu-system-ppc64 has no isa-debug-exit: a pass leaves through
#   pvpanic-pci (-action panic=exit-failure: QEMU exits 1) on the one PHB
#   created (-nodefaults: the default three PHBs cost 8 s of link training).
set -euo pipefail

OUTER_TIMEOUT=${KVM_PR_OUTER_TIMEOUT:-240}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

skip() {
	echo "SKIP: $*"
	exit 77
}

[ $# -ge 2 ] || { echo "usage: $0 BUILD_DIR IMAGE [LOADER_ARGS...]" >&2; exit 2; }
build=$1
image=$2
shift 2
[ -f "$image" ] || { echo "run-under-kvm-pr: no such image: $image" >&2; exit 2; }
mkdir -p "$build"
build=$(cd "$build" && pwd)

command -v qemu-system-ppc64 >/dev/null || skip "qemu-system-ppc64 not installed"
command -v powerpc64le-linux-gnu-gcc >/dev/null || skip "powerpc64le-linux-gnu-gcc not installed"
command -v cpio >/dev/null || skip "cpio not installed"
[ -f /usr/powerpc64le-linux-gnu/lib/libc.a ] || skip "no static ppc64le libc (libc6-dev-ppc64el-cross)"

out=$("$here/build-kernel.sh" --cached) || {
	rc=$?
	echo "$out"
	[ $rc -eq 77 ] && exit 77
	echo "run-under-kvm-pr: no kernel"
	exit 1
}
vmlinux=$(printf '%s\n' "$out" | tail -n 1)

key=$(cat "$here/loader.c" "$here/run-under-kvm-pr.sh" | sha256sum | cut -c1-16)
base=$build/kvm-pr-base-$key.cpio

exec 9>"$build/kvm-pr.lock"
flock 9
if [ ! -f "$base" ]; then
	rm -f "$build"/kvm-pr-base-*.cpio
	root=$(mktemp -d "$build/kvm-pr-root.XXXXXX")
	mkdir -p "$root/dev"
	powerpc64le-linux-gnu-gcc -static -O2 -Wall -Wextra -Werror \
		-o "$root/loader" "$here/loader.c"
	(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) >"$base.$$"
	mv "$base.$$" "$base"
	rm -rf "$root"
fi
flock -u 9

run=$(mktemp -d "$build/kvm-pr-run.XXXXXX")
trap 'rm -rf "$run"' EXIT
mkdir "$run/root"
cp "$image" "$run/root/image.elf"
: >"$run/root/loader.args"
for a in "$@"; do
	printf '%s\n' "$a" >>"$run/root/loader.args"
done
(cd "$run/root" && printf '%s\n' image.elf loader.args | cpio -o -H newc --quiet) >"$run/extra.cpio"
cat "$base" "$run/extra.cpio" >"$run/initrd.cpio"

status=0
timeout "$OUTER_TIMEOUT" qemu-system-ppc64 -accel tcg -M powernv8 -cpu POWER8 -m 1G \
	-nographic -nodefaults -serial stdio -no-reboot \
	-device ipmi-bmc-sim,id=bmc0 -device isa-ipmi-bt,bmc=bmc0,irq=10 \
	-device pnv-phb,chip-id=0,index=0 -device pnv-phb-root-port,id=rp0,bus=pnv-phb3-root.0 \
	-device pvpanic-pci,bus=rp0 -action panic=exit-failure \
	-kernel "$vmlinux" -initrd "$run/initrd.cpio" \
	-append "console=hvc0 rdinit=/loader quiet loglevel=1" \
	</dev/null | tee "$run/out.log" || status=$?

verdict=$(tr -d '\r' <"$run/out.log" | sed -n 's/^loader: verdict \([0-9]*\) .*/\1/p' | tail -n 1)
if [ "$status" -eq 1 ] && [ "$verdict" = 0 ]; then
	exit 1          # the loader rang pvpanic after a pass
fi
if [ "$status" -eq 0 ] && [ -n "$verdict" ]; then
	if [ "$verdict" -eq $((0x3b)) ] && grep -q '^SKIP: ' "$run/out.log"; then
		exit 77
	fi
	status=$(( (verdict << 1) | 1 ))
fi
[ -z "$(tail -c 1 "$run/out.log")" ] || echo
case $status in
0) echo "run-under-kvm-pr: QEMU ended without a verdict (rc 0)" ;;
124) echo "run-under-kvm-pr: outer QEMU timed out after ${OUTER_TIMEOUT}s" ;;
*) echo "run-under-kvm-pr: verdict ${verdict:-none}, QEMU exit status $status" ;;
esac
[ "$status" -ne 1 ] || status=3  # rc 1 without the pass line: not a pass
exit "$status"
