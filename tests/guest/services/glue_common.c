/* SPDX-License-Identifier: MIT */
/* What every machine's glue shares. */
#include <guest/test.h>

#include "glue.h"

enum glue_steal glue_steal_named(const char *name)
{
	if (!strcmp(name, "nonzero"))
		return GLUE_STEAL_NONZERO;
	if (!strcmp(name, "grows"))
		return GLUE_STEAL_GROWS;
	return GLUE_STEAL_MONOTONIC;
}

enum glue_end glue_end_named(const char *name)
{
	if (!strcmp(name, "power-off"))
		return GLUE_END_POWER_OFF;
	if (!strcmp(name, "reset"))
		return GLUE_END_RESET;
	if (!strcmp(name, "crash"))
		return GLUE_END_CRASH;
	return GLUE_END_RUNTIME;
}
