#!/bin/bash
# Every target's libhyp.a, built with gcc and with clang through CMake and
# the toolchain file alone (what a kernel author builds), asks nothing of
# the kernel and links into any kernel: tests/host/lib_objects.py (no
# undefined symbol, no absolute relocation in read-only data, x86_64: none
# in code either, one section per function).
# usage: check-lib-objects.sh SOURCE_DIR [TARGET...]   exit 77: no compiler at all
set -uo pipefail
src=$(cd "$1" && pwd)
shift
# shellcheck source=tests/targets.sh
HYP_SRC=$src source "$src/tests/targets.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0 skipped=0
for t in "${@:-${hyp_targets[@]}}"; do
	for cc in gcc clang; do
		tc=$src/cmake/toolchain/$t-$cc.cmake
		compiler=${hyp_gcc[$t]}
		[ "$cc" = clang ] && compiler=clang
		if ! command -v "$compiler" >/dev/null; then
			echo "SKIP: $t-$cc ($compiler not installed)"; skipped=$((skipped + 1)); continue
		fi
		if ! { cmake -S "$src" -B "$tmp/$t-$cc" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$tc" \
			-DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE=-O2 &&
			cmake --build "$tmp/$t-$cc" --target hyp; } >"$tmp/log" 2>&1; then
			echo "FAIL: $t-$cc: libhyp.a does not build"; tail -n 15 "$tmp/log"; failed=$((failed + 1))
			continue
		fi
		pic=()
		[ "$t" = x86_64 ] && pic=(--pic-text)   # x86_64 builds -fpie (lib/CMakeLists.txt)
		if python3 "$src/tests/host/lib_objects.py" "${pic[@]}" "$tmp/$t-$cc/lib/libhyp.a"; then
			passed=$((passed + 1))
		else
			echo "FAIL: $t-$cc"; failed=$((failed + 1))
		fi
		rm -rf "${tmp:?}/$t-$cc"
	done
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || exit 1
[ "$passed" -gt 0 ] || exit 77
