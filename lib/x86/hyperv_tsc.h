/* SPDX-License-Identifier: MIT */
/*
 * The reference TSC page reader, inline (hyperv_setup.c, clock.c).
 *
 * Rule (TLFS 6.0 12.7.3.2; Linux include/clocksource/hyperv_timer.h
 * hv_read_tsc_page_tsc): read TscSequence (0: the page is not valid now, use
 * the TIME_REF_COUNT MSR), then TscScale, TscOffset and the TSC, then the
 * sequence again and start over if it changed; time = ((tsc * scale) >> 64)
 * + offset, in 100 ns units. x86 keeps loads in order: compiler barriers
 * between them, lfence before rdtsc (hyp_x86_rdtsc_ordered).
 */
#ifndef HYP_LIB_X86_HYPERV_TSC_H
#define HYP_LIB_X86_HYPERV_TSC_H

#include <hyp/hyperv.h>
#include <hyp/x86/pvclock.h>

/* The page hyp_hyperv_tsc_page_enable() installed, or NULL (defined in clock.c). */
extern struct hyp_hyperv_tsc_page *hyp_hyperv_tsc_page_active;

/* High 64 bits of a * b: one mul where the compiler has a 128-bit type (x86_64). */
static inline __attribute__((always_inline)) uint64_t hyp_hyperv_mulhi(uint64_t a, uint64_t b)
{
#if defined(__SIZEOF_INT128__)
	return (uint64_t)(((unsigned __int128)a * b) >> 64);
#else
	/* Four 32x32->64 products (i386: mull each), carries summed in 64 bits. */
	uint64_t a_lo = (uint32_t)a, a_hi = a >> 32, b_lo = (uint32_t)b, b_hi = b >> 32;
	uint64_t lo_lo = a_lo * b_lo, hi_lo = a_hi * b_lo, lo_hi = a_lo * b_hi;
	uint64_t cross = (lo_lo >> 32) + (uint32_t)hi_lo + (uint32_t)lo_hi;

	return a_hi * b_hi + (hi_lo >> 32) + (lo_hi >> 32) + (cross >> 32);
#endif
}

/*
 * One pass of the sequence protocol: 1 and *time (100 ns units); 0 when the
 * page says it is not valid now (sequence 0); -1 when the sequence changed
 * meanwhile (read again). `tsc` NULL: hyp_x86_rdtsc_ordered(); a caller
 * passing the constant NULL gets no call in its code.
 */
static inline __attribute__((always_inline)) int
hyp_hyperv_tsc_try(const volatile struct hyp_hyperv_tsc_page *page, uint64_t (*tsc)(void), uint64_t *time)
{
	uint32_t seq = page->tsc_sequence;
	uint64_t scale, t;
	int64_t offset;

	if (__builtin_expect(seq == 0, 0))
		return 0;
	__asm__ __volatile__("" ::: "memory");
	scale = page->tsc_scale;
	offset = page->tsc_offset;
	t = tsc ? tsc() : hyp_x86_rdtsc_ordered();
	__asm__ __volatile__("" ::: "memory");
	if (__builtin_expect(page->tsc_sequence != seq, 0))
		return -1;
	*time = hyp_hyperv_mulhi(t, scale) + (uint64_t)offset;
	return 1;
}

/* After a first pass that saw the sequence change: the rest of the bound, pause between. */
static __attribute__((noinline, unused)) bool
hyp_hyperv_tsc_retry(const volatile struct hyp_hyperv_tsc_page *page, uint64_t (*tsc)(void), uint64_t *time)
{
	uint32_t tries = HYP_CLOCK_RETRIES - 1;
	int r;

	do {
		__asm__ __volatile__("pause" ::: "memory");
		if (tries-- <= 1)
			return false;
		r = hyp_hyperv_tsc_try(page, tsc, time);
	} while (r < 0);
	return r > 0;
}

/*
 * The whole protocol: at most HYP_CLOCK_RETRIES - 1 reads of the TSC; true
 * and *time, or false (sequence 0, or it kept changing).
 */
static inline __attribute__((always_inline)) bool
hyp_hyperv_tsc_read(const volatile struct hyp_hyperv_tsc_page *page, uint64_t (*tsc)(void), uint64_t *time)
{
	int r = hyp_hyperv_tsc_try(page, tsc, time);

	if (__builtin_expect(r < 0, 0))
		return hyp_hyperv_tsc_retry(page, tsc, time);
	return r > 0;
}

#define HYP_HYPERV_100NS 100u     /* the reference time's unit, in ns */

/* The installed page's time in ns: false with no page or no valid reading. */
static inline __attribute__((always_inline)) bool hyp_hyperv_tsc_ns(uint64_t *ns)
{
	const struct hyp_hyperv_tsc_page *page =
		__atomic_load_n(&hyp_hyperv_tsc_page_active, __ATOMIC_ACQUIRE);
	uint64_t t;

	if (__builtin_expect(page == NULL, 0) || !hyp_hyperv_tsc_read(page, NULL, &t))
		return false;
	*ns = t * HYP_HYPERV_100NS;
	return true;
}

#endif /* HYP_LIB_X86_HYPERV_TSC_H */
