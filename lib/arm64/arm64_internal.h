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

/* What every family probe starts from: the platform and its word on the conduit and Xen. */
struct hyp_arm64_detect {
	const struct hyp_platform *plat;
	uint32_t conduit;       /* hyp_platform.arm_conduit, else the tree's /psci; DEFAULT: none */
	bool xen;               /* /hypervisor "xen,xen" or hyp_platform.declared_kind == XEN */
};

/*
 * A family's steps, called directly by arm64_detect.c (no table of function
 * pointers: lib/internal.h): adding one is adding its file and its calls
 * there. detect (optional, hyp_detect()) fills `info` from ctx
 * alone, no call; probe (optional, hyp_init() only) asks the hypervisor on
 * the conduit detection found, with the unconditional stubs; open_gate runs
 * after every probe, so no gate opens before the answers it depends on.
 */
/* The families' steps (xen_arm.c, smccc_probe.c; KVM's gate: lib/kvm_common.c). */
void hyp_xen_arm_detect(const struct hyp_arm64_detect *ctx, struct hyp_info *info);
void hyp_xen_arm_probe(struct hyp_info *info);
void hyp_xen_arm_open_gate(const struct hyp_info *info);
void hyp_smccc_detect(const struct hyp_arm64_detect *ctx, struct hyp_info *info);
void hyp_smccc_probe(struct hyp_info *info);
void hyp_smccc_open_gates(const struct hyp_info *info);

/* hyp_info.signature from a string literal (its NUL included; it fits: 16 bytes). */
#define hyp_arm64_set_signature(info, lit) hyp_arm64_copy_signature((info), (lit), sizeof(lit))
static inline void hyp_arm64_copy_signature(struct hyp_info *info, const char *sig, size_t n)
{
	for (size_t i = 0; i < n && i < sizeof(info->signature); i++)
		info->signature[i] = sig[i];
}

#endif /* HYP_LIB_ARM64_INTERNAL_H */
