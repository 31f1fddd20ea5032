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

#include <stdbool.h>
#include <stdint.h>

#include <hyp/clock.h>
#include <hyp/pvclock_abi.h>

/*
 * Tests only (tests/fuzz): HYP_X86_RDTSC_HOOK names a function that answers
 * the TSC, where the test's hypervisor may rewrite the record between the
 * reader's loads.
 */
#ifdef HYP_X86_RDTSC_HOOK
uint64_t HYP_X86_RDTSC_HOOK(void);
#endif

static inline uint64_t hyp_x86_rdtsc_ordered(void)
{
#ifdef HYP_X86_RDTSC_HOOK
	return HYP_X86_RDTSC_HOOK();
#else
	uint32_t lo, hi;

	__asm__ __volatile__("lfence\n\trdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
#endif
}

/*
 * One read of the record: true, the time now in *ns and a consistent copy
 * in *copy (a local object: the compiler keeps what the caller does not use
 * in registers) if the version was even and unchanged across the reads;
 * false if the hypervisor was inside an update. Computed before the version
 * is re-read, as the TSC is read there.
 */
static inline bool hyp_pvclock_try(const volatile struct hyp_pvclock_vcpu_time_info *t,
				   struct hyp_pvclock_vcpu_time_info *copy, uint64_t *ns)
{
	/* An odd version, cleared here, cannot equal the re-read one. */
	uint32_t version = t->version & ~1u;
	uint64_t tsc;

	__asm__ __volatile__("" : : : "memory");
	/* The TSC first (as Linux's __pvclock_read_cycles(src, rdtsc_ordered())): fewer live registers. */
	tsc = hyp_x86_rdtsc_ordered();
	copy->tsc_timestamp = t->tsc_timestamp;
	copy->system_time = t->system_time;
	copy->tsc_to_system_mul = t->tsc_to_system_mul;
	copy->tsc_shift = t->tsc_shift;
	copy->flags = t->flags;
	*ns = hyp_pvclock_time_at(copy, tsc);
	__asm__ __volatile__("" : : : "memory");
	copy->version = version;
	return version == t->version;
}

/*
 * hyp_pvclock_try() until it succeeds, at most HYP_CLOCK_RETRIES times
 * (pause between): the time now; a record still odd or changing after them
 * (a hypervisor that never closes its update) gives 0 with copy->version
 * odd and copy->flags 0. A consistent copy's version is even.
 */
static inline uint64_t hyp_pvclock_read(const volatile struct hyp_pvclock_vcpu_time_info *t,
					struct hyp_pvclock_vcpu_time_info *copy)
{
	uint32_t tries = HYP_CLOCK_RETRIES;
	uint64_t ns;

	while (!hyp_pvclock_try(t, copy, &ns)) {
		if (--tries == 0) {
			copy->version = 1;
			copy->flags = 0;
			return 0;
		}
		__asm__ __volatile__("pause" ::: "memory");
	}
	return ns;
}

#endif /* HYP_X86_PVCLOCK_H */
