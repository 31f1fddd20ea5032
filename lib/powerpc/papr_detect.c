/* SPDX-License-Identifier: MIT */
/*
 * PAPR detection: the kernel declares it (hyp_platform.ppc_papr), or the
 * device tree has /rtas "ibm,hypertas-functions" (the list of hcall sets a
 * pseries hypervisor serves; LoPAPR, "RTAS Node Properties").
 */
#include "powerpc.h"

#include <hyp/fdt.h>

static int detect_papr_in_fdt(const struct hyp_platform *plat, bool *papr)
{
	struct hyp_fdt fdt;
	int node, err;

	*papr = false;
	err = hyp_fdt_open(&fdt, plat->fdt, plat->fdt_size);
	if (err)
		return err;
	node = hyp_fdt_path_offset(&fdt, "/rtas");
	if (node == HYP_ENOENT)
		return HYP_OK;
	if (node < 0)
		return node;
	err = hyp_fdt_getprop(&fdt, node, "ibm,hypertas-functions", NULL, NULL);
	if (err == HYP_OK)
		*papr = true;
	return err == HYP_ENOENT ? HYP_OK : err;
}

int hyp_papr_probe(const struct hyp_platform *plat, struct hyp_info *info)
{
	bool papr = plat->ppc_papr;

	if (plat->fdt) {
		bool fdt_papr;
		int err = detect_papr_in_fdt(plat, &fdt_papr);

		if (err)
			return err;
		papr = papr || fdt_papr;
	}
	if (!papr)
		return HYP_OK;
	info->families |= HYP_FAMILY_PAPR;
	if (info->kind == HYP_KIND_NONE) {
		info->kind = HYP_KIND_UNKNOWN;
		hyp_powerpc_set_signature(info, "PAPR");
	}
	return HYP_OK;
}

void hyp_papr_open_gate(const struct hyp_info *info)
{
	hyp_gate_open(&hyp_papr_gate, (info->families & HYP_FAMILY_PAPR) ? HYP_GATE_OPEN : HYP_GATE_ABSENT);
}
