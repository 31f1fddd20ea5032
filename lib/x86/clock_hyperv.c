/* SPDX-License-Identifier: MIT */
/*
 * Hyper-V's partition reference time (TLFS 6.0 section 12.7), 100 ns units,
 * the same on every vCPU: the reference TSC page (time = ((tsc * scale) >>
 * 64) + offset, valid while its sequence is not 0) read through
 * hyp_hyperv_tsc_read(), with HV_X64_MSR_TIME_REF_COUNT whenever the
 * page says it is not valid; or the MSR alone (a VM exit per read). No wall
 * clock. Both need the MSR's privilege bit in CPUID 0x40000003 eax.
 */
#include "clock_x86.h"
#include "hyperv_tsc.h"

static bool has(const struct hyp_info *info, uint32_t privilege)
{
	return (info->families & HYP_FAMILY_HYPERV) && (info->hyperv_privileges & privilege);
}

static bool page_probe(const struct hyp_info *info, const struct hyp_clock_config *cfg)
{
	return cfg->hyperv_tsc_page && has(info, HYP_HYPERV_MSR_REFERENCE_TSC_AVAILABLE) &&
	       has(info, HYP_HYPERV_MSR_TIME_REF_COUNT_AVAILABLE);
}

static bool msr_probe(const struct hyp_info *info, const struct hyp_clock_config *cfg)
{
	(void)cfg;
	return has(info, HYP_HYPERV_MSR_TIME_REF_COUNT_AVAILABLE);
}

static int page_init(const struct hyp_clock_config *cfg)
{
	return hyp_hyperv_tsc_page_enable(cfg->hyperv_tsc_page);
}

static int hyperv_cpu_setup(struct hyp_clock_cpu *c)
{
	c->stable_mask = 1;     /* partition-wide time: no guard needed */
	return HYP_OK;
}

static int page_cpu_setup(struct hyp_clock_cpu *c)
{
	/* The page page_init() enabled: hyp_clock_ns() reads it inline. */
	if (__atomic_load_n(&hyp_hyperv_tsc_page_active, __ATOMIC_ACQUIRE))
		c->read_path = HYP_CLOCK_PATH_HYPERV_PAGE;
	return hyperv_cpu_setup(c);
}

static uint64_t msr_read(struct hyp_clock_cpu *c, bool *stable)
{
	(void)c;
	*stable = true;
	return hyp_x86_rdmsr(HYP_HYPERV_MSR_TIME_REF_COUNT) * HYP_HYPERV_100NS;
}

/* hyp_clock_ns() reads the page itself (clock.c): this is hyp_clock_read()'s and the guarded path. */
static uint64_t page_read(struct hyp_clock_cpu *c, bool *stable)
{
	uint64_t t;

	*stable = true;
	if (!hyp_hyperv_tsc_ns(&t))
		return msr_read(c, stable);
	return t;
}

struct hyp_clock_ops hyp_clock_hyperv_tsc_page = {
	.id = HYP_CLOCK_HYPERV_TSC_PAGE,
	.name = "hyperv-tsc-page",
	.probe = page_probe,
	.init = page_init,
	.cpu_setup = page_cpu_setup,
	.read = page_read,
};

struct hyp_clock_ops hyp_clock_hyperv_ref_count = {
	.id = HYP_CLOCK_HYPERV_REF_COUNT,
	.name = "hyperv-ref-count",
	.probe = msr_probe,
	.cpu_setup = hyperv_cpu_setup,
	.read = msr_read,
};
