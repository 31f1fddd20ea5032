/* SPDX-License-Identifier: MIT */
/* x86 KVM typed hypercalls (Documentation/virt/kvm/x86/hypercalls.rst). */
#include "../internal.h"
#include "../page_span.h"

#define X86_PAGE 4096u          /* the smallest page a guest-physical range is contiguous in */

/*
 * An argument register holds unsigned long: 32 bits on i386, where a value
 * fits when its high word is 0 (tested as such, gcc 12 -m32 keeps it to one
 * `or` per value instead of comparing both halves with spills).
 */
static bool fits_register(uint64_t value)
{
#if __LONG_MAX__ > __INT_MAX__
	(void)value;
	return true;
#else
	return (uint32_t)(value >> 32) == 0;
#endif
}

int hyp_kvm_vapic_poll_irq(void)
{
	return hyp_kvm_answer(hyp_kvm_hypercall0(HYP_KVM_HC_VAPIC_POLL_IRQ));
}

int hyp_kvm_kick_cpu(uint32_t apic_id)
{
	/* a0: flags, reserved 0; a1: APIC ID. */
	return hyp_kvm_answer(hyp_kvm_hypercall2(HYP_KVM_HC_KICK_CPU, 0, apic_id));
}

/*
 * KVM writes the whole struct at the one GPA it is given (kvm_write_guest in
 * Linux arch/x86/kvm/x86.c, kvm_pv_clock_pairing), across a page boundary
 * into whatever physical page follows: the struct must lie in one page,
 * virtually and physically, and be aligned as its type is (8 bytes on
 * x86_64, 4 on i386, where uint64_t fields are 4-byte aligned).
 * Refused rather than bounced: a library buffer would be shared by CPUs.
 */
int hyp_kvm_clock_pairing(struct hyp_kvm_clock_pairing_args *out, uint32_t clock_type)
{
	const uintptr_t align = __alignof__(*out);
	uint64_t gpa;

	if (!out || ((uintptr_t)out & (align - 1)) ||
	    !hyp_in_one_page((uintptr_t)out, sizeof(*out), X86_PAGE))
		return HYP_EINVAL;
	gpa = hyp_virt_to_phys(out);
	if (!fits_register(gpa) || (gpa & (align - 1)) || !hyp_in_one_page(gpa, sizeof(*out), X86_PAGE))
		return HYP_EINVAL;
	return hyp_kvm_answer(hyp_kvm_hypercall2(HYP_KVM_HC_CLOCK_PAIRING,
						(unsigned long)gpa, clock_type));
}

int hyp_kvm_send_ipi(unsigned long bitmap_low, unsigned long bitmap_high,
		     uint32_t min_apic_id, uint32_t icr)
{
	return hyp_kvm_answer(hyp_kvm_hypercall4(HYP_KVM_HC_SEND_IPI, bitmap_low,
						bitmap_high, min_apic_id, icr));
}

int hyp_kvm_sched_yield(uint32_t apic_id)
{
	return hyp_kvm_answer(hyp_kvm_hypercall1(HYP_KVM_HC_SCHED_YIELD, apic_id));
}

int hyp_kvm_map_gpa_range(uint64_t gpa, uint64_t npages, uint64_t attrs)
{
	if (!fits_register(gpa) || !fits_register(npages) || !fits_register(attrs))
		return HYP_EINVAL;
	return hyp_kvm_answer(hyp_kvm_hypercall3(HYP_KVM_HC_MAP_GPA_RANGE,
						(unsigned long)gpa,
						(unsigned long)npages,
						(unsigned long)attrs));
}
