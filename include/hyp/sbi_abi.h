/* SPDX-License-Identifier: MIT */
/*
 * RISC-V Supervisor Binary Interface: the numbers (any host includes this).
 *
 * Source: the RISC-V SBI specification v2.0 (ratified 2024): chapter 3
 * (binary encoding, error codes), 4 (BASE), 5 (legacy), 6 (TIME), 7 (IPI),
 * 8 (RFENCE), 9 (HSM), 10 (SRST), 12 (DBCN), 13 (SUSP), 14 (CPPC), 15 (NACL),
 * 16 (STA); SBI v3.0 for error codes -10..-13. What Linux 6.1 also defines
 * (arch/riscv/include/asm/sbi.h: BASE TIME IPI RFENCE HSM SRST PMU, legacy,
 * errors to -8, HSM states, SRST types and reasons) is compared with it by
 * tests/host/check-sbi-abi.sh, from the linux-source-6.1 package.
 */
#ifndef HYP_SBI_ABI_H
#define HYP_SBI_ABI_H

#include <stdint.h>

/* Extension IDs (a7). */
#define HYP_SBI_EXT_LEGACY_SET_TIMER             0x00ul
#define HYP_SBI_EXT_LEGACY_CONSOLE_PUTCHAR       0x01ul
#define HYP_SBI_EXT_LEGACY_CONSOLE_GETCHAR       0x02ul
#define HYP_SBI_EXT_LEGACY_CLEAR_IPI             0x03ul
#define HYP_SBI_EXT_LEGACY_SEND_IPI              0x04ul
#define HYP_SBI_EXT_LEGACY_REMOTE_FENCE_I        0x05ul
#define HYP_SBI_EXT_LEGACY_REMOTE_SFENCE_VMA     0x06ul
#define HYP_SBI_EXT_LEGACY_REMOTE_SFENCE_VMA_ASID 0x07ul
#define HYP_SBI_EXT_LEGACY_SHUTDOWN              0x08ul
#define HYP_SBI_EXT_BASE        0x10ul
#define HYP_SBI_EXT_TIME        0x54494D45ul    /* "TIME" */
#define HYP_SBI_EXT_IPI         0x735049ul      /* "sPI" */
#define HYP_SBI_EXT_RFENCE      0x52464E43ul    /* "RFNC" */
#define HYP_SBI_EXT_HSM         0x48534Dul      /* "HSM" */
#define HYP_SBI_EXT_SRST        0x53525354ul    /* "SRST" */
#define HYP_SBI_EXT_PMU         0x504D55ul      /* "PMU" */
#define HYP_SBI_EXT_DBCN        0x4442434Eul    /* "DBCN" */
#define HYP_SBI_EXT_SUSP        0x53555350ul    /* "SUSP" */
#define HYP_SBI_EXT_CPPC        0x43505043ul    /* "CPPC" */
#define HYP_SBI_EXT_NACL        0x4E41434Cul    /* "NACL" */
#define HYP_SBI_EXT_STA         0x535441ul      /* "STA" */
#define HYP_SBI_EXT_EXPERIMENTAL_START  0x08000000ul
#define HYP_SBI_EXT_EXPERIMENTAL_END    0x08FFFFFFul
#define HYP_SBI_EXT_VENDOR_START        0x09000000ul
#define HYP_SBI_EXT_VENDOR_END          0x09FFFFFFul
#define HYP_SBI_EXT_FIRMWARE_START      0x0A000000ul
#define HYP_SBI_EXT_FIRMWARE_END        0x0AFFFFFFul

/* Error codes (a0). */
#define HYP_SBI_SUCCESS                 0
#define HYP_SBI_ERR_FAILED              (-1)
#define HYP_SBI_ERR_NOT_SUPPORTED       (-2)
#define HYP_SBI_ERR_INVALID_PARAM       (-3)
#define HYP_SBI_ERR_DENIED              (-4)
#define HYP_SBI_ERR_INVALID_ADDRESS     (-5)
#define HYP_SBI_ERR_ALREADY_AVAILABLE   (-6)
#define HYP_SBI_ERR_ALREADY_STARTED     (-7)
#define HYP_SBI_ERR_ALREADY_STOPPED     (-8)
#define HYP_SBI_ERR_NO_SHMEM            (-9)
#define HYP_SBI_ERR_INVALID_STATE       (-10)   /* SBI 3.0 */
#define HYP_SBI_ERR_BAD_RANGE           (-11)   /* SBI 3.0 */
#define HYP_SBI_ERR_TIMEOUT             (-12)   /* SBI 3.0 */
#define HYP_SBI_ERR_IO                  (-13)   /* SBI 3.0 */

/* BASE functions (a6). */
#define HYP_SBI_BASE_GET_SPEC_VERSION   0
#define HYP_SBI_BASE_GET_IMPL_ID        1
#define HYP_SBI_BASE_GET_IMPL_VERSION   2
#define HYP_SBI_BASE_PROBE_EXT          3
#define HYP_SBI_BASE_GET_MVENDORID      4
#define HYP_SBI_BASE_GET_MARCHID        5
#define HYP_SBI_BASE_GET_MIMPID         6

/* Spec version (BASE 0): bit 31 zero, major in bits 30:24, minor in 23:0. */
#define HYP_SBI_SPEC_MAJOR(v)           (((unsigned long)(v) >> 24) & 0x7f)
#define HYP_SBI_SPEC_MINOR(v)           ((unsigned long)(v) & 0xffffff)
#define HYP_SBI_SPEC_VERSION(maj, min)  (((unsigned long)(maj) << 24) | (unsigned long)(min))

/* Implementation IDs (BASE 1; chapter 4.9). */
#define HYP_SBI_IMPL_BBL        0   /* Berkeley Boot Loader */
#define HYP_SBI_IMPL_OPENSBI    1
#define HYP_SBI_IMPL_XVISOR     2
#define HYP_SBI_IMPL_KVM        3
#define HYP_SBI_IMPL_RUSTSBI    4
#define HYP_SBI_IMPL_DIOSIX     5
#define HYP_SBI_IMPL_COFFER     6
#define HYP_SBI_IMPL_XEN        7
#define HYP_SBI_IMPL_POLARFIRE_HSS 8
#define HYP_SBI_IMPL_COREBOOT   9
#define HYP_SBI_IMPL_OREBOOT    10
#define HYP_SBI_IMPL_BHYVE      11

/* TIME, IPI: one function each. */
#define HYP_SBI_TIME_SET_TIMER          0
#define HYP_SBI_IPI_SEND_IPI            0

/* RFENCE functions. */
#define HYP_SBI_RFENCE_REMOTE_FENCE_I           0
#define HYP_SBI_RFENCE_REMOTE_SFENCE_VMA        1
#define HYP_SBI_RFENCE_REMOTE_SFENCE_VMA_ASID   2
#define HYP_SBI_RFENCE_REMOTE_HFENCE_GVMA_VMID  3
#define HYP_SBI_RFENCE_REMOTE_HFENCE_GVMA       4
#define HYP_SBI_RFENCE_REMOTE_HFENCE_VVMA_ASID  5
#define HYP_SBI_RFENCE_REMOTE_HFENCE_VVMA       6

/* A hart mask base of all ones means "every hart" (hart_mask ignored). */
#define HYP_SBI_HART_MASK_BASE_ALL      (~0ul)

/* HSM functions, states and suspend types. */
#define HYP_SBI_HSM_HART_START          0
#define HYP_SBI_HSM_HART_STOP           1
#define HYP_SBI_HSM_HART_GET_STATUS     2
#define HYP_SBI_HSM_HART_SUSPEND        3
#define HYP_SBI_HSM_STATE_STARTED       0
#define HYP_SBI_HSM_STATE_STOPPED       1
#define HYP_SBI_HSM_STATE_START_PENDING 2
#define HYP_SBI_HSM_STATE_STOP_PENDING  3
#define HYP_SBI_HSM_STATE_SUSPENDED     4
#define HYP_SBI_HSM_STATE_SUSPEND_PENDING 5
#define HYP_SBI_HSM_STATE_RESUME_PENDING 6
#define HYP_SBI_HSM_SUSPEND_RET_DEFAULT     0x00000000ul
#define HYP_SBI_HSM_SUSPEND_NON_RET_DEFAULT 0x80000000ul

/* SRST: one function, reset types and reasons. */
#define HYP_SBI_SRST_RESET              0
#define HYP_SBI_SRST_TYPE_SHUTDOWN      0
#define HYP_SBI_SRST_TYPE_COLD_REBOOT   1
#define HYP_SBI_SRST_TYPE_WARM_REBOOT   2
#define HYP_SBI_SRST_REASON_NONE        0
#define HYP_SBI_SRST_REASON_SYS_FAILURE 1

/* DBCN functions: the buffer is a physical address in (lo, hi). */
#define HYP_SBI_DBCN_CONSOLE_WRITE      0
#define HYP_SBI_DBCN_CONSOLE_READ       1
#define HYP_SBI_DBCN_CONSOLE_WRITE_BYTE 2

/* SUSP: one function; sleep type 0 is suspend to RAM. */
#define HYP_SBI_SUSP_SYSTEM_SUSPEND     0
#define HYP_SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM 0

/* STA: one function; the shared memory is 64 bytes, 64-byte aligned. */
#define HYP_SBI_STA_SET_SHMEM           0
#define HYP_SBI_STA_SHMEM_DISABLE       (~0ul)  /* as shmem_phys_lo and _hi */

/*
 * The steal-time record (chapter 16.2), written by the SBI implementation.
 * `sequence` is odd while it updates the record (read it before and after,
 * retry until equal and even); `steal` counts nanoseconds this hart waited.
 */
struct hyp_sbi_sta_shmem {
	uint32_t sequence;
	uint32_t flags;
	uint64_t steal;
	uint8_t preempted;
	uint8_t pad[47];
};
typedef char hyp_sbi_sta_shmem_is_64_bytes[sizeof(struct hyp_sbi_sta_shmem) == 64 ? 1 : -1];

#endif /* HYP_SBI_ABI_H */
