/* SPDX-License-Identifier: MIT */
/*
 * MIPS KVM hypercall stubs (o32/n32/n64, big- and little-endian).
 *
 * ABI (Linux Documentation/virt/kvm/hypercalls.rst): HYPCALL with
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
 * hyp_kvm_hypercallN: the same through hyp_kvm_gate (<hyp/gate.h>): outside
 * a VZ guest HYPCALL raises Reserved Instruction.
 */
#ifndef HYP_MIPS_KVM_HYPERCALL_H
#define HYP_MIPS_KVM_HYPERCALL_H

#include <hyp/config.h>
#include <hyp/gate.h>
#include <hyp/stub.h>

#define HYP_MIPS_HYPCALL_WORD   0x42000028u     /* hypcall (code 0) */

#ifndef HYP_MIPS_HYPCALL_INSN
#define HYP_MIPS_HYPCALL_INSN   ".word 0x42000028"
#endif

/* The register each argument travels in (nr and the result: v0). */
#define HYP_MIPS_KVM_REGS0
#define HYP_MIPS_KVM_REGS1      register unsigned long a0 __asm__("$4") = p1;
#define HYP_MIPS_KVM_REGS2      HYP_MIPS_KVM_REGS1 register unsigned long a1 __asm__("$5") = p2;
#define HYP_MIPS_KVM_REGS3      HYP_MIPS_KVM_REGS2 register unsigned long a2 __asm__("$6") = p3;
#define HYP_MIPS_KVM_REGS4      HYP_MIPS_KVM_REGS3 register unsigned long a3 __asm__("$7") = p4;
#define HYP_MIPS_KVM_IN0
#define HYP_MIPS_KVM_IN1        "r"(a0)
#define HYP_MIPS_KVM_IN2        HYP_MIPS_KVM_IN1, "r"(a1)
#define HYP_MIPS_KVM_IN3        HYP_MIPS_KVM_IN2, "r"(a2)
#define HYP_MIPS_KVM_IN4        HYP_MIPS_KVM_IN3, "r"(a3)

/* Result in v0; a0-a3 survive; memory is the only clobber. */
#define HYP_MIPS_KVM_STUB(name, n)                                              \
	static inline long name(unsigned long nr HYP_STUB_PARAMS##n)            \
	{                                                                       \
		register unsigned long v0 __asm__("$2") = nr;                   \
		HYP_MIPS_KVM_REGS##n                                            \
		__asm__ __volatile__(HYP_MIPS_HYPCALL_INSN                      \
				     : "+r"(v0)                                 \
				     : HYP_MIPS_KVM_IN##n                       \
				     : "memory");                               \
		return (long)v0;                                                \
	}

#define HYP_MIPS_KVM_GATED(name, n)                                             \
	static inline long name(unsigned long nr HYP_STUB_PARAMS##n)            \
	{                                                                       \
		HYP_GATE_CHECK(hyp_kvm_gate);                                   \
		return hyp_kvm_hypcall##n(nr HYP_STUB_ARGS##n);                 \
	}

HYP_MIPS_KVM_STUB(hyp_kvm_hypcall0, 0)
HYP_MIPS_KVM_STUB(hyp_kvm_hypcall1, 1)
HYP_MIPS_KVM_STUB(hyp_kvm_hypcall2, 2)
HYP_MIPS_KVM_STUB(hyp_kvm_hypcall3, 3)
HYP_MIPS_KVM_STUB(hyp_kvm_hypcall4, 4)
HYP_MIPS_KVM_GATED(hyp_kvm_hypercall0, 0)
HYP_MIPS_KVM_GATED(hyp_kvm_hypercall1, 1)
HYP_MIPS_KVM_GATED(hyp_kvm_hypercall2, 2)
HYP_MIPS_KVM_GATED(hyp_kvm_hypercall3, 3)
HYP_MIPS_KVM_GATED(hyp_kvm_hypercall4, 4)

#endif /* HYP_MIPS_KVM_HYPERCALL_H */
