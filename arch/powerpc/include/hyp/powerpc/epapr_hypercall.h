/* SPDX-License-Identifier: MIT */
/*
 * PowerPC ePAPR hypercall stubs (KVM and other ePAPR hypervisors).
 *
 * ABI (seeds 000/001, ePAPR 1.1 chapter 6): token (vendor << 16 | number)
 * in r11, arguments in r3-r10, status in r3 (0 or HYP_EV_*), outputs in
 * r4-r11. The instructions that enter the hypervisor are not fixed: the
 * device tree's /hypervisor "hcall-instructions" gives up to four, which
 * hyp_init() copies into hyp_epapr_hypercall_area (lib/powerpc/epapr.c), a
 * 16-byte routine ending in blr. Until then (and where no hypervisor gives
 * instructions) the area answers every call with HYP_EV_UNIMPLEMENTED in r3
 * and changes nothing else: calling it executes no hypercall instruction.
 *
 * The stubs reach the area with bl, so besides r3-r11 (operands here) a
 * call changes LR, and the patched instructions and the hypervisor may
 * change what the ePAPR ABI and Linux's epapr_hcalls.h call volatile across
 * a hypercall: r0 (PR KVM puts its "KVM!" marker there), r12, CTR, XER, and
 * the volatile CR fields of the ELF ABIs (cr0, cr1, cr5-cr7). Those are the
 * clobbers; every argument register is "+r", every other output register
 * "=r", so the compiler keeps nothing live in a register the call may change
 * and saves nothing it need not. "memory": byte channels and the magic page.
 *
 * hyp_epapr_area_callN:  unconditional call of the area (N arguments).
 * hyp_epapr_hypercallN:  the same through the ePAPR gate: HYP_ENOTINIT
 *                        before hyp_init(), with nothing executed.
 * `out`, if not NULL, receives r4..r11 after the call (out->r[0] = r4).
 */
#ifndef HYP_POWERPC_EPAPR_HYPERCALL_H
#define HYP_POWERPC_EPAPR_HYPERCALL_H

#include <stdint.h>

#include <hyp/epapr_abi.h>
#include <hyp/gate.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Outputs r4..r11 of one call. */
struct hyp_epapr_out {
	unsigned long r[8];
};

/* The patchable routine (lib/powerpc/epapr.c): four instruction slots, blr. */
extern uint32_t hyp_epapr_hypercall_area[];

#define HYP_EPAPR_CALL_INSN     "bl hyp_epapr_hypercall_area"
#define HYP_EPAPR_CLOBBERS      "r0", "r12", "ctr", "xer", "lr", \
				"cr0", "cr1", "cr5", "cr6", "cr7", "memory"

static inline long hyp_epapr_area_call0(uint32_t token,
					 struct hyp_epapr_out *out)
{
	register unsigned long r11 __asm__("r11") = token;
	register unsigned long r3 __asm__("r3");
	register unsigned long r4 __asm__("r4");
	register unsigned long r5 __asm__("r5");
	register unsigned long r6 __asm__("r6");
	register unsigned long r7 __asm__("r7");
	register unsigned long r8 __asm__("r8");
	register unsigned long r9 __asm__("r9");
	register unsigned long r10 __asm__("r10");

	__asm__ __volatile__(HYP_EPAPR_CALL_INSN
			     : "+r"(r11), "=r"(r3), "=r"(r4), "=r"(r5), "=r"(r6),
			       "=r"(r7), "=r"(r8), "=r"(r9), "=r"(r10)
			     :
			     : HYP_EPAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
	}
	return (long)r3;
}

static inline long hyp_epapr_area_call1(uint32_t token, unsigned long p1,
					 struct hyp_epapr_out *out)
{
	register unsigned long r11 __asm__("r11") = token;
	register unsigned long r3 __asm__("r3") = p1;
	register unsigned long r4 __asm__("r4");
	register unsigned long r5 __asm__("r5");
	register unsigned long r6 __asm__("r6");
	register unsigned long r7 __asm__("r7");
	register unsigned long r8 __asm__("r8");
	register unsigned long r9 __asm__("r9");
	register unsigned long r10 __asm__("r10");

	__asm__ __volatile__(HYP_EPAPR_CALL_INSN
			     : "+r"(r11), "+r"(r3), "=r"(r4), "=r"(r5), "=r"(r6),
			       "=r"(r7), "=r"(r8), "=r"(r9), "=r"(r10)
			     :
			     : HYP_EPAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
	}
	return (long)r3;
}

static inline long hyp_epapr_area_call2(uint32_t token, unsigned long p1, unsigned long p2,
					 struct hyp_epapr_out *out)
{
	register unsigned long r11 __asm__("r11") = token;
	register unsigned long r3 __asm__("r3") = p1;
	register unsigned long r4 __asm__("r4") = p2;
	register unsigned long r5 __asm__("r5");
	register unsigned long r6 __asm__("r6");
	register unsigned long r7 __asm__("r7");
	register unsigned long r8 __asm__("r8");
	register unsigned long r9 __asm__("r9");
	register unsigned long r10 __asm__("r10");

	__asm__ __volatile__(HYP_EPAPR_CALL_INSN
			     : "+r"(r11), "+r"(r3), "+r"(r4), "=r"(r5), "=r"(r6),
			       "=r"(r7), "=r"(r8), "=r"(r9), "=r"(r10)
			     :
			     : HYP_EPAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
	}
	return (long)r3;
}

static inline long hyp_epapr_area_call3(uint32_t token, unsigned long p1, unsigned long p2, unsigned long p3,
					 struct hyp_epapr_out *out)
{
	register unsigned long r11 __asm__("r11") = token;
	register unsigned long r3 __asm__("r3") = p1;
	register unsigned long r4 __asm__("r4") = p2;
	register unsigned long r5 __asm__("r5") = p3;
	register unsigned long r6 __asm__("r6");
	register unsigned long r7 __asm__("r7");
	register unsigned long r8 __asm__("r8");
	register unsigned long r9 __asm__("r9");
	register unsigned long r10 __asm__("r10");

	__asm__ __volatile__(HYP_EPAPR_CALL_INSN
			     : "+r"(r11), "+r"(r3), "+r"(r4), "+r"(r5), "=r"(r6),
			       "=r"(r7), "=r"(r8), "=r"(r9), "=r"(r10)
			     :
			     : HYP_EPAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
	}
	return (long)r3;
}

static inline long hyp_epapr_area_call4(uint32_t token, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4,
					 struct hyp_epapr_out *out)
{
	register unsigned long r11 __asm__("r11") = token;
	register unsigned long r3 __asm__("r3") = p1;
	register unsigned long r4 __asm__("r4") = p2;
	register unsigned long r5 __asm__("r5") = p3;
	register unsigned long r6 __asm__("r6") = p4;
	register unsigned long r7 __asm__("r7");
	register unsigned long r8 __asm__("r8");
	register unsigned long r9 __asm__("r9");
	register unsigned long r10 __asm__("r10");

	__asm__ __volatile__(HYP_EPAPR_CALL_INSN
			     : "+r"(r11), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6),
			       "=r"(r7), "=r"(r8), "=r"(r9), "=r"(r10)
			     :
			     : HYP_EPAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
	}
	return (long)r3;
}

static inline long hyp_epapr_area_call5(uint32_t token, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5,
					 struct hyp_epapr_out *out)
{
	register unsigned long r11 __asm__("r11") = token;
	register unsigned long r3 __asm__("r3") = p1;
	register unsigned long r4 __asm__("r4") = p2;
	register unsigned long r5 __asm__("r5") = p3;
	register unsigned long r6 __asm__("r6") = p4;
	register unsigned long r7 __asm__("r7") = p5;
	register unsigned long r8 __asm__("r8");
	register unsigned long r9 __asm__("r9");
	register unsigned long r10 __asm__("r10");

	__asm__ __volatile__(HYP_EPAPR_CALL_INSN
			     : "+r"(r11), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6),
			       "+r"(r7), "=r"(r8), "=r"(r9), "=r"(r10)
			     :
			     : HYP_EPAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
	}
	return (long)r3;
}

static inline long hyp_epapr_area_call6(uint32_t token, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6,
					 struct hyp_epapr_out *out)
{
	register unsigned long r11 __asm__("r11") = token;
	register unsigned long r3 __asm__("r3") = p1;
	register unsigned long r4 __asm__("r4") = p2;
	register unsigned long r5 __asm__("r5") = p3;
	register unsigned long r6 __asm__("r6") = p4;
	register unsigned long r7 __asm__("r7") = p5;
	register unsigned long r8 __asm__("r8") = p6;
	register unsigned long r9 __asm__("r9");
	register unsigned long r10 __asm__("r10");

	__asm__ __volatile__(HYP_EPAPR_CALL_INSN
			     : "+r"(r11), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6),
			       "+r"(r7), "+r"(r8), "=r"(r9), "=r"(r10)
			     :
			     : HYP_EPAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
	}
	return (long)r3;
}

static inline long hyp_epapr_area_call7(uint32_t token, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6, unsigned long p7,
					 struct hyp_epapr_out *out)
{
	register unsigned long r11 __asm__("r11") = token;
	register unsigned long r3 __asm__("r3") = p1;
	register unsigned long r4 __asm__("r4") = p2;
	register unsigned long r5 __asm__("r5") = p3;
	register unsigned long r6 __asm__("r6") = p4;
	register unsigned long r7 __asm__("r7") = p5;
	register unsigned long r8 __asm__("r8") = p6;
	register unsigned long r9 __asm__("r9") = p7;
	register unsigned long r10 __asm__("r10");

	__asm__ __volatile__(HYP_EPAPR_CALL_INSN
			     : "+r"(r11), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6),
			       "+r"(r7), "+r"(r8), "+r"(r9), "=r"(r10)
			     :
			     : HYP_EPAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
	}
	return (long)r3;
}

static inline long hyp_epapr_area_call8(uint32_t token, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6, unsigned long p7, unsigned long p8,
					 struct hyp_epapr_out *out)
{
	register unsigned long r11 __asm__("r11") = token;
	register unsigned long r3 __asm__("r3") = p1;
	register unsigned long r4 __asm__("r4") = p2;
	register unsigned long r5 __asm__("r5") = p3;
	register unsigned long r6 __asm__("r6") = p4;
	register unsigned long r7 __asm__("r7") = p5;
	register unsigned long r8 __asm__("r8") = p6;
	register unsigned long r9 __asm__("r9") = p7;
	register unsigned long r10 __asm__("r10") = p8;

	__asm__ __volatile__(HYP_EPAPR_CALL_INSN
			     : "+r"(r11), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6),
			       "+r"(r7), "+r"(r8), "+r"(r9), "+r"(r10)
			     :
			     : HYP_EPAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
	}
	return (long)r3;
}

static inline long hyp_epapr_hypercall0(uint32_t token,
					 struct hyp_epapr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_epapr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_epapr_area_call0(token, out);
}

static inline long hyp_epapr_hypercall1(uint32_t token, unsigned long p1,
					 struct hyp_epapr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_epapr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_epapr_area_call1(token, p1, out);
}

static inline long hyp_epapr_hypercall2(uint32_t token, unsigned long p1, unsigned long p2,
					 struct hyp_epapr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_epapr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_epapr_area_call2(token, p1, p2, out);
}

static inline long hyp_epapr_hypercall3(uint32_t token, unsigned long p1, unsigned long p2, unsigned long p3,
					 struct hyp_epapr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_epapr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_epapr_area_call3(token, p1, p2, p3, out);
}

static inline long hyp_epapr_hypercall4(uint32_t token, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4,
					 struct hyp_epapr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_epapr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_epapr_area_call4(token, p1, p2, p3, p4, out);
}

static inline long hyp_epapr_hypercall5(uint32_t token, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5,
					 struct hyp_epapr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_epapr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_epapr_area_call5(token, p1, p2, p3, p4, p5, out);
}

static inline long hyp_epapr_hypercall6(uint32_t token, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6,
					 struct hyp_epapr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_epapr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_epapr_area_call6(token, p1, p2, p3, p4, p5, p6, out);
}

static inline long hyp_epapr_hypercall7(uint32_t token, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6, unsigned long p7,
					 struct hyp_epapr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_epapr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_epapr_area_call7(token, p1, p2, p3, p4, p5, p6, p7, out);
}

static inline long hyp_epapr_hypercall8(uint32_t token, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6, unsigned long p7, unsigned long p8,
					 struct hyp_epapr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_epapr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_epapr_area_call8(token, p1, p2, p3, p4, p5, p6, p7, p8, out);
}
#ifdef __cplusplus
}
#endif

#endif /* HYP_POWERPC_EPAPR_HYPERCALL_H */
