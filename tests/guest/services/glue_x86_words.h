/* SPDX-License-Identifier: MIT */
/*
 * The x86 runtimes' shared glue (PVH and Xen PV, each with its own
 * guest_cmdline_get()): "end=" and "steal=" from the command line, and no
 * trap count (every trap ends those runs).
 */
#ifndef SERVICES_GLUE_X86_WORDS_H
#define SERVICES_GLUE_X86_WORDS_H

#include "glue.h"

/* "steal=nonzero|grows" (grows: the nested KVM's loader runs -busy beside the vCPU). */
enum glue_steal glue_steal(void)
{
	char v[16];

	return guest_cmdline_get("steal", v, sizeof(v)) ? glue_steal_named(v) : GLUE_STEAL_MONOTONIC;
}

enum glue_end glue_end(void)
{
	char v[16];

	return guest_cmdline_get("end", v, sizeof(v)) ? glue_end_named(v) : GLUE_END_RUNTIME;
}

unsigned long glue_traps(void)
{
	return 0;
}

#endif /* SERVICES_GLUE_X86_WORDS_H */
