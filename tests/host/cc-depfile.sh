#!/bin/sh
# SPDX-License-Identifier: MIT
# cc-depfile.sh DEPFILE OUTPUT CC ARGS...: run "CC ARGS..." (a compile and
# link of several sources into OUTPUT) and write DEPFILE, a Makefile rule
# naming every header any of the sources included, for add_custom_command's
# DEPFILE (Ninja). gcc's -MD keeps only the last source's rule when one
# command compiles several, so the rules come from a separate -M pass.
set -eu
dep=$1 out=$2
shift 2
cc=$1
shift
"$cc" "$@"
# The same arguments without "-o FILE", preprocessing only.
n=$#
skip=0
i=0
for a in "$@"; do
	i=$((i + 1))
	if [ $skip = 1 ]; then skip=0; continue; fi
	case $a in
	-o) skip=1; continue ;;
	esac
	set -- "$@" "$a"
done
shift "$n"
# -w: link-only inputs and flags (libraries, -pie) draw "unused" warnings here.
"$cc" "$@" -w -M -MT "$out" > "$dep.tmp"
mv "$dep.tmp" "$dep"
