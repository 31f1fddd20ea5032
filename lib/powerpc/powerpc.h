/* SPDX-License-Identifier: MIT */
/* Between the PowerPC files of lib/powerpc/. */
#ifndef HYP_LIB_POWERPC_H
#define HYP_LIB_POWERPC_H

#include "../internal.h"

/*
 * A family's probe and gate step, called directly by powerpc_detect.c:
 * adding a family is adding its <family>_detect.c and its calls there.
 * Probes run in that order on a copy of the info, committed only if every
 * probe succeeded; they read the device tree and the kernel's words, never
 * an instruction that traps.
 */

/* ePAPR (epapr_detect.c): the /hypervisor node or the kernel's words; patch the area and open. */
int hyp_epapr_probe(const struct hyp_platform *plat, struct hyp_info *info);
void hyp_epapr_open_gate(const struct hyp_info *info);

/* KVM (kvm_ppc_detect.c): ePAPR calls from a "linux,kvm" node. */
int hyp_kvm_ppc_probe(const struct hyp_platform *plat, struct hyp_info *info);
void hyp_kvm_ppc_open_gate(const struct hyp_info *info);

/* PAPR (papr_detect.c): the kernel's word or /rtas "ibm,hypertas-functions". */
int hyp_papr_probe(const struct hyp_platform *plat, struct hyp_info *info);
void hyp_papr_open_gate(const struct hyp_info *info);

/* OSI (osi_detect.c): the kernel's word into `info`; its gate. */
int hyp_osi_probe(const struct hyp_platform *plat, struct hyp_info *info);
void hyp_osi_open(const struct hyp_info *info);

/* Name the hypervisor in info->signature (truncated to fit, NUL-terminated). */
static inline void hyp_powerpc_set_signature(struct hyp_info *info, const char *text)
{
	unsigned int i;

	for (i = 0; i + 1 < sizeof(info->signature) && text[i]; i++)
		info->signature[i] = text[i];
	info->signature[i] = '\0';
}

#endif /* HYP_LIB_POWERPC_H */
