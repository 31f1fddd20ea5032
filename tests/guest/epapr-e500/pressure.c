/* SPDX-License-Identifier: MIT */
/*
 * Clobber probes: many values live across one ePAPR call, so that the
 * compiler keeps some in every register the stub does not declare changed;
 * the harness poisons r0, r12, CTR, XER and CR0/1/5-7 and answers in r3-r11,
 * so a clobber missing from the stub shows as a wrong sum. A memory probe:
 * the harness stores to hv_mem_probe, which must be re-read after the call.
 * The probes call the area directly (hyp_epapr_area_callN): the gated
 * stubs' atomic gate read already keeps the compiler from caching memory.
 */
#include "harness.h"

#define LIVE(i) unsigned long v##i = seed * (i + 3) + (i << 8); __asm__("" : "+r"(v##i))
#define USE(i)  (v##i * (i + 1))

unsigned long pressure_across_call(unsigned long seed, bool call)
{
	LIVE(0); LIVE(1); LIVE(2); LIVE(3); LIVE(4); LIVE(5); LIVE(6); LIVE(7);
	LIVE(8); LIVE(9); LIVE(10); LIVE(11); LIVE(12); LIVE(13); LIVE(14); LIVE(15);
	LIVE(16); LIVE(17); LIVE(18); LIVE(19); LIVE(20); LIVE(21); LIVE(22); LIVE(23);
	LIVE(24); LIVE(25); LIVE(26); LIVE(27);

	if (call)
		hyp_epapr_area_call2(HV_ECHO_TOKEN, v0, v1, NULL);
	return USE(0) + USE(1) + USE(2) + USE(3) + USE(4) + USE(5) + USE(6) + USE(7) +
	       USE(8) + USE(9) + USE(10) + USE(11) + USE(12) + USE(13) + USE(14) + USE(15) +
	       USE(16) + USE(17) + USE(18) + USE(19) + USE(20) + USE(21) + USE(22) + USE(23) +
	       USE(24) + USE(25) + USE(26) + USE(27);
}

/* Compare-and-branch state kept in CR across the call. */
unsigned long cr_across_call(unsigned long a, unsigned long b)
{
	unsigned long r = 0;
	bool lt = a < b, eq = a == b, gt = a > b;

	__asm__("" : "+r"(a), "+r"(b));
	hyp_epapr_area_call1(HV_ECHO_TOKEN, a, NULL);
	if (lt)
		r |= 1;
	if (eq)
		r |= 2;
	if (gt)
		r |= 4;
	return r;
}

unsigned long memory_across_call(void)
{
	hv_mem_probe = 0;
	hyp_epapr_area_call0(HV_ECHO_TOKEN, NULL);
	return hv_mem_probe;
}

/* A counted loop around the call: the compiler may count in CTR. */
void ctr_across_call(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		hyp_epapr_area_call0(HV_ECHO_TOKEN, NULL);
}
