#!/bin/bash
# libhyp's meson.build as a subproject, the way a Meson kernel takes it:
# subprojects/libhyp (here a link to this tree), dependency('libhyp',
# fallback : ['libhyp', 'hyp_dep']), a cross file alone. For x86_64 and
# aarch64: the kernel (tests/host/plain-cc-kernel.c) links the archive with
# -nostdlib and nothing else, the archive holds every source and passes
# tests/host/lib_objects.py; families=['kvm'] reaches the library.
# usage: check-meson.sh SOURCE_DIR      exit 77: no meson
set -uo pipefail
src=$(cd "$1" && pwd)
command -v meson >/dev/null || { echo "SKIP: meson not installed (tests/install-deps.sh installs it)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/kernel/subprojects"
ln -s "$src" "$tmp/kernel/subprojects/libhyp"
cp "$src/tests/host/plain-cc-kernel.c" "$tmp/kernel/kernel.c"
cat >"$tmp/kernel/meson.build" <<'MESON'
project('kernel', 'c', default_options : ['c_std=c11', 'warning_level=2', 'werror=true'])
hyp = dependency('libhyp', fallback : ['libhyp', 'hyp_dep'])
executable('kernel.elf', 'kernel.c', dependencies : hyp,
           link_args : ['-nostdlib', '-static'])
MESON
passed=0 failed=0
for t in x86_64 aarch64; do
	case $t in
	x86_64) cc=x86_64-linux-gnu-gcc args="'-m64', '-mno-red-zone', '-mno-sse', '-mno-mmx', '-O2'" ;;
	aarch64) cc=aarch64-linux-gnu-gcc args="'-mgeneral-regs-only', '-mstrict-align', '-mno-outline-atomics', '-O2'" ;;
	esac
	command -v $cc >/dev/null || { echo "SKIP: $t ($cc not installed)"; continue; }
	cat >"$tmp/$t.cross" <<CROSS
[binaries]
c = '$cc'
ar = '${cc%gcc}ar'
strip = '${cc%gcc}strip'
[host_machine]
system = 'none'
cpu_family = '$t'
cpu = '$t'
endian = 'little'
[built-in options]
c_args = [$args]
c_link_args = [$args]
CROSS
	b=$tmp/build-$t
	if meson setup "$b" "$tmp/kernel" --cross-file "$tmp/$t.cross" -Dlibhyp:families=kvm >"$tmp/log" 2>&1 &&
		meson compile -C "$b" >>"$tmp/log" 2>&1 &&
		[ "$("${cc%gcc}ar" t "$b/subprojects/libhyp/libhyp.a" | wc -l)" -eq \
		  "$(ls "$src"/lib/*.c "$src"/lib/"$([ $t = x86_64 ] && echo x86 || echo arm64)"/*.c | wc -l)" ] &&
		# Meson's uninstalled static libraries are thin archives: copy the members
		# into a plain one for readelf.
		(cd "$b/subprojects/libhyp" && mapfile -t m < <("${cc%gcc}ar" t libhyp.a) &&
			"${cc%gcc}ar" rcs "$tmp/$t-plain.a" "${m[@]}") >>"$tmp/log" 2>&1 &&
		python3 "$src/tests/host/lib_objects.py" $([ $t = x86_64 ] && echo --pic-text) \
			"$tmp/$t-plain.a" >>"$tmp/log" 2>&1 &&
		grep -q -- '-DHYP_FAMILIES=(HYP_FAMILY_KVM)' "$b/compile_commands.json" &&
		"${cc%gcc}nm" "$b/kernel.elf" | grep -qw hyp_init; then
		echo "PASS: $t: a Meson kernel builds libhyp as a subproject and links it"; passed=$((passed + 1))
	else
		echo "FAIL: $t"; tail -n 20 "$tmp/log"; failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
