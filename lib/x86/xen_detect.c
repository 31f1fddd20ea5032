/* SPDX-License-Identifier: MIT */
/*
 * x86 Xen detection: the lowest "XenVMMXenVMM" leaf base offering the
 * hypercall-page leaf (base + 2: eax pages, ebx the MSR; xen/include/public/
 * arch-x86/cpuid.h), the version (base + 1), a PV guest's proof (the
 * start_info magic) and CPUID as a PV guest must issue it; the gate's first
 * value: direct by vendor on HVM/PVH, closed on PV until a page is set.
 */
#include "x86_detect.h"
#include "xen_internal.h"

/* Leaves a Xen base must offer: base+2 holds the hypercall page MSR. */
#define XEN_MIN_LEAVES      2u

void hyp_xen_x86_base(const struct hyp_platform *plat, struct hyp_info *info,
		      enum hyp_kind kind, uint32_t base, uint32_t max)
{
	uint32_t regs[4];

	if (kind == HYP_KIND_XEN && !info->x86_xen_base && max - base >= XEN_MIN_LEAVES) {
		info->x86_xen_base = base;
		info->families |= HYP_FAMILY_XEN;
		hyp_x86_platform_cpuid(plat, base + HYP_XEN_CPUID_LEAF_VERSION, regs);
		info->xen_version = regs[0];
		hyp_x86_platform_cpuid(plat, base + HYP_XEN_CPUID_LEAF_HYPERCALL, regs);
		info->x86_xen_hypercall_pages = regs[0];
		info->x86_xen_hypercall_msr = regs[1];
	}
}

/*
 * PV: Xen is there but callable only through the page the kernel installs
 * (hyp_xen_set_hypercall_page()): until then "not ready", HYP_ENOTINIT, as
 * Hyper-V before hyp_hyperv_enable(); HYP_ENOHYP means no Xen.
 */
void hyp_xen_open_gate(const struct hyp_info *info)
{
	if (info->xen_pv && (info->families & HYP_FAMILY_XEN))
		hyp_gate_open(&hyp_xen_gate, HYP_GATE_UNINIT);
	else if (!(info->families & HYP_FAMILY_XEN))
		hyp_gate_open(&hyp_xen_gate, HYP_GATE_ABSENT);
	else
		hyp_gate_open(&hyp_xen_gate, hyp_xen_direct_gate(info));
}

bool hyp_xen_pv_magic_ok(const void *start_info)
{
#if defined(__x86_64__)
	static const char magic[] = HYP_XEN_START_INFO_MAGIC_X86_64;
#else
	static const char magic[] = HYP_XEN_START_INFO_MAGIC_X86_32;
#endif
	const char *text = start_info;

	for (unsigned int i = 0; i < sizeof(magic) - 1; i++)
		if (text[i] != magic[i])
			return false;
	return true;
}

void hyp_xen_pv_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t regs[4])
{
	__asm__ __volatile__(HYP_XEN_FORCED_EMULATION_PREFIX "; cpuid"
			     : "=a"(regs[0]), "=b"(regs[1]), "=c"(regs[2]), "=d"(regs[3])
			     : "a"(leaf), "c"(subleaf));
}
