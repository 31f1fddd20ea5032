/* SPDX-License-Identifier: MIT */
/*
 * KVM hypercall ABI: numbers, return codes, x86 CPUID leaves and structures.
 *
 * Sources: Linux Documentation/virt/kvm/x86/hypercalls.rst,
 * include/uapi/linux/kvm_para.h, arch/x86/include/uapi/asm/kvm_para.h.
 * tests/host/test_kvm_abi.c checks every value against the installed
 * <linux/kvm_para.h> and <asm/kvm_para.h>.
 */
#ifndef HYP_KVM_ABI_H
#define HYP_KVM_ABI_H

#include <stdint.h>

#include <hyp/static_assert.h>

/* Hypercall numbers (nr register); the same numbers on every architecture. */
#define HYP_KVM_HC_VAPIC_POLL_IRQ       1   /* x86: exit so the host checks for pending interrupts; returns 0 */
#define HYP_KVM_HC_MMU_OP               2   /* x86: deprecated, removed from KVM in Linux 2.6.36: answers -KVM_ENOSYS; no wrapper */
#define HYP_KVM_HC_FEATURES             3   /* PowerPC: hypercall feature bits */
#define HYP_KVM_HC_PPC_MAP_MAGIC_PAGE   4   /* PowerPC: map the shared magic page */
#define HYP_KVM_HC_KICK_CPU             5   /* x86: a0 flags (0), a1 APIC ID: wake a vCPU halted in PV unhalt */
#define HYP_KVM_HC_MIPS_GET_CLOCK_FREQ  6   /* MIPS */
#define HYP_KVM_HC_MIPS_EXIT_VM         7   /* MIPS */
#define HYP_KVM_HC_MIPS_CONSOLE_OUTPUT  8   /* MIPS */
#define HYP_KVM_HC_CLOCK_PAIRING        9   /* x86: a0 GPA of struct hyp_kvm_clock_pairing_args, a1 clock type */
#define HYP_KVM_HC_SEND_IPI             10  /* x86: a0 bitmap low, a1 bitmap high, a2 min APIC ID, a3 ICR; returns CPUs sent to */
#define HYP_KVM_HC_SCHED_YIELD          11  /* x86: a0 APIC ID of the preempted vCPU to yield to */
#define HYP_KVM_HC_MAP_GPA_RANGE        12  /* x86: a0 GPA, a1 pages, a2 attributes; served by userspace if it enabled the exit */

/* Return values (the hypercall returns the negative value). */
#define HYP_KVM_EPERM           1       /* called from CPL > 0 */
#define HYP_KVM_E2BIG           7
#define HYP_KVM_EFAULT          14
#define HYP_KVM_EINVAL          22
#define HYP_KVM_EOPNOTSUPP      95
#define HYP_KVM_ENOSYS          1000    /* unknown hypercall number */

/* x86: CPUID leaves, relative to the KVM base found by detection (0x40000000 or a 0x100 step above). */
#define HYP_KVM_CPUID_SIGNATURE     0x40000000u     /* ebx ecx edx = "KVMKVMKVM\0\0\0"; eax = max leaf (0 on old hosts: means base + 1) */
#define HYP_KVM_CPUID_FEATURES      0x40000001u     /* eax = feature bits below, edx = hint bits */

/* x86: feature bits of leaf base+1 eax. */
#define HYP_KVM_FEATURE_CLOCKSOURCE         0
#define HYP_KVM_FEATURE_NOP_IO_DELAY        1
#define HYP_KVM_FEATURE_MMU_OP              2   /* deprecated with KVM_HC_MMU_OP */
#define HYP_KVM_FEATURE_CLOCKSOURCE2        3
#define HYP_KVM_FEATURE_ASYNC_PF            4
#define HYP_KVM_FEATURE_STEAL_TIME          5
#define HYP_KVM_FEATURE_PV_EOI              6
#define HYP_KVM_FEATURE_PV_UNHALT           7   /* KVM_HC_KICK_CPU is served */
#define HYP_KVM_FEATURE_PV_TLB_FLUSH        9
#define HYP_KVM_FEATURE_ASYNC_PF_VMEXIT     10
#define HYP_KVM_FEATURE_PV_SEND_IPI         11  /* KVM_HC_SEND_IPI is served */
#define HYP_KVM_FEATURE_POLL_CONTROL        12
#define HYP_KVM_FEATURE_PV_SCHED_YIELD      13  /* KVM_HC_SCHED_YIELD is served */
#define HYP_KVM_FEATURE_ASYNC_PF_INT        14
#define HYP_KVM_FEATURE_MSI_EXT_DEST_ID     15
#define HYP_KVM_FEATURE_HC_MAP_GPA_RANGE    16  /* KVM_HC_MAP_GPA_RANGE is served */
#define HYP_KVM_FEATURE_MIGRATION_CONTROL   17
#define HYP_KVM_FEATURE_CLOCKSOURCE_STABLE_BIT 24

/* x86: hint bits of leaf base+1 edx. */
#define HYP_KVM_HINTS_REALTIME              0

/* KVM_HC_CLOCK_PAIRING clock types; only the wall clock exists. */
#define HYP_KVM_CLOCK_PAIRING_WALLCLOCK     0

/* KVM_HC_MAP_GPA_RANGE attributes (a2). */
#define HYP_KVM_MAP_GPA_RANGE_PAGE_SZ_4K    0
#define HYP_KVM_MAP_GPA_RANGE_PAGE_SZ_2M    (1u << 0)
#define HYP_KVM_MAP_GPA_RANGE_PAGE_SZ_1G    (1u << 1)
#define HYP_KVM_MAP_GPA_RANGE_ENCRYPTED     (1u << 4)
#define HYP_KVM_MAP_GPA_RANGE_DECRYPTED     (0u << 4)

/*
 * Written by the host for KVM_HC_CLOCK_PAIRING at the guest-physical address
 * in a0 (hypercalls.rst, KVM_HC_CLOCK_PAIRING): 64 bytes, naturally aligned fields.
 */
struct hyp_kvm_clock_pairing_args {
	int64_t  sec;       /* seconds of the a1 clock (CLOCK_REALTIME) */
	int64_t  nsec;      /* nanoseconds */
	uint64_t tsc;       /* guest TSC at that instant */
	uint32_t flags;     /* 0 */
	uint32_t pad[9];
};

HYP_STATIC_ASSERT(sizeof(struct hyp_kvm_clock_pairing_args) == 64, "kvm_clock_pairing is 64 bytes");

#endif /* HYP_KVM_ABI_H */
