#!/bin/bash
# HYP_OSI_SC_MAGIC_R3/R4 (include/hyp/osi_abi.h) against the OSI_SC_MAGIC_R3/R4
# KVM-PR matches (Linux arch/powerpc/include/asm/kvm_book3s.h, a kernel-internal
# header: no linux-libc-dev package carries it). Source: the unpacked tree of
# tests/guest/kvm-host-ppc64/build-kernel.sh if cached, else Debian's
# linux-source-6.1 tarball; neither: skip (77).
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rel=arch/powerpc/include/asm/kvm_book3s.h
hdr=$(ls "${HYP_CACHE:-/var/cache/libhyp}"/linux-ppc64le/*/src/$rel 2>/dev/null | head -n 1) || true
if [ -n "$hdr" ]; then
	text=$(cat "$hdr")
elif [ -r /usr/src/linux-source-6.1.tar.xz ]; then
	text=$(tar -xOJf /usr/src/linux-source-6.1.tar.xz "linux-source-6.1/$rel")
else
	echo "SKIP: no Linux source for $rel (package linux-source-6.1)"
	exit 77
fi
ours=$(cc -E -dM -I"$top/include" "$top/include/hyp/osi_abi.h")
bad=0
for r in R3 R4; do
	linux=$(printf '%s\n' "$text" | awk -v n="OSI_SC_MAGIC_$r" '$1 == "#define" && $2 == n { print $3 }')
	mine=$(printf '%s\n' "$ours" | awk -v n="HYP_OSI_SC_MAGIC_$r" '$1 == "#define" && $2 == n { print $3 }')
	mine=${mine%ul}
	if [ -z "$linux" ] || [ -z "$mine" ] || [ $((linux)) -ne $((mine)) ]; then
		echo "FAIL: OSI_SC_MAGIC_$r: Linux '${linux}', libhyp '${mine}'"
		bad=1
	else
		echo "PASS: OSI_SC_MAGIC_$r = $linux"
	fi
done
exit $bad
