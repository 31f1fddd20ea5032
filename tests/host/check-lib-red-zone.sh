#!/usr/bin/env bash
# libhyp.a for x86_64 is built with -mno-red-zone and HYP_X86_NO_RED_ZONE
# (lib/CMakeLists.txt): its Xen and Hyper-V page calls are a bare `call *%rax`, with no
# step over the psABI red zone (include/hyp/config.h). Checked in the
# libraries the host build made for x86_64 with each compiler.
# Usage: check-lib-red-zone.sh BUILD_DIR (the host build's binary dir).
set -euo pipefail
build=$1
passed=0 failed=0 seen=0
for cc in gcc clang; do
  lib=$build/targets/x86_64-$cc/lib/libhyp.a
  [ -f "$lib" ] || continue
  seen=$((seen + 1))
  for fam in xen hyperv; do
    # The family's functions only: their page calls, and any rsp step among them.
    code=$(objdump -d "$lib" | awk -v f="^<hyp_${fam}_" '/^[0-9a-f]+ <.*>:$/ { on = ($2 ~ f) } on')
    calls=$(grep -c 'call  *\*%rax' <<<"$code" || true)
    steps=$(grep -c '[-]*0x80(%rsp),%rsp' <<<"$code" || true)
    if [ "$calls" -gt 0 ] && [ "$steps" -eq 0 ]; then
      echo "PASS: x86_64-$cc libhyp.a: $calls $fam page calls, no red-zone step"; passed=$((passed + 1))
    else
      echo "FAIL: x86_64-$cc libhyp.a: $calls $fam page calls, $steps rsp steps (want > 0 and 0)"; failed=$((failed + 1))
    fi
  done
done
if [ "$seen" -eq 0 ]; then
  echo "SKIP: no x86_64 libhyp.a under $build/targets"; exit 77
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
