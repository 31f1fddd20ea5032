/* SPDX-License-Identifier: MIT */
/*
 * libhyp: Arm SMC Calling Convention (SMCCC) family, aarch64: the conduit
 * gates, the function IDs of the services libhyp wraps (PSCI, TRNG, the
 * standard and vendor hypervisor services, KVM's), the error mapping and the
 * typed calls. Stubs: <hyp/arm64/smccc_call.h> (included here on aarch64).
 *
 * Sources: Arm DEN0028 (SMCCC 1.4) for the ID layout, SMCCC_VERSION,
 * SMCCC_ARCH_FEATURES and the UID queries; Arm DEN0022 (PSCI 1.1) for PSCI;
 * Arm DEN0098 (TRNG 1.0); Linux include/uapi/linux/psci.h (checked by
 * tests/host/test_smccc_abi.c); Linux include/linux/arm-smccc.h and
 * Documentation/virt/kvm/arm/hypercalls.rst for KVM's vendor services;
 * xen/include/public/arch-arm/smccc.h for Xen's UID.
 */
#ifndef HYP_SMCCC_H
#define HYP_SMCCC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hyp/error.h>
#include <hyp/gate.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Function ID layout (DEN0028, "Function Identifiers") ------------- */
#define HYP_SMCCC_FAST_CALL         0x80000000u     /* bit 31 */
#define HYP_SMCCC_64                0x40000000u     /* bit 30: SMC64/HVC64 */
#define HYP_SMCCC_OWNER_SHIFT       24
#define HYP_SMCCC_OWNER_MASK        0x3fu
#define HYP_SMCCC_OWNER_ARCH        0u
#define HYP_SMCCC_OWNER_STANDARD    4u              /* PSCI, TRNG */
#define HYP_SMCCC_OWNER_STD_HYP     5u              /* standard hypervisor service */
#define HYP_SMCCC_OWNER_VENDOR_HYP  6u
#define HYP_SMCCC_ID(is64, owner, nr) \
	(HYP_SMCCC_FAST_CALL | ((is64) ? HYP_SMCCC_64 : 0u) | \
	 ((uint32_t)(owner) << HYP_SMCCC_OWNER_SHIFT) | (uint32_t)(nr))

/* Arm architecture calls (DEN0028, "Arm Architecture Calls"). */
#define HYP_SMCCC_VERSION               0x80000000u
#define HYP_SMCCC_ARCH_FEATURES         0x80000001u
#define HYP_SMCCC_ARCH_SOC_ID           0x80000002u
#define HYP_SMCCC_ARCH_WORKAROUND_1     0x80008000u
#define HYP_SMCCC_ARCH_WORKAROUND_2     0x80007fffu
#define HYP_SMCCC_ARCH_WORKAROUND_3     0x80003fffu
#define HYP_SMCCC_VERSION_1_0           0x10000u        /* implied when SMCCC_VERSION is absent */
#define HYP_SMCCC_VERSION_1_1           0x10001u
#define HYP_SMCCC_VERSION_1_2           0x10002u

/* Return codes of the architecture calls (DEN0028, "Return codes"). */
#define HYP_SMCCC_RET_SUCCESS           0
#define HYP_SMCCC_RET_NOT_SUPPORTED     (-1)
#define HYP_SMCCC_RET_NOT_REQUIRED      (-2)
#define HYP_SMCCC_RET_INVALID_PARAMETER (-3)

/* Per-owner "Call UID" / "Revision" queries (DEN0028, "General Service Queries"). */
#define HYP_SMCCC_STD_HYP_CALL_UID      0x8500ff01u
#define HYP_SMCCC_VENDOR_HYP_CALL_UID   0x8600ff01u
#define HYP_SMCCC_UNKNOWN_UID           0xffffffffu     /* w0 of an unimplemented UID query */

/* KVM's vendor hypervisor services (Linux Documentation/virt/kvm/arm/hypercalls.rst). */
#define HYP_SMCCC_KVM_FEATURES          0x86000000u     /* x0: bitmap of served KVM functions */
#define HYP_SMCCC_KVM_PTP               0x86000001u     /* x1: counter; x0:x1 wall clock ns, x2:x3 counter */
#define HYP_SMCCC_KVM_FEATURE_FEATURES  0u              /* bit numbers in the bitmap */
#define HYP_SMCCC_KVM_FEATURE_PTP       1u
#define HYP_SMCCC_KVM_PTP_VIRT_COUNTER  0u
#define HYP_SMCCC_KVM_PTP_PHYS_COUNTER  1u
/* KVM's UID in w0..w3 of VENDOR_HYP_CALL_UID (Linux ARM_SMCCC_VENDOR_HYP_UID_KVM_REG_*). */
#define HYP_SMCCC_UID_KVM_0             0xb66fb428u
#define HYP_SMCCC_UID_KVM_1             0xe911c52eu
#define HYP_SMCCC_UID_KVM_2             0x564bcaa9u
#define HYP_SMCCC_UID_KVM_3             0x743a004du
/* Xen's UID (XEN_SMCCC_UID a71812dc-c698-4369-9acf-79d18dde6e67, bytes little-endian per word),
 * answered on STD_HYP_CALL_UID. */
#define HYP_SMCCC_UID_XEN_0             0xdc1218a7u
#define HYP_SMCCC_UID_XEN_1             0x694398c6u
#define HYP_SMCCC_UID_XEN_2             0xd179cf9au
#define HYP_SMCCC_UID_XEN_3             0x67e6de8du

/* ---- PSCI (DEN0022; Linux include/uapi/linux/psci.h) ------------------- */
#define HYP_PSCI_FN_BASE                0x84000000u
#define HYP_PSCI_FN64_BASE              0xc4000000u
#define HYP_PSCI_FN_COUNT               0x20u           /* 0x84000000-0x8400001f and the 64-bit twins */
#define HYP_PSCI_VERSION                0x84000000u
#define HYP_PSCI_CPU_SUSPEND            0xc4000001u
#define HYP_PSCI_CPU_OFF                0x84000002u
#define HYP_PSCI_CPU_ON                 0xc4000003u
#define HYP_PSCI_AFFINITY_INFO          0xc4000004u
#define HYP_PSCI_MIGRATE_INFO_TYPE      0x84000006u
#define HYP_PSCI_SYSTEM_OFF             0x84000008u
#define HYP_PSCI_SYSTEM_RESET           0x84000009u
#define HYP_PSCI_FEATURES               0x8400000au
#define HYP_PSCI_SYSTEM_RESET2          0xc4000012u
#define HYP_PSCI_VERSION_0_2            0x00002u
#define HYP_PSCI_VERSION_1_0            0x10000u
#define HYP_PSCI_VERSION_1_1            0x10001u
#define HYP_PSCI_RESET2_VENDOR          0x80000000u     /* reset_type bit 31: vendor-specific */
#define HYP_PSCI_AFFINITY_ON            0
#define HYP_PSCI_AFFINITY_OFF           1
#define HYP_PSCI_AFFINITY_ON_PENDING    2
#define HYP_PSCI_RET_SUCCESS            0
#define HYP_PSCI_RET_NOT_SUPPORTED      (-1)
#define HYP_PSCI_RET_INVALID_PARAMS     (-2)
#define HYP_PSCI_RET_DENIED             (-3)
#define HYP_PSCI_RET_ALREADY_ON         (-4)
#define HYP_PSCI_RET_ON_PENDING         (-5)
#define HYP_PSCI_RET_INTERNAL_FAILURE   (-6)
#define HYP_PSCI_RET_NOT_PRESENT        (-7)
#define HYP_PSCI_RET_DISABLED           (-8)
#define HYP_PSCI_RET_INVALID_ADDRESS    (-9)

/* ---- TRNG (DEN0098 1.0) ------------------------------------------------ */
#define HYP_TRNG_VERSION                0x84000050u
#define HYP_TRNG_FEATURES               0x84000051u
#define HYP_TRNG_GET_UUID               0x84000052u
#define HYP_TRNG_RND32                  0x84000053u
#define HYP_TRNG_RND64                  0xc4000053u
#define HYP_TRNG_RND64_MAX_BITS         192u            /* x1..x3, x3 holds the low bits */
#define HYP_TRNG_RET_NOT_SUPPORTED      (-1)
#define HYP_TRNG_RET_INVALID_PARAMETERS (-2)
#define HYP_TRNG_RET_NO_ENTROPY         (-3)

/* ---- Gates ------------------------------------------------------------- */
/*
 * Two bytes, the conduit each may use (hyp/gate.h rules):
 *   hyp_psci_gate   PSCI function IDs only: /psci "method" said hvc or smc.
 *                   Plain firmware (QEMU's built-in PSCI) serves no other ID:
 *                   any other ID on its conduit is UNDEFINED and traps.
 *   hyp_smccc_gate  any function ID: SMCCC >= 1.1 was discovered through
 *                   PSCI_FEATURES(SMCCC_VERSION) and SMCCC_VERSION, so an
 *                   unknown ID answers NOT_SUPPORTED (DEN0028, SMCCC_VERSION).
 */
#define HYP_GATE_SMCCC_HVC  2
#define HYP_GATE_SMCCC_SMC  3
extern unsigned char hyp_psci_gate;
extern unsigned char hyp_smccc_gate;

/* x0..x3 after a call (SMCCC 1.1: the result registers). */
struct hyp_smccc_res {
	unsigned long a0, a1, a2, a3;
};

/* x0..x17 in and out of an SMCCC 1.2 call (hyp_smccc_hvc_regs / _smc_regs). */
struct hyp_smccc_regs {
	unsigned long x[18];
};

/* Whether `fid` is a PSCI function ID (the only ones hyp_psci_gate allows). */
static inline bool hyp_smccc_is_psci(uint32_t fid)
{
	return (fid - HYP_PSCI_FN_BASE) < HYP_PSCI_FN_COUNT ||
	       (fid - HYP_PSCI_FN64_BASE) < HYP_PSCI_FN_COUNT;
}

#ifdef __cplusplus
}
#endif

#if defined(__aarch64__)
#include <hyp/arm64/smccc_call.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Map an SMCCC architecture-call status (w0: NOT_SUPPORTED -1 HYP_ENOSYS,
 * NOT_REQUIRED -2 HYP_EOPNOTSUPP, INVALID_PARAMETER -3 HYP_EINVAL) into the
 * error model. The value is read as the 32-bit w0 (SMC32 results are W
 * registers), >= 0 passes through; a library code (the hypervisor's -4001) is HYP_EIO.
 */
int hyp_smccc_error(long raw);
/* PSCI status: NOT_SUPPORTED HYP_ENOSYS, INVALID_PARAMS HYP_EINVAL, DENIED HYP_EPERM,
 * ALREADY_ON HYP_EEXIST, ON_PENDING HYP_EBUSY, INTERNAL_FAILURE HYP_EIO,
 * NOT_PRESENT HYP_ENODEV, DISABLED HYP_EOPNOTSUPP, INVALID_ADDRESS HYP_EFAULT. */
int hyp_psci_error(long raw);
/* TRNG status: NOT_SUPPORTED HYP_ENOSYS, INVALID_PARAMETERS HYP_EINVAL, NO_ENTROPY HYP_EAGAIN. */
int hyp_trng_error(long raw);

#if defined(__aarch64__)
/* SMCCC_VERSION as discovered by hyp_init() (0 when not discovered). */
uint32_t hyp_smccc_version(void);
/* SMCCC_ARCH_FEATURES(fid): >= 0 served (a feature word), HYP_ENOSYS not. */
int hyp_smccc_arch_features(uint32_t fid);
/* The four UID words of an owner's Call UID query (0x8500ff01, 0x8600ff01). 0;
 * HYP_ENOSYS when w0 is the unknown UID (-1). */
int hyp_smccc_call_uid(uint32_t fid, uint32_t uid[4]);

/* PSCI_VERSION: major << 16 | minor. */
int hyp_psci_version(void);
/* PSCI_FEATURES(fid): >= 0 the feature flags, HYP_ENOSYS when not implemented. */
int hyp_psci_features(uint32_t fid);
/* CPU_ON (64-bit): start the CPU with MPIDR `target` at `entry` with x0 = `context`. 0. */
int hyp_psci_cpu_on(uint64_t target, uint64_t entry, uint64_t context);
/* CPU_OFF: only returns on failure. */
int hyp_psci_cpu_off(void);
/*
 * CPU_SUSPEND (64-bit): `power_state` as the platform defines it (0 in the
 * original format: standby, the core stays powered and returns here when
 * an interrupt is pending, entry and context unused). 0 on wake-up.
 */
int hyp_psci_cpu_suspend(uint32_t power_state, uint64_t entry, uint64_t context);
/* AFFINITY_INFO (level 0): HYP_PSCI_AFFINITY_ON / _OFF / _ON_PENDING. */
int hyp_psci_affinity_info(uint64_t target);
/* SYSTEM_OFF / SYSTEM_RESET: do not return when served; else the error. */
int hyp_psci_system_off(void);
int hyp_psci_system_reset(void);
/* SYSTEM_RESET2 (PSCI >= 1.1, checked with PSCI_FEATURES first: HYP_ENOSYS
 * without it, nothing executed). `type` bit 31 = vendor-specific. */
int hyp_psci_system_reset2(uint32_t type, uint64_t cookie);

/* KVM vendor services (need HYP_FAMILY_KVM): KVM_FEATURES bitmap word 0. */
int hyp_kvm_arm_features(uint32_t *bitmap);
/*
 * KVM PTP: the host's wall clock (ns since the epoch, CLOCK_REALTIME) and
 * the guest counter value at the same instant. `counter` is
 * HYP_SMCCC_KVM_PTP_VIRT_COUNTER or _PHYS_COUNTER (else HYP_EINVAL). 0;
 * HYP_ENOSYS when the host does not offer PTP (KVM_FEATURES bit 1).
 */
int hyp_kvm_arm_ptp(uint32_t counter, uint64_t *wall_ns, uint64_t *cycles);

/* TRNG_VERSION: major << 16 | minor (1.0 = 0x10000). */
int hyp_trng_version(void);
/* TRNG_RND64: `bits` (1..192) of entropy into out[0..2] (out[2] the low 64
 * bits, as x3). 0; HYP_EAGAIN when the source has no entropy now. */
int hyp_trng_rnd64(unsigned int bits, uint64_t out[3]);
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYP_SMCCC_H */
