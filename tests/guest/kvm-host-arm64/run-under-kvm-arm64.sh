#!/bin/bash
# Runs an aarch64 Image in a real Linux KVM (Debian's arm64 kernel, KVM built
# in) nested inside qemu-system-aarch64 TCG with EL2 (virtualization=on).
#
# usage: run-under-kvm-arm64.sh BUILD_DIR nvhe|vhe IMAGE [-event off|reset|reset2] [-- IMAGE_ARGS...]
#   nvhe|vhe   kvm-arm.mode of the host kernel (checked in its log)
#   -event     the image ends by PSCI SYSTEM_OFF / SYSTEM_RESET / SYSTEM_RESET2 after posting
#              its verdict; the loader checks the system event it gets
#   IMAGE_ARGS the image's command line (/chosen bootargs of the DTB here)
#
# Packages (Debian's archive, arm64): linux-image-arm64 and busybox-static,
# the fixture debs-kvm-arm64 (fetch.sh); loader.c is built static with
# aarch64-linux-gnu-gcc into BUILD_DIR, keyed by its hash and the kernel version.
#
# Exit status: the outer QEMU's = the loader's semihosting exit code = the
# image's code (1 pass, 3 fail); 0x7f loader failure; 77 environment missing
# (after "SKIP: reason"); 0 = the run ended without a result. Never read 0 as
# success.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
skip() {
	echo "SKIP: $*"
	exit 77
}

[ $# -ge 3 ] || { echo "usage: $0 BUILD_DIR nvhe|vhe IMAGE [-event off|reset] [-- ARGS...]" >&2; exit 2; }
build=$1 mode=$2 image=$3
shift 3
event=""
if [ "${1:-}" = -event ]; then
	event=$2
	shift 2
fi
[ "${1:-}" != -- ] || shift
args="$*"
case $mode in nvhe|vhe) ;; *) echo "mode must be nvhe or vhe" >&2; exit 2 ;; esac
[ -f "$image" ] || { echo "run-under-kvm-arm64: no such image: $image" >&2; exit 2; }
for tool in qemu-system-aarch64 aarch64-linux-gnu-gcc dtc cpio; do
	command -v "$tool" >/dev/null || skip "$tool not installed"
done

# The kernel and busybox: the fixture debs-kvm-arm64 (fetch.sh, tests/fixtures.sh).
cache=${HYP_CACHE:-/var/cache/libhyp}/kvm-arm64
if ! ls "$cache"/root/boot/vmlinuz-* >/dev/null 2>&1 || [ ! -x "$cache/root/bin/busybox" ]; then
	skip "the arm64 kernel and busybox are not fetched yet (tests/fixtures.sh debs-kvm-arm64)"
fi
mkdir -p "$build"
build=$(cd "$build" && pwd)
exec 9>"$build/cache.lock"
flock 9
kernel=$(ls "$cache"/root/boot/vmlinuz-* | sort -V | tail -n 1)
kver=${kernel##*/vmlinuz-}
key=$( { echo "$kver"; cat "$here/loader.c" "$here/run-under-kvm-arm64.sh"; } | sha256sum | cut -c1-16)
base=$build/base-$key.cpio
if [ ! -f "$base" ]; then
	rm -f "$build"/base-*.cpio
	root=$(mktemp -d "$build/root.XXXXXX")
	mkdir -p "$root"/{bin,dev,proc,sys}
	cp "$cache/root/bin/busybox" "$root/bin/busybox"
	for applet in sh mount dmesg grep cat; do
		ln -s busybox "$root/bin/$applet"
	done
	aarch64-linux-gnu-gcc -static -O2 -Wall -Wextra -Werror -o "$root/loader" "$here/loader.c"
	cat >"$root/init" <<'INIT'
#!/bin/busybox sh
# Rule: every path out of here ends QEMU through the loader's semihosting exit.
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
dmesg | grep -E 'kvm \[[0-9]+\]: .*(VHE|Hyp) mode initialized' | sed 's/^\[[^]]*\] //'
if [ ! -c /dev/kvm ]; then
	echo "SKIP: /dev/kvm missing (KVM did not initialise in the host kernel)"
	/loader -exit 77
fi
set --
while IFS= read -r a; do set -- "$@" "$a"; done </loader.args
/loader /image.bin /guest.dtb "$@"
/loader -exit 0x7f
INIT
	chmod +x "$root/init"
	(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) >"$base.$$"
	mv "$base.$$" "$base"
	rm -rf "$root"
fi
flock -u 9

run=$(mktemp -d "$build/run.XXXXXX")
trap 'rm -rf "$run"' EXIT
mkdir "$run/root"
cp "$image" "$run/root/image.bin"
: >"$run/root/loader.args"
[ -z "$event" ] || printf '%s\n%s\n' -event "$event" >>"$run/root/loader.args"
cat >"$run/guest.dts" <<DTS
/dts-v1/;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	compatible = "libhyp,kvm-loader";
	chosen { bootargs = "$args"; };
	memory@40000000 { device_type = "memory"; reg = <0x0 0x40000000 0x0 0x4000000>; };
	psci { compatible = "arm,psci-1.0", "arm,psci-0.2"; method = "hvc"; };
	libhyp-exit@a000000 { compatible = "libhyp,test-exit"; reg = <0x0 0x0a000000 0x0 0x8>; };
};
DTS
dtc -q -I dts -O dtb -o "$run/root/guest.dtb" "$run/guest.dts"
(cd "$run/root" && printf '%s\n' image.bin guest.dtb loader.args | cpio -o -H newc --quiet) >"$run/extra.cpio"
cat "$base" "$run/extra.cpio" >"$run/initrd.cpio"

status=0
timeout "${KVM_ARM64_OUTER_TIMEOUT:-240}" qemu-system-aarch64 \
	-M virt,virtualization=on,gic-version=3 -accel tcg -cpu max,pauth-impdef=on -m 1G \
	-nographic -no-reboot -semihosting-config enable=on,target=native,userspace=on \
	-kernel "$kernel" -initrd "$run/initrd.cpio" \
	-append "console=ttyAMA0 kvm-arm.mode=$mode rdinit=/init panic=-1 quiet loglevel=3" \
	</dev/null | tr -d '\r' || status=${PIPESTATUS[0]}
if [ "$status" -eq 77 ]; then
	exit 77
fi
case $status in
1) ;;
0) echo "run-under-kvm-arm64: the run ended without a result (rc 0)" ;;
124) echo "run-under-kvm-arm64: outer QEMU timed out" ;;
*) echo "run-under-kvm-arm64: exit status $status" ;;
esac
exit "$status"
