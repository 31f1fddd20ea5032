/* SPDX-License-Identifier: MIT */
/* Between x86 detection (detect.c) and the Xen files (xen_*.c). */
#ifndef HYP_LIB_X86_XEN_INTERNAL_H
#define HYP_LIB_X86_XEN_INTERNAL_H

#include "../internal.h"

/* Open hyp_xen_gate from the detection result (direct by vendor on HVM/PVH; closed on PV). */
void hyp_xen_open_gate(const struct hyp_info *info);

/*
 * Whether `start_info` carries the PV magic of this build's ABI
 * ("xen-3.0-x86_64" / "xen-3.0-x86_32p"): proof of a Xen PV guest.
 */
bool hyp_xen_pv_magic_ok(const void *start_info);

/* cpuid behind Xen's forced-emulation prefix: only valid in a PV guest. */
void hyp_xen_pv_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t regs[4]);

#endif /* HYP_LIB_X86_XEN_INTERNAL_H */
