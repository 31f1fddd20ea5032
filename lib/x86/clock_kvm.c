/* SPDX-License-Identifier: MIT */
/*
 * kvmclock (Linux Documentation/virt/kvm/x86/msr.rst): each vCPU writes the
 * guest-physical address of its record | 1 to MSR_KVM_SYSTEM_TIME_NEW; KVM
 * fills the record before the vCPU runs again and keeps it current. The
 * wall clock MSR makes KVM write, once per write, the host's wall time at
 * kvmclock 0. PVCLOCK_TSC_STABLE_BIT in the record means the same time base
 * on every vCPU, but only where CPUID offers KVM_FEATURE_CLOCKSOURCE_STABLE_BIT.
 */
#include "clock_x86.h"

static bool kvm_new_msrs(const struct hyp_info *info)
{
	return info->kvm_features & (1u << HYP_KVM_FEATURE_CLOCKSOURCE2);
}

static bool kvm_probe(const struct hyp_info *info, const struct hyp_clock_config *cfg)
{
	(void)cfg;
	return (info->families & HYP_FAMILY_KVM) &&
	       (info->kvm_features & ((1u << HYP_KVM_FEATURE_CLOCKSOURCE2) |
				      (1u << HYP_KVM_FEATURE_CLOCKSOURCE)));
}

static uint32_t system_time_msr(void)
{
	return kvm_new_msrs(hyp_get_info()) ? HYP_KVM_MSR_SYSTEM_TIME_NEW : HYP_KVM_MSR_SYSTEM_TIME;
}

static int kvm_cpu_setup(struct hyp_clock_cpu *c)
{
	const struct hyp_info *info = hyp_get_info();
	uint64_t gpa = hyp_virt_to_phys(&c->rec);

	/* The record must not cross a page: 32 bytes at a 32-byte-aligned address. */
	if (gpa & (sizeof(c->rec) - 1))
		return HYP_EINVAL;
	hyp_x86_wrmsr(system_time_msr(), gpa | HYP_KVM_MSR_ENABLED);
	/* KVM wrote the record before this vCPU resumed after the wrmsr. */
	if (__atomic_load_n(&c->rec.version, __ATOMIC_ACQUIRE) == 0) {
		hyp_x86_wrmsr(system_time_msr(), 0);
		return HYP_EIO;
	}
	c->pvclock = &c->rec;
	if (info->kvm_features & (1u << HYP_KVM_FEATURE_CLOCKSOURCE_STABLE_BIT))
		c->stable_mask = HYP_PVCLOCK_TSC_STABLE_BIT;
	return HYP_OK;
}

static void kvm_cpu_teardown(struct hyp_clock_cpu *c)
{
	(void)c;
	hyp_x86_wrmsr(system_time_msr(), 0);
}

static int kvm_wall_base(struct hyp_clock_cpu *c, struct hyp_clock_timespec *base)
{
	const volatile struct hyp_pvclock_wall_clock *w = &c->wall;
	uint64_t gpa = hyp_virt_to_phys(&c->wall);
	uint32_t version, tries = HYP_CLOCK_RETRIES;

	hyp_x86_wrmsr(kvm_new_msrs(hyp_get_info()) ? HYP_KVM_MSR_WALL_CLOCK_NEW
						      : HYP_KVM_MSR_WALL_CLOCK, gpa);
	do {
		if (--tries == 0)
			return HYP_ETIMEDOUT;
		hyp_arch_cpu_relax();
		version = w->version;
		__asm__ __volatile__("" : : : "memory");
		base->sec = w->sec;
		base->nsec = w->nsec;
		__asm__ __volatile__("" : : : "memory");
	} while ((version & 1u) || version != w->version);
	if (version == 0 || base->nsec >= 1000000000u)
		return HYP_EIO;
	return HYP_OK;
}

struct hyp_clock_ops hyp_clock_kvmclock = {
	.id = HYP_CLOCK_KVMCLOCK,
	.name = "kvmclock",
	.probe = kvm_probe,
	.cpu_setup = kvm_cpu_setup,
	.cpu_teardown = kvm_cpu_teardown,
	.wall_base = kvm_wall_base,
};
