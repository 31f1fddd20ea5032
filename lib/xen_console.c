/* SPDX-License-Identifier: MIT */
/* The Xen PV console ring of a domU (<hyp/xen_console.h>). */
#include "services_internal.h"
#include "xen_ring.h"

#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)

static unsigned int ring_waits = HYP_XEN_RING_WAITS;

unsigned int hyp_xen_ring_waits(unsigned int n)
{
	unsigned int old = __atomic_load_n(&ring_waits, __ATOMIC_RELAXED);

	if (n)
		__atomic_store_n(&ring_waits, n, __ATOMIC_RELAXED);
	return old;
}

static struct {
	struct hyp_xen_cons_interface *ring;
	uint32_t port;
	struct xen_ring_dir out, in;
} cons;

bool hyp_xen_pv_console_ready(void)
{
	return cons.ring != NULL;
}

static int console_attach(void *ring, uint32_t port)
{
	struct hyp_xen_cons_interface *r = ring;
	int rc = xen_ring_args(r, port);

	if (rc)
		return rc;
	cons.ring = NULL;
	cons.out = (struct xen_ring_dir){ r->out, HYP_XEN_CONS_OUT_SIZE, &r->out_cons, &r->out_prod,
					  r->out_prod };
	cons.in = (struct xen_ring_dir){ r->in, HYP_XEN_CONS_IN_SIZE, &r->in_cons, &r->in_prod,
					 r->in_cons };
	if (xen_ring_attach(&cons.out, &cons.in))
		return HYP_EIO;
	cons.port = port;
	cons.ring = r;
	return HYP_OK;
}

int hyp_xen_pv_console_setup(void *ring, uint32_t port)
{
	int rc = console_attach(ring, port);

	/* The portable console (hyp/services.h) chooses again: this ring, or not. */
	hyp_service_rechoose(HYP_SERVICE_CONSOLE_WRITE);
	hyp_service_rechoose(HYP_SERVICE_CONSOLE_READ);
	return rc;
}

int hyp_xen_pv_console_write(const void *buf, size_t len)
{
	const char *p = buf;
	size_t done = 0;
	unsigned int waits = 0;

	if (!cons.ring)
		return HYP_ENOTINIT;
	if (len > (size_t)__INT_MAX__)
		len = (size_t)__INT_MAX__;
	while (done < len) {
		long room = xen_ring_room(&cons.out);
		size_t n;

		if (room < 0)
			return (int)room;
		if (room == 0) {
			if (++waits > hyp_xen_ring_waits(0))
				return done ? (int)done : HYP_ETIMEDOUT;
			hyp_xen_evtchn_send(cons.port);
			hyp_xen_sched_yield();
			continue;
		}
		waits = 0;
		n = len - done < (size_t)room ? len - done : (size_t)room;
		xen_ring_put(&cons.out, p + done, n);
		done += n;
		hyp_xen_evtchn_send(cons.port);
	}
	return (int)done;
}

int hyp_xen_pv_console_read(void *buf, size_t len)
{
	long avail;
	size_t n;

	if (!cons.ring)
		return HYP_ENOTINIT;
	avail = xen_ring_avail(&cons.in);
	if (avail <= 0)
		return (int)avail;
	n = len < (size_t)avail ? len : (size_t)avail;
	if (!buf || !n)
		return n ? HYP_EINVAL : 0;
	xen_ring_get(&cons.in, buf, n);
	hyp_xen_evtchn_send(cons.port);
	return (int)n;
}

#endif
