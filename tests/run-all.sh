#!/usr/bin/env bash
# The whole test suite: host tests, every target's build (gcc and clang) and
# every guest image under QEMU (and under Xen and the nested KVMs), from a
# clean build directory. Usage: tests/run-all.sh [extra ctest args]
# Order: packages (tests/install-deps.sh), the fixtures (kernels built from
# source, arm64 .debs: tests/fixtures.sh, cached, with progress lines), the
# build, CTest, then a summary per environment with every skip's reason.
set -euo pipefail
cd "$(dirname "$0")/.."

tests/install-deps.sh
tests/fixtures.sh || [ $? -eq 77 ]     # 77: one could not be prepared here; its tests skip
rm -rf build/host
cmake --preset host -DHYP_SANITIZE=ON >/dev/null
cmake --build --preset host
rc=0
ctest --preset host --no-label-summary --output-junit "$PWD/build/host/junit.xml" "$@" || rc=$?
ctest --preset host --show-only=json-v1 >build/host/tests.json
python3 tests/summary.py build/host/tests.json build/host/junit.xml
exit "$rc"
