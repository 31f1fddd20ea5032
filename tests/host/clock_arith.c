/* SPDX-License-Identifier: MIT */
/*
 * The pvclock arithmetic against references, over edge and random inputs:
 *   hyp_pvclock_scale()   against a 128-bit product (unsigned __int128 where
 *                         the compiler has it, and a 16-bit-limb schoolbook
 *                         product checked against it), both library paths
 *                         (__int128 and the two 32x32 multiplies); shifts
 *                         -32..+32, mul near 0, 2^31, 2^32, TSC wrap.
 *   hyp_clock_ns_to_sec() q * 10^9 + r == ns, r < 10^9 (i386: the divl path),
 *                         and the 32-bit-only restoring division.
 *   the cross-CPU guard    (i386: its cmpxchg8b) on two hand-made records.
 * Built for x86_64 (sanitizers) and i386 (static, run natively). Exit 0 or 1.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <hyp/clock.h>
#include <hyp/x86/pvclock.h>

#include "clock_internal.h"

uint64_t clock_scale_split(uint64_t delta, uint32_t mul, int8_t shift); /* clock_split.c */

static unsigned long failures, checks;

/* bits 32..95 of x * mul, from 16-bit limbs: no wide type at all. */
static uint64_t limb_mul_shr32(uint64_t x, uint32_t mul)
{
	uint32_t a[4], b[2], r[6] = { 0 };

	for (int i = 0; i < 4; i++)
		a[i] = (uint32_t)(x >> (16 * i)) & 0xffffu;
	b[0] = mul & 0xffffu;
	b[1] = mul >> 16;
	for (int i = 0; i < 4; i++) {
		uint32_t carry = 0;

		for (int j = 0; j < 2; j++) {
			uint32_t t = a[i] * b[j];                   /* < 2^32 */
			uint32_t lo = t & 0xffffu, hi = t >> 16;
			uint32_t s = r[i + j] + lo + carry;

			r[i + j] = s & 0xffffu;
			carry = (s >> 16) + hi;
		}
		for (int k = i + 2; k < 6 && carry; k++) {
			uint32_t s = r[k] + carry;

			r[k] = s & 0xffffu;
			carry = s >> 16;
		}
	}
	return (uint64_t)r[2] | (uint64_t)r[3] << 16 | (uint64_t)r[4] << 32 | (uint64_t)r[5] << 48;
}

static uint64_t shifted(uint64_t delta, int shift)
{
	return shift < 0 ? delta >> -shift : delta << shift;
}

static uint64_t reference(uint64_t delta, uint32_t mul, int shift)
{
	uint64_t x = shifted(delta, shift), limb = limb_mul_shr32(x, mul);
#ifdef __SIZEOF_INT128__
	uint64_t wide = (uint64_t)(((unsigned __int128)x * mul) >> 32);

	checks++;
	if (wide != limb) {
		failures++;
		printf("FAIL: limb reference %" PRIx64 " != __int128 %" PRIx64 " (x %" PRIx64 ", mul %" PRIx32 ")\n",
		       limb, wide, x, mul);
	}
	return wide;
#else
	return limb;
#endif
}

static void check_scale(uint64_t delta, uint32_t mul, int shift)
{
	uint64_t want = reference(delta, mul, shift);
	uint64_t lib = hyp_pvclock_scale(delta, mul, (int8_t)shift);
	uint64_t split = clock_scale_split(delta, mul, (int8_t)shift);

	checks++;
	if (lib != want || split != want) {
		if (failures++ < 10)
			printf("FAIL: scale(%#" PRIx64 ", %#" PRIx32 ", %d): library %#" PRIx64
			       ", split %#" PRIx64 ", reference %#" PRIx64 "\n",
			       delta, mul, shift, lib, split, want);
	}
}

static void check_time_at(uint64_t tsc, uint64_t ts, uint64_t sys, uint32_t mul, int shift)
{
	struct hyp_pvclock_vcpu_time_info r = {
		.tsc_timestamp = ts, .system_time = sys, .tsc_to_system_mul = mul,
		.tsc_shift = (int8_t)shift,
	};
	uint64_t want = sys + reference(tsc - ts, mul, shift);   /* the delta wraps mod 2^64 */

	checks++;
	if (hyp_pvclock_time_at(&r, tsc) != want && failures++ < 10)
		printf("FAIL: time_at(tsc %#" PRIx64 ", ts %#" PRIx64 ")\n", tsc, ts);
}

static void check_div(uint64_t ns)
{
	uint32_t rem, rem2;
	uint64_t sec = hyp_clock_ns_to_sec(ns, &rem);
	uint32_t hi = (uint32_t)(ns >> 32);
	uint32_t q2 = hyp_clock_div_bits(hi % 1000000000u, (uint32_t)ns, 1000000000u, &rem2);
	uint64_t sec2 = (uint64_t)(hi / 1000000000u) << 32 | q2;

	checks++;
	/* sec * 10^9 + rem == ns, checked with 32x32 products only. */
	if (rem >= 1000000000u || sec != sec2 || rem != rem2 ||
	    (uint64_t)(uint32_t)sec * 1000000000u + ((sec >> 32) * 1000000000u << 32) + rem != ns) {
		if (failures++ < 10)
			printf("FAIL: ns_to_sec(%" PRIu64 ") = %" PRIu64 " rem %" PRIu32
			       " (generic %" PRIu64 " rem %" PRIu32 ")\n", ns, sec, rem, sec2, rem2);
	}
}

/* CPU b's record is 1000 s behind a's and not stable: b's reads are held at a's. */
static void check_guard(void)
{
	static _Alignas(HYP_CLOCK_CPU_ALIGN) struct hyp_clock_cpu a, b;
	static struct hyp_pvclock_vcpu_time_info ra, rb;
	uint64_t ta, tb, prev = 0;

	ra = (struct hyp_pvclock_vcpu_time_info){ .version = 2, .system_time = 2000000000000ull,
						  .tsc_to_system_mul = 1u << 31 };
	rb = ra;
	rb.system_time = 1000000000000ull;
	ra.tsc_timestamp = rb.tsc_timestamp = hyp_x86_rdtsc_ordered();
	a.pvclock = &ra;
	b.pvclock = &rb;
	a.source = b.source = HYP_CLOCK_KVMCLOCK;
	for (int i = 0; i < 1000; i++) {
		ta = hyp_clock_ns(&a);
		tb = hyp_clock_ns(&b);
		checks++;
		if (ta < 2000000000000ull || tb < ta || ta < prev) {
			if (failures++ < 10)
				printf("FAIL: guard: a %" PRIu64 ", then b %" PRIu64 " (before: %" PRIu64 ")\n",
				       ta, tb, prev);
		}
		prev = tb;
	}
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

int main(void)
{
	static const uint64_t deltas[] = {
		0, 1, 2, 0xffffffffull, 0x100000000ull, 0x100000001ull, 0x7fffffffffffffffull,
		0x8000000000000000ull, 0xffffffffffffffffull, 0xfffffffffffffffeull,
		1000000000ull, 3000000000ull * 3600, 0x00ffffffffffffffull,
	};
	static const uint32_t muls[] = {
		0, 1, 2, 0x7fffffffu, 0x80000000u, 0x80000001u, 0xfffffffeu, 0xffffffffu,
		0xc53a9b3du, 0xa0000000u,
	};

	for (unsigned int d = 0; d < sizeof(deltas) / sizeof(deltas[0]); d++)
		for (unsigned int m = 0; m < sizeof(muls) / sizeof(muls[0]); m++)
			for (int s = -32; s <= 32; s++)
				check_scale(deltas[d], muls[m], s);
	for (unsigned int i = 0; i < 2000000; i++) {
		uint64_t delta = next();
		uint32_t mul = (uint32_t)next();

		if (i & 1)
			mul |= 0xffff0000u;                     /* near 2^32 */
		if (i & 2)
			delta >>= next() % 64;
		check_scale(delta, mul, (int)(next() % 65) - 32);
	}
	/* TSC wrap: the record stamped just before the counter wrapped. */
	for (int s = -8; s <= 8; s++) {
		check_time_at(5, 0xfffffffffffffff0ull, 123456789, 0xc53a9b3du, s);
		check_time_at(0, 0xffffffffffffffffull, 0, 0xffffffffu, s);
		check_time_at(0x10, 0x20, 1ull << 40, 0x80000000u, s);  /* tsc before the stamp */
	}
	for (unsigned int i = 0; i < 1000000; i++)
		check_time_at(next(), next(), next() >> 1, (uint32_t)next(), (int)(next() % 65) - 32);
	check_div(0);
	check_div(999999999);
	check_div(1000000000);
	check_div(0xffffffffull);
	check_div(0x100000000ull);
	check_div(0xffffffffffffffffull);
	check_div(4294967296000000000ull);
	for (unsigned int i = 0; i < 2000000; i++)
		check_div(next() >> (next() % 64));
	check_guard();
	printf("%s: %lu checks, %lu failures (%u-bit, %s reference)\n",
	       failures ? "FAIL" : "PASS", checks, failures, (unsigned int)(sizeof(void *) * 8),
#ifdef __SIZEOF_INT128__
	       "__int128 and limb"
#else
	       "limb"
#endif
	       );
	return failures ? 1 : 0;
}
