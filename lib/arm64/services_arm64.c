/* SPDX-License-Identifier: MIT */
/*
 * aarch64's service table: Xen (dom0) for its console and its shutdown
 * reasons (crash has no PSCI call); PSCI for power, CPUs and standby
 * (Xen emulates PSCI for its guests too); the SMCCC TRNG; Xen's runstate
 * area for steal time. Not yet: arm64 PV time (SMCCC HV_PV_TIME_ST).
 */
#include "../services_internal.h"

extern struct hyp_service_path hyp_service_psci_off, hyp_service_psci_reset,
	hyp_service_psci_idle, hyp_service_psci_cpu_start, hyp_service_psci_cpu_stop,
	hyp_service_trng;       /* services_smccc.c */

const struct hyp_service_path *const *hyp_service_table[HYP_SERVICES] = {
	[HYP_SERVICE_CONSOLE_WRITE] = HYP_SERVICE_PATHS(&hyp_service_xen_pv_console_write,
							&hyp_service_xen_console_write),
	[HYP_SERVICE_CONSOLE_READ] = HYP_SERVICE_PATHS(&hyp_service_xen_pv_console_read,
						       &hyp_service_xen_console_read),
	[HYP_SERVICE_POWER_OFF] = HYP_SERVICE_PATHS(&hyp_service_xen_power_off,
						    &hyp_service_psci_off),
	[HYP_SERVICE_RESET] = HYP_SERVICE_PATHS(&hyp_service_xen_reset, &hyp_service_psci_reset),
	[HYP_SERVICE_CRASH] = HYP_SERVICE_PATHS(&hyp_service_xen_crash),
	[HYP_SERVICE_ENTROPY] = HYP_SERVICE_PATHS(&hyp_service_trng),
	[HYP_SERVICE_IDLE] = HYP_SERVICE_PATHS(&hyp_service_psci_idle, &hyp_service_xen_idle),
	[HYP_SERVICE_YIELD] = HYP_SERVICE_PATHS(&hyp_service_xen_yield),
	[HYP_SERVICE_CPU_START] = HYP_SERVICE_PATHS(&hyp_service_psci_cpu_start),
	[HYP_SERVICE_CPU_STOP] = HYP_SERVICE_PATHS(&hyp_service_psci_cpu_stop),
	[HYP_SERVICE_STEAL_TIME] = HYP_SERVICE_PATHS(&hyp_service_xen_steal),
};
