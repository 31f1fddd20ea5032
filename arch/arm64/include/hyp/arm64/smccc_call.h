/* SPDX-License-Identifier: MIT */
/*
 * SMCCC stubs, AArch64 (Arm DEN0028 v1.4, sections 2.6-2.8):
 *   w0 function ID | x1-x7 arguments (1.2: x1-x17) | x0-x3 results (1.2: x0-x17)
 *   x4-x17 preserved since SMCCC 1.1 (1.2: unless they carry results); SMCCC 1.0
 *   left x4-x17 corruptible: the _v10 stubs (discovery, before SMCCC_VERSION
 *   is known) clobber them. x18-x30, sp and SIMD state are preserved always.
 * Conduits: `hvc #0` (to EL2) and `smc #0` (to EL3); the immediate is 0.
 * Register table: r0..r7 = x0..x7, results copied to *res when res != NULL.
 * hyp_smccc_hvcN / hyp_smccc_smcN: unconditional. hyp_smccc_hypercallN: through
 * hyp_smccc_gate (any ID); hyp_psci_hypercallN: through hyp_psci_gate, PSCI
 * IDs only (HYP_EINVAL for others). A closed gate executes nothing.
 */
#ifndef HYP_ARM64_SMCCC_CALL_H
#define HYP_ARM64_SMCCC_CALL_H

#include <hyp/smccc.h>

#ifndef HYP_ARM64_HVC_INSN              /* a harness may put a trapping instruction here */
#define HYP_ARM64_HVC_INSN "hvc #0"
#endif
#ifndef HYP_ARM64_SMC_INSN
#define HYP_ARM64_SMC_INSN "smc #0"
#endif

#define HYP_SMCCC_R(n, v)   register unsigned long r##n __asm__("x" #n) = (v)
#define HYP_SMCCC_U(n)      register unsigned long r##n __asm__("x" #n)
#define HYP_SMCCC_DECL0     HYP_SMCCC_R(0, fid); HYP_SMCCC_U(1); HYP_SMCCC_U(2); HYP_SMCCC_U(3)
#define HYP_SMCCC_DECL1     HYP_SMCCC_R(0, fid); HYP_SMCCC_R(1, a1); HYP_SMCCC_U(2); HYP_SMCCC_U(3)
#define HYP_SMCCC_DECL2     HYP_SMCCC_R(0, fid); HYP_SMCCC_R(1, a1); HYP_SMCCC_R(2, a2); HYP_SMCCC_U(3)
#define HYP_SMCCC_DECL3     HYP_SMCCC_R(0, fid); HYP_SMCCC_R(1, a1); HYP_SMCCC_R(2, a2); HYP_SMCCC_R(3, a3)
#define HYP_SMCCC_DECL4     HYP_SMCCC_DECL3; HYP_SMCCC_R(4, a4)
#define HYP_SMCCC_DECL5     HYP_SMCCC_DECL4; HYP_SMCCC_R(5, a5)
#define HYP_SMCCC_DECL6     HYP_SMCCC_DECL5; HYP_SMCCC_R(6, a6)
#define HYP_SMCCC_DECL7     HYP_SMCCC_DECL6; HYP_SMCCC_R(7, a7)
#define HYP_SMCCC_OUT0      "+r"(r0), "=r"(r1), "=r"(r2), "=r"(r3)
#define HYP_SMCCC_OUT1      "+r"(r0), "+r"(r1), "=r"(r2), "=r"(r3)
#define HYP_SMCCC_OUT2      "+r"(r0), "+r"(r1), "+r"(r2), "=r"(r3)
#define HYP_SMCCC_OUT3      "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3)
#define HYP_SMCCC_IN4       "r"(r4)
#define HYP_SMCCC_IN5       HYP_SMCCC_IN4, "r"(r5)
#define HYP_SMCCC_IN6       HYP_SMCCC_IN5, "r"(r6)
#define HYP_SMCCC_IN7       HYP_SMCCC_IN6, "r"(r7)
#define HYP_SMCCC_CLOBBERS  "memory"
#define HYP_SMCCC_CLOBBERS_1_0 "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", \
			    "x13", "x14", "x15", "x16", "x17", "memory"
#define HYP_SMCCC_STORE     if (res) { res->a0 = r0; res->a1 = r1; res->a2 = r2; res->a3 = r3; } \
			    return (long)r0
#define HYP_SMCCC_ASM_0_3(insn, n, clob) __asm__ __volatile__(insn : HYP_SMCCC_OUT##n : : clob)
#define HYP_SMCCC_ASM_4_7(insn, n)  __asm__ __volatile__(insn : HYP_SMCCC_OUT3 : HYP_SMCCC_IN##n : HYP_SMCCC_CLOBBERS)

#define HYP_SMCCC_P0 uint32_t fid
#define HYP_SMCCC_P1 HYP_SMCCC_P0, unsigned long a1
#define HYP_SMCCC_P2 HYP_SMCCC_P1, unsigned long a2
#define HYP_SMCCC_P3 HYP_SMCCC_P2, unsigned long a3
#define HYP_SMCCC_P4 HYP_SMCCC_P3, unsigned long a4
#define HYP_SMCCC_P5 HYP_SMCCC_P4, unsigned long a5
#define HYP_SMCCC_P6 HYP_SMCCC_P5, unsigned long a6
#define HYP_SMCCC_P7 HYP_SMCCC_P6, unsigned long a7
#define HYP_SMCCC_LO(name, insn, n) static inline long name(HYP_SMCCC_P##n, struct hyp_smccc_res *res) \
	{ HYP_SMCCC_DECL##n; HYP_SMCCC_ASM_0_3(insn, n, HYP_SMCCC_CLOBBERS); HYP_SMCCC_STORE; }
#define HYP_SMCCC_HI(name, insn, n) static inline long name(HYP_SMCCC_P##n, struct hyp_smccc_res *res) \
	{ HYP_SMCCC_DECL##n; HYP_SMCCC_ASM_4_7(insn, n); HYP_SMCCC_STORE; }
#define HYP_SMCCC_V10(name, insn) static inline long name(HYP_SMCCC_P3, struct hyp_smccc_res *res) \
	{ HYP_SMCCC_DECL3; HYP_SMCCC_ASM_0_3(insn, 3, HYP_SMCCC_CLOBBERS_1_0); HYP_SMCCC_STORE; }

HYP_SMCCC_LO(hyp_smccc_hvc0, HYP_ARM64_HVC_INSN, 0)
HYP_SMCCC_LO(hyp_smccc_hvc1, HYP_ARM64_HVC_INSN, 1)
HYP_SMCCC_LO(hyp_smccc_hvc2, HYP_ARM64_HVC_INSN, 2)
HYP_SMCCC_LO(hyp_smccc_hvc3, HYP_ARM64_HVC_INSN, 3)
HYP_SMCCC_HI(hyp_smccc_hvc4, HYP_ARM64_HVC_INSN, 4)
HYP_SMCCC_HI(hyp_smccc_hvc5, HYP_ARM64_HVC_INSN, 5)
HYP_SMCCC_HI(hyp_smccc_hvc6, HYP_ARM64_HVC_INSN, 6)
HYP_SMCCC_HI(hyp_smccc_hvc7, HYP_ARM64_HVC_INSN, 7)
HYP_SMCCC_LO(hyp_smccc_smc0, HYP_ARM64_SMC_INSN, 0)
HYP_SMCCC_LO(hyp_smccc_smc1, HYP_ARM64_SMC_INSN, 1)
HYP_SMCCC_LO(hyp_smccc_smc2, HYP_ARM64_SMC_INSN, 2)
HYP_SMCCC_LO(hyp_smccc_smc3, HYP_ARM64_SMC_INSN, 3)
HYP_SMCCC_HI(hyp_smccc_smc4, HYP_ARM64_SMC_INSN, 4)
HYP_SMCCC_HI(hyp_smccc_smc5, HYP_ARM64_SMC_INSN, 5)
HYP_SMCCC_HI(hyp_smccc_smc6, HYP_ARM64_SMC_INSN, 6)
HYP_SMCCC_HI(hyp_smccc_smc7, HYP_ARM64_SMC_INSN, 7)
HYP_SMCCC_V10(hyp_smccc_hvc_v10, HYP_ARM64_HVC_INSN)
HYP_SMCCC_V10(hyp_smccc_smc_v10, HYP_ARM64_SMC_INSN)

/* Gated: the conduit the gate names, or the gate's error with nothing executed. */
#define HYP_SMCCC_A0
#define HYP_SMCCC_A1 , a1
#define HYP_SMCCC_A2 HYP_SMCCC_A1, a2
#define HYP_SMCCC_A3 HYP_SMCCC_A2, a3
#define HYP_SMCCC_A4 HYP_SMCCC_A3, a4
#define HYP_SMCCC_A5 HYP_SMCCC_A4, a5
#define HYP_SMCCC_A6 HYP_SMCCC_A5, a6
#define HYP_SMCCC_A7 HYP_SMCCC_A6, a7
#define HYP_SMCCC_GATED(name, gatevar, check, n) static inline long name(HYP_SMCCC_P##n, struct hyp_smccc_res *res) \
	{ unsigned int gate = hyp_gate_read(&gatevar); \
	  if (gate < HYP_GATE_OPEN) return hyp_gate_error(gate); \
	  if (!(check)) return HYP_EINVAL; \
	  if (gate == HYP_GATE_SMCCC_HVC) return hyp_smccc_hvc##n(fid HYP_SMCCC_A##n, res); \
	  return hyp_smccc_smc##n(fid HYP_SMCCC_A##n, res); }

HYP_SMCCC_GATED(hyp_smccc_hypercall0, hyp_smccc_gate, 1, 0)
HYP_SMCCC_GATED(hyp_smccc_hypercall1, hyp_smccc_gate, 1, 1)
HYP_SMCCC_GATED(hyp_smccc_hypercall2, hyp_smccc_gate, 1, 2)
HYP_SMCCC_GATED(hyp_smccc_hypercall3, hyp_smccc_gate, 1, 3)
HYP_SMCCC_GATED(hyp_smccc_hypercall4, hyp_smccc_gate, 1, 4)
HYP_SMCCC_GATED(hyp_smccc_hypercall5, hyp_smccc_gate, 1, 5)
HYP_SMCCC_GATED(hyp_smccc_hypercall6, hyp_smccc_gate, 1, 6)
HYP_SMCCC_GATED(hyp_smccc_hypercall7, hyp_smccc_gate, 1, 7)
HYP_SMCCC_GATED(hyp_psci_hypercall0, hyp_psci_gate, hyp_smccc_is_psci(fid), 0)
HYP_SMCCC_GATED(hyp_psci_hypercall1, hyp_psci_gate, hyp_smccc_is_psci(fid), 1)
HYP_SMCCC_GATED(hyp_psci_hypercall2, hyp_psci_gate, hyp_smccc_is_psci(fid), 2)
HYP_SMCCC_GATED(hyp_psci_hypercall3, hyp_psci_gate, hyp_smccc_is_psci(fid), 3)

/* SMCCC 1.2: x0-x17 in, x0-x17 out (the callee writes back what it does not use). */
#define HYP_SMCCC_REGS_BODY(insn) \
	register unsigned long x0 __asm__("x0") = in->x[0], x1 __asm__("x1") = in->x[1]; \
	register unsigned long x2 __asm__("x2") = in->x[2], x3 __asm__("x3") = in->x[3]; \
	register unsigned long x4 __asm__("x4") = in->x[4], x5 __asm__("x5") = in->x[5]; \
	register unsigned long x6 __asm__("x6") = in->x[6], x7 __asm__("x7") = in->x[7]; \
	register unsigned long x8 __asm__("x8") = in->x[8], x9 __asm__("x9") = in->x[9]; \
	register unsigned long x10 __asm__("x10") = in->x[10], x11 __asm__("x11") = in->x[11]; \
	register unsigned long x12 __asm__("x12") = in->x[12], x13 __asm__("x13") = in->x[13]; \
	register unsigned long x14 __asm__("x14") = in->x[14], x15 __asm__("x15") = in->x[15]; \
	register unsigned long x16 __asm__("x16") = in->x[16], x17 __asm__("x17") = in->x[17]; \
	__asm__ __volatile__(insn : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5), \
			     "+r"(x6), "+r"(x7), "+r"(x8), "+r"(x9), "+r"(x10), "+r"(x11), "+r"(x12), \
			     "+r"(x13), "+r"(x14), "+r"(x15), "+r"(x16), "+r"(x17) : : "memory"); \
	out->x[0] = x0; out->x[1] = x1; out->x[2] = x2; out->x[3] = x3; out->x[4] = x4; \
	out->x[5] = x5; out->x[6] = x6; out->x[7] = x7; out->x[8] = x8; out->x[9] = x9; \
	out->x[10] = x10; out->x[11] = x11; out->x[12] = x12; out->x[13] = x13; \
	out->x[14] = x14; out->x[15] = x15; out->x[16] = x16; out->x[17] = x17
static inline void hyp_smccc_hvc_regs(const struct hyp_smccc_regs *in, struct hyp_smccc_regs *out)
{ HYP_SMCCC_REGS_BODY(HYP_ARM64_HVC_INSN); }
static inline void hyp_smccc_smc_regs(const struct hyp_smccc_regs *in, struct hyp_smccc_regs *out)
{ HYP_SMCCC_REGS_BODY(HYP_ARM64_SMC_INSN); }

#endif /* HYP_ARM64_SMCCC_CALL_H */
