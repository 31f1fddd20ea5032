/* SPDX-License-Identifier: MIT */
/*
 * x86's service table: Xen (HVM, PVH, PV) serves console, power, idle and
 * yield; steal time from KVM's MSR or Xen's runstate. KVM and Hyper-V
 * offer no console, power, entropy or CPU start hypercall (x86 starts CPUs
 * with INIT-SIPI; RDRAND is the CPU's).
 */
#include "../services_internal.h"

extern struct hyp_service_path hyp_service_kvm_steal;     /* services_kvm_steal.c */

const struct hyp_service_path *const *hyp_service_table[HYP_SERVICES] = {
	[HYP_SERVICE_CONSOLE_WRITE] = HYP_SERVICE_PATHS(&hyp_service_xen_pv_console_write,
							&hyp_service_xen_console_write),
	[HYP_SERVICE_CONSOLE_READ] = HYP_SERVICE_PATHS(&hyp_service_xen_pv_console_read,
						       &hyp_service_xen_console_read),
	[HYP_SERVICE_POWER_OFF] = HYP_SERVICE_PATHS(&hyp_service_xen_power_off),
	[HYP_SERVICE_RESET] = HYP_SERVICE_PATHS(&hyp_service_xen_reset),
	[HYP_SERVICE_CRASH] = HYP_SERVICE_PATHS(&hyp_service_xen_crash),
	[HYP_SERVICE_ENTROPY] = HYP_SERVICE_NO_PATH,
	[HYP_SERVICE_IDLE] = HYP_SERVICE_PATHS(&hyp_service_xen_idle),
	[HYP_SERVICE_YIELD] = HYP_SERVICE_PATHS(&hyp_service_xen_yield),
	[HYP_SERVICE_CPU_START] = HYP_SERVICE_NO_PATH,
	[HYP_SERVICE_CPU_STOP] = HYP_SERVICE_NO_PATH,
	[HYP_SERVICE_STEAL_TIME] = HYP_SERVICE_PATHS(&hyp_service_kvm_steal, &hyp_service_xen_steal),
};
