/* SPDX-License-Identifier: MIT */
/*
 * What the PowerPC stub headers (ePAPR, PAPR, OSI) share. A family's
 * register table lists its argument registers in order; HYP_PPC_MODES##n
 * gives each, for n arguments, P (argument pK, in and out: the hypervisor
 * may change it) or R (output only). Status comes back in r3; the outputs
 * from r4 on are copied to out->r[] in register order (out->r[0] = r4)
 * when `out` is not NULL.
 */
#ifndef HYP_POWERPC_REGS_H
#define HYP_POWERPC_REGS_H

#include <hyp/config.h>
#include <hyp/gate.h>
#include <hyp/stub.h>

#define HYP_PPC_MODES0          R, R, R, R, R, R, R, R, R
#define HYP_PPC_MODES1          P, R, R, R, R, R, R, R, R
#define HYP_PPC_MODES2          P, P, R, R, R, R, R, R, R
#define HYP_PPC_MODES3          P, P, P, R, R, R, R, R, R
#define HYP_PPC_MODES4          P, P, P, P, R, R, R, R, R
#define HYP_PPC_MODES5          P, P, P, P, P, R, R, R, R
#define HYP_PPC_MODES6          P, P, P, P, P, P, R, R, R
#define HYP_PPC_MODES7          P, P, P, P, P, P, P, R, R
#define HYP_PPC_MODES8          P, P, P, P, P, P, P, P, R
#define HYP_PPC_MODES9          P, P, P, P, P, P, P, P, P
#define HYP_PPC_REG_P(r, p)     register unsigned long r __asm__(#r) = (p); /* NOLINT(bugprone-macro-parentheses): a declarator */
#define HYP_PPC_REG_R(r, p)     register unsigned long r __asm__(#r); /* NOLINT(bugprone-macro-parentheses) */
#define HYP_PPC_IO_P(r)         "+r"(r)
#define HYP_PPC_IO_R(r)         "=r"(r)

#define HYP_PPC_OUT_R4_R11      out->r[0] = r4; out->r[1] = r5; out->r[2] = r6; out->r[3] = r7; \
				out->r[4] = r8; out->r[5] = r9; out->r[6] = r10; out->r[7] = r11;
#define HYP_PPC_OUT_R4_R12      HYP_PPC_OUT_R4_R11 out->r[8] = r12;

/* One call: fam##_REGS(n) and fam##_IO(n) are the family's table; status in r3. */
/* NOLINTBEGIN(bugprone-macro-parentheses): asm text and clobber strings */
#define HYP_PPC_BODY(fam, n, insn, copy, ...)                                   \
	{                                                                       \
		fam##_REGS(n)                                                   \
		__asm__ __volatile__(insn : fam##_IO(n) : : __VA_ARGS__);       \
		if (out) {                                                      \
			copy                                                    \
		}                                                               \
		return (long)r3;                                                \
	}
#define HYP_PPC_GATED(gatevar, call)    { HYP_GATE_CHECK(gatevar); return call; }
/* NOLINTEND(bugprone-macro-parentheses) */

#endif /* HYP_POWERPC_REGS_H */
