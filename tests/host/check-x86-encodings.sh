#!/usr/bin/env bash
# The KVM instruction bytes in compiled code: the run-time choice holds both
# vmcall (0f 01 c1) and vmmcall (0f 01 d9); each compile-time choice only its own.
set -euo pipefail
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

cat >"$tmp/call.c" <<'C'
#include <hyp/hyp.h>
long call(unsigned long a) { return hyp_kvm_hypercall2(HYP_KVM_HC_KICK_CPU, 0, a); }
C

count() { # object pattern
  objdump -d "$1" | grep -c "$2" || true
}

expect() { # what object c1-count d9-count
  local c1 d9
  c1=$(count "$2" '0f 01 c1')
  d9=$(count "$2" '0f 01 d9')
  if [ "$c1" -eq "$3" ] && [ "$d9" -eq "$4" ]; then
    echo "PASS: $1: vmcall x$c1, vmmcall x$d9"; passed=$((passed + 1))
  else
    echo "FAIL: $1: vmcall x$c1 (want $3), vmmcall x$d9 (want $4)"; failed=$((failed + 1))
  fi
}

for cc in "x86_64-linux-gnu-gcc -m64" "i686-linux-gnu-gcc -m32" "clang --target=x86_64-unknown-none-elf" "clang --target=i386-unknown-none-elf"; do
  name=${cc%% *}${cc##* }
  flags="-O2 -ffreestanding -Wall -Wextra -Werror -I$src/include -I$src/arch/x86/include -c"
  $cc $flags "$tmp/call.c" -o "$tmp/auto.o"
  $cc $flags -DHYP_X86_KVM_FORCE_VMCALL "$tmp/call.c" -o "$tmp/intel.o"
  $cc $flags -DHYP_X86_KVM_FORCE_VMMCALL "$tmp/call.c" -o "$tmp/amd.o"
  $cc $flags "$src/lib/x86/kvm.c" -o "$tmp/kvm.o"
  expect "$name run-time choice" "$tmp/auto.o" 1 1
  expect "$name HYP_X86_KVM_FORCE_VMCALL" "$tmp/intel.o" 1 0
  expect "$name HYP_X86_KVM_FORCE_VMMCALL" "$tmp/amd.o" 0 1
  # lib/x86/kvm.c: six typed wrappers, each with both instructions.
  expect "$name libhyp typed wrappers" "$tmp/kvm.o" 6 6
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
