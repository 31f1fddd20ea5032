/* SPDX-License-Identifier: MIT */
/* s390x glue (QEMU s390-ccw-virtio, TCG or KVM): every unhooked trap ends the run. */
#include <guest/s390.h>
#include <guest/test.h>

#include "glue_none.h"

const struct hyp_platform *glue_platform(void)
{
	static const struct hyp_platform p;

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
