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

#include <hyp/config.h>
#include <hyp/gate.h>
#include <hyp/osi_abi.h>

extern unsigned char hyp_osi_gate;

#ifndef HYP_OSI_INSN
#define HYP_OSI_INSN        "sc"
#endif
#define HYP_OSI_CLOBBERS    "r0", "r12", "ctr", "xer", "cr0", "memory"

#define HYP_OSI_DECLS(sel)						\
	register unsigned long __r3 __asm__("r3") = HYP_OSI_SC_MAGIC_R3; \
	register unsigned long __r4 __asm__("r4") = HYP_OSI_SC_MAGIC_R4; \
	register unsigned long __r5 __asm__("r5") = (sel);		\
	register unsigned long __r6 __asm__("r6");			\
	register unsigned long __r7 __asm__("r7");			\
	register unsigned long __r8 __asm__("r8");			\
	register unsigned long __r9 __asm__("r9");			\
	register unsigned long __r10 __asm__("r10");			\
	register unsigned long __r11 __asm__("r11")

/* Operands with N arguments: r3-r5 and the N argument registers in/out. */
#define HYP_OSI_OPS0 "+r"(__r3), "+r"(__r4), "+r"(__r5), "=r"(__r6), "=r"(__r7), \
		     "=r"(__r8), "=r"(__r9), "=r"(__r10), "=r"(__r11)
#define HYP_OSI_OPS1 "+r"(__r3), "+r"(__r4), "+r"(__r5), "+r"(__r6), "=r"(__r7), \
		     "=r"(__r8), "=r"(__r9), "=r"(__r10), "=r"(__r11)
#define HYP_OSI_OPS2 "+r"(__r3), "+r"(__r4), "+r"(__r5), "+r"(__r6), "+r"(__r7), \
		     "=r"(__r8), "=r"(__r9), "=r"(__r10), "=r"(__r11)
#define HYP_OSI_OPS3 "+r"(__r3), "+r"(__r4), "+r"(__r5), "+r"(__r6), "+r"(__r7), \
		     "+r"(__r8), "=r"(__r9), "=r"(__r10), "=r"(__r11)
#define HYP_OSI_OPS4 "+r"(__r3), "+r"(__r4), "+r"(__r5), "+r"(__r6), "+r"(__r7), \
		     "+r"(__r8), "+r"(__r9), "=r"(__r10), "=r"(__r11)
#define HYP_OSI_OPS5 "+r"(__r3), "+r"(__r4), "+r"(__r5), "+r"(__r6), "+r"(__r7), \
		     "+r"(__r8), "+r"(__r9), "+r"(__r10), "=r"(__r11)
#define HYP_OSI_OPS6 "+r"(__r3), "+r"(__r4), "+r"(__r5), "+r"(__r6), "+r"(__r7), \
		     "+r"(__r8), "+r"(__r9), "+r"(__r10), "+r"(__r11)

/* Argument chains: HYP_OSI_ARGSn sets the first n argument registers. */
#define HYP_OSI_ARGS0
#define HYP_OSI_ARGS1 HYP_OSI_ARGS0 __r6 = a1;
#define HYP_OSI_ARGS2 HYP_OSI_ARGS1 __r7 = a2;
#define HYP_OSI_ARGS3 HYP_OSI_ARGS2 __r8 = a3;
#define HYP_OSI_ARGS4 HYP_OSI_ARGS3 __r9 = a4;
#define HYP_OSI_ARGS5 HYP_OSI_ARGS4 __r10 = a5;
#define HYP_OSI_ARGS6 HYP_OSI_ARGS5 __r11 = a6;

#define HYP_OSI_SC_BODY(n)						\
	{								\
		HYP_OSI_DECLS(selector);				\
		HYP_OSI_ARGS##n						\
		__asm__ __volatile__(HYP_OSI_INSN : HYP_OSI_OPS##n : : HYP_OSI_CLOBBERS); \
		if (out) {						\
			out->r[0] = __r4; out->r[1] = __r5;		\
			out->r[2] = __r6; out->r[3] = __r7;		\
			out->r[4] = __r8; out->r[5] = __r9;		\
			out->r[6] = __r10; out->r[7] = __r11;		\
		}							\
		return (long)__r3;					\
	}

#define HYP_OSI_GATED(n)						\
	{								\
		unsigned int gate = hyp_gate_read(&hyp_osi_gate);	\
		if (gate < HYP_GATE_OPEN) return hyp_gate_error(gate);	\
		HYP_OSI_SC_BODY(n)					\
	}

#define HYP_OSI_P1 unsigned long a1
#define HYP_OSI_P2 HYP_OSI_P1, unsigned long a2
#define HYP_OSI_P3 HYP_OSI_P2, unsigned long a3
#define HYP_OSI_P4 HYP_OSI_P3, unsigned long a4
#define HYP_OSI_P5 HYP_OSI_P4, unsigned long a5
#define HYP_OSI_P6 HYP_OSI_P5, unsigned long a6

static inline long hyp_osi_sc0(unsigned long selector, struct hyp_osi_out *out) HYP_OSI_SC_BODY(0)
static inline long hyp_osi_sc1(unsigned long selector, HYP_OSI_P1, struct hyp_osi_out *out) HYP_OSI_SC_BODY(1)
static inline long hyp_osi_sc2(unsigned long selector, HYP_OSI_P2, struct hyp_osi_out *out) HYP_OSI_SC_BODY(2)
static inline long hyp_osi_sc3(unsigned long selector, HYP_OSI_P3, struct hyp_osi_out *out) HYP_OSI_SC_BODY(3)
static inline long hyp_osi_sc4(unsigned long selector, HYP_OSI_P4, struct hyp_osi_out *out) HYP_OSI_SC_BODY(4)
static inline long hyp_osi_sc5(unsigned long selector, HYP_OSI_P5, struct hyp_osi_out *out) HYP_OSI_SC_BODY(5)
static inline long hyp_osi_sc6(unsigned long selector, HYP_OSI_P6, struct hyp_osi_out *out) HYP_OSI_SC_BODY(6)

static inline long hyp_osi_call0(unsigned long selector, struct hyp_osi_out *out) HYP_OSI_GATED(0)
static inline long hyp_osi_call1(unsigned long selector, HYP_OSI_P1, struct hyp_osi_out *out) HYP_OSI_GATED(1)
static inline long hyp_osi_call2(unsigned long selector, HYP_OSI_P2, struct hyp_osi_out *out) HYP_OSI_GATED(2)
static inline long hyp_osi_call3(unsigned long selector, HYP_OSI_P3, struct hyp_osi_out *out) HYP_OSI_GATED(3)
static inline long hyp_osi_call4(unsigned long selector, HYP_OSI_P4, struct hyp_osi_out *out) HYP_OSI_GATED(4)
static inline long hyp_osi_call5(unsigned long selector, HYP_OSI_P5, struct hyp_osi_out *out) HYP_OSI_GATED(5)
static inline long hyp_osi_call6(unsigned long selector, HYP_OSI_P6, struct hyp_osi_out *out) HYP_OSI_GATED(6)

#endif /* HYP_POWERPC_OSI_CALL_H */
