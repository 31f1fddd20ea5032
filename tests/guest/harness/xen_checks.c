/* SPDX-License-Identifier: MIT */
/* Checks every Xen dom0 test image runs, whatever its boot protocol (PV, PVH). */
#include <guest/test.h>
#include <hyp/hyp.h>

#include "xen_checks.h"

/* Not a hypercall in Xen 4.17 (between hypfs_op 42 and arch_0 48). */
#define XEN_UNUSED_OP   47

uint32_t xen_expected_version(const char *text)
{
	uint32_t major = 0, minor = 0;
	const char *p = text;

	while (*p >= '0' && *p <= '9')
		major = major * 10 + (uint32_t)(*p++ - '0');
	if (p == text || *p++ != '.')
		return 0;
	while (*p >= '0' && *p <= '9')
		minor = minor * 10 + (uint32_t)(*p++ - '0');
	return major << 16 | minor;
}

void xen_collect_answers(struct xen_answers *out)
{
	out->version = hyp_xen_hypercall2(HYP_XEN_HYPERCALL_xen_version, HYP_XEN_XENVER_version, 0);
	out->unknown_op = hyp_xen_hypercall2(XEN_UNUSED_OP, 0, 0);
	out->pagesize = hyp_xen_hypercall2(HYP_XEN_HYPERCALL_xen_version, HYP_XEN_XENVER_pagesize, 0);
}

void xen_check_calls(const char *mode, uint32_t want_version)
{
	long raw;
	int version = hyp_xen_version();

	report(version == (int)want_version, "%s: XENVER_version answers %d.%d (0x%x), want 0x%x",
	       mode, version >> 16, version & 0xffff, version, want_version);
	raw = hyp_xen_hypercall2(XEN_UNUSED_OP, 0, 0);
	report(raw == -HYP_XEN_ENOSYS && hyp_xen_error(raw) == HYP_ENOSYS,
	       "%s: unknown op %d: raw %ld, mapped %s", mode, XEN_UNUSED_OP, raw,
	       hyp_strerror(hyp_xen_error(raw)));
	raw = hyp_xen_hypercall2(HYP_XEN_HYPERCALL_xen_version, HYP_XEN_XENVER_pagesize, 0);
	report(raw == 4096, "%s: XENVER_pagesize answers %ld", mode, raw);
	report(hyp_xen_hypercall1(HYP_XEN_HYPERCALL_iret, 0) == HYP_EINVAL,
	       "%s: HYPERCALL_iret refused (HYP_EINVAL): it is jumped to, not called", mode);
	report(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_PAGE_SLOTS, 0, 0) == HYP_ENOSYS,
	       "%s: op %d (beyond the page) answers HYP_ENOSYS unexecuted", mode,
	       HYP_XEN_HYPERCALL_PAGE_SLOTS);
}

/* A line longer than several console pieces, whose end the runner looks for. */
#define LONG_LINE_LEN   (3 * HYP_XEN_CONSOLE_CHUNK + 123)
static char long_line[LONG_LINE_LEN + 1];

void xen_check_console(void)
{
	static const char hello[] = "xen: hello through console_io\n";
	static const char tail[] = " end-of-long-write\n";
	const size_t fill = LONG_LINE_LEN - (sizeof(tail) - 1);
	int rc;

	rc = hyp_xen_console_write(hello, sizeof(hello) - 1);
	report(rc == (int)sizeof(hello) - 1, "console_io write of %zu bytes returns %d",
	       sizeof(hello) - 1, rc);

	for (size_t i = 0; i < fill; i++)
		long_line[i] = (char)('a' + i % 26);
	memcpy(long_line + fill, tail, sizeof(tail));
	rc = hyp_xen_console_write(long_line, LONG_LINE_LEN);
	report(rc == LONG_LINE_LEN, "console_io write of %d bytes (%d pieces) returns %d",
	       LONG_LINE_LEN, LONG_LINE_LEN / HYP_XEN_CONSOLE_CHUNK + 1, rc);
	report(hyp_xen_console_write(NULL, 1) == HYP_EINVAL, "console_io write of NULL: HYP_EINVAL");
	report(hyp_xen_console_write(hello, 0) == 0, "console_io write of 0 bytes: 0");

	/* QEMU's serial input is /dev/null: Xen's input ring stays empty. */
	rc = hyp_xen_console_read(long_line, 16);
	report(rc == 0, "console_io read with no input waiting: %d", rc);
	report(hyp_xen_console_read(NULL, 16) == HYP_EINVAL, "console_io read into NULL: HYP_EINVAL");
}

static void check_evtchn(void)
{
	struct hyp_xen_evtchn_status_args st;
	int port, virq_port, rc;

	port = hyp_xen_evtchn_alloc_unbound(HYP_XEN_DOMID_SELF);
	report(port > 0, "EVTCHNOP_alloc_unbound: port %d", port);
	rc = hyp_xen_evtchn_status((uint32_t)port, &st);
	report(rc == 0 && st.status == HYP_XEN_EVTCHNSTAT_unbound && st.u.unbound.dom == 0,
	       "EVTCHNOP_status: unbound, for domain %u (rc %d, status %u)", st.u.unbound.dom,
	       rc, st.status);
	rc = hyp_xen_evtchn_send((uint32_t)port);
	report(rc == 0, "EVTCHNOP_send on the unbound port: %d", rc);
	rc = hyp_xen_evtchn_close((uint32_t)port);
	report(rc == 0, "EVTCHNOP_close: %d", rc);
	rc = hyp_xen_evtchn_status((uint32_t)port, &st);
	report(rc == 0 && st.status == HYP_XEN_EVTCHNSTAT_closed, "closed port reads closed (%u)",
	       st.status);

	virq_port = hyp_xen_evtchn_bind_virq(HYP_XEN_VIRQ_DEBUG, 0);
	report(virq_port > 0, "EVTCHNOP_bind_virq(VIRQ_DEBUG, vcpu 0): port %d", virq_port);
	rc = hyp_xen_evtchn_status((uint32_t)virq_port, &st);
	report(rc == 0 && st.status == HYP_XEN_EVTCHNSTAT_virq && st.u.virq == HYP_XEN_VIRQ_DEBUG &&
	       st.vcpu == 0, "EVTCHNOP_status: bound to virq %u on vcpu %u", st.u.virq, st.vcpu);
	rc = hyp_xen_evtchn_bind_virq(HYP_XEN_VIRQ_DEBUG, 0);
	report(rc == HYP_EEXIST, "binding VIRQ_DEBUG twice: %s", hyp_strerror(rc));
	rc = hyp_xen_evtchn_close((uint32_t)virq_port);
	report(rc == 0, "EVTCHNOP_close of the virq port: %d", rc);
	rc = hyp_xen_evtchn_send(0x7fffff);
	report(rc == HYP_EINVAL, "EVTCHNOP_send on a port that cannot exist: %s", hyp_strerror(rc));
}

void xen_check_wrappers(void)
{
	char extra[HYP_XEN_EXTRAVERSION_LEN];
	struct hyp_xen_vcpu_runstate_info rs;
	uint32_t features = 0;
	int rc;

	memset(extra, 0x55, sizeof(extra));
	rc = hyp_xen_extraversion(extra);
	report(rc == 0 && extra[0] == '.' && strlen(extra) < sizeof(extra),
	       "XENVER_extraversion: \"%s\"", rc == 0 ? extra : "?");
	rc = hyp_xen_get_features(0, &features);
	report(rc == 0 && (features & (1u << HYP_XEN_FEAT_dom0)),
	       "XENVER_get_features(0): 0x%x, with XENFEAT_dom0", features);
	rc = hyp_xen_get_features(HYP_XEN_FEAT_NR_SUBMAPS, &features);
	report(rc == HYP_EINVAL, "XENVER_get_features(%d): %s", HYP_XEN_FEAT_NR_SUBMAPS,
	       hyp_strerror(rc));

	report(hyp_xen_sched_yield() == 0, "SCHEDOP_yield: 0");
	report(hyp_xen_sched_shutdown(HYP_XEN_SHUTDOWN_MAX + 1) == HYP_EINVAL,
	       "SCHEDOP_shutdown with reason %d: HYP_EINVAL, not sent", HYP_XEN_SHUTDOWN_MAX + 1);

	check_evtchn();

	rc = hyp_xen_current_reservation();
	report(rc > 8192 && rc <= 16384, "XENMEM_current_reservation: %d pages (dom0_mem=64M)", rc);

	rc = hyp_xen_vcpu_is_up(0);
	report(rc == 1, "VCPUOP_is_up(0): %d", rc);
	rc = hyp_xen_vcpu_is_up(4096);
	report(rc == HYP_ENOENT, "VCPUOP_is_up(4096): %s", hyp_strerror(rc));
	memset(&rs, 0xff, sizeof(rs));
	rc = hyp_xen_vcpu_runstate(0, &rs);
	report(rc == 0 && rs.state == HYP_XEN_RUNSTATE_running && rs.time[HYP_XEN_RUNSTATE_running] > 0,
	       "VCPUOP_get_runstate_info(0): state %d, %llu ns running", rs.state,
	       (unsigned long long)rs.time[HYP_XEN_RUNSTATE_running]);
}
