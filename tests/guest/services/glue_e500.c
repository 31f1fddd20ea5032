/* SPDX-License-Identifier: MIT */
/*
 * PowerPC e500 glue (QEMU ppce500, TCG): harness/epapr plays the ePAPR
 * hypervisor behind the `sc 1` of harness/epapr.dts's /hypervisor
 * (has-idle). The kernel names its console byte channel (handle 7) in
 * hyp_platform. The hypervisor played here prints each byte sent on the
 * UART, and answers EV_IDLE as a hypervisor does once the interrupt the
 * glue armed is pending (it counts the call: glue_wakeup_done() is true only
 * if EV_IDLE reached it). Any other `sc` ends the run.
 */
#include <guest/powerpc.h>
#include <guest/test.h>
#include <harness/epapr.h>
#include <hyp/epapr_abi.h>

#define GLUE_WAKEUP
#include "glue_none.h"

#define CONSOLE_HANDLE  7u

static bool wake_armed;
static unsigned int idle_calls;

static unsigned long hypervisor(struct epapr_call *c)
{
	unsigned long count = c->in[1];

	if (c->token == HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, HYP_EPAPR_IDLE)) {
		idle_calls += wake_armed;
		return HYP_EV_SUCCESS;
	}
	if (c->token == HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, HYP_EPAPR_BYTE_CHANNEL_RECEIVE)) {
		c->out[0] = 0;
		return c->in[0] == CONSOLE_HANDLE ? HYP_EV_SUCCESS : HYP_EV_EINVAL;
	}
	if (c->token != HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, HYP_EPAPR_BYTE_CHANNEL_SEND) ||
	    c->in[0] != CONSOLE_HANDLE || count > HYP_EPAPR_BYTE_CHANNEL_MAX)
		return HYP_EV_EINVAL;
	for (unsigned int i = 0; i < count; i++)   /* r5-r8: the bytes, big-endian words */
		arch_putchar((char)(uint8_t)((uint32_t)c->in[2 + i / 4] >> (24 - 8 * (i % 4))));
	c->out[0] = count;
	return HYP_EV_SUCCESS;
}

const struct hyp_platform *glue_platform(void)
{
	static struct hyp_platform p;

	epapr_harness_install(hypervisor);
	p = (struct hyp_platform){ .fdt = guest_ppc_fdt, .fdt_size = guest_ppc_fdt_size,
				   .ppc_epapr_console = true,
				   .ppc_epapr_console_handle = CONSOLE_HANDLE };
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

bool glue_wakeup_arm(void)
{
	wake_armed = true;
	idle_calls = 0;
	return true;
}

bool glue_wakeup_done(void)
{
	wake_armed = false;
	return idle_calls == 1;
}
