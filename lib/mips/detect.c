/* SPDX-License-Identifier: MIT */
/*
 * MIPS detection: the CPU has no instruction that names a hypervisor, and
 * HYPCALL outside a VZ guest raises Reserved Instruction, so probing is not
 * an option. The answer comes from the kernel: hyp_platform.declared_kind.
 */
#include "../internal.h"

int hyp_arch_detect(const struct hyp_platform *plat, struct hyp_info *info)
{
	enum hyp_kind kind = plat->declared_kind;

	if ((unsigned int)kind > (unsigned int)HYP_KIND_UNKNOWN)
		return HYP_EINVAL;
	/*
	 * TODO(device tree): when the platform carries a device tree blob, a
	 * /hypervisor node with compatible "linux,kvm" declares KVM too. Hook
	 * it here once the bounds-checked reader (lib/, PowerPC work) lands.
	 */
	info->kind = kind;
	if (kind == HYP_KIND_KVM) {
		const char sig[] = "KVM";

		for (unsigned int i = 0; i < sizeof(sig); i++)
			info->signature[i] = sig[i];
		info->families |= HYP_FAMILY_KVM;
	}
	return HYP_OK;
}

void hyp_arch_open_gates(const struct hyp_platform *plat, const struct hyp_info *info)
{
	(void)plat;
	hyp_gate_open(&hyp_kvm_gate, (info->families & HYP_FAMILY_KVM) ?
				     HYP_GATE_OPEN : HYP_GATE_ABSENT);
}

/* Linux's MIPS cpu_relax() is a compiler barrier on generic cores. */
void hyp_arch_cpu_relax(void)
{
	__asm__ __volatile__("nop" ::: "memory");
}
