/* SPDX-License-Identifier: MIT */
/* Between aarch64 detection (arm64_detect.c) and the family files. */
#ifndef HYP_LIB_ARM64_INTERNAL_H
#define HYP_LIB_ARM64_INTERNAL_H

#include "../internal.h"

#include <hyp/fdt.h>

/* What the device tree says about PSCI and the hypervisor (no hypercall). */
struct hyp_arm64_dt {
	uint32_t conduit;       /* enum hyp_arm_conduit: DEFAULT = no usable /psci */
	bool xen;               /* /hypervisor compatible "xen,xen" */
};

/* Read /psci and /hypervisor; HYP_EBADDT for a malformed blob. */
int hyp_arm64_read_dt(const struct hyp_platform *plat, struct hyp_arm64_dt *dt);

/* Family probes: fill `info` (hypercalls only on the conduit found). */
void hyp_smccc_probe(uint32_t conduit, struct hyp_info *info);
void hyp_xen_arm_probe(bool xen, struct hyp_info *info);

/* Family gates from the detection result. */
void hyp_smccc_open_gates(const struct hyp_info *info);
void hyp_xen_arm_open_gate(const struct hyp_info *info);

/* hyp_info.signature from a string literal (its NUL included; it fits: 16 bytes). */
#define hyp_arm64_set_signature(info, lit) hyp_arm64_copy_signature((info), (lit), sizeof(lit))
static inline void hyp_arm64_copy_signature(struct hyp_info *info, const char *sig, size_t n)
{
	for (size_t i = 0; i < n && i < sizeof(info->signature); i++)
		info->signature[i] = sig[i];
}

#endif /* HYP_LIB_ARM64_INTERNAL_H */
