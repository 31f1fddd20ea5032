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
 * A domU's PV console ring (hyp/xen_console.h), once the kernel set it up
 * with hyp_xen_pv_console_setup(): before console_io, which a toolstack
 * domU on a non-debug Xen gets HYP_EPERM for.
 */
static bool xen_pv_console_offered(const struct hyp_info *info, const struct hyp_platform *plat)
{
	return xen_offered(info, plat) && hyp_xen_pv_console_ready();
}

struct hyp_service_path hyp_service_xen_pv_console_write = {
	"xen-pv-console", xen_pv_console_offered, { .write = hyp_xen_pv_console_write } };
struct hyp_service_path hyp_service_xen_pv_console_read = {
	"xen-pv-console", xen_pv_console_offered, { .read = hyp_xen_pv_console_read } };

/* CONSOLEIO_write reaches Xen's own console: dom0 (and a domU on a debug Xen). */
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

struct hyp_service_path hyp_service_xen_console_write = {
	"xen-console-io", xen_offered, { .write = xen_console_write } };
struct hyp_service_path hyp_service_xen_console_read = {
	"xen-console-io", xen_offered, { .read = xen_console_read } };
struct hyp_service_path hyp_service_xen_power_off = {
	"xen-shutdown", xen_offered, { .call = xen_power_off } };
struct hyp_service_path hyp_service_xen_reset = {
	"xen-shutdown", xen_offered, { .call = xen_reset } };
struct hyp_service_path hyp_service_xen_crash = {
	"xen-shutdown", xen_offered, { .call = xen_crash } };
struct hyp_service_path hyp_service_xen_idle = {
	"xen-sched-block", xen_offered, { .call = hyp_xen_sched_block } };
struct hyp_service_path hyp_service_xen_yield = {
	"xen-sched-yield", xen_offered, { .call = hyp_xen_sched_yield } };
#endif

#if defined(__aarch64__)
/*
 * Arm: no get_runstate_info; the registered area instead (Xen on Arm's
 * vcpu_op serves register_runstate_memory_area). A read is consistent when
 * state_entry_time is the same before and after it and has no
 * XEN_RUNSTATE_UPDATE (bit 63), as Linux's xen_get_runstate_snapshot_cpu_delta.
 */
#define XEN_RUNSTATE_UPDATE     (1ull << 63)

static struct hyp_xen_vcpu_runstate_info *xen_area(struct hyp_steal_cpu *st)
{
	return (struct hyp_xen_vcpu_runstate_info *)(void *)st->record;
}

static int xen_area_setup(struct hyp_steal_cpu *st)
{
	hyp_zero_bytes(xen_area(st), sizeof(*xen_area(st)));
	return hyp_xen_vcpu_register_runstate(st->cpu, xen_area(st));
}

static void xen_area_teardown(struct hyp_steal_cpu *st)
{
	hyp_xen_vcpu_register_runstate(st->cpu, NULL);
}

static int xen_area_read(struct hyp_steal_cpu *st, uint64_t *ns)
{
	const volatile struct hyp_xen_vcpu_runstate_info *r = xen_area(st);

	for (unsigned int i = 0; i < HYP_SERVICE_RETRIES; i++) {
		uint64_t t = r->state_entry_time, steal;

		hyp_virt_rmb();
		steal = r->time[HYP_XEN_RUNSTATE_runnable] + r->time[HYP_XEN_RUNSTATE_offline];
		hyp_virt_rmb();
		if (!(t & XEN_RUNSTATE_UPDATE) && t == r->state_entry_time) {
			*ns = steal;
			return HYP_OK;
		}
		hyp_arch_cpu_relax();
	}
	return HYP_ETIMEDOUT;
}

static struct hyp_steal_ops xen_area_ops = { xen_area_setup, xen_area_teardown, xen_area_read };

struct hyp_service_path hyp_service_xen_steal = {
	"xen-runstate-area", xen_offered, { .steal = &xen_area_ops } };
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

static struct hyp_steal_ops xen_steal_ops = { xen_steal_setup, NULL, xen_steal_read };

struct hyp_service_path hyp_service_xen_steal = {
	"xen-runstate", xen_offered, { .steal = &xen_steal_ops } };
#endif
