#!/bin/bash
# aarch64 kernels linking libhyp.a, booted under QEMU virt (TCG):
# tests/consumer/pie-aarch64/main.c with examples/aarch64-hello's entry.
#  - a position-independent kernel: a static PIE Image linked at 0 with
#    -pie -z text by ld.lld and W^X segments (no dynamic relocation in
#    read-only data),
#    relocating itself where QEMU loads it; libhyp.a built by CMake with gcc
#    and with clang and the kernel's -fno-pie;
#  - a kernel without a device tree: an ELF at 0x40000000 (QEMU then passes
#    none): hyp_init() answers HYP_ENOCONDUIT.
# Verdict: semihosting SYS_EXIT (QEMU rc 1 = pass, 3 = fail), never rc 0.
# usage: check-kernel-aarch64.sh SOURCE_DIR     exit 77: no aarch64 gcc or QEMU
set -uo pipefail
src=$(cd "$1" && pwd)
k=$src/tests/consumer/pie-aarch64
ex=$src/examples/aarch64-hello
gcc=aarch64-linux-gnu-gcc
command -v $gcc >/dev/null || { echo "SKIP: $gcc not installed"; exit 77; }
command -v qemu-system-aarch64 >/dev/null || { echo "SKIP: qemu-system-aarch64 not installed"; exit 77; }
command -v ld.lld >/dev/null || { echo "SKIP: ld.lld not installed (lld)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
kflags=(-mgeneral-regs-only -mstrict-align -mno-outline-atomics -fno-pie -O2)
passed=0 failed=0

run() { # label expect-line file qemu-args...
	local label=$1 expect=$2 d=$3 rc
	shift 3
	timeout 60 qemu-system-aarch64 -M virt -cpu max -m 256 -nographic -no-reboot \
		-semihosting-config enable=on,target=native "$@" >"$d/console" 2>&1
	rc=$?
	sed 's/^/    /' "$d/console"
	if [ "$rc" -eq 1 ] && grep -q "^$expect: PASS" "$d/console"; then
		echo "PASS: $label"; passed=$((passed + 1))
	else
		echo "FAIL: $label: QEMU rc $rc (1 = pass)"; failed=$((failed + 1))
	fi
}

for cc in gcc clang; do
	[ "$cc" = clang ] && ! command -v clang >/dev/null && { echo "SKIP: clang not installed"; continue; }
	d=$tmp/$cc
	lflags=("${kflags[@]}")
	[ "$cc" = clang ] && lflags=(-mgeneral-regs-only -mstrict-align -fno-pie -O2)
	if ! { cmake -S "$src" -B "$d/build" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$src/cmake/toolchain/aarch64-$cc.cmake" \
		-DCMAKE_C_FLAGS="${lflags[*]}" && cmake --build "$d/build" --target hyp; } >"$tmp/log" 2>&1; then
		echo "FAIL: $cc: libhyp.a does not build"; tail -n 15 "$tmp/log"; failed=$((failed + 1)); continue
	fi
	common=("${kflags[@]}" -std=c11 -ffreestanding -fno-stack-protector -Wall -Wextra -Werror
		-I"$src/include" -I"$src/arch/arm64/include" -nostdlib -static -Wl,--build-id=none
		"$ex/start.S" "$k/main.c" "$d/build/lib/libhyp.a")
	# W^X segments (tests/consumer/pie-aarch64/kernel.ld) and -z text: a
	# dynamic relocation in read-only data (a pointer table in .rodata) is
	# a link error, as in a kernel that maps it read-only.
	if $gcc "${kflags[@]}" -std=c11 -ffreestanding -fno-stack-protector -Wall -Wextra -Werror \
		-I"$src/include" -I"$src/arch/arm64/include" -c "$ex/start.S" -o "$d/start.o" >"$tmp/log" 2>&1 &&
		$gcc "${kflags[@]}" -std=c11 -ffreestanding -fno-stack-protector -Wall -Wextra -Werror \
		-I"$src/include" -I"$src/arch/arm64/include" -c "$k/main.c" -o "$d/main.o" >>"$tmp/log" 2>&1 &&
		ld.lld -pie --no-dynamic-linker -z text -z norelro --build-id=none -T "$k/kernel.ld" \
		-o "$d/pie.elf" "$d/start.o" "$d/main.o" "$d/build/lib/libhyp.a" >>"$tmp/log" 2>&1 &&
		aarch64-linux-gnu-objcopy -O binary "$d/pie.elf" "$d/pie.bin" &&
		# start.S applies R_AARCH64_RELATIVE only, as a self-relocating
		# kernel does: any other dynamic relocation would be left undone.
		readelf -rW "$d/pie.elf" | awk '$3 ~ /^R_AARCH64_/ && $3 != "R_AARCH64_RELATIVE" { bad = 1; print }
			END { exit bad }' >>"$tmp/log"; then
		run "PIE Image, libhyp.a by $cc: links -pie -z text (ld.lld), relocates itself, boots" \
			"aarch64 PIE kernel" "$d" -kernel "$d/pie.bin"
	else
		echo "FAIL: $cc: the PIE kernel does not link, or needs relocations other than RELATIVE"
		head -n 12 "$tmp/log"; failed=$((failed + 1))
	fi
	sed 's/^\t\. = 0;$/\t. = 0x40000000;/' "$ex/hello.ld" >"$d/elf.ld"
	if grep -q '0x40000000' "$d/elf.ld" && $gcc "${common[@]}" -T "$d/elf.ld" -no-pie -o "$d/nodtb.elf" \
		-Wl,--no-warn-rwx-segments >"$tmp/log" 2>&1; then
		run "ELF at 0x40000000 (no DTB from QEMU), libhyp.a by $cc: HYP_ENOCONDUIT" \
			"aarch64 kernel without a device tree" "$d" -kernel "$d/nodtb.elf"
	else
		echo "FAIL: $cc: the ELF kernel does not link"; head -n 12 "$tmp/log"; failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
