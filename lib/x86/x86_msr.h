/* SPDX-License-Identifier: MIT */
/* Between the x86 family files: detection's steps (x86_detect.h), MSRs. */
#ifndef HYP_LIB_X86_MSR_H
#define HYP_LIB_X86_MSR_H

#include "x86_detect.h"

static inline uint64_t hyp_x86_rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr) : "memory");
	return (uint64_t)hi << 32 | lo;
}

static inline void hyp_x86_wrmsr(uint32_t msr, uint64_t value)
{
	__asm__ __volatile__("wrmsr"
			     :
			     : "c"(msr), "a"((uint32_t)value), "d"((uint32_t)(value >> 32))
			     : "memory");
}

#endif /* HYP_LIB_X86_MSR_H */
