/* SPDX-License-Identifier: MIT */
/* The sc 1 trap of <harness/epapr.h>. */
#include "epapr.h"

#define CR_KEPT         0x00fff000u     /* cr2 cr3 cr4 (cr0 is the top nibble) */
#define CR_POISON       0x5a5a5a5au
#define XER_POISON      0xe000007fu     /* SO OV CA and a byte count */

static epapr_answer_fn epapr_answer;

static bool epapr_trap(struct guest_frame *f)
{
	struct epapr_call c = { .frame = f, .token = f->gpr[11] };
	unsigned long status;

	if (*(const volatile uint32_t *)(f->srr0 - 4) != EPAPR_SC1)
		return false;
	for (unsigned int i = 0; i < 8; i++) {
		c.in[i] = f->gpr[3 + i];
		c.out[i] = EPAPR_POISON(4 + i);
	}
	status = epapr_answer(&c);
	if (!c.own_shape) {
		f->gpr[3] = status;
		for (unsigned int i = 0; i < 8; i++)
			f->gpr[4 + i] = c.out[i];
		f->gpr[12] = EPAPR_POISON(0x12);
		f->xer = XER_POISON;
	}
	f->gpr[0] = EPAPR_POISON(0x00);
	f->ctr = EPAPR_POISON(0xc7);
	f->cr = (f->cr & CR_KEPT) | (CR_POISON & ~CR_KEPT);
	return true;
}

void epapr_harness_install(epapr_answer_fn answer)
{
	epapr_answer = answer;
	guest_set_trap_handler(GUEST_PPC_IVOR_SYSCALL, epapr_trap);
}
