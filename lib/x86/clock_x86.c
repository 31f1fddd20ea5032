/* SPDX-License-Identifier: MIT */
/* x86 clock sources, fastest read first (each probe decides if it exists here). */
#include "clock_x86.h"

static const struct hyp_clock_ops *x86_clock_sources[] = {   /* writable: lib/internal.h */
	&hyp_clock_kvmclock,
	&hyp_clock_xen,
	&hyp_clock_hyperv_tsc_page,
	&hyp_clock_hyperv_ref_count,
	NULL
};

int hyp_clock_init(const struct hyp_clock_config *cfg)
{
	return hyp_clock_select(x86_clock_sources, cfg);
}
