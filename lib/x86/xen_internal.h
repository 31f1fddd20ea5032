/* SPDX-License-Identifier: MIT */
/* Between the x86 Xen files (xen_detect.c, xen_page.c, xen.c) and x86_detect.c. */
#ifndef HYP_LIB_X86_XEN_INTERNAL_H
#define HYP_LIB_X86_XEN_INTERNAL_H

#include "../internal.h"

/* The direct gate value for this CPU: vmmcall on AMD and Hygon, vmcall elsewhere. */
static inline unsigned int hyp_xen_direct_gate(const struct hyp_info *info)
{
	if (info->x86_vendor == HYP_X86_VENDOR_AMD || info->x86_vendor == HYP_X86_VENDOR_HYGON)
		return HYP_GATE_XEN_VMMCALL;
	return HYP_GATE_XEN_VMCALL;
}

/*
 * Whether `start_info` carries the PV magic of this build's ABI
 * ("xen-3.0-x86_64" / "xen-3.0-x86_32p"): proof of a Xen PV guest.
 */
bool hyp_xen_pv_magic_ok(const void *start_info);

/* cpuid behind Xen's forced-emulation prefix: only valid in a PV guest. */
void hyp_xen_pv_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t regs[4]);

#endif /* HYP_LIB_X86_XEN_INTERNAL_H */
