#!/bin/bash
# libhyp.mk as a make-based kernel uses it: for every target of
# cmake/targets.txt whose gcc is installed, a Makefile including it builds
# libhyp.a (table flags + $(HYP_CFLAGS), -Werror) holding every source, and a
# kernel file compiled with $(HYP_CONSUMER_CFLAGS) links against it; the
# archive asks nothing of the kernel and links anywhere (lib_objects.py).
# usage: check-libhyp-mk.sh SOURCE_DIR
set -euo pipefail
src=$(cd "$1" && pwd)
# shellcheck source=tests/targets.sh
HYP_SRC=$src source "$src/tests/targets.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/Makefile" <<'MK'
include $(SRC)/libhyp.mk
OBJS := $(patsubst $(HYP_DIR)/%.c,obj/%.o,$(HYP_SRCS))
all: kernel.elf
obj/%.o: $(HYP_DIR)/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(HYP_CFLAGS) -c $< -o $@
libhyp.a: $(OBJS)
	$(AR) rcs $@ $^
kernel.elf: $(SRC)/tests/host/plain-cc-kernel.c libhyp.a
	$(CC) $(CFLAGS) -std=c11 $(HYP_CONSUMER_CFLAGS) -nostdlib -static -o $@ $< \
		-Wl,--whole-archive libhyp.a -Wl,--no-whole-archive -lgcc
MK
passed=0 failed=0 skipped=0
for t in "${hyp_targets[@]}"; do
	cc=${hyp_gcc[$t]}
	if ! command -v "$cc" >/dev/null; then
		echo "SKIP: $t ($cc not installed)"; skipped=$((skipped + 1)); continue
	fi
	mkdir -p "$tmp/$t"
	if make -s -C "$tmp/$t" -f "$tmp/Makefile" -j2 SRC="$src" HYP_ARCH="${hyp_arch[$t]}" CC="$cc" \
		AR="${cc%gcc}ar" CFLAGS="${hyp_gcc_flags[$t]} -O2 -Wall -Wextra -Werror" >"$tmp/log" 2>&1 &&
		n=$(ls "$src"/lib/*.c "$src"/lib/"${hyp_arch[$t]}"/*.c | wc -l) &&
		[ "$("${cc%gcc}ar" t "$tmp/$t/libhyp.a" | wc -l)" -eq "$n" ] &&
		python3 "$src/tests/host/lib_objects.py" $([ "$t" = x86_64 ] && echo --pic-text) \
			"$tmp/$t/libhyp.a" >"$tmp/log" 2>&1; then
		echo "PASS: $t: libhyp.a from libhyp.mk ($n objects), a kernel links it"; passed=$((passed + 1))
	else
		echo "FAIL: $t"; tail -n 15 "$tmp/log"; failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
