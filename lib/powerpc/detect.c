/* SPDX-License-Identifier: MIT */
/*
 * PowerPC detection, from what the kernel hands over (no instruction traps):
 * - the device tree's /hypervisor node (ePAPR 1.1 section 7.5; Linux Documentation/virt/kvm/ppc-pv.rst):
 *   compatible "linux,kvm" names KVM, "hcall-instructions" gives the ePAPR
 *   call sequence, "has-idle" offers EV_IDLE. QEMU adds it only under KVM.
 * - PAPR: the kernel declares it (plat->ppc_papr), or the tree has
 *   /rtas "ibm,hypertas-functions" (the list of hcall sets a pseries
 *   hypervisor serves).
 */
#include "powerpc.h"

#include <hyp/fdt.h>

static void set_signature(struct hyp_info *info, const char *text)
{
	unsigned int i;

	for (i = 0; i + 1 < sizeof(info->signature) && text[i]; i++)
		info->signature[i] = text[i];
	info->signature[i] = '\0';
}

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

int hyp_arch_detect(const struct hyp_platform *plat, struct hyp_info *info)
{
	struct hyp_fdt_hypervisor hv = { 0 };
	bool papr = plat->ppc_papr;
	int err;

	if (plat->fdt) {
		bool fdt_papr;

		err = hyp_fdt_read_hypervisor(plat->fdt, plat->fdt_size, &hv);
		if (err)
			return err;
		err = detect_papr_in_fdt(plat, &fdt_papr);
		if (err)
			return err;
		papr = papr || fdt_papr;
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

	if (hv.present) {
		info->ppc_hypervisor_node = true;
		info->ppc_has_idle = hv.has_idle;
		info->ppc_hcall_len = hv.hcall_len;
		info->ppc_hcall_valid = hv.hcall_valid;
		for (unsigned int i = 0; i < 4; i++)
			info->ppc_hcall[i] = hv.hcall[i];
		if (hv.compatible_kvm) {
			info->kind = HYP_KIND_KVM;
			set_signature(info, "linux,kvm");
		} else {
			info->kind = HYP_KIND_UNKNOWN;
			set_signature(info, hv.compatible_epapr ? "epapr,hypervisor" : "hypervisor");
		}
		if (hv.hcall_valid) {
			info->families |= HYP_FAMILY_EPAPR;
			if (hv.compatible_kvm)
				info->families |= HYP_FAMILY_KVM;
		}
	}
	if (papr) {
		info->families |= HYP_FAMILY_PAPR;
		if (info->kind == HYP_KIND_NONE) {
			info->kind = HYP_KIND_UNKNOWN;
			set_signature(info, "PAPR");
		}
	}
	hyp_osi_probe(plat, info);
	return HYP_OK;
}

void hyp_arch_open_gates(const struct hyp_platform *plat, const struct hyp_info *info)
{
	(void)plat;
	hyp_powerpc_epapr_open(info);
	hyp_gate_open(&hyp_kvm_gate, (info->families & HYP_FAMILY_KVM) ? HYP_GATE_OPEN : HYP_GATE_ABSENT);
	hyp_gate_open(&hyp_papr_gate, (info->families & HYP_FAMILY_PAPR) ? HYP_GATE_OPEN : HYP_GATE_ABSENT);
	hyp_osi_open(info);
}

void hyp_arch_cpu_relax(void)
{
	/* "or 1,1,1": lower SMT thread priority while spinning (a nop elsewhere). */
	__asm__ __volatile__("or 1, 1, 1\n\tor 2, 2, 2" ::: "memory");
}
