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

#include <hyp/pvclock_abi.h>

static inline uint64_t hyp_x86_rdtsc_ordered(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("lfence\n\trdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

/* Copies the record into *out and returns the TSC read inside the same version. */
static inline uint64_t hyp_pvclock_snapshot(const volatile struct hyp_pvclock_vcpu_time_info *t,
					    struct hyp_pvclock_vcpu_time_info *out)
{
	uint32_t version;
	uint64_t tsc;

	do {
		version = t->version;
		__asm__ __volatile__("" : : : "memory");
		tsc = hyp_x86_rdtsc_ordered();
		out->tsc_timestamp = t->tsc_timestamp;
		out->system_time = t->system_time;
		out->tsc_to_system_mul = t->tsc_to_system_mul;
		out->tsc_shift = t->tsc_shift;
		out->flags = t->flags;
		__asm__ __volatile__("" : : : "memory");
	} while ((version & 1u) || version != t->version);
	out->version = version;
	return tsc;
}

#endif /* HYP_X86_PVCLOCK_H */
