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

/*
 * A family's steps, called directly in this order by x86_detect.c (no table
 * of function pointers: lib/internal.h, HYP_RELRO): an optional leaf-base
 * step for each valid hypervisor leaf base the scan finds, lowest first
 * (`kind` from its signature, `max` its max leaf; CPUID only); an optional
 * probe after the scan (no state, no instruction but CPUID); at hyp_init(),
 * the gate step.
 */

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
