/* SPDX-License-Identifier: MIT */
/* Xen event channels: interdomain bind, unmask, poll, shared_info bits (<hyp/xen_evtchn.h>). */
#include "internal.h"

#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)

#define POLL_MAX_PORTS  128u    /* Xen refuses more (sched.h: at most 128 ports) */

static int evtchn_op(unsigned int cmd, void *arg)
{
	return hyp_xen_answer(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_event_channel_op, cmd,
						 (unsigned long)(uintptr_t)arg));
}

int hyp_xen_evtchn_bind_interdomain(uint16_t remote_dom, uint32_t remote_port)
{
	struct hyp_xen_evtchn_bind_interdomain_args a = { .remote_dom = remote_dom,
							  .remote_port = remote_port };
	int rc = evtchn_op(HYP_XEN_EVTCHNOP_bind_interdomain, &a);

	if (rc < 0)
		return rc;
	return a.local_port > (uint32_t)__INT_MAX__ ? HYP_EIO : (int)a.local_port;
}

int hyp_xen_evtchn_unmask(uint32_t port)
{
	struct hyp_xen_evtchn_unmask_args a = { .port = port };

	return evtchn_op(HYP_XEN_EVTCHNOP_unmask, &a);
}

int hyp_xen_sched_poll(uint32_t *ports, unsigned int nr, uint64_t timeout)
{
	struct hyp_xen_sched_poll_args a = { .ports = ports, .nr_ports = nr, .timeout = timeout };

	if (!ports || !nr || nr > POLL_MAX_PORTS)
		return HYP_EINVAL;
	return hyp_xen_answer(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_sched_op, HYP_XEN_SCHEDOP_poll,
						 (unsigned long)(uintptr_t)&a));
}

/* The 2-level bitmaps: xen_ulong_t words (x86: unsigned long; Arm: 64-bit). */
#if defined(__aarch64__)
typedef uint64_t xen_word;
#else
typedef unsigned long xen_word;
#endif
#define WORD_BITS   (sizeof(xen_word) * 8)
#define NR_PORTS    (HYP_XEN_EVTCHN_WORDS * WORD_BITS)

static int bit(const volatile xen_word *words, uint32_t port)
{
	if (port >= NR_PORTS)
		return HYP_EINVAL;
	return (int)((__atomic_load_n(&words[port / WORD_BITS], __ATOMIC_ACQUIRE) >>
		      (port % WORD_BITS)) & 1);
}

static int set_bit_to(volatile xen_word *words, uint32_t port, int on)
{
	xen_word m;

	if (port >= NR_PORTS)
		return HYP_EINVAL;
	m = (xen_word)1 << (port % WORD_BITS);
	if (on)
		__atomic_fetch_or(&words[port / WORD_BITS], m, __ATOMIC_SEQ_CST);
	else
		__atomic_fetch_and(&words[port / WORD_BITS], ~m, __ATOMIC_SEQ_CST);
	return HYP_OK;
}

#if defined(__x86_64__) || defined(__i386__)
int hyp_xen_evtchn_upcall_vector(uint8_t vector)
{
	uint64_t v = vector;

	if (vector && vector < 32)
		return HYP_EINVAL;
	if (vector)
		v |= (uint64_t)HYP_XEN_HVM_PARAM_CALLBACK_TYPE_VECTOR << HYP_XEN_HVM_PARAM_CALLBACK_IRQ_TYPE_SHIFT;
	return hyp_xen_hvm_set_param(HYP_XEN_HVM_PARAM_CALLBACK_IRQ, v);
}
#endif

int hyp_xen_evtchn_upcall_ack(union hyp_xen_shared_info_page *page, uint32_t vcpu, uint64_t *sel)
{
	struct hyp_xen_vcpu_info *vi;
	int was;

	if (!page || vcpu >= HYP_XEN_LEGACY_MAX_VCPUS)
		return HYP_EINVAL;
	vi = &page->info.vcpu_info[vcpu];
	was = __atomic_exchange_n(&vi->evtchn_upcall_pending, 0, __ATOMIC_SEQ_CST) != 0;
	{
		uint64_t s = (uint64_t)__atomic_exchange_n(&vi->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);

		if (sel)
			*sel = s;
	}
	return was;
}

int hyp_xen_evtchn_pending(const union hyp_xen_shared_info_page *page, uint32_t port)
{
	return page ? bit(page->info.evtchn_pending, port) : HYP_EINVAL;
}

int hyp_xen_evtchn_clear_pending(union hyp_xen_shared_info_page *page, uint32_t port)
{
	return page ? set_bit_to(page->info.evtchn_pending, port, 0) : HYP_EINVAL;
}

int hyp_xen_evtchn_masked(const union hyp_xen_shared_info_page *page, uint32_t port)
{
	return page ? bit(page->info.evtchn_mask, port) : HYP_EINVAL;
}

int hyp_xen_evtchn_set_mask(union hyp_xen_shared_info_page *page, uint32_t port, int masked)
{
	return page ? set_bit_to(page->info.evtchn_mask, port, masked) : HYP_EINVAL;
}
#endif
