/* SPDX-License-Identifier: MIT */
/* x86 detection fed with scripted CPUID answers (hyp_detect is pure). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <hyp/hyp.h>

#include "cpuid_script.h"

static struct cpuid_script script;
static struct hyp_info info;

static int reset(void **state)
{
	(void)state;
	memset(&script, 0, sizeof(script));
	memset(&info, 0xa5, sizeof(info));
	return 0;
}

static int detect(void)
{
	struct hyp_platform plat = { .ctx = &script, .cpuid = cpuid_script_fn };

	return hyp_detect(&plat, &info);
}

static void no_hypervisor_bit(void **state)
{
	(void)state;
	cpuid_script_cpu(&script, "GenuineIntel", 0);
	/* QEMU TCG with -hypervisor still answers the leaves: they must be ignored. */
	cpuid_script_hv(&script, 0x40000000, 0x40000001, "TCGTCGTCGTCG");
	assert_int_equal(detect(), HYP_OK);
	assert_int_equal(info.kind, HYP_KIND_NONE);
	assert_int_equal(info.families, 0);
	assert_string_equal(info.signature, "");
	assert_int_equal(info.x86_vendor, HYP_X86_VENDOR_INTEL);
}

static void no_leaf_one(void **state)
{
	(void)state;
	cpuid_script_set(&script, 0, 0, 0x68747541, 0x444d4163, 0x69746e65); /* max leaf 0 */
	cpuid_script_set(&script, 1, 0, 0, 0x80000000u, 0);
	assert_int_equal(detect(), HYP_OK);
	assert_int_equal(info.kind, HYP_KIND_NONE);
}

static void kvm_at_base(void **state)
{
	(void)state;
	cpuid_script_cpu(&script, "AuthenticAMD", 1);
	cpuid_script_hv(&script, 0x40000000, 0x40000001, "KVMKVMKVM\0\0\0");
	cpuid_script_set(&script, 0x40000001, 0x01007afb, 0, 0, 1);
	assert_int_equal(detect(), HYP_OK);
	assert_int_equal(info.kind, HYP_KIND_KVM);
	assert_string_equal(info.signature, "KVMKVMKVM");
	assert_int_equal(info.families, HYP_FAMILY_KVM);
	assert_int_equal(info.x86_kvm_base, 0x40000000);
	assert_int_equal(info.kvm_features, 0x01007afb);
	assert_int_equal(info.kvm_hints, 1);
	assert_int_equal(info.x86_vendor, HYP_X86_VENDOR_AMD);
}

static void kvm_old_host_max_zero(void **state)
{
	(void)state;
	cpuid_script_cpu(&script, "GenuineIntel", 1);
	cpuid_script_hv(&script, 0x40000000, 0, "KVMKVMKVM\0\0\0");
	cpuid_script_set(&script, 0x40000001, 0x3, 0, 0, 0);
	assert_int_equal(detect(), HYP_OK);
	assert_int_equal(info.kind, HYP_KIND_KVM);
	assert_int_equal(info.kvm_features, 0x3);
}

static void kvm_behind_hyperv(void **state)
{
	(void)state;
	cpuid_script_cpu(&script, "GenuineIntel", 1);
	cpuid_script_hv(&script, 0x40000000, 0x4000000b, "Microsoft Hv");
	cpuid_script_hv(&script, 0x40000100, 0x40000101, "KVMKVMKVM\0\0\0");
	cpuid_script_set(&script, 0x40000101, 1u << HYP_KVM_FEATURE_PV_SEND_IPI, 0, 0, 0);
	assert_int_equal(detect(), HYP_OK);
	assert_int_equal(info.kind, HYP_KIND_HYPERV);
	assert_string_equal(info.signature, "Microsoft Hv");
	assert_int_equal(info.families, HYP_FAMILY_KVM);
	assert_int_equal(info.x86_kvm_base, 0x40000100);
	assert_int_equal(info.kvm_features, 1u << HYP_KVM_FEATURE_PV_SEND_IPI);
}

static void junk_max_leaf_ignored(void **state)
{
	(void)state;
	cpuid_script_cpu(&script, "GenuineIntel", 1);
	/* max below base, and max beyond the 0x100 range: not hypervisor leaves. */
	cpuid_script_hv(&script, 0x40000000, 0x00000123, "KVMKVMKVM\0\0\0");
	cpuid_script_hv(&script, 0x40000100, 0x40000200, "KVMKVMKVM\0\0\0");
	assert_int_equal(detect(), HYP_OK);
	assert_int_equal(info.kind, HYP_KIND_UNKNOWN);
	assert_int_equal(info.families, 0);
	assert_int_equal(info.x86_kvm_base, 0);
}

static void scan_limit(void **state)
{
	(void)state;
	cpuid_script_cpu(&script, "GenuineIntel", 1);
	cpuid_script_hv(&script, 0x4000ff00, 0x4000ff01, "KVMKVMKVM\0\0\0");
	cpuid_script_hv(&script, 0x40010000, 0x40010001, "XenVMMXenVMM");
	assert_int_equal(detect(), HYP_OK);
	assert_int_equal(info.x86_kvm_base, 0x4000ff00);
	assert_int_equal(info.x86_xen_base, 0);
	assert_int_equal(script.calls, 2 + 256 + 1);
}

static void xen_needs_two_leaves(void **state)
{
	(void)state;
	cpuid_script_cpu(&script, "GenuineIntel", 1);
	cpuid_script_hv(&script, 0x40000000, 0x40000001, "XenVMMXenVMM");
	cpuid_script_hv(&script, 0x40000100, 0x40000105, "XenVMMXenVMM");
	assert_int_equal(detect(), HYP_OK);
	assert_int_equal(info.kind, HYP_KIND_XEN);
	assert_int_equal(info.x86_xen_base, 0x40000100);
}

static void signatures(void **state)
{
	static const struct { const char sig[13]; enum hyp_kind kind; const char *name; } table[] = {
		{ "TCGTCGTCGTCG", HYP_KIND_TCG, "QEMU TCG" },
		{ "XenVMMXenVMM", HYP_KIND_XEN, "Xen" },
		{ "VMwareVMware", HYP_KIND_VMWARE, "VMware" },
		{ "VBoxVBoxVBox", HYP_KIND_VIRTUALBOX, "VirtualBox" },
		{ "bhyve bhyve ", HYP_KIND_BHYVE, "bhyve" },
		{ "ACRNACRNACRN", HYP_KIND_ACRN, "ACRN" },
		{ " lrpepyh  vr", HYP_KIND_PARALLELS, "Parallels" },
		{ "Jailhouse\0\0\0", HYP_KIND_JAILHOUSE, "Jailhouse" },
		{ "SomethingNew", HYP_KIND_UNKNOWN, "unknown" },
	};

	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		reset(state);
		cpuid_script_cpu(&script, "GenuineIntel", 1);
		cpuid_script_hv(&script, 0x40000000, 0x40000005, table[i].sig);
		assert_int_equal(detect(), HYP_OK);
		assert_int_equal(info.kind, table[i].kind);
		assert_string_equal(hyp_kind_name(info.kind), table[i].name);
		assert_memory_equal(info.signature, table[i].sig, 12);
		assert_int_equal(info.families,
				 table[i].kind == HYP_KIND_XEN ? HYP_FAMILY_XEN :
				 table[i].kind == HYP_KIND_VMWARE ? HYP_FAMILY_VMWARE : 0);
	}
}

static void vendors(void **state)
{
	static const struct { const char text[13]; enum hyp_x86_vendor vendor; } table[] = {
		{ "GenuineIntel", HYP_X86_VENDOR_INTEL },
		{ "AuthenticAMD", HYP_X86_VENDOR_AMD },
		{ "HygonGenuine", HYP_X86_VENDOR_HYGON },
		{ "CentaurHauls", HYP_X86_VENDOR_CENTAUR },
		{ "  Shanghai  ", HYP_X86_VENDOR_ZHAOXIN },
		{ "GenuineTMx86", HYP_X86_VENDOR_OTHER },
	};

	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		reset(state);
		cpuid_script_cpu(&script, table[i].text, 0);
		assert_int_equal(detect(), HYP_OK);
		assert_int_equal(info.x86_vendor, table[i].vendor);
	}
}

static void null_info(void **state)
{
	(void)state;
	assert_int_equal(hyp_detect(NULL, NULL), HYP_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(no_hypervisor_bit, reset),
		cmocka_unit_test_setup(no_leaf_one, reset),
		cmocka_unit_test_setup(kvm_at_base, reset),
		cmocka_unit_test_setup(kvm_old_host_max_zero, reset),
		cmocka_unit_test_setup(kvm_behind_hyperv, reset),
		cmocka_unit_test_setup(junk_max_leaf_ignored, reset),
		cmocka_unit_test_setup(scan_limit, reset),
		cmocka_unit_test_setup(xen_needs_two_leaves, reset),
		cmocka_unit_test_setup(signatures, reset),
		cmocka_unit_test_setup(vendors, reset),
		cmocka_unit_test_setup(null_info, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
