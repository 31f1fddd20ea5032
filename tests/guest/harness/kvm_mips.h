/* SPDX-License-Identifier: MIT */
/*
 * A MIPS KVM host played by the image's Reserved Instruction handler under
 * TCG (kvm-mips, console-stream-mips). No QEMU CPU model implements the VZ
 * ASE, so HYPCALL raises Reserved Instruction (ExcCode 10, EPC at the
 * instruction). The handler checks that the word at EPC is HYPCALL code 0
 * (not in a branch delay slot), hands v0 (nr) and a0-a3 to the test's
 * answer hook, puts the answer in v0, poisons k0/k1 (what any exception may
 * change; the ABI lets the hypervisor change nothing else: KVM writes v0
 * only, Linux's arch/mips/include/asm/kvm_para.h stubs clobber only v0),
 * keeps every other register and resumes at EPC + 4.
 */
#ifndef HARNESS_KVM_MIPS_H
#define HARNESS_KVM_MIPS_H

#include <guest/mips.h>

#define KVM_MIPS_POISON     ((unsigned long)0xdeadbeefdeadbeefull)

/* The answer hook: v0 for call `nr` with arguments a0-a3. */
typedef long (*kvm_mips_answer_fn)(unsigned long nr, const unsigned long args[4]);

/* Hook Reserved Instruction: HYPCALL goes to `answer`, anything else ends the run. */
void kvm_mips_harness_install(kvm_mips_answer_fn answer);

#endif /* HARNESS_KVM_MIPS_H */
