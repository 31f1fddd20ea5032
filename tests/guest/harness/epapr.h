/* SPDX-License-Identifier: MIT */
/*
 * An ePAPR hypervisor played by the image's System Call interrupt (IVOR8)
 * behind `sc 1`, the hcall-instructions the test's /hypervisor node gives
 * (ePAPR 1.1, 6.5; Linux arch/powerpc/include/asm/epapr_hcalls.h):
 * epapr-e500, console-stream-epapr.
 *
 * The handler checks that the trap came from an sc 1, hands the token (r11)
 * and the arguments (r3-r10) to the test's answer hook, and answers as the
 * ABI lets a hypervisor: the status in r3, r4-r11 from the hook (the ones it
 * leaves are poisoned), r0, r12, CTR, XER and CR0/1/5-7 poisoned. LR and
 * the non-volatile registers stay. It resumes after the sc.
 */
#ifndef HARNESS_EPAPR_H
#define HARNESS_EPAPR_H

#include <stdbool.h>

#include <guest/powerpc.h>

#define EPAPR_SC1           0x44000022u     /* sc 1 (LEV = 1) */
#define EPAPR_POISON(n)     (0xdead0000ul | (n))

struct epapr_call {
	struct guest_frame *frame;      /* the trap (SRR1, the raw registers) */
	unsigned long token;            /* r11 */
	unsigned long in[8];            /* r3..r10 */
	unsigned long out[8];           /* r4..r11, EPAPR_POISON(4..11) until the hook answers */
	bool own_shape;                 /* set by the hook: it wrote r3-r12 itself (another call
					 * shape); then only r0, CTR and CR are poisoned */
};

/* The answer hook: the status for r3 (HYP_EV_*), outputs in c->out. */
typedef unsigned long (*epapr_answer_fn)(struct epapr_call *c);

/* Hook IVOR8: sc 1 goes to `answer`, any other sc ends the run. */
void epapr_harness_install(epapr_answer_fn answer);

#endif /* HARNESS_EPAPR_H */
