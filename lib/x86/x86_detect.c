/* SPDX-License-Identifier: MIT */
/*
 * x86 detection by CPUID only (never traps).
 *
 * CPUID.1:ECX[31] says a hypervisor is present; without it the 0x400000xx
 * leaves are not trusted (real CPUs answer them with junk, and QEMU TCG still
 * answers them with -hypervisor). Hypervisor leaves sit at 0x40000000 + k *
 * 0x100 (KVM moves to 0x40000100 when it also offers Hyper-V's interface at
 * 0x40000000; Xen takes the first free step). A base counts only if its max
 * leaf (eax) lies within its own 0x100 range, except old KVM hosts, which
 * answer eax = 0 meaning base + 1 (Documentation/virt/kvm/x86/cpuid.rst).
 *
 * A Xen PV guest (hyp_platform.xen_pv_start_info with the PV magic) sees the
 * CPU's own leaves through plain cpuid; Xen's view, its leaves included,
 * only through the forced-emulation prefix (xen.h): detection uses that,
 * and the start_info magic stands in for the hypervisor bit.
 */
#include "x86_detect.h"
#include "xen_internal.h"

#include <hyp/x86/cpuid.h>

#define CPUID_HV_FIRST      0x40000000u
#define CPUID_HV_LAST       0x40010000u     /* exclusive */
#define CPUID_HV_STEP       0x100u
#define CPUID1_ECX_HYPERVISOR (1u << 31)

struct signature {
	char text[13];
	enum hyp_kind kind;
};

/* Hypervisor leaf signatures: ebx, ecx, edx as 12 bytes. */
static const struct signature hv_signatures[] = {
	{ "KVMKVMKVM\0\0\0",    HYP_KIND_KVM },
	{ "XenVMMXenVMM",       HYP_KIND_XEN },
	{ "TCGTCGTCGTCG",       HYP_KIND_TCG },
	{ "Microsoft Hv",       HYP_KIND_HYPERV },
	{ "VMwareVMware",       HYP_KIND_VMWARE },
	{ "VBoxVBoxVBox",       HYP_KIND_VIRTUALBOX },
	{ "bhyve bhyve ",       HYP_KIND_BHYVE },
	{ "ACRNACRNACRN",       HYP_KIND_ACRN },
	{ " lrpepyh  vr",       HYP_KIND_PARALLELS },
	{ "QNXQVMBSQG\0\0",     HYP_KIND_QNX },
	{ "Jailhouse\0\0\0",    HYP_KIND_JAILHOUSE },
};

struct vendor {
	char text[13];
	enum hyp_x86_vendor vendor;
};

/* CPUID leaf 0 vendor strings: ebx, edx, ecx as 12 bytes. */
static const struct vendor cpu_vendors[] = {
	{ "GenuineIntel",   HYP_X86_VENDOR_INTEL },
	{ "AuthenticAMD",   HYP_X86_VENDOR_AMD },
	{ "HygonGenuine",   HYP_X86_VENDOR_HYGON },
	{ "CentaurHauls",   HYP_X86_VENDOR_CENTAUR },
	{ "  Shanghai  ",   HYP_X86_VENDOR_ZHAOXIN },
};

static void cpuid(const struct hyp_platform *plat, uint32_t leaf, uint32_t regs[4])
{
	regs[0] = regs[1] = regs[2] = regs[3] = 0;
	if (plat->cpuid)
		plat->cpuid(plat->ctx, leaf, 0, regs);
	else if (plat->xen_pv_start_info)   /* checked by hyp_arch_detect first */
		hyp_xen_pv_cpuid(leaf, 0, regs);
	else
		hyp_x86_cpuid(leaf, 0, regs);
}

static void words_to_text(char out[12], uint32_t a, uint32_t b, uint32_t c)
{
	const uint32_t words[3] = { a, b, c };

	for (unsigned int i = 0; i < 12; i++)
		out[i] = (char)(words[i / 4] >> (8 * (i % 4)));
}

static bool text_equal(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static enum hyp_x86_vendor vendor_of(const char text[12])
{
	for (size_t i = 0; i < sizeof(cpu_vendors) / sizeof(cpu_vendors[0]); i++)
		if (text_equal(text, cpu_vendors[i].text, 12))
			return cpu_vendors[i].vendor;
	return HYP_X86_VENDOR_OTHER;
}

static enum hyp_kind kind_of(const char text[12])
{
	for (size_t i = 0; i < sizeof(hv_signatures) / sizeof(hv_signatures[0]); i++)
		if (text_equal(text, hv_signatures[i].text, 12))
			return hv_signatures[i].kind;
	return HYP_KIND_UNKNOWN;
}

static bool text_empty(const char text[12])
{
	for (unsigned int i = 0; i < 12; i++)
		if (text[i] != '\0')
			return false;
	return true;
}


/* Record one valid base; the lowest one names the hypervisor; each family looks at it. */
static void found(const struct hyp_platform *plat, struct hyp_info *info,
		  enum hyp_kind kind, const char text[12], uint32_t base, uint32_t max)
{
	if (info->kind == HYP_KIND_NONE || info->kind == HYP_KIND_UNKNOWN) {
		info->kind = kind;
		for (unsigned int i = 0; i < 12; i++)
			info->signature[i] = text[i];
		info->signature[12] = '\0';
	}
	/* Each family's leaf-base step (x86_detect.h), in this order. */
	if (HYP_FAMILY_BUILT(HYP_FAMILY_KVM))
		hyp_kvm_x86_base(plat, info, kind, base, max);
	if (HYP_FAMILY_BUILT(HYP_FAMILY_XEN))
		hyp_xen_x86_base(plat, info, kind, base, max);
}

void hyp_x86_platform_cpuid(const struct hyp_platform *plat, uint32_t leaf, uint32_t regs[4])
{
	cpuid(plat, leaf, regs);
}

static int scan_leaves(const struct hyp_platform *plat, struct hyp_info *info)
{
	uint32_t regs[4];
	char text[12];

	if (plat->xen_pv_start_info) {
		if (!hyp_xen_pv_magic_ok(plat->xen_pv_start_info))
			return HYP_EINVAL;
		info->xen_pv = true;
	}
	cpuid(plat, 0, regs);
	words_to_text(text, regs[1], regs[3], regs[2]);
	info->x86_vendor = vendor_of(text);
	if (regs[0] < 1)
		return HYP_OK;
	cpuid(plat, 1, regs);
	if (!(regs[2] & CPUID1_ECX_HYPERVISOR) && !info->xen_pv)
		return HYP_OK;

	info->kind = HYP_KIND_UNKNOWN;
	for (uint32_t base = CPUID_HV_FIRST; base < CPUID_HV_LAST; base += CPUID_HV_STEP) {
		uint32_t max;
		enum hyp_kind kind;

		cpuid(plat, base, regs);
		words_to_text(text, regs[1], regs[2], regs[3]);
		if (text_empty(text))
			continue;
		kind = kind_of(text);
		max = regs[0];
		if (kind == HYP_KIND_KVM && max == 0)
			max = base + 1;
		if (max < base || max - base >= CPUID_HV_STEP)
			continue;
		found(plat, info, kind, text, base, max);
	}
	return HYP_OK;
}

/* The leaf scan, then each family's probe. */
int hyp_arch_detect(const struct hyp_platform *plat, struct hyp_info *info)
{
	int err = scan_leaves(plat, info);

	if (err < 0)
		return err;
	if (HYP_FAMILY_BUILT(HYP_FAMILY_HYPERV))
		hyp_hyperv_probe(plat, info);
	if (HYP_FAMILY_BUILT(HYP_FAMILY_VMWARE))
		hyp_vmware_probe(plat, info);
	return err;
}

void hyp_arch_open_gates(const struct hyp_platform *plat, const struct hyp_info *info)
{
	(void)plat;
	HYP_FAMILY_OPEN(HYP_FAMILY_KVM, hyp_kvm_x86_open_gate(info), &hyp_kvm_gate);
	HYP_FAMILY_OPEN(HYP_FAMILY_XEN, hyp_xen_open_gate(info), &hyp_xen_gate);
	HYP_FAMILY_OPEN(HYP_FAMILY_HYPERV, hyp_hyperv_open_gate(info), &hyp_hyperv_gate);
	HYP_FAMILY_OPEN(HYP_FAMILY_VMWARE, hyp_vmware_open_gate(info), &hyp_vmware_gate);
}

/*
 * hyp_info.families is what the library will call: a declared VMware
 * backdoor whose GETVERSION did not answer at hyp_init() (gate absent)
 * leaves it. hyp_detect() runs no call and keeps the declared bit.
 */
void hyp_arch_probe(const struct hyp_platform *plat, struct hyp_info *info)
{
	(void)plat;
	if (hyp_gate_read(&hyp_vmware_gate) < HYP_GATE_OPEN)
		info->families &= ~(uint32_t)HYP_FAMILY_VMWARE;
}

void hyp_arch_cpu_relax(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}
