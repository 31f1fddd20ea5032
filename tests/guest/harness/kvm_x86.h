/* SPDX-License-Identifier: MIT */
/* A KVM played by the image's #UD handler under QEMU TCG (kvm-x86, smp-x86). */
#ifndef HARNESS_KVM_X86_H
#define HARNESS_KVM_X86_H

#include <hyp/hyp.h>

#define HARNESS_KVM_BASE    0x40000100u     /* where the harness advertises KVM, as with Hyper-V at 0x40000000 */
#define HARNESS_KVM_FEATURES ((1u << HYP_KVM_FEATURE_CLOCKSOURCE2) | (1u << HYP_KVM_FEATURE_PV_UNHALT) | \
			      (1u << HYP_KVM_FEATURE_PV_SEND_IPI) | (1u << HYP_KVM_FEATURE_PV_SCHED_YIELD) | \
			      (1u << HYP_KVM_FEATURE_HC_MAP_GPA_RANGE))
#define HARNESS_TSC         0x123456789abcull

/* What the last trap saw (meaningful with one CPU trapping). */
struct harness_call {
	unsigned long nr, a0, a1, a2, a3;
	unsigned char insn;             /* third byte: 0xc1 vmcall, 0xd9 vmmcall */
};

struct harness_state {
	unsigned int traps;             /* counted atomically: any CPU may trap */
	unsigned int wrong_insn;        /* traps on the other vendor's instruction */
	unsigned char expected_insn;
	struct harness_call last;
};

extern struct harness_state harness;

/* CPUID source for hyp_init(): the real CPUID plus KVM leaves at HARNESS_KVM_BASE when a hypervisor is present. */
void harness_cpuid(void *ctx, uint32_t leaf, uint32_t subleaf, uint32_t regs[4]);

/* The answer hook: what the played hypervisor returns in rax for call `c`. */
typedef long (*harness_answer_fn)(const struct harness_call *c);

/* KVM's answers (Documentation/virt/kvm/x86/hypercalls.rst) for a VM of one
 * vCPU, APIC ID 0, serving MAP_GPA_RANGE. */
long harness_kvm_answer(const struct harness_call *c);

/* Install the #UD handler; `vmmcall` says which instruction the vendor requires. */
void harness_install(bool vmmcall, harness_answer_fn answer);

#endif
