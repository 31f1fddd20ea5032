/* SPDX-License-Identifier: MIT */
/*
 * Xen PVH dom0 (x86_64 and i386 images of the PVH runtime) under the real
 * Xen: detection by CPUID, direct calls by vendor, the hypercall page through
 * the MSR, page and direct answers compared, the HVM-only calls. The command
 * line says what to expect: xen=<major.minor> vendor=intel|amd.
 */
#include <guest/test.h>
#include <guest/x86.h>
#include <hyp/hyp.h>

#include "../xen-common/xen_checks.h"

static _Alignas(4096) unsigned char hypercall_page[4096];
static _Alignas(4096) union {
	struct hyp_xen_shared_info info;
	unsigned char bytes[4096];
} shared_info;

static char vendor[16] = "?", xen[16] = "?";
static uint32_t want_version;

static bool amd(void)
{
	return !strcmp(vendor, "amd");
}

static void test_detection(void)
{
	const struct hyp_info *info;
	int rc = hyp_init(NULL);

	info = hyp_get_info();
	report(rc == 0 && info, "hyp_init() succeeds");
	if (!info)
		report_abort("no detection result");
	report(info->kind == HYP_KIND_XEN && !strcmp(info->signature, "XenVMMXenVMM") &&
	       (info->families & HYP_FAMILY_XEN) && !info->xen_pv,
	       "detected %s (\"%s\") at cpuid 0x%x, not PV", hyp_kind_name(info->kind),
	       info->signature, info->x86_xen_base);
	report(info->xen_version == want_version, "CPUID xen base+1: version 0x%x, want 0x%x",
	       info->xen_version, want_version);
	report(info->x86_xen_hypercall_pages >= 1 && info->x86_xen_hypercall_msr == 0x40000000,
	       "CPUID xen base+2: %u hypercall page(s) through MSR 0x%x",
	       info->x86_xen_hypercall_pages, info->x86_xen_hypercall_msr);
	report(hyp_xen_mode() == (amd() ? HYP_XEN_MODE_VMMCALL : HYP_XEN_MODE_VMCALL),
	       "default mode: direct %s (mode %d)", amd() ? "vmmcall" : "vmcall", hyp_xen_mode());
}

static void test_page(struct xen_answers *direct, struct xen_answers *page)
{
	static const unsigned char want_amd[] = { 0xb8, 17, 0, 0, 0, 0x0f, 0x01, 0xd9, 0xc3 };
	static const unsigned char want_intel[] = { 0xb8, 17, 0, 0, 0, 0x0f, 0x01, 0xc1, 0xc3 };
	const unsigned char *slot = hypercall_page + HYP_XEN_HYPERCALL_xen_version * 32;
	const unsigned char *iret = hypercall_page + HYP_XEN_HYPERCALL_iret * 32;
	int rc;

	report(hyp_xen_set_hypercall_page(hypercall_page + 1) == HYP_EINVAL,
	       "a misaligned page is refused");
	report(hyp_xen_mode() != HYP_XEN_MODE_PAGE, "mode unchanged after the refusal");

	rc = hyp_xen_set_hypercall_page(hypercall_page);
	report(rc == 0 && hyp_xen_mode() == HYP_XEN_MODE_PAGE,
	       "hypercall page installed through the MSR (rc %s, mode %d)", hyp_strerror(rc),
	       hyp_xen_mode());
	report(hyp_xen_hypercall_page_valid(hypercall_page), "Xen wrote every slot");
	report(!memcmp(slot, amd() ? want_amd : want_intel, sizeof(want_amd)),
	       "xen_version slot: mov $17, %%eax; %s; ret (%02x %02x %02x %02x %02x %02x %02x %02x)",
	       amd() ? "vmmcall" : "vmcall", slot[0], slot[1], slot[2], slot[3], slot[4], slot[5],
	       slot[6], slot[7]);
	report(iret[0] == 0x0f && iret[1] == 0x0b, "iret slot is ud2 on HVM");
	xen_collect_answers(page);
	xen_check_calls("page", want_version);

	rc = hyp_xen_set_direct();
	report(rc == 0 && hyp_xen_mode() == (amd() ? HYP_XEN_MODE_VMMCALL : HYP_XEN_MODE_VMCALL),
	       "back to direct mode");
	xen_collect_answers(direct);
	report(page->version == direct->version && page->unknown_op == direct->unknown_op &&
	       page->pagesize == direct->pagesize,
	       "page and direct answers equal (0x%lx/0x%lx, %ld/%ld, %ld/%ld)", page->version,
	       direct->version, page->unknown_op, direct->unknown_op, page->pagesize,
	       direct->pagesize);
	rc = hyp_xen_set_hypercall_page(hypercall_page);
	report(rc == 0 && hyp_xen_mode() == HYP_XEN_MODE_PAGE, "page mode again for what follows");
	rc = hyp_xen_set_hypercall_page(hypercall_page);
	report(rc == 0 && hyp_xen_hypercall_page_valid(hypercall_page),
	       "naming the page in use again leaves it intact");
}

static void test_hvm_calls(void)
{
	uint64_t value = ~0ull, saved = 0;
	const uint64_t callback = (uint64_t)HYP_XEN_HVM_PARAM_CALLBACK_TYPE_VECTOR << 56 | 0xf3;
	int rc;

	rc = hyp_xen_hvm_get_param(HYP_XEN_HVM_PARAM_CALLBACK_IRQ, &saved);
	report(rc == 0 && saved == 0, "HVMOP_get_param(CALLBACK_IRQ): %d, 0x%llx", rc,
	       (unsigned long long)saved);
	rc = hyp_xen_hvm_set_param(HYP_XEN_HVM_PARAM_CALLBACK_IRQ, callback);
	report(rc == 0, "HVMOP_set_param(CALLBACK_IRQ, vector 0xf3): %d", rc);
	rc = hyp_xen_hvm_get_param(HYP_XEN_HVM_PARAM_CALLBACK_IRQ, &value);
	report(rc == 0 && value == callback, "read back: 0x%llx", (unsigned long long)value);
	report(hyp_xen_hvm_set_param(HYP_XEN_HVM_PARAM_CALLBACK_IRQ, saved) == 0, "restored");
	rc = hyp_xen_hvm_get_param(100000, &value);
	report(rc == HYP_EINVAL, "HVMOP_get_param(100000): %s", hyp_strerror(rc));

	rc = hyp_xen_map_shared_info(&shared_info.info);
	report(rc == 0, "XENMEM_add_to_physmap(shared_info): %d", rc);
	report(rc == 0 && shared_info.info.wc_sec > 1600000000u && !(shared_info.info.wc_version & 1),
	       "shared_info wall clock: %u s (version %u)", shared_info.info.wc_sec,
	       shared_info.info.wc_version);
	rc = hyp_xen_add_to_physmap(99, 0, 0x1000);
	report(rc == HYP_EINVAL || rc == HYP_ENOSYS, "add_to_physmap of space 99: %s",
	       hyp_strerror(rc));
}

void test_main(void)
{
	struct xen_answers direct, page;

	if (!guest_cmdline_get("vendor", vendor, sizeof(vendor)) ||
	    !guest_cmdline_get("xen", xen, sizeof(xen)))
		report_abort("command line lacks vendor= or xen=");
	want_version = xen_expected_version(xen);
	report_info("%d-bit PVH dom0, expecting Xen %s, vendor %s", (int)sizeof(long) * 8, xen,
		    vendor);

	test_detection();
	xen_check_calls("direct", want_version);
	test_page(&direct, &page);
	xen_check_console();
	xen_check_wrappers();
	test_hvm_calls();
}
