/* SPDX-License-Identifier: MIT */
/*
 * The x86 KVM stubs' register contract, on the host: a SIGILL handler plays
 * KVM (nr rax; a0-a3 rbx rcx rdx rsi; result rax), changes the arithmetic
 * flags as the ABI allows, and the C callers must see exactly the ABI.
 * Built for x86_64, i386 and i386 -fPIC; argv[1] = intel | amd.
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
#include "hostile_harness.h"

#ifdef __x86_64__
#define REG_IP  REG_RIP
#define REG_A   REG_RAX
#define REG_B   REG_RBX
#define REG_C   REG_RCX
#define REG_D   REG_RDX
#define REG_SI  REG_RSI
#else
#define REG_IP  REG_EIP
#define REG_A   REG_EAX
#define REG_B   REG_EBX
#define REG_C   REG_ECX
#define REG_D   REG_EDX
#define REG_SI  REG_ESI
#endif
#define FLAGS_ARITH 0x8d5ul     /* CF PF AF ZF SF OF */
#define PAIRING_TSC 0x1234567ul

struct seen {
	unsigned long nr, a0, a1, a2, a3;
	unsigned char insn;
	unsigned int traps;
	unsigned int bad;
};

static volatile struct seen seen;
static volatile int forcing;            /* answer `forced` to every call, whatever its number */
static volatile long forced;

/* A result the caller can only get through rax: a function of every input register. */
static long mix(unsigned long nr, unsigned long a0, unsigned long a1, unsigned long a2,
		unsigned long a3)
{
	return (long)(nr + a0 + 2 * a1 + 3 * a2 + 5 * a3);
}

static void on_sigill(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	greg_t *g = uc->uc_mcontext.gregs;
	const unsigned char *ip = (const unsigned char *)g[REG_IP];
	unsigned long nr = (unsigned long)g[REG_A];
	long ret;

	(void)sig;
	(void)si;
	if (ip[0] != 0x0f || ip[1] != 0x0b || (ip[2] != 0xc1 && ip[2] != 0xd9)) {
		seen.bad++;
		g[REG_IP] += 2;
		return;
	}
	seen.traps++;
	seen.insn = ip[2];
	seen.nr = nr;
	seen.a0 = (unsigned long)g[REG_B];
	seen.a1 = (unsigned long)g[REG_C];
	seen.a2 = (unsigned long)g[REG_D];
	seen.a3 = (unsigned long)g[REG_SI];
	if (forcing)
		nr = ~0ul;
	switch (nr) {
	case HYP_KVM_HC_VAPIC_POLL_IRQ:
	case HYP_KVM_HC_KICK_CPU:
	case HYP_KVM_HC_SCHED_YIELD:
	case HYP_KVM_HC_MAP_GPA_RANGE:
		ret = 0;
		break;
	case HYP_KVM_HC_CLOCK_PAIRING:
		if (seen.a1 != HYP_KVM_CLOCK_PAIRING_WALLCLOCK) {
			ret = -HYP_KVM_EOPNOTSUPP;
			break;
		}
		{       /* the whole struct at the GPA, as kvm_write_guest does, page or not */
			struct hyp_kvm_clock_pairing_args p = { .sec = 1, .nsec = 2, .tsc = PAIRING_TSC };

			memcpy((void *)seen.a0, &p, sizeof(p));
		}
		ret = 0;
		break;
	case HYP_KVM_HC_SEND_IPI:
		ret = 2;
		break;
	case ~0ul:
		ret = forced;
		break;
	default:
		ret = nr >= 0x7000 ? mix(nr, seen.a0, seen.a1, seen.a2, seen.a3) : -HYP_KVM_ENOSYS;
		break;
	}
	g[REG_A] = (greg_t)ret;
	g[REG_EFL] ^= FLAGS_ARITH;
	g[REG_IP] += 3;
}

static int args_are(unsigned long nr, unsigned int n, unsigned long a0, unsigned long a1,
		    unsigned long a2, unsigned long a3)
{
	return seen.nr == nr && (n < 1 || seen.a0 == a0) && (n < 2 || seen.a1 == a1) &&
	       (n < 3 || seen.a2 == a2) && (n < 4 || seen.a3 == a3);
}

static void raw_dispatch(unsigned char insn)
{
	check(hyp_kvm_hypercall0(0x7000) == mix(0x7000, seen.a0, seen.a1, seen.a2, seen.a3) &&
	      seen.insn == insn, "hypercall0: nr in rax, result from rax");
	check(hyp_kvm_hypercall1(0x7001, 11) == mix(0x7001, 11, seen.a1, seen.a2, seen.a3) &&
	      args_are(0x7001, 1, 11, 0, 0, 0) && seen.insn == insn, "hypercall1: a0 in rbx");
	check(hyp_kvm_hypercall2(0x7002, 21, 22) == mix(0x7002, 21, 22, seen.a2, seen.a3) &&
	      args_are(0x7002, 2, 21, 22, 0, 0) && seen.insn == insn, "hypercall2: a1 in rcx");
	check(hyp_kvm_hypercall3(0x7003, 31, 32, 33) == mix(0x7003, 31, 32, 33, seen.a3) &&
	      args_are(0x7003, 3, 31, 32, 33, 0) && seen.insn == insn, "hypercall3: a2 in rdx");
	check(hyp_kvm_hypercall4(0x7004, 41, 42, 43, 44) == mix(0x7004, 41, 42, 43, 44) &&
	      args_are(0x7004, 4, 41, 42, 43, 44) && seen.insn == insn, "hypercall4: a3 in rsi");
}

static void explicit_instructions(void)
{
	check(hyp_kvm_vmcall4(0x7104, 1, 2, 3, 4) == mix(0x7104, 1, 2, 3, 4) && seen.insn == 0xc1,
	      "hyp_kvm_vmcall4 issues vmcall");
	check(hyp_kvm_vmmcall4(0x7204, 1, 2, 3, 4) == mix(0x7204, 1, 2, 3, 4) && seen.insn == 0xd9,
	      "hyp_kvm_vmmcall4 issues vmmcall");
	check(hyp_kvm_vmcall0(0x7100) == mix(0x7100, seen.a0, seen.a1, seen.a2, seen.a3) &&
	      hyp_kvm_vmmcall1(0x7201, 9) == mix(0x7201, 9, seen.a1, seen.a2, seen.a3) &&
	      hyp_kvm_vmcall2(0x7102, 5, 6) == mix(0x7102, 5, 6, seen.a2, seen.a3) &&
	      hyp_kvm_vmmcall3(0x7203, 7, 8, 9) == mix(0x7203, 7, 8, 9, seen.a3),
	      "explicit stubs of every arity");
}

static void typed_wrappers(unsigned char insn)
{
	/* Aligned to its size: on the stack it could straddle a page and be refused. */
	static struct hyp_kvm_clock_pairing_args pairing __attribute__((aligned(64)));
	unsigned int traps;

	check(hyp_kvm_vapic_poll_irq() == 0 && args_are(HYP_KVM_HC_VAPIC_POLL_IRQ, 0, 0, 0, 0, 0) &&
	      seen.insn == insn, "vapic_poll_irq: nr 1");
	check(hyp_kvm_kick_cpu(7) == 0 && args_are(HYP_KVM_HC_KICK_CPU, 2, 0, 7, 0, 0),
	      "kick_cpu: nr 5, a0 flags 0, a1 APIC ID");
	check(hyp_kvm_clock_pairing(&pairing, 0) == 0 &&
	      args_are(HYP_KVM_HC_CLOCK_PAIRING, 2, (unsigned long)&pairing, 0, 0, 0) &&
	      pairing.tsc == PAIRING_TSC, "clock_pairing: nr 9, a0 address, a1 type, struct written");
	check(hyp_kvm_clock_pairing(&pairing, 1) == HYP_EOPNOTSUPP,
	      "clock_pairing: -KVM_EOPNOTSUPP mapped to HYP_EOPNOTSUPP");
	traps = seen.traps;
	check(hyp_kvm_clock_pairing(NULL, 0) == HYP_EINVAL && seen.traps == traps,
	      "clock_pairing(NULL): HYP_EINVAL, no trap");
	check(hyp_kvm_send_ipi(0x5, 0x9, 3, 0x4f2) == 2 &&
	      args_are(HYP_KVM_HC_SEND_IPI, 4, 0x5, 0x9, 3, 0x4f2), "send_ipi: nr 10, four args");
	check(hyp_kvm_sched_yield(4) == 0 && args_are(HYP_KVM_HC_SCHED_YIELD, 1, 4, 0, 0, 0),
	      "sched_yield: nr 11, a0 APIC ID");
	check(hyp_kvm_map_gpa_range(0x3000, 2, HYP_KVM_MAP_GPA_RANGE_ENCRYPTED) == 0 &&
	      args_are(HYP_KVM_HC_MAP_GPA_RANGE, 3, 0x3000, 2, HYP_KVM_MAP_GPA_RANGE_ENCRYPTED, 0),
	      "map_gpa_range: nr 12, three args");
#ifdef __i386__
	traps = seen.traps;
	check(hyp_kvm_map_gpa_range(1ull << 32, 1, 0) == HYP_EINVAL && seen.traps == traps,
	      "map_gpa_range above 4 GiB on i386: HYP_EINVAL, no trap");
	check(hyp_kvm_map_gpa_range(0x3000, 1ull << 32, 0) == HYP_EINVAL &&
	      hyp_kvm_map_gpa_range(0x3000, 1, 1ull << 63) == HYP_EINVAL && seen.traps == traps,
	      "map_gpa_range npages or attrs beyond 32 bits on i386: HYP_EINVAL, no trap");
	check(hyp_kvm_map_gpa_range(0xfffff000ull, 0xffffffffull, 0xffffffffull) == 0 &&
	      args_are(HYP_KVM_HC_MAP_GPA_RANGE, 3, 0xfffff000ul, 0xfffffffful, 0xfffffffful, 0),
	      "map_gpa_range with every value at 32 bits on i386: passed through");
#endif
	check(hyp_kvm_error(hyp_kvm_hypercall1(0x6fff, 0)) == HYP_ENOSYS,
	      "unknown nr: -KVM_ENOSYS mapped to HYP_ENOSYS");
}

/*
 * The hypervisor writes memory the asm names only by address, so every stub
 * must clobber "memory": otherwise the compiler forwards the store before the
 * call to the load after it (gcc -O2 does).
 */
static struct hyp_kvm_clock_pairing_args shared;

static __attribute__((noinline)) unsigned long reread_vmcall(void)
{
	shared.tsc = 0;
	hyp_kvm_vmcall2(HYP_KVM_HC_CLOCK_PAIRING, (unsigned long)&shared, 0);
	return shared.tsc;
}

static __attribute__((noinline)) unsigned long reread_vmmcall(void)
{
	shared.tsc = 0;
	hyp_kvm_vmmcall2(HYP_KVM_HC_CLOCK_PAIRING, (unsigned long)&shared, 0);
	return shared.tsc;
}

static __attribute__((noinline)) unsigned long reread_dispatch(void)
{
	struct hyp_kvm_clock_pairing_args local = { 0 };

	hyp_kvm_hypercall2(HYP_KVM_HC_CLOCK_PAIRING, (unsigned long)&local, 0);
	return local.tsc;
}

static void memory_clobber(void)
{
	check(reread_vmcall() == PAIRING_TSC, "vmcall2: memory written by the hypervisor is re-read");
	check(reread_vmmcall() == PAIRING_TSC, "vmmcall2: memory written by the hypervisor is re-read");
	check(reread_dispatch() == PAIRING_TSC, "hypercall2: memory written by the hypervisor is re-read");
}

/*
 * Hostile input: a caller's struct at the end of a page followed by a
 * PROT_NONE page. KVM writes 64 bytes at the GPA: a struct crossing the
 * page must be refused before the trap (else the write faults here).
 */
static void pairing_page_crossing(void)
{
	unsigned char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				   -1, 0);
	unsigned int traps = seen.traps;
	struct hyp_kvm_clock_pairing_args *last;

	if (page == MAP_FAILED || mprotect(page + 4096, 4096, PROT_NONE)) {
		check(0, "clock_pairing: a page and a guard page mapped");
		return;
	}
	last = (void *)(page + 4096 - sizeof(*last));
	check(hyp_kvm_clock_pairing(last, 0) == 0 && last->tsc == PAIRING_TSC &&
	      seen.traps == traps + 1, "clock_pairing ending at the page end: written");
	traps = seen.traps;
	check(hyp_kvm_clock_pairing((void *)(page + 4072), 0) == HYP_EINVAL && seen.traps == traps,
	      "clock_pairing at page offset 4072 (64 bytes cross the page): HYP_EINVAL, no trap");
	check(hyp_kvm_clock_pairing((void *)(page + 2), 0) == HYP_EINVAL && seen.traps == traps,
	      "clock_pairing not aligned as its type: HYP_EINVAL, no trap");
	/* The alignment at its limit: 4 bytes off is refused only where the type needs 8 (x86_64). */
	for (unsigned int off = 4; off <= 8; off += 4) {
		bool fits = off % __alignof__(*last) == 0;
		int ret;

		traps = seen.traps;
		ret = hyp_kvm_clock_pairing((void *)(page + off), 0);
		check(fits ? ret == 0 && seen.traps == traps + 1 : ret == HYP_EINVAL && seen.traps == traps,
		      "clock_pairing at page offset %u (type aligned to %zu): %s", off,
		      (size_t)__alignof__(*last), fits ? "written" : "HYP_EINVAL, no trap");
	}
	munmap(page, 8192);
}

/* Every library code as KVM's answer: never a library code to the caller, one trap per call. */
static void no_spoofed_codes(void)
{
	struct hyp_kvm_clock_pairing_args *pairing = hostile_guard_tail(sizeof(*pairing));
	unsigned int spoofed = 0, calls = 0;

	forcing = 1;
	for (unsigned int i = 0; i < HOSTILE_ANSWERS; i++) {
		unsigned int traps = seen.traps;
		int r[6];

		forced = (long)hostile_answer(i);
		r[0] = hyp_kvm_vapic_poll_irq();
		r[1] = hyp_kvm_kick_cpu(1);
		r[2] = hyp_kvm_clock_pairing(pairing, 0);
		r[3] = hyp_kvm_send_ipi(1, 0, 0, 0);
		r[4] = hyp_kvm_sched_yield(1);
		r[5] = hyp_kvm_map_gpa_range(0, 1, 0);
		for (unsigned int j = 0; j < 6; j++)
			spoofed += HYP_IS_LIBRARY_ERROR(r[j]);
		calls += seen.traps != traps + 6;
	}
	forcing = 0;
	check(spoofed == 0 && calls == 0, "%u answers in the library range to the 6 typed calls: %u "
	      "reached the caller as library codes, %u rounds not 6 traps", HOSTILE_ANSWERS, spoofed,
	      calls);
}

/* Values kept live across many calls in the argument registers and flags. */
static void live_values(void)
{
	unsigned long sum = 0, want = 0;

	for (unsigned long i = 1; i <= 200; i++) {
		long r = hyp_kvm_hypercall4(0x7300, i, i ^ 0x55, i * 7, ~i);

		want += (unsigned long)mix(0x7300, i, i ^ 0x55, i * 7, ~i) + i;
		sum += (unsigned long)r + i;
		if (i % 3 == 0 && seen.a3 != ~i)
			sum += 1;
	}
	check(sum == want, "200 calls with live arguments: every result and register right");
}

int main(int argc, char **argv)
{
	const char *vendor = argc > 1 ? argv[1] : "intel";
	int amd = !strcmp(vendor, "amd");
	unsigned char insn = amd ? 0xd9 : 0xc1;
	static struct cpuid_script script;
	struct hyp_platform plat = { .ctx = &script, .cpuid = cpuid_script_fn };

	abi_catch(SIGILL, on_sigill);

	check(hyp_kvm_hypercall1(0x7001, 1) == HYP_ENOTINIT && seen.traps == 0,
	      "before hyp_init: HYP_ENOTINIT, no trap");
	cpuid_script_cpu(&script, amd ? "AuthenticAMD" : "GenuineIntel", 1);
	cpuid_script_hv(&script, 0x40000000, 0x40000001, "KVMKVMKVM\0\0\0");
	check(hyp_init(&plat) == HYP_OK, "hyp_init with KVM present");
	check(hyp_kvm_gate == (amd ? HYP_GATE_X86_VMMCALL : HYP_GATE_X86_VMCALL),
	      amd ? "AMD: gate selects vmmcall" : "Intel: gate selects vmcall");
	raw_dispatch(insn);
	explicit_instructions();
	typed_wrappers(insn);
	memory_clobber();
	pairing_page_crossing();
	no_spoofed_codes();
	live_values();
	check(seen.bad == 0, "no SIGILL other than a hypercall");
	return abi_summary();
}
