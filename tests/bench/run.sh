#!/usr/bin/env bash
# libhyp's benchmarks: one table with all six parts (see tests/bench/README.md).
#   tests/bench/run.sh               everything, including the whole test suite (long)
#   tests/bench/run.sh --skip-suite  without part 6 (builds the host preset instead)
#   --record                         also write the output into docs/PERFORMANCE.md (with date, machine)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
skip_suite=0
record=0
for arg in "$@"; do
  case $arg in
    --skip-suite) skip_suite=1 ;;
    --record) record=1 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

out=$root/build/bench
mkdir -p "$out"

# Part 6 first: tests/run-all.sh builds build/host from clean, which parts 5 then read.
suite_args=()
if [ $skip_suite -eq 0 ]; then
  echo "run.sh: tests/run-all.sh (log: build/bench/suite.log) ..." >&2
  start=$(date +%s.%N)
  set +e
  tests/run-all.sh >"$out/suite.log" 2>&1
  rc=$?
  set -e
  end=$(date +%s.%N)
  summary=$(grep -E '% tests passed' "$out/suite.log" | tail -1 || true)
  suite_args=(--suite-seconds "$(awk "BEGIN{print $end - $start}")" --suite-detail "rc $rc; ${summary:-no ctest summary}")
else
  echo "run.sh: building the host preset (log: build/bench/build.log) ..." >&2
  { cmake --preset host -DHYP_SUPERBUILD=ON && cmake --build --preset host; } >"$out/build.log" 2>&1
fi

# Part 3: device-tree lookup, libhyp's reader against libfdt (needs lib/fdt.c).
fdt_args=()
if [ -f lib/fdt.c ]; then
  echo "run.sh: device-tree blobs and lookup benchmark ..." >&2
  tests/bench/fdt-blobs.sh "$out/dtb" >"$out/dtb.log" 2>&1
  cc -O2 -Wall -Wextra -Werror -Iinclude -Ilib -o "$out/fdt_lookup" \
     tests/bench/fdt_lookup.c lib/fdt.c -lfdt
  fdt_args=(--fdt-bench "$out/fdt_lookup" --fdt-blobs "$out/dtb")
fi

# Part 4: PowerPC patcher throughput (needs the patcher, lib/powerpc/patch.c).
patch_args=()
if [ -f tests/bench/patch_throughput.c ] && [ -f lib/powerpc/patch.c ]; then
  cc -O2 -Wall -Wextra -Werror -Iinclude -Ilib -Iarch/powerpc/include \
     -o "$out/patch_throughput" tests/bench/patch_throughput.c lib/powerpc/patch.c
  patch_args=(--patch-bench "$out/patch_throughput")
fi

echo "run.sh: measuring ..." >&2
python3 tests/bench/bench.py --build build/host "${suite_args[@]}" "${fdt_args[@]}" "${patch_args[@]}" \
  | tee "$out/table.txt"

# Every clock's read path against Linux 6.1's code, in executed instructions
# (tests/bench/clock_linux.py; with --record written into docs/PERFORMANCE.md,
# section "Clock read path").
echo "run.sh: clock read path ..." >&2
clock_args=()
if [ $record -eq 1 ]; then clock_args=(--record docs/PERFORMANCE.md); fi
python3 tests/bench/clock_linux.py --out "$out/clock" "${clock_args[@]}" | tee "$out/clock.txt"

if [ $record -eq 1 ]; then
  python3 - "$out/table.txt" docs/PERFORMANCE.md <<'PY'
import datetime, platform, re, subprocess, sys
table = open(sys.argv[1]).read().rstrip("\n")
doc = open(sys.argv[2]).read()
def first(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.splitlines()[0]
cpu = first("grep -m1 'model name' /proc/cpuinfo").split(":", 1)[1].strip()
meta = (f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {cpu}, "
        f"{first('nproc')} cores, {first('. /etc/os-release; echo $PRETTY_NAME')}, "
        f"{first('gcc --version')}, {first('clang --version')}.")
head, rest = table.split("\n\n[1]", 1) if "\n\n[1]" in table else (table, "")
block = (f"<!-- run.sh --record: begin -->\n{meta}\n\n```\n{head}\n```\n\n"
         f"<details><summary>Listings [n] printed under the table</summary>\n\n```\n[1]{rest}\n```\n"
         f"</details>\n<!-- run.sh --record: end -->")
doc = re.sub(r"<!-- run.sh --record: begin -->.*<!-- run.sh --record: end -->",
             lambda m: block, doc, flags=re.S)
open(sys.argv[2], "w").write(doc)
PY
  echo "run.sh: recorded in docs/PERFORMANCE.md" >&2
fi
