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

#include <hyp/config.h>
#include <hyp/gate.h>
#include <hyp/stub.h>

#ifdef __cplusplus
extern "C" {
#endif

extern unsigned char hyp_sbi_gate;      /* lib/riscv/sbi_detect.c */

struct hyp_sbiret {
	long error;     /* a0: HYP_SBI_SUCCESS or HYP_SBI_ERR_* (gated: or HYP_ENOTINIT/HYP_ENOHYP) */
	long value;     /* a1 */
};

#ifndef HYP_RISCV_ECALL_INSN
#define HYP_RISCV_ECALL_INSN    "ecall"
#endif

/* a0/a1 carry p1/p2 in and error/value out; a2-a5 carry p3-p6 in only. */
#define HYP_SBI_REGS0       register unsigned long a0 __asm__("a0"); \
			    register unsigned long a1 __asm__("a1");
#define HYP_SBI_REGS1       register unsigned long a0 __asm__("a0") = p1; \
			    register unsigned long a1 __asm__("a1");
#define HYP_SBI_REGS2       register unsigned long a0 __asm__("a0") = p1; \
			    register unsigned long a1 __asm__("a1") = p2;
#define HYP_SBI_REGS3       HYP_SBI_REGS2 register unsigned long a2 __asm__("a2") = p3;
#define HYP_SBI_REGS4       HYP_SBI_REGS3 register unsigned long a3 __asm__("a3") = p4;
#define HYP_SBI_REGS5       HYP_SBI_REGS4 register unsigned long a4 __asm__("a4") = p5;
#define HYP_SBI_REGS6       HYP_SBI_REGS5 register unsigned long a5 __asm__("a5") = p6;
#define HYP_SBI_OUT0        "=r"(a0), "=r"(a1)
#define HYP_SBI_OUT1        "+r"(a0), "=r"(a1)
#define HYP_SBI_OUT2        "+r"(a0), "+r"(a1)
#define HYP_SBI_OUT3        HYP_SBI_OUT2
#define HYP_SBI_OUT4        HYP_SBI_OUT2
#define HYP_SBI_OUT5        HYP_SBI_OUT2
#define HYP_SBI_OUT6        HYP_SBI_OUT2
#define HYP_SBI_IN0
#define HYP_SBI_IN1
#define HYP_SBI_IN2
#define HYP_SBI_IN3         , "r"(a2)
#define HYP_SBI_IN4         HYP_SBI_IN3, "r"(a3)
#define HYP_SBI_IN5         HYP_SBI_IN4, "r"(a4)
#define HYP_SBI_IN6         HYP_SBI_IN5, "r"(a5)

/* EID a7 and FID a6 in; error a0, value a1 out; memory the only clobber. */
#define HYP_SBI_STUB(name, n)                                                   \
	static inline struct hyp_sbiret name(unsigned long eid, unsigned long fid \
					     HYP_STUB_PARAMS##n)                 \
	{                                                                       \
		register unsigned long a7 __asm__("a7") = eid;                  \
		register unsigned long a6 __asm__("a6") = fid;                  \
		HYP_SBI_REGS##n                                                 \
		struct hyp_sbiret ret;                                          \
		__asm__ __volatile__(HYP_RISCV_ECALL_INSN                       \
				     : HYP_SBI_OUT##n                           \
				     : "r"(a7), "r"(a6) HYP_SBI_IN##n           \
				     : "memory");                               \
		ret.error = (long)a0;                                           \
		ret.value = (long)a1;                                           \
		return ret;                                                     \
	}

#define HYP_SBI_GATED(name, n)                                                  \
	static inline struct hyp_sbiret name(unsigned long eid, unsigned long fid \
					     HYP_STUB_PARAMS##n)                 \
	{                                                                       \
		unsigned int gate = hyp_gate_read(&hyp_sbi_gate);               \
		struct hyp_sbiret closed = { 0, 0 };                            \
                                                                                \
		if (gate < HYP_GATE_OPEN) {                                     \
			closed.error = hyp_gate_error(gate);                    \
			return closed;                                          \
		}                                                               \
		return hyp_sbi_ecall##n(eid, fid HYP_STUB_ARGS##n);              \
	}

HYP_SBI_STUB(hyp_sbi_ecall0, 0)
HYP_SBI_STUB(hyp_sbi_ecall1, 1)
HYP_SBI_STUB(hyp_sbi_ecall2, 2)
HYP_SBI_STUB(hyp_sbi_ecall3, 3)
HYP_SBI_STUB(hyp_sbi_ecall4, 4)
HYP_SBI_STUB(hyp_sbi_ecall5, 5)
HYP_SBI_STUB(hyp_sbi_ecall6, 6)
HYP_SBI_GATED(hyp_sbi_hypercall0, 0)
HYP_SBI_GATED(hyp_sbi_hypercall1, 1)
HYP_SBI_GATED(hyp_sbi_hypercall2, 2)
HYP_SBI_GATED(hyp_sbi_hypercall3, 3)
HYP_SBI_GATED(hyp_sbi_hypercall4, 4)
HYP_SBI_GATED(hyp_sbi_hypercall5, 5)
HYP_SBI_GATED(hyp_sbi_hypercall6, 6)

#ifdef __cplusplus
}
#endif

#endif /* HYP_RISCV_SBI_CALL_H */
