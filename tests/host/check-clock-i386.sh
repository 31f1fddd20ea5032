#!/bin/sh
# The clock's i386 objects call no libgcc/compiler-rt helper: no 64-bit
# division (__udivdi3 __umoddi3 __divdi3 __moddi3 __udivmoddi4), multiply
# (__muldi3 __multi3), shift (__ashldi3 __lshrdi3 __ashrdi3) or out-of-line
# atomic (__atomic_*, __sync_*). Compiled as a kernel would (freestanding,
# -O2 and -Os), with gcc and clang. usage: check-clock-i386.sh SOURCE_DIR
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
helpers='__(u?divdi3|u?moddi3|udivmoddi4|divmoddi4|muldi3|multi3|ashldi3|lshrdi3|ashrdi3|atomic_[a-z_0-9]+|sync_[a-z_0-9]+)$'
status=0
checked=0
for cc in "i686-linux-gnu-gcc -m32 -fno-pic" "clang --target=i386-unknown-none-elf"; do
	command -v "${cc%% *}" >/dev/null || { echo "SKIP: ${cc%% *} not installed"; continue; }
	for opt in -O2 -Os; do
		for f in "$src"/lib/clock.c "$src"/lib/x86/clock_*.c; do
			o=$tmp/$(basename "$f" .c).o
			$cc $opt -ffreestanding -mno-sse -mno-mmx -Wall -Wextra -Werror \
				-I"$src/include" -I"$src/arch/x86/include" -c "$f" -o "$o"
			bad=$(nm -u "$o" | awk '{print $2}' | grep -E "$helpers" || true)
			checked=$((checked + 1))
			if [ -n "$bad" ]; then
				echo "FAIL: ${cc%% *} $opt $(basename "$f") calls: $bad"
				status=1
			fi
		done
	done
done
[ "$checked" -gt 0 ] || { echo "SKIP: no i386 compiler"; exit 77; }
[ "$status" -eq 0 ] && echo "PASS: $checked i386 objects, no helper calls"
exit "$status"
