/* SPDX-License-Identifier: MIT */
/*
 * <hyp/xen_abi.h> as the aarch64 Xen calls use it, against Debian's
 * libxen-dev public headers compiled for aarch64 (arch-arm.h: xen_ulong_t
 * and xen_pfn_t are 64-bit): the numbers and the argument layouts of every
 * call lib/xen_calls.c makes on ARM. Compile-time only (CTest
 * test_xen_abi_arm64 runs aarch64-linux-gnu-gcc -fsyntax-only on it).
 * Not here: struct hyp_xen_shared_info's vcpu_info/arch parts, whose layout
 * is x86's (on ARM the library only maps the page).
 */
#include <stddef.h>
#include <stdint.h>

#include <hyp/xen_abi.h>

#include <xen/xen.h>
#include <xen/version.h>
#include <xen/sched.h>
#include <xen/event_channel.h>
#include <xen/hvm/hvm_op.h>
#include <xen/memory.h>
#include <xen/vcpu.h>
#include <xen/errno.h>

#if !defined(__aarch64__)
#error "compile with an aarch64 compiler"
#endif

#define SAME(ours, theirs) _Static_assert((ours) == (theirs), #ours " == " #theirs)
#define SAME_LAYOUT(ours, theirs) \
	_Static_assert(sizeof(struct ours) == sizeof(struct theirs), "sizeof " #ours); \
	_Static_assert(_Alignof(struct ours) == _Alignof(struct theirs), "alignof " #ours)
#define SAME_FIELD(ours, theirs, f) \
	_Static_assert(offsetof(struct ours, f) == offsetof(struct theirs, f), #ours "." #f); \
	_Static_assert(sizeof(((struct ours *)0)->f) == sizeof(((struct theirs *)0)->f), #ours "." #f " size")

SAME(HYP_XEN_HYPERCALL_memory_op, __HYPERVISOR_memory_op);
SAME(HYP_XEN_HYPERCALL_xen_version, __HYPERVISOR_xen_version);
SAME(HYP_XEN_HYPERCALL_console_io, __HYPERVISOR_console_io);
SAME(HYP_XEN_HYPERCALL_vcpu_op, __HYPERVISOR_vcpu_op);
SAME(HYP_XEN_HYPERCALL_sched_op, __HYPERVISOR_sched_op);
SAME(HYP_XEN_HYPERCALL_event_channel_op, __HYPERVISOR_event_channel_op);
SAME(HYP_XEN_HYPERCALL_hvm_op, __HYPERVISOR_hvm_op);
SAME(HYP_XEN_XENVER_version, XENVER_version);
SAME(HYP_XEN_XENVER_extraversion, XENVER_extraversion);
SAME(HYP_XEN_XENVER_get_features, XENVER_get_features);
SAME(HYP_XEN_EXTRAVERSION_LEN, XEN_EXTRAVERSION_LEN);
SAME_LAYOUT(hyp_xen_feature_info, xen_feature_info);
SAME(HYP_XEN_CONSOLEIO_write, CONSOLEIO_write);
SAME(HYP_XEN_CONSOLEIO_read, CONSOLEIO_read);
SAME(HYP_XEN_SCHEDOP_yield, SCHEDOP_yield);
SAME(HYP_XEN_SCHEDOP_block, SCHEDOP_block);
SAME(HYP_XEN_SCHEDOP_shutdown, SCHEDOP_shutdown);
SAME_LAYOUT(hyp_xen_sched_shutdown, sched_shutdown);
SAME(HYP_XEN_SHUTDOWN_poweroff, SHUTDOWN_poweroff);
SAME(HYP_XEN_SHUTDOWN_MAX, SHUTDOWN_MAX);
SAME(HYP_XEN_EVTCHNOP_bind_virq, EVTCHNOP_bind_virq);
SAME(HYP_XEN_EVTCHNOP_close, EVTCHNOP_close);
SAME(HYP_XEN_EVTCHNOP_send, EVTCHNOP_send);
SAME(HYP_XEN_EVTCHNOP_status, EVTCHNOP_status);
SAME(HYP_XEN_EVTCHNOP_alloc_unbound, EVTCHNOP_alloc_unbound);
SAME(HYP_XEN_DOMID_SELF, DOMID_SELF);
SAME_LAYOUT(hyp_xen_evtchn_alloc_unbound, evtchn_alloc_unbound);
SAME_FIELD(hyp_xen_evtchn_alloc_unbound, evtchn_alloc_unbound, port);
SAME_LAYOUT(hyp_xen_evtchn_bind_virq, evtchn_bind_virq);
SAME_LAYOUT(hyp_xen_evtchn_close, evtchn_close);
SAME_LAYOUT(hyp_xen_evtchn_send, evtchn_send);
SAME_LAYOUT(hyp_xen_evtchn_status, evtchn_status);
SAME_FIELD(hyp_xen_evtchn_status, evtchn_status, status);
SAME(HYP_XEN_EVTCHNSTAT_unbound, EVTCHNSTAT_unbound);
SAME(HYP_XEN_HVMOP_set_param, HVMOP_set_param);
SAME(HYP_XEN_HVMOP_get_param, HVMOP_get_param);
SAME_LAYOUT(hyp_xen_hvm_param, xen_hvm_param);
SAME_FIELD(hyp_xen_hvm_param, xen_hvm_param, value);
SAME(HYP_XEN_XENMEM_current_reservation, XENMEM_current_reservation);
SAME(HYP_XEN_XENMEM_add_to_physmap, XENMEM_add_to_physmap);
SAME(HYP_XEN_XENMAPSPACE_shared_info, XENMAPSPACE_shared_info);
SAME_LAYOUT(hyp_xen_add_to_physmap, xen_add_to_physmap);
SAME_FIELD(hyp_xen_add_to_physmap, xen_add_to_physmap, space);
SAME_FIELD(hyp_xen_add_to_physmap, xen_add_to_physmap, idx);
SAME_FIELD(hyp_xen_add_to_physmap, xen_add_to_physmap, gpfn);
SAME(HYP_XEN_VCPUOP_is_up, VCPUOP_is_up);
SAME(HYP_XEN_VCPUOP_get_runstate_info, VCPUOP_get_runstate_info);
SAME_LAYOUT(hyp_xen_vcpu_runstate_info, vcpu_runstate_info);
SAME_FIELD(hyp_xen_vcpu_runstate_info, vcpu_runstate_info, time);
SAME(HYP_XEN_ENOSYS, XEN_ENOSYS);
SAME(HYP_XEN_EINVAL, XEN_EINVAL);
