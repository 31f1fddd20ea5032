/* SPDX-License-Identifier: MIT */
/* Between x86 detection (detect.c) and the family files: CPUID through the platform, MSRs. */
#ifndef HYP_LIB_X86_MSR_H
#define HYP_LIB_X86_MSR_H

#include "../internal.h"

/* CPUID(leaf, 0) as detection sees it (the platform hook, PV prefix or the instruction). */
void hyp_x86_platform_cpuid(const struct hyp_platform *plat, uint32_t leaf, uint32_t regs[4]);

/* Per-family probes (fill `info`, no state, no instruction but CPUID) and gate steps. */
void hyp_hyperv_probe(const struct hyp_platform *plat, struct hyp_info *info);
void hyp_hyperv_open_gate(const struct hyp_info *info);
void hyp_vmware_probe(const struct hyp_platform *plat, struct hyp_info *info);
void hyp_vmware_open_gate(const struct hyp_info *info);

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
