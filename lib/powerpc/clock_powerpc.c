/* SPDX-License-Identifier: MIT */
/* powerpc: no hypervisor clock source yet: hyp_clock_init() answers HYP_ENOHYP. */
#include "../clock_internal.h"

int hyp_clock_init(const struct hyp_clock_config *cfg)
{
	static const struct hyp_clock_ops *const none[] = { NULL };

	return hyp_clock_select(none, cfg);
}
