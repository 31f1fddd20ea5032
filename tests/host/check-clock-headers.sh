#!/bin/sh
# The clock's public headers, each included alone: C99 -Wpedantic and C++17,
# gcc and clang, x86_64 and i386 (-m32). usage: check-clock-headers.sh SOURCE_DIR
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
n=0
for h in hyp/clock.h hyp/pvclock_abi.h hyp/x86/pvclock.h; do
	printf '#include <%s>\nint hyp_header_check_%s;\n' "$h" "$(echo "$h" | tr '/.' '__')" >"$tmp/t.c"
	cp "$tmp/t.c" "$tmp/t.cc"
	for cc in "gcc -std=c99 -Wpedantic" "clang -std=c99 -Wpedantic" "g++ -std=c++17 -Wpedantic" \
		"clang++ -std=c++17 -Wpedantic"; do
		for m in -m64 -m32; do
			f=$tmp/t.c
			case $cc in *++*) f=$tmp/t.cc ;; esac
			n=$((n + 1))
			# shellcheck disable=SC2086
			if ! $cc $m -ffreestanding -Wall -Wextra -Werror -fsyntax-only \
				-I"$src/include" -I"$src/arch/x86/include" "$f" 2>"$tmp/err"; then
				echo "FAIL: $h with $cc $m"
				sed 's/^/  /' "$tmp/err" | head -5
				status=1
			fi
		done
	done
done
[ "$status" -eq 0 ] && echo "PASS: $n header compilations"
exit "$status"
