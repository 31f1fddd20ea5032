#!/bin/sh
# The clock's read path in executed instructions (tests/bench/clock_read.c),
# per target (x86_64, i386) and compiler (gcc, clang): every file at -O2 with
# the kernel flags of the toolchain files (-mno-sse -mno-mmx, -mno-red-zone on
# x86_64), linked static, run here (single-stepped with ptrace).
# usage: clock_read.sh [OUT_DIR]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/build/bench}
mkdir -p "$out"
srcs="$root/tests/bench/clock_read.c $root/lib/*.c $root/lib/x86/*.c"
inc="-I$root/include -I$root/arch/x86/include -I$root/lib"
i686-linux-gnu-gcc -m32 -nostdlib -static -O2 -o "$out/i386_probe" "$root/tests/host/i386_probe.c" 2>/dev/null || true
for target in x86_64 i386; do
	for cc in gcc clang; do
		case $target-$cc in
		x86_64-gcc) c="gcc -mno-red-zone" ;;
		x86_64-clang) c="clang -mno-red-zone" ;;
		i386-gcc) c="i686-linux-gnu-gcc -m32 -fno-pic" ;;
		i386-clang) c="clang -m32 -fno-pic" ;;
		esac
		command -v "${c%% *}" >/dev/null || { echo "$target-$cc: compiler missing"; continue; }
		bin=$out/clock_read-$target-$cc
		# shellcheck disable=SC2086
		if ! $c -O2 -static -mno-sse -mno-mmx -Wall -Wextra -Werror $inc -o "$bin" $srcs 2>"$bin.log"; then
			echo "$target-$cc: build failed (see $bin.log)"
			continue
		fi
		if [ "$target" = i386 ] && ! "$out/i386_probe" 2>/dev/null; then
			# qemu-i386 does not implement ptrace: no single-stepping through it.
			echo "$target-$cc  skipped: this host cannot execute i386 binaries (32-bit emulation off) and qemu-i386 cannot single-step"
			continue
		fi
		"$bin" | sed "s/^/$target-$cc  /"
	done
done
