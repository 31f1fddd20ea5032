#!/usr/bin/env bash
# Build libhyp and boot every example kernel, showing each console: the
# hypervisor each one detected and the answers to its hypercalls.
set -euo pipefail
cd "$(dirname "$0")/.."

tests/install-deps.sh
cmake --preset host >/dev/null
cmake --build --preset host >/dev/null
HYP_GUEST_SHOW=1 ctest --preset host -L example --verbose 2>&1 |
  sed -E 's/^[0-9]+: //' |
  grep -vE '^(UpdateCTestConfiguration|Parse Config|Test project|Constructing|Checking test|Updating test|Test timeout|Label Time|Total Test time|Test command|Environment variables|Added|Done constructing|Working Directory|test [0-9]+$|qemu-system-[a-z0-9]+: warning: TCG doesn.t support)' |
  grep -vE '^ *(Start +[0-9]+:|[0-9]+/[0-9]+ Test +#)|^\s*$'
