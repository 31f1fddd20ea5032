/* SPDX-License-Identifier: MIT */
/*
 * The x86 Xen stubs' register contract, on the host. A SIGILL handler plays
 * Xen (docs/guest-guide/x86/hypercall-abi.rst): op in rax/eax; arguments rdi rsi rdx r10 r8 r9 (64-bit) or
 * ebx ecx edx esi edi (32-bit); result in rax/eax. Like a debug Xen it then
 * poisons every argument register, and flips the arithmetic flags: the C
 * callers must see exactly the ABI. Direct calls trap on the test
 * instruction (abi_trap_insn.h); page calls go through a page built here the
 * way Xen builds an HVM one (mov $op, %eax; <instruction>; ret). Test ops
 * 0x70 + n take n arguments (0x77: five); Xen poisons only the registers of
 * the arguments a hypercall takes (the same guide). A PV guest's
 * forced-emulation cpuid (ud2; "xen"; cpuid) is answered too, so the PV
 * detection and page path run as well.
 * Built for x86_64, i386 and i386 -fPIC; argv[1] = intel | amd | pv.
 * Closing line: "N passed, N failed".
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#include <hyp/hyp.h>

#include "abi_report.h"
#include "cpuid_script.h"

#ifdef __x86_64__
#define REG_IP  REG_RIP
#define REG_A   REG_RAX
#define NARGS   6
static const int arg_reg[NARGS] = { REG_RDI, REG_RSI, REG_RDX, REG_R10, REG_R8, REG_R9 };
static const char *const arg_name[NARGS] = { "rdi", "rsi", "rdx", "r10", "r8", "r9" };
#define POISON  ((greg_t)0xdeadbeefdeadbeefull)
#else
#define REG_IP  REG_EIP
#define REG_A   REG_EAX
#define NARGS   5
static const int arg_reg[NARGS] = { REG_EBX, REG_ECX, REG_EDX, REG_ESI, REG_EDI };
static const char *const arg_name[NARGS] = { "ebx", "ecx", "edx", "esi", "edi" };
#define POISON  ((greg_t)0xdeadbeef)
#endif
#define FLAGS_ARITH 0x8d5ul     /* CF PF AF ZF SF OF */

struct seen {
	unsigned long op, a[6];
	unsigned char insn;
	unsigned int traps, cpuids, bad;
};

static volatile struct seen seen;

/*
 * console_io write as a Xen that reports partial progress would answer it:
 * at most console_short bytes taken per call, the count returned (0 = all
 * taken, as Xen <= 4.17 answers; console_short > count: a nonsense count).
 */
static unsigned long console_short;
static char console_got[256];
static unsigned int console_len, console_calls;

static long console_write(unsigned long count, unsigned long buf)
{
	unsigned long n = console_short && console_short < count ? console_short : count;

	console_calls++;
	if (console_short > 200)
		return (long)count + 1;
	for (unsigned long i = 0; i < n && console_len < sizeof(console_got); i++)
		console_got[console_len++] = ((const char *)buf)[i];
	return console_short ? (long)n : 0;
}
static struct cpuid_script script;

/* What Xen writes back for GNTTABOP_query_size / get_version: hostile on demand. */
static struct hyp_xen_gnttab_query_size grant_size;
static uint32_t grant_version;

static long grant_table_op(unsigned long cmd, unsigned long arg, unsigned long count)
{
	if (count != 1)
		return -HYP_XEN_EINVAL;
	if (cmd == HYP_XEN_GNTTABOP_query_size) {
		struct hyp_xen_gnttab_query_size *q = (void *)arg;

		q->nr_frames = grant_size.nr_frames;
		q->max_nr_frames = grant_size.max_nr_frames;
		q->status = grant_size.status;
		return 0;
	}
	if (cmd == HYP_XEN_GNTTABOP_get_version) {
		((struct hyp_xen_gnttab_get_version *)(void *)arg)->version = grant_version;
		return 0;
	}
	return -HYP_XEN_ENOSYS;
}

/* A result the caller can only get through rax: a function of every input register. */
static long mix(unsigned long op, const unsigned long *a)
{
	return (long)(op + a[0] + 2 * a[1] + 3 * a[2] + 5 * a[3] + 7 * a[4] + 11 * a[5]);
}

/* How many argument registers Xen may poison for `op`. */
static int arity(unsigned long op)
{
	if (op >= 0x70 && op <= 0x76)
		return (int)(op - 0x70);
	if (op == 0x77)
		return 5;
	if (op == HYP_XEN_HYPERCALL_xen_version)
		return 2;
	if (op == HYP_XEN_HYPERCALL_console_io || op == HYP_XEN_HYPERCALL_grant_table_op)
		return 3;
	return 0;           /* unknown: Xen answers -ENOSYS and touches nothing */
}

static void on_sigill(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	greg_t *g = uc->uc_mcontext.gregs;
	const unsigned char *ip = (const unsigned char *)g[REG_IP];
	unsigned long a[6] = { 0 };
	uint32_t regs[4];

	(void)sig;
	(void)si;
	if (ip[0] == 0x0f && ip[1] == 0x0b && !memcmp(ip + 2, "xen", 3) && ip[5] == 0x0f &&
	    ip[6] == 0xa2) {
		/* Forced-emulation cpuid: only Xen's PV guests may use it. */
		seen.cpuids++;
		cpuid_script_fn(&script, (uint32_t)g[REG_A], 0, regs);
		g[REG_A] = regs[0];
#ifdef __x86_64__
		g[REG_RBX] = regs[1], g[REG_RCX] = regs[2], g[REG_RDX] = regs[3];
#else
		g[REG_EBX] = regs[1], g[REG_ECX] = regs[2], g[REG_EDX] = regs[3];
#endif
		g[REG_IP] += 7;
		return;
	}
	if (ip[0] != 0x0f || ip[1] != 0x0b || (ip[2] != 0xc1 && ip[2] != 0xd9)) {
		seen.bad++;
		g[REG_IP] += 2;
		return;
	}
	seen.traps++;
	seen.insn = ip[2];
	seen.op = (unsigned long)g[REG_A];
	for (int i = 0; i < NARGS; i++) {
		a[i] = (unsigned long)g[arg_reg[i]];
		seen.a[i] = a[i];
		if (i < arity(seen.op))
			g[arg_reg[i]] = POISON;
	}
	if (seen.op == HYP_XEN_HYPERCALL_console_io && a[0] == HYP_XEN_CONSOLEIO_write)
		g[REG_A] = (greg_t)console_write(a[1], a[2]);
	else if (seen.op == HYP_XEN_HYPERCALL_xen_version && a[0] == HYP_XEN_XENVER_version)
		g[REG_A] = 0x40011;
	else if (seen.op == HYP_XEN_HYPERCALL_grant_table_op)
		g[REG_A] = (greg_t)grant_table_op(a[0], a[1], a[2]);
	else if (seen.op >= 0x70)
		g[REG_A] = (greg_t)mix(seen.op, a);
	else
		g[REG_A] = -HYP_XEN_ENOSYS;
	g[REG_EFL] ^= FLAGS_ARITH;
	g[REG_IP] += 3;
}

/* What an HVM Xen writes (with the test instruction): mov $op, %eax; insn; ret. */
static unsigned char *build_page(unsigned char last)
{
	unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	memset(p, 0xcc, 4096);
	for (uint32_t op = 0; op < 128; op++) {
		unsigned char *s = p + op * 32;

		if (op == HYP_XEN_HYPERCALL_iret) {
			s[0] = 0x0f, s[1] = 0x0b;
			continue;
		}
		s[0] = 0xb8;
		memcpy(s + 1, &op, 4);
		s[5] = 0x0f, s[6] = 0x0b, s[7] = last, s[8] = 0xc3;
	}
	return p;
}

static int args_are(unsigned long op, int n, const unsigned long *want)
{
	if (seen.op != op)
		return 0;
	for (int i = 0; i < n; i++)
		if (seen.a[i] != want[i])
			return 0;
	return 1;
}

/* The result came from rax: Xen computed it from exactly what it saw. */
static int answered(long r)
{
	unsigned long a[6];

	for (int i = 0; i < 6; i++)
		a[i] = seen.a[i];
	return r == mix(seen.op, a);
}

/* Every arity of the raw calls: op and each argument in its register, the result from rax. */
static void raw_calls(const char *mode, unsigned char insn)
{
	static const unsigned long v[6] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66 };
	long r;

	r = hyp_xen_hypercall0(0x70);
	check(args_are(0x70, 0, v) && answered(r) && seen.insn == insn, "%s: hypercall0: op in rax/eax", mode);
	r = hyp_xen_hypercall1(0x71, v[0]);
	check(args_are(0x71, 1, v) && answered(r) && seen.insn == insn, "%s: hypercall1", mode);
	r = hyp_xen_hypercall2(0x72, v[0], v[1]);
	check(args_are(0x72, 2, v) && answered(r) && seen.insn == insn, "%s: hypercall2", mode);
	r = hyp_xen_hypercall3(0x73, v[0], v[1], v[2]);
	check(args_are(0x73, 3, v) && answered(r) && seen.insn == insn, "%s: hypercall3", mode);
	r = hyp_xen_hypercall4(0x74, v[0], v[1], v[2], v[3]);
	check(args_are(0x74, 4, v) && answered(r) && seen.insn == insn, "%s: hypercall4", mode);
	r = hyp_xen_hypercall5(0x75, v[0], v[1], v[2], v[3], v[4]);
	check(args_are(0x75, 5, v) && answered(r) && seen.insn == insn, "%s: hypercall5", mode);
#ifdef __x86_64__
	r = hyp_xen_hypercall6(0x76, v[0], v[1], v[2], v[3], v[4], v[5]);
	check(args_are(0x76, 6, v) && answered(r) && seen.insn == insn, "%s: hypercall6 (r9)", mode);
#endif
	for (int i = 0; i < NARGS; i++)
		check(seen.a[i] == v[i], "argument in %s as the ABI says", arg_name[i]);
	check(hyp_xen_version() == 0x40011 && seen.insn == insn, "%s: typed xen_version through the stub", mode);
	check(hyp_xen_sched_yield() == HYP_ENOSYS && seen.op == HYP_XEN_HYPERCALL_sched_op &&
	      seen.a[0] == HYP_XEN_SCHEDOP_yield && seen.a[1] == 0 && seen.insn == insn,
	      "%s: typed sched_yield: sched_op, SCHEDOP_yield, -ENOSYS mapped", mode);
	check(hyp_xen_sched_block() == HYP_ENOSYS && seen.op == HYP_XEN_HYPERCALL_sched_op &&
	      seen.a[0] == HYP_XEN_SCHEDOP_block && seen.a[1] == 0 && seen.insn == insn,
	      "%s: typed sched_block: sched_op, SCHEDOP_block, -ENOSYS mapped", mode);
	check(hyp_xen_error(hyp_xen_hypercall2(47, 0, 0)) == HYP_ENOSYS, "%s: -ENOSYS mapped", mode);
}

/* Every typed call without a buffer through a closed gate: its code, nothing executed. */
static void typed_closed(const char *what, int want)
{
	unsigned int traps = seen.traps;

	check(hyp_xen_version() == want && hyp_xen_sched_yield() == want &&
	      hyp_xen_sched_block() == want && seen.traps == traps,
	      want == HYP_ENOTINIT ? "%s: typed calls before hyp_init or the PV page: HYP_ENOTINIT, no trap"
				   : "%s: typed calls with no page: HYP_ENOHYP, no trap", what);
}

/* console_io write: every partial count continues where Xen stopped. */
/* The grant table's sizes and version as Xen answers them: only sane ones are taken. */
static void grant_answers(const char *mode)
{
	static const struct { uint32_t nr, max; int16_t status; int want; } sizes[] = {
		{ 1, 32, 0, HYP_OK },
		{ 0, 0, 0, HYP_EIO },           /* a table that can hold no frame */
		{ 5, 4, 0, HYP_EIO },           /* more frames in use than the maximum */
		{ 1, 32, -1, HYP_EIO },         /* GNTST_general_error in status */
	};
	uint32_t nr = 77, max = 77;

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		int rc;

		grant_size.nr_frames = sizes[i].nr;
		grant_size.max_nr_frames = sizes[i].max;
		grant_size.status = sizes[i].status;
		nr = max = 77;
		rc = hyp_xen_grant_query_size(&nr, &max);
		check(rc == sizes[i].want && (rc ? nr == 77 && max == 77 : nr == sizes[i].nr &&
		      max == sizes[i].max), "%s: grant query_size answered %u of %u, status %d: %d "
		      "(out %u of %u)", mode, sizes[i].nr, sizes[i].max, sizes[i].status, rc, nr, max);
	}
	for (uint32_t v = 0; v <= 3; v++) {
		int want = v == 1 || v == 2 ? (int)v : HYP_EIO;

		grant_version = v;
		check(hyp_xen_grant_get_version() == want, "%s: grant version answered %u: %d", mode, v,
		      want);
	}
}

static void console_partial(const char *mode)
{
	static const char text[] = "partial progress: every byte once, in order";
	const int len = (int)sizeof(text) - 1;
	int rc;

	console_short = 0;
	console_len = console_calls = 0;
	rc = hyp_xen_console_write(text, (size_t)len);
	check(rc == len && console_len == (unsigned int)len && console_calls == 1 &&
	      !memcmp(console_got, text, (size_t)len), "%s: console write, Xen answers 0 (all taken)", mode);
	for (unsigned long step = 1; step <= 7; step += 3) {
		console_short = step;
		console_len = console_calls = 0;
		rc = hyp_xen_console_write(text, (size_t)len);
		check(rc == len && console_len == (unsigned int)len &&
		      console_calls == (len + step - 1) / step && !memcmp(console_got, text, (size_t)len),
		      "%s: console write, Xen takes a few bytes per call: the rest is retried", mode);
	}
	console_short = 1000;
	console_calls = 0;
	check(hyp_xen_console_write(text, (size_t)len) == HYP_EIO && console_calls == 1,
	      "%s: console write, a count beyond the piece: HYP_EIO", mode);
}

/* The five arguments of round i, summed; out of line so its values are not shared. */
static __attribute__((noinline)) unsigned long round_sum(unsigned long i)
{
	return i + (i ^ 0x55) + i * 7 + ~i + (i << 3);
}

/* Values live across calls in the argument registers: Xen's poison must not reach them. */
static void live_values(const char *mode)
{
	unsigned long sum = 0, want = 0;
	unsigned int wrong = 0;

	for (unsigned long i = 1; i <= 200; i++) {
		unsigned long a0 = i, a1 = i ^ 0x55, a2 = i * 7, a3 = ~i, a4 = i << 3;
		long r = hyp_xen_hypercall5(0x77, a0, a1, a2, a3, a4);

		if (!answered(r) || seen.a[0] != a0 || seen.a[4] != a4)
			wrong++;
		/* The same values again: a stub that hid a clobber would not reload them. */
		r = hyp_xen_hypercall5(0x77, a0, a1, a2, a3, a4);
		if (!answered(r) || seen.a[0] != a0 || seen.a[1] != a1 || seen.a[2] != a2 ||
		    seen.a[3] != a3 || seen.a[4] != a4)
			wrong++;
		sum += a0 + a1 + a2 + a3 + a4;     /* read after Xen poisoned their registers */
		want += round_sum(i);
	}
	check(!wrong && sum == want, "%s: 200 calls, arguments live across poisoned registers", mode);
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "intel";
	int amd = !strcmp(what, "amd"), pv = !strcmp(what, "pv");
	unsigned char insn = amd ? 0xd9 : 0xc1;
	static char start_info[64] = HYP_XEN_START_INFO_MAGIC_X86_64;
	struct hyp_platform plat = { .ctx = &script, .cpuid = cpuid_script_fn };
	unsigned char *page = build_page(insn);
	unsigned int traps;

	abi_catch(SIGILL, on_sigill);
	check(page != NULL, "%s: an executable page", what);

	check(hyp_xen_hypercall2(0x70, 1, 2) == HYP_ENOTINIT && seen.traps == 0,
	      "%s: before hyp_init: HYP_ENOTINIT, no trap", what);
#ifdef __x86_64__
	check(hyp_xen_hypercall6(0x76, 1, 2, 3, 4, 5, 6) == HYP_ENOTINIT && seen.traps == 0,
	      "%s: hypercall6 before hyp_init: HYP_ENOTINIT, no trap", what);
#endif
	typed_closed(what, HYP_ENOTINIT);
	cpuid_script_cpu(&script, amd ? "AuthenticAMD" : "GenuineIntel", !pv);
	cpuid_script_hv(&script, 0x40000000, 0x40000005, "XenVMMXenVMM");
	cpuid_script_set(&script, 0x40000001, 0x40011, 0, 0, 0);
	cpuid_script_set(&script, 0x40000002, 1, 0x40000000, 0, 0);

	if (pv) {
#ifdef __x86_64__
		plat = (struct hyp_platform){ .xen_pv_start_info = start_info };
#else
		memcpy(start_info, HYP_XEN_START_INFO_MAGIC_X86_32, sizeof(HYP_XEN_START_INFO_MAGIC_X86_32));
		plat = (struct hyp_platform){ .xen_pv_start_info = start_info };
#endif
		check(hyp_init(&plat) == HYP_OK && hyp_get_info()->xen_pv &&
		      hyp_get_info()->kind == HYP_KIND_XEN && seen.cpuids > 0,
		      "%s: detected through start_info and the forced-emulation cpuid", what);
		check(hyp_xen_hypercall2(0x70, 1, 2) == HYP_ENOTINIT && seen.traps == 0,
		      "%s: PV, no page yet: HYP_ENOTINIT (not ready, not absent), no trap", what);
		typed_closed(what, HYP_ENOTINIT);
		hyp_xen_hypercall_page_fill(page);
		check(hyp_xen_set_hypercall_page(page) == HYP_EIO && hyp_xen_mode() == HYP_XEN_MODE_NONE,
		      "%s: a page Xen did not write is refused", what);
		munmap(page, 4096);
		page = build_page(insn);
		check(hyp_xen_set_hypercall_page(page) == HYP_OK && hyp_xen_mode() == HYP_XEN_MODE_PAGE,
		      "%s: Xen's page accepted", what);
		raw_calls("pv page", insn);
		live_values("pv page");
	} else {
		check(hyp_init(&plat) == HYP_OK && (hyp_get_info()->families & HYP_FAMILY_XEN) &&
		      hyp_get_info()->x86_xen_hypercall_msr == 0x40000000,
		      "%s: Xen detected, MSR from leaf base+2", what);
		check(hyp_xen_mode() == (amd ? HYP_XEN_MODE_VMMCALL : HYP_XEN_MODE_VMCALL),
		      "%s: direct mode by vendor", what);
		raw_calls("direct", insn);
		live_values("direct");
		console_partial("direct");
		grant_answers("direct");
		/* Page mode without the privileged MSR write: what set_hypercall_page ends with. */
		hyp_xen_call_page = page;
		__atomic_store_n(&hyp_xen_gate, HYP_GATE_XEN_PAGE, __ATOMIC_RELEASE);
		raw_calls("page", insn);
		live_values("page");
	}
	traps = seen.traps;
	check(hyp_xen_hypercall1(HYP_XEN_HYPERCALL_iret, 0) == HYP_EINVAL && seen.traps == traps,
	      "%s: iret refused, no trap", what);
	check(hyp_xen_hypercall1(128, 0) == HYP_ENOSYS && seen.traps == traps,
	      "%s: op 128 refused, no trap", what);
	check(seen.bad == 0, "%s: no SIGILL other than a hypercall", what);
	return abi_summary();
}
