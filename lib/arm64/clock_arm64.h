/* SPDX-License-Identifier: MIT */
/*
 * The generic timer's virtual counter in ns (clock_arm64.c, clock.c).
 *
 * Rule (Arm ARM DDI 0487 D8.2.1 / D11.2: "a read of CNTVCT_EL0 can occur
 * speculatively and out of order relative to other instructions executed on
 * the same PE"): an ISB before the read keeps it after the instructions
 * before it; after it, a load whose address depends on the value (Linux
 * arch/arm64/include/asm/arch_timer.h arch_counter_enforce_ordering) makes
 * the read count as a memory read for later barriers, so later loads are
 * not satisfied before it. The counter is one system-wide count, at least
 * 56 bits wide (D11.1.2): at 1 GHz it wraps after 2^56 ns, 2.28 years, so
 * no wrap is handled here; the 128-bit product cannot overflow (the
 * 32.32 factor is below 2^42 for counters of 1 kHz and more).
 */
#ifndef HYP_LIB_ARM64_CLOCK_ARM64_H
#define HYP_LIB_ARM64_CLOCK_ARM64_H

#include "../clock_internal.h"

extern uint64_t hyp_arm64_ns_per_tick;  /* 32.32 fixed point: (10^9 << 32) / CNTFRQ_EL0 */

static inline __attribute__((always_inline)) uint64_t hyp_arm64_counter(void)
{
	uint64_t v, tmp;

	__asm__ __volatile__("isb\n\tmrs %0, cntvct_el0" : "=r"(v) : : "memory");
	__asm__ __volatile__("eor %0, %1, %1\n\tadd %0, sp, %0\n\tldr xzr, [%0]"
			     : "=r"(tmp) : "r"(v) : "memory");
	return v;
}

static inline __attribute__((always_inline)) uint64_t hyp_arm64_ticks_to_ns(uint64_t ticks)
{
	return (uint64_t)(((unsigned __int128)ticks * hyp_arm64_ns_per_tick) >> 32);
}

static inline __attribute__((always_inline)) uint64_t hyp_arm64_counter_ns(void)
{
	return hyp_arm64_ticks_to_ns(hyp_arm64_counter());
}

#endif /* HYP_LIB_ARM64_CLOCK_ARM64_H */
