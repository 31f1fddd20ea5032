/* SPDX-License-Identifier: MIT */
/*
 * Call-site benchmark, aarch64 SMCCC and Xen on Arm. See tests/bench/README.md:
 * lib__X calls libhyp, ref__X is the minimal asm (SMCCC: w0 fid, x1..xN
 * arguments, x0-x3 results stored to *res when non-NULL; Xen: x16 op,
 * x0..x4 arguments, x0-x4 and x16 clobbered), gref__X adds the gate by hand.
 */
#if defined(__aarch64__) && __has_include(<hyp/arm64/smccc_call.h>)
#include <hyp/hyp.h>

#define SP0 (uint32_t fid, struct hyp_smccc_res *res)
#define SP1 (uint32_t fid, unsigned long a1, struct hyp_smccc_res *res)
#define SP2 (uint32_t fid, unsigned long a1, unsigned long a2, struct hyp_smccc_res *res)
#define SP3 (uint32_t fid, unsigned long a1, unsigned long a2, unsigned long a3, struct hyp_smccc_res *res)
#define SP7 (uint32_t fid, unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4, \
	     unsigned long a5, unsigned long a6, unsigned long a7, struct hyp_smccc_res *res)
#define SA0 (fid, res)
#define SA1 (fid, a1, res)
#define SA2 (fid, a1, a2, res)
#define SA3 (fid, a1, a2, a3, res)
#define SA7 (fid, a1, a2, a3, a4, a5, a6, a7, res)
#define LIB(name, n) long lib__hyp_smccc_##name##n SP##n { return hyp_smccc_##name##n SA##n; }
LIB(hvc, 0) LIB(hvc, 1) LIB(hvc, 2) LIB(hvc, 3) LIB(hvc, 7)
LIB(smc, 0) LIB(smc, 3)
LIB(hypercall, 0) LIB(hypercall, 1) LIB(hypercall, 2) LIB(hypercall, 3) LIB(hypercall, 7)

#define R(n, v) register unsigned long x##n __asm__("x" #n) = (v)
#define U(n) register unsigned long x##n __asm__("x" #n)
#define REGS0 R(0, fid); U(1); U(2); U(3)
#define REGS1 R(0, fid); R(1, a1); U(2); U(3)
#define REGS2 R(0, fid); R(1, a1); R(2, a2); U(3)
#define REGS3 R(0, fid); R(1, a1); R(2, a2); R(3, a3)
#define REGS7 REGS3; R(4, a4); R(5, a5); R(6, a6); R(7, a7)
#define OUT0 "+r"(x0), "=r"(x1), "=r"(x2), "=r"(x3)
#define OUT1 "+r"(x0), "+r"(x1), "=r"(x2), "=r"(x3)
#define OUT2 "+r"(x0), "+r"(x1), "+r"(x2), "=r"(x3)
#define OUT3 "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
#define OUT7 OUT3
#define IN0
#define IN1
#define IN2
#define IN3
#define IN7 "r"(x4), "r"(x5), "r"(x6), "r"(x7)
#define STORE if (res) { res->a0 = x0; res->a1 = x1; res->a2 = x2; res->a3 = x3; } return (long)x0
#define ASM(insn, n) __asm__ __volatile__(insn : OUT##n : IN##n : "memory")
#define REF(name, insn, n) long ref__hyp_smccc_##name##n SP##n { REGS##n; ASM(insn, n); STORE; }
REF(hvc, "hvc #0", 0) REF(hvc, "hvc #0", 1) REF(hvc, "hvc #0", 2) REF(hvc, "hvc #0", 3) REF(hvc, "hvc #0", 7)
REF(smc, "smc #0", 0) REF(smc, "smc #0", 3)
REF(hypercall, "hvc #0", 0) REF(hypercall, "hvc #0", 1) REF(hypercall, "hvc #0", 2)
REF(hypercall, "hvc #0", 3) REF(hypercall, "hvc #0", 7)

/* The gate by hand: closed -> its error; 2 -> hvc, else smc. */
#define GREF(n) long gref__hyp_smccc_hypercall##n SP##n \
	{ \
		unsigned char g = __atomic_load_n(&hyp_smccc_gate, __ATOMIC_RELAXED); \
		if (g < 2) \
			return g ? HYP_ENOHYP : HYP_ENOTINIT; \
		if (g == 2) { REGS##n; ASM("hvc #0", n); STORE; } \
		{ REGS##n; ASM("smc #0", n); STORE; } \
	}
GREF(0) GREF(1) GREF(2) GREF(3) GREF(7)

/* ---- Xen on Arm ---- */
#define XP0 (unsigned int op)
#define XP2 (unsigned int op, unsigned long a1, unsigned long a2)
#define XP5 (unsigned int op, unsigned long a1, unsigned long a2, unsigned long a3, \
	     unsigned long a4, unsigned long a5)
#define XA0 (op)
#define XA2 (op, a1, a2)
#define XA5 (op, a1, a2, a3, a4, a5)
#define XLIB(name, n) long lib__hyp_xen_##name##n XP##n { return hyp_xen_##name##n XA##n; }
XLIB(hvc, 0) XLIB(hvc, 2) XLIB(hvc, 5) XLIB(hypercall, 0) XLIB(hypercall, 2) XLIB(hypercall, 5)
#define XREGS0 R(16, op); U(0); U(1); U(2); U(3); U(4)
#define XREGS2 R(16, op); R(0, a1); R(1, a2); U(2); U(3); U(4)
#define XREGS5 R(16, op); R(0, a1); R(1, a2); R(2, a3); R(3, a4); R(4, a5)
#define XOUT0 "+r"(x16), "=r"(x0), "=r"(x1), "=r"(x2), "=r"(x3), "=r"(x4)
#define XOUT2 "+r"(x16), "+r"(x0), "+r"(x1), "=r"(x2), "=r"(x3), "=r"(x4)
#define XOUT5 "+r"(x16), "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4)
#define XASM(n) __asm__ __volatile__("hvc #0xea1" : XOUT##n : : "memory")
#define XREF(name, n) long ref__hyp_xen_##name##n XP##n { XREGS##n; XASM(n); return (long)x0; }
XREF(hvc, 0) XREF(hvc, 2) XREF(hvc, 5) XREF(hypercall, 0) XREF(hypercall, 2) XREF(hypercall, 5)
#define XGREF(n) long gref__hyp_xen_hypercall##n XP##n \
	{ \
		unsigned char g = __atomic_load_n(&hyp_xen_gate, __ATOMIC_RELAXED); \
		if (g < 2) \
			return g ? HYP_ENOHYP : HYP_ENOTINIT; \
		XREGS##n; \
		XASM(n); \
		return (long)x0; \
	}
XGREF(0) XGREF(2) XGREF(5)
#endif
