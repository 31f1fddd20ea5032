#!/bin/sh
# usage: run-i386.sh PROBE BINARY [ARGS...]
# Runs an i386 Linux test binary natively where the host kernel executes i386
# binaries (PROBE, a static exit(0), runs), else under Debian's qemu-i386
# (package qemu-user): some x86_64 kernels have 32-bit emulation off
# (ia32_emulation=0), and nothing promises a CI machine has it on.
probe=$1
shift
if "$probe" 2>/dev/null; then
	exec "$@"
fi
command -v qemu-i386 >/dev/null || {
	echo "run-i386: this host cannot execute i386 binaries and qemu-i386 is missing (package qemu-user)"
	exit 1
}
echo "run-i386: this host cannot execute i386 binaries: running under qemu-i386"
exec qemu-i386 -L /usr/i686-linux-gnu "$@"
