/* SPDX-License-Identifier: MIT */
/*
 * x86 pvclock reader (kvmclock and Xen): a consistent copy of the record
 * plus the TSC read while it was valid.
 *
 * Rule (Linux Documentation/virt/kvm/x86/msr.rst, Xen public/xen.h
 * vcpu_time_info): the hypervisor makes `version` odd, updates, makes it
 * even; the reader reads version, then the fields and the TSC, then version
 * again, and retries if it was odd or changed. x86 keeps loads in order, so
 * compiler barriers suffice between the loads; `lfence` keeps rdtsc after
 * the version load (every CPU with VMX or SVM has SSE2, hence lfence).
 */
#ifndef HYP_X86_PVCLOCK_H
#define HYP_X86_PVCLOCK_H

#include <stdint.h>

#include <hyp/clock.h>
#include <hyp/pvclock_abi.h>

static inline uint64_t hyp_x86_rdtsc_ordered(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("lfence\n\trdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

/*
 * The time now from one consistent version of the record, which is copied
 * to *copy (a local object: the compiler keeps what the caller does not
 * use in registers). Computed inside the loop, as the TSC is read there.
 */
static inline uint64_t hyp_pvclock_read(const volatile struct hyp_pvclock_vcpu_time_info *t,
					struct hyp_pvclock_vcpu_time_info *copy)
{
	uint32_t version;
	uint64_t ns;

	do {
		/* An odd version, cleared here, cannot equal the re-read one. */
		version = t->version & ~1u;
		__asm__ __volatile__("" : : : "memory");
		copy->tsc_timestamp = t->tsc_timestamp;
		copy->system_time = t->system_time;
		copy->tsc_to_system_mul = t->tsc_to_system_mul;
		copy->tsc_shift = t->tsc_shift;
		copy->flags = t->flags;
		ns = hyp_pvclock_time_at(copy, hyp_x86_rdtsc_ordered());
		__asm__ __volatile__("" : : : "memory");
	} while (version != t->version);
	copy->version = version;
	return ns;
}

#endif /* HYP_X86_PVCLOCK_H */
