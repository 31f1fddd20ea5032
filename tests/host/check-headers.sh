#!/bin/bash
# Every public header, alone and through <hyp/hyp.h>, compiled for one target
# as C99, C11, C17 and C2x (gcc 12's C23) with -Wpedantic, and as C++11, 17
# and 20 (g++ for x86, clang++ --target for the others): -Wall -Wextra -Werror.
# usage: check-headers.sh SOURCE_DIR TARGET      exit 77: no compiler for it
set -euo pipefail
src=$(cd "$1" && pwd) target=$2

# shellcheck source=tests/targets.sh
HYP_SRC=$src source "$src/tests/targets.sh"
[ -n "${hyp_arch[$target]:-}" ] || { echo "unknown target $target (cmake/targets.txt)" >&2; exit 2; }
cc=${hyp_gcc[$target]} arch=${hyp_arch[$target]} cxx=${hyp_cxx[$target]}
command -v "$cc" >/dev/null || { echo "SKIP: $cc not installed"; exit 77; }
command -v "${cxx%% *}" >/dev/null || { echo "SKIP: ${cxx%% *} not installed"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
headers=$(cd "$src/include" && ls hyp/*.h; cd "$src/arch/$arch/include" && ls hyp/*/*.h)
inc=(-I"$src/include" -I"$src/arch/$arch/include")
warn=(-Wall -Wextra -Werror -Wpedantic)
fails=0 runs=0

try() {     # try LABEL COMPILER... : compile $tmp/t.<ext>, count
	local label=$1
	shift
	runs=$((runs + 1))
	if ! "$@" 2>"$tmp/err"; then
		fails=$((fails + 1))
		echo "FAIL: $label"
		head -n 8 "$tmp/err"
	fi
}

for h in $headers; do
	printf '#include <%s>\nint hyp_header_test_unit;\n' "$h" >"$tmp/t.c"
	cp "$tmp/t.c" "$tmp/t.cc"
	for std in c99 c11 c17 c2x; do
		try "$target $h -std=$std" "$cc" -std=$std -ffreestanding "${warn[@]}" "${inc[@]}" \
			-fsyntax-only "$tmp/t.c"
	done
	for std in c++11 c++17 c++20; do
		# shellcheck disable=SC2086  # cxx is a compiler and its target flags
		try "$target $h -std=$std" $cxx -std=$std -ffreestanding "${warn[@]}" "${inc[@]}" \
			-fsyntax-only "$tmp/t.cc"
	done
done
# C++ must see C linkage for what the library defines.
printf '#include <hyp/hyp.h>\nextern "C" int hyp_init(const struct hyp_platform *);\n' >"$tmp/t.cc"
# shellcheck disable=SC2086
try "$target hyp_init has C linkage" $cxx -std=c++17 -ffreestanding "${warn[@]}" "${inc[@]}" -fsyntax-only "$tmp/t.cc"
# C++ finds a struct by its plain name unless a function shares it (then the
# name is the function: sizeof(hyp_x) or hyp_x v; break): every struct and
# union tag the headers define must name a type.
# shellcheck disable=SC2086
tags=$($cxx -std=c++17 -ffreestanding "${inc[@]}" -E -x c++ - <<<'#include <hyp/hyp.h>' |
	grep -oE '(struct|union) hyp_[A-Za-z0-9_]+ *\{' | awk '{ print $2 }' | sort -u)
{ echo '#include <hyp/hyp.h>'; for t in $tags; do echo "using tag_$t = $t;"; done; } >"$tmp/t.cc"
# shellcheck disable=SC2086
try "$target: $(wc -w <<<"$tags") struct/union tags name types in C++" $cxx -std=c++17 -ffreestanding \
	"${warn[@]}" "${inc[@]}" -fsyntax-only "$tmp/t.cc"
echo "$target: $((runs - fails))/$runs header compilations clean"
[ "$fails" -eq 0 ]
