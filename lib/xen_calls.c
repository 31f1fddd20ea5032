/* SPDX-License-Identifier: MIT */
/*
 * Xen typed hypercalls shared by x86 and aarch64. Buffers are passed by
 * virtual address: Xen reads them through the guest's own page tables (x86
 * PV and HVM, Arm alike); only frame numbers (add_to_physmap) go through
 * virt_to_phys.
 */
#include "internal.h"

#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)

#define XEN_PAGE_SHIFT  12

/* A gated call's answer: its closed gate's code, else mapped (lib/internal.h). */
int hyp_xen_answer(long raw)
{
	return hyp_gate_passed(raw, &hyp_xen_gate) ? (int)raw : hyp_xen_error(raw);
}

/* A pointer argument: the virtual address in an argument register. */
static unsigned long arg(const void *p)
{
	return (unsigned long)(uintptr_t)p;
}

/*
 * A two-argument call whose result is only the mapped status. The gate is
 * tested here and a closed gate's code returned as it is (hyp_xen_error()
 * would make it HYP_EIO), so the mapping is called on the open
 * path only and the closed path needs no stack frame. The open half is
 * hyp_xen_hypercall2's transfer for the mode the gate names; `op` is a
 * constant below the page's slots and not iret, which hyp_xen_hypercall2
 * would refuse.
 */
static inline int status2(unsigned int op, unsigned long a1, unsigned long a2)
{
	unsigned int gate = hyp_gate_read(&hyp_xen_gate);
	long raw;

	if (gate < HYP_GATE_OPEN)
		return (int)hyp_gate_error(gate);
#if defined(__aarch64__)
	raw = hyp_xen_hvc2(op, a1, a2);
#else
	if (gate == HYP_GATE_XEN_PAGE)
		raw = hyp_xen_page_call2(hyp_xen_call_page, op, a1, a2);
	else if (gate == HYP_GATE_XEN_VMMCALL)
		raw = hyp_xen_vmmcall2(op, a1, a2);
	else
		raw = hyp_xen_vmcall2(op, a1, a2);
#endif
	return hyp_xen_error(raw);
}

int hyp_xen_version(void)
{
	return status2(HYP_XEN_HYPERCALL_xen_version, HYP_XEN_XENVER_version, 0);
}

int hyp_xen_extraversion(char *out)
{
	char text[HYP_XEN_EXTRAVERSION_LEN];
	int rc;

	hyp_zero_bytes(text, sizeof(text));

	if (!out)
		return HYP_EINVAL;
	rc = hyp_xen_answer(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_xen_version,
					      HYP_XEN_XENVER_extraversion, arg(text)));
	if (rc < 0)
		return rc;
	for (unsigned int i = 0; i < HYP_XEN_EXTRAVERSION_LEN; i++)
		out[i] = text[i];
	out[HYP_XEN_EXTRAVERSION_LEN - 1] = '\0';
	return HYP_OK;
}

int hyp_xen_get_features(unsigned int submap_idx, uint32_t *submap)
{
	struct hyp_xen_feature_info fi = { .submap_idx = submap_idx };
	int rc;

	if (!submap)
		return HYP_EINVAL;
	rc = hyp_xen_answer(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_xen_version,
					      HYP_XEN_XENVER_get_features, arg(&fi)));
	if (rc < 0)
		return rc;
	*submap = fi.submap;
	return HYP_OK;
}

/*
 * Xen up to 4.17 answers 0 once the whole piece is out (it continues long
 * writes itself); a count 0 < n <= piece is partial progress: write the
 * rest. Anything larger is nonsense: HYP_EIO.
 */
int hyp_xen_console_write(const char *buf, size_t len)
{
	size_t done = 0;

	if ((!buf && len) || len > (size_t)__INT_MAX__)
		return HYP_EINVAL;
	while (done < len) {
		size_t piece = len - done;
		long raw;

		if (piece > HYP_XEN_CONSOLE_CHUNK)
			piece = HYP_XEN_CONSOLE_CHUNK;
		raw = hyp_xen_hypercall3(HYP_XEN_HYPERCALL_console_io, HYP_XEN_CONSOLEIO_write,
					 piece, arg(buf + done));
		if (raw < 0)
			return hyp_xen_answer(raw);
		if (raw == 0)
			done += piece;
		else if ((unsigned long)raw <= piece)
			done += (size_t)raw;
		else
			return HYP_EIO;
	}
	return (int)len;
}

int hyp_xen_console_read(char *buf, size_t len)
{
	long raw;

	if ((!buf && len) || len > (size_t)__INT_MAX__)
		return HYP_EINVAL;
	raw = hyp_xen_hypercall3(HYP_XEN_HYPERCALL_console_io, HYP_XEN_CONSOLEIO_read,
				 len, arg(buf));
	if (raw > (long)len)
		return HYP_EIO;
	return hyp_xen_answer(raw);
}

int hyp_xen_sched_yield(void)
{
	return status2(HYP_XEN_HYPERCALL_sched_op, HYP_XEN_SCHEDOP_yield, 0);
}

int hyp_xen_sched_block(void)
{
	return status2(HYP_XEN_HYPERCALL_sched_op, HYP_XEN_SCHEDOP_block, 0);
}

int hyp_xen_sched_shutdown(unsigned int reason)
{
	struct hyp_xen_sched_shutdown_args sd = { .reason = reason };

	if (reason > HYP_XEN_SHUTDOWN_MAX)
		return HYP_EINVAL;
	return hyp_xen_answer(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_sched_op,
						HYP_XEN_SCHEDOP_shutdown, arg(&sd)));
}

static int evtchn_op(unsigned int cmd, void *op)
{
	return hyp_xen_answer(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_event_channel_op, cmd, arg(op)));
}

/* A port is returned as the call's value: it must fit. Read it after the call. */
static int port_result(int rc, hyp_xen_evtchn_port_t port)
{
	if (rc < 0)
		return rc;
	if (port > (uint32_t)__INT_MAX__)
		return HYP_ERANGE;
	return (int)port;
}

int hyp_xen_evtchn_alloc_unbound(uint16_t remote_dom)
{
	struct hyp_xen_evtchn_alloc_unbound_args op = {
		.dom = HYP_XEN_DOMID_SELF, .remote_dom = remote_dom,
	};

	int rc = evtchn_op(HYP_XEN_EVTCHNOP_alloc_unbound, &op);

	return port_result(rc, op.port);
}

int hyp_xen_evtchn_bind_virq(uint32_t virq, uint32_t vcpu)
{
	struct hyp_xen_evtchn_bind_virq_args op = { .virq = virq, .vcpu = vcpu };

	int rc = evtchn_op(HYP_XEN_EVTCHNOP_bind_virq, &op);

	return port_result(rc, op.port);
}

int hyp_xen_evtchn_bind_ipi(uint32_t vcpu)
{
	struct hyp_xen_evtchn_bind_ipi_args op = { .vcpu = vcpu };

	int rc = evtchn_op(HYP_XEN_EVTCHNOP_bind_ipi, &op);

	return port_result(rc, op.port);
}

int hyp_xen_evtchn_send(uint32_t port)
{
	struct hyp_xen_evtchn_send_args op = { .port = port };

	return evtchn_op(HYP_XEN_EVTCHNOP_send, &op);
}

int hyp_xen_evtchn_close(uint32_t port)
{
	struct hyp_xen_evtchn_close_args op = { .port = port };

	return evtchn_op(HYP_XEN_EVTCHNOP_close, &op);
}

int hyp_xen_evtchn_status(uint32_t port, struct hyp_xen_evtchn_status_args *out)
{
	if (!out)
		return HYP_EINVAL;
	hyp_zero_bytes(out, sizeof(*out));
	out->dom = HYP_XEN_DOMID_SELF;
	out->port = port;
	return evtchn_op(HYP_XEN_EVTCHNOP_status, out);
}

int hyp_xen_hvm_get_param(uint32_t index, uint64_t *value)
{
	struct hyp_xen_hvm_param p = { .domid = HYP_XEN_DOMID_SELF, .index = index };
	int rc;

	if (!value)
		return HYP_EINVAL;
	rc = hyp_xen_answer(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_hvm_op,
					      HYP_XEN_HVMOP_get_param, arg(&p)));
	if (rc < 0)
		return rc;
	*value = p.value;
	return HYP_OK;
}

int hyp_xen_hvm_set_param(uint32_t index, uint64_t value)
{
	struct hyp_xen_hvm_param p = {
		.domid = HYP_XEN_DOMID_SELF, .index = index, .value = value,
	};

	return hyp_xen_answer(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_hvm_op,
						HYP_XEN_HVMOP_set_param, arg(&p)));
}

int hyp_xen_add_to_physmap(unsigned int space, unsigned long idx, uint64_t gpfn)
{
	struct hyp_xen_add_to_physmap_args map = {
		.domid = HYP_XEN_DOMID_SELF, .space = space, .idx = idx,
		.gpfn = (unsigned long)gpfn,
	};

	if (map.gpfn != gpfn)       /* i386: a frame above what xen_pfn_t holds */
		return HYP_EINVAL;
	return hyp_xen_answer(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_memory_op,
						HYP_XEN_XENMEM_add_to_physmap, arg(&map)));
}

#if defined(__x86_64__) || defined(__i386__)
/*
 * Setting HVM_PARAM_CALLBACK_IRQ latches the shared_info word size from
 * this vCPU's mode (Xen xen/arch/x86/hvm/hvm.c: hvm_set_param calls
 * hvm_latch_shinfo_size); writing back the value read changes nothing else.
 * PV guests have their size from the start.
 */
static int latch_shared_info_size(void)
{
	const struct hyp_info *info = hyp_get_info();
	uint64_t callback;
	int rc;

	if (info && info->xen_pv)
		return HYP_OK;
	rc = hyp_xen_hvm_get_param(HYP_XEN_HVM_PARAM_CALLBACK_IRQ, &callback);
	if (rc < 0)
		return rc;
	return hyp_xen_hvm_set_param(HYP_XEN_HVM_PARAM_CALLBACK_IRQ, callback);
}
#endif

int (hyp_xen_map_shared_info)(union hyp_xen_shared_info_page *page)
{
	uint64_t gpa;

	if (!page || ((uintptr_t)page & (HYP_XEN_PAGE_SIZE - 1)))
		return HYP_EINVAL;
	gpa = hyp_virt_to_phys(page);
	if (gpa & (HYP_XEN_PAGE_SIZE - 1))
		return HYP_EINVAL;
#if defined(__x86_64__) || defined(__i386__)
	int rc = latch_shared_info_size();  /* before hyp_init() the gate answers */

	if (rc < 0)
		return rc;
#endif                                  /* Arm: one layout for every guest */
	return hyp_xen_add_to_physmap(HYP_XEN_XENMAPSPACE_shared_info, 0, gpa >> XEN_PAGE_SHIFT);
}

int hyp_xen_current_reservation(void)
{
	hyp_xen_domid_t self = HYP_XEN_DOMID_SELF;

	return hyp_xen_answer(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_memory_op,
						HYP_XEN_XENMEM_current_reservation, arg(&self)));
}

int hyp_xen_vcpu_register_runstate(uint32_t vcpu, struct hyp_xen_vcpu_runstate_info *area)
{
	struct hyp_xen_vcpu_register_runstate_args a = { .addr = arg(area) };

	return hyp_xen_answer(hyp_xen_hypercall3(HYP_XEN_HYPERCALL_vcpu_op,
						HYP_XEN_VCPUOP_register_runstate_memory_area, vcpu,
						arg(&a)));
}

#if !defined(__aarch64__)              /* Arm serves neither (include/hyp/xen.h) */
int hyp_xen_vcpu_is_up(uint32_t vcpu)
{
	return hyp_xen_answer(hyp_xen_hypercall3(HYP_XEN_HYPERCALL_vcpu_op,
						HYP_XEN_VCPUOP_is_up, vcpu, 0));
}

int hyp_xen_vcpu_runstate(uint32_t vcpu, struct hyp_xen_vcpu_runstate_info *out)
{
	if (!out)
		return HYP_EINVAL;
	return hyp_xen_answer(hyp_xen_hypercall3(HYP_XEN_HYPERCALL_vcpu_op,
						HYP_XEN_VCPUOP_get_runstate_info, vcpu, arg(out)));
}
#endif

#endif
