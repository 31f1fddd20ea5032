/* SPDX-License-Identifier: MIT */
/*
 * Hyper-V's register contract on the host: a SIGSEGV handler plays the MSRs
 * (rdmsr/wrmsr #GP in user mode) and writes a hypercall page of
 * `ud2; 0xd9; ret`; a SIGILL handler plays the hypercall (x86_64: control
 * rcx, input rdx, output r8, result rax; i386: control edx:eax, input
 * ebx:ecx, output edi:esi, result edx:eax), poisons every register the ABI
 * lets the page change (x86_64 rcx rdx r8-r11, i386 ecx) and flips the
 * arithmetic flags. Callers must see exactly the ABI.
 * Built for x86_64, i386, i386 -fPIC. Closing line: "N passed, N failed".
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

#define FLAGS_ARITH 0x8d5ul
#define POISON      0xdead5a5aul

struct seen {
	uint64_t control, in, out;
	unsigned int traps, msr_traps, bad;
};

static volatile struct seen seen;
static unsigned int hostile_calls;      /* calls to the hostile rep codes 0x7f02.. */
static struct cpuid_script script;
static uint64_t msr_os_id, msr_hypercall = 0x2, msr_tsc, time_ref = 1000;
static int ignore_hypercall_msr;
static int racing_disable;      /* the next answer: another CPU's disable closes the gate meanwhile */

#ifdef __x86_64__
#define IP REG_RIP
static uint64_t get_pair(greg_t *g, int hi, int lo) { (void)hi; return (uint64_t)g[lo]; }
#else
#define IP REG_EIP
static uint64_t get_pair(greg_t *g, int hi, int lo)
{
	return (uint64_t)(uint32_t)g[hi] << 32 | (uint32_t)g[lo];
}
#endif

static void on_sigsegv(int sig, siginfo_t *si, void *ctx)
{
	greg_t *g = ((ucontext_t *)ctx)->uc_mcontext.gregs;
	const unsigned char *ip = (const unsigned char *)g[IP];
#ifdef __x86_64__
	uint32_t msr = (uint32_t)g[REG_RCX];
	uint64_t value = (uint64_t)(uint32_t)g[REG_RDX] << 32 | (uint32_t)g[REG_RAX];
	const int ra = REG_RAX, rd = REG_RDX;
#else
	uint32_t msr = (uint32_t)g[REG_ECX];
	uint64_t value = (uint64_t)(uint32_t)g[REG_EDX] << 32 | (uint32_t)g[REG_EAX];
	const int ra = REG_EAX, rd = REG_EDX;
#endif

	(void)sig;
	(void)si;
	if (ip[0] != 0x0f || (ip[1] != 0x30 && ip[1] != 0x32)) {
		fprintf(stderr, "FAIL: SIGSEGV outside rdmsr/wrmsr at %p\n", (const void *)ip);
		exit(2);
	}
	seen.msr_traps++;
	if (ip[1] == 0x30) {            /* wrmsr */
		if (msr == HYP_HYPERV_MSR_GUEST_OS_ID) {
			msr_os_id = value;
			if (!value)
				msr_hypercall &= ~1ull;
		} else if (msr == HYP_HYPERV_MSR_HYPERCALL) {
			/* Before the guest OS id, or in the ignoring mode, the write is dropped (KVM). */
			if (msr_os_id && !ignore_hypercall_msr) {
				msr_hypercall = value;
				if (value & 1) {
					unsigned char *p = (unsigned char *)(uintptr_t)(value & ~0xfffull);
					memcpy(p, "\x0f\x0b\xd9\xc3", 4);
				}
			}
		} else if (msr == HYP_HYPERV_MSR_REFERENCE_TSC) {
			msr_tsc = value;
		}
	} else {                        /* rdmsr */
		uint64_t v = 0;

		if (msr == HYP_HYPERV_MSR_HYPERCALL)
			v = msr_hypercall;
		else if (msr == HYP_HYPERV_MSR_GUEST_OS_ID)
			v = msr_os_id;
		else if (msr == HYP_HYPERV_MSR_TIME_REF_COUNT)
			v = time_ref += 10;
		else if (msr == HYP_HYPERV_MSR_REFERENCE_TSC)
			v = msr_tsc;
		g[ra] = (greg_t)(uint32_t)v;
		g[rd] = (greg_t)(uint32_t)(v >> 32);
	}
	g[IP] += 2;
}

/* The hypervisor's answer to one call. */
static uint64_t answer(uint64_t control, uint64_t in)
{
	unsigned int code = control & 0xffff, reps = (control >> 32) & 0xfff;
	unsigned int start = (control >> 48) & 0xfff;

	if (racing_disable) {   /* hostile: an answer with the bits of HYP_ENOTINIT, the gate closed */
		racing_disable = 0;
		hyp_hyperv_gate = HYP_GATE_UNINIT;
		return (uint64_t)(int64_t)HYP_ENOTINIT;
	}
	switch (code) {
	case HYP_HYPERV_CALL_NOTIFY_LONG_SPIN_WAIT:
	case HYP_HYPERV_CALL_FLUSH_VIRTUAL_ADDRESS_SPACE:
	case HYP_HYPERV_CALL_SIGNAL_EVENT:
	case HYP_HYPERV_CALL_POST_MESSAGE:
		return 0;
	case HYP_HYPERV_CALL_FLUSH_VIRTUAL_ADDRESS_LIST: /* two reps per call: restarts */
		return (uint64_t)(start + 2 < reps ? start + 2 : reps) << 32;
	case 0x7f01:                                    /* fails after one rep */
		return (uint64_t)1 << 32 | HYP_HV_STATUS_INVALID_PARAMETER;
	case 0x7f02:            /* hostile: one rep after every 63 answers without progress */
		return (uint64_t)(start + (++hostile_calls % 64 == 0)) << 32;
	case 0x7f03:            /* hostile: more reps done than asked */
		hostile_calls++;
		return (uint64_t)(reps + 1) << 32;
	case 0x7f04:            /* hostile: the count goes back */
		hostile_calls++;
		return (uint64_t)(start ? start - 1 : 2) << 32;
	case 0x7f05:            /* hostile: reserved bits 63:60 set, the value of HYP_ENOTINIT */
		return (uint64_t)(int64_t)HYP_ENOTINIT;
	case 0x7ff0:                                    /* status from the input */
		return in & 0xffff;
	case 0x7ff1:                                    /* echo for the register checks */
		return 0;
	default:
		return HYP_HV_STATUS_INVALID_HYPERCALL_CODE;
	}
}

static void on_sigill(int sig, siginfo_t *si, void *ctx)
{
	greg_t *g = ((ucontext_t *)ctx)->uc_mcontext.gregs;
	const unsigned char *ip = (const unsigned char *)g[IP];
	uint64_t r;

	(void)sig;
	(void)si;
	if (ip[0] != 0x0f || ip[1] != 0x0b || ip[2] != 0xd9) {
		seen.bad++;
		g[IP] += 2;
		return;
	}
	seen.traps++;
#ifdef __x86_64__
	seen.control = get_pair(g, 0, REG_RCX);
	seen.in = get_pair(g, 0, REG_RDX);
	seen.out = get_pair(g, 0, REG_R8);
	r = answer(seen.control, seen.in);
	g[REG_RAX] = (greg_t)r;
	g[REG_RCX] = (greg_t)(POISON + 1);
	g[REG_RDX] = (greg_t)(POISON + 2);
	g[REG_R8] = (greg_t)(POISON + 3);
	g[REG_R9] = (greg_t)(POISON + 4);
	g[REG_R10] = (greg_t)(POISON + 5);
	g[REG_R11] = (greg_t)(POISON + 6);
#else
	seen.control = get_pair(g, REG_EDX, REG_EAX);
	seen.in = get_pair(g, REG_EBX, REG_ECX);
	seen.out = get_pair(g, REG_EDI, REG_ESI);
	r = answer(seen.control, seen.in);
	g[REG_EAX] = (greg_t)(uint32_t)r;
	g[REG_EDX] = (greg_t)(uint32_t)(r >> 32);
	g[REG_ECX] = (greg_t)POISON;
#endif
	g[REG_EFL] ^= FLAGS_ARITH;
	g[IP] += 3;
}

static unsigned char *exec_page(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static __attribute__((noinline)) unsigned long round_sum(unsigned long i)
{
	return i * 13 + (i ^ 0x3c) + (i << 2) + ~i + (i | 0x100) + i * 3 + (i ^ 0x77) + i * 5 +
	       (i << 5) + (i ^ 0xabc);
}

/* Ten values live across every call: a hidden clobber corrupts one of them. */
static void live_values(void)
{
	unsigned long sum = 0, want = 0;
	unsigned int wrong = 0;

	for (unsigned long i = 1; i <= 200; i++) {
		unsigned long v0 = i * 13, v1 = i ^ 0x3c, v2 = i << 2, v3 = ~i, v4 = i | 0x100;
		unsigned long v5 = i * 3, v6 = i ^ 0x77, v7 = i * 5, v8 = i << 5, v9 = i ^ 0xabc;
		int64_t r = hyp_hyperv_hypercall(0x7ff1 | (uint64_t)(i & 0xff) << 17, v0, v1);

		if (r < 0 || seen.in != v0 || seen.out != v1)
			wrong++;
		r = hyp_hyperv_fast_hypercall(0x7ff1, v2 ^ v3, v4 + v5);
		if (r < 0 || seen.in != (uint64_t)(v2 ^ v3) || seen.out != (uint64_t)(v4 + v5))
			wrong++;
		sum += v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9;
		want += round_sum(i);
	}
	check(!wrong && sum == want, "200 rounds: ten values live across poisoned calls");
}

/* Hostile input: what a hypervisor answers, and what a caller passes, checked. */
static void hostile(void)
{
	static unsigned char buf[2 * HYP_HYPERV_PAGE_SIZE] __attribute__((aligned(4096)));
	static const size_t sizes[] = { 4087, 4088, 4089, SIZE_MAX };
	unsigned int traps, done = 0;
	int ret;

	/* In 8 bytes into a page: 4088 bytes are left (the limit). */
	for (unsigned int i = 0; i < 4; i++) {
		bool fits = sizes[i] <= 4088;

		traps = seen.traps;
		ret = hyp_hyperv_call(0x7ff1, 0, 0, buf + 8, sizes[i], NULL, 0, NULL);
		check(fits ? ret == 0 && seen.traps == traps + 1 : ret == HYP_EINVAL && seen.traps == traps,
		      "input of %zu bytes at page offset 8 (limit 4088): %s", sizes[i],
		      fits ? "called" : "HYP_EINVAL, no call");
		traps = seen.traps;
		ret = hyp_hyperv_call(0x7ff1, 0, 0, NULL, 0, buf + 8, sizes[i], NULL);
		check(fits ? ret == 0 && seen.traps == traps + 1 : ret == HYP_EINVAL && seen.traps == traps,
		      "output of %zu bytes at page offset 8 (limit 4088): %s", sizes[i],
		      fits ? "called" : "HYP_EINVAL, no call");
	}
	hostile_calls = 0;
	ret = hyp_hyperv_call(0x7f02, HYP_HYPERV_CALL_REP_MAX, 0, NULL, 0, NULL, 0, &done);
	check(ret == HYP_EAGAIN && hostile_calls <= HYP_HYPERV_CALL_REP_MAX + 64 &&
	      done == hostile_calls / 64,
	      "rep call progressing one rep per 64 answers: HYP_EAGAIN after %u calls (bound reps + 64), "
	      "%u done", hostile_calls, done);
	hostile_calls = 0;
	ret = hyp_hyperv_call(0x7f03, 5, 0, NULL, 0, NULL, 0, &done);
	check(ret == HYP_EIO && done == 0 && hostile_calls == 1,
	      "rep count above the reps asked: HYP_EIO, not counted as done");
	hostile_calls = 0;
	ret = hyp_hyperv_call(0x7f04, 5, 0, NULL, 0, NULL, 0, &done);
	check(ret == HYP_EIO && done == 2 && hostile_calls == 2,
	      "rep count going back: HYP_EIO, done stays at the highest sane count");
	ret = hyp_hyperv_call(0x7f05, 0, 0, NULL, 0, NULL, 0, NULL);
	check(ret == HYP_EIO, "result with reserved bits set, equal to HYP_ENOTINIT: HYP_EIO, no library code "
	      "(got %s)", hyp_strerror(ret));
	ret = hyp_hyperv_call(0x7f05, 3, 0, NULL, 0, NULL, 0, &done);
	check(ret == HYP_EIO, "the same on a rep call: HYP_EIO (got %s)", hyp_strerror(ret));

	/* The gate closed by hyp_hyperv_disable() on another CPU while the call runs. */
	static const char *const racing[] = { "NotifyLongSpinWait", "SignalEvent", "hyp_hyperv_call",
					      "hyp_hyperv_call (rep)" };
	for (unsigned int i = 0; i < 4; i++) {
		traps = seen.traps;
		racing_disable = 1;
		ret = i == 0 ? hyp_hyperv_notify_long_spin_wait(7) :
		      i == 1 ? hyp_hyperv_signal_event(1, 0) :
		      hyp_hyperv_call(0x7ff1, i == 3 ? 3 : 0, 0, NULL, 0, NULL, 0, NULL);
		hyp_hyperv_gate = HYP_GATE_OPEN;
		check(ret == HYP_EIO && seen.traps == traps + 1,
		      "%s answered with the bits of HYP_ENOTINIT while the gate closed: HYP_EIO, "
		      "not a closed gate (got %s)", racing[i], hyp_strerror(ret));
	}
}

static uint64_t fake_tsc(void)
{
	return 1000;
}

/* The hypervisor updates the page between the reader's loads and its TSC read. */
static struct hyp_hyperv_tsc_page *updated_page;
static unsigned int updating_tsc_calls;

static uint64_t updating_tsc(void)
{
	if (updating_tsc_calls++ == 0) {
		updated_page->tsc_scale = 1ull << 62;
		updated_page->tsc_offset = 5;
		updated_page->tsc_sequence = 4;
	}
	return 1000;
}

int main(void)
{
	static struct hyp_hyperv_flush_list list __attribute__((aligned(4096)));
	static struct hyp_hyperv_tsc_page tsc __attribute__((aligned(4096)));
	struct hyp_platform plat = { .ctx = &script, .cpuid = cpuid_script_fn };
	unsigned char *page = exec_page();
	unsigned int traps, done = 0;
	uint64_t t = 0;
	int64_t raw;
	int ok;

	abi_catch(SIGILL, on_sigill);
	abi_catch(SIGSEGV, on_sigsegv);
	check(page != NULL, "an executable page below 4 GiB");
	if (page) {     /* hyperv.h: the fail-safe fill is ud2 over the whole page */
		hyp_hyperv_hypercall_page_fill(page);
		ok = 1;
		for (unsigned int i = 0; i < HYP_HYPERV_PAGE_SIZE; i += 2)
			ok &= page[i] == 0x0f && page[i + 1] == 0x0b;
		check(ok && !hyp_hyperv_hypercall_page_valid(page), "fail-safe fill: ud2 (0f 0b), not valid");
	}

	check(hyp_hyperv_hypercall(2, 0, 0) == HYP_ENOTINIT && seen.traps == 0,
	      "before hyp_init: HYP_ENOTINIT, no trap");
	cpuid_script_cpu(&script, "AuthenticAMD", 1);
	cpuid_script_hv(&script, 0x40000000, 0x40000005, "Microsoft Hv");
	cpuid_script_set(&script, 0x40000001, HYP_HYPERV_INTERFACE_SIGNATURE, 0, 0, 0);
	cpuid_script_set(&script, 0x40000003, 0x2ff, 0x30, 0, 0);
	cpuid_script_set(&script, 0x40000004, 0x4, 0xfff, 0, 0);
	cpuid_script_hv(&script, 0x40000100, 0x40000101, "KVMKVMKVM\0\0\0");
	check(hyp_init(&plat) == HYP_OK && (hyp_get_info()->families & HYP_FAMILY_HYPERV) &&
	      (hyp_get_info()->families & HYP_FAMILY_KVM) && hyp_get_info()->hyperv_privileges == 0x2ff &&
	      hyp_get_info()->hyperv_spin_retries == 0xfff, "Hyper-V and KVM detected");
	check(hyp_hyperv_hypercall(2, 0, 0) == HYP_ENOTINIT && hyp_hyperv_fast_hypercall(2, 0, 0) ==
	      HYP_ENOTINIT && seen.traps == 0, "before enable: HYP_ENOTINIT, no trap");

	ignore_hypercall_msr = 1;
	check(hyp_hyperv_enable(0x8100000000000000ull, page) == HYP_EIO && msr_os_id == 0 &&
	      hyp_kvm_gate == HYP_GATE_X86_VMMCALL && !hyp_hyperv_owns_vmcall() &&
	      hyp_hyperv_gate == HYP_GATE_UNINIT, "a page the hypervisor did not write: HYP_EIO, all undone");
	ignore_hypercall_msr = 0;
	check(hyp_hyperv_enable(0x8100000000000000ull, page) == HYP_OK && msr_os_id == 0x8100000000000000ull &&
	      (msr_hypercall & ~0xfffull) == (uint64_t)(uintptr_t)page && (msr_hypercall & 0x3) == 0x3,
	      "enabled: identity first, then page | enable with reserved bit 1 kept");
	traps = seen.traps;
	check(hyp_kvm_gate == HYP_GATE_ABSENT && hyp_kvm_hypercall0(1) == HYP_ENOHYP &&
	      hyp_kvm_vapic_poll_irq() == HYP_ENOHYP && seen.traps == traps && seen.bad == 0,
	      "KVM gate closed while Hyper-V owns vmmcall: HYP_ENOHYP, no trap");

	raw = hyp_hyperv_hypercall(0x7ff1 | 0x12345ull << 32, 0x1122334455667788ull, 0x99aabbccddeeff00ull);
	check(raw >= 0 && seen.control == (0x7ff1 | 0x12345ull << 32) && seen.in == 0x1122334455667788ull &&
	      seen.out == 0x99aabbccddeeff00ull, "slow call: control, input and output GPAs, all 64 bits");
	raw = hyp_hyperv_fast_hypercall(0x7ff1, 0xfedcba9876543210ull, 0x0123456789abcdefull);
	check(raw >= 0 && seen.control == (0x7ff1 | HYP_HYPERV_CALL_FAST) &&
	      seen.in == 0xfedcba9876543210ull && seen.out == 0x0123456789abcdefull,
	      "fast call: fast bit, two input words");
	traps = seen.traps;
	ok = hyp_hyperv_flush_virtual_address_list(&list, 5, &done);
	check(ok == 0 && done == 5 && seen.traps == traps + 3 &&
	      seen.control == (HYP_HYPERV_CALL_FLUSH_VIRTUAL_ADDRESS_LIST | 5ull << 32 | 4ull << 48) &&
	      seen.in == (uint64_t)(uintptr_t)&list, "rep call restarted from the reps completed (3 calls)");
	ok = hyp_hyperv_call(0x7f01, 4, 0, NULL, 0, NULL, 0, &done);
	check(ok == HYP_EINVAL && done == 1, "rep call failing after one rep: HYP_EINVAL, 1 done");
	check(hyp_hyperv_notify_long_spin_wait(7) == 0 &&
	      seen.control == (HYP_HYPERV_CALL_NOTIFY_LONG_SPIN_WAIT | HYP_HYPERV_CALL_FAST) && seen.in == 7,
	      "NotifyLongSpinWait: fast, count in the first input word");
	check(hyp_hyperv_signal_event(0x123456, 9) == 0 &&
	      seen.control == (HYP_HYPERV_CALL_SIGNAL_EVENT | HYP_HYPERV_CALL_FAST) &&
	      seen.in == (0x123456 | 9ull << 32), "SignalEvent: fast, connection id | flag << 32");
	{
		static const struct { unsigned int status; int err; } map[] = {
			{ 0, 0 }, { 2, HYP_ENOSYS }, { 3, HYP_EINVAL }, { 4, HYP_EINVAL }, { 5, HYP_EINVAL },
			{ 6, HYP_EPERM }, { 8, HYP_EPERM }, { 11, HYP_ENOMEM }, { 17, HYP_ENOENT },
			{ 18, HYP_ENOENT }, { 19, HYP_EAGAIN }, { 0x78, HYP_EIO }, { 0xffff, HYP_EIO },
		};
		unsigned int bad = 0;

		for (unsigned int i = 0; i < sizeof(map) / sizeof(map[0]); i++)
			if (hyp_hyperv_error(hyp_hyperv_fast_hypercall(0x7ff0, map[i].status, 0)) != map[i].err)
				bad++;
		check(bad == 0 && hyp_hyperv_error(HYP_ENOTINIT) == HYP_EIO,
		      "status codes mapped; a negative answer (bit 63) is HYP_EIO");
	}
	live_values();
	hostile();

	check(hyp_hyperv_time_ref_count(&t) == 0 && t == time_ref, "TIME_REF_COUNT read by rdmsr");
	check(hyp_hyperv_tsc_page_enable(&tsc) == 0 && msr_tsc == ((uint64_t)(uintptr_t)&tsc | 1),
	      "reference TSC MSR = GPA | enable");
	tsc.tsc_sequence = 0;
	check(!hyp_hyperv_tsc_page_read(&tsc, fake_tsc, &t), "sequence 0: not valid");
	tsc.tsc_sequence = 3;
	tsc.tsc_scale = 1ull << 63;
	tsc.tsc_offset = -10;
	check(hyp_hyperv_tsc_page_read(&tsc, fake_tsc, &t) && t == 490,
	      "time = ((tsc * scale) >> 64) + offset");
	updated_page = &tsc;
	check(hyp_hyperv_tsc_page_read(&tsc, updating_tsc, &t) && t == 255 && updating_tsc_calls == 2,
	      "sequence changed during the read: read again, with the new scale and offset");
	check(hyp_hyperv_mul64_hi(~0ull, ~0ull) == 0xfffffffffffffffeull &&
	      hyp_hyperv_mul64_hi(0x123456789abcdef0ull, 0xfedcba9876543210ull) == 0x121fa00ad77d7422ull,
	      "64x64 high word");

	check(hyp_hyperv_disable() == 0 && msr_os_id == 0 && !(msr_hypercall & 1) &&
	      hyp_kvm_gate == HYP_GATE_X86_VMMCALL && hyp_hyperv_hypercall(2, 0, 0) == HYP_ENOTINIT,
	      "disabled: identity 0, page off, KVM gate back");
	check(seen.bad == 0, "no SIGILL other than a hypercall");
	return abi_summary();
}
