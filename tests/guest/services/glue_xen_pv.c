/* SPDX-License-Identifier: MIT */
/*
 * x86_64 Xen PV dom0 glue: the kernel hands hyp_init() Xen's start_info and,
 * after it, the hypercall page Xen filled (the PV gate stays "not ready"
 * until then). The runtime has no trap vectors: any trap ends the run.
 */
#include <guest/test.h>
#include <guest/xen_pv.h>
#include <hyp/xen.h>

#define GLUE_AFTER_INIT
#define GLUE_STEAL
#include "glue_none.h"
#include "glue_x86_words.h"

const struct hyp_platform *glue_platform(void)
{
	static struct hyp_platform p;

	p = (struct hyp_platform){ .xen_pv_start_info = xen_pv_start_info() };
	return &p;
}

void glue_after_init(void)
{
	if (hyp_xen_set_hypercall_page(xen_pv_hypercall_page) != 0)
		report(false, "hyp_xen_set_hypercall_page(): refused");
}
