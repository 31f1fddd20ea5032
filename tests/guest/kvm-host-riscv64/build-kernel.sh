#!/bin/bash
# Builds (once per machine) the riscv64 Linux that hosts KVM RISC-V for the
# nested tests, from Debian's linux-source-6.1 and the cross compiler.
#
# usage: build-kernel.sh [--cached]   prints the path of the Image on stdout
#   --cached: build nothing; exit 77 ("SKIP: reason") when it is not built yet
# The build is the fixture kernel-riscv64 (tests/fixtures.sh): never run it
# inside a test's timeout. make's output goes to stderr as well as build.log.
#
# Cache: ${HYP_CACHE:-/var/cache/libhyp}/linux-riscv64/<pkgversion>-<confighash>/
#   Image        the result (its presence means "built"; a second run costs nothing)
#   build.log    make's output of the cold build
#   build.time   wall-clock seconds of the cold build
# Concurrent callers serialize on a lock in that directory. Stale entries of
# other versions/configs are left alone (another branch may use them).
# Exit status: 0 built or cached, 77 tool or package missing ("SKIP: reason"),
# else the failing step's status.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cached_only=0
[ "${1:-}" != --cached ] || cached_only=1
fragment=$here/kernel.config
tarball=/usr/src/linux-source-6.1.tar.xz

skip() {
	echo "SKIP: $*" >&2
	exit 77
}

[ -r "$tarball" ] || skip "no $tarball (package linux-source-6.1)"
for tool in riscv64-linux-gnu-gcc make flex bison bc xz; do
	command -v "$tool" >/dev/null || skip "$tool not installed"
done
pkgver=$(dpkg-query -W -f='${Version}' linux-source-6.1 2>/dev/null) || pkgver=unknown
# The key: the fragment, plus this script's build steps.
confighash=$(cat "$fragment" "$0" | sha256sum | cut -c1-12)
dir=${HYP_CACHE:-/var/cache/libhyp}/linux-riscv64/$pkgver-$confighash
if [ "$cached_only" = 1 ]; then
	[ -f "$dir/Image" ] || skip "the riscv64 KVM host kernel is not built yet (tests/fixtures.sh kernel-riscv64)"
	echo "$dir/Image"
	exit 0
fi
mkdir -p "$dir"

exec 9>"$dir/lock"
flock 9
if [ ! -f "$dir/Image" ]; then
	start=$(date +%s)
	src=$dir/src
	rm -rf "$src"
	mkdir -p "$src"
	tar -xJf "$tarball" -C "$src" --strip-components=1
	mk=(make -C "$src" ARCH=riscv CROSS_COMPILE=riscv64-linux-gnu- -j"$(nproc)")
	{
		"${mk[@]}" tinyconfig
		grep '^CONFIG_' "$fragment" >>"$src/.config"
		"${mk[@]}" olddefconfig
		# Every line of the fragment must have survived olddefconfig.
		missing=0
		while IFS= read -r line; do
			grep -qx "$line" "$src/.config" || { echo "build-kernel: not in .config: $line"; missing=1; }
		done < <(grep '^CONFIG_' "$fragment")
		[ "$missing" -eq 0 ]
		"${mk[@]}" Image
	} 2>&1 | tee "$dir/build.log" >&2 || {
		status=$?
		tail -n 30 "$dir/build.log" >&2
		exit "$status"
	}
	cp "$src/arch/riscv/boot/Image" "$dir/Image.$$"
	cp "$src/.config" "$dir/config"
	echo $(($(date +%s) - start)) >"$dir/build.time"
	# The object tree is not needed again: keep only the result.
	rm -rf "$src"
	mv "$dir/Image.$$" "$dir/Image"
fi
flock -u 9
echo "$dir/Image"
