/* SPDX-License-Identifier: MIT */
/*
 * ePAPR detection from what the kernel hands over (no instruction traps):
 * the device tree's /hypervisor node (ePAPR 1.1 section 7.5): compatible
 * "linux,kvm" names KVM, "hcall-instructions" gives the call sequence,
 * "has-idle" offers EV_IDLE (QEMU adds the node only under KVM); words the
 * kernel read itself (hyp_platform.ppc_hcall) replace the blob's. The gate
 * step patches the hypercall area with those words (epapr_area.c), else
 * leaves its "unimplemented" fallback.
 */
#include "powerpc.h"

#include <hyp/fdt.h>

int hyp_epapr_probe(const struct hyp_platform *plat, struct hyp_info *info)
{
	struct hyp_fdt_hypervisor hv = { 0 };
	int err;

	if (plat->fdt) {
		err = hyp_fdt_read_hypervisor(plat->fdt, plat->fdt_size, &hv);
		if (err)
			return err;
	}
	/* Words the kernel read itself replace the blob's. */
	if (plat->ppc_hcall && plat->ppc_hcall_words) {
		hv.present = true;
		hv.hcall_present = true;
		hv.hcall_len = plat->ppc_hcall_words <= 4 ? (uint32_t)plat->ppc_hcall_words * 4 : 0;
		hv.hcall_valid = plat->ppc_hcall_words <= 4;
		for (size_t i = 0; hv.hcall_valid && i < plat->ppc_hcall_words; i++)
			hv.hcall[i] = plat->ppc_hcall[i];
	}
	if (!hv.present)
		return HYP_OK;
	info->ppc_hypervisor_node = true;
	info->ppc_has_idle = hv.has_idle;
	info->ppc_hcall_len = hv.hcall_len;
	info->ppc_hcall_valid = hv.hcall_valid;
	for (unsigned int i = 0; i < 4; i++)
		info->ppc_hcall[i] = hv.hcall[i];
	if (hv.compatible_kvm) {
		info->kind = HYP_KIND_KVM;
		hyp_powerpc_set_signature(info, "linux,kvm");
	} else {
		info->kind = HYP_KIND_UNKNOWN;
		hyp_powerpc_set_signature(info, hv.compatible_epapr ? "epapr,hypervisor" : "hypervisor");
	}
	if (hv.hcall_valid)
		info->families |= HYP_FAMILY_EPAPR;
	return HYP_OK;
}

/* Patch the area from detection, then open. */
void hyp_epapr_open_gate(const struct hyp_info *info)
{
	unsigned int gate = HYP_GATE_EPAPR_FALLBACK;

	if ((info->families & HYP_FAMILY_EPAPR) && info->ppc_hcall_valid &&
	    hyp_epapr_patch_area(info->ppc_hcall, info->ppc_hcall_len / 4) == HYP_OK)
		gate = HYP_GATE_EPAPR_PATCHED;
	hyp_gate_open(&hyp_epapr_gate, gate);
}
