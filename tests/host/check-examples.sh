#!/bin/bash
# Every example is a standalone kernel: no test-runtime header or library, its
# own entry, linker script and main, under 200 lines of C and assembly.
# usage: check-examples.sh SOURCE_DIR
set -euo pipefail
cd "$1/examples"
fails=0
for dir in */; do
	dir=${dir%/}
	for f in start.S kernel.ld main.c CMakeLists.txt; do
		[ -f "$dir/$f" ] || { echo "FAIL: $dir has no $f"; fails=$((fails + 1)); }
	done
	if grep -nE '#include <guest/|guest_rt_|guest_common|report\(' "$dir"/* ; then
		echo "FAIL: $dir uses the test runtime"
		fails=$((fails + 1))
	fi
	lines=$(cat "$dir"/*.c "$dir"/*.S 2>/dev/null | wc -l)
	if [ "$lines" -ge 200 ]; then
		echo "FAIL: $dir has $lines lines of C and assembly (limit 199)"
		fails=$((fails + 1))
	fi
	echo "$dir: $lines lines"
done
[ "$fails" -eq 0 ] && echo "PASS: every example is standalone"
