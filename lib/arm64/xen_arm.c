/* SPDX-License-Identifier: MIT */
/*
 * Xen on Arm: detection, probe and gate. Xen tells its guests through the
 * device tree (/hypervisor compatible "xen,xen"; Linux Documentation/
 * devicetree/bindings/arm/xen.txt) or the kernel declares it
 * (hyp_platform.declared_kind): detection states it without a call;
 * hyp_init()'s probe then asks XENVER_version through `hvc #0xEA1`.
 */
#include "arm64_internal.h"

unsigned char hyp_xen_gate = HYP_GATE_UNINIT;

void hyp_xen_arm_detect(const struct hyp_arm64_detect *ctx, struct hyp_info *info)
{
	if (!ctx->xen)
		return;
	info->families |= HYP_FAMILY_XEN;
	info->kind = HYP_KIND_XEN;
	hyp_arm64_set_signature(info, "Xen");
}

void hyp_xen_arm_probe(struct hyp_info *info)
{
	long v;

	if (!(info->families & HYP_FAMILY_XEN))
		return;
	v = hyp_xen_hvc2(HYP_XEN_HYPERCALL_xen_version, HYP_XEN_XENVER_version, 0);
	info->xen_version = v > 0 ? (uint32_t)v : 0;
}

void hyp_xen_arm_open_gate(const struct hyp_info *info)
{
	hyp_gate_open(&hyp_xen_gate, (info->families & HYP_FAMILY_XEN) ?
				     HYP_GATE_OPEN : HYP_GATE_ABSENT);
}
