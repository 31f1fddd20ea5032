/* SPDX-License-Identifier: MIT */
/*
 * Concurrent first use: every CPU (-smp N, cpus=N on the command line) races
 * into hyp_init() and straight into its first hypercalls. The first
 * detection is held (inside the platform's CPUID hook) until every CPU has
 * entered hyp_init(), so the others must wait for it. Checked: every
 * hyp_init() returns the same result, CPUID was asked exactly one
 * detection's worth of times (one detection ran), the gate chose the vendor's
 * instruction, and every call on every CPU got the answer for its own
 * arguments. The command line says where it runs (expect=tcg|kvm
 * vendor=intel|amd cpus=N):
 *   tcg   QEMU TCG, the #UD handler of tests/guest/harness/kvm_x86.c plays KVM
 *   kvm   a real Linux KVM (tests/guest/kvm-host/)
 */
#include <guest/smp.h>
#include <guest/test.h>
#include <guest/x86.h>
#include <hyp/hyp.h>
#include <hyp/x86/cpuid.h>

#include <harness/kvm_x86.h>

#define ROUNDS          64          /* call rounds per CPU after the first */
#define HOLD_SPINS      50000000u   /* how long the first detection waits for the others */
#define UNKNOWN_NR      0x7000      /* no KVM hypercall has this number */

struct cpu_result {
	uint64_t tsc_entered;           /* when it called hyp_init() */
	int init;
	unsigned int bad;               /* calls answered wrongly */
	unsigned int calls;
	char first_bad[80];
};

static char expect[16] = "?", vendor[16] = "?";
static unsigned int nr_cpus = 1;
static bool under_kvm;
static struct cpu_result results[GUEST_SMP_MAX_CPUS];
static unsigned int entered;                /* CPUs that called hyp_init() */
static unsigned int cpuid_calls;            /* through the platform hook */
static unsigned int entered_when_held;      /* seen by the first detection after its hold */

static void counting_cpuid(void *ctx, uint32_t leaf, uint32_t subleaf, uint32_t regs[4])
{
	if (__atomic_fetch_add(&cpuid_calls, 1, __ATOMIC_RELAXED) == 0) {
		for (unsigned int i = 0; i < HOLD_SPINS; i++) {
			if (__atomic_load_n(&entered, __ATOMIC_ACQUIRE) >= nr_cpus)
				break;
			__asm__ __volatile__("pause" ::: "memory");
		}
		__atomic_store_n(&entered_when_held, __atomic_load_n(&entered, __ATOMIC_ACQUIRE),
				 __ATOMIC_RELEASE);
	}
	if (under_kvm)
		hyp_x86_cpuid(leaf, subleaf, regs);
	else
		harness_cpuid(ctx, leaf, subleaf, regs);
}

static const struct hyp_platform plat = { .cpuid = counting_cpuid };

static void check(struct cpu_result *r, bool ok, const char *what, long got)
{
	r->calls++;
	if (ok)
		return;
	if (!r->bad++)
		snprintf(r->first_bad, sizeof(r->first_bad), "%s answered %ld", what, got);
}

/* Calls whose answer depends on this CPU's arguments (harness: kvm_answer()). */
static void harness_round(struct cpu_result *r, unsigned int cpu, unsigned int round)
{
	/* 64-byte aligned: in one page wherever the stack lies (KVM and the library refuse a straddle). */
	_Alignas(64) struct hyp_kvm_clock_pairing_args pairing = { 0 };
	unsigned long bitmap = (unsigned long)((cpu + round) & 1) | 2ul;
	uint64_t gpa = (uint64_t)(cpu + 1) << 20 | ((round & 1) ? 0x800 : 0);
	long raw;
	int ret;

	ret = hyp_kvm_send_ipi(bitmap, 0, 0, 0xf0);
	check(r, ret == (int)(bitmap & 1), "send_ipi", ret);
	ret = hyp_kvm_send_ipi(bitmap, 0, 0, 0x0f);
	check(r, ret == HYP_EINVAL, "send_ipi(vector 15)", ret);
	ret = hyp_kvm_map_gpa_range(gpa, cpu + 1, 0);
	check(r, ret == ((round & 1) ? HYP_EINVAL : 0), "map_gpa_range", ret);
	ret = hyp_kvm_clock_pairing(&pairing, HYP_KVM_CLOCK_PAIRING_WALLCLOCK);
	check(r, ret == 0 && pairing.tsc == HARNESS_TSC && pairing.sec == 1700000000,
	      "clock_pairing", ret);
	raw = hyp_kvm_hypercall2(UNKNOWN_NR + cpu, cpu, round);
	check(r, raw == -HYP_KVM_ENOSYS, "unknown hypercall", raw);
}

/* Calls a real KVM answers the same whatever the vCPU's state. */
static void kvm_round(struct cpu_result *r, unsigned int cpu, unsigned int round)
{
	long raw;
	int ret;

	ret = hyp_kvm_vapic_poll_irq();
	check(r, ret == 0, "vapic_poll_irq", ret);
	ret = hyp_kvm_kick_cpu(100 + cpu);          /* absent APIC ID: 0 */
	check(r, ret == 0, "kick_cpu(absent)", ret);
	raw = hyp_kvm_hypercall2(UNKNOWN_NR + cpu, cpu, round);
	check(r, raw == -HYP_KVM_ENOSYS, "unknown hypercall", raw);
}

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static void racer(unsigned int cpu)
{
	struct cpu_result *r = &results[cpu];

	r->tsc_entered = rdtsc();
	__atomic_fetch_add(&entered, 1, __ATOMIC_ACQ_REL);
	r->init = hyp_init(&plat);
	for (unsigned int round = 0; round <= ROUNDS; round++) {
		if (under_kvm)
			kvm_round(r, cpu, round);
		else
			harness_round(r, cpu, round);
	}
}

static unsigned int parse_uint(const char *s)
{
	unsigned int v = 0;

	for (; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (unsigned int)(*s - '0');
	return v;
}

void test_main(void)
{
	char cpus[8] = "1";
	struct hyp_info info;
	unsigned int one_detection, online, calls = 0, bad = 0, traps;
	bool same_init = true;
	uint64_t first_tsc = ~0ull, last_tsc = 0;

	guest_cmdline_get("expect", expect, sizeof(expect));
	guest_cmdline_get("vendor", vendor, sizeof(vendor));
	guest_cmdline_get("cpus", cpus, sizeof(cpus));
	nr_cpus = parse_uint(cpus);
	under_kvm = !strcmp(expect, "kvm");
	report_info("expect=%s vendor=%s cpus=%u", expect, vendor, nr_cpus);
	if (nr_cpus < 2 || nr_cpus > GUEST_SMP_MAX_CPUS)
		report_abort("cpus=%s: need 2..%u", cpus, GUEST_SMP_MAX_CPUS);
	if (!under_kvm)
		harness_install(!strcmp(vendor, "amd"), harness_kvm_answer);

	online = guest_smp_start(nr_cpus, racer);
	report(online == nr_cpus, "%u of %u CPUs started and ran the race", online, nr_cpus);
	report(entered_when_held == nr_cpus,
	       "all %u CPUs were inside hyp_init() while the first detection ran", entered_when_held);

	for (unsigned int cpu = 0; cpu < online; cpu++) {
		same_init &= results[cpu].init == HYP_OK;
		if (results[cpu].tsc_entered < first_tsc)
			first_tsc = results[cpu].tsc_entered;
		if (results[cpu].tsc_entered > last_tsc)
			last_tsc = results[cpu].tsc_entered;
		calls += results[cpu].calls;
		bad += results[cpu].bad;
		if (results[cpu].bad)
			report_info("CPU %u: %u wrong answers, first: %s", cpu, results[cpu].bad,
				    results[cpu].first_bad);
	}
	report_info("CPUs called hyp_init() within %llu TSC cycles of each other",
		    (unsigned long long)(last_tsc - first_tsc));
	report(same_init, "hyp_init() returned HYP_OK on every CPU");

	/* One detection's worth of CPUID: count a second, private one. */
	one_detection = __atomic_load_n(&cpuid_calls, __ATOMIC_ACQUIRE);
	__atomic_store_n(&cpuid_calls, 1, __ATOMIC_RELEASE);    /* no hold this time */
	hyp_detect(&plat, &info);
	report(one_detection == cpuid_calls - 1,
	       "detection ran once: %u CPUID calls through the hook (one detection: %u)",
	       one_detection, cpuid_calls - 1);
	report(hyp_get_info() && (hyp_get_info()->families & HYP_FAMILY_KVM) &&
	       hyp_get_info()->x86_kvm_base == (under_kvm ? HYP_KVM_CPUID_SIGNATURE : HARNESS_KVM_BASE),
	       "KVM detected at %x", hyp_get_info() ? hyp_get_info()->x86_kvm_base : 0);
	report(hyp_kvm_gate == (!strcmp(vendor, "amd") ? HYP_GATE_X86_VMMCALL : HYP_GATE_X86_VMCALL),
	       "gate chose %s", !strcmp(vendor, "amd") ? "vmmcall" : "vmcall");
	report(bad == 0 && calls == online * (ROUNDS + 1) * (under_kvm ? 3 : 5),
	       "%u hypercalls from %u CPUs, every one answered correctly (%u wrong)", calls, online, bad);
	if (!under_kvm) {
		traps = __atomic_load_n(&harness.traps, __ATOMIC_ACQUIRE);
		report(traps == calls, "the harness trapped once per call (%u)", traps);
		report(harness.wrong_insn == 0, "no CPU used the other vendor's instruction");
	}
}
