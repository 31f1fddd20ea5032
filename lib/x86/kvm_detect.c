/* SPDX-License-Identifier: MIT */
/*
 * x86 KVM detection: the lowest "KVMKVMKVM" leaf base, its features leaf
 * (base + 1: eax features, edx hints; Documentation/virt/kvm/x86/cpuid.rst),
 * and the gate: vmmcall on AMD and Hygon, vmcall elsewhere, unless the
 * build fixed the instruction (HYP_X86_KVM_FORCE_VMCALL / _VMMCALL).
 */
#include "x86_detect.h"

void hyp_kvm_x86_base(const struct hyp_platform *plat, struct hyp_info *info,
		      enum hyp_kind kind, uint32_t base, uint32_t max)
{
	uint32_t regs[4];

	if (kind == HYP_KIND_KVM && !info->x86_kvm_base) {
		info->x86_kvm_base = base;
		info->families |= HYP_FAMILY_KVM;
		if (max >= base + 1) {
			hyp_x86_platform_cpuid(plat, base + 1, regs);
			info->kvm_features = regs[0];
			info->kvm_hints = regs[3];
		}
	}
}

static unsigned int kvm_gate(const struct hyp_info *info)
{
	if (!(info->families & HYP_FAMILY_KVM))
		return HYP_GATE_ABSENT;
#if defined(HYP_X86_KVM_FORCE_VMCALL)
	return HYP_GATE_X86_VMCALL;
#elif defined(HYP_X86_KVM_FORCE_VMMCALL)
	return HYP_GATE_X86_VMMCALL;
#else
	if (info->x86_vendor == HYP_X86_VENDOR_AMD || info->x86_vendor == HYP_X86_VENDOR_HYGON)
		return HYP_GATE_X86_VMMCALL;
	return HYP_GATE_X86_VMCALL;
#endif
}

void hyp_kvm_x86_open_gate(const struct hyp_info *info)
{
	hyp_gate_open(&hyp_kvm_gate, kvm_gate(info));
}
