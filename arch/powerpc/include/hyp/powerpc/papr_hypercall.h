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

#include <hyp/config.h>
#include <hyp/gate.h>
#include <hyp/papr_abi.h>

/* Outputs r4..r12 of one call. */
struct hyp_papr_out {
	unsigned long r[9];
};

#ifndef HYP_PAPR_HVSC_INSN
#define HYP_PAPR_HVSC_INSN      ".long 0x44000022"  /* sc 1 */
#endif
#define HYP_PAPR_CLOBBERS       "r0", "ctr", "xer", "cr0", "cr1", "cr2", "cr3", \
				"cr4", "cr5", "cr6", "cr7", "memory"

/* Arguments p1..pN. */
#define HYP_PAPR_PARAMS0
#define HYP_PAPR_PARAMS1        , unsigned long p1
#define HYP_PAPR_PARAMS2        HYP_PAPR_PARAMS1, unsigned long p2
#define HYP_PAPR_PARAMS3        HYP_PAPR_PARAMS2, unsigned long p3
#define HYP_PAPR_PARAMS4        HYP_PAPR_PARAMS3, unsigned long p4
#define HYP_PAPR_PARAMS5        HYP_PAPR_PARAMS4, unsigned long p5
#define HYP_PAPR_PARAMS6        HYP_PAPR_PARAMS5, unsigned long p6
#define HYP_PAPR_PARAMS7        HYP_PAPR_PARAMS6, unsigned long p7
#define HYP_PAPR_PARAMS8        HYP_PAPR_PARAMS7, unsigned long p8
#define HYP_PAPR_PARAMS9        HYP_PAPR_PARAMS8, unsigned long p9
#define HYP_PAPR_ARGS0
#define HYP_PAPR_ARGS1          , p1
#define HYP_PAPR_ARGS2          HYP_PAPR_ARGS1, p2
#define HYP_PAPR_ARGS3          HYP_PAPR_ARGS2, p3
#define HYP_PAPR_ARGS4          HYP_PAPR_ARGS3, p4
#define HYP_PAPR_ARGS5          HYP_PAPR_ARGS4, p5
#define HYP_PAPR_ARGS6          HYP_PAPR_ARGS5, p6
#define HYP_PAPR_ARGS7          HYP_PAPR_ARGS6, p7
#define HYP_PAPR_ARGS8          HYP_PAPR_ARGS7, p8
#define HYP_PAPR_ARGS9          HYP_PAPR_ARGS8, p9

/* Register table: r4..r12 per arity, P = argument pK in and out, R = output only. */
#define HYP_PAPR_MODES0        R, R, R, R, R, R, R, R, R
#define HYP_PAPR_MODES1        P, R, R, R, R, R, R, R, R
#define HYP_PAPR_MODES2        P, P, R, R, R, R, R, R, R
#define HYP_PAPR_MODES3        P, P, P, R, R, R, R, R, R
#define HYP_PAPR_MODES4        P, P, P, P, R, R, R, R, R
#define HYP_PAPR_MODES5        P, P, P, P, P, R, R, R, R
#define HYP_PAPR_MODES6        P, P, P, P, P, P, R, R, R
#define HYP_PAPR_MODES7        P, P, P, P, P, P, P, R, R
#define HYP_PAPR_MODES8        P, P, P, P, P, P, P, P, R
#define HYP_PAPR_MODES9        P, P, P, P, P, P, P, P, P
#define HYP_PAPR_REG_P(r, p)    register unsigned long r __asm__(#r) = (p); /* NOLINT(bugprone-macro-parentheses): a declarator */
#define HYP_PAPR_REG_R(r, p)    register unsigned long r __asm__(#r); /* NOLINT(bugprone-macro-parentheses) */
#define HYP_PAPR_IO_P(r)        "+r"(r)
#define HYP_PAPR_IO_R(r)        "=r"(r)
#define HYP_PAPR_REGS(n)        HYP_PAPR_REGS_(HYP_PAPR_MODES##n)
#define HYP_PAPR_REGS_(...)     HYP_PAPR_REGS__(__VA_ARGS__)
#define HYP_PAPR_REGS__(a, b, c, d, e, f, g, h, i)                              \
	register unsigned long r3 __asm__("r3") = opcode;                       \
	HYP_PAPR_REG_##a(r4, p1) HYP_PAPR_REG_##b(r5, p2)                      \
	HYP_PAPR_REG_##c(r6, p3) HYP_PAPR_REG_##d(r7, p4)                      \
	HYP_PAPR_REG_##e(r8, p5) HYP_PAPR_REG_##f(r9, p6)                      \
	HYP_PAPR_REG_##g(r10, p7) HYP_PAPR_REG_##h(r11, p8)                    \
	HYP_PAPR_REG_##i(r12, p9)
#define HYP_PAPR_IO(n)          HYP_PAPR_IO_(HYP_PAPR_MODES##n)
#define HYP_PAPR_IO_(...)       HYP_PAPR_IO__(__VA_ARGS__)
#define HYP_PAPR_IO__(a, b, c, d, e, f, g, h, i)                                \
	"+r"(r3), HYP_PAPR_IO_##a(r4), HYP_PAPR_IO_##b(r5),                    \
	HYP_PAPR_IO_##c(r6), HYP_PAPR_IO_##d(r7), HYP_PAPR_IO_##e(r8),         \
	HYP_PAPR_IO_##f(r9), HYP_PAPR_IO_##g(r10), HYP_PAPR_IO_##h(r11),       \
	HYP_PAPR_IO_##i(r12)

/* Status in r3; outputs r4..r12 into `out` (out->r[0] = r4) if it is not NULL. */
#define HYP_PAPR_STUB(name, n)                                                  \
	static inline long name(unsigned long opcode HYP_PAPR_PARAMS##n,        \
				struct hyp_papr_out *out)                       \
	{                                                                       \
		HYP_PAPR_REGS(n)                                                \
		__asm__ __volatile__(HYP_PAPR_HVSC_INSN                         \
				     : HYP_PAPR_IO(n)                           \
				     :                                          \
				     : HYP_PAPR_CLOBBERS);                      \
		if (out) {                                                      \
			out->r[0] = r4;                                         \
			out->r[1] = r5;                                         \
			out->r[2] = r6;                                         \
			out->r[3] = r7;                                         \
			out->r[4] = r8;                                         \
			out->r[5] = r9;                                         \
			out->r[6] = r10;                                        \
			out->r[7] = r11;                                        \
			out->r[8] = r12;                                        \
		}                                                               \
		return (long)r3;                                                \
	}

#define HYP_PAPR_GATED(name, n)                                                 \
	static inline long name(unsigned long opcode HYP_PAPR_PARAMS##n,        \
				struct hyp_papr_out *out)                       \
	{                                                                       \
		unsigned int gate = hyp_gate_read(&hyp_papr_gate);              \
                                                                                \
		if (gate < HYP_GATE_OPEN)                                       \
			return hyp_gate_error(gate);                            \
		return hyp_papr_hvsc##n(opcode HYP_PAPR_ARGS##n, out);          \
	}

HYP_PAPR_STUB(hyp_papr_hvsc0, 0)
HYP_PAPR_STUB(hyp_papr_hvsc1, 1)
HYP_PAPR_STUB(hyp_papr_hvsc2, 2)
HYP_PAPR_STUB(hyp_papr_hvsc3, 3)
HYP_PAPR_STUB(hyp_papr_hvsc4, 4)
HYP_PAPR_STUB(hyp_papr_hvsc5, 5)
HYP_PAPR_STUB(hyp_papr_hvsc6, 6)
HYP_PAPR_STUB(hyp_papr_hvsc7, 7)
HYP_PAPR_STUB(hyp_papr_hvsc8, 8)
HYP_PAPR_STUB(hyp_papr_hvsc9, 9)
HYP_PAPR_GATED(hyp_papr_hypercall0, 0)
HYP_PAPR_GATED(hyp_papr_hypercall1, 1)
HYP_PAPR_GATED(hyp_papr_hypercall2, 2)
HYP_PAPR_GATED(hyp_papr_hypercall3, 3)
HYP_PAPR_GATED(hyp_papr_hypercall4, 4)
HYP_PAPR_GATED(hyp_papr_hypercall5, 5)
HYP_PAPR_GATED(hyp_papr_hypercall6, 6)
HYP_PAPR_GATED(hyp_papr_hypercall7, 7)
HYP_PAPR_GATED(hyp_papr_hypercall8, 8)
HYP_PAPR_GATED(hyp_papr_hypercall9, 9)

#endif /* HYP_POWERPC_PAPR_HYPERCALL_H */
