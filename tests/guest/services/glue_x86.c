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
#include "glue_x86_words.h"

const struct hyp_platform *glue_platform(void)
{
	static struct hyp_platform p;
	char v[8];

	p = (struct hyp_platform){ .x86_vmware_backdoor = guest_cmdline_get("vmport", v, sizeof(v)) };
	return &p;
}
