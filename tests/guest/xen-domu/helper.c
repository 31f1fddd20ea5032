/* SPDX-License-Identifier: MIT */
/*
 * dom0's side of the xen-domu test (a static Linux program run by
 * run-domu.sh as `helper NAME DOMID` while the domain runs): through Linux's
 * /dev/xen/gntdev and /dev/xen/evtchn (linux-libc-dev's <xen/gntdev.h>,
 * <xen/evtchn.h>) and the xenstore tools, it
 *  - maps the read-write page the domU granted (data/gref), checks what the
 *    domU wrote and writes an answer the domU checks;
 *  - maps the read-only grant (data/gref-ro): a writable mapping must be
 *    refused, a read-only one reads the domU's text;
 *  - binds the domU's unbound port (data/port) and sends it an event, then
 *    waits for the domU's event back;
 *  - keeps the read-write grant mapped until the domU has seen its end of
 *    access refused (data/end-refused), then unmaps it (data/unmapped);
 *  - misbehaves (data/scribble-go): maps the domU's console ring through
 *    grant 0 (the toolstack's, for dom0) and moves the indices the domU does
 *    not own past the ring (out_cons 5000 behind out_prod, in_prod 3000 past
 *    in_cons; data/scribbled), then checks the domU wrote and consumed
 *    nothing (data/scribble-seen) and puts the indices back (data/restored).
 * Each check prints one line "domu-helper: NAME: PASS: ..." (or FAIL:),
 * counted by run-domu.sh.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <stdint.h>
/* Linux's uapi headers use Xen's names without defining them (xen.h, grant_table.h). */
typedef uint16_t domid_t;
typedef uint32_t grant_ref_t;
#include <xen/evtchn.h>
#include <xen/gntdev.h>

#include <hyp/xen_console.h>   /* the ring's layout, checked against libxen-dev */

static unsigned int domid;
static const char *name = "?";
static int failures;

static void check(int ok, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("domu-helper: %s: %s: ", name, ok ? "PASS" : "FAIL");
	vprintf(fmt, ap);
	printf("\n");
	fflush(stdout);
	va_end(ap);
	failures += !ok;
}

/* xenstore-read of data/<key>: 0 and the value, or -1. */
static int xs_read(const char *key, char *out, size_t len)
{
	char cmd[128];
	FILE *f;
	int ok;

	snprintf(cmd, sizeof(cmd), "xenstore-read /local/domain/%u/data/%s 2>/dev/null", domid, key);
	f = popen(cmd, "r");
	if (!f)
		return -1;
	ok = fgets(out, (int)len, f) != NULL;
	if (pclose(f) != 0 || !ok)
		return -1;
	out[strcspn(out, "\n")] = '\0';
	return 0;
}

static void xs_write(const char *key, const char *value)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "xenstore-write /local/domain/%u/data/%s %s", domid, key, value);
	if (system(cmd) != 0)
		check(0, "xenstore-write data/%s", key);
}

/* Wait (at most `secs`) for data/<key> to exist: its value, or NULL. */
static const char *xs_wait(const char *key, int secs)
{
	static char v[128];

	for (int i = 0; i < secs * 2; i++) {
		if (xs_read(key, v, sizeof(v)) == 0)
			return v;
		usleep(500000);
	}
	return NULL;
}

static void *map_grant(int fd, unsigned int ref, int prot, struct ioctl_gntdev_map_grant_ref *m)
{
	void *p;

	memset(m, 0, sizeof(*m));
	m->count = 1;
	m->refs[0].domid = domid;
	m->refs[0].ref = ref;
	if (ioctl(fd, IOCTL_GNTDEV_MAP_GRANT_REF, m) != 0)
		return NULL;
	p = mmap(NULL, 4096, prot, MAP_SHARED, fd, (off_t)m->index);
	return p == MAP_FAILED ? NULL : p;
}

static void unmap_grant(int fd, void *p, struct ioctl_gntdev_map_grant_ref *m)
{
	struct ioctl_gntdev_unmap_grant_ref u = { .index = m->index, .count = 1 };

	if (p)
		munmap(p, 4096);
	ioctl(fd, IOCTL_GNTDEV_UNMAP_GRANT_REF, &u);
}

/* dom0 misbehaves: the domain's console ring with indices past the ring. */
static void scribble(int gfd)
{
	struct ioctl_gntdev_map_grant_ref mc;
	volatile struct hyp_xen_cons_interface *c;
	uint32_t out_cons, out_prod, in_cons, in_prod;

	if (!xs_wait("scribble-go", 120)) {
		check(0, "the domain asked for the console scribble (data/scribble-go)");
		return;
	}
	c = gfd >= 0 ? map_grant(gfd, 0, PROT_READ | PROT_WRITE, &mc) : NULL;
	check(c != NULL, "map grant 0, the domain's console ring: %s", c ? "mapped" : strerror(errno));
	if (!c)
		return;
	out_cons = c->out_cons;
	out_prod = c->out_prod;
	in_cons = c->in_cons;
	in_prod = c->in_prod;
	check(out_cons == out_prod && in_cons == in_prod,
	      "the ring is idle: out %u/%u, in %u/%u", out_cons, out_prod, in_cons, in_prod);
	c->out_cons = out_prod - 5000u;
	c->in_prod = in_cons + 3000u;
	__sync_synchronize();
	xs_write("scribbled", "1");
	check(xs_wait("scribble-seen", 120) != NULL, "the domain answered the broken ring");
	check(c->out_prod == out_prod, "the domain wrote nothing into the out ring: out_prod %u, was %u",
	      c->out_prod, out_prod);
	check(c->in_cons == in_cons, "the domain consumed nothing from the in ring: in_cons %u, was %u",
	      c->in_cons, in_cons);
	c->out_cons = out_cons;
	c->in_prod = in_prod;
	__sync_synchronize();
	unmap_grant(gfd, (void *)c, &mc);
	xs_write("restored", "1");
}

int main(int argc, char **argv)
{
	struct ioctl_gntdev_map_grant_ref m, mro, mro2;
	struct ioctl_evtchn_bind_interdomain bind;
	struct ioctl_evtchn_notify notify;
	struct pollfd pfd;
	const char *v;
	unsigned int ref, ref_ro, port;
	int gfd, efd, local;
	char *page, *ro;
	unsigned int got = 0;

	if (argc != 3)
		return 2;
	name = argv[1];
	domid = (unsigned int)strtoul(argv[2], NULL, 0);
	v = xs_wait("grant-go", 300);
	if (!v) {
		printf("domu-helper: %s: SKIP: the domain never asked (no data/grant-go)\n", name);
		return 0;
	}
	if (xs_read("gref", (char[32]){ 0 }, 32) != 0) {
		check(0, "data/gref written by the domain");
		return 1;
	}
	{
		char b[32];

		xs_read("gref", b, sizeof(b));
		ref = (unsigned int)strtoul(b, NULL, 0);
		xs_read("gref-ro", b, sizeof(b));
		ref_ro = (unsigned int)strtoul(b, NULL, 0);
		xs_read("port", b, sizeof(b));
		port = (unsigned int)strtoul(b, NULL, 0);
	}

	gfd = open("/dev/xen/gntdev", O_RDWR);
	check(gfd >= 0, "open /dev/xen/gntdev: %s", gfd >= 0 ? "ok" : strerror(errno));
	page = gfd >= 0 ? map_grant(gfd, ref, PROT_READ | PROT_WRITE, &m) : NULL;
	check(page != NULL, "map the domain's read-write grant %u: %s", ref,
	      page ? "mapped" : strerror(errno));
	if (page) {
		check(!strcmp(page, "granted-by-domU"), "the page holds the domain's text: \"%.20s\"",
		      page);
		strcpy(page + 2048, "dom0-was-here");
	}
	ro = gfd >= 0 ? map_grant(gfd, ref_ro, PROT_READ | PROT_WRITE, &mro) : NULL;
	check(ro == NULL, "a writable mapping of the read-only grant %u is refused (%s)", ref_ro,
	      ro ? "mapped!" : strerror(errno));
	if (ro)
		unmap_grant(gfd, ro, &mro);
	else if (gfd >= 0)
		unmap_grant(gfd, NULL, &mro);
	ro = gfd >= 0 ? map_grant(gfd, ref_ro, PROT_READ, &mro2) : NULL;
	check(ro && !strcmp(ro, "read-only-for-dom0"), "the read-only grant maps for reading: \"%.20s\"",
	      ro ? ro : "(not mapped)");
	if (ro)
		unmap_grant(gfd, ro, &mro2);

	efd = open("/dev/xen/evtchn", O_RDWR);
	bind.remote_domain = domid;
	bind.remote_port = port;
	local = efd >= 0 ? ioctl(efd, IOCTL_EVTCHN_BIND_INTERDOMAIN, &bind) : -1;
	check(local > 0, "bind interdomain to the domain's port %u: local port %d", port, local);
	notify.port = (unsigned int)local;
	check(local > 0 && ioctl(efd, IOCTL_EVTCHN_NOTIFY, &notify) == 0, "event sent to the domain");
	xs_write("mapped", "1");

	/* The domain's event back. */
	pfd.fd = efd;
	pfd.events = POLLIN;
	if (efd >= 0 && poll(&pfd, 1, 120000) == 1 && read(efd, &got, sizeof(got)) == sizeof(got)) {
		check(got == (unsigned int)local, "the domain's event arrived on port %u", got);
		if (write(efd, &got, sizeof(got)) != sizeof(got))  /* unmask */
			check(0, "unmask port %u", got);
	} else {
		check(0, "the domain's event arrived within 120 s");
	}

	/* Unmap only after the domain saw its end of access refused. */
	v = xs_wait("end-refused", 120);
	check(v != NULL, "the domain tried to end access while mapped");
	if (page)
		unmap_grant(gfd, page, &m);
	xs_write("unmapped", "1");
	scribble(gfd);
	return failures ? 1 : 0;
}
