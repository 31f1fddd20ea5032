#!/bin/bash
# Boots the same image twice and checks the entropy differs across boots:
# the line "PASS: entropy: not constant (HEX)" of each run must be there and
# differ. Prints both consoles (the second run's closing line is the last)
# and exits with the second run's status, or 99 when the first failed or
# the two HEX values are missing or equal.
# usage: two-boots.sh COMMAND...
set -uo pipefail
first=$("$@" </dev/null 2>&1)
rc1=$?
second=$("$@" </dev/null 2>&1)
rc2=$?
printf '%s\n' "$first" "$second"
a=$(printf '%s\n' "$first" | tr -d '\r' | sed -n 's/^PASS: entropy: not constant (\([0-9a-f]*\))$/\1/p')
b=$(printf '%s\n' "$second" | tr -d '\r' | sed -n 's/^PASS: entropy: not constant (\([0-9a-f]*\))$/\1/p')
if [ "$rc1" -ne "$rc2" ]; then
	echo "two-boots: FAIL: the first boot ended $rc1, the second $rc2"
	exit 99
fi
if [ -z "$a" ] || [ -z "$b" ] || [ "$a" = "$b" ]; then
	echo "two-boots: FAIL: entropy '$a' then '$b'"
	exit 99
fi
echo "two-boots: entropy differs across boots ($a / $b)"
exit "$rc2"
