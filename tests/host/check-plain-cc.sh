#!/bin/bash
# The README's "Without CMake" recipe, run as the README writes it (the shell
# block after the "plain-cc recipe" marker, extracted here, not copied) for
# one target; then a small kernel links the whole archive.
# usage: check-plain-cc.sh SOURCE_DIR TARGET     exit 77: that compiler is missing
set -euo pipefail
src=$(cd "$1" && pwd) target=$2

block=$(awk '/<!-- plain-cc recipe/ { marker = 1; next }
	marker && /^```sh/ { inside = 1; next }
	inside && /^```/ { exit }
	inside { print }' "$src/README.md")
[ -n "$block" ] || { echo "FAIL: no plain-cc recipe block in README.md"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ln -s "$src" "$tmp/libhyp"
cd "$tmp"

# What the block sets for this target (CC, ARCH, CFLAGS), to check the compiler first.
eval "$(TARGET=$target bash -c "$(sed -n '/^case /,/^esac/p' <<<"$block")"$'\ndeclare -p CC ARCH CFLAGS')"
command -v "$CC" >/dev/null || { echo "SKIP: $CC not installed"; exit 77; }

echo "---- the README's recipe, TARGET=$target"
TARGET=$target bash -euxo pipefail -c "$block"

sources=$(ls "$src"/lib/*.c "$src"/lib/"$ARCH"/*.c | wc -l)
objects=$(ls hyp-obj/*.o | wc -l)
members=$("${CC%gcc}ar" t libhyp.a | wc -l)
echo "sources $sources, objects $objects, archive members $members"
[ "$sources" -eq "$objects" ] && [ "$objects" -eq "$members" ] ||
	{ echo "FAIL: two sources compiled to one object name"; exit 1; }

echo "---- what the archive asks of a kernel (nothing) and where it links (anywhere)"
python3 "$src/tests/host/lib_objects.py" $([ "$target" = x86_64 ] && echo --pic-text) libhyp.a

echo "---- a kernel linked against the whole archive"
# shellcheck disable=SC2086  # CFLAGS is a list of flags, as in the README
"$CC" $CFLAGS -std=c11 -O2 -ffreestanding -Wall -Wextra -Werror -nostdlib -static \
	-Ilibhyp/include -Ilibhyp/arch/"$ARCH"/include -o kernel.elf \
	"$src/tests/host/plain-cc-kernel.c" -Wl,--whole-archive libhyp.a -Wl,--no-whole-archive -lgcc
# nm into a file: `nm | grep -q` fails under pipefail when grep stops reading early (SIGPIPE).
"${CC%gcc}nm" kernel.elf >kernel.syms
for sym in hyp_init hyp_kvm_error hyp_kvm_has_feature hyp_xen_error hyp_strerror; do
	grep -qw "$sym" kernel.syms || { echo "FAIL: $sym not linked"; exit 1; }
done
echo "PASS: $target: libhyp.a from the README recipe links ($members objects)"
