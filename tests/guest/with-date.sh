#!/bin/sh
# usage: with-date.sh COMMAND [ARGS...]: runs COMMAND with every "@DATE@" in
# its arguments replaced by the host's `date +%s` at this moment (the image
# compares its wall clock with it).
now=$(date +%s)
for a in "$@"; do
	shift
	set -- "$@" "$(printf '%s' "$a" | sed "s/@DATE@/$now/g")"
done
exec "$@"
