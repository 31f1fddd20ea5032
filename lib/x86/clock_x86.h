/* SPDX-License-Identifier: MIT */
/* Between the x86 clock sources (clock_*.c): MSR access. */
#ifndef HYP_LIB_X86_CLOCK_X86_H
#define HYP_LIB_X86_CLOCK_X86_H

#include "../clock_internal.h"

#include <hyp/x86/pvclock.h>

/* Only for MSRs a detected hypervisor serves: anything else raises #GP. */
static inline void hyp_clock_wrmsr(uint32_t msr, uint64_t value)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((uint32_t)value),
			     "d"((uint32_t)(value >> 32)) : "memory");
}

static inline uint64_t hyp_clock_rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr) : "memory");
	return (uint64_t)hi << 32 | lo;
}

#endif /* HYP_LIB_X86_CLOCK_X86_H */
