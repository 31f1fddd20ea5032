#!/bin/bash
# Runs a riscv64 virt test image in a real KVM RISC-V: Linux 6.1 built from
# Debian's linux-source-6.1 (build-kernel.sh, cached) boots under
# qemu-system-riscv64 -cpu rv64,h=true (TCG), and its /init, loader.c,
# runs the image in a vCPU.
#
# usage: run-under-kvm.sh BUILD_DIR IMAGE
#
# Exit status: the outer QEMU's, through the sifive_test device: the image's
# code (1 pass, 3 fail), 0x21/0x23 an SRST shutdown/reset of the image,
# 0x7f loader failure, 77 skipped ("SKIP: reason"), 0 the inner Linux ended
# without a result, 124 outer timeout. Never read 0 as success.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUTER_TIMEOUT=${KVM_HOST_OUTER_TIMEOUT:-120}

skip() {
	echo "SKIP: $*"
	exit 77
}

[ $# -eq 2 ] || { echo "usage: $0 BUILD_DIR IMAGE" >&2; exit 2; }
build=$1
image=$2
[ -f "$image" ] || { echo "run-under-kvm: no such image: $image" >&2; exit 2; }
mkdir -p "$build"
build=$(cd "$build" && pwd)

command -v qemu-system-riscv64 >/dev/null || skip "qemu-system-riscv64 not installed (qemu-system-misc)"
command -v riscv64-linux-gnu-gcc >/dev/null || skip "riscv64-linux-gnu-gcc not installed"
for tool in cpio gzip; do
	command -v "$tool" >/dev/null || skip "$tool not installed"
done
[ -f /usr/riscv64-linux-gnu/include/linux/kvm.h ] || skip "no riscv64 <linux/kvm.h> (linux-libc-dev-riscv64-cross)"

# The host kernel: the fixture kernel-riscv64 (tests/fixtures.sh), built before any test.
status=0
kernel=$("$here/build-kernel.sh" --cached) || status=$?
[ "$status" -eq 0 ] || { [ "$status" -eq 77 ] && exit 77; echo "run-under-kvm: kernel build failed ($status)"; exit 1; }

# The loader: once per source, shared by concurrent runs (lock).
key=$(cat "$here/loader.c" | sha256sum | cut -c1-16)
loader=$build/loader-riscv64-$key
exec 9>"$build/loader-riscv64.lock"
flock 9
if [ ! -x "$loader" ]; then
	rm -f "$build"/loader-riscv64-*[!k]
	riscv64-linux-gnu-gcc -static -O2 -Wall -Wextra -Werror -o "$loader.$$" "$here/loader.c"
	mv "$loader.$$" "$loader"
fi
flock -u 9

run=$(mktemp -d "$build/run-riscv64.XXXXXX")
trap 'rm -rf "$run"' EXIT
mkdir "$run/root"
cp "$loader" "$run/root/init"
cp "$image" "$run/root/image.elf"
(cd "$run/root" && printf '%s\n' init image.elf | cpio -o -H newc --quiet) >"$run/initrd.cpio"

status=0
timeout "$OUTER_TIMEOUT" qemu-system-riscv64 -M virt -cpu rv64,h=true -bios default \
	-m 256 -smp 1 -nographic -no-reboot \
	-kernel "$kernel" -initrd "$run/initrd.cpio" \
	-append "console=ttyS0 quiet loglevel=1 panic=-1" \
	</dev/null | tee "$run/out.log" || status=$?
if [ "$status" -eq 77 ] && grep -q '^SKIP: ' "$run/out.log"; then
	exit 77
fi
case $status in
0) echo "run-under-kvm: inner Linux ended without a result (rc 0)" ;;
124) echo "run-under-kvm: outer QEMU timed out after ${OUTER_TIMEOUT}s" ;;
1) ;;
*) echo "run-under-kvm: QEMU exit status $status" ;;
esac
exit "$status"
