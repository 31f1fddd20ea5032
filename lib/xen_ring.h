/* SPDX-License-Identifier: MIT */
/*
 * The split rings Xen's PV protocols share (io/console.h, io/xs_wire.h):
 * one byte array per direction of a power-of-two size, free-running 32-bit
 * indices, the producer advancing prod after writing the bytes, the
 * consumer cons after reading them. Ours is kept in a private copy (never
 * read back from the shared page, which the other end can scribble on);
 * theirs is read once per step and checked: more than a ring away from ours
 * is HYP_EIO.
 */
#ifndef HYP_LIB_XEN_RING_H
#define HYP_LIB_XEN_RING_H

#include "internal.h"

struct xen_ring_dir {
	volatile char *bytes;
	uint32_t size;                  /* power of two */
	volatile uint32_t *cons, *prod; /* in the shared page */
	uint32_t mine;                  /* our index (prod if we produce, cons if we consume) */
};

/* Room to write: bytes free, or HYP_EIO when the consumer's index is hostile. */
static inline long xen_ring_room(struct xen_ring_dir *d)
{
	uint32_t used = d->mine - *d->cons;

	hyp_virt_mb();      /* their cons before our writes to the bytes */
	if (used > d->size)
		return HYP_EIO;
	return (long)(d->size - used);
}

/* Bytes waiting to be read, or HYP_EIO when the producer's index is hostile. */
static inline long xen_ring_avail(struct xen_ring_dir *d)
{
	uint32_t avail = *d->prod - d->mine;

	hyp_virt_rmb();     /* their prod before the bytes it covers */
	if (avail > d->size)
		return HYP_EIO;
	return (long)avail;
}

/* Copy n (<= room) bytes in and publish them. */
static inline void xen_ring_put(struct xen_ring_dir *d, const char *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		d->bytes[(d->mine + (uint32_t)i) & (d->size - 1)] = src[i];
	d->mine += (uint32_t)n;
	hyp_virt_wmb();     /* the bytes before prod */
	*d->prod = d->mine;
}

/* Copy n (<= avail) bytes out (dst NULL: drop them) and release the space. */
static inline void xen_ring_get(struct xen_ring_dir *d, char *dst, size_t n)
{
	if (dst)
		for (size_t i = 0; i < n; i++)
			dst[i] = d->bytes[(d->mine + (uint32_t)i) & (d->size - 1)];
	d->mine += (uint32_t)n;
	hyp_virt_mb();      /* the reads before cons */
	*d->cons = d->mine;
}

/* Indices already in a page being attached: HYP_EIO when the other end's are hostile. */
static inline int xen_ring_attach(struct xen_ring_dir *ours_out, struct xen_ring_dir *ours_in)
{
	return xen_ring_room(ours_out) < 0 || xen_ring_avail(ours_in) < 0 ? HYP_EIO : 0;
}

/*
 * A setup's arguments: the closed Xen gate's code (no hypercall is ever
 * made without Xen), HYP_EINVAL for no ring or port 0, else 0.
 */
static inline int xen_ring_args(const void *ring, uint32_t port)
{
	unsigned int gate = hyp_gate_read(&hyp_xen_gate);

	if (gate < HYP_GATE_OPEN)
		return (int)hyp_gate_error(gate);
	return !ring || !port ? HYP_EINVAL : 0;
}

#endif /* HYP_LIB_XEN_RING_H */
