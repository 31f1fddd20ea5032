/* SPDX-License-Identifier: MIT */
/*
 * The VMware backdoor's register contract on the host: the port forms
 * (inl, rep outsb, rep insb) #GP in user mode, so a SIGSEGV handler plays
 * the backdoor; the vmcall/vmmcall forms trap as `ud2; c1|d9` (SIGILL).
 * It answers GETVERSION & co. and an RPC channel (with a checkpoint retry,
 * low- and high-bandwidth transfers), checks magic, port, channel, cookies
 * (ebp included), and poisons every register the ABI lets change that
 * carries no answer. argv[1]: port | vmcall | vmmcall | undeclared.
 * Closing line: "N passed, N failed".
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#include <hyp/hyp.h>

#include "abi_report.h"
#include "cpuid_script.h"

#ifdef __x86_64__
#define IP REG_RIP
#define RA REG_RAX
#define RB REG_RBX
#define RC REG_RCX
#define RD REG_RDX
#define RS REG_RSI
#define RDI_ REG_RDI
#define RBP_ REG_RBP
#else
#define IP REG_EIP
#define RA REG_EAX
#define RB REG_EBX
#define RC REG_ECX
#define RD REG_EDX
#define RS REG_ESI
#define RDI_ REG_EDI
#define RBP_ REG_EBP
#endif
#define POISON      0xdead5a5au
#define CHANNEL     3u
#define COOKIE_HI   0x1111aaaau
#define COOKIE_LO   0x2222bbbbu

enum form { LB, HB_OUT, HB_IN };

static struct {
	unsigned int traps, bad, wrong_form, hb_calls, cpt_left;
	unsigned int payload_calls;     /* RECVPAYLOAD answers given */
	int hb_offered;
	int unserved;                   /* MESSAGE answered as QEMU's vmport: eax ~0, ecx as sent */
	uint32_t huge_reply;            /* RECVSIZE claims this length (0: the real reply) */
	unsigned char want_insn;        /* 0: port; 0xc1 / 0xd9 */
	char msg[256], reply[256];
	size_t msg_len, msg_want, reply_len, reply_off;
} hv;
static struct cpuid_script script;

static uint32_t r32(greg_t *g, int r)
{
	return (uint32_t)g[r];
}

static void set32(greg_t *g, int r, uint32_t v)
{
	g[r] = (greg_t)v;
}

static void status(greg_t *g, int reg, unsigned int st)
{
	set32(g, reg, st << 16);
}

static bool channel_ok(greg_t *g)
{
	return (r32(g, RD) >> 16) == CHANNEL && r32(g, RS) == COOKIE_HI && r32(g, RDI_) == COOKIE_LO;
}

static void message(greg_t *g)
{
	unsigned int type = r32(g, RC) >> 16, hb = hv.hb_offered ? HYP_VMWARE_MSG_HB : 0;
	uint32_t bx = r32(g, RB);

	if (type != HYP_VMWARE_MSG_OPEN && !channel_ok(g)) {
		status(g, RC, 0);
		return;
	}
	switch (type) {
	case HYP_VMWARE_MSG_OPEN:
		if (bx != (HYP_VMWARE_RPCI_PROTOCOL | HYP_VMWARE_MSG_FLAG_COOKIE)) {
			status(g, RC, 0);
			return;
		}
		status(g, RC, HYP_VMWARE_MSG_SUCCESS);
		set32(g, RD, CHANNEL << 16);
		set32(g, RS, COOKIE_HI);
		set32(g, RDI_, COOKIE_LO);
		return;
	case HYP_VMWARE_MSG_SENDSIZE:
		if (hv.cpt_left) {          /* checkpointed once: the guest retries */
			hv.cpt_left--;
			status(g, RC, HYP_VMWARE_MSG_CPT);
			break;
		}
		hv.msg_want = bx;
		hv.msg_len = 0;
		status(g, RC, HYP_VMWARE_MSG_SUCCESS | hb);
		break;
	case HYP_VMWARE_MSG_SENDPAYLOAD:
		for (unsigned int i = 0; i < 4 && hv.msg_len < hv.msg_want; i++)
			hv.msg[hv.msg_len++] = (char)(bx >> (8 * i));
		status(g, RC, HYP_VMWARE_MSG_SUCCESS);
		break;
	case HYP_VMWARE_MSG_RECVSIZE:
		if (hv.huge_reply) {
			hv.reply_len = 0;
			hv.reply_off = 0;
			status(g, RC, HYP_VMWARE_MSG_SUCCESS | HYP_VMWARE_MSG_DORECV | hb);
			set32(g, RB, hv.huge_reply);
			goto poison;
		}
		if (hv.msg_len && hv.msg_len == hv.msg_want) {
			hv.reply_len = (size_t)snprintf(hv.reply, sizeof(hv.reply), "ok %.*s",
							(int)hv.msg_len, hv.msg);
			hv.reply_off = 0;
			hv.msg_len = 0;
			status(g, RC, HYP_VMWARE_MSG_SUCCESS | HYP_VMWARE_MSG_DORECV | hb);
			set32(g, RB, (uint32_t)hv.reply_len);
			goto poison;
		}
		status(g, RC, HYP_VMWARE_MSG_SUCCESS);
		break;
	case HYP_VMWARE_MSG_RECVPAYLOAD: {
		uint32_t w = 0;

		/* Safety valve for a library that would drain 2^30 words: fail after 100000. */
		if (++hv.payload_calls > 100000) {
			status(g, RC, 0);
			break;
		}

		for (unsigned int i = 0; i < 4 && hv.reply_off < hv.reply_len; i++)
			w |= (uint32_t)(unsigned char)hv.reply[hv.reply_off++] << (8 * i);
		set32(g, RB, w);
		status(g, RC, HYP_VMWARE_MSG_SUCCESS);
		goto poison;
	}
	case HYP_VMWARE_MSG_RECVSTATUS:
	case HYP_VMWARE_MSG_CLOSE:
		status(g, RC, HYP_VMWARE_MSG_SUCCESS);
		break;
	default:
		status(g, RC, 0);
		break;
	}
	set32(g, RB, POISON);
poison:
	set32(g, RD, POISON);
	set32(g, RS, POISON);
	set32(g, RDI_, POISON);
}

static void high_bandwidth(greg_t *g, enum form f)
{
	size_t n = r32(g, RC);

	hv.hb_calls++;
	if (r32(g, RB) != HYP_VMWARE_MSG_SUCCESS << 16 || (r32(g, RD) >> 16) != CHANNEL ||
	    r32(g, RBP_) != COOKIE_HI || !hv.hb_offered) {
		status(g, RB, 0);
		return;
	}
	if (f == HB_OUT && r32(g, RDI_) == COOKIE_LO && n == hv.msg_want && n <= sizeof(hv.msg)) {
		memcpy(hv.msg, (const void *)(uintptr_t)g[RS], n);
		hv.msg_len = n;
		g[RS] += (greg_t)n;
		status(g, RB, HYP_VMWARE_MSG_SUCCESS);
	} else if (f == HB_IN && r32(g, RS) == COOKIE_LO && n == hv.reply_len) {
		memcpy((void *)(uintptr_t)g[RDI_], hv.reply, n);
		g[RDI_] += (greg_t)n;
		status(g, RB, HYP_VMWARE_MSG_SUCCESS);
	} else {
		status(g, RB, 0);
	}
	set32(g, RC, 0);
}

static void backdoor(greg_t *g, enum form f)
{
	hv.traps++;
	if (r32(g, RA) != HYP_VMWARE_MAGIC) {
		set32(g, RA, HYP_VMWARE_UNKNOWN);
		return;
	}
	if (f != LB) {
		set32(g, RA, POISON);
		high_bandwidth(g, f);
		return;
	}
	switch (r32(g, RC) & 0xffff) {
	case HYP_VMWARE_CMD_GETVERSION:
		set32(g, RA, 6); set32(g, RB, HYP_VMWARE_MAGIC); set32(g, RC, 2);
		break;
	case HYP_VMWARE_CMD_GETHZ:
		set32(g, RA, 0x9abcdef0); set32(g, RB, 1); set32(g, RC, 66000000);
		break;
	case HYP_VMWARE_CMD_GETRAMSIZE:
		set32(g, RA, 0x8000000); set32(g, RB, POISON); set32(g, RC, POISON);
		break;
	case HYP_VMWARE_CMD_GETVCPU_INFO:
		set32(g, RA, HYP_VMWARE_VCPU_LEGACY_X2APIC); set32(g, RB, POISON); set32(g, RC, POISON);
		break;
	case HYP_VMWARE_CMD_GETTIME:
		set32(g, RA, 1700000000); set32(g, RB, 5); set32(g, RC, 100);
		break;
	case HYP_VMWARE_CMD_GETTIMEFULL:
		set32(g, RA, HYP_VMWARE_MAGIC); set32(g, RB, 6); set32(g, RC, 200);
		set32(g, RS, 1); set32(g, RD, 0x2345);
		return;
	case HYP_VMWARE_CMD_MESSAGE:
		if (hv.unserved) {
			set32(g, RA, HYP_VMWARE_UNKNOWN);
			return;
		}
		set32(g, RA, POISON);
		message(g);
		return;
	default:
		set32(g, RA, HYP_VMWARE_UNKNOWN);
		return;
	}
	set32(g, RD, POISON);
	set32(g, RS, POISON);
	set32(g, RDI_, POISON);
}

static void on_sigsegv(int sig, siginfo_t *si, void *ctx)
{
	greg_t *g = ((ucontext_t *)ctx)->uc_mcontext.gregs;
	const unsigned char *ip = (const unsigned char *)g[IP];
	uint16_t port = (uint16_t)g[RD];

	(void)sig;
	(void)si;
	if (hv.want_insn)
		hv.wrong_form++;
	if (ip[0] == 0xed && port == HYP_VMWARE_PORT) {
		backdoor(g, LB);
		g[IP] += 1;
	} else if (ip[0] == 0xf3 && (ip[1] == 0x6e || ip[1] == 0x6c) && port == HYP_VMWARE_PORT_HB) {
		backdoor(g, ip[1] == 0x6e ? HB_OUT : HB_IN);
		g[IP] += 2;
	} else {
		fprintf(stderr, "FAIL: SIGSEGV outside the backdoor at %p (%02x, port %x)\n",
			(const void *)ip, ip[0], port);
		exit(2);
	}
}

static void on_sigill(int sig, siginfo_t *si, void *ctx)
{
	greg_t *g = ((ucontext_t *)ctx)->uc_mcontext.gregs;
	const unsigned char *ip = (const unsigned char *)g[IP];
	uint32_t dx = r32(g, RD) & 0xffff;

	(void)sig;
	(void)si;
	if (ip[0] != 0x0f || ip[1] != 0x0b || (ip[2] != 0xc1 && ip[2] != 0xd9)) {
		hv.bad++;
		g[IP] += 2;
		return;
	}
	if (ip[2] != hv.want_insn)
		hv.wrong_form++;
	if (dx & HYP_VMWARE_HB)
		backdoor(g, (dx & HYP_VMWARE_OUT) ? HB_OUT : HB_IN);
	else
		backdoor(g, LB);
	g[IP] += 3;
}

static __attribute__((noinline)) unsigned long round_sum(unsigned long i)
{
	return i * 13 + (i ^ 0x3c) + (i << 2) + ~i + (i | 0x100) + i * 3 + (i ^ 0x77);
}

/* Seven values live across every call: a register the stub hid would corrupt one. */
static void live_values(void)
{
	unsigned long sum = 0, want = 0;
	unsigned int wrong = 0;

	for (unsigned long i = 1; i <= 200; i++) {
		unsigned long v0 = i * 13, v1 = i ^ 0x3c, v2 = i << 2, v3 = ~i, v4 = i | 0x100;
		unsigned long v5 = i * 3, v6 = i ^ 0x77;
		struct hyp_vmware_regs r = { .bx = v0, .cx = HYP_VMWARE_CMD_GETRAMSIZE, .dx = v1,
					     .si = v2, .di = v3 };

		if (hyp_vmware_call(&r) || r.ax != 0x8000000 || r.si != POISON || r.di != POISON)
			wrong++;
		sum += v0 + v1 + v2 + v3 + v4 + v5 + v6;
		want += round_sum(i);
	}
	check(!wrong && sum == want, "200 calls: seven values live across a poisoning backdoor");
}

/*
 * Hostile input: a backdoor that does not serve MESSAGE, a reply length no
 * buffer holds, a reply longer than a buffer that ends at a PROT_NONE page.
 */
static void hostile(const struct hyp_vmware_channel *ch)
{
	unsigned char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				   -1, 0);
	struct hyp_vmware_channel none = { 0 };
	char buf[16];
	int n;

	if (page == MAP_FAILED || mprotect(page + 4096, 4096, PROT_NONE)) {
		check(0, "a page and a guard page mapped");
		return;
	}
	check(hyp_vmware_rpc_send(ch, "abcdefgh", 8) == 0 &&
	      hyp_vmware_rpc_receive(ch, (char *)page + 4096 - 5, 5) == HYP_ENOSPC,
	      "reply of 11 bytes into 5 at a page's end: HYP_ENOSPC, nothing written past it");
	hv.huge_reply = 0xffffffffu;
	hv.payload_calls = 0;
	n = hyp_vmware_rpc_receive(ch, buf, sizeof(buf));
	check(n == HYP_E2BIG && hv.payload_calls == 0,
	      "reply length 0xffffffff: HYP_E2BIG, not drained (%s, %u payload calls)",
	      hyp_strerror(n), hv.payload_calls);
	hv.huge_reply = HYP_VMWARE_RPC_DRAIN_MAX;
	hv.payload_calls = 0;
	n = hyp_vmware_rpc_receive(ch, buf, sizeof(buf));
	check(n == HYP_ENOSPC && hv.payload_calls == HYP_VMWARE_RPC_DRAIN_MAX / 4,
	      "reply of HYP_VMWARE_RPC_DRAIN_MAX bytes: drained in %u calls, HYP_ENOSPC",
	      hv.payload_calls);
	hv.huge_reply = 0;
	hv.unserved = 1;
	check(hyp_vmware_rpc_open(&none) == HYP_EIO, "MESSAGE not served (eax ~0): open HYP_EIO");
	check(hyp_vmware_rpc_send(ch, "", 0) == HYP_EIO, "MESSAGE not served: send(\"\", 0) HYP_EIO");
	check(hyp_vmware_rpc_send(ch, "abcd", 4) == HYP_EIO, "MESSAGE not served: send(\"abcd\", 4) HYP_EIO");
	n = hyp_vmware_rpc_receive(ch, buf, sizeof(buf));
	check(n == HYP_EIO, "MESSAGE not served: receive HYP_EIO (%s)", hyp_strerror(n));
	check(hyp_vmware_rpc_close(ch) == HYP_EIO, "MESSAGE not served: close HYP_EIO");
	hv.unserved = 0;
	munmap(page, 8192);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "port";
	bool undeclared = !strcmp(mode, "undeclared");
	struct hyp_platform plat = { .ctx = &script, .cpuid = cpuid_script_fn };
	struct hyp_vmware_channel ch = { 0 };
	struct hyp_vmware_regs r = { .cx = HYP_VMWARE_CMD_GETVERSION };
	uint32_t v = 0, p = 0, bus = 0, usec = 0, lag = 0;
	uint64_t hz = 0, sec = 0;
	char reply[64];
	int n;

	abi_catch(SIGILL, on_sigill);
	abi_catch(SIGSEGV, on_sigsegv);

	check(hyp_vmware_call(&r) == HYP_ENOTINIT && hv.traps == 0, "before hyp_init: HYP_ENOTINIT, no access");
	if (!strcmp(mode, "port") || undeclared) {
		cpuid_script_cpu(&script, "AuthenticAMD", 1);
		cpuid_script_hv(&script, 0x40000000, 0x40000001, "TCGTCGTCGTCG");
		plat.x86_vmware_backdoor = !undeclared;
		hv.hb_offered = 1;
	} else {
		bool vmcall = !strcmp(mode, "vmcall");

		cpuid_script_cpu(&script, vmcall ? "GenuineIntel" : "AuthenticAMD", 1);
		cpuid_script_hv(&script, 0x40000000, 0x40000010, "VMwareVMware");
		cpuid_script_set(&script, 0x40000010, 2000000, 66000,
				 vmcall ? HYP_VMWARE_FEATURE_VMCALL : HYP_VMWARE_FEATURE_VMMCALL, 0);
		hv.want_insn = vmcall ? 0xc1 : 0xd9;
		hv.hb_offered = vmcall;
	}
	check(hyp_init(&plat) == HYP_OK, "hyp_init");
	if (undeclared) {
		check(!(hyp_get_info()->families & HYP_FAMILY_VMWARE) && !hyp_vmware_present() &&
		      hyp_vmware_call(&r) == HYP_ENOHYP && hyp_vmware_hb_out(&r, 0) == HYP_ENOHYP &&
		      hyp_vmware_get_version(&v, &p) == HYP_ENOHYP && hyp_vmware_rpc_open(&ch) == HYP_ENOHYP,
		      "no signature, not declared: HYP_ENOHYP");
		check(hv.traps == 0, "the port was never touched");
			return abi_summary();
	}
	check(hyp_vmware_present() && hv.traps == 1, "GETVERSION at hyp_init proved the backdoor");
	if (hv.want_insn)
		check(hyp_get_info()->vmware_tsc_khz == 2000000 && hyp_get_info()->vmware_bus_khz == 66000 &&
		      hyp_get_info()->vmware_conduit == (hv.want_insn == 0xc1 ? HYP_VMWARE_CONDUIT_VMCALL :
							HYP_VMWARE_CONDUIT_VMMCALL),
		      "CPUID 0x40000010: TSC/bus kHz, conduit");
	check(hyp_vmware_get_version(&v, &p) == 0 && v == 6 && p == 2, "get_version 6, product 2");
	check(hyp_vmware_get_hz(&hz, &bus) == 0 && hz == 0x19abcdef0ull && bus == 66000000,
	      "get_hz: ebx:eax, bus in ecx");
	check(hyp_vmware_get_ram_size(&v) == 0 && v == 0x8000000, "get_ram_size");
	check(hyp_vmware_get_vcpu_info(&v) == 0 && v == HYP_VMWARE_VCPU_LEGACY_X2APIC, "get_vcpu_info");
	check(hyp_vmware_get_time(&v, &usec, &lag) == 0 && v == 1700000000 && usec == 5 && lag == 100,
	      "get_time");
	check(hyp_vmware_get_time_full(&sec, &usec, &lag) == 0 && sec == 0x100002345ull && usec == 6 &&
	      lag == 200, "get_time_full: esi:edx seconds");
	r = (struct hyp_vmware_regs){ .cx = 0x99 };
	check(hyp_vmware_call(&r) == 0 && r.ax == HYP_VMWARE_UNKNOWN, "unknown command: eax ~0");
	live_values();

	hv.cpt_left = 1;
	check(hyp_vmware_rpc_open(&ch) == 0 && ch.id == CHANNEL && ch.cookie_high == COOKIE_HI &&
	      ch.cookie_low == COOKIE_LO, "RPC open: channel and cookie");
	check(hyp_vmware_rpc_receive(&ch, reply, sizeof(reply)) == 0, "RPC receive with nothing waiting: 0");
	check(hyp_vmware_rpc_send(&ch, "info-get guestinfo.x", 20) == 0 && hv.cpt_left == 0,
	      "RPC send (after one checkpoint retry)");
	n = hyp_vmware_rpc_receive(&ch, reply, sizeof(reply));
	check(n == 23 && !memcmp(reply, "ok info-get guestinfo.x", 23), "RPC receive: the reply");
	check(hyp_vmware_rpc_send(&ch, "abcdefgh", 8) == 0 &&
	      hyp_vmware_rpc_receive(&ch, reply, 5) == HYP_ENOSPC, "reply longer than the buffer: HYP_ENOSPC");
	check(hv.hb_offered ? hv.hb_calls == 3 : hv.hb_calls == 0,
	      hv.hb_offered ? "high-bandwidth transfers used where offered (ebp = cookie)"
			    : "low bandwidth only where HB is not offered");
	hostile(&ch);
	check(hyp_vmware_rpc_close(&ch) == 0, "RPC close");
	check(hv.wrong_form == 0 && hv.bad == 0, "every access used the detected conduit");
	return abi_summary();
}
