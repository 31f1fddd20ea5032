/* SPDX-License-Identifier: MIT */
/*
 * MIPS detection: the CPU has no instruction that names a hypervisor, and
 * HYPCALL outside a VZ guest raises Reserved Instruction, so probing is not
 * an option. The answer comes from the kernel: hyp_platform.declared_kind,
 * or else the device tree it passes (hyp_platform.fdt): a /hypervisor node
 * compatible with "linux,kvm" (the binding PowerPC KVM uses) declares KVM.
 */
#include "../internal.h"

#include <hyp/fdt.h>

/* The kind the device tree declares: KVM, NONE, or HYP_EBADDT. */
static int kind_from_fdt(const struct hyp_platform *plat)
{
	struct hyp_fdt_hypervisor hv;
	int err;

	if (!plat->fdt)
		return HYP_KIND_NONE;
	err = hyp_fdt_read_hypervisor(plat->fdt, plat->fdt_size, &hv);
	if (err < 0)
		return err;
	return hv.present && hv.compatible_kvm ? HYP_KIND_KVM : HYP_KIND_NONE;
}

int hyp_arch_detect(const struct hyp_platform *plat, struct hyp_info *info)
{
	enum hyp_kind kind = plat->declared_kind;

	if ((unsigned int)kind > (unsigned int)HYP_KIND_UNKNOWN)
		return HYP_EINVAL;
	if (kind == HYP_KIND_NONE) {
		int from_fdt = kind_from_fdt(plat);

		if (from_fdt < 0)
			return from_fdt;
		kind = (enum hyp_kind)from_fdt;
	}
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
	hyp_kvm_open_gate(info);
}

/* Linux's MIPS cpu_relax() is a compiler barrier on generic cores. */
void hyp_arch_cpu_relax(void)
{
	__asm__ __volatile__("nop" ::: "memory");
}
