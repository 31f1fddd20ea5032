#!/bin/bash
# include/hyp/version.h says the version CMakeLists.txt's project(VERSION)
# says, and the string is the three numbers; CHANGELOG.md has an entry for it,
# meson.build's project() the same version.
# usage: check-version.sh SOURCE_DIR
set -euo pipefail
src=$1
want=$(sed -nE 's/^project\(hyp VERSION ([0-9]+\.[0-9]+\.[0-9]+).*/\1/p' "$src/CMakeLists.txt")
[ -n "$want" ] || { echo "FAIL: no project(hyp VERSION x.y.z) in CMakeLists.txt"; exit 1; }
get() { sed -nE "s/^#define $1[[:space:]]+\"?([0-9.]+)\"?.*/\1/p" "$src/include/hyp/version.h"; }
got="$(get HYP_VERSION_MAJOR).$(get HYP_VERSION_MINOR).$(get HYP_VERSION_PATCH)"
str=$(get HYP_VERSION_STRING)
echo "CMakeLists.txt $want, version.h numbers $got, string $str"
[ "$got" = "$want" ] && [ "$str" = "$want" ] || { echo "FAIL: version.h disagrees"; exit 1; }
grep -q "^## \[$want\]" "$src/CHANGELOG.md" || { echo "FAIL: CHANGELOG.md has no [$want] entry"; exit 1; }
grep -q "^project('libhyp', 'c', version : '$want'" "$src/meson.build" || { echo "FAIL: meson.build's version is not $want"; exit 1; }
echo "PASS: version $want everywhere"
