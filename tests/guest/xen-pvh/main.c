/* SPDX-License-Identifier: MIT */
/*
 * Xen PVH dom0 (x86_64 and i386 images of the PVH runtime) under the real
 * Xen: detection by CPUID, direct calls by vendor, the hypercall page through
 * the MSR, page and direct answers compared, the HVM-only calls, shared_info
 * in direct mode (before anything else latched Xen's layout) and in page
 * mode. The command line says what to expect: xen=<major.minor>
 * vendor=intel|amd host_time=<the host's date +%s at launch>.
 */
#include <guest/test.h>
#include <guest/x86.h>
#include <hyp/hyp.h>

#include <harness/xen_checks.h>

static _Alignas(4096) unsigned char hypercall_page[4096];
/* The page, then bytes Xen must not touch (the next page begins there). */
static struct {
	union hyp_xen_shared_info_page page;
	unsigned char after[256];
} shinfo;

static char vendor[16] = "?", xen[16] = "?", host_time_text[24] = "?";
static uint32_t want_version;
static uint64_t host_time;

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

	rc = hyp_xen_add_to_physmap(99, 0, 0x1000);
	report(rc == HYP_EINVAL || rc == HYP_ENOSYS, "add_to_physmap of space 99: %s",
	       hyp_strerror(rc));
}

#define WORD_BITS   (sizeof(unsigned long) * 8)

static bool port_bit(const volatile unsigned long *words, uint32_t port)
{
	return words[port / WORD_BITS] >> (port % WORD_BITS) & 1;
}

static void set_port_bit(volatile unsigned long *words, uint32_t port, bool on)
{
	if (on)
		words[port / WORD_BITS] |= 1ul << (port % WORD_BITS);
	else
		words[port / WORD_BITS] &= ~(1ul << (port % WORD_BITS));
}

/*
 * Event-channel words where this build's layout puts them: port b masked
 * (our evtchn_mask), port a not. Xen must then leave vcpu_info[0]'s
 * selector and upcall flag alone for b and set them for a; with the other
 * word size latched it reads its mask elsewhere and flags both.
 */
static void check_event_words(const char *mode, volatile struct hyp_xen_shared_info *s)
{
	volatile struct hyp_xen_vcpu_info *v = &s->vcpu_info[0];
	int a = hyp_xen_evtchn_bind_ipi(0), b = hyp_xen_evtchn_bind_ipi(0);
	bool masked_quiet, unmasked_flags;

	report(a > 0 && b > 0 && a != b, "%s: EVTCHNOP_bind_ipi: ports %d and %d", mode, a, b);
	if (a <= 0 || b <= 0)
		return;
	set_port_bit(s->evtchn_pending, (uint32_t)a, false);
	set_port_bit(s->evtchn_pending, (uint32_t)b, false);
	set_port_bit(s->evtchn_mask, (uint32_t)a, false);
	set_port_bit(s->evtchn_mask, (uint32_t)b, true);
	v->evtchn_pending_sel = 0;
	v->evtchn_upcall_pending = 0;

	report(hyp_xen_evtchn_send((uint32_t)b) == 0, "%s: send on masked port %d", mode, b);
	masked_quiet = port_bit(s->evtchn_pending, (uint32_t)b) && v->evtchn_pending_sel == 0 &&
		       v->evtchn_upcall_pending == 0;
	report(masked_quiet, "%s: masked port: pending bit at +0x%x set, selector 0x%lx, upcall %u",
	       mode, (unsigned int)(offsetof(struct hyp_xen_shared_info, evtchn_pending) +
				    (unsigned int)b / WORD_BITS * sizeof(long)),
	       (unsigned long)v->evtchn_pending_sel, v->evtchn_upcall_pending);

	report(hyp_xen_evtchn_send((uint32_t)a) == 0, "%s: send on unmasked port %d", mode, a);
	unmasked_flags = port_bit(s->evtchn_pending, (uint32_t)a) &&
			 v->evtchn_pending_sel == 1ul << ((uint32_t)a / WORD_BITS) &&
			 v->evtchn_upcall_pending == 1;
	report(unmasked_flags, "%s: unmasked port: selector 0x%lx at +0x%x, upcall %u", mode,
	       (unsigned long)v->evtchn_pending_sel,
	       (unsigned int)offsetof(struct hyp_xen_vcpu_info, evtchn_pending_sel),
	       v->evtchn_upcall_pending);

	hyp_xen_evtchn_close((uint32_t)a);
	hyp_xen_evtchn_close((uint32_t)b);
	set_port_bit(s->evtchn_pending, (uint32_t)a, false);
	set_port_bit(s->evtchn_pending, (uint32_t)b, false);
	set_port_bit(s->evtchn_mask, (uint32_t)b, false);
	v->evtchn_pending_sel = 0;
	v->evtchn_upcall_pending = 0;
}

static void test_shared_info(const char *mode)
{
	volatile struct hyp_xen_shared_info *s = &shinfo.page.info;
	volatile struct hyp_pvclock_vcpu_time_info *t = &s->vcpu_info[0].time;
	uint32_t version, sec, sec_hi, tversion;
	uint64_t wall, system_time, now;
	bool intact = true;
	int rc;

	memset(shinfo.after, 0xa5, sizeof(shinfo.after));
	rc = hyp_xen_map_shared_info(&shinfo.page);
	report(rc == 0, "%s: hyp_xen_map_shared_info: %s", mode, hyp_strerror(rc));
	for (unsigned int i = 0; i < sizeof(shinfo.after); i++)
		intact &= shinfo.after[i] == 0xa5;
	report(intact, "%s: nothing written past the %u-byte page", mode,
	       (unsigned int)sizeof(shinfo.page));
	if (rc)
		return;

	do {
		version = s->wc_version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		sec = s->wc_sec;
		sec_hi = s->HYP_XEN_WC_SEC_HI;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((version & 1) || version != s->wc_version);
	do {
		tversion = t->version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		system_time = t->system_time;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((tversion & 1) || tversion != t->version);

	wall = (uint64_t)sec_hi << 32 | sec;
	now = wall + (system_time >> 30);      /* ns to s, rounded down by 7 % */
	report(wall + 2 >= host_time && wall <= host_time + 60,
	       "%s: wall clock at boot %llu s (+0x%x), host %llu s: difference %lld s", mode,
	       (unsigned long long)wall, (unsigned int)offsetof(struct hyp_xen_shared_info, wc_sec),
	       (unsigned long long)host_time, (long long)(wall - host_time));
	report(now + 2 >= host_time && now <= host_time + 120 && tversion && t->tsc_to_system_mul,
	       "%s: vcpu_info[0].time: version %u, system time 0x%llx ns, mul 0x%x shift %d: now ~%llu s",
	       mode, tversion, (unsigned long long)system_time, t->tsc_to_system_mul,
	       t->tsc_shift, (unsigned long long)now);
	check_event_words(mode, s);
}

void test_main(void)
{
	struct xen_answers direct, page;

	if (!guest_cmdline_get("vendor", vendor, sizeof(vendor)) ||
	    !guest_cmdline_get("xen", xen, sizeof(xen)) ||
	    !guest_cmdline_get("host_time", host_time_text, sizeof(host_time_text)))
		report_abort("command line lacks vendor=, xen= or host_time=");
	for (const char *c = host_time_text; *c >= '0' && *c <= '9'; c++)
		host_time = host_time * 10 + (uint64_t)(*c - '0');
	want_version = xen_expected_version(xen);
	report_info("%d-bit PVH dom0, expecting Xen %s, vendor %s", (int)sizeof(long) * 8, xen,
		    vendor);

	test_detection();
	test_shared_info("direct");    /* first: nothing has latched the layout yet */
	xen_check_calls("direct", want_version);
	test_page(&direct, &page);
	test_shared_info("page");
	xen_check_console();
	xen_check_wrappers();
	test_hvm_calls();
}
