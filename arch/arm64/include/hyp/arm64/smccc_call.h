/* SPDX-License-Identifier: MIT */
/*
 * SMCCC stubs, AArch64 (Arm DEN0028, "SMC64/HVC64 argument passing", "Results"):
 *   w0 function ID | x1-x7 arguments (1.2: x1-x17) | x0-x3 results (1.2: x0-x17)
 *   x4-x17 preserved since SMCCC 1.1 (1.2: unless they carry results); SMCCC 1.0
 *   left x4-x17 corruptible: the _v10 stubs (discovery, before SMCCC_VERSION
 *   is known) clobber them. x18-x30, sp and SIMD state are preserved always.
 * Conduits: `hvc #0` (to EL2) and `smc #0` (to EL3); the immediate is 0.
 * Register table: r0..r7 = x0..x7, results copied to *res when res != NULL;
 * the 1.2 _regs stubs load x0-x17 from *in and store them to *out in the asm.
 * hyp_smccc_hvcN / hyp_smccc_smcN: unconditional. hyp_smccc_hypercallN: through
 * hyp_smccc_gate (any ID); hyp_psci_hypercallN: through hyp_psci_gate, PSCI
 * IDs only (HYP_EINVAL for others). A closed gate executes nothing.
 */
#ifndef HYP_ARM64_SMCCC_CALL_H
#define HYP_ARM64_SMCCC_CALL_H

#include <hyp/smccc.h>
#include <hyp/stub.h>

#ifndef HYP_ARM64_HVC_INSN              /* a harness may put a trapping instruction here */
#define HYP_ARM64_HVC_INSN "hvc #0"
#endif
#ifndef HYP_ARM64_SMC_INSN
#define HYP_ARM64_SMC_INSN "smc #0"
#endif

#define HYP_SMCCC_R(n, v)   register unsigned long r##n __asm__("x" #n) = (v)
#define HYP_SMCCC_U(n)      register unsigned long r##n __asm__("x" #n)
#define HYP_SMCCC_DECL0     HYP_SMCCC_R(0, fid); HYP_SMCCC_U(1); HYP_SMCCC_U(2); HYP_SMCCC_U(3)
#define HYP_SMCCC_DECL1     HYP_SMCCC_R(0, fid); HYP_SMCCC_R(1, p1); HYP_SMCCC_U(2); HYP_SMCCC_U(3)
#define HYP_SMCCC_DECL2     HYP_SMCCC_R(0, fid); HYP_SMCCC_R(1, p1); HYP_SMCCC_R(2, p2); HYP_SMCCC_U(3)
#define HYP_SMCCC_DECL3     HYP_SMCCC_R(0, fid); HYP_SMCCC_R(1, p1); HYP_SMCCC_R(2, p2); HYP_SMCCC_R(3, p3)
#define HYP_SMCCC_DECL4     HYP_SMCCC_DECL3; HYP_SMCCC_R(4, p4)
#define HYP_SMCCC_DECL5     HYP_SMCCC_DECL4; HYP_SMCCC_R(5, p5)
#define HYP_SMCCC_DECL6     HYP_SMCCC_DECL5; HYP_SMCCC_R(6, p6)
#define HYP_SMCCC_DECL7     HYP_SMCCC_DECL6; HYP_SMCCC_R(7, p7)
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
/* insn is an asm template string: it cannot take parentheses. */
/* NOLINTNEXTLINE(bugprone-macro-parentheses) */
#define HYP_SMCCC_ASM_0_3(insn, n, ...) __asm__ __volatile__(insn : HYP_SMCCC_OUT##n : : __VA_ARGS__)
/* NOLINTNEXTLINE(bugprone-macro-parentheses) */
#define HYP_SMCCC_ASM_4_7(insn, n)  __asm__ __volatile__(insn : HYP_SMCCC_OUT3 : HYP_SMCCC_IN##n : HYP_SMCCC_CLOBBERS)

#define HYP_SMCCC_LO(name, insn, n) static inline long name(uint32_t fid HYP_STUB_PARAMS##n, struct hyp_smccc_res *res) \
	{ HYP_SMCCC_DECL##n; HYP_SMCCC_ASM_0_3(insn, n, HYP_SMCCC_CLOBBERS); HYP_SMCCC_STORE; }
#define HYP_SMCCC_HI(name, insn, n) static inline long name(uint32_t fid HYP_STUB_PARAMS##n, struct hyp_smccc_res *res) \
	{ HYP_SMCCC_DECL##n; HYP_SMCCC_ASM_4_7(insn, n); HYP_SMCCC_STORE; }
#define HYP_SMCCC_V10(name, insn) static inline long name(uint32_t fid HYP_STUB_PARAMS3, struct hyp_smccc_res *res) \
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
#define HYP_SMCCC_GATED(name, gatevar, check, n) static inline long name(uint32_t fid HYP_STUB_PARAMS##n, struct hyp_smccc_res *res) \
	{ HYP_GATE_CHECK(gatevar); \
	  if (!(check)) return HYP_EINVAL; \
	  if (gate == HYP_GATE_SMCCC_HVC) return hyp_smccc_hvc##n(fid HYP_STUB_ARGS##n, res); \
	  return hyp_smccc_smc##n(fid HYP_STUB_ARGS##n, res); }

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

/* SMCCC 1.2: x0-x17 loaded from *in, stored to *out after the call (x0-x17 clobbered). */
#define HYP_SMCCC_REGS_BODY(insn) __asm__ __volatile__( \
	"ldp x0, x1, [%0]\n\tldp x2, x3, [%0, #16]\n\tldp x4, x5, [%0, #32]\n\t" \
	"ldp x6, x7, [%0, #48]\n\tldp x8, x9, [%0, #64]\n\tldp x10, x11, [%0, #80]\n\t" \
	"ldp x12, x13, [%0, #96]\n\tldp x14, x15, [%0, #112]\n\tldp x16, x17, [%0, #128]\n\t" \
	insn "\n\t" \
	"stp x0, x1, [%1]\n\tstp x2, x3, [%1, #16]\n\tstp x4, x5, [%1, #32]\n\t" \
	"stp x6, x7, [%1, #48]\n\tstp x8, x9, [%1, #64]\n\tstp x10, x11, [%1, #80]\n\t" \
	"stp x12, x13, [%1, #96]\n\tstp x14, x15, [%1, #112]\n\tstp x16, x17, [%1, #128]" \
	: : "r"(in), "r"(out) \
	: "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", \
	  "x13", "x14", "x15", "x16", "x17", "memory")
static inline void hyp_smccc_hvc_regs(const struct hyp_smccc_regs *in, struct hyp_smccc_regs *out)
{ HYP_SMCCC_REGS_BODY(HYP_ARM64_HVC_INSN); }
static inline void hyp_smccc_smc_regs(const struct hyp_smccc_regs *in, struct hyp_smccc_regs *out)
{ HYP_SMCCC_REGS_BODY(HYP_ARM64_SMC_INSN); }

#endif /* HYP_ARM64_SMCCC_CALL_H */
