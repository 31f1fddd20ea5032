/* SPDX-License-Identifier: MIT */
/*
 * libhyp: the Hyper-V family (x86; Microsoft Hypervisor TLFS v6.0b).
 *
 * Detection (hyp_init): CPUID 0x40000000 "Microsoft Hv" with max leaf >=
 * 0x40000005 and 0x40000001 eax "Hv#1" sets HYP_FAMILY_HYPERV and
 * hyp_info.hyperv_* (privileges and features from 0x40000003, recommendations
 * and the spin-retry count from 0x40000004). Nothing is written then.
 *
 * Setup, by the kernel: hyp_hyperv_enable(guest_os_id, page) writes the
 * guest OS identity (HYP_HYPERV_GUEST_OS_ID), then the hypercall MSR with the
 * page's guest-physical address | enable (bits 11:1 kept as read), and
 * verifies what the hypervisor wrote into the page before opening
 * hyp_hyperv_gate. Until then raw calls answer HYP_ENOTINIT, without Hyper-V
 * HYP_ENOHYP; no instruction is executed either way. An MSR whose privilege
 * bit (0x40000003 eax) is clear is never touched (it would #GP): those calls
 * answer HYP_EOPNOTSUPP. Hypercall privileges are left to the hypervisor
 * (its HV_STATUS_ACCESS_DENIED maps to HYP_EPERM).
 *
 * Ownership of vmcall/vmmcall: a hypervisor offering both Hyper-V and its own
 * interface (KVM with Hyper-V enlightenments) routes every vmcall/vmmcall to
 * its Hyper-V emulation once the guest OS identity is non-zero (Linux 6.1
 * arch/x86/kvm/hyperv.h kvm_hv_hypercall_enabled(); seen here: a KVM call
 * answers Hyper-V status 2). So hyp_hyperv_enable() closes the KVM gate
 * (hyp_kvm_gate = HYP_GATE_ABSENT) before it writes the identity: from then
 * on every KVM call, raw or typed, answers HYP_ENOHYP and executes nothing.
 * hyp_hyperv_disable() writes identity 0 and the page MSR's enable bit 0, and
 * reopens the KVM gate. hyp_hyperv_owns_vmcall() tells which holds. Xen's
 * gate is not touched: Xen tells its Viridian calls apart by eax bit 31.
 * Neither call may run while other CPUs make KVM or Hyper-V calls.
 */
#ifndef HYP_HYPERV_H
#define HYP_HYPERV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hyp/error.h>
#include <hyp/gate.h>
#include <hyp/hyperv_abi.h>
#if defined(__x86_64__) || defined(__i386__)
#include <hyp/x86/hyperv_call.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__x86_64__) || defined(__i386__)
/* Map a raw Hyper-V result into the error model: status 0 is 0; negative (bit 63 set), HYP_EIO. */
int hyp_hyperv_error(int64_t raw);

/* The ABI's multiply: high 64 bits of a * b (the reference TSC page scale). */
uint64_t hyp_hyperv_mul64_hi(uint64_t a, uint64_t b);

/*
 * Reads the reference TSC page (TLFS 12.7): 100 ns units, consistent by the
 * sequence protocol (re-read while it changes, at most HYP_CLOCK_RETRIES
 * times: hyp/clock.h). false when the page says it is not valid now
 * (sequence 0) or its sequence kept changing: read
 * HYP_HYPERV_MSR_TIME_REF_COUNT then.
 * `tsc` supplies the TSC (NULL: rdtsc after lfence); a test hook.
 */
bool hyp_hyperv_tsc_page_read(const volatile struct hyp_hyperv_tsc_page *page,
			      uint64_t (*tsc)(void), uint64_t *time);

/*
 * Enable the hypercall interface (see above). `guest_os_id` != 0; `page`
 * 4 KiB, 4 KiB aligned, executable. 0; HYP_ENOTINIT / HYP_ENOHYP;
 * HYP_EOPNOTSUPP (no hypercall-MSR privilege); HYP_EINVAL (bad arguments);
 * HYP_EIO (the hypervisor did not write a valid page: identity and MSR are
 * written back to 0, the KVM gate reopened).
 */
int hyp_hyperv_enable(uint64_t guest_os_id, void *page);
int hyp_hyperv_disable(void);
/* Whether Hyper-V owns vmcall/vmmcall now (identity written by hyp_hyperv_enable). */
bool hyp_hyperv_owns_vmcall(void);

/*
 * The fail-safe filling (ud2, 0f 0b over the whole page: a call into a page
 * the hypervisor did not write faults) and the check: a vmcall/vmmcall,
 * then ret, in the first 16 bytes.
 */
void hyp_hyperv_hypercall_page_fill(void *page);
bool hyp_hyperv_hypercall_page_valid(const void *page);

/* HYP_HYPERV_MSR_TIME_REF_COUNT: partition reference time, 100 ns units. 0. */
int hyp_hyperv_time_ref_count(uint64_t *out);
/*
 * Install the reference TSC page: zeroes it (the hypervisor counts the
 * sequence on from what the page holds), writes GPA | enable. 0;
 * HYP_EOPNOTSUPP without the privilege; HYP_EINVAL (NULL, misaligned).
 */
int hyp_hyperv_tsc_page_enable(struct hyp_hyperv_tsc_page *page);
/* 0; HYP_EBUSY while a clock CPU reads the page (hyp_clock_cpu_teardown() them first). */
int hyp_hyperv_tsc_page_disable(void);
/* Reference time: the installed TSC page when valid, else the MSR. 0. */
int hyp_hyperv_reference_time(uint64_t *out);

/*
 * Slow hypercall with rep count `reps` (0: not a rep call) and variable
 * header `varhead` 8-byte units: input/output are guest buffers (8-byte
 * aligned, not crossing a page: checked, HYP_EINVAL; NULL allowed where the
 * call takes none; the page check cannot wrap: any size up to SIZE_MAX). A
 * rep call is re-issued from the reps completed while the hypervisor returns
 * success early; *done (may be NULL) gets the reps completed. Returns 0 or
 * the mapped status; HYP_EIO when the hypervisor's count exceeds `reps` or
 * goes back; HYP_EAGAIN after 64 answers without progress in all (never
 * reset by progress: at most reps + 64 hypercalls).
 */
int hyp_hyperv_call(uint16_t code, unsigned int reps, unsigned int varhead,
		    const void *input, size_t in_size, void *output, size_t out_size,
		    unsigned int *done);

/* HvCallNotifyLongSpinWait (fast): the caller spun `spin_count` times. 0. */
int hyp_hyperv_notify_long_spin_wait(uint32_t spin_count);

/* HvCallFlushVirtualAddressSpace: `in` 8-byte aligned, not crossing a page. 0. */
int hyp_hyperv_flush_virtual_address_space(const struct hyp_hyperv_flush *in);

/*
 * HvCallFlushVirtualAddressList (rep): `count` GVAs from in->gva (each
 * page-aligned | additional pages in bits 11:0). 0; *done the GVAs flushed.
 */
#define HYP_HYPERV_FLUSH_LIST_MAX 509u
struct hyp_hyperv_flush_list {
	uint64_t address_space;
	uint64_t flags;
	uint64_t processor_mask;
	uint64_t gva[HYP_HYPERV_FLUSH_LIST_MAX];
};
int hyp_hyperv_flush_virtual_address_list(const struct hyp_hyperv_flush_list *in,
					  unsigned int count, unsigned int *done);

/* HvCallPostMessage: payload_size <= 240 (HYP_EINVAL, not sent). 0. */
int hyp_hyperv_post_message(const struct hyp_hyperv_post_message_args *in);

/* HvCallSignalEvent (fast): connection id (24 bits), event flag number. 0. */
int hyp_hyperv_signal_event(uint32_t connection_id, uint16_t flag_number);
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYP_HYPERV_H */
