/* SPDX-License-Identifier: MIT */
/*
 * Xen's service paths, x86 and aarch64 (xen/include/public/sched.h,
 * console_io in xen.h, vcpu.h): console_io, SCHEDOP_shutdown / block /
 * yield, and (x86) the runstate's stolen time as Linux's xen_steal_clock()
 * counts it: time runnable plus time offline.
 */
#include "services_internal.h"

#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
static bool xen_offered(const struct hyp_info *info, const struct hyp_platform *plat)
{
	(void)plat;
	return (info->families & HYP_FAMILY_XEN) != 0;
}

/*
 * CONSOLEIO_write reaches Xen's own console: dom0 (a domU without a
 * hypervisor console gets HYP_EPERM). The domU's PV console ring
 * (hyp_xen_pv_console_write(), with the domU work) goes into the table
 * before this path.
 */
static int xen_console_write(const void *buf, size_t len)
{
	return hyp_xen_console_write((const char *)buf, len);
}

static int xen_console_read(void *buf, size_t len)
{
	return hyp_xen_console_read((char *)buf, len);
}

static int xen_power_off(void)
{
	return hyp_xen_sched_shutdown(HYP_XEN_SHUTDOWN_poweroff);
}

static int xen_reset(void)
{
	return hyp_xen_sched_shutdown(HYP_XEN_SHUTDOWN_reboot);
}

static int xen_crash(void)
{
	return hyp_xen_sched_shutdown(HYP_XEN_SHUTDOWN_crash);
}

const struct hyp_service_path hyp_service_xen_console_write = {
	"xen-console-io", xen_offered, { .write = xen_console_write } };
const struct hyp_service_path hyp_service_xen_console_read = {
	"xen-console-io", xen_offered, { .read = xen_console_read } };
const struct hyp_service_path hyp_service_xen_power_off = {
	"xen-shutdown", xen_offered, { .call = xen_power_off } };
const struct hyp_service_path hyp_service_xen_reset = {
	"xen-shutdown", xen_offered, { .call = xen_reset } };
const struct hyp_service_path hyp_service_xen_crash = {
	"xen-shutdown", xen_offered, { .call = xen_crash } };
const struct hyp_service_path hyp_service_xen_idle = {
	"xen-sched-block", xen_offered, { .call = hyp_xen_sched_block } };
const struct hyp_service_path hyp_service_xen_yield = {
	"xen-sched-yield", xen_offered, { .call = hyp_xen_sched_yield } };
#endif

#if defined(__x86_64__) || defined(__i386__)
static int xen_steal_read(struct hyp_steal_cpu *st, uint64_t *ns)
{
	struct hyp_xen_vcpu_runstate_info rs;
	int ret = hyp_xen_vcpu_runstate(st->cpu, &rs);

	if (ret < 0)
		return ret;
	*ns = rs.time[HYP_XEN_RUNSTATE_runnable] + rs.time[HYP_XEN_RUNSTATE_offline];
	return HYP_OK;
}

/* Setup asks once: a vCPU Xen does not know fails here, not at the first read. */
static int xen_steal_setup(struct hyp_steal_cpu *st)
{
	uint64_t ns;

	return xen_steal_read(st, &ns);
}

static const struct hyp_steal_ops xen_steal_ops = { xen_steal_setup, NULL, xen_steal_read };

const struct hyp_service_path hyp_service_xen_steal = {
	"xen-runstate", xen_offered, { .steal = &xen_steal_ops } };
#endif
