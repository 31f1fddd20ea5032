/* SPDX-License-Identifier: MIT */
/*
 * <hyp/xen_abi.h> against Debian's libxen-dev public headers: every value
 * and layout, checked at compile time. Built into test_xen_abi (x86_64) and
 * compiled again for i386 (test_xen_abi_i386) and aarch64 (test_xen_abi_arm64:
 * arch-arm.h makes xen_ulong_t and xen_pfn_t 64-bit; the x86-only parts are
 * left out there).
 */
#include <stddef.h>
#include <stdint.h>

#include <hyp/xen_abi.h>
#include <hyp/xen_start.h>
#include <hyp/xen_console.h>
#include <hyp/xenstore.h>
#include <hyp/xen_grant.h>
#include <hyp/xen_evtchn.h>

#include <xen/xen.h>
#include <xen/version.h>
#include <xen/sched.h>
#include <xen/event_channel.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>
#include <xen/memory.h>
#include <xen/vcpu.h>
#include <xen/errno.h>
#include <xen/grant_table.h>
#include <xen/io/console.h>
#include <xen/io/xs_wire.h>
#include <xen/arch-x86/hvm/start_info.h>
#if defined(__x86_64__) || defined(__i386__)
#include <xen/physdev.h>
#include <xen/elfnote.h>
#include <xen/arch-x86/cpuid.h>
#endif

#if __XEN_INTERFACE_VERSION__ != __XEN_LATEST_INTERFACE_VERSION__
#error "build with -D__XEN_INTERFACE_VERSION__=__XEN_LATEST_INTERFACE_VERSION__ (else sched_op is the compat number)"
#endif

#define SAME(ours, theirs) _Static_assert((ours) == (theirs), #ours " == " #theirs)
#define SAME_LAYOUT(ours, theirs) \
	_Static_assert(sizeof(struct ours) == sizeof(struct theirs), "sizeof " #ours); \
	_Static_assert(_Alignof(struct ours) == _Alignof(struct theirs), "alignof " #ours)
#define SAME_FIELD(ours, theirs, f) \
	_Static_assert(offsetof(struct ours, f) == offsetof(struct theirs, f), #ours "." #f); \
	_Static_assert(sizeof(((struct ours *)0)->f) == sizeof(((struct theirs *)0)->f), #ours "." #f " size")

/* Hypercall numbers. */
SAME(HYP_XEN_HYPERCALL_set_trap_table, __HYPERVISOR_set_trap_table);
SAME(HYP_XEN_HYPERCALL_mmu_update, __HYPERVISOR_mmu_update);
SAME(HYP_XEN_HYPERCALL_memory_op, __HYPERVISOR_memory_op);
SAME(HYP_XEN_HYPERCALL_multicall, __HYPERVISOR_multicall);
SAME(HYP_XEN_HYPERCALL_set_timer_op, __HYPERVISOR_set_timer_op);
SAME(HYP_XEN_HYPERCALL_xen_version, __HYPERVISOR_xen_version);
SAME(HYP_XEN_HYPERCALL_console_io, __HYPERVISOR_console_io);
SAME(HYP_XEN_HYPERCALL_grant_table_op, __HYPERVISOR_grant_table_op);
SAME(HYP_XEN_HYPERCALL_vm_assist, __HYPERVISOR_vm_assist);
SAME(HYP_XEN_HYPERCALL_iret, __HYPERVISOR_iret);
SAME(HYP_XEN_HYPERCALL_vcpu_op, __HYPERVISOR_vcpu_op);
SAME(HYP_XEN_HYPERCALL_mmuext_op, __HYPERVISOR_mmuext_op);
SAME(HYP_XEN_HYPERCALL_sched_op, __HYPERVISOR_sched_op);
SAME(HYP_XEN_HYPERCALL_callback_op, __HYPERVISOR_callback_op);
SAME(HYP_XEN_HYPERCALL_event_channel_op, __HYPERVISOR_event_channel_op);
SAME(HYP_XEN_HYPERCALL_physdev_op, __HYPERVISOR_physdev_op);
SAME(HYP_XEN_HYPERCALL_hvm_op, __HYPERVISOR_hvm_op);
SAME(HYP_XEN_HYPERCALL_sysctl, __HYPERVISOR_sysctl);
SAME(HYP_XEN_HYPERCALL_domctl, __HYPERVISOR_domctl);
SAME(HYP_XEN_HYPERCALL_argo_op, __HYPERVISOR_argo_op);
SAME(HYP_XEN_HYPERCALL_dm_op, __HYPERVISOR_dm_op);
SAME(HYP_XEN_HYPERCALL_hypfs_op, __HYPERVISOR_hypfs_op);
SAME(HYP_XEN_HYPERCALL_arch_0, __HYPERVISOR_arch_0);
SAME(HYP_XEN_HYPERCALL_arch_7, __HYPERVISOR_arch_7);

/* xen_version. */
SAME(HYP_XEN_XENVER_version, XENVER_version);
SAME(HYP_XEN_XENVER_extraversion, XENVER_extraversion);
SAME(HYP_XEN_XENVER_get_features, XENVER_get_features);
SAME(HYP_XEN_XENVER_pagesize, XENVER_pagesize);
SAME(HYP_XEN_EXTRAVERSION_LEN, XEN_EXTRAVERSION_LEN);
SAME_LAYOUT(hyp_xen_feature_info, xen_feature_info);
SAME_FIELD(hyp_xen_feature_info, xen_feature_info, submap_idx);
SAME_FIELD(hyp_xen_feature_info, xen_feature_info, submap);
SAME(HYP_XEN_FEAT_writable_page_tables, XENFEAT_writable_page_tables);
SAME(HYP_XEN_FEAT_auto_translated_physmap, XENFEAT_auto_translated_physmap);
SAME(HYP_XEN_FEAT_supervisor_mode_kernel, XENFEAT_supervisor_mode_kernel);
SAME(HYP_XEN_FEAT_hvm_callback_vector, XENFEAT_hvm_callback_vector);
SAME(HYP_XEN_FEAT_hvm_safe_pvclock, XENFEAT_hvm_safe_pvclock);
SAME(HYP_XEN_FEAT_dom0, XENFEAT_dom0);
SAME(HYP_XEN_FEAT_NR_SUBMAPS, XENFEAT_NR_SUBMAPS);

/* console_io. */
SAME(HYP_XEN_CONSOLEIO_write, CONSOLEIO_write);
SAME(HYP_XEN_CONSOLEIO_read, CONSOLEIO_read);

/* sched_op. */
SAME(HYP_XEN_SCHEDOP_yield, SCHEDOP_yield);
SAME(HYP_XEN_SCHEDOP_block, SCHEDOP_block);
SAME(HYP_XEN_SCHEDOP_shutdown, SCHEDOP_shutdown);
SAME(HYP_XEN_SCHEDOP_poll, SCHEDOP_poll);
SAME_LAYOUT(hyp_xen_sched_shutdown_args, sched_shutdown);
SAME_FIELD(hyp_xen_sched_shutdown_args, sched_shutdown, reason);
SAME(HYP_XEN_SHUTDOWN_poweroff, SHUTDOWN_poweroff);
SAME(HYP_XEN_SHUTDOWN_reboot, SHUTDOWN_reboot);
SAME(HYP_XEN_SHUTDOWN_suspend, SHUTDOWN_suspend);
SAME(HYP_XEN_SHUTDOWN_crash, SHUTDOWN_crash);
SAME(HYP_XEN_SHUTDOWN_watchdog, SHUTDOWN_watchdog);
SAME(HYP_XEN_SHUTDOWN_soft_reset, SHUTDOWN_soft_reset);
SAME(HYP_XEN_SHUTDOWN_MAX, SHUTDOWN_MAX);

/* event_channel_op. */
SAME(HYP_XEN_EVTCHNOP_bind_interdomain, EVTCHNOP_bind_interdomain);
SAME(HYP_XEN_EVTCHNOP_bind_virq, EVTCHNOP_bind_virq);
SAME(HYP_XEN_EVTCHNOP_close, EVTCHNOP_close);
SAME(HYP_XEN_EVTCHNOP_send, EVTCHNOP_send);
SAME(HYP_XEN_EVTCHNOP_status, EVTCHNOP_status);
SAME(HYP_XEN_EVTCHNOP_alloc_unbound, EVTCHNOP_alloc_unbound);
SAME(HYP_XEN_EVTCHNOP_unmask, EVTCHNOP_unmask);
SAME(sizeof(hyp_xen_domid_t), sizeof(domid_t));
SAME(sizeof(hyp_xen_evtchn_port_t), sizeof(evtchn_port_t));
SAME(HYP_XEN_DOMID_SELF, DOMID_SELF);
SAME_LAYOUT(hyp_xen_evtchn_alloc_unbound_args, evtchn_alloc_unbound);
SAME_FIELD(hyp_xen_evtchn_alloc_unbound_args, evtchn_alloc_unbound, dom);
SAME_FIELD(hyp_xen_evtchn_alloc_unbound_args, evtchn_alloc_unbound, remote_dom);
SAME_FIELD(hyp_xen_evtchn_alloc_unbound_args, evtchn_alloc_unbound, port);
SAME_LAYOUT(hyp_xen_evtchn_bind_virq_args, evtchn_bind_virq);
SAME_FIELD(hyp_xen_evtchn_bind_virq_args, evtchn_bind_virq, virq);
SAME_FIELD(hyp_xen_evtchn_bind_virq_args, evtchn_bind_virq, vcpu);
SAME_FIELD(hyp_xen_evtchn_bind_virq_args, evtchn_bind_virq, port);
SAME_LAYOUT(hyp_xen_evtchn_close_args, evtchn_close);
SAME_FIELD(hyp_xen_evtchn_close_args, evtchn_close, port);
SAME_LAYOUT(hyp_xen_evtchn_send_args, evtchn_send);
SAME_FIELD(hyp_xen_evtchn_send_args, evtchn_send, port);
SAME(HYP_XEN_EVTCHNOP_bind_ipi, EVTCHNOP_bind_ipi);
SAME_LAYOUT(hyp_xen_evtchn_bind_ipi_args, evtchn_bind_ipi);
SAME_FIELD(hyp_xen_evtchn_bind_ipi_args, evtchn_bind_ipi, vcpu);
SAME_FIELD(hyp_xen_evtchn_bind_ipi_args, evtchn_bind_ipi, port);
SAME_LAYOUT(hyp_xen_evtchn_status_args, evtchn_status);
SAME_FIELD(hyp_xen_evtchn_status_args, evtchn_status, dom);
SAME_FIELD(hyp_xen_evtchn_status_args, evtchn_status, port);
SAME_FIELD(hyp_xen_evtchn_status_args, evtchn_status, status);
SAME_FIELD(hyp_xen_evtchn_status_args, evtchn_status, vcpu);
SAME_FIELD(hyp_xen_evtchn_status_args, evtchn_status, u.unbound.dom);
SAME_FIELD(hyp_xen_evtchn_status_args, evtchn_status, u.interdomain.dom);
SAME_FIELD(hyp_xen_evtchn_status_args, evtchn_status, u.interdomain.port);
SAME_FIELD(hyp_xen_evtchn_status_args, evtchn_status, u.pirq);
SAME_FIELD(hyp_xen_evtchn_status_args, evtchn_status, u.virq);
SAME(HYP_XEN_EVTCHNSTAT_closed, EVTCHNSTAT_closed);
SAME(HYP_XEN_EVTCHNSTAT_unbound, EVTCHNSTAT_unbound);
SAME(HYP_XEN_EVTCHNSTAT_interdomain, EVTCHNSTAT_interdomain);
SAME(HYP_XEN_EVTCHNSTAT_pirq, EVTCHNSTAT_pirq);
SAME(HYP_XEN_EVTCHNSTAT_virq, EVTCHNSTAT_virq);
SAME(HYP_XEN_EVTCHNSTAT_ipi, EVTCHNSTAT_ipi);
SAME(HYP_XEN_VIRQ_TIMER, VIRQ_TIMER);
SAME(HYP_XEN_VIRQ_DEBUG, VIRQ_DEBUG);
SAME(HYP_XEN_VIRQ_CONSOLE, VIRQ_CONSOLE);
SAME(HYP_XEN_VIRQ_DOM_EXC, VIRQ_DOM_EXC);

/* hvm_op. */
SAME(HYP_XEN_HVMOP_set_param, HVMOP_set_param);
SAME(HYP_XEN_HVMOP_get_param, HVMOP_get_param);
SAME_LAYOUT(hyp_xen_hvm_param, xen_hvm_param);
SAME_FIELD(hyp_xen_hvm_param, xen_hvm_param, domid);
SAME_FIELD(hyp_xen_hvm_param, xen_hvm_param, pad);
SAME_FIELD(hyp_xen_hvm_param, xen_hvm_param, index);
SAME_FIELD(hyp_xen_hvm_param, xen_hvm_param, value);
SAME(HYP_XEN_HVM_PARAM_CALLBACK_IRQ, HVM_PARAM_CALLBACK_IRQ);
SAME(HYP_XEN_HVM_PARAM_STORE_PFN, HVM_PARAM_STORE_PFN);
SAME(HYP_XEN_HVM_PARAM_STORE_EVTCHN, HVM_PARAM_STORE_EVTCHN);
SAME(HYP_XEN_HVM_PARAM_CONSOLE_PFN, HVM_PARAM_CONSOLE_PFN);
SAME(HYP_XEN_HVM_PARAM_CONSOLE_EVTCHN, HVM_PARAM_CONSOLE_EVTCHN);
#if defined(__x86_64__) || defined(__i386__)   /* Arm: TYPE_PPI */
SAME(HYP_XEN_HVM_PARAM_CALLBACK_TYPE_VECTOR, HVM_PARAM_CALLBACK_TYPE_VECTOR);
#endif
SAME(HYP_XEN_HVM_PARAM_CALLBACK_IRQ_TYPE_MASK, HVM_PARAM_CALLBACK_IRQ_TYPE_MASK);
_Static_assert(0xFFull << HYP_XEN_HVM_PARAM_CALLBACK_IRQ_TYPE_SHIFT == HVM_PARAM_CALLBACK_IRQ_TYPE_MASK,
	       "the type's shift is the mask's lowest bit");

/* memory_op. */
SAME(HYP_XEN_XENMEM_current_reservation, XENMEM_current_reservation);
SAME(HYP_XEN_XENMEM_add_to_physmap, XENMEM_add_to_physmap);
SAME(HYP_XEN_XENMAPSPACE_shared_info, XENMAPSPACE_shared_info);
SAME(HYP_XEN_XENMAPSPACE_grant_table, XENMAPSPACE_grant_table);
SAME_LAYOUT(hyp_xen_add_to_physmap_args, xen_add_to_physmap);
SAME_FIELD(hyp_xen_add_to_physmap_args, xen_add_to_physmap, domid);
SAME_FIELD(hyp_xen_add_to_physmap_args, xen_add_to_physmap, size);
SAME_FIELD(hyp_xen_add_to_physmap_args, xen_add_to_physmap, space);
SAME_FIELD(hyp_xen_add_to_physmap_args, xen_add_to_physmap, idx);
SAME_FIELD(hyp_xen_add_to_physmap_args, xen_add_to_physmap, gpfn);

/* vcpu_op. */
SAME(HYP_XEN_VCPUOP_is_up, VCPUOP_is_up);
SAME(HYP_XEN_VCPUOP_get_runstate_info, VCPUOP_get_runstate_info);
SAME(HYP_XEN_VCPUOP_register_vcpu_info, VCPUOP_register_vcpu_info);
SAME(HYP_XEN_VCPUOP_register_runstate_memory_area, VCPUOP_register_runstate_memory_area);
SAME_LAYOUT(hyp_xen_vcpu_register_runstate_args, vcpu_register_runstate_memory_area);
SAME(HYP_XEN_RUNSTATE_running, RUNSTATE_running);
SAME(HYP_XEN_RUNSTATE_runnable, RUNSTATE_runnable);
SAME(HYP_XEN_RUNSTATE_blocked, RUNSTATE_blocked);
SAME(HYP_XEN_RUNSTATE_offline, RUNSTATE_offline);
SAME_LAYOUT(hyp_xen_vcpu_runstate_info, vcpu_runstate_info);
SAME_FIELD(hyp_xen_vcpu_runstate_info, vcpu_runstate_info, state);
SAME_FIELD(hyp_xen_vcpu_runstate_info, vcpu_runstate_info, state_entry_time);
SAME_FIELD(hyp_xen_vcpu_runstate_info, vcpu_runstate_info, time);

#if defined(__aarch64__)
/* Arm's shared_info (arch-arm.h: 64-bit xen_ulong_t, one legacy vCPU, empty arch parts). */
SAME(HYP_XEN_LEGACY_MAX_VCPUS, XEN_LEGACY_MAX_VCPUS);
SAME_LAYOUT(hyp_xen_vcpu_info, vcpu_info);
SAME_FIELD(hyp_xen_vcpu_info, vcpu_info, evtchn_upcall_pending);
SAME_FIELD(hyp_xen_vcpu_info, vcpu_info, pad0);
SAME_FIELD(hyp_xen_vcpu_info, vcpu_info, evtchn_pending_sel);
SAME_FIELD(hyp_xen_vcpu_info, vcpu_info, time);
SAME_LAYOUT(hyp_xen_shared_info, shared_info);
SAME_FIELD(hyp_xen_shared_info, shared_info, vcpu_info);
SAME_FIELD(hyp_xen_shared_info, shared_info, evtchn_pending);
SAME_FIELD(hyp_xen_shared_info, shared_info, evtchn_mask);
SAME_FIELD(hyp_xen_shared_info, shared_info, wc_version);
SAME_FIELD(hyp_xen_shared_info, shared_info, wc_sec);
SAME_FIELD(hyp_xen_shared_info, shared_info, wc_nsec);
SAME_FIELD(hyp_xen_shared_info, shared_info, wc_sec_hi);
#endif

/* x86 only from here to "Errors". */
#if defined(__x86_64__) || defined(__i386__)

/* physdev_op. */
SAME(HYP_XEN_PHYSDEVOP_set_iopl, PHYSDEVOP_set_iopl);
SAME_LAYOUT(hyp_xen_physdev_set_iopl, physdev_set_iopl);
SAME_FIELD(hyp_xen_physdev_set_iopl, physdev_set_iopl, iopl);

/* shared_info, every field, for this compiler's word size (x86_64 and i386 builds). */
SAME(HYP_XEN_LEGACY_MAX_VCPUS, XEN_LEGACY_MAX_VCPUS);
SAME(HYP_XEN_VCPU_INFO_SIZE, sizeof(struct vcpu_info));
SAME_LAYOUT(hyp_pvclock_vcpu_time_info, vcpu_time_info);
SAME_FIELD(hyp_pvclock_vcpu_time_info, vcpu_time_info, version);
SAME_FIELD(hyp_pvclock_vcpu_time_info, vcpu_time_info, pad0);
SAME_FIELD(hyp_pvclock_vcpu_time_info, vcpu_time_info, tsc_timestamp);
SAME_FIELD(hyp_pvclock_vcpu_time_info, vcpu_time_info, system_time);
SAME_FIELD(hyp_pvclock_vcpu_time_info, vcpu_time_info, tsc_to_system_mul);
SAME_FIELD(hyp_pvclock_vcpu_time_info, vcpu_time_info, tsc_shift);
SAME_FIELD(hyp_pvclock_vcpu_time_info, vcpu_time_info, flags);
_Static_assert(offsetof(struct hyp_pvclock_vcpu_time_info, pad) == offsetof(struct vcpu_time_info, pad1) &&
	       sizeof(((struct hyp_pvclock_vcpu_time_info *)0)->pad) == sizeof(((struct vcpu_time_info *)0)->pad1),
	       "pvclock pad == vcpu_time_info pad1");
SAME(HYP_PVCLOCK_TSC_STABLE_BIT, XEN_PVCLOCK_TSC_STABLE_BIT);
SAME(HYP_PVCLOCK_GUEST_STOPPED, XEN_PVCLOCK_GUEST_STOPPED);
SAME_LAYOUT(hyp_xen_arch_vcpu_info, arch_vcpu_info);
SAME_FIELD(hyp_xen_arch_vcpu_info, arch_vcpu_info, cr2);
SAME_FIELD(hyp_xen_arch_vcpu_info, arch_vcpu_info, pad);
SAME_LAYOUT(hyp_xen_vcpu_info, vcpu_info);
SAME_FIELD(hyp_xen_vcpu_info, vcpu_info, evtchn_upcall_pending);
SAME_FIELD(hyp_xen_vcpu_info, vcpu_info, evtchn_upcall_mask);
SAME_FIELD(hyp_xen_vcpu_info, vcpu_info, evtchn_pending_sel);
SAME_FIELD(hyp_xen_vcpu_info, vcpu_info, arch);
SAME_FIELD(hyp_xen_vcpu_info, vcpu_info, time);
SAME_LAYOUT(hyp_xen_arch_shared_info, arch_shared_info);
SAME_FIELD(hyp_xen_arch_shared_info, arch_shared_info, max_pfn);
SAME_FIELD(hyp_xen_arch_shared_info, arch_shared_info, pfn_to_mfn_frame_list_list);
SAME_FIELD(hyp_xen_arch_shared_info, arch_shared_info, nmi_reason);
SAME_FIELD(hyp_xen_arch_shared_info, arch_shared_info, p2m_cr3);
SAME_FIELD(hyp_xen_arch_shared_info, arch_shared_info, p2m_vaddr);
SAME_FIELD(hyp_xen_arch_shared_info, arch_shared_info, p2m_generation);
SAME_LAYOUT(hyp_xen_shared_info, shared_info);
SAME_FIELD(hyp_xen_shared_info, shared_info, vcpu_info);
SAME_FIELD(hyp_xen_shared_info, shared_info, vcpu_info[1].time);
SAME_FIELD(hyp_xen_shared_info, shared_info, evtchn_pending);
SAME_FIELD(hyp_xen_shared_info, shared_info, evtchn_mask);
SAME_FIELD(hyp_xen_shared_info, shared_info, wc_version);
SAME_FIELD(hyp_xen_shared_info, shared_info, wc_sec);
SAME_FIELD(hyp_xen_shared_info, shared_info, wc_nsec);
SAME_FIELD(hyp_xen_shared_info, shared_info, HYP_XEN_WC_SEC_HI);
SAME_FIELD(hyp_xen_shared_info, shared_info, xen_wc_sec_hi);
SAME_FIELD(hyp_xen_shared_info, shared_info, arch);
/* x86 pages are 4 KiB (Xen answers XENVER_pagesize 4096: the PVH test asserts it). */
_Static_assert(sizeof(union hyp_xen_shared_info_page) == 4096, "shared_info page");
_Static_assert(_Alignof(union hyp_xen_shared_info_page) == 4096, "shared_info page aligned");
_Static_assert(sizeof(struct shared_info) <= 4096, "shared_info fits the page");

/* The offset table in xen_abi.h's shared_info comment. */
#if defined(__x86_64__)
#define OFF_MASK 0xa00
#define OFF_WC 0xc00
#define OFF_SEC_HI 0xc0c
#define OFF_ARCH 0xc10
#else
#define OFF_MASK 0x880
#define OFF_WC 0x900
#define OFF_SEC_HI 0x924
#define OFF_ARCH 0x90c
#endif
_Static_assert(offsetof(struct shared_info, evtchn_pending) == 0x800, "table: evtchn_pending");
_Static_assert(offsetof(struct shared_info, evtchn_mask) == OFF_MASK, "table: evtchn_mask");
_Static_assert(offsetof(struct shared_info, wc_version) == OFF_WC, "table: wc_version");
_Static_assert(offsetof(struct shared_info, wc_sec) == OFF_WC + 4, "table: wc_sec");
_Static_assert(offsetof(struct shared_info, xen_wc_sec_hi) == OFF_SEC_HI, "table: wc_sec_hi");
_Static_assert(offsetof(struct shared_info, arch) == OFF_ARCH, "table: arch");
_Static_assert(offsetof(struct vcpu_info, time) == 0x20, "table: time");

SAME(HYP_XEN_SIF_PRIVILEGED, SIF_PRIVILEGED);
SAME(HYP_XEN_SIF_INITDOMAIN, SIF_INITDOMAIN);
SAME_FIELD(hyp_xen_start_info, start_info, magic);
SAME_FIELD(hyp_xen_start_info, start_info, nr_pages);
SAME_FIELD(hyp_xen_start_info, start_info, shared_info);
SAME_FIELD(hyp_xen_start_info, start_info, flags);
SAME_FIELD(hyp_xen_start_info, start_info, store_mfn);
SAME_FIELD(hyp_xen_start_info, start_info, store_evtchn);
SAME_FIELD(hyp_xen_start_info, start_info, console.domU.mfn);
SAME_FIELD(hyp_xen_start_info, start_info, console.domU.evtchn);
SAME_FIELD(hyp_xen_start_info, start_info, console.dom0.info_off);
SAME_FIELD(hyp_xen_start_info, start_info, console.dom0.info_size);
SAME_FIELD(hyp_xen_start_info, start_info, pt_base);
SAME_FIELD(hyp_xen_start_info, start_info, nr_pt_frames);
SAME_FIELD(hyp_xen_start_info, start_info, mfn_list);
SAME_FIELD(hyp_xen_start_info, start_info, mod_start);
SAME_FIELD(hyp_xen_start_info, start_info, mod_len);
SAME_FIELD(hyp_xen_start_info, start_info, cmd_line);

/* ELF notes. */
SAME(HYP_XEN_ELFNOTE_ENTRY, XEN_ELFNOTE_ENTRY);
SAME(HYP_XEN_ELFNOTE_HYPERCALL_PAGE, XEN_ELFNOTE_HYPERCALL_PAGE);
SAME(HYP_XEN_ELFNOTE_VIRT_BASE, XEN_ELFNOTE_VIRT_BASE);
SAME(HYP_XEN_ELFNOTE_PADDR_OFFSET, XEN_ELFNOTE_PADDR_OFFSET);
SAME(HYP_XEN_ELFNOTE_XEN_VERSION, XEN_ELFNOTE_XEN_VERSION);
SAME(HYP_XEN_ELFNOTE_GUEST_OS, XEN_ELFNOTE_GUEST_OS);
SAME(HYP_XEN_ELFNOTE_LOADER, XEN_ELFNOTE_LOADER);
SAME(HYP_XEN_ELFNOTE_PAE_MODE, XEN_ELFNOTE_PAE_MODE);
SAME(HYP_XEN_ELFNOTE_FEATURES, XEN_ELFNOTE_FEATURES);
SAME(HYP_XEN_ELFNOTE_PHYS32_ENTRY, XEN_ELFNOTE_PHYS32_ENTRY);

/* CPUID. */
SAME(HYP_XEN_CPUID_SIGNATURE_EBX, XEN_CPUID_SIGNATURE_EBX);
SAME(HYP_XEN_CPUID_SIGNATURE_ECX, XEN_CPUID_SIGNATURE_ECX);
SAME(HYP_XEN_CPUID_SIGNATURE_EDX, XEN_CPUID_SIGNATURE_EDX);

#endif

/* Errors. */
SAME(HYP_XEN_EPERM, XEN_EPERM);
SAME(HYP_XEN_ENOENT, XEN_ENOENT);
SAME(HYP_XEN_ESRCH, XEN_ESRCH);
SAME(HYP_XEN_EIO, XEN_EIO);
SAME(HYP_XEN_E2BIG, XEN_E2BIG);
SAME(HYP_XEN_EBADF, XEN_EBADF);
SAME(HYP_XEN_EAGAIN, XEN_EAGAIN);
SAME(HYP_XEN_ENOMEM, XEN_ENOMEM);
SAME(HYP_XEN_EACCES, XEN_EACCES);
SAME(HYP_XEN_EFAULT, XEN_EFAULT);
SAME(HYP_XEN_EBUSY, XEN_EBUSY);
SAME(HYP_XEN_EEXIST, XEN_EEXIST);
SAME(HYP_XEN_ENODEV, XEN_ENODEV);
SAME(HYP_XEN_EINVAL, XEN_EINVAL);
SAME(HYP_XEN_ENOSPC, XEN_ENOSPC);
SAME(HYP_XEN_ERANGE, XEN_ERANGE);
SAME(HYP_XEN_ENOSYS, XEN_ENOSYS);
SAME(HYP_XEN_EOPNOTSUPP, XEN_EOPNOTSUPP);
SAME(HYP_XEN_ETIMEDOUT, XEN_ETIMEDOUT);

#if defined(__x86_64__) || defined(__i386__)
/* The start_info magic prefix is what Xen writes (xen.h comment "xen-<version>-<platform>"). */
_Static_assert(sizeof(HYP_XEN_START_INFO_MAGIC_X86_64) <= sizeof(((struct start_info *)0)->magic), "magic fits");
#endif

int hyp_xen_abi_checked(void);
int hyp_xen_abi_checked(void)
{
	return 1;
}

/* Start of day (<hyp/xen_start.h>): hvm_start_info, its tables, XENMEM_memory_map. */
SAME(HYP_XEN_HVM_START_MAGIC, XEN_HVM_START_MAGIC_VALUE);
SAME(HYP_XEN_HVM_MEMMAP_TYPE_RAM, XEN_HVM_MEMMAP_TYPE_RAM);
SAME(HYP_XEN_HVM_MEMMAP_TYPE_PMEM, XEN_HVM_MEMMAP_TYPE_PMEM);
SAME_LAYOUT(hyp_xen_hvm_start_info, hvm_start_info);
SAME_FIELD(hyp_xen_hvm_start_info, hvm_start_info, magic);
SAME_FIELD(hyp_xen_hvm_start_info, hvm_start_info, version);
SAME_FIELD(hyp_xen_hvm_start_info, hvm_start_info, flags);
SAME_FIELD(hyp_xen_hvm_start_info, hvm_start_info, nr_modules);
SAME_FIELD(hyp_xen_hvm_start_info, hvm_start_info, modlist_paddr);
SAME_FIELD(hyp_xen_hvm_start_info, hvm_start_info, cmdline_paddr);
SAME_FIELD(hyp_xen_hvm_start_info, hvm_start_info, rsdp_paddr);
SAME_FIELD(hyp_xen_hvm_start_info, hvm_start_info, memmap_paddr);
SAME_FIELD(hyp_xen_hvm_start_info, hvm_start_info, memmap_entries);
SAME_FIELD(hyp_xen_hvm_start_info, hvm_start_info, reserved);
SAME_LAYOUT(hyp_xen_hvm_modlist_entry, hvm_modlist_entry);
SAME_FIELD(hyp_xen_hvm_modlist_entry, hvm_modlist_entry, paddr);
SAME_FIELD(hyp_xen_hvm_modlist_entry, hvm_modlist_entry, size);
SAME_FIELD(hyp_xen_hvm_modlist_entry, hvm_modlist_entry, cmdline_paddr);
SAME_LAYOUT(hyp_xen_hvm_memmap_entry, hvm_memmap_table_entry);
SAME_FIELD(hyp_xen_hvm_memmap_entry, hvm_memmap_table_entry, addr);
SAME_FIELD(hyp_xen_hvm_memmap_entry, hvm_memmap_table_entry, size);
SAME_FIELD(hyp_xen_hvm_memmap_entry, hvm_memmap_table_entry, type);
SAME(HYP_XEN_XENMEM_memory_map, XENMEM_memory_map);
SAME_LAYOUT(hyp_xen_memory_map_args, xen_memory_map);
SAME_FIELD(hyp_xen_memory_map_args, xen_memory_map, nr_entries);
SAME_FIELD(hyp_xen_memory_map_args, xen_memory_map, buffer);

/* PV console ring (<hyp/xen_console.h>, io/console.h). */
SAME_LAYOUT(hyp_xen_cons_interface, xencons_interface);
SAME_FIELD(hyp_xen_cons_interface, xencons_interface, in);
SAME_FIELD(hyp_xen_cons_interface, xencons_interface, out);
SAME_FIELD(hyp_xen_cons_interface, xencons_interface, in_cons);
SAME_FIELD(hyp_xen_cons_interface, xencons_interface, in_prod);
SAME_FIELD(hyp_xen_cons_interface, xencons_interface, out_cons);
SAME_FIELD(hyp_xen_cons_interface, xencons_interface, out_prod);

/* xenstore wire (<hyp/xenstore.h>, io/xs_wire.h). */
SAME(HYP_XS_DIRECTORY, XS_DIRECTORY);
SAME(HYP_XS_READ, XS_READ);
SAME(HYP_XS_WATCH, XS_WATCH);
SAME(HYP_XS_UNWATCH, XS_UNWATCH);
SAME(HYP_XS_TRANSACTION_START, XS_TRANSACTION_START);
SAME(HYP_XS_TRANSACTION_END, XS_TRANSACTION_END);
SAME(HYP_XS_GET_DOMAIN_PATH, XS_GET_DOMAIN_PATH);
SAME(HYP_XS_WRITE, XS_WRITE);
SAME(HYP_XS_MKDIR, XS_MKDIR);
SAME(HYP_XS_RM, XS_RM);
SAME(HYP_XS_WATCH_EVENT, XS_WATCH_EVENT);
SAME(HYP_XS_ERROR, XS_ERROR);
SAME(HYP_XS_RING_SIZE, XENSTORE_RING_SIZE);
SAME(HYP_XS_PAYLOAD_MAX, XENSTORE_PAYLOAD_MAX);
SAME_LAYOUT(hyp_xs_msg_header, xsd_sockmsg);
SAME_FIELD(hyp_xs_msg_header, xsd_sockmsg, type);
SAME_FIELD(hyp_xs_msg_header, xsd_sockmsg, req_id);
SAME_FIELD(hyp_xs_msg_header, xsd_sockmsg, tx_id);
SAME_FIELD(hyp_xs_msg_header, xsd_sockmsg, len);
SAME_LAYOUT(hyp_xs_interface, xenstore_domain_interface);
SAME_FIELD(hyp_xs_interface, xenstore_domain_interface, req);
SAME_FIELD(hyp_xs_interface, xenstore_domain_interface, rsp);
SAME_FIELD(hyp_xs_interface, xenstore_domain_interface, req_cons);
SAME_FIELD(hyp_xs_interface, xenstore_domain_interface, req_prod);
SAME_FIELD(hyp_xs_interface, xenstore_domain_interface, rsp_cons);
SAME_FIELD(hyp_xs_interface, xenstore_domain_interface, rsp_prod);
SAME_FIELD(hyp_xs_interface, xenstore_domain_interface, server_features);
SAME_FIELD(hyp_xs_interface, xenstore_domain_interface, connection);
SAME_FIELD(hyp_xs_interface, xenstore_domain_interface, error);

/* Grant tables v1 (<hyp/xen_grant.h>, grant_table.h). */
SAME(HYP_XEN_GNTTABOP_query_size, GNTTABOP_query_size);
SAME(HYP_XEN_GNTTABOP_get_version, GNTTABOP_get_version);
SAME(HYP_XEN_GTF_permit_access, GTF_permit_access);
SAME(HYP_XEN_GTF_readonly, GTF_readonly);
SAME(HYP_XEN_GTF_reading, GTF_reading);
SAME(HYP_XEN_GTF_writing, GTF_writing);
SAME(HYP_XEN_GNTTAB_NR_RESERVED, GNTTAB_NR_RESERVED_ENTRIES);
SAME_LAYOUT(hyp_xen_grant_entry_v1, grant_entry_v1);
SAME_FIELD(hyp_xen_grant_entry_v1, grant_entry_v1, flags);
SAME_FIELD(hyp_xen_grant_entry_v1, grant_entry_v1, domid);
SAME_FIELD(hyp_xen_grant_entry_v1, grant_entry_v1, frame);
SAME_LAYOUT(hyp_xen_gnttab_query_size, gnttab_query_size);
SAME_FIELD(hyp_xen_gnttab_query_size, gnttab_query_size, dom);
SAME_FIELD(hyp_xen_gnttab_query_size, gnttab_query_size, nr_frames);
SAME_FIELD(hyp_xen_gnttab_query_size, gnttab_query_size, max_nr_frames);
SAME_FIELD(hyp_xen_gnttab_query_size, gnttab_query_size, status);
SAME_LAYOUT(hyp_xen_gnttab_get_version, gnttab_get_version);
SAME_FIELD(hyp_xen_gnttab_get_version, gnttab_get_version, dom);
SAME_FIELD(hyp_xen_gnttab_get_version, gnttab_get_version, version);

/* Event channels and poll (<hyp/xen_evtchn.h>). */
SAME(HYP_XEN_EVTCHNOP_bind_interdomain, EVTCHNOP_bind_interdomain);
SAME(HYP_XEN_EVTCHNOP_unmask, EVTCHNOP_unmask);
SAME(HYP_XEN_SCHEDOP_poll, SCHEDOP_poll);
SAME_LAYOUT(hyp_xen_evtchn_bind_interdomain_args, evtchn_bind_interdomain);
SAME_FIELD(hyp_xen_evtchn_bind_interdomain_args, evtchn_bind_interdomain, remote_dom);
SAME_FIELD(hyp_xen_evtchn_bind_interdomain_args, evtchn_bind_interdomain, remote_port);
SAME_FIELD(hyp_xen_evtchn_bind_interdomain_args, evtchn_bind_interdomain, local_port);
SAME_LAYOUT(hyp_xen_evtchn_unmask_args, evtchn_unmask);
SAME_LAYOUT(hyp_xen_sched_poll_args, sched_poll);
SAME_FIELD(hyp_xen_sched_poll_args, sched_poll, ports);
SAME_FIELD(hyp_xen_sched_poll_args, sched_poll, nr_ports);
SAME_FIELD(hyp_xen_sched_poll_args, sched_poll, timeout);
