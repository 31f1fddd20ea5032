#!/usr/bin/env bash
# Boot one guest test image and judge it.
#   run-guest.sh --name NAME [--timeout S] [--pass-rc RC] [--expect TEXT]... [--no-summary] -- COMMAND...
# With HYP_GUEST_SHOW=1 in the environment the whole console is printed.
# Passes only if COMMAND (QEMU) exits with RC (the image's pass code) AND the
# console has a closing line "N passed, N failed[, N skipped]" with N failed = 0
# and N passed > 0, AND every --expect text appears. A hang (timeout), a crash,
# or QEMU's rc 0 after a triple fault reads as failure. Exit 77 = skipped: the
# command printed "SKIP: reason" and exited 77 itself.
# --no-summary (the examples, which carry no test runtime): no closing line is
# required; the exit status (the image's own verdict) and the --expect texts judge.
set -uo pipefail

name=guest timeout=60 pass_rc=0 summary=1
expects=()
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --pass-rc) pass_rc=$2; shift 2 ;;
    --expect) expects+=("$2"); shift 2 ;;
    --no-summary) summary=0; shift ;;
    --) shift; break ;;
    *) echo "run-guest.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s.%N)
timeout --foreground -k 5 "$timeout" "$@" </dev/null >"$log" 2>&1
rc=$?
secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')

if [ $rc -eq 77 ] && grep -q '^SKIP' "$log"; then
  grep '^SKIP' "$log" | tail -n 1
  echo "$name: skipped (${secs}s)"
  exit 77
fi

closing=$(tr -d '\r' <"$log" | grep -E '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' | tail -n 1)
why=""
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
  why="timed out after ${timeout}s"
elif [ -z "$closing" ] && [ "$summary" = 1 ]; then
  why="no closing line (crash or hang?), exit status $rc"
elif [ $rc -ne "$pass_rc" ]; then
  why="exit status $rc, expected $pass_rc"
elif [ "$summary" = 1 ]; then
  read -r npass _ nfail _ <<<"${closing//,/}"
  if [ "$nfail" -ne 0 ]; then why="$nfail check(s) failed"
  elif [ "$npass" -eq 0 ]; then why="no check passed"
  fi
fi
for e in "${expects[@]}"; do
  [ -n "$why" ] && break
  grep -qF -- "$e" "$log" || why="console lacks '$e'"
done

if [ -n "$why" ]; then
  echo "---- $name console ----"
  tr -d '\r' <"$log" | tail -n 200
  echo "---- $name: FAILED: $why (${secs}s)"
  exit 1
fi
if [ "${HYP_GUEST_SHOW:-0}" = 1 ]; then
  tr -d '\r' <"$log"
else
  grep -E '^(FAIL|SKIP|INFO)' "$log" | tr -d '\r'
fi
echo "$name: ${closing:-exit status $rc} (${secs}s)"
exit 0
