#!/usr/bin/env bash
# Build libhyp and the example kernels (every target, gcc), then boot each one
# and show its console: the hypervisor it detected and the answers to its
# hypercalls. Examples whose hypervisor runs on a kernel built from source
# (the riscv64 KVM host) come last, after a one-time build with progress lines.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
say() { echo "demo: $* ($(($(date +%s) - start)) s)"; }

tests/install-deps.sh
say "building libhyp.a and the example kernels for every target (gcc)"
cmake -S . -B build/demo -G Ninja -DCMAKE_BUILD_TYPE=Release -DHYP_TARGET=host \
	-DHYP_HOST_TESTS=OFF -DHYP_CLANG_TARGETS= -DHYP_SUPERBUILD_GUESTS=examples >/dev/null
log=build/demo/build.log
if ! cmake --build build/demo 2>&1 | tee "$log" |
	sed -nu "s/.*Performing build step for 'target-\(.*\)-gcc'.*/demo:   building \1/p"; then
	tail -n 40 "$log"
	exit 1
fi
tests/fixtures.sh debs-kvm-arm64 debs-xen-arm64 || [ $? -eq 77 ]

# show LABEL-ARGS...: boot the examples the ctest label arguments select.
show() {
	HYP_GUEST_SHOW=1 ctest --test-dir build/demo -j2 --timeout 300 --no-label-summary -L example "$@" --verbose 2>&1 |
		sed -E 's/^[0-9]+: //' |
		grep -vE '^(fixtures: [a-z0-9-]+: cached|Internal ctest changing|UpdateCTestConfiguration|Parse Config|Test project|Constructing|Checking test|Updating test|Test timeout|Label Time|Total Test time|Test command|Environment variables|Added|Done constructing|Working Directory|test [0-9]+$|qemu-system-[a-z0-9]+: warning: TCG doesn.t support)' |
		grep -vE '^ *(Start +[0-9]+:|[0-9]+/[0-9]+ Test +#)|^\s*$'
}
say "booting the examples"
show -LE '^fixture:kernel-'
say "now the examples whose host kernel is built from source"
tests/fixtures.sh kernel-riscv64 || [ $? -eq 77 ]
show -L '^fixture:kernel-'
say "done"
