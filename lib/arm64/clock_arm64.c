/* SPDX-License-Identifier: MIT */
/*
 * arm64 KVM PTP (Linux Documentation/virt/kvm/arm/ptp_kvm.rst,
 * hypercalls.rst): ARM_SMCCC_VENDOR_HYP_KVM_PTP_FUNC_ID answers the host's
 * CLOCK_REALTIME in ns together with the guest's virtual counter at the
 * same instant. Monotonic time is the generic timer's virtual counter
 * (CNTVCT_EL0: one system-wide count, so the same on every CPU) scaled by
 * CNTFRQ_EL0 (Arm ARM D11.1); the wall clock is PTP's time minus the
 * scaled counter value it came with. Needs KVM_FEATURES bit
 * ARM_SMCCC_KVM_FUNC_PTP (HYP_SMCCC_KVM_FEATURE_PTP).
 */
#include "clock_arm64.h"

#include <hyp/smccc.h>

#define NSEC_PER_SEC    1000000000ull
#define MIN_COUNTER_HZ  1000u       /* below this the 32.32 ns-per-tick factor overflows: refused */

uint64_t hyp_arm64_ns_per_tick;     /* 32.32 fixed point: (10^9 << 32) / CNTFRQ_EL0 (clock_arm64.h) */

static uint64_t counter_hz(void)
{
	uint64_t v;

	__asm__ __volatile__("mrs %0, cntfrq_el0" : "=r"(v));
	return v;
}

static bool ptp_probe(const struct hyp_info *info, const struct hyp_clock_config *cfg)
{
	(void)cfg;
	return (info->families & HYP_FAMILY_KVM) &&
	       (info->kvm_features & (1u << HYP_SMCCC_KVM_FEATURE_PTP));
}

static int ptp_init(const struct hyp_clock_config *cfg)
{
	uint64_t hz = counter_hz() & 0xffffffffu;   /* CNTFRQ_EL0 bits 31:0 */

	(void)cfg;
	if (hz < MIN_COUNTER_HZ)
		return HYP_EIO;
	hyp_arm64_ns_per_tick = (NSEC_PER_SEC << 32) / hz;
	return HYP_OK;
}

static int ptp_cpu_setup(struct hyp_clock_cpu *c)
{
	c->stable_mask = 1;     /* one system counter */
	c->read_path = HYP_CLOCK_PATH_ARM64_COUNTER;
	return HYP_OK;
}

static uint64_t ptp_read(struct hyp_clock_cpu *c, bool *stable)
{
	(void)c;
	*stable = true;
	return hyp_arm64_counter_ns();
}

static int ptp_wall_base(struct hyp_clock_cpu *c, struct hyp_clock_timespec *base)
{
	uint64_t wall_ns, ticks;
	uint32_t nsec;
	int ret;

	(void)c;
	ret = hyp_kvm_arm_ptp(HYP_SMCCC_KVM_PTP_VIRT_COUNTER, &wall_ns, &ticks);
	if (ret < 0)
		return ret;
	base->sec = (int64_t)hyp_clock_ns_to_sec(wall_ns - hyp_arm64_ticks_to_ns(ticks), &nsec);
	base->nsec = nsec;
	return HYP_OK;
}

static struct hyp_clock_ops hyp_clock_kvm_ptp = {   /* writable: lib/internal.h */
	.id = HYP_CLOCK_KVM_PTP,
	.name = "kvm-ptp",
	.probe = ptp_probe,
	.init = ptp_init,
	.cpu_setup = ptp_cpu_setup,
	.read = ptp_read,
	.wall_base = ptp_wall_base,
};

int hyp_clock_init(const struct hyp_clock_config *cfg)
{
	static const struct hyp_clock_ops *sources[] = { &hyp_clock_kvm_ptp, NULL };

	return hyp_clock_select(sources, cfg);
}
