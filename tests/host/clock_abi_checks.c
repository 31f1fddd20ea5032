/* SPDX-License-Identifier: MIT */
/*
 * hyp/pvclock_abi.h against the real headers, field by field, at compile
 * time (x86_64 here; i386 with the i386 compiler, -fsyntax-only):
 * Linux's asm/pvclock-abi.h where installed (it is not uapi: Debian's
 * linux-libc-dev lacks it), else Xen's struct vcpu_time_info (libxen-dev);
 * the kvmclock MSRs against asm/kvm_para.h.
 */
#include <stddef.h>
#include <stdint.h>

#include <hyp/pvclock_abi.h>

#define SAME(ours, theirs) _Static_assert((ours) == (theirs), #ours " == " #theirs)
#define SAME_FIELD(ours, theirs, f, g) \
	SAME(offsetof(struct ours, f), offsetof(struct theirs, g)); \
	SAME(sizeof(((struct ours *)0)->f), sizeof(((struct theirs *)0)->g))

#if __has_include(<asm/pvclock-abi.h>)
#include <asm/pvclock-abi.h>
#define THEIRS pvclock_vcpu_time_info
SAME(HYP_PVCLOCK_TSC_STABLE_BIT, PVCLOCK_TSC_STABLE_BIT);
SAME(HYP_PVCLOCK_GUEST_STOPPED, PVCLOCK_GUEST_STOPPED);
SAME_FIELD(hyp_pvclock_wall_clock, pvclock_wall_clock, version, version);
SAME_FIELD(hyp_pvclock_wall_clock, pvclock_wall_clock, sec, sec);
SAME_FIELD(hyp_pvclock_wall_clock, pvclock_wall_clock, nsec, nsec);
SAME(sizeof(struct hyp_pvclock_wall_clock), sizeof(struct pvclock_wall_clock));
#else
#include <xen/xen.h>
#define THEIRS vcpu_time_info
SAME(HYP_PVCLOCK_TSC_STABLE_BIT, XEN_PVCLOCK_TSC_STABLE_BIT);
SAME(HYP_PVCLOCK_GUEST_STOPPED, XEN_PVCLOCK_GUEST_STOPPED);
/* Linux msr.rst: struct pvclock_wall_clock { u32 version; u32 sec; u32 nsec; } */
SAME(sizeof(struct hyp_pvclock_wall_clock), 12);
SAME(offsetof(struct hyp_pvclock_wall_clock, nsec), 8);
#endif
SAME_FIELD(hyp_pvclock_vcpu_time_info, THEIRS, version, version);
SAME_FIELD(hyp_pvclock_vcpu_time_info, THEIRS, pad0, pad0);
SAME_FIELD(hyp_pvclock_vcpu_time_info, THEIRS, tsc_timestamp, tsc_timestamp);
SAME_FIELD(hyp_pvclock_vcpu_time_info, THEIRS, system_time, system_time);
SAME_FIELD(hyp_pvclock_vcpu_time_info, THEIRS, tsc_to_system_mul, tsc_to_system_mul);
SAME_FIELD(hyp_pvclock_vcpu_time_info, THEIRS, tsc_shift, tsc_shift);
SAME_FIELD(hyp_pvclock_vcpu_time_info, THEIRS, flags, flags);
SAME(sizeof(struct hyp_pvclock_vcpu_time_info), sizeof(struct THEIRS));
SAME(_Alignof(struct hyp_pvclock_vcpu_time_info), _Alignof(struct THEIRS));

#if __has_include(<asm/kvm_para.h>)
#include <asm/kvm_para.h>
SAME(HYP_KVM_MSR_WALL_CLOCK, MSR_KVM_WALL_CLOCK);
SAME(HYP_KVM_MSR_SYSTEM_TIME, MSR_KVM_SYSTEM_TIME);
SAME(HYP_KVM_MSR_WALL_CLOCK_NEW, MSR_KVM_WALL_CLOCK_NEW);
SAME(HYP_KVM_MSR_SYSTEM_TIME_NEW, MSR_KVM_SYSTEM_TIME_NEW);
SAME(HYP_KVM_MSR_ENABLED, KVM_MSR_ENABLED);
#endif

int hyp_clock_abi_checked(void);
int hyp_clock_abi_checked(void)
{
	return 1;
}
