#!/bin/sh
# A Xen domU's costs under the real toolstack (tests/guest/xen-domu): a
# xenstore round trip (hyp_xenstore_read against xenstored in dom0) and the
# PV console ring (16 KiB through hyp_xen_pv_console_write to xenconsoled),
# each as a ratio against a null hypercall (XENVER_version) measured in the
# same domain in the same run (TSC cycles under TCG: only the ratios travel).
# usage: xen-domu.sh [X86_64_BUILD_DIR]   (default build/x86_64; needs the
# fixture xen-domu-x86_64: tests/fixtures.sh xen-domu-x86_64)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/x86_64}
img=$build/tests/guest/xen-domu/xen-domu.elf
helper=$build/tests/guest/xen-domu/dom0-helper
[ -f "$img" ] || { echo "no $img: build the x86_64 preset first" >&2; exit 2; }
[ -f "$helper" ] || helper=-
out=$("$root/tests/guest/xen-domu/run-domu.sh" "$build/xen-domu-bench" "$helper" \
	"bench|$img|poweroff|checks=all shutdown=poweroff mem=32") || {
	echo "$out" | tail -n 20
	exit 1
}
echo "$out" | sed -n 's/^\[bench\] INFO: bench: /xen-domu x86_64: /p'
