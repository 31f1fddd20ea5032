/* SPDX-License-Identifier: MIT */
/*
 * RISC-V SBI calls: `ecall` from S-mode (or VS-mode) to the SBI
 * implementation below, M-mode firmware or a hypervisor.
 *
 * Binary encoding (SBI spec v2.0, chapter 3): EID in a7, FID in a6,
 * arguments in a0-a5; the answer is a pair, error in a0 and value in a1.
 * "All registers except a0 & a1 must be preserved across an SBI call by the
 * callee": a0/a1 are outputs (inputs too when they carry arguments),
 * a2-a7 inputs only, and no other register is clobbered. Memory is, since
 * calls read and write buffers (DBCN, STA, HSM's opaque). Legacy EIDs 0x00-
 * 0x08 (chapter 5) ignore a6 and answer in a0 alone; the same stubs serve.
 *
 * hyp_sbi_ecallN: unconditional, header-only.
 * hyp_sbi_hypercallN: through the SBI gate; before hyp_init() error =
 * HYP_ENOTINIT, where the kernel opted out (M-mode) HYP_ENOHYP; no ecall.
 */
#ifndef HYP_RISCV_SBI_CALL_H
#define HYP_RISCV_SBI_CALL_H

#include <hyp/gate.h>

#ifdef __cplusplus
extern "C" {
#endif

extern unsigned char hyp_sbi_gate;      /* lib/riscv/sbi_detect.c */

struct hyp_sbiret {
	long error;     /* a0: HYP_SBI_SUCCESS or HYP_SBI_ERR_* (gated: or HYP_ENOTINIT/HYP_ENOHYP) */
	long value;     /* a1 */
};

/* Registers: a7 = EID, a6 = FID, a0..a5 = p0..p5; outputs a0, a1. */
#define HYP_SBI_R(n, reg, v)   register unsigned long _r##n __asm__(reg) = (unsigned long)(v)
#define HYP_SBI_DECL_0  HYP_SBI_R(7, "a7", eid); HYP_SBI_R(6, "a6", fid); \
			register unsigned long _r0 __asm__("a0"); register unsigned long _r1 __asm__("a1")
#define HYP_SBI_DECL_1  HYP_SBI_R(7, "a7", eid); HYP_SBI_R(6, "a6", fid); HYP_SBI_R(0, "a0", p0); \
			register unsigned long _r1 __asm__("a1")
#define HYP_SBI_DECL_2  HYP_SBI_R(7, "a7", eid); HYP_SBI_R(6, "a6", fid); HYP_SBI_R(0, "a0", p0); \
			HYP_SBI_R(1, "a1", p1)
#define HYP_SBI_DECL_3  HYP_SBI_DECL_2; HYP_SBI_R(2, "a2", p2)
#define HYP_SBI_DECL_4  HYP_SBI_DECL_3; HYP_SBI_R(3, "a3", p3)
#define HYP_SBI_DECL_5  HYP_SBI_DECL_4; HYP_SBI_R(4, "a4", p4)
#define HYP_SBI_DECL_6  HYP_SBI_DECL_5; HYP_SBI_R(5, "a5", p5)
/* Operand chains: a0/a1 written (0 args), a0 read-write (1), both (2+). */
#define HYP_SBI_OUT_0   "=r"(_r0), "=r"(_r1)
#define HYP_SBI_OUT_1   "+r"(_r0), "=r"(_r1)
#define HYP_SBI_OUT_2   "+r"(_r0), "+r"(_r1)
#define HYP_SBI_OUT_3   HYP_SBI_OUT_2
#define HYP_SBI_OUT_4   HYP_SBI_OUT_2
#define HYP_SBI_OUT_5   HYP_SBI_OUT_2
#define HYP_SBI_OUT_6   HYP_SBI_OUT_2
#define HYP_SBI_IN_0    "r"(_r7), "r"(_r6)
#define HYP_SBI_IN_1    HYP_SBI_IN_0
#define HYP_SBI_IN_2    HYP_SBI_IN_0
#define HYP_SBI_IN_3    HYP_SBI_IN_2, "r"(_r2)
#define HYP_SBI_IN_4    HYP_SBI_IN_3, "r"(_r3)
#define HYP_SBI_IN_5    HYP_SBI_IN_4, "r"(_r4)
#define HYP_SBI_IN_6    HYP_SBI_IN_5, "r"(_r5)
#define HYP_SBI_CLOBBER "memory"

#define HYP_SBI_P0
#define HYP_SBI_P1  , unsigned long p0
#define HYP_SBI_P2  HYP_SBI_P1, unsigned long p1
#define HYP_SBI_P3  HYP_SBI_P2, unsigned long p2
#define HYP_SBI_P4  HYP_SBI_P3, unsigned long p3
#define HYP_SBI_P5  HYP_SBI_P4, unsigned long p4
#define HYP_SBI_P6  HYP_SBI_P5, unsigned long p5
#define HYP_SBI_A0
#define HYP_SBI_A1  , p0
#define HYP_SBI_A2  HYP_SBI_A1, p1
#define HYP_SBI_A3  HYP_SBI_A2, p2
#define HYP_SBI_A4  HYP_SBI_A3, p3
#define HYP_SBI_A5  HYP_SBI_A4, p4
#define HYP_SBI_A6  HYP_SBI_A5, p5

#define HYP_SBI_ECALL(n) \
static inline struct hyp_sbiret hyp_sbi_ecall##n(unsigned long eid, unsigned long fid HYP_SBI_P##n) \
{ \
	struct hyp_sbiret ret; \
	HYP_SBI_DECL_##n; \
	__asm__ __volatile__("ecall" : HYP_SBI_OUT_##n : HYP_SBI_IN_##n : HYP_SBI_CLOBBER); \
	ret.error = (long)_r0; \
	ret.value = (long)_r1; \
	return ret; \
}

#define HYP_SBI_GATED(n) \
static inline struct hyp_sbiret hyp_sbi_hypercall##n(unsigned long eid, unsigned long fid HYP_SBI_P##n) \
{ \
	unsigned int gate = hyp_gate_read(&hyp_sbi_gate); \
	struct hyp_sbiret closed = { 0, 0 }; \
	if (gate < HYP_GATE_OPEN) { \
		closed.error = hyp_gate_error(gate); \
		return closed; \
	} \
	return hyp_sbi_ecall##n(eid, fid HYP_SBI_A##n); \
}

HYP_SBI_ECALL(0)        /* hyp_sbi_ecall0(eid, fid) */
HYP_SBI_ECALL(1)        /* hyp_sbi_ecall1(eid, fid, p0) */
HYP_SBI_ECALL(2)        /* hyp_sbi_ecall2(eid, fid, p0, p1) */
HYP_SBI_ECALL(3)        /* hyp_sbi_ecall3(eid, fid, p0, p1, p2) */
HYP_SBI_ECALL(4)        /* hyp_sbi_ecall4(eid, fid, p0, p1, p2, p3) */
HYP_SBI_ECALL(5)        /* hyp_sbi_ecall5(eid, fid, p0, p1, p2, p3, p4) */
HYP_SBI_ECALL(6)        /* hyp_sbi_ecall6(eid, fid, p0, p1, p2, p3, p4, p5) */
HYP_SBI_GATED(0)        /* hyp_sbi_hypercall0(eid, fid) */
HYP_SBI_GATED(1)        /* hyp_sbi_hypercall1(eid, fid, p0) */
HYP_SBI_GATED(2)        /* hyp_sbi_hypercall2(eid, fid, p0, p1) */
HYP_SBI_GATED(3)        /* hyp_sbi_hypercall3(eid, fid, p0, p1, p2) */
HYP_SBI_GATED(4)        /* hyp_sbi_hypercall4(eid, fid, p0, p1, p2, p3) */
HYP_SBI_GATED(5)        /* hyp_sbi_hypercall5(eid, fid, p0, p1, p2, p3, p4) */
HYP_SBI_GATED(6)        /* hyp_sbi_hypercall6(eid, fid, p0, p1, p2, p3, p4, p5) */

#ifdef __cplusplus
}
#endif

#endif /* HYP_RISCV_SBI_CALL_H */
