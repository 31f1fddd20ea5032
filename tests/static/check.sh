#!/usr/bin/env bash
# Static analysis of the library sources (lib/, include/, arch/) for every
# target: cppcheck with the target's predefined macros and data model, and
# clang-tidy (.clang-tidy at the top) with the target's --target= and flags.
# Any finding fails. Usage: tests/static/check.sh [target...]
set -euo pipefail
cd "$(dirname "$0")/../.."

# target: clang triple | arch dir | cppcheck platform | extra compiler flags
declare -A triple=(
  [x86_64]=x86_64-unknown-none-elf [i386]=i386-unknown-none-elf
  [s390x]=s390x-unknown-linux-gnu
  [ppc64]=powerpc64-unknown-linux-gnu [ppc64le]=powerpc64le-unknown-linux-gnu
  [ppc]=powerpc-unknown-linux-gnu
  [mips]=mips-unknown-none-elf [mipsel]=mipsel-unknown-none-elf
  [mips64]=mips64-unknown-none-elf
  [riscv64]=riscv64-unknown-elf)
declare -A archdir=(
  [x86_64]=x86 [i386]=x86 [s390x]=s390 [ppc64]=powerpc [ppc64le]=powerpc [ppc]=powerpc
  [mips]=mips [mipsel]=mips [mips64]=mips
  [riscv64]=riscv)
declare -A platform=(
  [x86_64]=unix64 [i386]=unix32 [s390x]=unix64 [ppc64]=unix64 [ppc64le]=unix64 [ppc]=unix32
  [mips]=unix32 [mipsel]=unix32 [mips64]=unix64
  [riscv64]=unix64)
declare -A cflags=(
  [x86_64]="-mno-red-zone -mno-sse -mno-mmx" [i386]="-mno-sse -mno-mmx" [s390x]="-march=z10"
  [mips]="-mno-abicalls -fno-pic -G0 -msoft-float" [mipsel]="-mno-abicalls -fno-pic -G0 -msoft-float"
  [mips64]="-march=mips64r2 -mabi=64 -mno-abicalls -fno-pic -G0 -msoft-float"
  [riscv64]="-march=rv64imac -mabi=lp64 -mcmodel=medany")

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(x86_64 i386 s390x ppc64 ppc64le ppc mips mipsel mips64 riscv64)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0 checked=0

for t in "${targets[@]}"; do
  arch=${archdir[$t]}
  if [ ! -d "lib/$arch" ]; then
    echo "static: $t: no lib/$arch yet, portable sources only"
  fi
  mapfile -t sources < <(ls lib/*.c lib/"$arch"/*.c 2>/dev/null)
  inc=(-Iinclude -Ilib)
  [ -d "arch/$arch/include" ] && inc+=(-I"arch/$arch/include")
  # shellcheck disable=SC2206
  flags=(--target="${triple[$t]}" -ffreestanding -std=c11 ${cflags[$t]:-})

  # cppcheck: the target's predefined macros (architecture, sizes, limits,
  # byte order) as a forced include; one configuration, no guessing.
  clang "${flags[@]}" -dM -E -x c /dev/null > "$tmp/$t-macros.h"
  cppcheck --quiet --std=c11 --platform="${platform[$t]}" \
    --enable=warning,style,performance,portability --inline-suppr \
    --suppressions-list=tests/static/cppcheck.supp \
    --include="$tmp/$t-macros.h" -D__libhyp_static_check__ "${inc[@]}" \
    "${sources[@]}" 2> "$tmp/$t-cppcheck.txt" || echo "cppcheck exited $?" >> "$tmp/$t-cppcheck.txt"
  if [ -s "$tmp/$t-cppcheck.txt" ]; then
    echo "static: $t: cppcheck FAILED"; cat "$tmp/$t-cppcheck.txt"; failed=1
  else
    echo "static: $t: cppcheck clean (${#sources[@]} files)"
  fi

  # clang-tidy: .clang-tidy, warnings are errors; headers under include/ arch/ lib/.
  if clang-tidy --quiet "${sources[@]}" -- "${flags[@]}" "${inc[@]}" -Wall -Wextra \
      > "$tmp/$t-tidy.txt" 2>&1; then
    echo "static: $t: clang-tidy clean (${#sources[@]} files)"
  else
    echo "static: $t: clang-tidy FAILED"; grep -v "warnings generated" "$tmp/$t-tidy.txt"; failed=1
  fi
  checked=$((checked + 1))
done

echo "static: $checked targets, $([ $failed -eq 0 ] && echo clean || echo FAILED)"
exit $failed
