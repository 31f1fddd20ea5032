/* SPDX-License-Identifier: MIT */
/*
 * Hyper-V detection (TLFS 2.4): its leaves are always at 0x40000000; the
 * vendor leaf's max must reach 0x40000005 and leaf 0x40000001 eax must be
 * "Hv#1" (a vendor string alone does not promise the TLFS interface).
 */
#include "x86_detect.h"

void hyp_hyperv_probe(const struct hyp_platform *plat, struct hyp_info *info)
{
	static const char vendor[12] = "Microsoft Hv";
	uint32_t regs[4];
	uint32_t max;

	if (info->kind != HYP_KIND_HYPERV)  /* its leaves come first: it names the hypervisor */
		return;
	hyp_x86_platform_cpuid(plat, HYP_HYPERV_CPUID_VENDOR, regs);
	max = regs[0];
	for (unsigned int i = 0; i < 12; i++)
		if ((char)(regs[1 + i / 4] >> (8 * (i % 4))) != vendor[i])
			return;
	if (max < HYP_HYPERV_CPUID_MIN || max - HYP_HYPERV_CPUID_VENDOR >= 0x100u)
		return;
	hyp_x86_platform_cpuid(plat, HYP_HYPERV_CPUID_INTERFACE, regs);
	if (regs[0] != HYP_HYPERV_INTERFACE_SIGNATURE)
		return;
	info->families |= HYP_FAMILY_HYPERV;
	info->hyperv_max_leaf = max;
	hyp_x86_platform_cpuid(plat, HYP_HYPERV_CPUID_FEATURES, regs);
	info->hyperv_privileges = regs[0];
	info->hyperv_privileges_high = regs[1];
	info->hyperv_features = regs[3];
	hyp_x86_platform_cpuid(plat, HYP_HYPERV_CPUID_ENLIGHTENMENT_INFO, regs);
	info->hyperv_recommendations = regs[0];
	info->hyperv_spin_retries = regs[1];
}

/* Detected: the gate stays "not initialised" until hyp_hyperv_enable() verified a page. */
void hyp_hyperv_open_gate(const struct hyp_info *info)
{
	hyp_gate_open(&hyp_hyperv_gate,
		      (info->families & HYP_FAMILY_HYPERV) ? HYP_GATE_UNINIT : HYP_GATE_ABSENT);
}
