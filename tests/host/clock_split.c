/* SPDX-License-Identifier: MIT */
/* hyp_pvclock_scale() as a target without __int128 compiles it (two 32x32 multiplies). */
#define HYP_PVCLOCK_NO_INT128
#include <hyp/clock.h>

uint64_t clock_scale_split(uint64_t delta, uint32_t mul, int8_t shift);

uint64_t clock_scale_split(uint64_t delta, uint32_t mul, int8_t shift)
{
	return hyp_pvclock_scale(delta, mul, shift);
}
