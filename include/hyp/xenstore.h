/* SPDX-License-Identifier: MIT */
/*
 * A xenstore client over the domU's ring (HVM_PARAM_STORE_PFN and
 * _EVTCHN, <hyp/xen_start.h>).
 *
 * Source: xen/include/public/io/xs_wire.h (message types, struct
 * xsd_sockmsg, struct xenstore_domain_interface, XENSTORE_PAYLOAD_MAX, the
 * error strings) and docs/misc/xenstore.txt (payload of each request: NUL
 * separated strings; XS_WRITE's value is not NUL-terminated; replies echo
 * req_id; XS_WATCH_EVENT arrives unasked with "path\0token\0"; an error is
 * XS_ERROR with the errno name). tests/host/xen_abi_checks.c compares every
 * value and the layouts with libxen-dev.
 *
 * Hostile input: the daemon's ring indices (more than the ring's size away
 * from ours: HYP_EIO), a reply's length (above XENSTORE_PAYLOAD_MAX:
 * HYP_EIO; above the caller's buffer: HYP_E2BIG, the rest is read and
 * dropped, nothing is written past the buffer), its type and request id
 * (a reply to another request is dropped). Every wait is bounded by
 * hyp_xen_ring_waits() yields without progress (<hyp/xen_console.h>):
 * HYP_ETIMEDOUT. One request at a time; the kernel serialises calls.
 */
#ifndef HYP_XENSTORE_H
#define HYP_XENSTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hyp/static_assert.h>
#include <hyp/xen_console.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Message types (xs_wire.h enum xsd_sockmsg_type). */
#define HYP_XS_DIRECTORY            1
#define HYP_XS_READ                 2
#define HYP_XS_WATCH                4
#define HYP_XS_UNWATCH              5
#define HYP_XS_TRANSACTION_START    6
#define HYP_XS_TRANSACTION_END      7
#define HYP_XS_GET_DOMAIN_PATH      10
#define HYP_XS_WRITE                11
#define HYP_XS_MKDIR                12
#define HYP_XS_RM                   13
#define HYP_XS_WATCH_EVENT          15
#define HYP_XS_ERROR                16

struct hyp_xs_msg_header {
	uint32_t type;              /* HYP_XS_* */
	uint32_t req_id;            /* echoed in the reply */
	uint32_t tx_id;             /* transaction, 0: none */
	uint32_t len;               /* payload bytes that follow */
};

#define HYP_XS_RING_SIZE            1024
#define HYP_XS_PAYLOAD_MAX          4096

struct hyp_xs_interface {
	char req[HYP_XS_RING_SIZE];     /* guest -> xenstored */
	char rsp[HYP_XS_RING_SIZE];     /* xenstored -> guest: replies and watch events */
	uint32_t req_cons, req_prod;
	uint32_t rsp_cons, rsp_prod;
	uint32_t server_features;
	uint32_t connection;
	uint32_t error;
};

HYP_STATIC_ASSERT(sizeof(struct hyp_xs_msg_header) == 16, "xsd_sockmsg");
HYP_STATIC_ASSERT(sizeof(struct hyp_xs_interface) == 2076, "xenstore_domain_interface");

#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
/* Use `ring` (the xenstore page, mapped by the kernel) with event channel `port`. As the console's setup. */
int hyp_xenstore_setup(void *ring, uint32_t port);

/*
 * The daemon's error string (XS_ERROR payload, xs_wire.h xsd_errors) as
 * HYP_E*: "EINVAL" HYP_EINVAL, "EACCES" -13, "EEXIST" HYP_EEXIST, "EISDIR"
 * -21, "ENOENT" HYP_ENOENT, "ENOMEM", "ENOSPC", "EIO", "ENOTEMPTY" -39,
 * "ENOSYS", "EROFS" -30, "EBUSY", "EAGAIN", "EISCONN" -106, "E2BIG",
 * "EPERM" (Linux's numbers); anything else HYP_EIO. `len` bytes at `s`,
 * NUL or not.
 */
int hyp_xenstore_error(const char *s, size_t len);

/*
 * The calls: `tx` 0 or a transaction from hyp_xenstore_transaction_start().
 * Paths and values are NUL-terminated; a request longer than
 * HYP_XS_PAYLOAD_MAX is HYP_E2BIG before anything is sent.
 */
/* XS_READ into buf[len], NUL-terminated: the value's length. HYP_E2BIG when
 * value + NUL exceed len (buf holds nothing then). */
int hyp_xenstore_read(uint32_t tx, const char *path, char *buf, size_t len);
/* XS_WRITE. 0. */
int hyp_xenstore_write(uint32_t tx, const char *path, const char *value);
/* XS_DIRECTORY into buf[len]: the children's names, each NUL-terminated;
 * returns the bytes used. HYP_E2BIG as for read. */
int hyp_xenstore_directory(uint32_t tx, const char *path, char *buf, size_t len);
/* XS_RM. 0. */
int hyp_xenstore_rm(uint32_t tx, const char *path);
/* XS_TRANSACTION_START: *tx is the new transaction. 0. */
int hyp_xenstore_transaction_start(uint32_t *tx);
/* XS_TRANSACTION_END, committing or not. 0; HYP_EAGAIN: another writer got
 * in first, nothing was committed: start again from the beginning. */
int hyp_xenstore_transaction_end(uint32_t tx, bool commit);
/* XS_WATCH / XS_UNWATCH of `path` under `token`. 0. The daemon fires the
 * watch once at once (xenstore.txt). */
int hyp_xenstore_watch(const char *path, const char *token);
int hyp_xenstore_unwatch(const char *path, const char *token);

/*
 * The next watch event: path into path[plen], token into token[tlen], both
 * NUL-terminated. Events that arrived during other calls are queued (up to
 * HYP_XS_EVENT_QUEUE; later ones are dropped and the next event reported
 * is HYP_ENOSPC once). wait = false: HYP_EAGAIN when none is there (no
 * wait, for kernels with their own scheduler: call again on the port's
 * event); wait = true: bounded wait, HYP_ETIMEDOUT. HYP_E2BIG when the
 * path or token does not fit (the event is consumed).
 */
#define HYP_XS_EVENT_QUEUE  4
#define HYP_XS_EVENT_MAX    256     /* bytes of "path\0token\0" kept per queued event */
int hyp_xenstore_watch_event(char *path, size_t plen, char *token, size_t tlen, bool wait);

/*
 * The non-blocking use underneath: hyp_xenstore_send() queues one request
 * (the `n` payload parts back to back, `parts[i]` of `lens[i]` bytes) only
 * if all of it fits in the ring now (HYP_EAGAIN otherwise, nothing sent;
 * HYP_EBUSY while an earlier request's reply is outstanding) and returns
 * its request id. hyp_xenstore_poll() takes what has arrived without
 * waiting: 0 while the reply is incomplete; 1 once it is, with *result the
 * payload length (copied into buf[len], the same buffer on every call), the
 * daemon's error (HYP_EAGAIN among them), or HYP_E2BIG (longer than len:
 * the rest dropped); negative for the library's own errors (HYP_EIO:
 * hostile ring or header). Watch events are queued on the way.
 */
int hyp_xenstore_send(uint32_t type, uint32_t tx, const void *const *parts, const size_t *lens,
		      unsigned int n);
int hyp_xenstore_poll(uint32_t req_id, void *buf, size_t len, int *result);
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYP_XENSTORE_H */
