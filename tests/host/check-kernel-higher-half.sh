#!/bin/bash
# An x86_64 higher-half kernel (-fno-pic -mcmodel=kernel, linked at
# 0xffffffff80100000, as Limine's C template) links libhyp.a and boots under
# QEMU TCG (tests/consumer/higher-half-x86_64). libhyp.a is built as such a
# kernel builds its own code: CMake with the kernel's -fno-pic
# -mcmodel=kernel (gcc, and clang's x86_64-unknown-none-elf, which is not
# PIE by default), and the README's plain-cc recipe run by a gcc that does not
# default to PIE (x86_64-elf-gcc; a wrapper adding -fno-pic). The kernel
# links with --gc-sections. Verdict: isa-debug-exit (QEMU rc 1 = pass,
# 3 = fail), never QEMU's rc 0.
# usage: check-kernel-higher-half.sh SOURCE_DIR     exit 77: no x86_64 gcc or QEMU
set -uo pipefail
src=$(cd "$1" && pwd)
k=$src/tests/consumer/higher-half-x86_64
real=$(command -v x86_64-linux-gnu-gcc) || { echo "SKIP: x86_64-linux-gnu-gcc not installed"; exit 77; }
command -v qemu-system-x86_64 >/dev/null || { echo "SKIP: qemu-system-x86_64 not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
kflags=(-m64 -fno-pic -mcmodel=kernel -mno-red-zone -mno-sse -mno-mmx)
passed=0 failed=0

boot() { # label libhyp.a
	local label=$1 lib=$2 d=$tmp/k-$passed-$failed rc
	mkdir -p "$d"
	if ! "$real" "${kflags[@]}" -std=c11 -O2 -ffreestanding -fno-stack-protector -Wall -Wextra -Werror \
		-I"$src/include" -I"$src/arch/x86/include" -I"$src/tests/guest/runtime/x86" \
		-nostdlib -static -no-pie -Wl,--build-id=none \
		-Wl,--gc-sections -T "$k/kernel.ld" -o "$d/kernel.elf" "$k/start.S" "$k/main.c" "$lib" \
		>"$d/link.log" 2>&1; then
		echo "FAIL: $label: the kernel does not link"; head -n 12 "$d/link.log"; failed=$((failed + 1)); return
	fi
	timeout 60 qemu-system-x86_64 -M pc -accel tcg -cpu max -m 128 -display none -nodefaults -no-reboot \
		-debugcon "file:$d/console" -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-kernel "$d/kernel.elf" >"$d/qemu.log" 2>&1
	rc=$?
	sed 's/^/    /' "$d/console" 2>/dev/null
	if [ "$rc" -eq 1 ] && grep -q '^higher-half kernel: PASS$' "$d/console"; then
		echo "PASS: $label: links at 0xffffffff80100000 and boots"; passed=$((passed + 1))
	else
		echo "FAIL: $label: QEMU rc $rc (1 = pass)"; cat "$d/qemu.log"; failed=$((failed + 1))
	fi
}

# CMake, the toolchain file plus the kernel's own code model.
for cc in gcc clang; do
	[ "$cc" = clang ] && ! command -v clang >/dev/null && { echo "SKIP: cmake clang (no clang)"; continue; }
	if cmake -S "$src" -B "$tmp/cmake-$cc" -G Ninja \
		-DCMAKE_TOOLCHAIN_FILE="$src/cmake/toolchain/x86_64-$cc.cmake" \
		-DCMAKE_C_FLAGS="-mno-red-zone -mno-sse -mno-mmx -fno-pic -mcmodel=kernel -O2" >"$tmp/log" 2>&1 &&
		cmake --build "$tmp/cmake-$cc" --target hyp >>"$tmp/log" 2>&1; then
		boot "CMake ($cc, -fno-pic -mcmodel=kernel)" "$tmp/cmake-$cc/lib/libhyp.a"
	else
		echo "FAIL: CMake ($cc): libhyp.a does not build"; tail -n 15 "$tmp/log"; failed=$((failed + 1))
	fi
done

# The README's plain-cc recipe, as written, with a gcc that does not default to PIE.
mkdir -p "$tmp/bin" "$tmp/plain"
printf '#!/bin/sh\nexec %s -fno-pic "$@"\n' "$real" >"$tmp/bin/x86_64-linux-gnu-gcc"
chmod +x "$tmp/bin/x86_64-linux-gnu-gcc"
ln -s "$(command -v x86_64-linux-gnu-ar)" "$tmp/bin/x86_64-linux-gnu-ar"
block=$(awk '/<!-- plain-cc recipe/ { marker = 1; next }
	marker && /^```sh/ { inside = 1; next }
	inside && /^```/ { exit }
	inside { print }' "$src/README.md")
ln -s "$src" "$tmp/plain/libhyp"
if (cd "$tmp/plain" && PATH=$tmp/bin:$PATH TARGET=x86_64 bash -euo pipefail -c "$block") >"$tmp/log" 2>&1; then
	boot "README plain-cc recipe (gcc not defaulting to PIE)" "$tmp/plain/libhyp.a"
else
	echo "FAIL: the README recipe does not build"; tail -n 15 "$tmp/log"; failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
