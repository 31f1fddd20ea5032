/* SPDX-License-Identifier: MIT */
/* OSI (Mac-on-Linux) typed calls; ABI in <hyp/osi_abi.h>. */
#include "powerpc.h"

#include <hyp/osi.h>

int hyp_osi_call_available(unsigned long selector)
{
	long raw = hyp_osi_call1(HYP_OSI_CALL_AVAILABLE, selector, NULL);

	if (hyp_gate_passed(raw, &hyp_osi_gate))     /* else the host's word (lib/internal.h) */
		return (int)raw;
	return raw != 0;
}
