/* SPDX-License-Identifier: MIT */
/*
 * Xen's clock (xen/include/public/xen.h): shared_info.vcpu_info[n].time is
 * vCPU n's pvclock record (same rule as kvmclock; Xen keeps it current on
 * HVM, PVH and PV alike) and wc_version/wc_sec/wc_nsec/wc_sec_hi the wall
 * clock at system time 0, under the same odd/even version rule. Only the 32
 * legacy vcpu_info slots live in shared_info. XEN_PVCLOCK_TSC_STABLE_BIT
 * (interface 4.7 and later) is the record's own flag.
 */
#include "clock_x86.h"

static union hyp_xen_shared_info_page *shared_info;

static bool xen_probe(const struct hyp_info *info, const struct hyp_clock_config *cfg)
{
	return (info->families & HYP_FAMILY_XEN) && cfg->xen_shared_info.page;
}

static int xen_init(const struct hyp_clock_config *cfg)
{
	union hyp_xen_shared_info_page *si = cfg->xen_shared_info.page;
	int ret;

	if ((uintptr_t)si & (HYP_XEN_PAGE_SIZE - 1))
		return HYP_EINVAL;
	if (!hyp_get_info()->xen_pv && !cfg->xen_shared_info_mapped) {
		ret = hyp_xen_map_shared_info(si);
		if (ret < 0)
			return ret;
	}
	shared_info = si;
	return HYP_OK;
}

static int xen_cpu_setup(struct hyp_clock_cpu *c)
{
	if (c->cpu >= HYP_XEN_LEGACY_MAX_VCPUS)
		return HYP_ERANGE;
	c->pvclock = &shared_info->info.vcpu_info[c->cpu].time;
	c->stable_mask = HYP_PVCLOCK_TSC_STABLE_BIT;
	return HYP_OK;
}

static int xen_wall_base(struct hyp_clock_cpu *c, struct hyp_clock_timespec *base)
{
	const volatile struct hyp_xen_shared_info *si = &shared_info->info;
	uint32_t version, sec, nsec, sec_hi, tries = HYP_CLOCK_RETRIES;

	(void)c;
	do {
		if (--tries == 0)
			return HYP_ETIMEDOUT;
		hyp_arch_cpu_relax();
		version = si->wc_version;
		__asm__ __volatile__("" : : : "memory");
		sec = si->wc_sec;
		nsec = si->wc_nsec;
		sec_hi = si->HYP_XEN_WC_SEC_HI;
		__asm__ __volatile__("" : : : "memory");
	} while ((version & 1u) || version != si->wc_version);
	if (nsec >= 1000000000u)
		return HYP_EIO;
	/* wc_sec_hi:wc_sec is unsigned; from 2^63 s on it is no int64_t count. */
	if (sec_hi > 0x7fffffffu)
		return HYP_ERANGE;
	base->sec = (int64_t)((uint64_t)sec_hi << 32 | sec);
	base->nsec = nsec;
	return HYP_OK;
}

struct hyp_clock_ops hyp_clock_xen = {
	.id = HYP_CLOCK_XEN,
	.name = "xen",
	.probe = xen_probe,
	.init = xen_init,
	.cpu_setup = xen_cpu_setup,
	.wall_base = xen_wall_base,
};
