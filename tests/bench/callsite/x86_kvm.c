/* SPDX-License-Identifier: MIT */
/*
 * Call-site benchmark, x86 KVM (x86_64 and i386). See tests/bench/README.md:
 * lib__X calls libhyp, ref__X is the minimal asm for the same registers and
 * instruction (vmcall for the gated calls: one fixed vendor, no gate),
 * gref__X adds the gate written by hand (load, open?, vendor?, error).
 * ref__/gref__hyp_kvm_<wrapper> mirror the out-of-line typed wrappers of
 * lib/x86/kvm.c with the same argument checks and the same error mapping call.
 */
#if defined(__x86_64__) || defined(__i386__)
#include <hyp/hyp.h>

uint64_t hyp_virt_to_phys(const void *va);      /* lib/internal.h */

/* ---- explicit-instruction stubs ---- */
#define LIB_STUB(insn, n, params, args) \
	long lib__hyp_kvm_##insn##n params { return hyp_kvm_##insn##n args; }
#define A0 (unsigned int nr)
#define A1 (unsigned int nr, unsigned long p1)
#define A2 (unsigned int nr, unsigned long p1, unsigned long p2)
#define A3 (unsigned int nr, unsigned long p1, unsigned long p2, unsigned long p3)
#define A4 (unsigned int nr, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4)
LIB_STUB(vmcall, 0, A0, (nr))
LIB_STUB(vmcall, 1, A1, (nr, p1))
LIB_STUB(vmcall, 2, A2, (nr, p1, p2))
LIB_STUB(vmcall, 3, A3, (nr, p1, p2, p3))
LIB_STUB(vmcall, 4, A4, (nr, p1, p2, p3, p4))
LIB_STUB(vmmcall, 0, A0, (nr))
LIB_STUB(vmmcall, 1, A1, (nr, p1))
LIB_STUB(vmmcall, 2, A2, (nr, p1, p2))
LIB_STUB(vmmcall, 3, A3, (nr, p1, p2, p3))
LIB_STUB(vmmcall, 4, A4, (nr, p1, p2, p3, p4))
LIB_STUB(hypercall, 0, A0, (nr))
LIB_STUB(hypercall, 1, A1, (nr, p1))
LIB_STUB(hypercall, 2, A2, (nr, p1, p2))
LIB_STUB(hypercall, 3, A3, (nr, p1, p2, p3))
LIB_STUB(hypercall, 4, A4, (nr, p1, p2, p3, p4))

/* The minimal asm: nr in eax/rax, arguments in bx cx dx si, result in ax. */
#define OUT0    "=a"(r) : "a"(nr)
#define OUT1    OUT0, "b"(p1)
#define OUT2    OUT1, "c"(p2)
#define OUT3    OUT2, "d"(p3)
#define OUT4    OUT3, "S"(p4)
#define REF(insn, n) \
	long ref__hyp_kvm_##insn##n A##n \
	{ long r; __asm__ __volatile__(#insn : OUT##n : "memory"); return r; }
REF(vmcall, 0) REF(vmcall, 1) REF(vmcall, 2) REF(vmcall, 3) REF(vmcall, 4)
REF(vmmcall, 0) REF(vmmcall, 1) REF(vmmcall, 2) REF(vmmcall, 3) REF(vmmcall, 4)

/* Gated raw calls against one bare vmcall (no gate, one vendor). */
#define REF_BARE(n) \
	long ref__hyp_kvm_hypercall##n A##n \
	{ long r; __asm__ __volatile__("vmcall" : OUT##n : "memory"); return r; }
REF_BARE(0) REF_BARE(1) REF_BARE(2) REF_BARE(3) REF_BARE(4)

/* ... and against the gate by hand: 3 vmmcall, 2 vmcall, 1 absent, 0 not yet. */
#define GREF(n) \
	long gref__hyp_kvm_hypercall##n A##n \
	{ \
		unsigned char g = __atomic_load_n(&hyp_kvm_gate, __ATOMIC_RELAXED); \
		long r; \
		if (g == 3) \
			__asm__ __volatile__("vmmcall" : OUT##n : "memory"); \
		else if (g >= 2) \
			__asm__ __volatile__("vmcall" : OUT##n : "memory"); \
		else \
			r = g ? HYP_ENOHYP : HYP_ENOTINIT; \
		return r; \
	}
GREF(0) GREF(1) GREF(2) GREF(3) GREF(4)

/* ---- typed wrappers (lib/x86/kvm.c) ---- */
#define BARE(n, nr_) ({ unsigned int nr = (nr_); long r; \
	__asm__ __volatile__("vmcall" : OUT##n : "memory"); r; })
#define GATED(n, nr_) ({ \
	unsigned int nr = (nr_); \
	unsigned char g = __atomic_load_n(&hyp_kvm_gate, __ATOMIC_RELAXED); \
	long r; \
	if (g == 3) \
		__asm__ __volatile__("vmmcall" : OUT##n : "memory"); \
	else if (g >= 2) \
		__asm__ __volatile__("vmcall" : OUT##n : "memory"); \
	else \
		r = g ? HYP_ENOHYP : HYP_ENOTINIT; \
	r; \
})

#define WRAPPERS(pfx, CALL) \
int pfx##hyp_kvm_vapic_poll_irq(void) \
{ \
	return hyp_kvm_error(CALL(0, HYP_KVM_HC_VAPIC_POLL_IRQ)); \
} \
int pfx##hyp_kvm_kick_cpu(uint32_t apic_id) \
{ \
	unsigned long p1 = 0, p2 = apic_id; \
	return hyp_kvm_error(CALL(2, HYP_KVM_HC_KICK_CPU)); \
} \
int pfx##hyp_kvm_clock_pairing(struct hyp_kvm_clock_pairing_args *out, uint32_t clock_type) \
{ \
	uint64_t gpa; \
	if (!out || ((uintptr_t)out & 7u) || \
	    sizeof(*out) > 4096u - ((uintptr_t)out & 4095u)) \
		return HYP_EINVAL; \
	gpa = hyp_virt_to_phys(out); \
	if (gpa != (unsigned long)gpa || (gpa & 7u) || sizeof(*out) > 4096u - (gpa & 4095u)) \
		return HYP_EINVAL; \
	unsigned long p1 = (unsigned long)gpa, p2 = clock_type; \
	return hyp_kvm_error(CALL(2, HYP_KVM_HC_CLOCK_PAIRING)); \
} \
int pfx##hyp_kvm_send_ipi(unsigned long p1, unsigned long p2, uint32_t min_apic_id, uint32_t icr) \
{ \
	unsigned long p3 = min_apic_id, p4 = icr; \
	return hyp_kvm_error(CALL(4, HYP_KVM_HC_SEND_IPI)); \
} \
int pfx##hyp_kvm_sched_yield(uint32_t apic_id) \
{ \
	unsigned long p1 = apic_id; \
	return hyp_kvm_error(CALL(1, HYP_KVM_HC_SCHED_YIELD)); \
} \
int pfx##hyp_kvm_map_gpa_range(uint64_t gpa, uint64_t npages, uint64_t attrs) \
{ \
	if (gpa != (unsigned long)gpa || npages != (unsigned long)npages || \
	    attrs != (unsigned long)attrs) \
		return HYP_EINVAL; \
	unsigned long p1 = gpa, p2 = npages, p3 = attrs; \
	return hyp_kvm_error(CALL(3, HYP_KVM_HC_MAP_GPA_RANGE)); \
}
WRAPPERS(ref__, BARE)
WRAPPERS(gref__, GATED)

/* ---- path length (tests/bench/pathlen.py): a call site with a constant number ---- */
long path__hyp_kvm_kick_cpu(uint32_t apic_id)
{
	return hyp_kvm_hypercall2(HYP_KVM_HC_KICK_CPU, 0, apic_id);
}

long pathref__hyp_kvm_kick_cpu(uint32_t apic_id)
{
	unsigned int nr = HYP_KVM_HC_KICK_CPU;
	unsigned long p1 = 0, p2 = apic_id;
	long r;

	__asm__ __volatile__("vmcall" : OUT2 : "memory");
	return r;
}
#endif
