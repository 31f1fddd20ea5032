/* SPDX-License-Identifier: MIT */
/*
 * Every x86 stub's contract, for one CPU vendor: each stub the headers
 * define (the list, stub_contract.inc, is generated from the preprocessed
 * headers by gen-stub-contract.py, so a new stub cannot be left out) is
 * called once from its own function, and must
 *   - execute the instruction its name or the vendor selects (vmcall on
 *     Intel, Centaur, Zhaoxin and unknown vendors, vmmcall on AMD and Hygon:
 *     Linux arch/x86/kernel/kvm.c and Xen's hypercall-abi.rst), directly or
 *     through the hypercall page as its name or the Xen gate says;
 *   - put the number and every argument in the family's registers (KVM:
 *     rax; rbx rcx rdx rsi. Xen: rax; rdi rsi rdx r10 r8 r9 or ebx ecx edx
 *     esi edi) and take the result from rax;
 *   - clobber "memory": the SIGILL handler (playing the hypervisor) writes a
 *     word the caller stored just before the call and reads just after it,
 *     so a stub without the clobber returns the forwarded store;
 *   - declare what Xen changes: Xen poisons the argument registers it used
 *     (a debug Xen does); each stub is called twice back to back with the
 *     same arguments (a compiler told a register kept its value does not
 *     reload it for the second call) and the caller reads its arguments
 *     again after the calls.
 * argv[1] = intel | amd | hygon | centaur | zhaoxin | other. Detection runs
 * on a scripted CPUID with both KVM (0x40000000) and Xen (0x40000100).
 * Built for x86_64, i386 and i386 -fPIC. Closing line: "N passed, N failed".
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
#define XEN_NARGS 6
static const int kvm_reg[4] = { REG_RBX, REG_RCX, REG_RDX, REG_RSI };
static const int xen_reg[6] = { REG_RDI, REG_RSI, REG_RDX, REG_R10, REG_R8, REG_R9 };
#define POISON  ((greg_t)0xdeadbeefdeadbeefull)
#else
#define REG_IP  REG_EIP
#define REG_A   REG_EAX
#define XEN_NARGS 5
static const int kvm_reg[4] = { REG_EBX, REG_ECX, REG_EDX, REG_ESI };
static const int xen_reg[5] = { REG_EBX, REG_ECX, REG_EDX, REG_ESI, REG_EDI };
#define POISON  ((greg_t)0xdeadbeef)
#endif
#define FLAGS_ARITH     0x8d5ul     /* CF PF AF ZF SF OF */
#define MEMORY_MAGIC    0x5a5aa5a5ul

enum family { FAM_KVM, FAM_XEN };
enum insn { INSN_VMCALL = 0xc1, INSN_VMMCALL = 0xd9, INSN_VENDOR = 1 };
enum transfer { T_DIRECT, T_PAGE, T_MODE };

/* Argument values: distinct, and different in every byte. */
static volatile unsigned long in_args[6] = { 0x1101, 0x2202, 0x3303, 0x4404, 0x5505, 0x6606 };
/*
 * Not volatile: the caller's store before the call and load after it may be
 * merged unless the stub's asm clobbers "memory".
 */
static unsigned long shared_word;
static const void *contract_page;

static struct {
	const char *name;
	enum family fam;
	int n, insn;
	enum transfer transfer;
	unsigned int traps_before;
} want;

static volatile struct {
	unsigned long op, a[6];
	unsigned char insn;
	int in_page;
	unsigned int traps, bad;
	unsigned int arg_errors;        /* calls that saw an argument register not as passed */
	int bad_arg;
	unsigned long bad_value;
} seen;

static unsigned char vendor_insn;
static int xen_page_mode;
static struct cpuid_script script;

/* One contract line: the stub, and what went wrong if anything did. */
static void check_detail(int ok, const char *what, const char *detail)
{
	check(ok, "%s%s%s", what, detail[0] ? ": " : "", detail);
}

static unsigned int contract_op(enum family fam, int n)
{
	return fam == FAM_KVM ? 0x7000u + (unsigned int)n : 0x70u + (unsigned int)n;
}

static long mix(unsigned long op, const volatile unsigned long *a, int n)
{
	unsigned long r = op;

	for (int i = 0; i < n; i++)
		r += (unsigned long)(2 * i + 3) * a[i];
	return (long)r;
}

static void on_sigill(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	greg_t *g = uc->uc_mcontext.gregs;
	const unsigned char *ip = (const unsigned char *)g[REG_IP];
	int nregs = want.fam == FAM_KVM ? 4 : XEN_NARGS;

	(void)sig;
	(void)si;
	if (ip[0] != 0x0f || ip[1] != 0x0b || (ip[2] != 0xc1 && ip[2] != 0xd9)) {
		seen.bad++;
		g[REG_IP] += 2;
		return;
	}
	seen.traps++;
	seen.insn = ip[2];
	seen.in_page = contract_page && ip >= (const unsigned char *)contract_page &&
		       ip < (const unsigned char *)contract_page + 4096;
	seen.op = (unsigned long)g[REG_A];
	for (int i = 0; i < 6; i++)
		seen.a[i] = 0;
	for (int i = 0; i < nregs; i++) {
		const int reg = want.fam == FAM_KVM ? kvm_reg[i] : xen_reg[i];

		seen.a[i] = (unsigned long)g[reg];
		if (i < want.n && seen.a[i] != in_args[i] && !seen.arg_errors++) {
			seen.bad_arg = i + 1;
			seen.bad_value = seen.a[i];
		}
		if (want.fam == FAM_XEN && i < want.n)
			g[reg] = POISON;
	}
	g[REG_A] = (greg_t)mix(seen.op, seen.a, want.n);
	__atomic_store_n(&shared_word, MEMORY_MAGIC ^ seen.op, __ATOMIC_RELAXED);
	g[REG_EFL] ^= FLAGS_ARITH;
	g[REG_IP] += 3;
}

static void contract_begin(const char *name, enum family fam, int n, int insn,
			   enum transfer transfer)
{
	want.name = name;
	want.fam = fam;
	want.n = n;
	want.insn = insn == INSN_VENDOR ? vendor_insn : insn;
	want.transfer = transfer;
	want.traps_before = seen.traps;
	seen.arg_errors = 0;
}

static void contract_end(long r, unsigned long word, long r2, unsigned long word2,
			 const unsigned long after[6])
{
	unsigned long op = contract_op(want.fam, want.n);
	int page = want.transfer == T_PAGE || (want.transfer == T_MODE && xen_page_mode);
	char detail[160] = "";
	int ok = 1;

	if (seen.traps != want.traps_before + 2) {
		snprintf(detail, sizeof(detail), "%u traps", seen.traps - want.traps_before);
		check_detail(0, want.name, detail);
		return;
	}
	if (seen.insn != want.insn)
		ok = 0, snprintf(detail, sizeof(detail), "instruction %02x, want %02x", seen.insn, want.insn);
	else if (seen.in_page != page)
		ok = 0, snprintf(detail, sizeof(detail), "%s, want %s", seen.in_page ? "through the page" :
				 "direct", page ? "through the page" : "direct");
	else if (seen.op != op)
		ok = 0, snprintf(detail, sizeof(detail), "number 0x%lx in rax, want 0x%lx", seen.op, op);
	if (ok && seen.arg_errors)
		ok = 0, snprintf(detail, sizeof(detail), "argument %d register held 0x%lx, want 0x%lx",
				 seen.bad_arg, seen.bad_value, in_args[seen.bad_arg - 1]);
	if (ok && (r != mix(op, in_args, want.n) || r2 != r))
		ok = 0, snprintf(detail, sizeof(detail), "result 0x%lx not from rax", (unsigned long)r);
	if (ok && (word != (MEMORY_MAGIC ^ op) || word2 != word))
		ok = 0, snprintf(detail, sizeof(detail), "memory written by the call not re-read (no \"memory\" clobber)");
	for (int i = 0; ok && i < want.n; i++)
		if (after[i] != in_args[i])
			ok = 0, snprintf(detail, sizeof(detail), "argument %d reads 0x%lx after the call "
					 "(register change not declared)", i + 1, after[i]);
	check_detail(ok, want.name, detail);
}

#include "stub_contract.inc"

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

		s[0] = 0xb8;
		memcpy(s + 1, &op, 4);
		s[5] = 0x0f, s[6] = 0x0b, s[7] = last, s[8] = 0xc3;
	}
	return p;
}

static const struct {
	const char *arg, text[13];
	enum hyp_x86_vendor vendor;
	unsigned char insn;
} vendors[] = {
	{ "intel",   "GenuineIntel", HYP_X86_VENDOR_INTEL,   INSN_VMCALL },
	{ "amd",     "AuthenticAMD", HYP_X86_VENDOR_AMD,     INSN_VMMCALL },
	{ "hygon",   "HygonGenuine", HYP_X86_VENDOR_HYGON,   INSN_VMMCALL },
	{ "centaur", "CentaurHauls", HYP_X86_VENDOR_CENTAUR, INSN_VMCALL },
	{ "zhaoxin", "  Shanghai  ", HYP_X86_VENDOR_ZHAOXIN, INSN_VMCALL },
	{ "other",   "SomeOtherCPU", HYP_X86_VENDOR_OTHER,   INSN_VMCALL },
};

int main(int argc, char **argv)
{
	const char *arg = argc > 1 ? argv[1] : "intel";
	struct hyp_platform plat = { .ctx = &script, .cpuid = cpuid_script_fn };
	const struct hyp_info *info;
	unsigned int v = 0;
	char detail[64];

	while (v < sizeof(vendors) / sizeof(vendors[0]) && strcmp(vendors[v].arg, arg))
		v++;
	if (v == sizeof(vendors) / sizeof(vendors[0])) {
		fprintf(stderr, "usage: %s intel|amd|hygon|centaur|zhaoxin|other\n", argv[0]);
		return 2;
	}
	vendor_insn = vendors[v].insn;
	abi_catch(SIGILL, on_sigill);

	cpuid_script_cpu(&script, vendors[v].text, 1);
	cpuid_script_hv(&script, 0x40000000, 0x40000001, "KVMKVMKVM\0\0\0");
	cpuid_script_hv(&script, 0x40000100, 0x40000105, "XenVMMXenVMM");
	cpuid_script_set(&script, 0x40000101, 0x40011, 0, 0, 0);
	cpuid_script_set(&script, 0x40000102, 1, 0x40000000, 0, 0);
	check_detail(hyp_init(&plat) == HYP_OK, "hyp_init", "");
	info = hyp_get_info();
	snprintf(detail, sizeof(detail), "vendor %u, want %u", info ? info->x86_vendor : 99u,
		 (unsigned int)vendors[v].vendor);
	check_detail(info && info->x86_vendor == (uint32_t)vendors[v].vendor &&
	      (info->families & HYP_FAMILY_KVM) && (info->families & HYP_FAMILY_XEN),
	      "detection: vendor, KVM and Xen", detail);
	contract_page = build_page(vendor_insn);
	check_detail(contract_page != NULL, "an executable page", "");

	printf("-- %u stubs, Xen in direct mode\n", CONTRACT_STUBS);
	for (unsigned int i = 0; i < CONTRACT_STUBS; i++)
		contract_stubs[i]();

	printf("-- %u stubs, Xen in page mode\n", CONTRACT_STUBS);
	hyp_xen_call_page = contract_page;
	__atomic_store_n(&hyp_xen_gate, HYP_GATE_XEN_PAGE, __ATOMIC_RELEASE);
	xen_page_mode = 1;
	for (unsigned int i = 0; i < CONTRACT_STUBS; i++)
		contract_stubs[i]();

	check_detail(seen.bad == 0, "no SIGILL other than a hypercall", "");
	return abi_summary();
}
