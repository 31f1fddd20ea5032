#!/bin/bash
# The README's "Start a kernel from an example" block, run as written after
# the plain-cc recipe (TARGET=x86_64): the copied kernel must build, boot
# under QEMU and pass (isa-debug-exit status 1, "PASS" on its console).
# usage: check-start-kernel.sh SOURCE_DIR      exit 77: no x86_64 compiler or QEMU
set -uo pipefail
src=$(cd "$1" && pwd)
for tool in x86_64-linux-gnu-gcc qemu-system-x86_64; do
	command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
block() {   # the first sh block after the line matching $1
	awk -v start="$1" '$0 ~ start { m = 1; next } m && /^```sh/ { i = 1; next }
		i && /^```/ { exit } i { print }' "$src/README.md"
}
recipe=$(block '<!-- plain-cc recipe') start=$(block '^## Start a kernel from an example')
[ -n "$recipe" ] && [ -n "$start" ] || { echo "FAIL: README blocks not found"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ln -s "$src" "$tmp/libhyp"
cd "$tmp" || exit 1
TARGET=x86_64 bash -euo pipefail -c "$recipe" || { echo "FAIL: the plain-cc recipe"; exit 1; }
timeout 60 bash -uxo pipefail -c "$start" </dev/null >"$tmp/log" 2>&1
rc=$?
cat "$tmp/log"
[ "$rc" -eq 1 ] && grep -qx PASS "$tmp/log" || { echo "FAIL: status $rc, expected 1 and PASS"; exit 1; }
echo "PASS: a kernel copied from examples/x86-hello builds and boots as the README says"
