#!/bin/bash
# Builds (once) the ppc64le Linux that hosts KVM-PR for the kvm-ppc tests.
#
# usage: build-kernel.sh [--config-only | --cached]
# Prints the path of the kernel's vmlinux on its last line.
#   --cached: build nothing; exit 77 ("SKIP: reason") when it is not built yet.
# The build is the fixture kernel-ppc64le (tests/fixtures.sh): never run it
# inside a test's timeout. make's output goes to stderr as well as build.log.
#
# The kernel comes from Debian's linux-source-6.1 (Debian's own ppc64el
# kernel has no KVM-PR: KVM_BOOK3S_64_PR depends on !CONTEXT_TRACKING_USER,
# and Debian sets NO_HZ_FULL), configured as allnoconfig + kernel.config.
# Cache: ${HYP_CACHE:-/var/cache/libhyp}/linux-ppc64le/<pkgversion>-<hash>/,
# keyed by the source package's version and a hash of the fragment; built
# under a lock, so concurrent callers wait for one build.
# Exit 77 (after "SKIP: reason") when the source or the compiler is missing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
config_only=0 cached_only=0
[ "${1:-}" != --config-only ] || config_only=1
[ "${1:-}" != --cached ] || cached_only=1

skip() {
	echo "SKIP: $*"
	exit 77
}

tarball=/usr/src/linux-source-6.1.tar.xz
[ -r "$tarball" ] || skip "no $tarball (package linux-source-6.1)"
for tool in powerpc64le-linux-gnu-gcc flex bison bc make perl; do
	command -v "$tool" >/dev/null || skip "$tool not installed (tests/install-deps.sh)"
done
pkgver=$(dpkg-query -W -f='${Version}' linux-source-6.1 2>/dev/null || echo unknown)
hash=$(sha256sum <"$here/kernel.config" | cut -c1-12)
cache=${HYP_CACHE:-/var/cache/libhyp}/linux-ppc64le
dir=$cache/$pkgver-$hash
vmlinux=$dir/vmlinux

if [ -f "$vmlinux" ] && [ "$config_only" = 0 ]; then
	echo "$vmlinux"
	exit 0
fi
[ "$cached_only" = 0 ] || skip "the ppc64le KVM-PR host kernel is not built yet (tests/fixtures.sh kernel-ppc64le)"
mkdir -p "$cache"
exec 9>"$cache/build.lock"
flock 9
if [ -f "$vmlinux" ] && [ "$config_only" = 0 ]; then
	echo "$vmlinux"
	exit 0
fi

src=$dir/src
make_k() {
	make -C "$src" ARCH=powerpc CROSS_COMPILE=powerpc64le-linux-gnu- \
		KBUILD_BUILD_TIMESTAMP=libhyp KBUILD_BUILD_USER=libhyp \
		KBUILD_BUILD_HOST=libhyp "$@"
}
start=$(date +%s)
if [ ! -f "$src/Makefile" ]; then
	rm -rf "$dir"
	mkdir -p "$dir/tmp"
	echo "build-kernel: unpacking $tarball ($pkgver)" >&2
	tar -C "$dir/tmp" -xf "$tarball"
	mv "$dir/tmp/linux-source-6.1" "$src"
	rmdir "$dir/tmp"
fi
if [ ! -f "$src/.config.done" ]; then
	cp "$here/kernel.config" "$src/libhyp.config"
	KCONFIG_ALLCONFIG=$src/libhyp.config make_k -s allnoconfig >&2
	# Every option the fragment sets must have survived Kconfig's rules.
	bad=0
	while IFS= read -r line; do
		case $line in
		CONFIG_*=n)
			opt=${line%%=*}
			if grep -q "^$opt=" "$src/.config"; then
				echo "build-kernel: $opt should be off" >&2
				bad=1
			fi
			;;
		CONFIG_*)
			grep -qx "$line" "$src/.config" || {
				echo "build-kernel: $line did not stick" >&2
				bad=1
			}
			;;
		esac
	done <"$here/kernel.config"
	[ "$bad" = 0 ] || exit 1
	touch "$src/.config.done"
fi
[ "$config_only" = 0 ] || { echo "$src/.config"; exit 0; }
echo "build-kernel: building vmlinux in $src (once: about 4 min of two idle cores)" >&2
set -o pipefail
make_k -j"$(nproc)" vmlinux 2>&1 | tee "$dir/build.log" >&2 || {
	tail -n 40 "$dir/build.log" >&2
	exit 1
}
cp "$src/vmlinux" "$vmlinux.$$"
mv "$vmlinux.$$" "$vmlinux"
end=$(date +%s)
echo "build-kernel: built in $((end - start)) s" >&2
# The build tree is kept (a changed fragment gets a new directory; stale
# ones are removed here) but its objects are not needed any more.
for old in "$cache"/*/; do
	[ "${old%/}" = "$dir" ] || rm -rf "$old"
done
echo "$vmlinux"
