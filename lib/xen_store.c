/* SPDX-License-Identifier: MIT */
/* A xenstore client over a domU's ring (<hyp/xenstore.h>). */
#include "internal.h"
#include "xen_ring.h"

#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)

#define HDR ((uint32_t)sizeof(struct hyp_xs_msg_header))

enum sink { SINK_DROP, SINK_REPLY, SINK_ERROR, SINK_EVENT };

static struct {
	struct hyp_xs_interface *ring;
	uint32_t port;
	struct xen_ring_dir req, rsp;
	uint32_t next_id;
	bool busy, broken;
	uint32_t busy_id, busy_type;
	/* the message being received */
	union {
		struct hyp_xs_msg_header h;
		char bytes[sizeof(struct hyp_xs_msg_header)];
	} hdr;
	uint32_t hdr_got, body_got;
	enum sink sink;
	char err[16];
	/* replies done, waiting for hyp_xenstore_poll() */
	bool reply_done;
	int reply_rc;
	/* watch events */
	char ev[HYP_XS_EVENT_QUEUE][HYP_XS_EVENT_MAX];
	uint32_t ev_len[HYP_XS_EVENT_QUEUE];
	unsigned int ev_head, ev_count;
	bool ev_lost;
} xs;

static const struct {
	char name[10];
	int code;
} xs_errors[] = {
	{ "EINVAL", HYP_EINVAL }, { "EACCES", -13 }, { "EEXIST", HYP_EEXIST }, { "EISDIR", -21 },
	{ "ENOENT", HYP_ENOENT }, { "ENOMEM", HYP_ENOMEM }, { "ENOSPC", HYP_ENOSPC },
	{ "EIO", HYP_EIO }, { "ENOTEMPTY", -39 }, { "ENOSYS", HYP_ENOSYS }, { "EROFS", -30 },
	{ "EBUSY", HYP_EBUSY }, { "EAGAIN", HYP_EAGAIN }, { "EISCONN", -106 }, { "E2BIG", HYP_E2BIG },
	{ "EPERM", HYP_EPERM },
};

int hyp_xenstore_error(const char *s, size_t len)
{
	if (!s)
		return HYP_EIO;
	for (unsigned int i = 0; i < sizeof(xs_errors) / sizeof(xs_errors[0]); i++) {
		const char *n = xs_errors[i].name;
		size_t k = 0;

		while (k < len && n[k] && s[k] == n[k])
			k++;
		if (!n[k] && (k == len || !s[k]))
			return xs_errors[i].code;
	}
	return HYP_EIO;
}

int hyp_xenstore_setup(void *ring, uint32_t port)
{
	struct hyp_xs_interface *r = ring;
	int rc = xen_ring_args(r, port);

	if (rc)
		return rc;
	xs.ring = NULL;
	xs.req = (struct xen_ring_dir){ r->req, HYP_XS_RING_SIZE, &r->req_cons, &r->req_prod,
					r->req_prod };
	xs.rsp = (struct xen_ring_dir){ r->rsp, HYP_XS_RING_SIZE, &r->rsp_cons, &r->rsp_prod,
					r->rsp_cons };
	if (xen_ring_attach(&xs.req, &xs.rsp))
		return HYP_EIO;
	xs.port = port;
	xs.busy = xs.broken = xs.reply_done = false;
	xs.hdr_got = xs.body_got = 0;
	xs.ev_head = xs.ev_count = 0;
	xs.ev_lost = false;
	xs.ring = r;
	return HYP_OK;
}

static int ready(void)
{
	if (!xs.ring)
		return HYP_ENOTINIT;
	return xs.broken ? HYP_EIO : 0;
}

/* A hostile index or header: the stream cannot be followed any more. */
static int broken(void)
{
	xs.broken = true;
	return HYP_EIO;
}

/* A message's header is complete: where its body goes. */
static int start_body(void)
{
	struct hyp_xs_msg_header *h = &xs.hdr.h;

	if (h->len > HYP_XS_PAYLOAD_MAX)
		return broken();
	if (h->type == HYP_XS_WATCH_EVENT) {
		xs.sink = SINK_EVENT;
		if (xs.ev_count == HYP_XS_EVENT_QUEUE || h->len > HYP_XS_EVENT_MAX) {
			xs.ev_lost = true;
			xs.sink = SINK_DROP;
		}
	} else if (xs.busy && !xs.reply_done && h->req_id == xs.busy_id) {
		if (h->type == HYP_XS_ERROR)
			xs.sink = SINK_ERROR;
		else if (h->type == xs.busy_type)
			xs.sink = SINK_REPLY;
		else
			return broken();
	} else {
		xs.sink = SINK_DROP;        /* a reply to a request given up on */
	}
	return 0;
}

/* A message is complete. */
static void end_body(size_t len)
{
	struct hyp_xs_msg_header *h = &xs.hdr.h;

	if (xs.sink == SINK_EVENT) {
		unsigned int slot = (xs.ev_head + xs.ev_count) % HYP_XS_EVENT_QUEUE;

		xs.ev_len[slot] = h->len;
		xs.ev_count++;
	} else if (xs.sink == SINK_ERROR) {
		xs.reply_rc = hyp_xenstore_error(xs.err, h->len < sizeof(xs.err) ? h->len : sizeof(xs.err));
		xs.reply_done = true;
	} else if (xs.sink == SINK_REPLY) {
		xs.reply_rc = h->len > len ? HYP_E2BIG : (int)h->len;
		xs.reply_done = true;
	}
	xs.hdr_got = xs.body_got = 0;
}

/*
 * Take what has arrived: reply bytes into buf[len] (the request's), events
 * into the queue. 1 if anything was consumed, 0 if nothing was there, HYP_EIO.
 */
static int pump(char *buf, size_t len)
{
	int progress = 0;

	for (;;) {
		long avail = xen_ring_avail(&xs.rsp);
		uint32_t n;

		if (avail < 0)
			return broken();
		if (avail == 0)
			break;
		if (xs.hdr_got < HDR) {
			n = HDR - xs.hdr_got < (uint32_t)avail ? HDR - xs.hdr_got : (uint32_t)avail;
			xen_ring_get(&xs.rsp, xs.hdr.bytes + xs.hdr_got, n);
			xs.hdr_got += n;
			progress = 1;
			if (xs.hdr_got < HDR)
				continue;
			if (start_body() < 0)
				return HYP_EIO;
		} else {
			uint32_t want = xs.hdr.h.len - xs.body_got, off = xs.body_got;
			char *dst = NULL;
			size_t room = 0;

			n = want < (uint32_t)avail ? want : (uint32_t)avail;
			if (xs.sink == SINK_REPLY) {
				dst = buf;
				room = len;
			} else if (xs.sink == SINK_ERROR) {
				dst = xs.err;
				room = sizeof(xs.err);
			} else if (xs.sink == SINK_EVENT) {
				dst = xs.ev[(xs.ev_head + xs.ev_count) % HYP_XS_EVENT_QUEUE];
				room = HYP_XS_EVENT_MAX;
			}
			/* What fits in the sink is copied, the rest dropped. */
			if (dst && off < room) {
				uint32_t c = room - off < n ? (uint32_t)(room - off) : n;

				xen_ring_get(&xs.rsp, dst + off, c);
				xen_ring_get(&xs.rsp, NULL, n - c);
			} else {
				xen_ring_get(&xs.rsp, NULL, n);
			}
			xs.body_got += n;
			progress = 1;
		}
		if (xs.hdr_got == HDR && xs.body_got == xs.hdr.h.len)
			end_body(len);
	}
	if (progress)
		hyp_xen_evtchn_send(xs.port);
	return progress;
}

/* One bounded wait step: HYP_ETIMEDOUT once the budget is spent. */
static int wait_step(unsigned int *waits)
{
	if (++*waits > hyp_xen_ring_waits(0))
		return HYP_ETIMEDOUT;
	hyp_xen_sched_yield();
	return 0;
}

/* Write n bytes of the request, waiting for room. */
static int put_wait(const char *p, size_t n)
{
	unsigned int waits = 0;

	while (n) {
		long room = xen_ring_room(&xs.req);
		size_t c;
		int rc;

		if (room < 0)
			return broken();
		if (room == 0) {
			hyp_xen_evtchn_send(xs.port);
			rc = wait_step(&waits);
			if (rc < 0)
				return rc;
			continue;
		}
		waits = 0;
		c = n < (size_t)room ? n : (size_t)room;
		xen_ring_put(&xs.req, p, c);
		p += c;
		n -= c;
	}
	return 0;
}

static int send_msg(uint32_t type, uint32_t tx, const void *const *parts, const size_t *lens,
		    unsigned int n, bool wait)
{
	struct hyp_xs_msg_header h = { .type = type, .tx_id = tx };
	size_t total = 0;
	long room;
	int rc = ready();

	if (rc)
		return rc;
	if (n && (!parts || !lens))
		return HYP_EINVAL;
	for (unsigned int i = 0; i < n; i++) {
		if (lens[i] > HYP_XS_PAYLOAD_MAX || (lens[i] && !parts[i]))
			return lens[i] > HYP_XS_PAYLOAD_MAX ? HYP_E2BIG : HYP_EINVAL;
		total += lens[i];
		if (total > HYP_XS_PAYLOAD_MAX)
			return HYP_E2BIG;
	}
	if (xs.busy)
		return HYP_EBUSY;
	room = xen_ring_room(&xs.req);
	if (room < 0)
		return broken();
	if (!wait && (size_t)room < HDR + total)
		return HYP_EAGAIN;
	h.req_id = ++xs.next_id;
	h.len = (uint32_t)total;
	rc = put_wait((const char *)&h, HDR);
	for (unsigned int i = 0; !rc && i < n; i++)
		rc = put_wait(parts[i], lens[i]);
	hyp_xen_evtchn_send(xs.port);
	if (rc)
		return rc;      /* a request cut short: the daemon sees garbage; nothing to recover */
	xs.busy = true;
	xs.reply_done = false;
	xs.busy_id = h.req_id;
	xs.busy_type = type;
	return (int)(h.req_id & 0x7fffffff);
}

int hyp_xenstore_send(uint32_t type, uint32_t tx, const void *const *parts, const size_t *lens,
		      unsigned int n)
{
	return send_msg(type, tx, parts, lens, n, false);
}

int hyp_xenstore_poll(uint32_t req_id, void *buf, size_t len, int *result)
{
	int rc = ready();

	if (rc)
		return rc;
	if (!xs.busy || (xs.busy_id & 0x7fffffff) != req_id || !result || (!buf && len))
		return HYP_EINVAL;
	if (!xs.reply_done) {
		rc = pump(buf, len);
		if (rc < 0)
			return rc;
	}
	if (!xs.reply_done)
		return 0;
	xs.busy = false;
	*result = xs.reply_rc;
	return 1;
}

/* A request and its reply, every wait bounded. */
static int request(uint32_t type, uint32_t tx, const void *const *parts, const size_t *lens,
		   unsigned int n, char *buf, size_t len)
{
	unsigned int waits = 0;
	int id = send_msg(type, tx, parts, lens, n, true), rc, result = HYP_EIO;

	if (id < 0)
		return id;
	for (;;) {
		uint32_t before = xs.rsp.mine;

		rc = hyp_xenstore_poll((uint32_t)id, buf, len, &result);
		if (rc < 0)
			return rc;
		if (rc == 1)
			return result;
		if (xs.rsp.mine != before)
			waits = 0;      /* something arrived */
		rc = wait_step(&waits);
		if (rc < 0) {
			xs.busy = false;        /* its reply, if it comes, is dropped */
			if (xs.sink == SINK_REPLY)
				xs.sink = SINK_DROP;
			return rc;
		}
	}
}

static size_t slen(const char *s)
{
	size_t n = 0;

	while (n <= HYP_XS_PAYLOAD_MAX && s[n])
		n++;
	return n;
}

/* A request whose payload is one or two NUL-terminated strings; reply into buf[len]. */
static int strings(uint32_t type, uint32_t tx, const char *a, const char *b, bool b_nul, char *buf,
		   size_t len)
{
	const void *parts[2] = { a, b };
	size_t lens[2];

	if (!a)
		return HYP_EINVAL;
	lens[0] = slen(a) + 1;
	lens[1] = b ? slen(b) + (b_nul ? 1 : 0) : 0;
	return request(type, tx, parts, lens, b ? 2 : 1, buf, len);
}

/* A reply that must be "OK": 0. */
static int ok_reply(int rc)
{
	return rc < 0 ? rc : HYP_OK;
}

int hyp_xenstore_read(uint32_t tx, const char *path, char *buf, size_t len)
{
	int rc;

	if (!buf || !len)
		return HYP_EINVAL;
	rc = strings(HYP_XS_READ, tx, path, NULL, false, buf, len - 1);
	buf[rc >= 0 ? (size_t)rc : 0] = '\0';
	return rc;
}

int hyp_xenstore_write(uint32_t tx, const char *path, const char *value)
{
	char ok[4];

	if (!value)
		return HYP_EINVAL;
	return ok_reply(strings(HYP_XS_WRITE, tx, path, value, false, ok, sizeof(ok)));
}

int hyp_xenstore_directory(uint32_t tx, const char *path, char *buf, size_t len)
{
	if (!buf || !len)
		return HYP_EINVAL;
	return strings(HYP_XS_DIRECTORY, tx, path, NULL, false, buf, len);
}

int hyp_xenstore_rm(uint32_t tx, const char *path)
{
	char ok[4];

	return ok_reply(strings(HYP_XS_RM, tx, path, NULL, false, ok, sizeof(ok)));
}

int hyp_xenstore_transaction_start(uint32_t *tx)
{
	char id[16];
	uint64_t v = 0;
	int rc, i;

	if (!tx)
		return HYP_EINVAL;
	rc = strings(HYP_XS_TRANSACTION_START, 0, "", NULL, false, id, sizeof(id));
	if (rc < 0)
		return rc;
	/* Decimal, NUL-terminated (xenstore.txt); anything else is the daemon's fault. */
	for (i = 0; i < rc && id[i]; i++) {
		if (id[i] < '0' || id[i] > '9')
			return HYP_EIO;
		v = v * 10 + (uint64_t)(id[i] - '0');
		if (v > UINT32_MAX)
			return HYP_EIO;
	}
	if (!i || !v)
		return HYP_EIO;
	*tx = (uint32_t)v;
	return HYP_OK;
}

int hyp_xenstore_transaction_end(uint32_t tx, bool commit)
{
	char ok[4];

	if (!tx)
		return HYP_EINVAL;
	return ok_reply(strings(HYP_XS_TRANSACTION_END, tx, commit ? "T" : "F", NULL, false, ok,
				sizeof(ok)));
}

int hyp_xenstore_watch(const char *path, const char *token)
{
	char ok[4];

	if (!token)
		return HYP_EINVAL;
	return ok_reply(strings(HYP_XS_WATCH, 0, path, token, true, ok, sizeof(ok)));
}

int hyp_xenstore_unwatch(const char *path, const char *token)
{
	char ok[4];

	if (!token)
		return HYP_EINVAL;
	return ok_reply(strings(HYP_XS_UNWATCH, 0, path, token, true, ok, sizeof(ok)));
}

/* Copy a NUL-terminated string of at most n bytes from the event into out[olen]. */
static int copy_field(const char *s, size_t n, char *out, size_t olen, size_t *used)
{
	size_t k = 0;

	while (k < n && s[k])
		k++;
	if (k == n)
		return HYP_EIO;         /* no NUL inside the payload */
	*used = k + 1;
	if (k + 1 > olen)
		return HYP_E2BIG;
	for (size_t i = 0; i <= k; i++)
		out[i] = s[i];
	return 0;
}

int hyp_xenstore_watch_event(char *path, size_t plen, char *token, size_t tlen, bool wait)
{
	unsigned int waits = 0;
	int rc = ready();

	if (rc)
		return rc;
	if (!path || !plen || !token || !tlen)
		return HYP_EINVAL;
	while (!xs.ev_count) {
		/* Replies of a request in flight are not taken here: only when none is. */
		if (xs.busy)
			return wait ? HYP_EBUSY : HYP_EAGAIN;
		rc = pump(NULL, 0);
		if (rc < 0)
			return rc;
		if (xs.ev_count)
			break;
		if (!wait)
			return HYP_EAGAIN;
		if (rc > 0)
			waits = 0;
		rc = wait_step(&waits);
		if (rc < 0)
			return rc;
	}
	if (xs.ev_lost) {
		xs.ev_lost = false;
		return HYP_ENOSPC;
	}
	{
		const char *e = xs.ev[xs.ev_head];
		uint32_t n = xs.ev_len[xs.ev_head];
		size_t used = 0, used2 = 0;

		xs.ev_head = (xs.ev_head + 1) % HYP_XS_EVENT_QUEUE;
		xs.ev_count--;
		rc = copy_field(e, n, path, plen, &used);
		if (rc == 0)
			rc = copy_field(e + used, n - used, token, tlen, &used2);
		return rc;
	}
}

#endif
