/* SPDX-License-Identifier: MIT */
/*
 * s390x KVM hypercall stubs: DIAGNOSE 0x500.
 *
 * ABI (seed 000; Linux Documentation/virt/kvm/s390/s390-diag.rst): the
 * instruction is DIAGNOSE (RS-a, opcode 0x83) whose second-operand address
 * is 0x500; the R1/R3 fields are not used. Hypercall number (subcode) in r1,
 * arguments 1-6 in r2-r7, result in r2. No other register is changed; the
 * condition code and memory may be (virtio rings, buffers).
 *
 * Subcodes are served by KVM's userspace, except 3 (virtio-ccw notify) which
 * KVM itself may serve through an ioeventfd. A subcode nobody serves raises
 * a specification exception (program interruption code 6) in the guest; see
 * <hyp/hyp.h> (s390 section) for the codes each detected host serves and the
 * checked call that refuses the others.
 *
 * hyp_kvm_diag500_N: unconditional, header-only.
 * hyp_kvm_hypercallN: the same instruction if hyp_init() opened the KVM
 * gate, else HYP_ENOTINIT / HYP_ENOHYP with no instruction executed.
 */
#ifndef HYP_S390_KVM_HYPERCALL_H
#define HYP_S390_KVM_HYPERCALL_H

#include <hyp/gate.h>

#ifndef HYP_S390_DIAG500_INSN
#define HYP_S390_DIAG500_INSN   "diag 0,0,0x500"
#endif

static inline long hyp_kvm_diag500_0(unsigned int nr)
{
	register unsigned long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2");

	__asm__ __volatile__(HYP_S390_DIAG500_INSN
			     : "=d"(r2)
			     : "d"(r1)
			     : "cc", "memory");
	return r2;
}

static inline long hyp_kvm_diag500_1(unsigned int nr, unsigned long p1)
{
	register unsigned long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = (long)p1;

	__asm__ __volatile__(HYP_S390_DIAG500_INSN
			     : "+d"(r2)
			     : "d"(r1)
			     : "cc", "memory");
	return r2;
}

static inline long hyp_kvm_diag500_2(unsigned int nr, unsigned long p1,
				     unsigned long p2)
{
	register unsigned long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = (long)p1;
	register unsigned long r3 __asm__("r3") = p2;

	__asm__ __volatile__(HYP_S390_DIAG500_INSN
			     : "+d"(r2)
			     : "d"(r1), "d"(r3)
			     : "cc", "memory");
	return r2;
}

static inline long hyp_kvm_diag500_3(unsigned int nr, unsigned long p1,
				     unsigned long p2, unsigned long p3)
{
	register unsigned long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = (long)p1;
	register unsigned long r3 __asm__("r3") = p2;
	register unsigned long r4 __asm__("r4") = p3;

	__asm__ __volatile__(HYP_S390_DIAG500_INSN
			     : "+d"(r2)
			     : "d"(r1), "d"(r3), "d"(r4)
			     : "cc", "memory");
	return r2;
}

static inline long hyp_kvm_diag500_4(unsigned int nr, unsigned long p1,
				     unsigned long p2, unsigned long p3,
				     unsigned long p4)
{
	register unsigned long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = (long)p1;
	register unsigned long r3 __asm__("r3") = p2;
	register unsigned long r4 __asm__("r4") = p3;
	register unsigned long r5 __asm__("r5") = p4;

	__asm__ __volatile__(HYP_S390_DIAG500_INSN
			     : "+d"(r2)
			     : "d"(r1), "d"(r3), "d"(r4), "d"(r5)
			     : "cc", "memory");
	return r2;
}

static inline long hyp_kvm_diag500_5(unsigned int nr, unsigned long p1,
				     unsigned long p2, unsigned long p3,
				     unsigned long p4, unsigned long p5)
{
	register unsigned long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = (long)p1;
	register unsigned long r3 __asm__("r3") = p2;
	register unsigned long r4 __asm__("r4") = p3;
	register unsigned long r5 __asm__("r5") = p4;
	register unsigned long r6 __asm__("r6") = p5;

	__asm__ __volatile__(HYP_S390_DIAG500_INSN
			     : "+d"(r2)
			     : "d"(r1), "d"(r3), "d"(r4), "d"(r5), "d"(r6)
			     : "cc", "memory");
	return r2;
}

static inline long hyp_kvm_diag500_6(unsigned int nr, unsigned long p1,
				     unsigned long p2, unsigned long p3,
				     unsigned long p4, unsigned long p5,
				     unsigned long p6)
{
	register unsigned long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = (long)p1;
	register unsigned long r3 __asm__("r3") = p2;
	register unsigned long r4 __asm__("r4") = p3;
	register unsigned long r5 __asm__("r5") = p4;
	register unsigned long r6 __asm__("r6") = p5;
	register unsigned long r7 __asm__("r7") = p6;

	__asm__ __volatile__(HYP_S390_DIAG500_INSN
			     : "+d"(r2)
			     : "d"(r1), "d"(r3), "d"(r4), "d"(r5), "d"(r6), "d"(r7)
			     : "cc", "memory");
	return r2;
}

static inline long hyp_kvm_hypercall0(unsigned int nr)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (gate >= HYP_GATE_OPEN)
		return hyp_kvm_diag500_0(nr);
	return hyp_gate_error(gate);
}

static inline long hyp_kvm_hypercall1(unsigned int nr, unsigned long p1)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (gate >= HYP_GATE_OPEN)
		return hyp_kvm_diag500_1(nr, p1);
	return hyp_gate_error(gate);
}

static inline long hyp_kvm_hypercall2(unsigned int nr, unsigned long p1,
				      unsigned long p2)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (gate >= HYP_GATE_OPEN)
		return hyp_kvm_diag500_2(nr, p1, p2);
	return hyp_gate_error(gate);
}

static inline long hyp_kvm_hypercall3(unsigned int nr, unsigned long p1,
				      unsigned long p2, unsigned long p3)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (gate >= HYP_GATE_OPEN)
		return hyp_kvm_diag500_3(nr, p1, p2, p3);
	return hyp_gate_error(gate);
}

static inline long hyp_kvm_hypercall4(unsigned int nr, unsigned long p1,
				      unsigned long p2, unsigned long p3,
				      unsigned long p4)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (gate >= HYP_GATE_OPEN)
		return hyp_kvm_diag500_4(nr, p1, p2, p3, p4);
	return hyp_gate_error(gate);
}

static inline long hyp_kvm_hypercall5(unsigned int nr, unsigned long p1,
				      unsigned long p2, unsigned long p3,
				      unsigned long p4, unsigned long p5)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (gate >= HYP_GATE_OPEN)
		return hyp_kvm_diag500_5(nr, p1, p2, p3, p4, p5);
	return hyp_gate_error(gate);
}

static inline long hyp_kvm_hypercall6(unsigned int nr, unsigned long p1,
				      unsigned long p2, unsigned long p3,
				      unsigned long p4, unsigned long p5,
				      unsigned long p6)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (gate >= HYP_GATE_OPEN)
		return hyp_kvm_diag500_6(nr, p1, p2, p3, p4, p5, p6);
	return hyp_gate_error(gate);
}

#endif /* HYP_S390_KVM_HYPERCALL_H */
