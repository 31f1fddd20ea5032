/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for arch/riscv/include/hyp/riscv/sbi_call.h (found first on
 * the include path of the host SBI harness and fuzzer, built with __riscv
 * and __riscv_xlen defined): the same names, each ecall a call of
 * host_sbi_ecall(), the test's SBI implementation (arguments a0-a5, EID
 * a7, FID a6; the answer's error a0, value a1, as SBI v2.0 chapter 3).
 */
#ifndef HYP_RISCV_SBI_CALL_H
#define HYP_RISCV_SBI_CALL_H

#include <hyp/gate.h>
#include <hyp/stub.h>

#ifdef __cplusplus
extern "C" {
#endif

extern unsigned char hyp_sbi_gate;

struct hyp_sbiret {
	long error;
	long value;
};

struct hyp_sbiret host_sbi_ecall(unsigned long eid, unsigned long fid, unsigned long a0,
				 unsigned long a1, unsigned long a2, unsigned long a3,
				 unsigned long a4, unsigned long a5);

#define HOST_SBI_STUB(name, n, ...)                                             \
	static inline struct hyp_sbiret name(unsigned long eid, unsigned long fid \
					     HYP_STUB_PARAMS##n)                 \
	{                                                                       \
		return host_sbi_ecall(eid, fid, __VA_ARGS__);                   \
	}

HOST_SBI_STUB(hyp_sbi_ecall0, 0, 0, 0, 0, 0, 0, 0)
HOST_SBI_STUB(hyp_sbi_ecall1, 1, p1, 0, 0, 0, 0, 0)
HOST_SBI_STUB(hyp_sbi_ecall2, 2, p1, p2, 0, 0, 0, 0)
HOST_SBI_STUB(hyp_sbi_ecall3, 3, p1, p2, p3, 0, 0, 0)
HOST_SBI_STUB(hyp_sbi_ecall4, 4, p1, p2, p3, p4, 0, 0)
HOST_SBI_STUB(hyp_sbi_ecall5, 5, p1, p2, p3, p4, p5, 0)
HOST_SBI_STUB(hyp_sbi_ecall6, 6, p1, p2, p3, p4, p5, p6)

#ifdef __cplusplus
}
#endif

#endif /* HYP_RISCV_SBI_CALL_H */
