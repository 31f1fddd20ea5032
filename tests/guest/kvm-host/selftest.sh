#!/bin/bash
# Builds the kvm-host selftest images and runs them under the nested KVM.
#
# usage: selftest.sh BUILD_DIR
# Runs: the ELF32 image (4-byte PVH note) on 1 vCPU, and the ELF64 image
# (8-byte note) on 2 vCPUs. Exit 0 only if every run ended QEMU with status 1
# (isa-debug-exit value 0) and printed the expected lines; 77 if the nested
# KVM is unavailable.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
mkdir -p "$1"
top=$(cd "$1" && pwd)
build=$top/selftest
mkdir -p "$build"

src=$here/selftest
cflags=(-m32 -ffreestanding -nostdlib -fno-pie -fno-pic -fno-stack-protector
	-mgeneral-regs-only -fno-asynchronous-unwind-tables -O2 -Wall -Wextra -Werror)
ldflags=(-m elf_i386 --no-warn-rwx-segments -T "$src/selftest.ld")
gcc "${cflags[@]}" -c "$src/main.c" -o "$build/main.o"
gcc "${cflags[@]}" -c "$src/entry.S" -o "$build/entry32.o"
gcc "${cflags[@]}" -DNOTE64 -c "$src/entry.S" -o "$build/entry64.o"
ld "${ldflags[@]}" -o "$build/selftest32.elf" "$build/entry32.o" "$build/main.o"
ld "${ldflags[@]}" -o "$build/selftest64.tmp" "$build/entry64.o" "$build/main.o"
# The 64-bit variant is the same 32-bit code in an ELF64 container.
objcopy -O elf64-x86-64 "$build/selftest64.tmp" "$build/selftest64.elf"

expected=(
	'kvm-host selftest'
	'PASS: vmmcall VAPIC_POLL_IRQ(1) = 0'
	'PASS: vmmcall unknown(0x12345) = -1000'
	'kvm: cpuid.1:ecx.hypervisor = 1'
	'kvm: cpuid.0x40000000 signature = KVMKVMKVM'
	' passed, 0 failed'
)

failures=0
run() {
	local name=$1 status=0
	shift
	echo "== selftest: $name"
	local start=$SECONDS
	"$here/run-under-kvm.sh" "$top" "$@" | tee "$build/$name.log" || status=$?
	echo "== selftest: $name: QEMU status $status, $((SECONDS - start)) s"
	if [ "$status" -eq 77 ]; then
		exit 77
	fi
	if [ "$status" -ne 1 ]; then
		echo "FAIL: $name: want QEMU status 1 (isa-debug-exit value 0)"
		failures=$((failures + 1))
		return
	fi
	local line
	for line in "${expected[@]}"; do
		if ! grep -qF -- "$line" "$build/$name.log"; then
			echo "FAIL: $name: missing output line: $line"
			failures=$((failures + 1))
		fi
	done
}

expected+=('kvm: AP 1 started by INIT/SIPI = 0')
run elf32-smp1 "$build/selftest32.elf"
expected[-1]='kvm: AP 1 started by INIT/SIPI = 1'
run elf64-smp2 "$build/selftest64.elf" -smp 2

if [ "$failures" -ne 0 ]; then
	echo "kvm-host selftest: $failures failure(s)"
	exit 1
fi
echo "kvm-host selftest: all runs passed"
