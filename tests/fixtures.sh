#!/usr/bin/env bash
# The one-time preparations some tests need, outside every test's timeout:
# kernels built from Debian's linux-source-6.1 and arm64 packages fetched from
# Debian's archive, each into ${HYP_CACHE:-/var/cache/libhyp}, keyed by
# version and config, so that only a cold machine pays.
#
# usage: tests/fixtures.sh [NAME...]     (no NAME: every fixture)
#   kernel-riscv64   the riscv64 KVM host kernel (tests/guest/kvm-host-riscv64)
#   kernel-ppc64le   the ppc64le KVM-PR host kernel (tests/guest/kvm-host-ppc64)
#   debs-kvm-arm64   Debian's arm64 kernel and busybox (tests/guest/kvm-host-arm64)
#   debs-xen-arm64   Debian's Xen 4.17 arm64 (tests/guest/xen-host-arm64)
#   xen-domu-x86_64  Xen 4.17 + dom0 Linux + toolstack initramfs (tests/guest/xen-domu)
#   xen-domu-arm64   the same for arm64
# While one is being prepared, a progress line at least once a minute: what,
# the elapsed time and the newest line of its log. A cached one costs nothing.
# CTest runs each as the setup test of its fixture (cmake/hyp_guest_test.cmake).
# Exit: 0 every one ready; 77 none failed but one could not be prepared here
# (its "SKIP: reason" printed; its tests skip with the reason too); else 1.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
g=$root/tests/guest

declare -A cmd what arg
cmd[kernel-riscv64]=$g/kvm-host-riscv64/build-kernel.sh
what[kernel-riscv64]="the riscv64 KVM host kernel from linux-source-6.1 (about 4 min of two idle cores)"
cmd[kernel-ppc64le]=$g/kvm-host-ppc64/build-kernel.sh
what[kernel-ppc64le]="the ppc64le KVM-PR host kernel from linux-source-6.1 (about 5 min of two idle cores)"
cmd[debs-kvm-arm64]=$g/kvm-host-arm64/fetch.sh
what[debs-kvm-arm64]="Debian's arm64 kernel and busybox (apt-get download, about 60 MB)"
cmd[debs-xen-arm64]=$g/xen-host-arm64/fetch.sh
what[debs-xen-arm64]="Debian's Xen 4.17 arm64 (apt-get download)"
for a in x86_64 arm64; do
	cmd[xen-domu-$a]=$g/xen-domu/fetch.sh
	arg[xen-domu-$a]=$a
	what[xen-domu-$a]="Xen 4.17, dom0 Linux and a toolstack initramfs from Debian's $a packages (apt-get download, about 80 MB)"
done
all=(debs-kvm-arm64 debs-xen-arm64 xen-domu-x86_64 xen-domu-arm64 kernel-riscv64 kernel-ppc64le)

[ $# -gt 0 ] || set -- "${all[@]}"
for name in "$@"; do
	[ -n "${cmd[$name]:-}" ] || { echo "fixtures: unknown fixture '$name' (${all[*]})" >&2; exit 2; }
done

# prepare NAME: runs its command with a progress line every 60 s.
prepare() {
	local name=$1 log start pid rc now last line announced=0
	log=$(mktemp)
	start=$(date +%s)
	"${cmd[$name]}" ${arg[$name]:+"${arg[$name]}"} >"$log" 2>&1 &
	pid=$!
	last=$start
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		now=$(date +%s)
		if [ "$announced" = 0 ] && [ $((now - start)) -ge 2 ]; then
			announced=1
			echo "fixtures: $name: preparing ${what[$name]}, once: it is cached in ${HYP_CACHE:-/var/cache/libhyp}"
		fi
		if [ $((now - last)) -ge 60 ]; then
			last=$now
			line=$(tail -c 2000 "$log" | tr -d '\r' | grep -v '^\s*$' | tail -n 1 | cut -c1-100)
			echo "fixtures: $name: preparing ${what[$name]}: $((now - start)) s elapsed${line:+ (now: ${line# })}"
		fi
	done
	wait "$pid"
	rc=$?
	now=$(date +%s)
	if [ "$rc" -eq 0 ]; then
		if [ $((now - start)) -ge 2 ]; then
			echo "fixtures: $name: ready in $((now - start)) s: $(tail -n 1 "$log")"
		else
			echo "fixtures: $name: cached: $(tail -n 1 "$log")"
		fi
	elif [ "$rc" -eq 77 ]; then
		echo "fixtures: $name: skipped: $(grep '^SKIP' "$log" | tail -n 1 | sed 's/^SKIP: //')"
	else
		echo "fixtures: $name: FAILED (exit $rc) after $((now - start)) s; the end of its log:"
		tail -n 30 "$log" | sed 's/^/  /'
	fi
	rm -f "$log"
	return "$rc"
}

status=0
for name in "$@"; do
	prepare "$name"
	rc=$?
	if [ "$rc" -eq 77 ]; then
		[ "$status" -ne 0 ] || status=77
	elif [ "$rc" -ne 0 ]; then
		status=1
	fi
done
exit "$status"
