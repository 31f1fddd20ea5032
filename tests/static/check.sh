#!/usr/bin/env bash
# Static analysis of the library sources (lib/, include/, arch/) for every
# target: cppcheck with the target's predefined macros and data model, and
# clang-tidy (.clang-tidy at the top) with the target's --target= and flags.
# Any finding fails. Usage: tests/static/check.sh [target...]
set -euo pipefail
cd "$(dirname "$0")/../.."

# Per target (cmake/targets.txt): clang triple, arch dir, cppcheck platform,
# the clang kernel flags.
# shellcheck source=tests/targets.sh
source tests/targets.sh

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${hyp_targets[@]}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0 checked=0

for t in "${targets[@]}"; do
  [ -n "${hyp_arch[$t]:-}" ] || { echo "static: $t: not in cmake/targets.txt"; exit 2; }
  arch=${hyp_arch[$t]}
  if [ ! -d "lib/$arch" ]; then
    echo "static: $t: no lib/$arch yet, portable sources only"
  fi
  mapfile -t sources < <(ls lib/*.c lib/"$arch"/*.c 2>/dev/null)
  inc=(-Iinclude -Ilib)
  [ -d "arch/$arch/include" ] && inc+=(-I"arch/$arch/include")
  # shellcheck disable=SC2206
  flags=(--target="${hyp_clang[$t]}" -ffreestanding -std=c11 ${hyp_clang_flags[$t]})

  # cppcheck: the target's predefined macros (architecture, sizes, limits,
  # byte order) as a forced include; one configuration, no guessing.
  clang "${flags[@]}" -dM -E -x c /dev/null > "$tmp/$t-macros.h"
  cppcheck --quiet --std=c11 --platform="${hyp_cppcheck[$t]}" \
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
