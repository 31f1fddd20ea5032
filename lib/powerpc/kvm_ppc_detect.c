/* SPDX-License-Identifier: MIT */
/*
 * KVM on PowerPC: its calls are ePAPR calls of vendor 42
 * (Documentation/virt/kvm/ppc-pv.rst), offered when the /hypervisor node
 * says "linux,kvm" (the ePAPR probe named the hypervisor KVM) and gave a
 * valid call sequence.
 */
#include "powerpc.h"

int hyp_kvm_ppc_probe(const struct hyp_platform *plat, struct hyp_info *info)
{
	(void)plat;
	if ((info->families & HYP_FAMILY_EPAPR) && info->kind == HYP_KIND_KVM)
		info->families |= HYP_FAMILY_KVM;
	return HYP_OK;
}

void hyp_kvm_ppc_open_gate(const struct hyp_info *info)
{
	hyp_gate_open(&hyp_kvm_gate, (info->families & HYP_FAMILY_KVM) ? HYP_GATE_OPEN : HYP_GATE_ABSENT);
}
