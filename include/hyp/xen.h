/* SPDX-License-Identifier: MIT */
/*
 * Xen: typed hypercalls of x86 and aarch64, the x86 transfer modes, and the
 * raw stubs hyp_xen_hypercallN (<hyp/x86/xen_hypercall.h>,
 * <hyp/arm64/xen_call.h>).
 */
#ifndef HYP_XEN_H
#define HYP_XEN_H

#include <hyp/core.h>
#include <hyp/xen_abi.h>
#if defined(__x86_64__) || defined(__i386__)
#include <hyp/x86/xen_hypercall.h>
#endif
#if defined(__aarch64__)
#include <hyp/arm64/xen_call.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Xen --------------------------------------------------------------- */

/*
 * Map a raw Xen return value into the error model (>= 0 passes through,
 * clamped to INT_MAX; Xen's -errno values map to the same HYP_E* number;
 * unknown ones to HYP_EIO).
 */
int hyp_xen_error(long raw);

#if defined(__x86_64__) || defined(__i386__)
/* How hyp_xen_hypercallN reaches Xen now. */
enum hyp_xen_mode {
	HYP_XEN_MODE_NONE = 0,      /* no Xen, not initialised, or PV without a page yet */
	HYP_XEN_MODE_PAGE,          /* call page + op * 32 */
	HYP_XEN_MODE_VMCALL,        /* direct, Intel HVM/PVH */
	HYP_XEN_MODE_VMMCALL,       /* direct, AMD HVM/PVH */
};
enum hyp_xen_mode hyp_xen_mode(void);

/*
 * Default after hyp_init(): HVM/PVH call Xen directly by CPU vendor (no
 * page to allocate, no page of hypervisor-written code to map executable;
 * as modern Linux does); PV has no mode until it names its page.
 *
 * hyp_xen_set_hypercall_page(page): switch to page mode. `page` is 4 KiB,
 * 4 KiB aligned and executable. HVM/PVH: the library fills it with ud2
 * (a call before Xen writes it traps, never returns a plausible value),
 * writes its guest-physical address (virt_to_phys) to the MSR of CPUID leaf
 * xen base+2, then verifies. PV: `page` is the page the image named in
 * XEN_ELFNOTE_HYPERCALL_PAGE (HYP_XEN_PV_HYPERCALL_PAGE, <hyp/x86/xen_pv.h>),
 * which Xen filled at boot; it is only verified. 0; HYP_EINVAL (NULL, misaligned),
 * HYP_ENOHYP (no Xen), HYP_EIO (Xen did not write a valid page: the mode
 * stays as it was). Not concurrently with itself or hyp_xen_set_direct();
 * other CPUs may keep calling (they see the old mode or the new, both work).
 */
int hyp_xen_set_hypercall_page(void *page);

/* Back to direct calls (HVM/PVH). 0; HYP_EOPNOTSUPP on PV, HYP_ENOHYP without Xen. */
int hyp_xen_set_direct(void);

/* Fill a page with the fail-safe pattern (ud2 in every 32-byte slot). */
void hyp_xen_hypercall_page_fill(void *page);

/* Whether every slot but iret holds a Xen stub loading its own number (mov $op, %eax). */
bool hyp_xen_hypercall_page_valid(const void *page);

/* PHYSDEVOP_set_iopl (PV: lets the kernel use in/out). 0. */
int hyp_xen_set_iopl(uint32_t iopl);
#endif

/* Xen typed hypercalls of x86 and aarch64 (lib/xen_calls.c). */
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
/* XENVER_version: major << 16 | minor (4.17 = 0x40011). */
int hyp_xen_version(void);
/* XENVER_extraversion into out[HYP_XEN_EXTRAVERSION_LEN], NUL-terminated. 0. */
int hyp_xen_extraversion(char *out);
/* XENVER_get_features: word `submap_idx` of the feature bits (HYP_XEN_FEAT_*). 0. */
int hyp_xen_get_features(unsigned int submap_idx, uint32_t *submap);

/*
 * CONSOLEIO_write: all `len` bytes (at most INT_MAX), split into pieces of
 * HYP_XEN_CONSOLE_CHUNK and retried where Xen reports partial progress.
 * Returns len. Without a hypervisor console (a domU) Xen answers HYP_EPERM.
 */
#define HYP_XEN_CONSOLE_CHUNK   1024
int hyp_xen_console_write(const char *buf, size_t len);
/* CONSOLEIO_read: up to `len` bytes; returns the count (0: nothing waiting). */
int hyp_xen_console_read(char *buf, size_t len);

/* SCHEDOP_yield. 0. */
int hyp_xen_sched_yield(void);
/* SCHEDOP_block: enable event delivery and sleep until an event is pending. 0. */
int hyp_xen_sched_block(void);
/* SCHEDOP_shutdown with HYP_XEN_SHUTDOWN_*; a reason above _MAX is HYP_EINVAL, not sent. */
int hyp_xen_sched_shutdown(unsigned int reason);

/* EVTCHNOP_alloc_unbound for DOMID_SELF, accepting `remote_dom`: the new port. */
int hyp_xen_evtchn_alloc_unbound(uint16_t remote_dom);
/* EVTCHNOP_bind_virq: bind HYP_XEN_VIRQ_* on `vcpu`: the new port. */
int hyp_xen_evtchn_bind_virq(uint32_t virq, uint32_t vcpu);
/* EVTCHNOP_bind_ipi: a port whose sends notify `vcpu` of this domain: the new port. */
int hyp_xen_evtchn_bind_ipi(uint32_t vcpu);
/* EVTCHNOP_send. 0. */
int hyp_xen_evtchn_send(uint32_t port);
/* EVTCHNOP_close. 0. */
int hyp_xen_evtchn_close(uint32_t port);
/* EVTCHNOP_status of one of our ports into `out`. 0. */
int hyp_xen_evtchn_status(uint32_t port, struct hyp_xen_evtchn_status_args *out);

/* HVMOP_get_param / HVMOP_set_param for DOMID_SELF (HVM/PVH). 0. */
int hyp_xen_hvm_get_param(uint32_t index, uint64_t *value);
int hyp_xen_hvm_set_param(uint32_t index, uint64_t value);

/* XENMEM_add_to_physmap for DOMID_SELF: page `idx` of `space` at guest frame `gpfn`. 0. */
int hyp_xen_add_to_physmap(unsigned int space, unsigned long idx, uint64_t gpfn);
/*
 * Map Xen's shared_info page over `page` (XENMEM_add_to_physmap,
 * XENMAPSPACE_shared_info at virt_to_phys(page)): Xen replaces the whole
 * 4 KiB, so the argument is the page-sized, page-aligned type, never a
 * bare struct hyp_xen_shared_info: in C the macro below makes any other
 * pointer type a compile error (HYP_XEN_SHARED_INFO_PAGE), in C++ the
 * declaration does. 0; HYP_EINVAL (NULL through (hyp_xen_map_shared_info)
 * or C++, misaligned physical address).
 * HVM/PVH first make Xen latch this build's word size for the layout
 * (xen_abi.h): the library reads HVM_PARAM_CALLBACK_IRQ and sets it to the
 * value read. Setting that parameter is what latches the size (Xen
 * xen/arch/x86/hvm/hvm.c, hvm_set_param -> hvm_latch_shinfo_size, from the
 * calling vCPU's mode, and rewrites the wall clock in the new layout); the
 * same value leaves the event callback as it was. Without it a 32-bit
 * guest in direct mode would read a 64-bit page (Xen's default). Call it
 * from the mode the kernel runs in, not from 32-bit boot code of a 64-bit
 * kernel.
 */
int hyp_xen_map_shared_info(union hyp_xen_shared_info_page *page);
#ifndef __cplusplus
#define hyp_xen_map_shared_info(page) hyp_xen_map_shared_info(HYP_XEN_SHARED_INFO_PAGE(page))
#endif
/* XENMEM_current_reservation of DOMID_SELF: pages. */
int hyp_xen_current_reservation(void);
/*
 * VCPUOP_register_runstate_memory_area for `vcpu` (x86 and Arm): Xen keeps
 * that vCPU's runstate at `area` (the kernel's virtual address, mapped for
 * as long as it stays registered); NULL stops it. 0.
 */
int hyp_xen_vcpu_register_runstate(uint32_t vcpu, struct hyp_xen_vcpu_runstate_info *area);

#if !defined(__aarch64__)
/*
 * x86 only: Xen on Arm serves just register_vcpu_info and
 * register_runstate_memory_area of vcpu_op and answers -EINVAL to the rest
 * (xen/arch/arm/domain.c, do_arm_vcpu_op), so these are not declared or
 * built on aarch64: a call there is a compile error, never a hypercall.
 */
/* VCPUOP_is_up: 1 up, 0 down; HYP_ENOENT for a vCPU that does not exist. */
int hyp_xen_vcpu_is_up(uint32_t vcpu);
/* VCPUOP_get_runstate_info. 0. */
int hyp_xen_vcpu_runstate(uint32_t vcpu, struct hyp_xen_vcpu_runstate_info *out);
#endif
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYP_XEN_H */
