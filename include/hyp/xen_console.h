/* SPDX-License-Identifier: MIT */
/*
 * Xen PV console ring of a domU: the page the toolstack shares with
 * xenconsoled (HVM_PARAM_CONSOLE_PFN and _EVTCHN, <hyp/xen_start.h>).
 *
 * Source: xen/include/public/io/console.h (struct xencons_interface: the
 * guest produces `out` and consumes `in`; free-running 32-bit indices masked
 * by the power-of-two ring size); the other end is told through the event
 * channel after each change. tests/host/xen_abi_checks.c compares the layout
 * with libxen-dev.
 *
 * The other end's indices are hostile input: a producer or consumer index
 * more than a ring's size away from ours is HYP_EIO, never a copy.
 * One user at a time: the kernel serialises calls (one CPU, or its lock).
 */
#ifndef HYP_XEN_CONSOLE_H
#define HYP_XEN_CONSOLE_H

#include <stddef.h>
#include <stdint.h>

#include <hyp/static_assert.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HYP_XEN_CONS_IN_SIZE    1024
#define HYP_XEN_CONS_OUT_SIZE   2048

struct hyp_xen_cons_interface {
	char in[HYP_XEN_CONS_IN_SIZE];      /* xenconsoled -> guest */
	char out[HYP_XEN_CONS_OUT_SIZE];    /* guest -> xenconsoled */
	uint32_t in_cons, in_prod;
	uint32_t out_cons, out_prod;
};

HYP_STATIC_ASSERT(sizeof(struct hyp_xen_cons_interface) == 3088, "xencons_interface");

/*
 * How many times a ring call (console and xenstore) waits for the other end
 * (one SCHEDOP_yield each, letting the other domain run) without progress
 * before it gives up with HYP_ETIMEDOUT: HYP_XEN_RING_WAITS by default (a
 * kernel may define it when building the library); hyp_xen_ring_waits(n)
 * changes it at run time (n > 0) and returns the previous value, n 0 only
 * reads it. A yield may return at once when Xen sees nothing else to run,
 * so the bound is a count, not a time.
 */
#ifndef HYP_XEN_RING_WAITS
#define HYP_XEN_RING_WAITS  100000u
#endif

#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
/*
 * Use `ring` (the console page, mapped by the kernel) with event channel
 * `port`. Checks the indices already there (HYP_EIO when the other end's
 * are more than a ring away from ours). 0; HYP_EINVAL (NULL, port 0),
 * HYP_ENOHYP/HYP_ENOTINIT from the Xen gate. Not concurrent with the calls
 * below.
 */
int hyp_xen_pv_console_setup(void *ring, uint32_t port);

unsigned int hyp_xen_ring_waits(unsigned int n);

/*
 * Write `len` bytes: copies what fits, notifies, and waits (bounded, above)
 * while the ring is full. Returns the bytes written (len unless the wait
 * ran out after some progress); HYP_ENOTINIT before setup; HYP_ETIMEDOUT
 * when nothing could be written; HYP_EIO when xenconsoled's index is
 * hostile (the bytes written before are lost to the count: it stops there).
 */
int hyp_xen_pv_console_write(const void *buf, size_t len);

/*
 * Read what is waiting, up to `len` bytes, without waiting: the count (0:
 * nothing). HYP_ENOTINIT before setup; HYP_EIO for a hostile producer index.
 */
int hyp_xen_pv_console_read(void *buf, size_t len);
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYP_XEN_CONSOLE_H */
