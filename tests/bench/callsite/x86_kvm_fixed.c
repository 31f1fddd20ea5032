/* SPDX-License-Identifier: MIT */
/*
 * Call-site benchmark, x86 KVM with the instruction fixed at compile time
 * (HYP_X86_KVM_FORCE_VMCALL, what -DHYP_X86_KVM_INSN=vmcall sets): the gated
 * raw calls without the run-time vendor choice. ref__ is one bare vmcall,
 * gref__ adds the gate by hand (open -> vmcall, else the closed-gate error).
 */
#if defined(__x86_64__) || defined(__i386__)
#define HYP_X86_KVM_FORCE_VMCALL 1
#include <hyp/hyp.h>

#define A0 (unsigned int nr)
#define A1 (unsigned int nr, unsigned long p1)
#define A2 (unsigned int nr, unsigned long p1, unsigned long p2)
#define A3 (unsigned int nr, unsigned long p1, unsigned long p2, unsigned long p3)
#define A4 (unsigned int nr, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4)
#define V0 (nr)
#define V1 (nr, p1)
#define V2 (nr, p1, p2)
#define V3 (nr, p1, p2, p3)
#define V4 (nr, p1, p2, p3, p4)
#define OUT0    "=a"(r) : "a"(nr)
#define OUT1    OUT0, "b"(p1)
#define OUT2    OUT1, "c"(p2)
#define OUT3    OUT2, "d"(p3)
#define OUT4    OUT3, "S"(p4)

#define ITEMS(n) \
	long lib__hyp_kvm_hypercall_fixed_vmcall##n A##n { return hyp_kvm_hypercall##n V##n; } \
	long ref__hyp_kvm_hypercall_fixed_vmcall##n A##n \
	{ long r; __asm__ __volatile__("vmcall" : OUT##n : "memory"); return r; } \
	long gref__hyp_kvm_hypercall_fixed_vmcall##n A##n \
	{ \
		unsigned char g = __atomic_load_n(&hyp_kvm_gate, __ATOMIC_RELAXED); \
		long r; \
		if (g < 2) \
			return g ? HYP_ENOHYP : HYP_ENOTINIT; \
		__asm__ __volatile__("vmcall" : OUT##n : "memory"); \
		return r; \
	}
ITEMS(0) ITEMS(1) ITEMS(2) ITEMS(3) ITEMS(4)

/* Part 2: KVM_HC_KICK_CPU with the instruction fixed. */
long path__hyp_kvm_kick_cpu_fixed_vmcall(uint32_t apic_id)
{
	return hyp_kvm_hypercall2(HYP_KVM_HC_KICK_CPU, 0, apic_id);
}

long pathref__hyp_kvm_kick_cpu_fixed_vmcall(uint32_t apic_id)
{
	unsigned int nr = HYP_KVM_HC_KICK_CPU;
	unsigned long p1 = 0, p2 = apic_id;
	long r;

	__asm__ __volatile__("vmcall" : OUT2 : "memory");
	return r;
}
#endif
