#!/bin/bash
# A C++ kernel (-ffreestanding -fno-exceptions -fno-rtti) against libhyp.a for
# one target: the object must reference every libhyp function by its C name
# (nm: no mangled hyp_ symbol) and link against the archive built from the
# sources with the target table's flags.
# usage: check-cxx-consumer.sh SOURCE_DIR TARGET      exit 77: a compiler is missing
set -euo pipefail
src=$(cd "$1" && pwd) target=$2

# shellcheck source=tests/targets.sh
HYP_SRC=$src source "$src/tests/targets.sh"
[ -n "${hyp_arch[$target]:-}" ] || { echo "unknown target $target (cmake/targets.txt)" >&2; exit 2; }
cc=${hyp_gcc[$target]} arch=${hyp_arch[$target]} flags=${hyp_gcc_flags[$target]} cxx=${hyp_cxx[$target]}
for c in "$cc" "${cxx%% *}"; do
	command -v "$c" >/dev/null || { echo "SKIP: $c not installed"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inc=(-I"$src/include" -I"$src/arch/$arch/include")
cd "$tmp"

# shellcheck disable=SC2086  # flag lists
$cc $flags -std=c11 -O2 -ffreestanding -fno-stack-protector -Wall -Wextra -Werror "${inc[@]}" \
	-c "$src"/lib/*.c "$src"/lib/"$arch"/*.c
"${cc%gcc}ar" rcs libhyp.a ./*.o
# The C++ compiler gets the table's gcc flags where it is that gcc's g++ (x86),
# else its own --target (clang++): the kernel's ABI flags are not the point here.
cxxflags=()
[ "${cxx%% *}" = g++ ] && read -ra cxxflags <<<"$flags"
# shellcheck disable=SC2086
$cxx "${cxxflags[@]}" -std=c++17 -O2 -ffreestanding -fno-exceptions -fno-rtti -fno-stack-protector \
	-Wall -Wextra -Werror "${inc[@]}" -c "$src/tests/host/cxx-kernel.cc" -o kernel.o
"${cc%gcc}nm" -u kernel.o >undef.txt
if grep -E '_Z[A-Za-z0-9_]*hyp_' undef.txt; then
	echo "FAIL: $target: the C++ object references mangled libhyp names (no extern \"C\")"
	exit 1
fi
echo "$target: C++ object references $(grep -c ' hyp_' undef.txt) hyp_ symbols, all unmangled"
# shellcheck disable=SC2086
$cc $flags -nostdlib -static -Wl,-e,kmain -o kernel.elf kernel.o libhyp.a -lgcc
echo "PASS: $target: a C++ kernel links libhyp.a"
