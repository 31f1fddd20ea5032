#!/bin/bash
# Fixture debs-xen-arm64 (tests/fixtures.sh): Debian's xen-hypervisor-4.17-arm64,
# fetched with apt-get download and unpacked with dpkg -x into
# ${HYP_CACHE:-/var/cache/libhyp}/xen-arm64/root, once, under a lock.
# Prints Xen's path. Exit 77 (after "SKIP: reason") when the arm64 archive
# cannot be reached.
set -euo pipefail

skip() {
	echo "SKIP: $*"
	exit 77
}

cache=${HYP_CACHE:-/var/cache/libhyp}/xen-arm64
xen=$cache/root/boot/xen-4.17-arm64
mkdir -p "$cache"
exec 9>"$cache/lock"
flock 9
if [ ! -f "$xen" ]; then
	tmp=$(mktemp -d "$cache/dl.XXXXXX")
	if ! (cd "$tmp" && apt-get download xen-hypervisor-4.17-arm64:arm64 >/dev/null 2>&1); then
		rm -rf "$tmp"
		skip "cannot download xen-hypervisor-4.17-arm64:arm64 (dpkg --add-architecture arm64; apt-get update)"
	fi
	mkdir -p "$cache/root"
	dpkg -x "$tmp"/xen-hypervisor-4.17-arm64_*.deb "$cache/root"
	rm -rf "$tmp"
fi
[ -f "$xen" ] || skip "no $xen after unpacking"
echo "$xen"
