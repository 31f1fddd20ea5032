/* SPDX-License-Identifier: MIT */
/*
 * OSI (Mac-on-Linux) detection: only the kernel's word,
 * hyp_platform.ppc_osi. No instruction and no device tree property tells
 * that an OSI host is there (KVM-PR serves OSI only after its user space
 * enabled KVM_CAP_PPC_OSI), so nothing is probed.
 */
#include "powerpc.h"

#include <hyp/osi.h>

unsigned char hyp_osi_gate = HYP_GATE_UNINIT;

int hyp_osi_probe(const struct hyp_platform *plat, struct hyp_info *info)
{
	static const char sig[] = "OSI";

	if (!plat->ppc_osi)
		return HYP_OK;
	info->families |= HYP_FAMILY_OSI;
	if (info->kind == HYP_KIND_NONE) {
		info->kind = HYP_KIND_UNKNOWN;
		for (unsigned int i = 0; i < sizeof(sig); i++)
			info->signature[i] = sig[i];
	}
	return HYP_OK;
}

void hyp_osi_open(const struct hyp_info *info)
{
	hyp_gate_open(&hyp_osi_gate, (info->families & HYP_FAMILY_OSI) ? HYP_GATE_OPEN : HYP_GATE_ABSENT);
}
