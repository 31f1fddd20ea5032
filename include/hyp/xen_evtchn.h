/* SPDX-License-Identifier: MIT */
/*
 * Xen event channels beyond <hyp/xen.h>'s binds: the interdomain bind,
 * unmask, SCHEDOP_poll, and the 2-level pending and mask bits of
 * shared_info (x86, either word size, and Arm).
 *
 * Source: xen/include/public/event_channel.h (EVTCHNOP_bind_interdomain,
 * EVTCHNOP_unmask), sched.h (SCHEDOP_poll, struct sched_poll: returns once
 * one of the ports is pending, or at `timeout`, Xen system time in ns, 0:
 * no timeout), xen.h (shared_info.evtchn_pending / evtchn_mask: one bit per
 * port, xen_ulong_t words). tests/host/xen_abi_checks.c compares them with
 * libxen-dev.
 */
#ifndef HYP_XEN_EVTCHN_H
#define HYP_XEN_EVTCHN_H

#include <stdint.h>

#include <hyp/xen_abi.h>

#ifdef __cplusplus
extern "C" {
#endif

struct hyp_xen_evtchn_bind_interdomain_args {
	uint16_t remote_dom;        /* IN */
	uint32_t remote_port;       /* IN: unbound there, accepting us */
	uint32_t local_port;        /* OUT */
};

struct hyp_xen_evtchn_unmask_args {
	uint32_t port;
};

struct hyp_xen_sched_poll_args {
	uint32_t *ports;            /* XEN_GUEST_HANDLE(evtchn_port_t) (x86: a pointer) */
	unsigned int nr_ports;
	uint64_t timeout;           /* Xen system time (ns) to give up at; 0: none */
};

#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
/* EVTCHNOP_bind_interdomain: the new local port. */
int hyp_xen_evtchn_bind_interdomain(uint16_t remote_dom, uint32_t remote_port);
/* EVTCHNOP_unmask (Xen re-raises the upcall if the port is pending). 0. */
int hyp_xen_evtchn_unmask(uint32_t port);
/*
 * SCHEDOP_poll on `nr` ports (1..128): returns 0 once one is pending or
 * `timeout` (absolute Xen system time in ns) passed. Pass a timeout: 0
 * waits for ever (Xen's meaning), which only a kernel with its own watchdog
 * should ask for.
 */
int hyp_xen_sched_poll(uint32_t *ports, unsigned int nr, uint64_t timeout);
#endif

#if defined(__x86_64__) || defined(__i386__)
/*
 * Event delivery by interrupt (HVM/PVH): HVM_PARAM_CALLBACK_IRQ of type
 * HVM_PARAM_CALLBACK_TYPE_VECTOR. From then on Xen raises `vector` on vCPU 0
 * while its vcpu_info.evtchn_upcall_pending is set (an unmasked port became
 * pending) and interrupts are enabled: level-like, so the handler acks with
 * hyp_xen_evtchn_upcall_ack() before it looks at the ports, or the vector
 * comes straight back. 0; HYP_EINVAL for a vector below 32 (the CPU's
 * exceptions). Vector 0 asks Xen to stop, but Xen 4.17 was seen still
 * raising the vector for a PVH domU afterwards: mask the ports to be sure.
 */
int hyp_xen_evtchn_upcall_vector(uint8_t vector);
#endif
/*
 * Acknowledge vCPU `vcpu`'s upcall in `page`: clear evtchn_upcall_pending,
 * then take and clear evtchn_pending_sel (bit n: word n of evtchn_pending
 * may hold news) into *sel if `sel` is not NULL. Both must be cleared: Xen
 * marks an upcall only when a port's selector bit goes from 0 to 1
 * (xen/common/event_2l.c), so a stale selector bit silences every later
 * port of that word. 1 if the upcall was pending, 0 if not; HYP_EINVAL for
 * NULL or a vCPU beyond the legacy vcpu_info array.
 */
int hyp_xen_evtchn_upcall_ack(union hyp_xen_shared_info_page *page, uint32_t vcpu, uint64_t *sel);

/*
 * The 2-level bits of `page` (mapped by hyp_xen_map_shared_info()): 1 or 0;
 * HYP_EINVAL for a port beyond the bitmaps (4096 ports on x86_64 and Arm,
 * 1024 on i386). Clearing pending and setting/clearing the mask are atomic.
 */
int hyp_xen_evtchn_pending(const union hyp_xen_shared_info_page *page, uint32_t port);
int hyp_xen_evtchn_clear_pending(union hyp_xen_shared_info_page *page, uint32_t port);
int hyp_xen_evtchn_masked(const union hyp_xen_shared_info_page *page, uint32_t port);
int hyp_xen_evtchn_set_mask(union hyp_xen_shared_info_page *page, uint32_t port, int masked);

#ifdef __cplusplus
}
#endif

#endif /* HYP_XEN_EVTCHN_H */
