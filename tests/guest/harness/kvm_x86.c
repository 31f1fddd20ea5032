/* SPDX-License-Identifier: MIT */
/*
 * The #UD handler plays KVM (Documentation/virt/kvm/x86/hypercalls.rst):
 * TCG raises #UD for vmcall and vmmcall. It checks the instruction is the
 * vendor's, reads nr/a0-a3 from rax rbx rcx rdx rsi, answers in rax as KVM
 * does, changes the arithmetic flags (asm on x86 always clobbers them), keeps
 * every other register, and resumes at rip + 3.
 */
#include <guest/test.h>
#include <guest/x86.h>
#include <hyp/x86/cpuid.h>

#include "kvm_x86.h"

struct harness_state harness;
static harness_answer_fn harness_answer;

void harness_cpuid(void *ctx, uint32_t leaf, uint32_t subleaf, uint32_t regs[4])
{
	uint32_t l1[4];

	(void)ctx;
	hyp_x86_cpuid(1, 0, l1);
	if ((l1[2] & (1u << 31)) && leaf == HARNESS_KVM_BASE) {
		regs[0] = HARNESS_KVM_BASE + 1;
		regs[1] = 0x4b4d564b;   /* "KVMK" */
		regs[2] = 0x564b4d56;   /* "VMKV" */
		regs[3] = 0x0000004d;   /* "M\0\0\0" */
		return;
	}
	if ((l1[2] & (1u << 31)) && leaf == HARNESS_KVM_BASE + 1) {
		regs[0] = HARNESS_KVM_FEATURES;
		regs[1] = regs[2] = regs[3] = 0;
		return;
	}
	hyp_x86_cpuid(leaf, subleaf, regs);
}

static unsigned int popcount(unsigned long v)
{
	unsigned int n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

long harness_kvm_answer(const struct harness_call *c)
{
	switch (c->nr) {
	case HYP_KVM_HC_VAPIC_POLL_IRQ:
		return 0;
	case HYP_KVM_HC_KICK_CPU:
		return 0;
	case HYP_KVM_HC_CLOCK_PAIRING: {
		struct hyp_kvm_clock_pairing_args *p = (void *)c->a0;

		if (c->a1 != HYP_KVM_CLOCK_PAIRING_WALLCLOCK)
			return -HYP_KVM_EOPNOTSUPP;
		p->sec = 1700000000;
		p->nsec = 123456789;
		p->tsc = HARNESS_TSC;
		p->flags = 0;
		return 0;
	}
	case HYP_KVM_HC_SEND_IPI: {
		/* a0/a1: bitmap of APIC IDs a2 + n; count the IDs that exist (only 0). */
		unsigned long min = c->a2;

		if ((c->a3 & 0xff) < 16)
			return -HYP_KVM_EINVAL;
		if (min == 0)
			return popcount(c->a0 & 1);
		return 0;
	}
	case HYP_KVM_HC_SCHED_YIELD:
		return 0;
	case HYP_KVM_HC_MAP_GPA_RANGE:
		if ((c->a0 & 0xfff) || c->a1 == 0 || (c->a2 & ~0x13ul))
			return -HYP_KVM_EINVAL;
		return 0;
	default:
		return -HYP_KVM_ENOSYS;
	}
}

static bool ud_handler(struct guest_frame *r)
{
	const unsigned char *ip = (const unsigned char *)r->ip;
	struct harness_call call;

	if (ip[0] != 0x0f || ip[1] != 0x01 || (ip[2] != 0xc1 && ip[2] != 0xd9)) {
		printf("harness: #UD at %lx is not a hypercall (%x %x %x)\n", r->ip, ip[0], ip[1], ip[2]);
		return false;
	}
	__atomic_fetch_add(&harness.traps, 1, __ATOMIC_RELAXED);   /* any CPU (smp-x86) */
	if (ip[2] != harness.expected_insn)
		__atomic_fetch_add(&harness.wrong_insn, 1, __ATOMIC_RELAXED);
	call = (struct harness_call){ r->ax, r->bx, r->cx, r->dx, r->si, ip[2] };
	harness.last = call;
	r->ax = (unsigned long)harness_answer(&call);
	r->flags ^= X86_FLAGS_ARITH;
	r->ip += 3;
	return true;
}

void harness_install(bool vmmcall, harness_answer_fn answer)
{
	harness.expected_insn = vmmcall ? 0xd9 : 0xc1;
	harness_answer = answer;
	guest_set_trap_handler(X86_VEC_UD, ud_handler);
}
