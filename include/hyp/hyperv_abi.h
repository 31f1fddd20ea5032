/* SPDX-License-Identifier: MIT */
/*
 * Hyper-V hypercall interface (Microsoft Hypervisor Top-Level Functional
 * Specification, "TLFS", v6.0b: sections 2 (CPUID), 3 (hypercalls), 3.13
 * (guest OS identity), 12 (reference counter, reference TSC page)).
 * Numbers and layouts checked against Linux 6.1's
 * arch/x86/include/asm/hyperv-tlfs.h and include/asm-generic/hyperv-tlfs.h
 * by tests/host/check-linux-abi.sh (not uapi: Linux moved them out of
 * uapi into hyperv-tlfs.h, so the test reads Debian's linux-source-6.1).
 * TLFS only: the guest OS id fields, PostMessage's input.
 */
#ifndef HYP_HYPERV_ABI_H
#define HYP_HYPERV_ABI_H

#include <stdint.h>

/* ---- CPUID (TLFS 2.4): always at 0x40000000 ---------------------------- */
#define HYP_HYPERV_CPUID_VENDOR             0x40000000u /* eax max leaf, "Microsoft Hv" */
#define HYP_HYPERV_CPUID_INTERFACE          0x40000001u /* eax "Hv#1" */
#define HYP_HYPERV_CPUID_VERSION            0x40000002u
#define HYP_HYPERV_CPUID_FEATURES           0x40000003u /* eax/ebx privileges, edx features */
#define HYP_HYPERV_CPUID_ENLIGHTENMENT_INFO 0x40000004u /* eax recommendations, ebx spin retries */
#define HYP_HYPERV_CPUID_MIN                0x40000005u /* TLFS: a Hyper-V max leaf is at least this */
#define HYP_HYPERV_INTERFACE_SIGNATURE      0x31237648u /* "Hv#1" */

/* 0x40000003 eax: partition privileges, low word. */
#define HYP_HYPERV_MSR_VP_RUNTIME_AVAILABLE     (1u << 0)
#define HYP_HYPERV_MSR_TIME_REF_COUNT_AVAILABLE (1u << 1)
#define HYP_HYPERV_MSR_SYNIC_AVAILABLE          (1u << 2)
#define HYP_HYPERV_MSR_SYNTIMER_AVAILABLE       (1u << 3)
#define HYP_HYPERV_MSR_APIC_ACCESS_AVAILABLE    (1u << 4)
#define HYP_HYPERV_MSR_HYPERCALL_AVAILABLE      (1u << 5)
#define HYP_HYPERV_MSR_VP_INDEX_AVAILABLE       (1u << 6)
#define HYP_HYPERV_MSR_RESET_AVAILABLE          (1u << 7)
#define HYP_HYPERV_MSR_STAT_PAGES_AVAILABLE     (1u << 8)
#define HYP_HYPERV_MSR_REFERENCE_TSC_AVAILABLE  (1u << 9)
#define HYP_HYPERV_MSR_GUEST_IDLE_AVAILABLE     (1u << 10)
#define HYP_HYPERV_ACCESS_FREQUENCY_MSRS        (1u << 11)
/* 0x40000003 ebx: partition privileges, high word. */
#define HYP_HYPERV_POST_MESSAGES                (1u << 4)
#define HYP_HYPERV_SIGNAL_EVENTS                (1u << 5)
/* 0x40000004 eax: recommendations. */
#define HYP_HYPERV_AS_SWITCH_RECOMMENDED        (1u << 0)
#define HYP_HYPERV_LOCAL_TLB_FLUSH_RECOMMENDED  (1u << 1)
#define HYP_HYPERV_REMOTE_TLB_FLUSH_RECOMMENDED (1u << 2)
#define HYP_HYPERV_APIC_ACCESS_RECOMMENDED      (1u << 3)
#define HYP_HYPERV_SYSTEM_RESET_RECOMMENDED     (1u << 4)
#define HYP_HYPERV_RELAXED_TIMING_RECOMMENDED   (1u << 5)
/* 0x40000004 ebx: spin-wait retries before NotifyLongSpinWait; this value means never. */
#define HYP_HYPERV_SPIN_NEVER_NOTIFY            0xffffffffu

/* ---- MSRs (TLFS 3.13, 12) ---------------------------------------------- */
#define HYP_HYPERV_MSR_GUEST_OS_ID      0x40000000u
#define HYP_HYPERV_MSR_HYPERCALL        0x40000001u
#define HYP_HYPERV_MSR_VP_INDEX         0x40000002u
#define HYP_HYPERV_MSR_TIME_REF_COUNT   0x40000020u /* partition time, 100 ns units */
#define HYP_HYPERV_MSR_REFERENCE_TSC    0x40000021u /* GPA | enable of the reference TSC page */

#define HYP_HYPERV_HYPERCALL_ENABLE     (1ull << 0)
#define HYP_HYPERV_TSC_REFERENCE_ENABLE (1ull << 0)
#define HYP_HYPERV_MSR_PAGE_SHIFT       12          /* both page MSRs: GPA bits 63:12 */
#define HYP_HYPERV_MSR_RESERVED_MASK    0xffeull    /* bits 11:1 kept as read */
#define HYP_HYPERV_PAGE_SIZE            4096u

/*
 * Guest OS identity, open-source encoding (TLFS 3.13): bit 63 set, bits
 * 62:56 OS type, 55:48 OS id (vendor's own), 47:16 version, 15:0 build.
 * Writing 0 disables the hypercall page. Linux uses type 1 (its
 * HV_LINUX_VENDOR_ID 0x8100 is bit 63 | type 1 << 56 seen from bit 48).
 */
#define HYP_HYPERV_OS_OPEN_SOURCE       (1ull << 63)
#define HYP_HYPERV_OS_TYPE_LINUX        0x1u
#define HYP_HYPERV_OS_TYPE_FREEBSD      0x2u
#define HYP_HYPERV_OS_TYPE_XEN          0x3u
#define HYP_HYPERV_OS_TYPE_ILLUMOS      0x4u
#define HYP_HYPERV_GUEST_OS_ID(type, os_id, version, build)                     \
	(HYP_HYPERV_OS_OPEN_SOURCE | ((uint64_t)((type) & 0x7fu) << 56) |       \
	 ((uint64_t)((os_id) & 0xffu) << 48) |                                  \
	 ((uint64_t)((version) & 0xffffffffu) << 16) | (uint64_t)((build) & 0xffffu))

/* ---- Hypercall input value (TLFS 3.7) ---------------------------------- */
#define HYP_HYPERV_CALL_CODE_MASK       0xffffull
#define HYP_HYPERV_CALL_FAST            (1ull << 16)
#define HYP_HYPERV_CALL_VARHEAD_SHIFT   17          /* 10 bits, in 8-byte units */
#define HYP_HYPERV_CALL_REP_COUNT_SHIFT 32          /* 12 bits */
#define HYP_HYPERV_CALL_REP_START_SHIFT 48          /* 12 bits */
#define HYP_HYPERV_CALL_REP_MAX         0xfffu
/* Result value: status in 15:0, reps completed in 43:32. */
#define HYP_HYPERV_RESULT_STATUS_MASK   0xffffull
#define HYP_HYPERV_RESULT_REP_SHIFT     32
#define HYP_HYPERV_RESULT_REP_MASK      0xfffull

/* Call codes (TLFS appendix A). */
#define HYP_HYPERV_CALL_FLUSH_VIRTUAL_ADDRESS_SPACE     0x0002u
#define HYP_HYPERV_CALL_FLUSH_VIRTUAL_ADDRESS_LIST      0x0003u
#define HYP_HYPERV_CALL_NOTIFY_LONG_SPIN_WAIT           0x0008u
#define HYP_HYPERV_CALL_SEND_IPI                        0x000bu
#define HYP_HYPERV_CALL_POST_MESSAGE                    0x005cu
#define HYP_HYPERV_CALL_SIGNAL_EVENT                    0x005du

/* Status codes (TLFS appendix B; the ones Linux 6.1 names). */
#define HYP_HV_STATUS_SUCCESS                   0x00u
#define HYP_HV_STATUS_INVALID_HYPERCALL_CODE    0x02u
#define HYP_HV_STATUS_INVALID_HYPERCALL_INPUT   0x03u
#define HYP_HV_STATUS_INVALID_ALIGNMENT         0x04u
#define HYP_HV_STATUS_INVALID_PARAMETER         0x05u
#define HYP_HV_STATUS_ACCESS_DENIED             0x06u
#define HYP_HV_STATUS_OPERATION_DENIED          0x08u
#define HYP_HV_STATUS_INSUFFICIENT_MEMORY       0x0bu
#define HYP_HV_STATUS_INVALID_PORT_ID           0x11u
#define HYP_HV_STATUS_INVALID_CONNECTION_ID     0x12u
#define HYP_HV_STATUS_INSUFFICIENT_BUFFERS      0x13u

/* FlushVirtualAddressSpace/List flags (TLFS 4.5). */
#define HYP_HYPERV_FLUSH_ALL_PROCESSORS         (1ull << 0)
#define HYP_HYPERV_FLUSH_ALL_VIRTUAL_ADDRESS_SPACES (1ull << 1)
#define HYP_HYPERV_FLUSH_NON_GLOBAL_MAPPINGS_ONLY (1ull << 2)

/* Input of FlushVirtualAddressSpace (and the fixed header of ...List). */
struct hyp_hyperv_flush {
	uint64_t address_space;
	uint64_t flags;
	uint64_t processor_mask;
};

/* PostMessage input (TLFS 11.10.1): 8-byte aligned, must not cross a page. */
#define HYP_HYPERV_MESSAGE_PAYLOAD_BYTES 240u
struct hyp_hyperv_post_message_args {
	uint32_t connection_id;
	uint32_t reserved;
	uint32_t message_type;
	uint32_t payload_size;
	uint64_t payload[HYP_HYPERV_MESSAGE_PAYLOAD_BYTES / 8];
};

/* Reference TSC page (TLFS 12.7): time = ((tsc * scale) >> 64) + offset, 100 ns units. */
struct hyp_hyperv_tsc_page {
	uint32_t tsc_sequence;      /* 0: invalid, read HYP_HYPERV_MSR_TIME_REF_COUNT */
	uint32_t reserved1;
	uint64_t tsc_scale;
	int64_t tsc_offset;
	uint64_t reserved2[509];
};

#endif /* HYP_HYPERV_ABI_H */
