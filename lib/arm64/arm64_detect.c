/* SPDX-License-Identifier: MIT */
/*
 * aarch64 detection. No instruction asks "is there a hypervisor": `hvc` at
 * EL1 without EL2 and `smc` without EL3 firmware are UNDEFINED (Arm ARM
 * D1.10, "HVC"/"SMC"). So the conduit comes from the kernel's word
 * (hyp_platform.arm_conduit) or the device tree it booted with (/psci
 * "method", Linux Documentation/devicetree/bindings/arm/psci.yaml), the
 * hypervisor from hyp_platform.declared_kind or /hypervisor compatible
 * "xen,xen" (Xen's dom0/domU tree, Linux .../bindings/arm/xen.txt).
 * hyp_detect() stops there (no call); hyp_init() then asks, on the conduit
 * so found only, what the families' probes ask, and opens the gates after.
 */
#include "arm64_internal.h"

static bool dt_compatible(const struct hyp_fdt *fdt, int node, const char *str)
{
	const void *val;
	uint32_t len;

	return hyp_fdt_getprop(fdt, node, "compatible", &val, &len) == 0 &&
	       hyp_fdt_stringlist_contains(val, len, str);
}

int hyp_arm64_read_dt(const struct hyp_platform *plat, struct hyp_arm64_dt *dt)
{
	struct hyp_fdt fdt;
	const void *val;
	uint32_t len;
	int node, err;

	*dt = (struct hyp_arm64_dt){ .conduit = HYP_ARM_CONDUIT_DEFAULT };
	if (!plat->fdt)
		return HYP_OK;
	err = hyp_fdt_open(&fdt, plat->fdt, plat->fdt_size);
	if (err < 0)
		return err;
	node = hyp_fdt_path_offset(&fdt, "/psci");
	if (node < 0 && node != HYP_ENOENT)
		return node;
	/* PSCI 0.1 ("arm,psci" alone) numbers its functions per platform: not used. */
	if (node >= 0 && (dt_compatible(&fdt, node, "arm,psci-0.2") ||
			  dt_compatible(&fdt, node, "arm,psci-1.0")) &&
	    hyp_fdt_getprop(&fdt, node, "method", &val, &len) == 0) {
		if (hyp_fdt_stringlist_contains(val, len, "hvc") && len == 4)
			dt->conduit = HYP_ARM_CONDUIT_HVC;
		else if (hyp_fdt_stringlist_contains(val, len, "smc") && len == 4)
			dt->conduit = HYP_ARM_CONDUIT_SMC;
	}
	node = hyp_fdt_path_offset(&fdt, "/hypervisor");
	if (node < 0 && node != HYP_ENOENT)
		return node;
	if (node >= 0)
		dt->xen = dt_compatible(&fdt, node, "xen,xen");
	return HYP_OK;
}

int hyp_arch_detect(const struct hyp_platform *plat, struct hyp_info *info)
{
	struct hyp_arm64_dt dt;
	struct hyp_arm64_detect ctx = { .plat = plat, .conduit = plat->arm_conduit };
	int err;

	if ((unsigned int)plat->declared_kind > (unsigned int)HYP_KIND_UNKNOWN ||
	    ctx.conduit > HYP_ARM_CONDUIT_SMC)
		return HYP_EINVAL;
	err = hyp_arm64_read_dt(plat, &dt);
	if (err < 0)
		return err;
	if (ctx.conduit == HYP_ARM_CONDUIT_DEFAULT)
		ctx.conduit = dt.conduit;
	ctx.xen = dt.xen || plat->declared_kind == HYP_KIND_XEN;
	/* In probe order: Xen's tree names the kind before SMCCC's UIDs (which find KVM). */
	if (HYP_FAMILY_BUILT(HYP_FAMILY_XEN))
		hyp_xen_arm_detect(&ctx, info);
	if (HYP_FAMILY_BUILT(HYP_FAMILY_SMCCC))
		hyp_smccc_detect(&ctx, info);
	/*
	 * Neither a tree nor the kernel's word: "no hypervisor" would be a
	 * guess (an ELF kernel QEMU loads at the start of RAM gets no DTB),
	 * so say that nothing could be asked (include/hyp/error.h).
	 */
	if (!plat->fdt && plat->arm_conduit == HYP_ARM_CONDUIT_DEFAULT && !ctx.xen)
		return HYP_ENOCONDUIT;
	return HYP_OK;
}

/* Every gate waits for the probes (hyp_arch_probe), which hyp_init() runs next. */
void hyp_arch_open_gates(const struct hyp_platform *plat, const struct hyp_info *info)
{
	(void)plat;
	(void)info;
}

void hyp_arch_probe(const struct hyp_platform *plat, struct hyp_info *info)
{
	(void)plat;
	/* A family left out of HYP_FAMILIES (include/hyp/config.h) stays absent. */
	if (HYP_FAMILY_BUILT(HYP_FAMILY_XEN))
		hyp_xen_arm_probe(info);
	if (HYP_FAMILY_BUILT(HYP_FAMILY_SMCCC))
		hyp_smccc_probe(info);
	HYP_FAMILY_OPEN(HYP_FAMILY_XEN, hyp_xen_arm_open_gate(info), &hyp_xen_gate);
	if (HYP_FAMILY_BUILT(HYP_FAMILY_SMCCC)) {
		hyp_smccc_open_gates(info);
	} else {
		hyp_gate_open(&hyp_psci_gate, HYP_GATE_ABSENT);
		hyp_gate_open(&hyp_smccc_gate, HYP_GATE_ABSENT);
	}
	hyp_kvm_open_gate(info);
}

/* Linux arm64 cpu_relax(): yield. */
void hyp_arch_cpu_relax(void)
{
	__asm__ __volatile__("yield" ::: "memory");
}
