#!/bin/bash
# Hyper-V and VMware numbers of <hyp/hyperv_abi.h> and <hyp/vmware.h> against
# Linux's own headers. Linux keeps them out of uapi (linux-libc-dev has no
# asm/hyperv.h since 4.17, no asm/vmware.h at all), so the files come from
# Debian's linux-source-6.1 tarball, extracted once into
# ${HYP_CACHE:-/var/cache/libhyp}/linux-abi/<package version>/ under a lock.
# usage: check-linux-abi.sh SOURCE_DIR BUILD_DIR     exit 77: no linux-source
set -euo pipefail
src=$1
build=$2
tarball=$(ls /usr/src/linux-source-*.tar.xz 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$tarball" ] || { echo "SKIP: no /usr/src/linux-source-*.tar.xz (package linux-source-6.1)"; exit 77; }
version=$(dpkg-query -W -f '${Version}' "$(basename "${tarball%.tar.xz}")" 2>/dev/null || stat -c %Y "$tarball")
top=$(basename "${tarball%.tar.xz}")
files=(arch/x86/include/asm/hyperv-tlfs.h include/asm-generic/hyperv-tlfs.h
       arch/x86/include/asm/vmware.h arch/x86/kernel/cpu/vmware.c
       drivers/gpu/drm/vmwgfx/vmwgfx_msg.c)
cache=${HYP_CACHE:-/var/cache/libhyp}/linux-abi/$version
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
if [ ! -f "$cache/.done" ]; then
	tar -xJf "$tarball" -C "$cache" --strip-components=1 "${files[@]/#/$top/}"
	: >"$cache/.done"
fi
flock -u 9

work=$(mktemp -d "$build/linux-abi.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/shim/linux" "$work/shim/asm"
cat >"$work/shim/linux/types.h" <<'H'
#include <stdint.h>
typedef uint8_t u8; typedef uint16_t u16; typedef uint32_t u32; typedef uint64_t u64;
typedef int8_t s8; typedef int16_t s16; typedef int32_t s32; typedef int64_t s64;
typedef u8 __u8; typedef u16 __u16; typedef u32 __u32; typedef u64 __u64;
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
H
cat >"$work/shim/linux/bits.h" <<'H'
#define BIT(n) (1ul << (n))
#define BIT_ULL(n) (1ull << (n))
#define GENMASK(h, l) (((~0ul) << (l)) & (~0ul >> (63 - (h))))
#define GENMASK_ULL(h, l) (((~0ull) << (l)) & (~0ull >> (63 - (h))))
H
echo '#define NSEC_PER_SEC 1000000000L' >"$work/shim/linux/time64.h"
echo "#define PAGE_SIZE 4096ul" >"$work/shim/asm/page.h"
# VMware's numbers live in .c files: their one-line numeric #defines, renamed LINUX_*.
for f in arch/x86/include/asm/vmware.h arch/x86/kernel/cpu/vmware.c drivers/gpu/drm/vmwgfx/vmwgfx_msg.c; do
	grep -hE '^#define +(VMWARE_|CPUID_VMWARE|VMW_|MESSAGE_STATUS|RPCI|GUESTMSG)[A-Z0-9_]+[ 	]+[^\\]*$' "$cache/$f" |
		sed -E 's/^#define +/#define LINUX_/'
done >"$work/linux_vmware.h"
cc -std=gnu11 -Wall -Wextra -Werror -I"$work/shim" -I"$cache/arch/x86/include" -I"$cache/include" \
	-I"$work" -I"$src/include" -I"$src/arch/x86/include" \
	-o "$work/test" "$src/tests/host/test_linux_abi.c"
"$work/test"
