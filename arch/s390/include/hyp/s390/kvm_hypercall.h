/* SPDX-License-Identifier: MIT */
/*
 * s390x KVM hypercall stubs: DIAGNOSE 0x500.
 *
 * ABI (Linux Documentation/virt/kvm/s390/s390-diag.rst): the
 * instruction is DIAGNOSE (RS-a, opcode 0x83) whose second-operand address
 * is 0x500; the R1/R3 fields are not used. Hypercall number (subcode) in r1,
 * arguments 1-6 in r2-r7, result in r2. No other register is changed; the
 * condition code and memory may be (virtio rings, buffers).
 *
 * A subcode nobody serves raises a specification exception in the guest:
 * <hyp/kvm.h> lists what each host serves and the checked call.
 *
 * hyp_kvm_diag500_N: unconditional, header-only.
 * hyp_kvm_hypercallN: the same through hyp_kvm_gate (<hyp/gate.h>).
 */
#ifndef HYP_S390_KVM_HYPERCALL_H
#define HYP_S390_KVM_HYPERCALL_H

#include <hyp/config.h>
#include <hyp/gate.h>
#include <hyp/stub.h>

#ifndef HYP_S390_DIAG500_INSN
#define HYP_S390_DIAG500_INSN   "diag 0,0,0x500"
#endif

/* The register each argument travels in (r2 carries p1 and the result). */
#define HYP_S390_KVM_REGS0      register unsigned long r1 __asm__("r1") = nr; \
				register long r2 __asm__("r2");
#define HYP_S390_KVM_REGS1      register unsigned long r1 __asm__("r1") = nr; \
				register long r2 __asm__("r2") = (long)p1;
#define HYP_S390_KVM_REGS2      HYP_S390_KVM_REGS1 register unsigned long r3 __asm__("r3") = p2;
#define HYP_S390_KVM_REGS3      HYP_S390_KVM_REGS2 register unsigned long r4 __asm__("r4") = p3;
#define HYP_S390_KVM_REGS4      HYP_S390_KVM_REGS3 register unsigned long r5 __asm__("r5") = p4;
#define HYP_S390_KVM_REGS5      HYP_S390_KVM_REGS4 register unsigned long r6 __asm__("r6") = p5;
#define HYP_S390_KVM_REGS6      HYP_S390_KVM_REGS5 register unsigned long r7 __asm__("r7") = p6;
#define HYP_S390_KVM_OUT0       "=d"(r2)
#define HYP_S390_KVM_OUT1       "+d"(r2)
#define HYP_S390_KVM_OUT2       HYP_S390_KVM_OUT1
#define HYP_S390_KVM_OUT3       HYP_S390_KVM_OUT1
#define HYP_S390_KVM_OUT4       HYP_S390_KVM_OUT1
#define HYP_S390_KVM_OUT5       HYP_S390_KVM_OUT1
#define HYP_S390_KVM_OUT6       HYP_S390_KVM_OUT1
#define HYP_S390_KVM_IN0        "d"(r1)
#define HYP_S390_KVM_IN1        HYP_S390_KVM_IN0
#define HYP_S390_KVM_IN2        HYP_S390_KVM_IN1, "d"(r3)
#define HYP_S390_KVM_IN3        HYP_S390_KVM_IN2, "d"(r4)
#define HYP_S390_KVM_IN4        HYP_S390_KVM_IN3, "d"(r5)
#define HYP_S390_KVM_IN5        HYP_S390_KVM_IN4, "d"(r6)
#define HYP_S390_KVM_IN6        HYP_S390_KVM_IN5, "d"(r7)

/* Result in r2; every other register survives; condition code and memory may change. */
#define HYP_S390_KVM_STUB(name, n)                                              \
	static inline long name(unsigned int nr HYP_STUB_PARAMS##n)             \
	{                                                                       \
		HYP_S390_KVM_REGS##n                                            \
		__asm__ __volatile__(HYP_S390_DIAG500_INSN                      \
				     : HYP_S390_KVM_OUT##n                      \
				     : HYP_S390_KVM_IN##n                       \
				     : "cc", "memory");                         \
		return r2;                                                      \
	}

#define HYP_S390_KVM_GATED(name, n)                                             \
	static inline long name(unsigned int nr HYP_STUB_PARAMS##n)             \
	{                                                                       \
		unsigned int gate = hyp_gate_read(&hyp_kvm_gate);               \
                                                                                \
		if (gate >= HYP_GATE_OPEN)      /* open first: 7 instructions less with gcc */ \
			return hyp_kvm_diag500_##n(nr HYP_STUB_ARGS##n);        \
		return hyp_gate_error(gate);                                    \
	}

HYP_S390_KVM_STUB(hyp_kvm_diag500_0, 0)
HYP_S390_KVM_STUB(hyp_kvm_diag500_1, 1)
HYP_S390_KVM_STUB(hyp_kvm_diag500_2, 2)
HYP_S390_KVM_STUB(hyp_kvm_diag500_3, 3)
HYP_S390_KVM_STUB(hyp_kvm_diag500_4, 4)
HYP_S390_KVM_STUB(hyp_kvm_diag500_5, 5)
HYP_S390_KVM_STUB(hyp_kvm_diag500_6, 6)
HYP_S390_KVM_GATED(hyp_kvm_hypercall0, 0)
HYP_S390_KVM_GATED(hyp_kvm_hypercall1, 1)
HYP_S390_KVM_GATED(hyp_kvm_hypercall2, 2)
HYP_S390_KVM_GATED(hyp_kvm_hypercall3, 3)
HYP_S390_KVM_GATED(hyp_kvm_hypercall4, 4)
HYP_S390_KVM_GATED(hyp_kvm_hypercall5, 5)
HYP_S390_KVM_GATED(hyp_kvm_hypercall6, 6)

#endif /* HYP_S390_KVM_HYPERCALL_H */
