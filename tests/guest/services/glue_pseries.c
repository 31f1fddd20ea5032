/* SPDX-License-Identifier: MIT */
/*
 * PowerPC pseries glue (QEMU -M pseries, VOF): the kernel knows it is a
 * PAPR partition. The runtime has no trap vectors: any trap ends the run.
 * H_CEDE enables MSR[EE] and the image has no decrementer handler: idle is
 * not called here.
 */
#include <guest/powerpc.h>
#include <guest/test.h>

#include "glue_none.h"

const struct hyp_platform *glue_platform(void)
{
	static const struct hyp_platform p = { .ppc_papr = true };

	return &p;
}

unsigned long glue_traps(void)
{
	return 0;
}

enum glue_end glue_end(void)
{
	return GLUE_END_RUNTIME;
}
