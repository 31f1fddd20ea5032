/* SPDX-License-Identifier: MIT */
/*
 * Between x86 detection (x86_detect.c: the CPUID leaf scan and the family
 * table) and each family's detection file (<family>_detect.c). A family
 * plugs in with one row of x86_detect.c's table: adding one is adding its file
 * and that row.
 */
#ifndef HYP_LIB_X86_DETECT_H
#define HYP_LIB_X86_DETECT_H

#include "../internal.h"

struct hyp_x86_family {
	/*
	 * Optional: each valid hypervisor leaf base the scan finds, lowest
	 * first (`kind` from its signature, `max` its max leaf). CPUID only.
	 */
	void (*base)(const struct hyp_platform *plat, struct hyp_info *info,
		     enum hyp_kind kind, uint32_t base, uint32_t max);
	/* Optional: after the scan, fill `info` (no state, no instruction but CPUID). */
	void (*probe)(const struct hyp_platform *plat, struct hyp_info *info);
	/* hyp_init(): open the family's gate from `info`. */
	void (*open_gate)(const struct hyp_info *info);
};

/* CPUID(leaf, 0) as detection sees it (the platform hook, PV prefix or the instruction). */
void hyp_x86_platform_cpuid(const struct hyp_platform *plat, uint32_t leaf, uint32_t regs[4]);

/* The families' steps (kvm_detect.c, xen_detect.c, hyperv_detect.c, vmware_detect.c). */
void hyp_kvm_x86_base(const struct hyp_platform *plat, struct hyp_info *info,
		      enum hyp_kind kind, uint32_t base, uint32_t max);
void hyp_kvm_x86_open_gate(const struct hyp_info *info);
void hyp_xen_x86_base(const struct hyp_platform *plat, struct hyp_info *info,
		      enum hyp_kind kind, uint32_t base, uint32_t max);
void hyp_xen_open_gate(const struct hyp_info *info);
void hyp_hyperv_probe(const struct hyp_platform *plat, struct hyp_info *info);
void hyp_hyperv_open_gate(const struct hyp_info *info);
void hyp_vmware_probe(const struct hyp_platform *plat, struct hyp_info *info);
void hyp_vmware_open_gate(const struct hyp_info *info);

#endif /* HYP_LIB_X86_DETECT_H */
