/* SPDX-License-Identifier: MIT */
/*
 * PowerPC OSI (Mac-on-Linux) call stubs; the ABI is in <hyp/osi_abi.h>.
 *
 *   register  in                         out
 *   r3        HYP_OSI_SC_MAGIC_R3        status
 *   r4        HYP_OSI_SC_MAGIC_R4        out->r[0]
 *   r5        selector                   out->r[1]
 *   r6-r11    arguments 1-6              out->r[2..7]
 *
 * KVM-PR hands the host all 32 GPRs and restores all 32 from its answer, so
 * every operand register is an in/out ("+r", or "=r" where the call passes
 * nothing in it). A MOL host changes r3-r9 only; r0, r12, CTR, XER, cr0
 * and memory are clobbered besides, as a system call may change them.
 *
 * hyp_osi_scN:    unconditional `sc` with N arguments.
 * hyp_osi_callN:  through the OSI gate: HYP_ENOTINIT / HYP_ENOHYP with
 *                 nothing executed (without a host, `sc` enters the
 *                 kernel's own System Call vector).
 */
#ifndef HYP_POWERPC_OSI_CALL_H
#define HYP_POWERPC_OSI_CALL_H

#include <hyp/osi_abi.h>
#include <hyp/powerpc/regs.h>

extern unsigned char hyp_osi_gate;

#ifndef HYP_OSI_INSN
#define HYP_OSI_INSN        "sc"
#endif
#define HYP_OSI_CLOBBERS    "r0", "r12", "ctr", "xer", "cr0", "memory"

/* Register table: magic words r3, r4 and the selector r5 (in/out), p1..p6 in r6..r11. */
#define HYP_OSI_REGS(n)         HYP_OSI_REGS_(HYP_PPC_MODES##n)
#define HYP_OSI_REGS_(...)      HYP_OSI_REGS__(__VA_ARGS__)
#define HYP_OSI_REGS__(a, b, c, d, e, f, g, h, i)                               \
	register unsigned long r3 __asm__("r3") = HYP_OSI_SC_MAGIC_R3;          \
	register unsigned long r4 __asm__("r4") = HYP_OSI_SC_MAGIC_R4;          \
	register unsigned long r5 __asm__("r5") = selector;                     \
	HYP_PPC_REG_##a(r6, p1) HYP_PPC_REG_##b(r7, p2) HYP_PPC_REG_##c(r8, p3) \
	HYP_PPC_REG_##d(r9, p4) HYP_PPC_REG_##e(r10, p5) HYP_PPC_REG_##f(r11, p6)
#define HYP_OSI_IO(n)           HYP_OSI_IO_(HYP_PPC_MODES##n)
#define HYP_OSI_IO_(...)        HYP_OSI_IO__(__VA_ARGS__)
#define HYP_OSI_IO__(a, b, c, d, e, f, g, h, i)                                 \
	"+r"(r3), "+r"(r4), "+r"(r5), HYP_PPC_IO_##a(r6), HYP_PPC_IO_##b(r7),  \
	HYP_PPC_IO_##c(r8), HYP_PPC_IO_##d(r9), HYP_PPC_IO_##e(r10), HYP_PPC_IO_##f(r11)

#define HYP_OSI_SC_BODY(n)      HYP_PPC_BODY(HYP_OSI, n, HYP_OSI_INSN, HYP_PPC_OUT_R4_R11, HYP_OSI_CLOBBERS)
/* The body inline, not a call of hyp_osi_scN: gcc allocates otherwise (codegen snapshot). */
#define HYP_OSI_GATED(n)        { HYP_GATE_CHECK(hyp_osi_gate); HYP_OSI_SC_BODY(n) }

static inline long hyp_osi_sc0(unsigned long selector HYP_STUB_PARAMS0, struct hyp_osi_out *out) HYP_OSI_SC_BODY(0)
static inline long hyp_osi_sc1(unsigned long selector HYP_STUB_PARAMS1, struct hyp_osi_out *out) HYP_OSI_SC_BODY(1)
static inline long hyp_osi_sc2(unsigned long selector HYP_STUB_PARAMS2, struct hyp_osi_out *out) HYP_OSI_SC_BODY(2)
static inline long hyp_osi_sc3(unsigned long selector HYP_STUB_PARAMS3, struct hyp_osi_out *out) HYP_OSI_SC_BODY(3)
static inline long hyp_osi_sc4(unsigned long selector HYP_STUB_PARAMS4, struct hyp_osi_out *out) HYP_OSI_SC_BODY(4)
static inline long hyp_osi_sc5(unsigned long selector HYP_STUB_PARAMS5, struct hyp_osi_out *out) HYP_OSI_SC_BODY(5)
static inline long hyp_osi_sc6(unsigned long selector HYP_STUB_PARAMS6, struct hyp_osi_out *out) HYP_OSI_SC_BODY(6)

static inline long hyp_osi_call0(unsigned long selector HYP_STUB_PARAMS0, struct hyp_osi_out *out) HYP_OSI_GATED(0)
static inline long hyp_osi_call1(unsigned long selector HYP_STUB_PARAMS1, struct hyp_osi_out *out) HYP_OSI_GATED(1)
static inline long hyp_osi_call2(unsigned long selector HYP_STUB_PARAMS2, struct hyp_osi_out *out) HYP_OSI_GATED(2)
static inline long hyp_osi_call3(unsigned long selector HYP_STUB_PARAMS3, struct hyp_osi_out *out) HYP_OSI_GATED(3)
static inline long hyp_osi_call4(unsigned long selector HYP_STUB_PARAMS4, struct hyp_osi_out *out) HYP_OSI_GATED(4)
static inline long hyp_osi_call5(unsigned long selector HYP_STUB_PARAMS5, struct hyp_osi_out *out) HYP_OSI_GATED(5)
static inline long hyp_osi_call6(unsigned long selector HYP_STUB_PARAMS6, struct hyp_osi_out *out) HYP_OSI_GATED(6)

#endif /* HYP_POWERPC_OSI_CALL_H */
