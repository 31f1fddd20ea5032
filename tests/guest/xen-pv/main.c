/* SPDX-License-Identifier: MIT */
/*
 * Xen 64-bit PV dom0 under the real Xen: detection through start_info and
 * the forced-emulation CPUID, the hypercall page Xen wrote from the image's
 * ELF note (and the refusal of a page it did not write), the calls through
 * it. The command line says what to expect: xen=<major.minor>.
 */
#include <guest/test.h>
#include <guest/xen_pv.h>
#include <hyp/hyp.h>

#include <harness/xen_checks.h>

/* A page Xen never wrote: setup must refuse it. */
static _Alignas(4096) unsigned char unwritten_page[4096];

static char xen[16] = "?";
static uint32_t want_version;

static void test_detection(void)
{
	const struct hyp_platform plat = { .xen_pv_start_info = xen_pv_start_info() };
	const struct hyp_info *info;
	char magic[sizeof(xen_pv_start_info()->magic) + 1] = { 0 };
	int rc;

	memcpy(magic, xen_pv_start_info()->magic, sizeof(magic) - 1);
	report(hyp_xen_version() == HYP_ENOTINIT, "before hyp_init(): HYP_ENOTINIT");
	rc = hyp_init(&plat);
	info = hyp_get_info();
	report(rc == 0 && info, "hyp_init() with start_info \"%s\"", magic);
	if (!info)
		report_abort("no detection result");
	report(info->kind == HYP_KIND_XEN && !strcmp(info->signature, "XenVMMXenVMM") &&
	       (info->families & HYP_FAMILY_XEN) && info->xen_pv,
	       "detected %s (\"%s\") at cpuid 0x%x through the forced-emulation prefix, PV",
	       hyp_kind_name(info->kind), info->signature, info->x86_xen_base);
	report(info->xen_version == want_version, "CPUID xen base+1: version 0x%x, want 0x%x",
	       info->xen_version, want_version);
	report(hyp_xen_mode() == HYP_XEN_MODE_NONE, "no mode before the page is named");
	report(hyp_xen_version() == HYP_ENOTINIT, "a call before the page: HYP_ENOTINIT (not ready), unexecuted");
	report(hyp_xen_set_direct() == HYP_EOPNOTSUPP, "direct mode refused on PV");
}

static void test_page(void)
{
	/* push %rcx; push %r11; mov $17, %eax; syscall; pop %r11; pop %rcx; ret */
	static const unsigned char want[] = { 0x51, 0x41, 0x53, 0xb8, 17, 0, 0, 0,
					      0x0f, 0x05, 0x41, 0x5b, 0x59, 0xc3 };
	const unsigned char *slot = xen_pv_hypercall_page + HYP_XEN_HYPERCALL_xen_version * 32;
	int rc;

	hyp_xen_hypercall_page_fill(unwritten_page);
	rc = hyp_xen_set_hypercall_page(unwritten_page);
	report(rc == HYP_EIO && hyp_xen_mode() == HYP_XEN_MODE_NONE,
	       "a page Xen did not write is refused (%s), mode unchanged", hyp_strerror(rc));
	rc = hyp_xen_set_hypercall_page(xen_pv_hypercall_page);
	report(rc == 0 && hyp_xen_mode() == HYP_XEN_MODE_PAGE,
	       "the ELF-note page Xen wrote is accepted (%s)", hyp_strerror(rc));
	report(!memcmp(slot, want, sizeof(want)),
	       "xen_version slot: push rcx, r11; mov $17, %%eax; syscall (%02x %02x %02x %02x %02x %02x %02x %02x %02x %02x)",
	       slot[0], slot[1], slot[2], slot[3], slot[4], slot[5], slot[6], slot[7], slot[8],
	       slot[9]);
}

static void test_pv_calls(void)
{
	uint64_t value;
	int rc;

	report(hyp_xen_set_iopl(4) == HYP_EINVAL, "PHYSDEVOP_set_iopl(4): HYP_EINVAL, not sent");
	rc = hyp_xen_set_iopl(1);
	report(rc == 0, "PHYSDEVOP_set_iopl(1): %d", rc);
	rc = hyp_xen_hvm_get_param(HYP_XEN_HVM_PARAM_CALLBACK_IRQ, &value);
	report(rc == HYP_EINVAL, "HVMOP_get_param on PV: %s", hyp_strerror(rc));
	report(xen_pv_start_info()->flags & HYP_XEN_SIF_INITDOMAIN, "start_info: initial domain");
}

void test_main(void)
{
	if (!guest_cmdline_get("xen", xen, sizeof(xen)))
		report_abort("command line lacks xen=");
	want_version = xen_expected_version(xen);
	report_info("64-bit PV dom0, expecting Xen %s", xen);

	test_detection();
	test_page();
	xen_check_calls("page", want_version);
	xen_check_console();
	xen_check_wrappers();
	test_pv_calls();
}
