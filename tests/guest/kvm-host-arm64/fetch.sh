#!/bin/bash
# Fixture debs-kvm-arm64 (tests/fixtures.sh): Debian's arm64 kernel (KVM built
# in) and busybox-static, fetched with apt-get download and unpacked with
# dpkg -x into ${HYP_CACHE:-/var/cache/libhyp}/kvm-arm64/root, once, under a lock.
# Prints the kernel's path. Exit 77 (after "SKIP: reason") when the arm64
# archive cannot be reached.
set -euo pipefail

skip() {
	echo "SKIP: $*"
	exit 77
}

cache=${HYP_CACHE:-/var/cache/libhyp}/kvm-arm64
mkdir -p "$cache"
exec 9>"$cache/lock"
flock 9
if ! ls "$cache"/root/boot/vmlinuz-* >/dev/null 2>&1 || [ ! -x "$cache/root/bin/busybox" ]; then
	tmp=$(mktemp -d "$cache/dl.XXXXXX")
	(
		cd "$tmp"
		apt-get download linux-image-arm64:arm64 busybox-static:arm64 >/dev/null 2>&1
		dep=$(dpkg-deb -f linux-image-arm64_*.deb Depends | grep -o 'linux-image-[^ ,]*-arm64' | head -n 1)
		apt-get download "$dep:arm64" >/dev/null 2>&1
	) || { rm -rf "$tmp"; skip "cannot download the arm64 kernel/busybox (dpkg --add-architecture arm64; apt-get update)"; }
	rm -rf "$cache/root"
	mkdir -p "$cache/root"
	for d in "$tmp"/*.deb; do
		case $d in *linux-image-arm64_*) continue ;; esac
		dpkg -x "$d" "$cache/root"
	done
	rm -rf "$tmp" "$cache/root/lib/modules"     # KVM is built in: the modules are not needed
fi
ls "$cache"/root/boot/vmlinuz-* | sort -V | tail -n 1
