#!/bin/bash
# What libhyp adds to a kernel, per target (gcc, -O2): a kernel whose only
# code is hyp_init() and hyp_get_info(), linked with --gc-sections against
# libhyp.a built by CMake with the toolchain file, once with every family
# and once with HYP_FAMILIES=<one>; and the whole archive's text (what a
# kernel linking every object without --gc-sections pays).
#   size.sh [--write] [TARGET...]   prints the Markdown table; --write puts it
#                                   in docs/PERFORMANCE.md between its markers
#   size.sh --check [TARGET...]     fails unless the one-family kernel is
#                                   smaller than the all-families kernel
#                                   wherever a family can be left out
# exit 77: no compiler for any target asked.
set -uo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
mode=print
case ${1:-} in --write) mode=write; shift ;; --check) mode=check; shift ;; esac
# shellcheck source=tests/targets.sh
HYP_SRC=$src source "$src/tests/targets.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The family kept in the one-family build, per arch/ directory.
declare -A one=([x86]=kvm [arm64]=smccc [powerpc]=papr [riscv]=sbi [s390]=kvm [mips]=kvm)
printf 'void _start(void);\nvoid _start(void)\n{\n\thyp_init((void *)0);\n\t(void)hyp_get_info();\n\tfor (;;)\n\t\t;\n}\n' >"$tmp/kernel.c"
sed -i '1i #include <hyp/hyp.h>' "$tmp/kernel.c"
rows=() bad=0 done=0

kernel_size() { # cc flags... -- archive: text+data+bss of the linked kernel
	local cc=$1 lib=$2
	shift 2
	"$cc" "$@" -O2 -ffreestanding -nostdlib -static -Wl,-e,_start -Wl,--gc-sections -Wl,--build-id=none \
		-I"$src/include" -I"$src/arch/$arch/include" -o "$tmp/k.elf" "$tmp/kernel.c" "$lib" \
		>"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; return 1; }
	"${cc%gcc}size" "$tmp/k.elf" | awk 'NR == 2 { print $1 + $2 + $3 }'
}

for t in "${@:-${hyp_targets[@]}}"; do
	cc=${hyp_gcc[$t]} arch=${hyp_arch[$t]}
	command -v "$cc" >/dev/null || { echo "SKIP: $t ($cc not installed)" >&2; continue; }
	# shellcheck disable=SC2206  # the table's flags are a list
	flags=(${hyp_gcc_flags[$t]})
	sizes=()
	for fam in all "${one[$arch]}"; do
		b=$tmp/$t-$fam
		if ! cmake -S "$src" -B "$b" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$src/cmake/toolchain/$t-gcc.cmake" \
			-DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE=-O2 -DHYP_FAMILIES="$fam" \
			>"$tmp/log" 2>&1 || ! cmake --build "$b" --target hyp >>"$tmp/log" 2>&1; then
			cat "$tmp/log" >&2; echo "FAIL: $t: libhyp.a ($fam) does not build" >&2; bad=1; continue 2
		fi
		def=()
		[ "$fam" != all ] && def=("-DHYP_FAMILIES=(HYP_FAMILY_${fam^^})")
		s=$(kernel_size "$cc" "$b/lib/libhyp.a" "${flags[@]}" "${def[@]}") ||
			{ echo "FAIL: $t: the kernel does not link" >&2; bad=1; continue 2; }
		sizes+=("$s")
		[ "$fam" = all ] && whole=$("${cc%gcc}size" -t "$b/lib/libhyp.a" | awk 'END { print $4 }')
	done
	done=$((done + 1))
	rows+=("| $t | $whole | ${sizes[0]} | ${one[$arch]} | ${sizes[1]} |")
	if [ "$mode" = check ]; then
		case $arch in x86 | arm64 | powerpc)
			if [ "${sizes[1]}" -lt "${sizes[0]}" ]; then
				echo "PASS: $t: HYP_FAMILIES=${one[$arch]} ${sizes[1]} bytes < all ${sizes[0]}"
			else
				echo "FAIL: $t: HYP_FAMILIES=${one[$arch]} ${sizes[1]} bytes, all ${sizes[0]}"; bad=1
			fi ;;
		*) echo "PASS: $t: one family only (${sizes[0]} bytes)" ;;
		esac
	fi
done
[ "$done" -gt 0 ] || exit 77
table=$(printf '%s\n' "| target | libhyp.a, every object | kernel: hyp_init(), all families, --gc-sections | HYP_FAMILIES | kernel: that family only |" \
	"|---|---|---|---|---|" "${rows[@]}")
case $mode in
print) echo "$table" ;;
write)
	python3 - "$src/docs/PERFORMANCE.md" "$table" <<'PY'
import re, sys
path, table = sys.argv[1], sys.argv[2]
text = open(path).read()
begin, end = "<!-- size table: tests/bench/size.sh --write -->", "<!-- end size table -->"
new = f"{begin}\n{table}\n{end}"
if begin in text:
    text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda m: new, text, flags=re.S)
else:
    sys.exit("docs/PERFORMANCE.md: no size table markers")
open(path, "w").write(text)
PY
	echo "$table" ;;
esac
[ "$bad" -eq 0 ]
