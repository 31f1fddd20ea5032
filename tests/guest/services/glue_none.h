/* SPDX-License-Identifier: MIT */
/*
 * The glue of a machine without interrupts armed, a second CPU or a reset
 * counter (included by glue_<arch>.c where that is so): each answers "none".
 */
#ifndef SERVICES_GLUE_NONE_H
#define SERVICES_GLUE_NONE_H

#include "glue.h"

volatile uint32_t *glue_scratch(void)
{
	return NULL;
}

#ifndef GLUE_WAKEUP
bool glue_wakeup_arm(void)
{
	return false;
}

bool glue_wakeup_done(void)
{
	return false;
}
#endif

bool glue_other_cpu(uint64_t *cpu)
{
	(void)cpu;
	return false;
}

uintptr_t glue_secondary_entry(void)
{
	return 0;
}

void glue_before_end(bool pass)
{
	(void)pass;
}

#ifndef GLUE_STEAL
enum glue_steal glue_steal(void)
{
	return GLUE_STEAL_MONOTONIC;
}
#endif

#ifndef GLUE_AFTER_INIT
void glue_after_init(void)
{
}
#endif

#endif /* SERVICES_GLUE_NONE_H */
