/* SPDX-License-Identifier: MIT */
/*
 * x86 KVM hypercall stubs (32- and 64-bit).
 *
 * ABI (Linux Documentation/virt/kvm/x86/hypercalls.rst): nr in rax,
 * arguments in rbx rcx rdx rsi, result in rax. No other register is changed;
 * memory may be (p1 is often a guest-physical buffer). The instruction is
 * vmcall on Intel, Centaur and Zhaoxin, vmmcall on AMD and Hygon. KVM
 * emulates the other vendor's instruction only by rewriting the guest's
 * code, which fails on read-only text and on encrypted guests: always issue
 * the right one.
 *
 * hyp_kvm_vmcallN / hyp_kvm_vmmcallN: unconditional, header-only.
 * hyp_kvm_hypercallN: through hyp_kvm_gate, the instruction hyp_init() chose.
 * HYP_X86_KVM_FORCE_VMCALL / _VMMCALL fix the instruction at compile time
 * (<hyp/config.h>).
 *
 * hyp_hyperv_enable() closes hyp_kvm_gate until hyp_hyperv_disable()
 * (<hyp/hyperv.h>: KVM's Hyper-V emulation then owns vmcall/vmmcall).
 */
#ifndef HYP_X86_KVM_HYPERCALL_H
#define HYP_X86_KVM_HYPERCALL_H

#include <hyp/config.h>
#include <hyp/gate.h>
#include <hyp/stub.h>
#include <hyp/x86/insn.h>

/* The register each argument travels in. */
#define HYP_X86_KVM_IN0         "a"(nr)
#define HYP_X86_KVM_IN1         HYP_X86_KVM_IN0, "b"(p1)
#define HYP_X86_KVM_IN2         HYP_X86_KVM_IN1, "c"(p2)
#define HYP_X86_KVM_IN3         HYP_X86_KVM_IN2, "d"(p3)
#define HYP_X86_KVM_IN4         HYP_X86_KVM_IN3, "S"(p4)

/* Result in rax; every input survives; memory is the only clobber. */
#define HYP_X86_KVM_STUB(name, insn, n)                                         \
	static inline long name(unsigned int nr HYP_STUB_PARAMS##n)             \
	{                                                                       \
		long ret;                                                       \
		__asm__ __volatile__(insn /* NOLINT(bugprone-macro-parentheses): asm text */ \
				     : "=a"(ret) : HYP_X86_KVM_IN##n : "memory");     \
		return ret;                                                     \
	}

HYP_X86_KVM_STUB(hyp_kvm_vmcall0, HYP_X86_VMCALL_INSN, 0)
HYP_X86_KVM_STUB(hyp_kvm_vmcall1, HYP_X86_VMCALL_INSN, 1)
HYP_X86_KVM_STUB(hyp_kvm_vmcall2, HYP_X86_VMCALL_INSN, 2)
HYP_X86_KVM_STUB(hyp_kvm_vmcall3, HYP_X86_VMCALL_INSN, 3)
HYP_X86_KVM_STUB(hyp_kvm_vmcall4, HYP_X86_VMCALL_INSN, 4)
HYP_X86_KVM_STUB(hyp_kvm_vmmcall0, HYP_X86_VMMCALL_INSN, 0)
HYP_X86_KVM_STUB(hyp_kvm_vmmcall1, HYP_X86_VMMCALL_INSN, 1)
HYP_X86_KVM_STUB(hyp_kvm_vmmcall2, HYP_X86_VMMCALL_INSN, 2)
HYP_X86_KVM_STUB(hyp_kvm_vmmcall3, HYP_X86_VMMCALL_INSN, 3)
HYP_X86_KVM_STUB(hyp_kvm_vmmcall4, HYP_X86_VMMCALL_INSN, 4)

/* Which instruction an open gate selects. */
#if defined(HYP_X86_KVM_FORCE_VMCALL)
#define HYP_X86_KVM_USE_VMMCALL(gate)   0
#elif defined(HYP_X86_KVM_FORCE_VMMCALL)
#define HYP_X86_KVM_USE_VMMCALL(gate)   ((gate) >= HYP_GATE_OPEN)
#else
#define HYP_X86_KVM_USE_VMMCALL(gate)   ((gate) == HYP_GATE_X86_VMMCALL)
#endif

#define HYP_X86_KVM_GATED(name, n)                                              \
	static inline long name(unsigned int nr HYP_STUB_PARAMS##n)             \
	{                                                                       \
		HYP_GATE_CHECK(hyp_kvm_gate);                                   \
		if (HYP_X86_KVM_USE_VMMCALL(gate))                              \
			return hyp_kvm_vmmcall##n(nr HYP_STUB_ARGS##n);         \
		return hyp_kvm_vmcall##n(nr HYP_STUB_ARGS##n);                  \
	}

HYP_X86_KVM_GATED(hyp_kvm_hypercall0, 0)
HYP_X86_KVM_GATED(hyp_kvm_hypercall1, 1)
HYP_X86_KVM_GATED(hyp_kvm_hypercall2, 2)
HYP_X86_KVM_GATED(hyp_kvm_hypercall3, 3)
HYP_X86_KVM_GATED(hyp_kvm_hypercall4, 4)

#endif /* HYP_X86_KVM_HYPERCALL_H */
