/* SPDX-License-Identifier: MIT */
/*
 * PowerPC PAPR hypercall stubs (pseries: pHyp, KVM-HV, QEMU's sPAPR).
 *
 * ABI (LoPAPR "hypervisor call"; Linux arch/powerpc/platforms/pseries/
 * hvCall.S): `sc 1` (0x44000022, emitted as a word so that every assembler
 * and -mcpu accepts it), opcode in r3, arguments in r4-r12, status in r3,
 * outputs in r4-r12. The hypervisor may change the volatile registers of the
 * ELF ABIs: r0, r3-r12, CTR, XER and CR (Linux saves CR itself around the
 * call; here every CR field is a clobber so the compiler saves what it keeps
 * there). LR, r1, r2, r13-r31 are preserved.
 *
 * hyp_papr_hvscN:       unconditional `sc 1` with N arguments.
 * hyp_papr_hypercallN:  the same through the PAPR gate: HYP_ENOTINIT /
 *                       HYP_ENOHYP with no instruction executed.
 * `out`, if not NULL, receives r4..r12 after the call (out->r[0] = r4).
 */
#ifndef HYP_POWERPC_PAPR_HYPERCALL_H
#define HYP_POWERPC_PAPR_HYPERCALL_H

#include <hyp/gate.h>
#include <hyp/papr_abi.h>

/* Outputs r4..r12 of one call. */
struct hyp_papr_out {
	unsigned long r[9];
};

#define HYP_PAPR_HVSC_INSN      ".long 0x44000022"  /* sc 1 */
#define HYP_PAPR_CLOBBERS       "r0", "ctr", "xer", "cr0", "cr1", "cr2", "cr3", \
				"cr4", "cr5", "cr6", "cr7", "memory"

static inline long hyp_papr_hvsc0(unsigned long opcode,
				   struct hyp_papr_out *out)
{
	register unsigned long r3 __asm__("r3") = opcode;
	register unsigned long r4 __asm__("r4");
	register unsigned long r5 __asm__("r5");
	register unsigned long r6 __asm__("r6");
	register unsigned long r7 __asm__("r7");
	register unsigned long r8 __asm__("r8");
	register unsigned long r9 __asm__("r9");
	register unsigned long r10 __asm__("r10");
	register unsigned long r11 __asm__("r11");
	register unsigned long r12 __asm__("r12");

	__asm__ __volatile__(HYP_PAPR_HVSC_INSN
			     : "+r"(r3), "=r"(r4), "=r"(r5), "=r"(r6), "=r"(r7),
			       "=r"(r8), "=r"(r9), "=r"(r10), "=r"(r11), "=r"(r12)
			     :
			     : HYP_PAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
		out->r[8] = r12;
	}
	return (long)r3;
}

static inline long hyp_papr_hvsc1(unsigned long opcode, unsigned long p1,
				   struct hyp_papr_out *out)
{
	register unsigned long r3 __asm__("r3") = opcode;
	register unsigned long r4 __asm__("r4") = p1;
	register unsigned long r5 __asm__("r5");
	register unsigned long r6 __asm__("r6");
	register unsigned long r7 __asm__("r7");
	register unsigned long r8 __asm__("r8");
	register unsigned long r9 __asm__("r9");
	register unsigned long r10 __asm__("r10");
	register unsigned long r11 __asm__("r11");
	register unsigned long r12 __asm__("r12");

	__asm__ __volatile__(HYP_PAPR_HVSC_INSN
			     : "+r"(r3), "+r"(r4), "=r"(r5), "=r"(r6), "=r"(r7),
			       "=r"(r8), "=r"(r9), "=r"(r10), "=r"(r11), "=r"(r12)
			     :
			     : HYP_PAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
		out->r[8] = r12;
	}
	return (long)r3;
}

static inline long hyp_papr_hvsc2(unsigned long opcode, unsigned long p1, unsigned long p2,
				   struct hyp_papr_out *out)
{
	register unsigned long r3 __asm__("r3") = opcode;
	register unsigned long r4 __asm__("r4") = p1;
	register unsigned long r5 __asm__("r5") = p2;
	register unsigned long r6 __asm__("r6");
	register unsigned long r7 __asm__("r7");
	register unsigned long r8 __asm__("r8");
	register unsigned long r9 __asm__("r9");
	register unsigned long r10 __asm__("r10");
	register unsigned long r11 __asm__("r11");
	register unsigned long r12 __asm__("r12");

	__asm__ __volatile__(HYP_PAPR_HVSC_INSN
			     : "+r"(r3), "+r"(r4), "+r"(r5), "=r"(r6), "=r"(r7),
			       "=r"(r8), "=r"(r9), "=r"(r10), "=r"(r11), "=r"(r12)
			     :
			     : HYP_PAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
		out->r[8] = r12;
	}
	return (long)r3;
}

static inline long hyp_papr_hvsc3(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3,
				   struct hyp_papr_out *out)
{
	register unsigned long r3 __asm__("r3") = opcode;
	register unsigned long r4 __asm__("r4") = p1;
	register unsigned long r5 __asm__("r5") = p2;
	register unsigned long r6 __asm__("r6") = p3;
	register unsigned long r7 __asm__("r7");
	register unsigned long r8 __asm__("r8");
	register unsigned long r9 __asm__("r9");
	register unsigned long r10 __asm__("r10");
	register unsigned long r11 __asm__("r11");
	register unsigned long r12 __asm__("r12");

	__asm__ __volatile__(HYP_PAPR_HVSC_INSN
			     : "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "=r"(r7),
			       "=r"(r8), "=r"(r9), "=r"(r10), "=r"(r11), "=r"(r12)
			     :
			     : HYP_PAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
		out->r[8] = r12;
	}
	return (long)r3;
}

static inline long hyp_papr_hvsc4(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4,
				   struct hyp_papr_out *out)
{
	register unsigned long r3 __asm__("r3") = opcode;
	register unsigned long r4 __asm__("r4") = p1;
	register unsigned long r5 __asm__("r5") = p2;
	register unsigned long r6 __asm__("r6") = p3;
	register unsigned long r7 __asm__("r7") = p4;
	register unsigned long r8 __asm__("r8");
	register unsigned long r9 __asm__("r9");
	register unsigned long r10 __asm__("r10");
	register unsigned long r11 __asm__("r11");
	register unsigned long r12 __asm__("r12");

	__asm__ __volatile__(HYP_PAPR_HVSC_INSN
			     : "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7),
			       "=r"(r8), "=r"(r9), "=r"(r10), "=r"(r11), "=r"(r12)
			     :
			     : HYP_PAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
		out->r[8] = r12;
	}
	return (long)r3;
}

static inline long hyp_papr_hvsc5(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5,
				   struct hyp_papr_out *out)
{
	register unsigned long r3 __asm__("r3") = opcode;
	register unsigned long r4 __asm__("r4") = p1;
	register unsigned long r5 __asm__("r5") = p2;
	register unsigned long r6 __asm__("r6") = p3;
	register unsigned long r7 __asm__("r7") = p4;
	register unsigned long r8 __asm__("r8") = p5;
	register unsigned long r9 __asm__("r9");
	register unsigned long r10 __asm__("r10");
	register unsigned long r11 __asm__("r11");
	register unsigned long r12 __asm__("r12");

	__asm__ __volatile__(HYP_PAPR_HVSC_INSN
			     : "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7),
			       "+r"(r8), "=r"(r9), "=r"(r10), "=r"(r11), "=r"(r12)
			     :
			     : HYP_PAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
		out->r[8] = r12;
	}
	return (long)r3;
}

static inline long hyp_papr_hvsc6(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6,
				   struct hyp_papr_out *out)
{
	register unsigned long r3 __asm__("r3") = opcode;
	register unsigned long r4 __asm__("r4") = p1;
	register unsigned long r5 __asm__("r5") = p2;
	register unsigned long r6 __asm__("r6") = p3;
	register unsigned long r7 __asm__("r7") = p4;
	register unsigned long r8 __asm__("r8") = p5;
	register unsigned long r9 __asm__("r9") = p6;
	register unsigned long r10 __asm__("r10");
	register unsigned long r11 __asm__("r11");
	register unsigned long r12 __asm__("r12");

	__asm__ __volatile__(HYP_PAPR_HVSC_INSN
			     : "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7),
			       "+r"(r8), "+r"(r9), "=r"(r10), "=r"(r11), "=r"(r12)
			     :
			     : HYP_PAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
		out->r[8] = r12;
	}
	return (long)r3;
}

static inline long hyp_papr_hvsc7(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6, unsigned long p7,
				   struct hyp_papr_out *out)
{
	register unsigned long r3 __asm__("r3") = opcode;
	register unsigned long r4 __asm__("r4") = p1;
	register unsigned long r5 __asm__("r5") = p2;
	register unsigned long r6 __asm__("r6") = p3;
	register unsigned long r7 __asm__("r7") = p4;
	register unsigned long r8 __asm__("r8") = p5;
	register unsigned long r9 __asm__("r9") = p6;
	register unsigned long r10 __asm__("r10") = p7;
	register unsigned long r11 __asm__("r11");
	register unsigned long r12 __asm__("r12");

	__asm__ __volatile__(HYP_PAPR_HVSC_INSN
			     : "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7),
			       "+r"(r8), "+r"(r9), "+r"(r10), "=r"(r11), "=r"(r12)
			     :
			     : HYP_PAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
		out->r[8] = r12;
	}
	return (long)r3;
}

static inline long hyp_papr_hvsc8(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6, unsigned long p7, unsigned long p8,
				   struct hyp_papr_out *out)
{
	register unsigned long r3 __asm__("r3") = opcode;
	register unsigned long r4 __asm__("r4") = p1;
	register unsigned long r5 __asm__("r5") = p2;
	register unsigned long r6 __asm__("r6") = p3;
	register unsigned long r7 __asm__("r7") = p4;
	register unsigned long r8 __asm__("r8") = p5;
	register unsigned long r9 __asm__("r9") = p6;
	register unsigned long r10 __asm__("r10") = p7;
	register unsigned long r11 __asm__("r11") = p8;
	register unsigned long r12 __asm__("r12");

	__asm__ __volatile__(HYP_PAPR_HVSC_INSN
			     : "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7),
			       "+r"(r8), "+r"(r9), "+r"(r10), "+r"(r11), "=r"(r12)
			     :
			     : HYP_PAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
		out->r[8] = r12;
	}
	return (long)r3;
}

static inline long hyp_papr_hvsc9(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6, unsigned long p7, unsigned long p8, unsigned long p9,
				   struct hyp_papr_out *out)
{
	register unsigned long r3 __asm__("r3") = opcode;
	register unsigned long r4 __asm__("r4") = p1;
	register unsigned long r5 __asm__("r5") = p2;
	register unsigned long r6 __asm__("r6") = p3;
	register unsigned long r7 __asm__("r7") = p4;
	register unsigned long r8 __asm__("r8") = p5;
	register unsigned long r9 __asm__("r9") = p6;
	register unsigned long r10 __asm__("r10") = p7;
	register unsigned long r11 __asm__("r11") = p8;
	register unsigned long r12 __asm__("r12") = p9;

	__asm__ __volatile__(HYP_PAPR_HVSC_INSN
			     : "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7),
			       "+r"(r8), "+r"(r9), "+r"(r10), "+r"(r11), "+r"(r12)
			     :
			     : HYP_PAPR_CLOBBERS);
	if (out) {
		out->r[0] = r4;
		out->r[1] = r5;
		out->r[2] = r6;
		out->r[3] = r7;
		out->r[4] = r8;
		out->r[5] = r9;
		out->r[6] = r10;
		out->r[7] = r11;
		out->r[8] = r12;
	}
	return (long)r3;
}

static inline long hyp_papr_hypercall0(unsigned long opcode,
					struct hyp_papr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_papr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_papr_hvsc0(opcode, out);
}

static inline long hyp_papr_hypercall1(unsigned long opcode, unsigned long p1,
					struct hyp_papr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_papr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_papr_hvsc1(opcode, p1, out);
}

static inline long hyp_papr_hypercall2(unsigned long opcode, unsigned long p1, unsigned long p2,
					struct hyp_papr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_papr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_papr_hvsc2(opcode, p1, p2, out);
}

static inline long hyp_papr_hypercall3(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3,
					struct hyp_papr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_papr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_papr_hvsc3(opcode, p1, p2, p3, out);
}

static inline long hyp_papr_hypercall4(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4,
					struct hyp_papr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_papr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_papr_hvsc4(opcode, p1, p2, p3, p4, out);
}

static inline long hyp_papr_hypercall5(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5,
					struct hyp_papr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_papr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_papr_hvsc5(opcode, p1, p2, p3, p4, p5, out);
}

static inline long hyp_papr_hypercall6(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6,
					struct hyp_papr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_papr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_papr_hvsc6(opcode, p1, p2, p3, p4, p5, p6, out);
}

static inline long hyp_papr_hypercall7(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6, unsigned long p7,
					struct hyp_papr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_papr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_papr_hvsc7(opcode, p1, p2, p3, p4, p5, p6, p7, out);
}

static inline long hyp_papr_hypercall8(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6, unsigned long p7, unsigned long p8,
					struct hyp_papr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_papr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_papr_hvsc8(opcode, p1, p2, p3, p4, p5, p6, p7, p8, out);
}

static inline long hyp_papr_hypercall9(unsigned long opcode, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6, unsigned long p7, unsigned long p8, unsigned long p9,
					struct hyp_papr_out *out)
{
	unsigned int gate = hyp_gate_read(&hyp_papr_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_papr_hvsc9(opcode, p1, p2, p3, p4, p5, p6, p7, p8, p9, out);
}
#endif /* HYP_POWERPC_PAPR_HYPERCALL_H */
