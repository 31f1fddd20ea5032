/* SPDX-License-Identifier: MIT */
/*
 * MIPS's service paths and table: KVM's console output (HYPCALL 8, vterm 0)
 * and exit (KVM_HC_MIPS_EXIT_VM, a power off); Linux
 * Documentation/virt/kvm/mips/hypercalls.rst.
 */
#include "../services_internal.h"

#include <hyp/kvm.h>

static bool kvm_offered(const struct hyp_info *info, const struct hyp_platform *plat)
{
	(void)plat;
	return (info->families & HYP_FAMILY_KVM) != 0;
}

static int kvm_console(const void *buf, size_t len)
{
	return hyp_kvm_mips_console_write(0, (const char *)buf, len);
}

static struct hyp_service_path kvm_console_path = {
	"kvm-mips-console", kvm_offered, { .write = kvm_console } };
static struct hyp_service_path kvm_exit_path = {
	"kvm-mips-exit", kvm_offered, { .call = hyp_kvm_mips_exit_vm } };

const struct hyp_service_path *const *hyp_service_table[HYP_SERVICES] = {
	[HYP_SERVICE_CONSOLE_WRITE] = HYP_SERVICE_PATHS(&kvm_console_path),
	[HYP_SERVICE_POWER_OFF] = HYP_SERVICE_PATHS(&kvm_exit_path),
};
