#!/usr/bin/env bash
# Build libhyp and boot every example kernel, showing each console: the
# hypervisor each one detected and the answers to its hypercalls.
set -euo pipefail
cd "$(dirname "$0")/.."

tests/install-deps.sh
cmake --preset host >/dev/null
cmake --build --preset host >/dev/null
HYP_GUEST_SHOW=1 ctest --preset host -L example --verbose 2>&1 |
  grep -vE '^(UpdateCTestConfiguration|Parse Config|Test project|Constructing|Checking test|Updating test|Test timeout|Label Time|Total Test time|Test command|Environment variables|Added|test [0-9]+$)' |
  sed -E 's/^[0-9]+: //'
