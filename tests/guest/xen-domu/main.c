/* SPDX-License-Identifier: MIT */
/*
 * Xen domU (x86_64 PVH or an arm64 Image) created by the real toolstack
 * (run-domu.sh): start of day (hvm_start_info on x86, the device tree on
 * Arm), the PV console ring against xenconsoled, the xenstore client
 * against xenstored (dom0 writes data/test before unpausing us and
 * data/watched once we write data/ready), hostile rings played here.
 * Grant tables and event channels against dom0's helper (helper.c), which
 * maps our grants and exchanges events over data/gref, data/port, ... .
 * Command line: checks=all|none, shutdown=poweroff|reboot|crash, mem=<MiB
 * of the xl config>. Lines "EXPECT-CONSOLE: text" and "EXPECT-STORE:
 * path=value" ask run-domu.sh to find the text in this domain's xenconsoled
 * log and the value in xenstore after the domain stopped.
 * On Arm Xen refuses a domU console_io: everything this image prints goes
 * through the PV console ring (held in memory until the ring is set up and
 * while the hostile checks own it) and run-domu.sh reads it from xenconsoled's
 * log.
 */
#include <guest/test.h>
#include <hyp/hyp.h>
#if defined(__aarch64__)
#include <guest/arm64.h>
#include <hyp/fdt.h>
/* Where the toolstack puts the rings: GUEST_MAGIC_BASE/SIZE of Xen's
 * public/arch-arm.h (tools only), 16 MiB at 0x39000000. */
#define RING_PFN_MIN        0x39000ull
#define RING_PFN_END        0x3a000ull
#else
#include <guest/x86.h>
#define RING_PFN_MIN        0xfe000ull     /* below 4 GiB */
#define RING_PFN_END        (1ull << 20)
#endif
#define XS_EACCES           (-13)           /* Linux's EACCES: xenstored's "EACCES" */

static char shutdown_how[16] = "poweroff", checks[8] = "all", mem_text[8] = "32";

static struct hyp_xen_cons_interface *cons_ring;
static struct hyp_xs_interface *store_ring;

void guest_exit_hook(bool pass)
{
	unsigned int reason = HYP_XEN_SHUTDOWN_poweroff;

	/* Bounded: xenconsoled has read the last lines before we stop. */
	for (int i = 0; cons_ring && cons_ring->out_cons != cons_ring->out_prod && i < 100000; i++)
		hyp_xen_sched_yield();

	if (!strcmp(shutdown_how, "reboot"))
		reason = HYP_XEN_SHUTDOWN_reboot;
	if (!strcmp(shutdown_how, "crash") || !pass)
		reason = HYP_XEN_SHUTDOWN_crash;
	hyp_xen_sched_shutdown(reason);
}

static unsigned long dec(const char *s)
{
	unsigned long v = 0;

	while (*s >= '0' && *s <= '9')
		v = v * 10 + (unsigned long)(*s++ - '0');
	return v;
}

static bool has(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(hay + i, needle, k))
			return true;
	return false;
}

#if defined(__aarch64__)
/* Console lines before the ring is ours and while the hostile checks own it. */
static char held[32768];
static size_t held_len;
static bool cons_live;

void guest_xen_console_hook(const char *text, size_t len)
{
	if (cons_live) {
		hyp_xen_pv_console_write(text, len);
		return;
	}
	for (size_t i = 0; i < len && held_len < sizeof(held); i++)
		held[held_len++] = text[i];
}

static void console_live(bool live)
{
	cons_live = live;
	if (live && held_len) {
		hyp_xen_pv_console_write(held, held_len);
		held_len = 0;
	}
}

/* The console ring first: everything printed goes there. */
static void console_start(void)
{
	uint64_t pfn = 0;
	uint32_t port = 0;

	if (hyp_xen_console_ring_params(&pfn, &port) == 0 &&
	    hyp_xen_pv_console_setup((void *)(uintptr_t)(pfn << 12), port) == 0) {
		cons_ring = (void *)(uintptr_t)(pfn << 12);
		console_live(true);
	}
}

static uint64_t ticks(void)
{
	uint64_t v;

	__asm__ __volatile__("isb; mrs %0, cntvct_el0" : "=r"(v));
	return v;
}

static const char *const tick_unit = "counter ticks";

/* Arm's start of day is the device tree (Linux .../bindings/arm/xen.txt). */
static void test_start_info(void)
{
	struct hyp_fdt fdt;
	const void *val;
	uint32_t len = 0;
	uint64_t ram = 0, want = (uint64_t)dec(mem_text) << 20;
	struct hyp_xen_e820_entry map[4];
	int node, rc;
	bool ok;

	report_prefix_push("start");
	rc = hyp_fdt_open(&fdt, guest_fdt(), guest_fdt_size());
	report(rc == 0, "device tree: %d, %zu bytes", rc, guest_fdt_size());
	if (rc) {
		report_prefix_pop();
		return;
	}
	node = hyp_fdt_path_offset(&fdt, "/hypervisor");
	rc = node < 0 ? node : hyp_fdt_getprop(&fdt, node, "compatible", &val, &len);
	report(rc == 0 && hyp_fdt_stringlist_contains(val, len, "xen,xen") &&
	       hyp_fdt_stringlist_contains(val, len, "xen,xen-4.17"),
	       "/hypervisor compatible \"xen,xen-4.17\", \"xen,xen\": %d", rc);
	rc = node < 0 ? node : hyp_fdt_getprop(&fdt, node, "reg", &val, &len);
	/* 2+2 cells a region: the grant table's, then Xen's extended regions */
	ok = rc == 0 && len >= 16 && len % 16 == 0;
	report(ok && hyp_fdt_cell(val, 0) == 0 && hyp_fdt_cell(val, 3) >= 4096,
	       "/hypervisor reg: %u regions, the grant table's %u bytes at 0x%x%08x", ok ? len / 16 : 0,
	       ok ? hyp_fdt_cell(val, 3) : 0, ok ? hyp_fdt_cell(val, 0) : 0, ok ? hyp_fdt_cell(val, 1) : 0);
	rc = node < 0 ? node : hyp_fdt_getprop(&fdt, node, "interrupts", &val, &len);
	report(rc == 0 && len == 12 && hyp_fdt_cell(val, 0) == 1 && hyp_fdt_cell(val, 1) + 16 == 31,
	       "/hypervisor interrupts: the event channel upcall is PPI %u (type %u)",
	       len == 12 ? hyp_fdt_cell(val, 1) + 16 : 0, len == 12 ? hyp_fdt_cell(val, 0) : 0);
	node = hyp_fdt_path_offset(&fdt, "/memory");
	rc = node < 0 ? node : hyp_fdt_getprop(&fdt, node, "reg", &val, &len);
	for (uint32_t i = 0; rc == 0 && i + 16 <= len; i += 16)
		ram += (uint64_t)hyp_fdt_cell(val, i / 4 + 2) << 32 | hyp_fdt_cell(val, i / 4 + 3);
	report(rc == 0 && ram <= want && ram + (2u << 20) >= want,
	       "/memory: %llu KiB RAM (xl memory=%lu MiB)", (unsigned long long)(ram >> 10), dec(mem_text));
	report(has(guest_cmdline(), strlen(guest_cmdline()), "shutdown=") &&
	       has(guest_cmdline(), strlen(guest_cmdline()), shutdown_how),
	       "/chosen/bootargs: \"%s\"", guest_cmdline());
	/* Arm keeps no e820: Xen has no XENMEM_memory_map there (arch_memory_op). */
	report_call(HYP_ENOSYS, hyp_xen_memory_map(map, 4));
	report_prefix_pop();
}
#else
static void console_start(void) {}
static void console_live(bool live) { (void)live; }

static uint64_t ticks(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("lfence; rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static const char *const tick_unit = "TSC cycles";

/* This image identity-maps the first 4 GiB (runtime/x86/entry64.S). */
static const void *phys(uint64_t pa, size_t len)
{
	if (pa >= (1ull << 32) || len > (1ull << 32) - pa)
		return NULL;
	return (const void *)(uintptr_t)pa;
}

static void test_start_info(void)
{
	const struct hyp_xen_hvm_start_info *si =
		(const struct hyp_xen_hvm_start_info *)(const void *)x86_start_info();
	struct hyp_xen_pvh_start st;
	struct hyp_xen_e820_entry map[HYP_XEN_PVH_MAX_MEMMAP];
	uint64_t ram = 0, want = (uint64_t)dec(mem_text) << 20, ram2 = 0;
	int rc, n;

	report_prefix_push("start");
	rc = hyp_xen_pvh_start_parse(si, phys, &st);
	report_call(HYP_EINVAL, hyp_xen_pvh_start_parse(si, NULL, &st));
	report(rc == 0, "hvm_start_info parsed: %d (version %u)", rc, rc ? 0 : st.version);
	if (rc == 0) {
		report(st.cmdline && st.cmdline_len == strlen(st.cmdline) &&
		       has(st.cmdline, st.cmdline_len, "shutdown=") &&
		       has(st.cmdline, st.cmdline_len, shutdown_how),
		       "command line (%zu bytes): \"%s\"", st.cmdline_len, st.cmdline ? st.cmdline : "");
		report(st.nr_modules == 0, "no modules (%u)", st.nr_modules);
		report(st.rsdp_paddr != 0 && st.rsdp_paddr < (1ull << 32), "RSDP at 0x%llx",
		       (unsigned long long)st.rsdp_paddr);
		for (uint32_t i = 0; i < st.nr_memmap; i++)
			if (st.memmap[i].type == HYP_XEN_HVM_MEMMAP_TYPE_RAM)
				ram += st.memmap[i].size;
		report(st.version >= 1 && st.nr_memmap >= 2 && ram <= want && ram + (2u << 20) >= want,
		       "memory map: %u entries, %llu KiB RAM (xl memory=%lu MiB)", st.nr_memmap,
		       (unsigned long long)(ram >> 10), dec(mem_text));
	}
	n = hyp_xen_memory_map(map, HYP_XEN_PVH_MAX_MEMMAP);
	for (int i = 0; i < n; i++)
		if (map[i].type == HYP_XEN_HVM_MEMMAP_TYPE_RAM)
			ram2 += map[i].size;
	report(n >= 1 && ram2 == ram, "XENMEM_memory_map: %d entries, %llu KiB RAM as the start info",
	       n, (unsigned long long)(ram2 >> 10));
	report_call(HYP_EINVAL, hyp_xen_memory_map(map, 0));
	report_prefix_pop();
}
#endif

static void test_ring_params(void)
{
	uint64_t cpfn = 0, spfn = 0;
	uint32_t cport = 0, sport = 0;
	int rc;

	report_prefix_push("params");
	rc = hyp_xen_console_ring_params(&cpfn, &cport);
	report(rc == 0 && cpfn >= RING_PFN_MIN && cpfn < RING_PFN_END && cport,
	       "console ring: %d, pfn 0x%llx, port %u", rc, (unsigned long long)cpfn, cport);
	rc = hyp_xen_store_ring_params(&spfn, &sport);
	report(rc == 0 && spfn >= RING_PFN_MIN && spfn < RING_PFN_END && sport && spfn != cpfn &&
	       sport != cport, "xenstore ring: %d, pfn 0x%llx, port %u", rc, (unsigned long long)spfn,
	       sport);
	if (cport)
		report_call(0, hyp_xen_pv_console_setup((void *)(uintptr_t)(cpfn << 12), cport));
	if (sport)
		report_call(0, hyp_xenstore_setup((void *)(uintptr_t)(spfn << 12), sport));
	cons_ring = (void *)(uintptr_t)(cpfn << 12);
	store_ring = (void *)(uintptr_t)(spfn << 12);
	report_prefix_pop();
}

static void test_console(void)
{
	static const char hello[] = "hello through the PV console ring\n";
	static char big[16384];
	char in[64];
	int rc;

	report_prefix_push("console");
	rc = hyp_xen_pv_console_write(hello, sizeof(hello) - 1);
	report(rc == (int)sizeof(hello) - 1, "write: %d of %zu bytes", rc, sizeof(hello) - 1);
	printf("EXPECT-CONSOLE: hello through the PV console ring\n");
	/* Eight times the ring: only if xenconsoled keeps consuming. */
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (i % 64 == 63) ? '\n' : (char)('a' + (i / 64) % 26);
	for (size_t i = 0; i < 19; i++)
		big[sizeof(big) - 20 + i] = "end-of-big-write-x\n"[i];
	big[sizeof(big) - 1] = '\n';
	rc = hyp_xen_pv_console_write(big, sizeof(big));
	report(rc == (int)sizeof(big), "write of %zu bytes (8 rings): %d", sizeof(big), rc);
	printf("EXPECT-CONSOLE: end-of-big-write-x\n");
	rc = hyp_xen_pv_console_read(in, sizeof(in));
	report(rc == 0, "read with nothing typed: %d", rc);
	report_prefix_pop();
}

/* The portable console (hyp/services.h) takes the ring once it is set up. */
static void test_portable_console(void)
{
	static const char line[] = "portable console through the PV ring\n";
	const char *path = hyp_service_path(HYP_SERVICE_CONSOLE_WRITE);

	report_prefix_push("services");
	report(!strcmp(path, "xen-pv-console"), "console write path: %s", path);
	path = hyp_service_path(HYP_SERVICE_CONSOLE_READ);
	report(!strcmp(path, "xen-pv-console"), "console read path: %s", path);
	report_call((int)sizeof(line) - 1, hyp_console_write(line, sizeof(line) - 1));
	printf("EXPECT-CONSOLE: portable console through the PV ring\n");
	report_prefix_pop();
}

static void test_store(void)
{
	char buf[256], small[8 + 4];
	uint32_t tx = 0;
	int rc, tries;

	report_prefix_push("xenstore");
	rc = hyp_xenstore_read(0, "data/test", buf, sizeof(buf));
	report(rc == 15 && !strcmp(buf, "hello-from-dom0"), "read data/test: %d \"%s\"", rc, buf);
	rc = hyp_xenstore_read(0, "data/nonexistent", buf, sizeof(buf));
	report(rc == HYP_ENOENT, "read of a missing node: %d (ENOENT)", rc);
	/* A value longer than the buffer: E2BIG, nothing past the buffer. */
	memset(small, 0x5a, sizeof(small));
	rc = hyp_xenstore_read(0, "data/test", small, 8);
	report(rc == HYP_E2BIG && small[0] == '\0' && small[8] == 0x5a && small[11] == 0x5a,
	       "read into 8 bytes of a 15-byte value: %d, bytes past the buffer untouched", rc);
	rc = hyp_xenstore_read(0, "data/long", buf, 64);
	report(rc == HYP_E2BIG, "read into 64 bytes of dom0's 3000-byte value: %d", rc);
	rc = hyp_xenstore_read(0, "data/test", buf, sizeof(buf));
	report(rc == 15, "the ring is in step after the long reply: %d", rc);

	report_call(0, hyp_xenstore_write(0, "data/result", "written-by-domu"));
	printf("EXPECT-STORE: data/result=written-by-domu\n");
	report_call(0, hyp_xenstore_write(0, "data/tmp", "x"));
	rc = hyp_xenstore_directory(0, "data", buf, sizeof(buf));
	report(rc > 0 && has(buf, (size_t)rc, "test\0") && has(buf, (size_t)rc, "tmp\0") &&
	       has(buf, (size_t)rc, "result\0"), "directory data: %d bytes, test, tmp, result", rc);
	report_call(0, hyp_xenstore_rm(0, "data/tmp"));
	report_call(HYP_ENOENT, hyp_xenstore_read(0, "data/tmp", buf, sizeof(buf)));
	report_call(XS_EACCES, hyp_xenstore_write(0, "/local/domain/0/data/x", "no"));

	/* Transactions: a conflicting write outside makes the end EAGAIN; a retry commits. */
	report_call(0, hyp_xenstore_write(0, "data/counter", "1"));
	rc = hyp_xenstore_transaction_start(&tx);
	report(rc == 0 && tx != 0, "transaction start: %d, id %u", rc, tx);
	hyp_xenstore_read(tx, "data/counter", buf, sizeof(buf));
	report_call(0, hyp_xenstore_write(0, "data/counter", "2"));
	report_call(0, hyp_xenstore_write(tx, "data/counter", "10"));
	report_call(HYP_EAGAIN, hyp_xenstore_transaction_end(tx, true));
	for (tries = 1; tries <= 5; tries++) {
		if (hyp_xenstore_transaction_start(&tx))
			break;
		rc = hyp_xenstore_read(tx, "data/counter", buf, sizeof(buf));
		buf[0] = (char)(buf[0] + 1);
		hyp_xenstore_write(tx, "data/counter", buf);
		rc = hyp_xenstore_transaction_end(tx, true);
		if (rc != HYP_EAGAIN)
			break;
	}
	rc = hyp_xenstore_read(0, "data/counter", buf, sizeof(buf));
	report(tries == 1 && rc == 1 && buf[0] == '3', "retried transaction committed: \"%s\" after %d try",
	       buf, tries);
	report_call(0, hyp_xenstore_transaction_start(&tx));
	report_call(0, hyp_xenstore_write(tx, "data/aborted", "x"));
	report_call(0, hyp_xenstore_transaction_end(tx, false));
	report_call(HYP_ENOENT, hyp_xenstore_read(0, "data/aborted", buf, sizeof(buf)));
	report_prefix_pop();
}

/* The non-blocking use: up to `tries` polls, a yield between them. */
static int poll_event(char *path, size_t plen, char *token, size_t tlen, int tries, int *n)
{
	int rc = HYP_EAGAIN;

	for (*n = 0; *n < tries; ++*n) {
		rc = hyp_xenstore_watch_event(path, plen, token, tlen, false);
		if (rc != HYP_EAGAIN)
			break;
		hyp_xen_sched_yield();
	}
	return rc;
}

static void test_watch(void)
{
	char path[64], token[16];
	int rc, n;

	report_prefix_push("watch");
	report_call(0, hyp_xenstore_watch("data/watched", "tok1"));
	rc = hyp_xenstore_watch_event(path, sizeof(path), token, sizeof(token), true);
	report(rc == 0 && !strcmp(path, "data/watched") && !strcmp(token, "tok1"),
	       "the event at registration: %d path \"%s\" token \"%s\"", rc, path, token);
	report_call(HYP_EAGAIN, hyp_xenstore_watch_event(path, sizeof(path), token, sizeof(token), false));
	/* dom0 writes data/watched once it sees data/ready (run-domu.sh). */
	report_call(0, hyp_xenstore_write(0, "data/ready", "1"));
	rc = poll_event(path, sizeof(path), token, sizeof(token), 200000, &n);
	report(rc == 0 && !strcmp(path, "data/watched") && !strcmp(token, "tok1"),
	       "dom0's write seen by non-blocking polls: %d path \"%s\" (%d polls)", rc, path, n);
	rc = hyp_xenstore_read(0, "data/watched", path, sizeof(path));
	report(rc > 0 && !strcmp(path, "from-dom0"), "the value dom0 wrote: \"%s\"", path);
	report_call(HYP_EINVAL, hyp_xenstore_watch(NULL, "t"));
	report_call(0, hyp_xenstore_unwatch("data/watched", "tok1"));
	report_call(0, hyp_xenstore_write(0, "data/watched", "after-unwatch"));
	rc = poll_event(path, sizeof(path), token, sizeof(token), 2000, &n);
	report(rc == HYP_EAGAIN, "no event after unwatch: %d", rc);
	report_prefix_pop();
}

/* Bounded wait for dom0 to write data/<key>: a watch, so xenstored works only on a change. */
static bool wait_key(const char *key)
{
	char path[32] = "data/", v[16], ep[32], et[8];
	size_t k = strlen(path);
	bool found = false;

	for (size_t i = 0; key[i] && k + 1 < sizeof(path); i++)
		path[k++] = key[i];
	path[k] = '\0';
	if (hyp_xenstore_watch(path, "wk") < 0)
		return false;
	for (int i = 0; i < 40 && !found; i++) {
		found = hyp_xenstore_read(0, path, v, sizeof(v)) >= 0;
		if (!found)
			hyp_xenstore_watch_event(ep, sizeof(ep), et, sizeof(et), true);
	}
	hyp_xenstore_unwatch(path, "wk");
	for (int i = 0; i < HYP_XS_EVENT_QUEUE + 1; i++)      /* drop this watch's queued events */
		if (hyp_xenstore_watch_event(ep, sizeof(ep), et, sizeof(et), false) == HYP_EAGAIN)
			break;
	return found;
}

static void write_num(const char *path, unsigned long v)
{
	char text[24], rev[24];
	int n = 0, k = 0;

	do
		rev[n++] = (char)('0' + v % 10);
	while ((v /= 10) && n < 20);
	while (n)
		text[k++] = rev[--n];
	text[k] = '\0';
	hyp_xenstore_write(0, path, text);
}

static _Alignas(4096) unsigned char grant_frames[4096];
static _Alignas(4096) char granted[4096], granted_ro[4096];
static union hyp_xen_shared_info_page shinfo;

static void test_grant_evtchn(uint64_t cpfn, uint64_t spfn)
{
	const volatile struct hyp_xen_grant_entry_v1 *e;
	uint32_t nr = 0, max = 0, poll_port;
	int rc, ref, ref_ro, port, ipi, virq;
	struct hyp_xen_evtchn_status_args st;

	report_prefix_push("grant");
	rc = hyp_xen_grant_query_size(&nr, &max);
	report(rc == 0 && nr >= 1 && max >= nr, "query_size: %d, %u of %u frames", rc, nr, max);
	report_call(1, hyp_xen_grant_get_version());
	report_call(HYP_ENOTINIT, hyp_xen_grant_access(0, 1, false));
	report_call(HYP_EINVAL, hyp_xen_grant_setup(grant_frames, 0));
	report_call(HYP_ERANGE, hyp_xen_grant_setup(grant_frames, max + 1));
	report_call(0, hyp_xen_grant_setup(grant_frames, 1));
	e = hyp_xen_grant_entry(0);
	report(e && (e->flags & HYP_XEN_GTF_permit_access) && e->domid == 0 && e->frame == cpfn,
	       "entry 0 (toolstack): console frame 0x%x for dom0", e ? (unsigned int)e->frame : 0);
	e = hyp_xen_grant_entry(1);
	report(e && (e->flags & HYP_XEN_GTF_permit_access) && e->domid == 0 && e->frame == spfn,
	       "entry 1 (toolstack): xenstore frame 0x%x for dom0", e ? (unsigned int)e->frame : 0);
	memset(granted, 0, sizeof(granted));
	for (size_t i = 0; i < sizeof("granted-by-domU"); i++)
		granted[i] = "granted-by-domU"[i];
	for (size_t i = 0; i < sizeof("read-only-for-dom0"); i++)
		granted_ro[i] = "read-only-for-dom0"[i];
	ref = hyp_xen_grant_access(0, (uintptr_t)granted >> 12, false);
	ref_ro = hyp_xen_grant_access(0, (uintptr_t)granted_ro >> 12, true);
	report(ref >= HYP_XEN_GNTTAB_NR_RESERVED && ref_ro > ref, "granted to dom0: rw ref %d, ro ref %d",
	       ref, ref_ro);
	report_call(HYP_EINVAL, hyp_xen_grant_end_access(1));
	report_prefix_pop();

	report_prefix_push("evtchn");
	report_call(0, hyp_xen_map_shared_info(&shinfo));
	port = hyp_xen_evtchn_alloc_unbound(0);
	report(port > 0, "alloc_unbound for dom0: port %d", port);
	report_call(0, hyp_xen_evtchn_set_mask(&shinfo, (uint32_t)port, 1));
	report_call(HYP_EINVAL, hyp_xen_evtchn_pending(&shinfo, 1u << 20));
	write_num("data/gref", (unsigned long)ref);
	write_num("data/gref-ro", (unsigned long)ref_ro);
	write_num("data/port", (unsigned long)port);
	report_call(0, hyp_xenstore_write(0, "data/grant-go", "1"));
	report(wait_key("mapped"), "dom0's helper mapped the grants and bound the port");
	granted[2048 + 15] = '\0';
	report(!strcmp(granted + 2048, "dom0-was-here"), "dom0 wrote into the granted page: \"%s\"",
	       granted + 2048);
	e = hyp_xen_grant_entry((uint32_t)ref);
	report(e && (e->flags & HYP_XEN_GTF_writing), "Xen marks the entry mapped for writing (flags 0x%x)",
	       e ? e->flags : 0);
	poll_port = (uint32_t)port;
	report_call(0, hyp_xen_sched_poll(&poll_port, 1, 0));
	report_call(1, hyp_xen_evtchn_pending(&shinfo, (uint32_t)port));
	report_call(1, hyp_xen_evtchn_masked(&shinfo, (uint32_t)port));
	report_call(0, hyp_xen_evtchn_clear_pending(&shinfo, (uint32_t)port));
	report_call(0, hyp_xen_evtchn_pending(&shinfo, (uint32_t)port));
	report_call(0, hyp_xen_evtchn_unmask((uint32_t)port));
	report_call(0, hyp_xen_evtchn_masked(&shinfo, (uint32_t)port));
	rc = hyp_xen_evtchn_status((uint32_t)port, &st);
	report(rc == 0 && st.status == HYP_XEN_EVTCHNSTAT_interdomain && st.u.interdomain.dom == 0,
	       "status: interdomain with dom0 (%d, status %u)", rc, st.status);
	report_call(HYP_EBUSY, hyp_xen_grant_end_access((uint32_t)ref));
	report_call(0, hyp_xen_grant_end_access((uint32_t)ref_ro));
	report_call(0, hyp_xen_evtchn_send((uint32_t)port));
	report_call(0, hyp_xenstore_write(0, "data/end-refused", "1"));
	report(wait_key("unmapped"), "dom0's helper unmapped the grant");
	report_call(0, hyp_xen_grant_end_access((uint32_t)ref));
	report_call(HYP_EINVAL, hyp_xen_grant_end_access((uint32_t)ref));

	ipi = hyp_xen_evtchn_bind_ipi(0);
	report(ipi > 0, "bind_ipi: port %d", ipi);
	hyp_xen_evtchn_set_mask(&shinfo, (uint32_t)ipi, 1);
	report_call(0, hyp_xen_evtchn_send((uint32_t)ipi));
	report_call(1, hyp_xen_evtchn_pending(&shinfo, (uint32_t)ipi));
	report_call(0, hyp_xen_evtchn_close((uint32_t)ipi));
	virq = hyp_xen_evtchn_bind_virq(HYP_XEN_VIRQ_DEBUG, 0);
	rc = hyp_xen_evtchn_status((uint32_t)virq, &st);
	report(virq > 0 && rc == 0 && st.status == HYP_XEN_EVTCHNSTAT_virq && st.u.virq == HYP_XEN_VIRQ_DEBUG,
	       "bind_virq(VIRQ_DEBUG): port %d, status %u", virq, st.status);
	report_call(0, hyp_xen_evtchn_close((uint32_t)virq));
	report_prefix_pop();
}

/*
 * Event delivery by interrupt, interrupts on only inside bounded windows.
 * x86: HVM_PARAM_CALLBACK_IRQ with a vector, the runtime's IDT entry for it.
 * Arm: the /hypervisor node's PPI through the GICv3 Xen gives the domain.
 */
static volatile unsigned int upcalls, upcalls_with_port;
static volatile unsigned long upcall_seen;     /* the vector, or the GIC's INTID */
static uint32_t upcall_port;
static unsigned int upcall_window(void);

static void on_upcall(unsigned long id)
{
	uint64_t sel = 0;

	upcalls++;
	upcall_seen = id;
	/* the selector names the port's word of the pending bitmap */
	if (hyp_xen_evtchn_upcall_ack(&shinfo, 0, &sel) == 1 &&
	    (sel >> (upcall_port / (8 * sizeof(shinfo.info.evtchn_pending[0])))) & 1 &&
	    hyp_xen_evtchn_pending(&shinfo, upcall_port) == 1) {
		upcalls_with_port++;
		hyp_xen_evtchn_clear_pending(&shinfo, upcall_port);
	}
}

#if defined(__aarch64__)
#define UPCALL_ID       31ul                    /* PPI 31: the DT's interrupts, checked in start */
#define IRQ_ON()        __asm__ __volatile__("msr daifclr, #2" ::: "memory")
#define IRQ_OFF()       __asm__ __volatile__("msr daifset, #2" ::: "memory")
#define RELAX()         __asm__ __volatile__("yield" ::: "memory")

void guest_irq_hook(unsigned int intid)
{
	on_upcall(intid);
}

static void mmio32(uint64_t addr, uint32_t or_bits)
{
	volatile uint32_t *r = (volatile uint32_t *)(uintptr_t)addr;

	*r |= or_bits;
}

/* GICv3 at /interrupt-controller (GICD, then vCPU 0's redistributor): PPI 31 on, group 1. */
static bool upcall_setup(void)
{
	struct hyp_fdt fdt;
	const void *val;
	uint32_t len = 0;
	uint64_t gicd, gicr, sgi;
	volatile uint32_t *waker;
	int node, i;

	if (hyp_fdt_open(&fdt, guest_fdt(), guest_fdt_size()) ||
	    (node = hyp_fdt_path_offset(&fdt, "/interrupt-controller")) < 0 ||
	    hyp_fdt_getprop(&fdt, node, "reg", &val, &len) || len < 32)
		return false;
	gicd = (uint64_t)hyp_fdt_cell(val, 0) << 32 | hyp_fdt_cell(val, 1);
	gicr = (uint64_t)hyp_fdt_cell(val, 4) << 32 | hyp_fdt_cell(val, 5);
	report_info("GICv3: distributor 0x%llx, redistributors 0x%llx", (unsigned long long)gicd,
		    (unsigned long long)gicr);
	mmio32(gicd, 0x12);                     /* GICD_CTLR: ARE_NS, EnableGrp1A */
	waker = (volatile uint32_t *)(uintptr_t)(gicr + 0x14);
	*waker &= ~2u;                          /* GICR_WAKER.ProcessorSleep */
	for (i = 0; (*waker & 4u) && i < 100000; i++)
		;
	sgi = gicr + 0x10000;
	mmio32(sgi + 0x80, 1u << UPCALL_ID);    /* GICR_IGROUPR0: group 1 */
	((volatile uint8_t *)(uintptr_t)(sgi + 0x400))[UPCALL_ID] = 0xa0;  /* priority */
	mmio32(sgi + 0x100, 1u << UPCALL_ID);   /* GICR_ISENABLER0 */
	__asm__ __volatile__("mrs x9, S3_0_C12_C12_5; orr x9, x9, #1; msr S3_0_C12_C12_5, x9; isb\n"
			     "mov x9, #0xff; msr S3_0_C4_C6_0, x9\n"       /* ICC_PMR_EL1 */
			     "mov x9, #1; msr S3_0_C12_C12_7, x9; isb"     /* ICC_IGRPEN1_EL1 */
			     ::: "x9", "memory");
	return true;
}

static void upcall_off(void) {}
#else
#define UPCALL_ID       0x50ul                  /* the vector */
#define IRQ_ON()        __asm__ __volatile__("sti" ::: "memory")
#define IRQ_OFF()       __asm__ __volatile__("cli" ::: "memory")
#define RELAX()         __asm__ __volatile__("pause" ::: "memory")

static bool on_vector(struct guest_frame *f)
{
	on_upcall(f->vector);
	return true;
}

static bool upcall_setup(void)
{
	uint64_t v = 0;
	int rc;

	report_call(HYP_EINVAL, hyp_xen_evtchn_upcall_vector(14));
	guest_set_trap_handler(UPCALL_ID, on_vector);
	report_call(0, hyp_xen_evtchn_upcall_vector(UPCALL_ID));
	rc = hyp_xen_hvm_get_param(HYP_XEN_HVM_PARAM_CALLBACK_IRQ, &v);
	report(rc == 0 && v >> HYP_XEN_HVM_PARAM_CALLBACK_IRQ_TYPE_SHIFT == HYP_XEN_HVM_PARAM_CALLBACK_TYPE_VECTOR &&
	       (v & 0xff) == UPCALL_ID, "HVM_PARAM_CALLBACK_IRQ reads back: %d, 0x%llx", rc,
	       (unsigned long long)v);
	return rc == 0;
}

/* Asked to stop, Xen 4.17 still raised the vector for a PVH domU (seen): not asserted. */
static void upcall_off(void)
{
	unsigned int n;

	report_call(0, hyp_xen_evtchn_upcall_vector(0));
	report_call(0, hyp_xen_evtchn_send(upcall_port));
	n = upcall_window();
	report_info("after HVM_PARAM_CALLBACK_IRQ 0, a send raised %u upcall(s)", n);
	hyp_xen_evtchn_set_mask(&shinfo, upcall_port, 1);
	hyp_xen_evtchn_clear_pending(&shinfo, upcall_port);
	guest_set_trap_handler(UPCALL_ID, NULL);
}
#endif

/* Interrupts on until one upcall or a bounded while: the upcalls taken. */
static unsigned int upcall_window(void)
{
	unsigned int before = upcalls;

	IRQ_ON();
	for (int i = 0; i < 200000 && upcalls == before; i++)
		RELAX();
	IRQ_OFF();
	return upcalls - before;
}

static void test_upcall(void)
{
	unsigned int n, with_port;
	int ipi;

	report_prefix_push("upcall");
	report(upcall_setup(), "delivery set up");
	hyp_xen_evtchn_upcall_ack(&shinfo, 0, NULL);
	upcall_window();                                /* whatever was pending before */
	ipi = hyp_xen_evtchn_bind_ipi(0);
	report(ipi > 0, "bind_ipi: port %d", ipi);
	upcall_port = (uint32_t)ipi;
	hyp_xen_evtchn_set_mask(&shinfo, upcall_port, 1);
	report_call(0, hyp_xen_evtchn_send(upcall_port));
	n = upcall_window();
	report(n == 0, "a send to the masked port raises no upcall: %u", n);
	report_call(1, hyp_xen_evtchn_pending(&shinfo, upcall_port));
	report_call(0, hyp_xen_evtchn_unmask(upcall_port));
	n = upcall_window();
	report(n == 1 && upcalls_with_port == 1 && upcall_seen == UPCALL_ID,
	       "unmasking the pending port raised 0x%lx: %u upcall(s), %u with the port pending",
	       upcall_seen, n, upcalls_with_port);
	with_port = upcalls_with_port;
	report_call(0, hyp_xen_evtchn_send(upcall_port));
	n = upcall_window();
	report(n == 1 && upcalls_with_port == with_port + 1,
	       "a send to the unmasked port: %u upcall(s), the port pending in it", n);
	report_call(0, hyp_xen_evtchn_upcall_ack(&shinfo, 0, NULL));
	upcall_off();
	report_call(0, hyp_xen_evtchn_close(upcall_port));
	report_prefix_pop();
}

/*
 * Costs in TSC cycles (x86) or generic timer ticks (Arm) under this run's TCG
 * (tests/bench/xen-domu.sh prints them): a xenstore round trip and the console ring's bytes, each against a
 * null hypercall (XENVER_version) of the same run.
 */
static void bench(void)
{
	static char big[16384];
	char v[32];
	uint64_t t0, null_c, xs_c, cons_c;
	int i, ok = 0, oks = 0, rc;

	t0 = ticks();
	for (i = 0; i < 200; i++)
		ok += hyp_xen_version() > 0;
	null_c = (ticks() - t0) / 200;
	t0 = ticks();
	for (i = 0; i < 50; i++)
		oks += hyp_xenstore_read(0, "data/test", v, sizeof(v)) == 15;
	xs_c = (ticks() - t0) / 50;
	memset(big, 'b', sizeof(big));
	for (i = 63; i < (int)sizeof(big); i += 64)
		big[i] = '\n';
	t0 = ticks();
	rc = hyp_xen_pv_console_write(big, sizeof(big));
	cons_c = ticks() - t0;
	report(ok == 200 && oks == 50 && rc == (int)sizeof(big),
	       "bench: %d of 200 null hypercalls, %d of 50 xenstore reads, %d of 16384 bytes to the console ring",
	       ok, oks, rc);
	report_info("bench: null hypercall %llu %s; xenstore read round trip %llu = %llu null "
		    "hypercalls; console ring %llu per KiB = %llu null hypercalls",
		    (unsigned long long)null_c, tick_unit, (unsigned long long)xs_c,
		    (unsigned long long)(null_c ? xs_c / null_c : 0),
		    (unsigned long long)(cons_c / 16), (unsigned long long)(null_c ? cons_c / 16 / null_c : 0));
}

/* The other end misbehaves: rings in our own memory, indices and lengths set by hand. */
static _Alignas(4096) union {
	struct hyp_xen_cons_interface c;
	struct hyp_xs_interface s;
	unsigned char page[4096];
} fake;
static char canary_buf[16 + 8];
static const char filler[HYP_XEN_CONS_OUT_SIZE + 10];

static void put_rsp(const void *p, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		fake.s.rsp[(fake.s.rsp_prod + i) % HYP_XS_RING_SIZE] = ((const char *)p)[i];
	fake.s.rsp_prod += n;
}

static void test_hostile(uint32_t cport, uint32_t sport)
{
	static const char msg[] = "x";
	const void *parts[1] = { "data/test" };
	size_t lens[1] = { 10 };
	struct hyp_xs_msg_header h;
	int id, rc, result = 0;
	char body[100];

	report_prefix_push("hostile");
	console_live(false);        /* the console is a fake ring until the end */
	/* Nobody answers these rings: a short bound keeps the timeouts below quick. */
	report(hyp_xen_ring_waits(300) == HYP_XEN_RING_WAITS, "ring waits: default %u, now 300",
	       HYP_XEN_RING_WAITS);
	/* console: xenconsoled's out_cons 5000 past our out_prod */
	memset(&fake, 0, sizeof(fake));
	report_call(0, hyp_xen_pv_console_setup(&fake.c, cport));
	fake.c.out_cons = fake.c.out_prod - 5000u;
	report_call(HYP_EIO, hyp_xen_pv_console_write(msg, 1));
	fake.c.out_cons = 0;
	fake.c.in_prod = 3000;          /* more than the 1024-byte in ring */
	report_call(HYP_EIO, hyp_xen_pv_console_read(body, sizeof(body)));
	fake.c.in_prod = 0x80000000u;
	report_call(HYP_EIO, hyp_xen_pv_console_setup(&fake.c, cport));
	/* console full and never drained: bounded wait, the bytes that fit */
	memset(&fake, 0, sizeof(fake));
	report_call(0, hyp_xen_pv_console_setup(&fake.c, cport));
	report_call(0, hyp_xen_pv_console_write(msg, 0));
	report_call(HYP_XEN_CONS_OUT_SIZE, hyp_xen_pv_console_write(filler, sizeof(filler)));
	report_call(HYP_ETIMEDOUT, hyp_xen_pv_console_write(msg, 1));

	/* xenstore: a reply longer than asked, then a length past XENSTORE_PAYLOAD_MAX */
	memset(&fake, 0, sizeof(fake));
	report_call(0, hyp_xenstore_setup(&fake.s, sport));
	id = hyp_xenstore_send(HYP_XS_READ, 0, parts, lens, 1);
	report(id > 0 && fake.s.req_prod == 16 + 10, "request queued without waiting: id %d, %u bytes",
	       id, fake.s.req_prod);
	report_call(0, hyp_xenstore_poll((uint32_t)id, canary_buf, 16, &result));
	h = (struct hyp_xs_msg_header){ HYP_XS_READ, (uint32_t)id, 0, sizeof(body) };
	memset(body, 'v', sizeof(body));
	put_rsp(&h, sizeof(h));
	put_rsp(body, sizeof(body));
	memset(canary_buf, 0x5a, sizeof(canary_buf));
	rc = hyp_xenstore_poll((uint32_t)id, canary_buf, 16, &result);
	report(rc == 1 && result == HYP_E2BIG && canary_buf[15] == 'v' && canary_buf[16] == 0x5a &&
	       canary_buf[23] == 0x5a && fake.s.rsp_cons == fake.s.rsp_prod,
	       "100-byte reply to a 16-byte buffer: %d/%d, 16 bytes written, the rest consumed", rc, result);
	id = hyp_xenstore_send(HYP_XS_READ, 0, parts, lens, 1);
	h = (struct hyp_xs_msg_header){ HYP_XS_READ, (uint32_t)id, 0, 5000 };
	put_rsp(&h, sizeof(h));
	report_call(HYP_EIO, hyp_xenstore_poll((uint32_t)id, canary_buf, 16, &result));
	report_call(HYP_EIO, hyp_xenstore_read(0, "data/test", canary_buf, 16));
	/* rsp_prod far past the ring */
	memset(&fake, 0, sizeof(fake));
	report_call(0, hyp_xenstore_setup(&fake.s, sport));
	id = hyp_xenstore_send(HYP_XS_READ, 0, parts, lens, 1);
	fake.s.rsp_prod = 4096;
	report_call(HYP_EIO, hyp_xenstore_poll((uint32_t)id, canary_buf, 16, &result));
	/* a daemon that never answers: bounded */
	memset(&fake, 0, sizeof(fake));
	report_call(0, hyp_xenstore_setup(&fake.s, sport));
	report_call(HYP_ETIMEDOUT, hyp_xenstore_read(0, "data/test", canary_buf, 16));
	/* req_cons jumping: the request ring */
	memset(&fake, 0, sizeof(fake));
	report_call(0, hyp_xenstore_setup(&fake.s, sport));
	fake.s.req_cons = 2000;
	report_call(HYP_EIO, hyp_xenstore_send(HYP_XS_READ, 0, parts, lens, 1));
	report_call(300, hyp_xen_ring_waits(HYP_XEN_RING_WAITS));
	report_prefix_pop();
}

/*
 * dom0 misbehaves (helper.c): through grant 0 it moves the console ring's
 * indices that are not ours past the ring. Our write and read must answer
 * HYP_EIO at once, writing and consuming nothing; dom0 checks that too.
 */
static void test_dom0_scribble(uint32_t cport)
{
	volatile struct hyp_xen_cons_interface *c = cons_ring;
	uint32_t out_prod, in_cons;
	char in[16];
	int i;
	bool ok;

	report_prefix_push("dom0-scribble");
	for (i = 0; c->out_cons != c->out_prod && i < 100000; i++)     /* xenconsoled caught up */
		hyp_xen_sched_yield();
	console_live(false);        /* Arm: the lines wait in memory until the ring is back */
	out_prod = c->out_prod;
	in_cons = c->in_cons;
	report_call(0, hyp_xenstore_write(0, "data/scribble-go", "1"));
	ok = wait_key("scribbled");
	report(ok, "dom0's helper moved out_cons and in_prod past the ring");
	if (ok) {
		report_call(HYP_EIO, hyp_xen_pv_console_write("x", 1));
		report(c->out_prod == out_prod, "nothing written: out_prod %u, was %u", c->out_prod, out_prod);
		memset(in, 0x5a, sizeof(in));
		report_call(HYP_EIO, hyp_xen_pv_console_read(in, sizeof(in)));
		report(c->in_cons == in_cons && in[0] == 0x5a && in[15] == 0x5a,
		       "nothing consumed: in_cons %u, was %u; the buffer untouched", c->in_cons, in_cons);
	}
	report_call(0, hyp_xenstore_write(0, "data/scribble-seen", "1"));
	report(wait_key("restored"), "dom0's helper put the indices back");
	report_call(0, hyp_xen_pv_console_setup(cons_ring, cport));
	console_live(true);
	report_call(5, hyp_xen_pv_console_write("back\n", 5));
	report_prefix_pop();
}

void test_main(void)
{
	const struct hyp_info *info;

	guest_cmdline_get("shutdown", shutdown_how, sizeof(shutdown_how));
	guest_cmdline_get("checks", checks, sizeof(checks));
	guest_cmdline_get("mem", mem_text, sizeof(mem_text));
	report_call(HYP_ENOTINIT, hyp_xen_pv_console_write("x", 1));
#if defined(__aarch64__)
	{
		struct hyp_platform plat = { .fdt = guest_fdt(), .fdt_size = guest_fdt_size() };

		report_call(0, hyp_init(&plat));
	}
#else
	report_call(0, hyp_init(NULL));
	/* before the ring is set up (x86: by test_ring_params): console_io, which a domU may not use */
	report(!strcmp(hyp_service_path(HYP_SERVICE_CONSOLE_WRITE), "xen-console-io"),
	       "console path before the ring: %s", hyp_service_path(HYP_SERVICE_CONSOLE_WRITE));
#endif
	console_start();
	info = hyp_get_info();
	report(info && info->kind == HYP_KIND_XEN && !info->xen_pv, "detected Xen, not PV");
	if (strcmp(checks, "all"))
		return;
	test_start_info();
	test_ring_params();
	test_console();
	test_portable_console();
	test_store();
	test_watch();
	{
		uint32_t cport = 0, sport = 0;
		uint64_t cpfn = 0, spfn = 0;

		hyp_xen_console_ring_params(&cpfn, &cport);
		hyp_xen_store_ring_params(&spfn, &sport);
		test_grant_evtchn(cpfn, spfn);
		test_upcall();
		bench();
		test_hostile(cport, sport);
		/* back to the real rings: the last lines go through them */
		report_call(0, hyp_xen_pv_console_setup(cons_ring, cport));
		console_live(true);
		report_call(0, hyp_xenstore_setup(store_ring, sport));
		test_dom0_scribble(cport);
		report_call(0, hyp_xenstore_write(0, "data/end", "1"));
	}
}
