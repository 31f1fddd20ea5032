/* SPDX-License-Identifier: MIT */
/*
 * PowerPC detection: each family's probe (device tree, the kernel's words;
 * no instruction traps), then at hyp_init() each family's gate step, in
 * the order of this table.
 */
#include "powerpc.h"

static const struct hyp_powerpc_family families[] = {
	{ hyp_epapr_probe,      hyp_epapr_open_gate },
	{ hyp_kvm_ppc_probe,    hyp_kvm_ppc_open_gate },
	{ hyp_papr_probe,       hyp_papr_open_gate },
	{ hyp_osi_probe,        hyp_osi_open },
};

#define FAMILY_COUNT (sizeof(families) / sizeof(families[0]))

int hyp_arch_detect(const struct hyp_platform *plat, struct hyp_info *info)
{
	struct hyp_info found = *info;

	for (size_t i = 0; i < FAMILY_COUNT; i++) {
		int err = families[i].probe(plat, &found);

		if (err)
			return err;
	}
	*info = found;
	return HYP_OK;
}

void hyp_arch_open_gates(const struct hyp_platform *plat, const struct hyp_info *info)
{
	(void)plat;
	for (size_t i = 0; i < FAMILY_COUNT; i++)
		families[i].open_gate(info);
}

void hyp_arch_cpu_relax(void)
{
	/* "or 1,1,1": lower SMT thread priority while spinning (a nop elsewhere). */
	__asm__ __volatile__("or 1, 1, 1\n\tor 2, 2, 2" ::: "memory");
}
