/* SPDX-License-Identifier: MIT */
/* x86 CPUID: never traps, so detection can use it on any CPU. */
#ifndef HYP_X86_CPUID_H
#define HYP_X86_CPUID_H

#include <stdint.h>

/* regs[0..3] = eax, ebx, ecx, edx of CPUID(leaf, subleaf). */
static inline void hyp_x86_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t regs[4])
{
	__asm__ __volatile__("cpuid"
			     : "=a"(regs[0]), "=b"(regs[1]), "=c"(regs[2]), "=d"(regs[3])
			     : "a"(leaf), "c"(subleaf));
}

#endif /* HYP_X86_CPUID_H */
