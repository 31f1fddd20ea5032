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
 * hyp_papr_hypercallN:  the same through hyp_papr_gate (<hyp/gate.h>).
 */
#ifndef HYP_POWERPC_PAPR_HYPERCALL_H
#define HYP_POWERPC_PAPR_HYPERCALL_H

#include <hyp/papr_abi.h>
#include <hyp/powerpc/regs.h>

/* Outputs r4..r12 of one call. */
struct hyp_papr_out {
	unsigned long r[9];
};

#ifndef HYP_PAPR_HVSC_INSN
#define HYP_PAPR_HVSC_INSN      ".long 0x44000022"  /* sc 1 */
#endif
#define HYP_PAPR_CLOBBERS       "r0", "ctr", "xer", "cr0", "cr1", "cr2", "cr3", \
				"cr4", "cr5", "cr6", "cr7", "memory"

/* Register table: opcode r3 (in/out), p1..p9 in r4..r12 (HYP_PPC_MODES). */
#define HYP_PAPR_REGS(n)        HYP_PAPR_REGS_(HYP_PPC_MODES##n)
#define HYP_PAPR_REGS_(...)     HYP_PAPR_REGS__(__VA_ARGS__)
#define HYP_PAPR_REGS__(a, b, c, d, e, f, g, h, i)                              \
	register unsigned long r3 __asm__("r3") = opcode;                       \
	HYP_PPC_REG_##a(r4, p1) HYP_PPC_REG_##b(r5, p2)                        \
	HYP_PPC_REG_##c(r6, p3) HYP_PPC_REG_##d(r7, p4)                        \
	HYP_PPC_REG_##e(r8, p5) HYP_PPC_REG_##f(r9, p6)                        \
	HYP_PPC_REG_##g(r10, p7) HYP_PPC_REG_##h(r11, p8)                      \
	HYP_PPC_REG_##i(r12, p9)
#define HYP_PAPR_IO(n)          HYP_PAPR_IO_(HYP_PPC_MODES##n)
#define HYP_PAPR_IO_(...)       HYP_PAPR_IO__(__VA_ARGS__)
#define HYP_PAPR_IO__(a, b, c, d, e, f, g, h, i)                                \
	"+r"(r3), HYP_PPC_IO_##a(r4), HYP_PPC_IO_##b(r5),                      \
	HYP_PPC_IO_##c(r6), HYP_PPC_IO_##d(r7), HYP_PPC_IO_##e(r8),            \
	HYP_PPC_IO_##f(r9), HYP_PPC_IO_##g(r10), HYP_PPC_IO_##h(r11),          \
	HYP_PPC_IO_##i(r12)

#define HYP_PAPR_STUB(name, n)                                                  \
	static inline long name(unsigned long opcode HYP_STUB_PARAMS##n, struct hyp_papr_out *out) \
	HYP_PPC_BODY(HYP_PAPR, n, HYP_PAPR_HVSC_INSN, HYP_PPC_OUT_R4_R12, HYP_PAPR_CLOBBERS)
#define HYP_PAPR_GATED(name, n)                                                 \
	static inline long name(unsigned long opcode HYP_STUB_PARAMS##n, struct hyp_papr_out *out) \
	HYP_PPC_GATED(hyp_papr_gate, hyp_papr_hvsc##n(opcode HYP_STUB_ARGS##n, out))

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
