/* SPDX-License-Identifier: MIT */
/*
 * MIPS glue (QEMU malta, TCG): no VZ ASE anywhere, so harness/kvm_mips
 * plays the KVM host: console output goes to the UART byte for byte, and
 * KVM_HC_MIPS_EXIT_VM stops the machine as a host would (QEMU's status
 * GUEST_MALTA_PASS_RC, after the line "harness: KVM_HC_MIPS_EXIT_VM").
 * Every other trap ends the run.
 */
#include <guest/mips.h>
#include <guest/test.h>
#include <harness/kvm_mips.h>
#include <hyp/kvm.h>

#include "glue_none.h"

static long host(unsigned long nr, const unsigned long args[4])
{
	switch (nr) {
	case HYP_KVM_HC_MIPS_CONSOLE_OUTPUT:
		if (args[0] != 0)
			return -HYP_KVM_EINVAL;
		for (unsigned long i = 0; i < args[2]; i++)
			arch_putchar(((const char *)args[1])[i]);
		return (long)args[2];
	case HYP_KVM_HC_MIPS_EXIT_VM:
		printf("harness: KVM_HC_MIPS_EXIT_VM: the host stops the VM\n");
		arch_exit(true);
	default:
		return -HYP_KVM_ENOSYS;
	}
}

const struct hyp_platform *glue_platform(void)
{
	static const struct hyp_platform p = { .declared_kind = HYP_KIND_KVM };

	kvm_mips_harness_install(host);
	return &p;
}

unsigned long glue_traps(void)
{
	return 0;
}

enum glue_end glue_end(void)
{
	return GLUE_END_POWER_OFF;
}
