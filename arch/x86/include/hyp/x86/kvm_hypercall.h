/* SPDX-License-Identifier: MIT */
/*
 * x86 KVM hypercall stubs (32- and 64-bit).
 *
 * ABI (Linux Documentation/virt/kvm/x86/hypercalls.rst, seeds 000/002):
 * nr in rax, arguments in rbx rcx rdx rsi, result in rax. No other register
 * is changed; memory may be (a0 is often a guest-physical buffer). The
 * instruction is vmcall (0f 01 c1) on Intel, Centaur and Zhaoxin, vmmcall
 * (0f 01 d9) on AMD and Hygon. KVM emulates the other vendor's instruction
 * only by rewriting the guest's code, which fails on read-only text and on
 * encrypted guests: always issue the right one.
 *
 * hyp_kvm_vmcallN / hyp_kvm_vmmcallN: unconditional, header-only.
 * hyp_kvm_hypercallN: the instruction hyp_init() chose for this CPU, or
 * HYP_ENOTINIT / HYP_ENOHYP with no instruction executed. Define
 * HYP_X86_KVM_FORCE_VMCALL or HYP_X86_KVM_FORCE_VMMCALL (for the library and
 * the kernel alike) to fix the instruction at compile time.
 *
 * Hyper-V ownership: a KVM offering Hyper-V enlightenments hands every
 * vmcall/vmmcall to its Hyper-V emulation once the guest OS id is set, so
 * hyp_hyperv_enable() closes hyp_kvm_gate (HYP_ENOHYP, nothing executed)
 * until hyp_hyperv_disable() (<hyp/hyperv.h>). The unconditional stubs
 * below know nothing of that.
 *
 * i386: "b" is an input operand; gcc >= 5 and clang keep it usable with
 * -fPIC (ebx is the GOT pointer there) by saving it around the asm.
 */
#ifndef HYP_X86_KVM_HYPERCALL_H
#define HYP_X86_KVM_HYPERCALL_H

#include <hyp/gate.h>

#ifndef HYP_X86_VMCALL_INSN
#define HYP_X86_VMCALL_INSN     ".byte 0x0f, 0x01, 0xc1"    /* vmcall */
#endif
#ifndef HYP_X86_VMMCALL_INSN
#define HYP_X86_VMMCALL_INSN    ".byte 0x0f, 0x01, 0xd9"    /* vmmcall */
#endif

static inline long hyp_kvm_vmcall0(unsigned int nr)
{
	long ret;
	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "=a"(ret)
			     : "a"(nr)
			     : "memory");
	return ret;
}

static inline long hyp_kvm_vmcall1(unsigned int nr, unsigned long p1)
{
	long ret;
	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "=a"(ret)
			     : "a"(nr), "b"(p1)
			     : "memory");
	return ret;
}

static inline long hyp_kvm_vmcall2(unsigned int nr, unsigned long p1,
				   unsigned long p2)
{
	long ret;
	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "=a"(ret)
			     : "a"(nr), "b"(p1), "c"(p2)
			     : "memory");
	return ret;
}

static inline long hyp_kvm_vmcall3(unsigned int nr, unsigned long p1,
				   unsigned long p2, unsigned long p3)
{
	long ret;
	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "=a"(ret)
			     : "a"(nr), "b"(p1), "c"(p2), "d"(p3)
			     : "memory");
	return ret;
}

static inline long hyp_kvm_vmcall4(unsigned int nr, unsigned long p1,
				   unsigned long p2, unsigned long p3,
				   unsigned long p4)
{
	long ret;
	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "=a"(ret)
			     : "a"(nr), "b"(p1), "c"(p2), "d"(p3), "S"(p4)
			     : "memory");
	return ret;
}

static inline long hyp_kvm_vmmcall0(unsigned int nr)
{
	long ret;
	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "=a"(ret)
			     : "a"(nr)
			     : "memory");
	return ret;
}

static inline long hyp_kvm_vmmcall1(unsigned int nr, unsigned long p1)
{
	long ret;
	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "=a"(ret)
			     : "a"(nr), "b"(p1)
			     : "memory");
	return ret;
}

static inline long hyp_kvm_vmmcall2(unsigned int nr, unsigned long p1,
				    unsigned long p2)
{
	long ret;
	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "=a"(ret)
			     : "a"(nr), "b"(p1), "c"(p2)
			     : "memory");
	return ret;
}

static inline long hyp_kvm_vmmcall3(unsigned int nr, unsigned long p1,
				    unsigned long p2, unsigned long p3)
{
	long ret;
	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "=a"(ret)
			     : "a"(nr), "b"(p1), "c"(p2), "d"(p3)
			     : "memory");
	return ret;
}

static inline long hyp_kvm_vmmcall4(unsigned int nr, unsigned long p1,
				    unsigned long p2, unsigned long p3,
				    unsigned long p4)
{
	long ret;
	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "=a"(ret)
			     : "a"(nr), "b"(p1), "c"(p2), "d"(p3), "S"(p4)
			     : "memory");
	return ret;
}

/* Which instruction an open gate selects. */
#if defined(HYP_X86_KVM_FORCE_VMCALL)
#define HYP_X86_KVM_USE_VMMCALL(gate)   0
#elif defined(HYP_X86_KVM_FORCE_VMMCALL)
#define HYP_X86_KVM_USE_VMMCALL(gate)   ((gate) >= HYP_GATE_OPEN)
#else
#define HYP_X86_KVM_USE_VMMCALL(gate)   ((gate) == HYP_GATE_X86_VMMCALL)
#endif

static inline long hyp_kvm_hypercall0(unsigned int nr)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (HYP_X86_KVM_USE_VMMCALL(gate))
		return hyp_kvm_vmmcall0(nr);
	if (gate >= HYP_GATE_OPEN)
		return hyp_kvm_vmcall0(nr);
	return hyp_gate_error(gate);
}

static inline long hyp_kvm_hypercall1(unsigned int nr, unsigned long p1)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (HYP_X86_KVM_USE_VMMCALL(gate))
		return hyp_kvm_vmmcall1(nr, p1);
	if (gate >= HYP_GATE_OPEN)
		return hyp_kvm_vmcall1(nr, p1);
	return hyp_gate_error(gate);
}

static inline long hyp_kvm_hypercall2(unsigned int nr, unsigned long p1,
				      unsigned long p2)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (HYP_X86_KVM_USE_VMMCALL(gate))
		return hyp_kvm_vmmcall2(nr, p1, p2);
	if (gate >= HYP_GATE_OPEN)
		return hyp_kvm_vmcall2(nr, p1, p2);
	return hyp_gate_error(gate);
}

static inline long hyp_kvm_hypercall3(unsigned int nr, unsigned long p1,
				      unsigned long p2, unsigned long p3)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (HYP_X86_KVM_USE_VMMCALL(gate))
		return hyp_kvm_vmmcall3(nr, p1, p2, p3);
	if (gate >= HYP_GATE_OPEN)
		return hyp_kvm_vmcall3(nr, p1, p2, p3);
	return hyp_gate_error(gate);
}

static inline long hyp_kvm_hypercall4(unsigned int nr, unsigned long p1,
				      unsigned long p2, unsigned long p3,
				      unsigned long p4)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (HYP_X86_KVM_USE_VMMCALL(gate))
		return hyp_kvm_vmmcall4(nr, p1, p2, p3, p4);
	if (gate >= HYP_GATE_OPEN)
		return hyp_kvm_vmcall4(nr, p1, p2, p3, p4);
	return hyp_gate_error(gate);
}

#endif /* HYP_X86_KVM_HYPERCALL_H */
