#!/bin/bash
# libhyp.a never calls __stack_chk_fail nor reads a TLS canary (%fs:) when the
# compiler has the stack protector on by default (Ubuntu's gcc): simulated by
# a wrapper x86_64-linux-gnu-gcc that adds -fstack-protector-strong first, as
# a default would be. Built three ways: CMake with the toolchain file, the
# README's plain-cc recipe (run as written), libhyp.mk.
# usage: check-stack-protector.sh SOURCE_DIR       exit 77: no x86_64 gcc
set -euo pipefail
src=$(cd "$1" && pwd)
real=$(command -v x86_64-linux-gnu-gcc) || { echo "SKIP: x86_64-linux-gnu-gcc not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
printf '#!/bin/sh\nexec %s -fstack-protector-strong "$@"\n' "$real" >"$tmp/bin/x86_64-linux-gnu-gcc"
chmod +x "$tmp/bin/x86_64-linux-gnu-gcc"
for t in ar nm objdump; do ln -s "$(command -v x86_64-linux-gnu-$t)" "$tmp/bin/x86_64-linux-gnu-$t"; done
export PATH=$tmp/bin:$PATH
fails=0

check() { # label archive
	local bad
	x86_64-linux-gnu-nm -A "$2" >"$tmp/syms" && x86_64-linux-gnu-objdump -d "$2" >"$tmp/dis" &&
		grep -q ' T hyp_init$' "$tmp/syms" ||
		{ echo "FAIL: $1: $2 is not a libhyp.a to read"; fails=$((fails + 1)); return; }
	bad=$( { grep -w __stack_chk_fail "$tmp/syms"; grep -E '%fs:' "$tmp/dis"; } || true)
	if [ -n "$bad" ]; then
		echo "FAIL: $1: stack protector code in libhyp.a"; head -n 5 <<<"$bad"; fails=$((fails + 1))
	else
		echo "PASS: $1: no __stack_chk_fail, no %fs: access"
	fi
}

# The wrapper really turns the protector on (else this test proves nothing).
printf 'void g(char *);\nvoid f(void) { char b[64]; g(b); }\n' >"$tmp/probe.c"
x86_64-linux-gnu-gcc -O2 -c "$tmp/probe.c" -o "$tmp/probe.o"
x86_64-linux-gnu-nm "$tmp/probe.o" | grep -qw __stack_chk_fail ||
	{ echo "FAIL: the wrapper does not enable the stack protector"; exit 1; }

cmake -S "$src" -B "$tmp/cmake" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$src/cmake/toolchain/x86_64-gcc.cmake" \
	>"$tmp/log" 2>&1 &&
	cmake --build "$tmp/cmake" --target hyp >>"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
grep -qs "CMAKE_C_COMPILER \"$tmp/bin/" "$tmp"/cmake/CMakeFiles/*/CMakeCCompiler.cmake ||
	{ echo "FAIL: CMake did not pick the wrapper"; exit 1; }
check "CMake, toolchain file" "$tmp/cmake/lib/libhyp.a"

block=$(awk '/<!-- plain-cc recipe/ { marker = 1; next }
	marker && /^```sh/ { inside = 1; next }
	inside && /^```/ { exit }
	inside { print }' "$src/README.md")
mkdir "$tmp/plain" && ln -s "$src" "$tmp/plain/libhyp"
(cd "$tmp/plain" && TARGET=x86_64 bash -euo pipefail -c "$block") >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
check "README plain-cc recipe" "$tmp/plain/libhyp.a"

mkdir "$tmp/mk"
cat >"$tmp/mk/Makefile" <<MK
HYP_ARCH := x86
include $src/libhyp.mk
OBJS := \$(patsubst %.c,%.o,\$(notdir \$(HYP_SRCS)))
vpath %.c \$(HYP_DIR)/lib \$(HYP_DIR)/lib/x86
libhyp.a: \$(OBJS)
	x86_64-linux-gnu-ar rcs \$@ \$^
%.o: %.c
	x86_64-linux-gnu-gcc -m64 -O2 \$(HYP_CFLAGS) -c \$< -o \$@
MK
make -s -C "$tmp/mk" -j2 >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
check "libhyp.mk" "$tmp/mk/libhyp.a"
[ "$fails" -eq 0 ]
