/* SPDX-License-Identifier: MIT */
/*
 * PowerPC detection: each family's probe (device tree, the kernel's words;
 * no instruction traps), then at hyp_init() each family's gate step, in
 * this order (direct calls, no table of function pointers: lib/internal.h).
 */
#include "powerpc.h"

int hyp_arch_detect(const struct hyp_platform *plat, struct hyp_info *info)
{
	struct hyp_info found;
	int err;

	hyp_copy_bytes(&found, info, sizeof(found));
	/* A family left out of HYP_FAMILIES (include/hyp/config.h) is not probed. */
	if ((HYP_FAMILY_BUILT(HYP_FAMILY_EPAPR) && (err = hyp_epapr_probe(plat, &found))) ||
	    (HYP_FAMILY_BUILT(HYP_FAMILY_KVM) && (err = hyp_kvm_ppc_probe(plat, &found))) ||
	    (HYP_FAMILY_BUILT(HYP_FAMILY_PAPR) && (err = hyp_papr_probe(plat, &found))) ||
	    (HYP_FAMILY_BUILT(HYP_FAMILY_OSI) && (err = hyp_osi_probe(plat, &found))))
		return err;
	hyp_copy_bytes(info, &found, sizeof(found));
	return HYP_OK;
}

void hyp_arch_open_gates(const struct hyp_platform *plat, const struct hyp_info *info)
{
	(void)plat;
	HYP_FAMILY_OPEN(HYP_FAMILY_EPAPR, hyp_epapr_open_gate(info), &hyp_epapr_gate);
	HYP_FAMILY_OPEN(HYP_FAMILY_KVM, hyp_kvm_ppc_open_gate(info), &hyp_kvm_gate);
	HYP_FAMILY_OPEN(HYP_FAMILY_PAPR, hyp_papr_open_gate(info), &hyp_papr_gate);
	HYP_FAMILY_OPEN(HYP_FAMILY_OSI, hyp_osi_open(info), &hyp_osi_gate);
}

void hyp_arch_cpu_relax(void)
{
	/* "or 1,1,1": lower SMT thread priority while spinning (a nop elsewhere). */
	__asm__ __volatile__("or 1, 1, 1\n\tor 2, 2, 2" ::: "memory");
}
