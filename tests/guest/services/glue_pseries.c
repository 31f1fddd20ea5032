/* SPDX-License-Identifier: MIT */
/*
 * PowerPC pseries glue (QEMU -M pseries with VOF, or the KVM-PR loader):
 * the kernel knows it is a PAPR partition. The runtime has no trap vectors: any trap ends the run.
 * H_CEDE enables MSR[EE] and the image has no decrementer handler: idle is
 * not called here.
 */
#include <guest/powerpc.h>
#include <guest/test.h>

#include "glue_none.h"

const struct hyp_platform *glue_platform(void)
{
	/* SERVICES_PAPR_RANDOM: the machine has H_RANDOM (QEMU's spapr-rng), as the kernel knows. */
#ifdef SERVICES_PAPR_RANDOM
	static const struct hyp_platform p = { .ppc_papr = true, .ppc_papr_random = true };
#else
	static const struct hyp_platform p = { .ppc_papr = true };
#endif

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
