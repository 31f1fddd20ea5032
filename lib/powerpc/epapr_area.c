/* SPDX-License-Identifier: MIT */
/*
 * PowerPC ePAPR: the hypercall area and its patching.
 *
 * The area lives in .text (section .text.hyp_epapr_area, 32-byte aligned so
 * its 20 bytes share one cache block on every PowerPC): four instruction
 * slots and a blr. It starts as the fallback `li r3, EV_UNIMPLEMENTED`
 * (nothing else changes), so an ePAPR call before or without patching is a
 * plain function call that answers "unimplemented". Patching stores the words
 * and, per word, dcbst (data cache to memory), sync, icbi (drop the stale
 * instruction cache block), then one sync + isync (Power ISA Book II 1.8,
 * "instruction storage" update sequence). The kernel's text must be writable
 * when hyp_init() runs (as a kernel that patches itself has it).
 */
#include "powerpc.h"

#define PPC_INSN_LI_R3_EV_UNIMPLEMENTED 0x3860000cu    /* addi r3, 0, 12 */
#define PPC_INSN_NOP                    0x60000000u    /* ori 0, 0, 0 */
#define PPC_INSN_BLR                    0x4e800020u
#define EPAPR_AREA_SLOTS                4u

__asm__("	.pushsection .text.hyp_epapr_area, \"ax\", @progbits\n"
	"	.balign 32\n"
	"	.globl hyp_epapr_hypercall_area\n"
	"hyp_epapr_hypercall_area:\n"
	"	.long 0x3860000c\n"     /* li r3, 12 (EV_UNIMPLEMENTED) */
	"	.long 0x60000000\n"
	"	.long 0x60000000\n"
	"	.long 0x60000000\n"
	"	.long 0x4e800020\n"     /* blr */
	"	.size hyp_epapr_hypercall_area, 20\n"
	"	.popsection\n");

static bool area_patched;

static void area_store(unsigned int slot, uint32_t insn)
{
	volatile uint32_t *p = &hyp_epapr_hypercall_area[slot];

	*p = insn;
	__asm__ __volatile__("dcbst 0, %0\n\tsync\n\ticbi 0, %0"
			     : : "r"(p) : "memory");
}

static void area_write(const uint32_t *words, size_t count)
{
	for (unsigned int i = 0; i < EPAPR_AREA_SLOTS; i++)
		area_store(i, i < count ? words[i] : PPC_INSN_NOP);
	area_store(EPAPR_AREA_SLOTS, PPC_INSN_BLR);
	__asm__ __volatile__("sync\n\tisync" : : : "memory");
}

int hyp_epapr_patch_area(const uint32_t *words, size_t count)
{
	if (!words || count == 0 || count > EPAPR_AREA_SLOTS)
		return HYP_EINVAL;
	area_write(words, count);
	area_patched = true;
	return HYP_OK;
}

void hyp_epapr_restore_fallback(void)
{
	static const uint32_t fallback[] = { PPC_INSN_LI_R3_EV_UNIMPLEMENTED };

	area_write(fallback, 1);
	area_patched = false;
}

bool hyp_epapr_patched(void)
{
	return area_patched;
}
