/* SPDX-License-Identifier: MIT */
/* The HYPCALL trap of <harness/kvm_mips.h>. */
#include <guest/test.h>
#include <hyp/hyp.h>

#include "kvm_mips.h"

static kvm_mips_answer_fn kvm_mips_answer;

static bool kvm_mips_trap(struct guest_frame *f)
{
	unsigned long args[4];
	uint32_t word;

	if (f->cause & MIPS_CAUSE_BD) {
		printf("harness: RI in a branch delay slot at 0x%lx\n", f->epc);
		return false;
	}
	word = *(const volatile uint32_t *)f->epc;
	if (word != HYP_MIPS_HYPCALL_WORD) {
		printf("harness: RI at 0x%lx is 0x%08x, not HYPCALL code 0\n", f->epc, word);
		return false;
	}
	for (unsigned int i = 0; i < 4; i++)
		args[i] = f->regs[MIPS_REG_A0 + i];
	f->regs[MIPS_REG_V0] = (unsigned long)kvm_mips_answer(f->regs[MIPS_REG_V0], args);
	f->regs[MIPS_REG_K0] = KVM_MIPS_POISON;
	f->regs[MIPS_REG_K1] = KVM_MIPS_POISON;
	f->epc += 4;
	return true;
}

void kvm_mips_harness_install(kvm_mips_answer_fn answer)
{
	kvm_mips_answer = answer;
	guest_set_trap_handler(MIPS_EXC_RI, kvm_mips_trap);
}
