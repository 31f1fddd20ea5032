/* SPDX-License-Identifier: MIT */
/*
 * KVM: typed hypercalls (>= 0 success, HYP_E* failure) per architecture, and
 * the raw stubs hyp_kvm_hypercallN (<hyp/<arch>/kvm_hypercall.h>).
 */
#ifndef HYP_KVM_H
#define HYP_KVM_H

#include <hyp/core.h>
#include <hyp/epapr_abi.h>
#include <hyp/kvm_abi.h>
#include <hyp/ppc_patch.h>
#if defined(__x86_64__) || defined(__i386__)
#include <hyp/x86/kvm_hypercall.h>
#endif
#if defined(__mips__)
#include <hyp/mips/kvm_hypercall.h>
#endif
#if defined(__s390x__)
#include <hyp/s390/kvm_abi.h>
#include <hyp/s390/kvm_hypercall.h>
#endif
#if defined(__powerpc__) || defined(__powerpc64__)
#include <hyp/powerpc/epapr_hypercall.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- KVM --------------------------------------------------------------- */
/*
 * x86: while Hyper-V owns vmcall/vmmcall (hyp_hyperv_enable(), <hyp/hyperv.h>)
 * every KVM call answers HYP_ENOHYP without executing anything.
 */

/* Map a raw KVM return value into the error model (>= 0 passes through). */
int hyp_kvm_error(long raw);

/* Whether the KVM host advertises HYP_KVM_FEATURE_<bit>; false without KVM. */
bool hyp_kvm_has_feature(unsigned int bit);

#if defined(__x86_64__) || defined(__i386__)
/* KVM_HC_VAPIC_POLL_IRQ: exit to the host so it checks pending interrupts. 0. */
int hyp_kvm_vapic_poll_irq(void);

/* KVM_HC_KICK_CPU: wake the vCPU with `apic_id` from a PV-unhalt halt. 0. */
int hyp_kvm_kick_cpu(uint32_t apic_id);

/*
 * KVM_HC_CLOCK_PAIRING: the host writes `out` (translated by virt_to_phys).
 * 0; HYP_EOPNOTSUPP if the host clock is not TSC-based or the type is not
 * HYP_KVM_CLOCK_PAIRING_WALLCLOCK; HYP_EINVAL (nothing executed) for NULL,
 * an address not 8-byte aligned, or a struct crossing a 4 KiB page
 * (virtually or physically): KVM would write the rest into the next
 * physical page.
 */
int hyp_kvm_clock_pairing(struct hyp_kvm_clock_pairing_args *out, uint32_t clock_type);

/*
 * KVM_HC_SEND_IPI: send `icr` (vector and delivery mode) to the APIC IDs
 * min_apic_id + n for every bit n of the bitmap (low word first; a word is
 * unsigned long, 64 bits on x86_64, 32 on i386). Returns the number of CPUs
 * the IPI went to, as KVM counts them: a target whose local APIC is
 * software-disabled (SVR bit 8 clear, as after reset) does not accept a
 * fixed interrupt and is not counted, so 0 with every target in that state
 * is KVM's answer, not an error (Linux arch/x86/kvm/lapic.c, kvm_pv_send_ipi
 * -> __apic_accept_irq).
 */
int hyp_kvm_send_ipi(unsigned long bitmap_low, unsigned long bitmap_high,
		     uint32_t min_apic_id, uint32_t icr);

/* KVM_HC_SCHED_YIELD: yield to the (preempted) vCPU with `apic_id`. 0. */
int hyp_kvm_sched_yield(uint32_t apic_id);

/*
 * KVM_HC_MAP_GPA_RANGE: ask the host to map `npages` pages from `gpa` with
 * HYP_KVM_MAP_GPA_RANGE_* attributes (served by the host's userspace if it
 * enabled the exit; otherwise HYP_ENOSYS). i386: values above 32 bits are
 * HYP_EINVAL.
 */
int hyp_kvm_map_gpa_range(uint64_t gpa, uint64_t npages, uint64_t attrs);

/*
 * KVM_HC_MMU_OP (2) has no wrapper: deprecated, removed from KVM in Linux
 * 2.6.36; a host answers -KVM_ENOSYS.
 */
#endif

#if defined(__mips__)
/*
 * MIPS KVM (Linux include/uapi/linux/kvm_para.h numbers 6-8). The numbers
 * came in 2014 with Cavium's paravirtual MIPS guest (arch/mips/paravirt,
 * served by Cavium's own VZ KVM; removed in Linux 5.9 by "MIPS: Retire kvm
 * paravirt"). Mainline KVM (arch/mips/kvm/hypcall.c, since 2017) decodes
 * HYPCALL code 0 but answers every number with -KVM_ENOSYS (HYP_ENOSYS
 * here); the handlers for 6-8 were posted in 2017 ("KVM: MIPS: Hypercalls")
 * and are in the MIPS/linux vendor tree only. KVM_HC_KICK_CPU is served on
 * x86 only: no MIPS wrapper.
 *
 * Detection: MIPS cannot ask the CPU. hyp_init() takes the caller's
 * hyp_platform.declared_kind (HYP_KIND_KVM opens the gate); if none is
 * declared, a device tree in hyp_platform.fdt whose /hypervisor node is
 * compatible with "linux,kvm" declares KVM (a malformed blob: HYP_EBADDT).
 */

/*
 * KVM_HC_MIPS_GET_CLOCK_FREQ: the frequency of CP0 Count in Hz (> 0), as
 * the host's (s32) count_hz; Linux used it for mips_hpt_frequency.
 */
int hyp_kvm_mips_get_clock_freq(void);

/*
 * KVM_HC_MIPS_EXIT_VM: shut the virtual machine down (KVM passes a
 * KVM_SYSTEM_EVENT_SHUTDOWN to its userspace). Does not return on a host
 * that serves it; otherwise the hypervisor's error.
 */
int hyp_kvm_mips_exit_vm(void);

/*
 * KVM_HC_MIPS_CONSOLE_OUTPUT, one call: a0 virtual terminal, a1 the guest
 * *virtual* address of the bytes, which must lie in an unmapped segment
 * (KSEG0, KSEG1, XKPHYS), a2 the count. KVM hands the call to its userspace
 * (KVM_EXIT_HYPERCALL), whose answer comes back in v0 (default
 * -KVM_ENOSYS); Linux's guest ignored it. libhyp reads an answer >= 0 as the
 * number of bytes taken, which may be fewer than offered; more is HYP_EIO.
 * HYP_EINVAL: NULL with len > 0, or len > INT_MAX; HYP_EFAULT: buf not
 * wholly in an unmapped segment (nothing executed in both cases).
 */
int hyp_kvm_mips_console_output(uint32_t vterm, const char *buf, size_t len);

/*
 * Write all `len` bytes through KVM_HC_MIPS_CONSOLE_OUTPUT, calling again
 * for what the hypervisor did not take. Returns `len`; a failure is the
 * error, whatever went before (as hyp_sbi_console_write()); an answer
 * larger than offered is HYP_EIO. Gives up after
 * HYP_KVM_MIPS_CONSOLE_STALLS answers of 0 in a row (HYP_EAGAIN, or the
 * count written so far).
 */
#define HYP_KVM_MIPS_CONSOLE_STALLS 16
int hyp_kvm_mips_console_write(uint32_t vterm, const char *buf, size_t len);
#endif

#if defined(__s390x__)
/*
 * s390x: KVM hypercalls are DIAGNOSE 0x500 (<hyp/s390/kvm_hypercall.h>).
 * The KVM family (HYP_FAMILY_KVM, gate open) is found under both KVM and
 * QEMU TCG: QEMU serves the subcodes itself. Subcodes served per kind
 * (hyp_info.s390_diag500_codes):
 *   HYP_KIND_TCG  0 (HYP_KVM_S390_VIRTIO_NOTIFY) and 3 (CCW notify): QEMU.
 *   HYP_KIND_KVM  3 only: the one subcode KVM documents for virtio-ccw;
 *                 others depend on the unknown userspace.
 * Any other subcode raises a specification exception in the guest. The
 * calls below refuse unserved subcodes with HYP_ENOSYS and execute
 * nothing; hyp_kvm_hypercallN() executes any subcode (the caller's risk).
 */

/* Whether the detected host serves DIAGNOSE 0x500 subcode `nr`. */
bool hyp_kvm_s390_serves(unsigned int nr);

/*
 * Checked call: subcode `nr` with r2-r4 = p1-p3 (no served subcode takes
 * more), the answer through hyp_kvm_error(). HYP_ENOSYS without executing
 * anything if the host does not serve `nr`.
 */
int hyp_kvm_s390_call(unsigned int nr, unsigned long p1, unsigned long p2,
		      unsigned long p3);

/*
 * KVM_S390_VIRTIO_CCW_NOTIFY: kick virtqueue `queue` of the virtio-ccw
 * device on subchannel `schid` (HYP_S390_SCHID()). `queue` is the queue
 * index, with the next available index in bits 16-31 if
 * VIRTIO_F_NOTIFICATION_DATA was negotiated. `cookie` is the last value
 * returned for this queue (0 at first): KVM uses it to find the ioeventfd
 * faster. Returns the new cookie (>= 0); HYP_EINVAL for a missing
 * subchannel or a queue index >= 1024 (the host's -22; later QEMU also for
 * a queue the device lacks, 7.2 answers 0), or a malformed schid (checked
 * here, nothing executed).
 */
int hyp_kvm_virtio_ccw_notify(uint32_t schid, uint32_t queue, long cookie);

/*
 * KVM_S390_VIRTIO_NOTIFY (s390-virtio, removed): QEMU answers 0 for an
 * address below its RAM size (HYP_EINVAL beyond) and does nothing else.
 * HYP_ENOSYS where the host does not serve it.
 */
int hyp_kvm_virtio_notify(uint64_t addr);
#endif

#if defined(__powerpc__) || defined(__powerpc64__)
/* KVM_HC_FEATURES (vendor 42): host feature bits (HYP_KVM_PPC_FEATURE_*). 0. */
int hyp_kvm_ppc_features(unsigned long *features);
/*
 * KVM_HC_PPC_MAP_MAGIC_PAGE: map the magic page at guest-physical `gpa` and
 * effective address `ea` (both HYP_KVM_PPC_MAGIC_PAGE = -4096 as Linux does;
 * `ea` may carry HYP_KVM_PPC_MAGIC_PAGE_NOT_MAPPED_NX). *magic_features gets
 * HYP_KVM_PPC_MAGIC_FEAT_* (which fields are valid). 0.
 * 64-bit: mapped at -4096, the page's msr must read as mfmsr does, else
 * HYP_EIO and the patcher stays refused (book3s KVM-PR stores the page in
 * the byte order of the guest's interrupts when this is called: a
 * little-endian kernel sets LPCR[ILE], e.g. H_SET_MODE, first). Calls must
 * come from supervisor state (KVM-PR takes `sc` as a hypercall only with
 * MSR[PR] = 0).
 */
int hyp_kvm_ppc_map_magic_page(unsigned long gpa, unsigned long ea, uint32_t *magic_features);

/*
 * Patch `words` instructions at `start` for the magic page (hyp/ppc_patch.h),
 * generating MSR-write code into `gen` (HYP_KVM_PPC_PATCH_SITE_WORDS per
 * site; within +-32 MiB of the code), then sync the caches of both. Only
 * after hyp_kvm_ppc_map_magic_page() mapped the page at -4096: HYP_EPERM
 * before. `flags`: HYP_KVM_PPC_PATCH_BOOKE on BookE (64-bit, endianness and
 * ESR follow the build and the host's magic features). The text must be
 * writable.
 */
int hyp_kvm_ppc_patch(uint32_t *start, size_t words, uint32_t *gen, size_t gen_words,
		      unsigned int flags, struct hyp_kvm_ppc_patch_stats *stats);
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYP_KVM_H */
