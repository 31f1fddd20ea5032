/* SPDX-License-Identifier: MIT */
/*
 * The paravirtual clock record shared by KVM's kvmclock and Xen's vcpu_info:
 * one per vCPU, written by the hypervisor, read by the guest. Same layout on
 * every word size.
 * Sources: Linux arch/x86/include/asm/pvclock-abi.h (struct
 * pvclock_vcpu_time_info), Xen xen/include/public/xen.h (struct vcpu_time_info).
 */
#ifndef HYP_PVCLOCK_ABI_H
#define HYP_PVCLOCK_ABI_H

#include <stdint.h>

/*
 * The hypervisor makes `version` odd before it updates the record and even
 * after; a reader retries until it sees the same even version on both sides.
 * Guest time: system_time + scale(tsc - tsc_timestamp), where scale shifts
 * left by tsc_shift (right if negative), multiplies by tsc_to_system_mul and
 * keeps bits 32..95 of the product.
 */
struct hyp_pvclock_vcpu_time_info {
	uint32_t version;
	uint32_t pad0;
	uint64_t tsc_timestamp;     /* TSC at the last update */
	uint64_t system_time;       /* nanoseconds at the last update */
	uint32_t tsc_to_system_mul; /* 32.32 fixed-point multiplier */
	int8_t   tsc_shift;
	uint8_t  flags;             /* HYP_PVCLOCK_* */
	uint8_t  pad[2];
};

#define HYP_PVCLOCK_TSC_STABLE_BIT  (1u << 0)   /* same time base on every vCPU */
#define HYP_PVCLOCK_GUEST_STOPPED   (1u << 1)   /* the host stopped the guest (KVM) */

/* KVM's wall clock (MSR_KVM_WALL_CLOCK_NEW): the host's time at guest boot. */
struct hyp_pvclock_wall_clock {
	uint32_t version;
	uint32_t sec;
	uint32_t nsec;
};

/*
 * kvmclock MSRs (Linux arch/x86/include/uapi/asm/kvm_para.h,
 * Documentation/virt/kvm/x86/msr.rst): write the guest-physical address of a
 * per-vCPU struct hyp_pvclock_vcpu_time_info | HYP_KVM_MSR_ENABLED to
 * SYSTEM_TIME, of a struct hyp_pvclock_wall_clock to WALL_CLOCK. The _NEW
 * pair needs KVM_FEATURE_CLOCKSOURCE2, the old pair KVM_FEATURE_CLOCKSOURCE.
 */
#define HYP_KVM_MSR_WALL_CLOCK          0x11u
#define HYP_KVM_MSR_SYSTEM_TIME         0x12u
#define HYP_KVM_MSR_WALL_CLOCK_NEW      0x4b564d00u
#define HYP_KVM_MSR_SYSTEM_TIME_NEW     0x4b564d01u
#define HYP_KVM_MSR_ENABLED             1u

#endif /* HYP_PVCLOCK_ABI_H */
