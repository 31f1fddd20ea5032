/* SPDX-License-Identifier: MIT */
/*
 * x86 glue (PVH image: TCG, the nested KVM, Xen PVH dom0): every trap ends
 * the run ("ABORT: unexpected trap", no hook is set), so the count is 0.
 * "vmport" on the command line declares QEMU's VMware backdoor; "end=..."
 * names the service whose effect the runner sees (Xen's power off halts
 * the machine without QEMU exiting: never that one there).
 */
#include <guest/test.h>
#include <guest/x86.h>

#define GLUE_STEAL
#include "glue_none.h"

const struct hyp_platform *glue_platform(void)
{
	static struct hyp_platform p;
	char v[8];

	p = (struct hyp_platform){ .x86_vmware_backdoor = guest_cmdline_get("vmport", v, sizeof(v)) };
	return &p;
}

/* "steal=grows": the nested KVM's loader runs a busy process beside the vCPU (-busy). */
enum glue_steal glue_steal(void)
{
	char v[16];

	return guest_cmdline_get("steal", v, sizeof(v)) ? glue_steal_named(v) : GLUE_STEAL_MONOTONIC;
}

unsigned long glue_traps(void)
{
	return 0;
}

enum glue_end glue_end(void)
{
	char v[16];

	return guest_cmdline_get("end", v, sizeof(v)) ? glue_end_named(v) : GLUE_END_RUNTIME;
}
