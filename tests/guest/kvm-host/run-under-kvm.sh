#!/bin/bash
# Runs an x86 PVH test image in a real Linux KVM nested inside QEMU TCG.
#
# usage: run-under-kvm.sh BUILD_DIR IMAGE [LOADER_ARGS...]
#   LOADER_ARGS go to loader.c (e.g. -smp 2, -timeout 30).
#
# Exit status: QEMU's, so (v << 1) | 1 for the image's isa-debug-exit value v
# (1 = v 0); 255 = loader failure (v 0x7f); 77 = environment unavailable
# (after a "SKIP: reason" line); 0 = the inner Linux ended without a result;
# 124 = outer timeout. Never read 0 as success.
#
# Rules:
# - /dev/kvm of this machine is never used: the outer QEMU is always TCG.
# - The kernel is the newest /boot/vmlinuz-* that has a /lib/modules dir with
#   kvm-amd (TCG -cpu max offers SVM, not VMX).
# - The loader and the base initramfs are built once per (kernel, sources)
#   into BUILD_DIR; the image and its arguments go into a small per-run cpio
#   appended to the base one (Linux unpacks concatenated archives).
# - The outer QEMU boots the kernel's uncompressed vmlinux through its PVH
#   note when one can be extracted (saves ~4 s of in-TCG decompression),
#   else the bzImage.
# - The inner kernel gets tsc=reliable so that its clocksource stays tsc, as
#   on a real host; KVM_HC_CLOCK_PAIRING answers -KVM_EOPNOTSUPP otherwise.
# - Console: ttyS0 carries the kernel log to a file, ttyS1 the test output to
#   stdout; the log's tail is printed when the run did not pass.
set -euo pipefail

SKIP_VALUE=0x3b            # init's isa-debug-exit value for "skip"
SKIP_STATUS=$(( (SKIP_VALUE << 1) | 1 ))
OUTER_TIMEOUT=${KVM_HOST_OUTER_TIMEOUT:-180}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

skip() {
	echo "SKIP: $*"
	exit 77
}

[ $# -ge 2 ] || { echo "usage: $0 BUILD_DIR IMAGE [LOADER_ARGS...]" >&2; exit 2; }
build=$1
image=$2
shift 2
[ -f "$image" ] || { echo "run-under-kvm: no such image: $image" >&2; exit 2; }
mkdir -p "$build"
build=$(cd "$build" && pwd)

command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 not installed"
for tool in gcc cpio; do
	command -v "$tool" >/dev/null || skip "$tool not installed"
done
busybox=""
for b in /bin/busybox /usr/bin/busybox; do
	# only a static busybox runs in the initramfs
	if [ -x "$b" ] && ! ldd "$b" >/dev/null 2>&1; then
		busybox=$b
		break
	fi
done
[ -n "$busybox" ] || skip "no static busybox (package busybox-static)"

# The newest kernel that has kvm-amd in its module tree.
kver=""
kernel=""
while read -r k; do
	v=${k#/boot/vmlinuz-}
	if [ -r "$k" ] && [ -f "/lib/modules/$v/modules.dep" ] &&
		grep -q '/kvm-amd\.ko' "/lib/modules/$v/modules.dep"; then
		kver=$v
		kernel=$k
		break
	fi
done < <(printf '%s\n' /boot/vmlinuz-* | sort -rV)
[ -n "$kver" ] || skip "no readable /boot/vmlinuz-* with kvm-amd.ko in /lib/modules (package linux-image-amd64)"

# Prints the module paths (relative to /lib/modules/$kver) that $1 needs,
# dependencies first, each once.
declare -A seen=()
mod_order() {
	local m=$1 d
	[ -z "${seen[$m]:-}" ] || return 0
	seen[$m]=1
	# shellcheck disable=SC2013 # module paths hold no spaces
	for d in $(awk -F': *' -v m="$m" '$1 == m { print $2 }' "/lib/modules/$kver/modules.dep"); do
		mod_order "$d"
	done
	echo "$m"
}

# Writes the vmlinux inside bzImage $1 to $2 if it is an ELF with a PVH note.
extract_vmlinux() {
	local magic off
	for magic in '\xfd7zXZ\x00:xz -dc --single-stream' '\x28\xb5\x2f\xfd:zstd -qdc' \
		'\x1f\x8b\x08:gzip -dc'; do
		off=$(LC_ALL=C grep -obUaP "${magic%%:*}" "$1" | head -n 1 | cut -d: -f1) || true
		[ -n "$off" ] || continue
		tail -c +$((off + 1)) "$1" | ${magic#*:} >"$2.$$" 2>/dev/null || true
		if readelf -n "$2.$$" 2>/dev/null | grep -qE '^ *Xen .*(0x00000012|PHYS32)'; then
			mv "$2.$$" "$2"
			return 0
		fi
	done
	rm -f "$2.$$"
	return 1
}

key=$( { echo "$kver"; cat "$here/loader.c" "$here/run-under-kvm.sh"; } | sha256sum | cut -c1-16)
base=$build/base-$key.cpio
loader=$build/loader-$key
vmlinux=$build/vmlinux-$kver

# Concurrent runs (ctest -j) share the cache: build it under a lock.
exec 9>"$build/cache.lock"
flock 9
if [ ! -f "$base" ]; then
	rm -f "$build"/base-*.cpio "$build"/loader-*
	gcc -static -O2 -Wall -Wextra -Werror -pthread -o "$loader.$$" "$here/loader.c"
	mv "$loader.$$" "$loader"
	root=$(mktemp -d "$build/root.XXXXXX")
	mkdir -p "$root"/{bin,dev,proc,sys,mods}
	cp "$busybox" "$root/bin/busybox"
	for applet in sh mount insmod stty dmesg tail sed; do
		ln -s busybox "$root/bin/$applet"
	done
	cp "$loader" "$root/loader"
	kvm_amd=$(grep -oE '^[^:]*/kvm-amd\.ko[^:]*' "/lib/modules/$kver/modules.dep")
	n=0
	for m in $(mod_order "$kvm_amd"); do
		n=$((n + 1))
		dst=$root/mods/$(printf '%02d' "$n")-$(basename "${m%%.ko*}").ko
		case $m in
		*.ko) cp "/lib/modules/$kver/$m" "$dst" ;;
		*.ko.xz) xz -dc "/lib/modules/$kver/$m" >"$dst" ;;
		*.ko.zst) zstd -qdc "/lib/modules/$kver/$m" >"$dst" ;;
		*.ko.gz) gzip -dc "/lib/modules/$kver/$m" >"$dst" ;;
		*) skip "unknown module format: $m" ;;
		esac
	done
	cat >"$root/init" <<EOF
#!/bin/busybox sh
# Rule: every path out of here ends QEMU through isa-debug-exit.
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
exec >/dev/ttyS1 2>&1 </dev/null
stty -F /dev/ttyS1 raw -echo
skip() {
	echo "SKIP: \$*"
	dmesg | tail -n 5 | sed 's/^/  dmesg: /'
	/loader -exit $SKIP_VALUE
	exit 1
}
for m in /mods/*.ko; do
	insmod "\$m" || skip "insmod \${m#/mods/???} failed (no nested SVM?)"
done
[ -c /dev/kvm ] || skip "/dev/kvm missing after loading kvm-amd"
set --
while IFS= read -r a; do set -- "\$@" "\$a"; done </loader.args
/loader /image.elf "\$@"
echo "run-under-kvm: loader returned \$? without ending QEMU"
/loader -exit 0x7f
EOF
	chmod +x "$root/init"
	(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) >"$base.$$"
	mv "$base.$$" "$base"
	rm -rf "$root"
fi

if [ ! -f "$vmlinux" ] && [ ! -f "$vmlinux.none" ]; then
	rm -f "$build"/vmlinux-*
	extract_vmlinux "$kernel" "$vmlinux" || : >"$vmlinux.none"
fi
flock -u 9
boot=$kernel
[ ! -f "$vmlinux" ] || boot=$vmlinux

run=$(mktemp -d "$build/run.XXXXXX")
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
timeout "$OUTER_TIMEOUT" qemu-system-x86_64 -accel tcg -cpu max -m 512 -smp 1 \
	-M pc -nodefaults -display none -no-reboot \
	-serial "file:$run/console.log" -serial stdio \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-kernel "$boot" -initrd "$run/initrd.cpio" \
	-append "console=ttyS0 quiet loglevel=3 panic=-1 8250.nr_uarts=2 tsc=reliable" \
	</dev/null | tee "$run/out.log" || status=$?

if [ "$status" -eq "$SKIP_STATUS" ] && grep -q '^SKIP: ' "$run/out.log"; then
	exit 77
fi
if [ "$status" -ne 1 ]; then
	[ -z "$(tail -c 1 "$run/out.log")" ] || echo
	case $status in
	0) echo "run-under-kvm: inner Linux ended without a result (rc 0)" ;;
	124) echo "run-under-kvm: outer QEMU timed out after ${OUTER_TIMEOUT}s" ;;
	*) echo "run-under-kvm: QEMU exit status $status" ;;
	esac
	if [ -s "$run/console.log" ]; then
		echo "run-under-kvm: last kernel console lines ($kver):"
		tail -n 20 "$run/console.log" | sed 's/^/  | /'
	fi
fi
exit "$status"
