/* SPDX-License-Identifier: MIT */
/*
 * MIPS KVM hypercall stubs (o32/n32/n64, big- and little-endian).
 *
 * ABI (Linux Documentation/virt/kvm hypercalls, seed 002): HYPCALL with
 * code 0, nr in $2 (v0), up to four arguments in $4-$7 (a0-a3), result in
 * v0. KVM reads v0 and a0-a3 and writes v0 only (Linux arch/mips/kvm/
 * hypcall.c); Linux's guest stubs (arch/mips/include/asm/kvm_para.h, until
 * 5.9) bind only three arguments and clobber nothing but v0 and memory. So:
 * a0-a3 are inputs and survive, v0 is in and out, memory may change (a1 of
 * the console call is a buffer), nothing else is touched.
 *
 * HYPCALL (VZ ASE) is emitted as a word so assemblers without -mvirt build
 * it: COP0, CO = 1, code (bits 20..11) = 0, function 0x28. The word is the
 * same for both endians: it is stored in the instruction endianness.
 *
 * hyp_kvm_hypcallN: unconditional, header-only.
 * hyp_kvm_hypercallN: only through an open KVM gate; HYP_ENOTINIT before
 * hyp_init(), HYP_ENOHYP without a declared hypervisor, and no instruction
 * executed. Outside a VZ guest HYPCALL raises Reserved Instruction.
 */
#ifndef HYP_MIPS_KVM_HYPERCALL_H
#define HYP_MIPS_KVM_HYPERCALL_H

#include <hyp/gate.h>

#define HYP_MIPS_HYPCALL_WORD   0x42000028u     /* hypcall (code 0) */

#ifndef HYP_MIPS_HYPCALL_INSN
#define HYP_MIPS_HYPCALL_INSN   ".word 0x42000028"
#endif

static inline long hyp_kvm_hypcall0(unsigned long nr)
{
	register unsigned long v0 __asm__("$2") = nr;

	__asm__ __volatile__(HYP_MIPS_HYPCALL_INSN
			     : "+r"(v0)
			     :
			     : "memory");
	return (long)v0;
}

static inline long hyp_kvm_hypcall1(unsigned long nr, unsigned long p1)
{
	register unsigned long v0 __asm__("$2") = nr;
	register unsigned long a0 __asm__("$4") = p1;

	__asm__ __volatile__(HYP_MIPS_HYPCALL_INSN
			     : "+r"(v0)
			     : "r"(a0)
			     : "memory");
	return (long)v0;
}

static inline long hyp_kvm_hypcall2(unsigned long nr, unsigned long p1,
				    unsigned long p2)
{
	register unsigned long v0 __asm__("$2") = nr;
	register unsigned long a0 __asm__("$4") = p1;
	register unsigned long a1 __asm__("$5") = p2;

	__asm__ __volatile__(HYP_MIPS_HYPCALL_INSN
			     : "+r"(v0)
			     : "r"(a0), "r"(a1)
			     : "memory");
	return (long)v0;
}

static inline long hyp_kvm_hypcall3(unsigned long nr, unsigned long p1,
				    unsigned long p2, unsigned long p3)
{
	register unsigned long v0 __asm__("$2") = nr;
	register unsigned long a0 __asm__("$4") = p1;
	register unsigned long a1 __asm__("$5") = p2;
	register unsigned long a2 __asm__("$6") = p3;

	__asm__ __volatile__(HYP_MIPS_HYPCALL_INSN
			     : "+r"(v0)
			     : "r"(a0), "r"(a1), "r"(a2)
			     : "memory");
	return (long)v0;
}

static inline long hyp_kvm_hypcall4(unsigned long nr, unsigned long p1,
				    unsigned long p2, unsigned long p3,
				    unsigned long p4)
{
	register unsigned long v0 __asm__("$2") = nr;
	register unsigned long a0 __asm__("$4") = p1;
	register unsigned long a1 __asm__("$5") = p2;
	register unsigned long a2 __asm__("$6") = p3;
	register unsigned long a3 __asm__("$7") = p4;

	__asm__ __volatile__(HYP_MIPS_HYPCALL_INSN
			     : "+r"(v0)
			     : "r"(a0), "r"(a1), "r"(a2), "r"(a3)
			     : "memory");
	return (long)v0;
}

static inline long hyp_kvm_hypercall0(unsigned int nr)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_kvm_hypcall0(nr);
}

static inline long hyp_kvm_hypercall1(unsigned int nr, unsigned long p1)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_kvm_hypcall1(nr, p1);
}

static inline long hyp_kvm_hypercall2(unsigned int nr, unsigned long p1,
				      unsigned long p2)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_kvm_hypcall2(nr, p1, p2);
}

static inline long hyp_kvm_hypercall3(unsigned int nr, unsigned long p1,
				      unsigned long p2, unsigned long p3)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_kvm_hypcall3(nr, p1, p2, p3);
}

static inline long hyp_kvm_hypercall4(unsigned int nr, unsigned long p1,
				      unsigned long p2, unsigned long p3,
				      unsigned long p4)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	return hyp_kvm_hypcall4(nr, p1, p2, p3, p4);
}

#endif /* HYP_MIPS_KVM_HYPERCALL_H */
