/* SPDX-License-Identifier: MIT */
/*
 * x86 KVM hypercalls, proven in three places by one image; the command line
 * says which (expect=tcg|none|kvm vendor=intel|amd):
 *   tcg   QEMU TCG: the #UD handler plays KVM (harness/kvm_x86.c), KVM leaves at 0x40000100
 *   none  QEMU TCG with -hypervisor: nothing detected, no instruction executed
 *   kvm   a real Linux KVM (tests/guest/kvm-host/): the real answers
 */
#include <guest/test.h>
#include <guest/x86.h>
#include <hyp/hyp.h>

#include <harness/kvm_x86.h>

static char expect[16] = "?", vendor[16] = "?";

static bool amd(void)
{
	return !strcmp(vendor, "amd");
}

static uint32_t text_checksum(void)
{
	uint32_t h = 2166136261u;

	for (const unsigned char *p = __text_start; p < __text_end; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

static void test_before_init(void)
{
	unsigned int traps = harness.traps;

	report(hyp_get_info() == NULL, "no info before hyp_init()");
	report(hyp_kvm_vapic_poll_irq() == HYP_ENOTINIT, "typed call before init: HYP_ENOTINIT");
	report(hyp_kvm_hypercall2(HYP_KVM_HC_KICK_CPU, 0, 0) == HYP_ENOTINIT,
	       "raw call before init: HYP_ENOTINIT");
	report(harness.traps == traps, "no hypercall instruction before init");
}

static void test_detection(void)
{
	struct hyp_info info;
	enum hyp_x86_vendor want_vendor = amd() ? HYP_X86_VENDOR_AMD : HYP_X86_VENDOR_INTEL;

	report(hyp_detect(NULL, &info) == HYP_OK, "hyp_detect() succeeds");
	report(info.x86_vendor == want_vendor, "CPU vendor %s detected (%u)", vendor, info.x86_vendor);
	if (!strcmp(expect, "tcg"))
		report(info.kind == HYP_KIND_TCG && !strcmp(info.signature, "TCGTCGTCGTCG") &&
		       info.families == 0,
		       "detected %s by signature \"%s\"", hyp_kind_name(info.kind), info.signature);
	else if (!strcmp(expect, "none"))
		report(info.kind == HYP_KIND_NONE && info.families == 0 && !info.signature[0],
		       "no hypervisor detected (%s)", hyp_kind_name(info.kind));
	else
		report(info.kind == HYP_KIND_KVM && info.x86_kvm_base == HYP_KVM_CPUID_SIGNATURE &&
		       (info.families & HYP_FAMILY_KVM),
		       "detected %s at %x, features %x", hyp_kind_name(info.kind),
		       info.x86_kvm_base, info.kvm_features);
}

static void test_harness_info(void)
{
	const struct hyp_info *info = hyp_get_info();

	report(info && info->kind == HYP_KIND_TCG && (info->families & HYP_FAMILY_KVM) &&
	       info->x86_kvm_base == HARNESS_KVM_BASE,
	       "KVM found at the 0x100 step %x behind TCG's leaves", info ? info->x86_kvm_base : 0);
	report(info && info->kvm_features == HARNESS_KVM_FEATURES, "KVM feature bits read from base+1");
	report(hyp_kvm_has_feature(HYP_KVM_FEATURE_PV_SEND_IPI) &&
	       !hyp_kvm_has_feature(HYP_KVM_FEATURE_STEAL_TIME), "feature query");
	report(hyp_kvm_gate == (amd() ? HYP_GATE_X86_VMMCALL : HYP_GATE_X86_VMCALL),
	       "gate selects %s", amd() ? "vmmcall" : "vmcall");
}

/* One typed call: its result, the trap it caused and the `nargs` registers KVM saw. */
static void check_call(const char *what, int got, int want, unsigned long nr, unsigned int nargs,
		       unsigned long a0, unsigned long a1, unsigned long a2, unsigned long a3,
		       unsigned int traps_before)
{
	const struct harness_call *c = &harness.last;
	const unsigned long seen[4] = { c->a0, c->a1, c->a2, c->a3 };
	const unsigned long want_args[4] = { a0, a1, a2, a3 };
	bool args_ok = true;

	for (unsigned int i = 0; i < nargs; i++)
		args_ok = args_ok && seen[i] == want_args[i];
	report(got == want && harness.traps == traps_before + 1 && c->nr == nr && args_ok,
	       "%s = %d (want %d); nr %lu, %u args %lx %lx %lx %lx", what, got, want,
	       c->nr, nargs, c->a0, c->a1, c->a2, c->a3);
}

static void test_harness_wrappers(void)
{
	static struct hyp_kvm_clock_pairing_args pairing;
	unsigned int t;

	t = harness.traps;
	check_call("vapic_poll_irq()", hyp_kvm_vapic_poll_irq(), 0, HYP_KVM_HC_VAPIC_POLL_IRQ, 0,
		   0, 0, 0, 0, t);
	harness.last = (struct harness_call){ 0 };
	t = harness.traps;
	check_call("kick_cpu(3)", hyp_kvm_kick_cpu(3), 0, HYP_KVM_HC_KICK_CPU, 2, 0, 3, 0, 0, t);
	t = harness.traps;
	check_call("clock_pairing(wall)",
		   hyp_kvm_clock_pairing(&pairing, HYP_KVM_CLOCK_PAIRING_WALLCLOCK), 0,
		   HYP_KVM_HC_CLOCK_PAIRING, 2, (unsigned long)&pairing, 0, 0, 0, t);
	report(pairing.tsc == HARNESS_TSC && pairing.sec == 1700000000 &&
	       pairing.nsec == 123456789, "clock pairing written at the guest-physical address");
	t = harness.traps;
	check_call("clock_pairing(1)", hyp_kvm_clock_pairing(&pairing, 1), HYP_EOPNOTSUPP,
		   HYP_KVM_HC_CLOCK_PAIRING, 2, (unsigned long)&pairing, 1, 0, 0, t);
	t = harness.traps;
	report(hyp_kvm_clock_pairing(NULL, 0) == HYP_EINVAL && harness.traps == t,
	       "clock_pairing(NULL): HYP_EINVAL without a hypercall");
	t = harness.traps;
	check_call("send_ipi(1, 0, 0, 0xf0)", hyp_kvm_send_ipi(1, 0, 0, 0xf0), 1,
		   HYP_KVM_HC_SEND_IPI, 4, 1, 0, 0, 0xf0, t);
	t = harness.traps;
	check_call("send_ipi(6, 8, 5, 0x4f1)", hyp_kvm_send_ipi(6, 8, 5, 0x4f1), 0,
		   HYP_KVM_HC_SEND_IPI, 4, 6, 8, 5, 0x4f1, t);
	t = harness.traps;
	check_call("send_ipi(bad vector)", hyp_kvm_send_ipi(1, 0, 0, 0x3), HYP_EINVAL,
		   HYP_KVM_HC_SEND_IPI, 4, 1, 0, 0, 3, t);
	t = harness.traps;
	check_call("sched_yield(7)", hyp_kvm_sched_yield(7), 0, HYP_KVM_HC_SCHED_YIELD, 1, 7, 0, 0, 0, t);
	t = harness.traps;
	check_call("map_gpa_range(2M, 4, enc)",
		   hyp_kvm_map_gpa_range(0x200000, 4, HYP_KVM_MAP_GPA_RANGE_ENCRYPTED), 0,
		   HYP_KVM_HC_MAP_GPA_RANGE, 3, 0x200000, 4, HYP_KVM_MAP_GPA_RANGE_ENCRYPTED, 0, t);
	t = harness.traps;
	check_call("map_gpa_range(unaligned)", hyp_kvm_map_gpa_range(0x200001, 1, 0), HYP_EINVAL,
		   HYP_KVM_HC_MAP_GPA_RANGE, 3, 0x200001, 1, 0, 0, t);
#ifdef __i386__
	t = harness.traps;
	report(hyp_kvm_map_gpa_range(1ull << 32, 1, 0) == HYP_EINVAL && harness.traps == t,
	       "map_gpa_range(4 GiB) on i386: HYP_EINVAL without a hypercall");
#endif
}

/*
 * The hypervisor writes memory the asm names only by address: without the
 * stubs' "memory" clobber gcc forwards the store before the call to the load
 * after it.
 */
static inline uint64_t read_tsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static struct hyp_kvm_clock_pairing_args shared_pairing;

static __attribute__((noinline)) int64_t reread_after_hypercall(bool vmmcall)
{
	shared_pairing.tsc = 0;
	if (vmmcall)
		hyp_kvm_vmmcall2(HYP_KVM_HC_CLOCK_PAIRING, (unsigned long)&shared_pairing, 0);
	else
		hyp_kvm_vmcall2(HYP_KVM_HC_CLOCK_PAIRING, (unsigned long)&shared_pairing, 0);
	return (int64_t)shared_pairing.tsc;
}

static void test_harness_raw(void)
{
	unsigned long sum = 0;

	report(reread_after_hypercall(amd()) == (int64_t)HARNESS_TSC,
	       "memory the hypervisor wrote is re-read after the call");
	report(hyp_kvm_hypercall0(0x7777) == -HYP_KVM_ENOSYS, "raw unknown nr: -KVM_ENOSYS");
	report(hyp_kvm_error(hyp_kvm_hypercall0(0x7777)) == HYP_ENOSYS, "mapped: HYP_ENOSYS");
	report(hyp_kvm_hypercall0(HYP_KVM_HC_MMU_OP) == -HYP_KVM_ENOSYS,
	       "KVM_HC_MMU_OP (deprecated): -KVM_ENOSYS");
	/* Values live across the calls in the ABI's argument registers. */
	for (unsigned long i = 1; i <= 64; i++) {
		long r = hyp_kvm_hypercall4(HYP_KVM_HC_SEND_IPI, i, i * 3, 0, 0x30 + i);
		const struct harness_call *c = &harness.last;

		if (c->a0 != i || c->a1 != i * 3 || c->a2 != 0 || c->a3 != 0x30 + i)
			report(false, "hypercall4 round %lu: registers %lx %lx %lx %lx", i,
			       c->a0, c->a1, c->a2, c->a3);
		sum += (unsigned long)r + i + i * 3;
	}
	report(sum == 32 + 64 * 65 / 2 * 4, "64 hypercall4 rounds: registers and results (%lu)", sum);
	hyp_kvm_hypercall1(0x7001, 0x11);
	report(harness.last.nr == 0x7001 && harness.last.a0 == 0x11, "hypercall1 registers");
	hyp_kvm_hypercall2(0x7002, 0x21, 0x22);
	report(harness.last.a0 == 0x21 && harness.last.a1 == 0x22, "hypercall2 registers");
	hyp_kvm_hypercall3(0x7003, 0x31, 0x32, 0x33);
	report(harness.last.a0 == 0x31 && harness.last.a1 == 0x32 && harness.last.a2 == 0x33,
	       "hypercall3 registers");
	report(harness.wrong_insn == 0, "every trap was on %s (%u traps, %u wrong)",
	       amd() ? "vmmcall 0f 01 d9" : "vmcall 0f 01 c1", harness.traps, harness.wrong_insn);
}

static void test_no_hypervisor(void)
{
	static struct hyp_kvm_clock_pairing_args pairing;
	const struct hyp_info *info = hyp_get_info();

	report(info && info->kind == HYP_KIND_NONE && info->families == 0, "nothing detected");
	report(hyp_kvm_vapic_poll_irq() == HYP_ENOHYP, "vapic_poll_irq: HYP_ENOHYP");
	report(hyp_kvm_kick_cpu(0) == HYP_ENOHYP, "kick_cpu: HYP_ENOHYP");
	report(hyp_kvm_clock_pairing(&pairing, 0) == HYP_ENOHYP, "clock_pairing: HYP_ENOHYP");
	report(hyp_kvm_send_ipi(1, 0, 0, 0xf0) == HYP_ENOHYP, "send_ipi: HYP_ENOHYP");
	report(hyp_kvm_sched_yield(0) == HYP_ENOHYP, "sched_yield: HYP_ENOHYP");
	report(hyp_kvm_map_gpa_range(0, 1, 0) == HYP_ENOHYP, "map_gpa_range: HYP_ENOHYP");
	report(hyp_kvm_hypercall4(1, 2, 3, 4, 5) == HYP_ENOHYP, "raw hypercall4: HYP_ENOHYP");
	report(!hyp_kvm_has_feature(HYP_KVM_FEATURE_PV_UNHALT), "no features");
	report(harness.traps == 0, "zero hypercall traps");
}

/* The LAPIC's spurious-interrupt register: bit 8 software-enables it (SDM vol. 3, 11.9). */
#define LAPIC_SVR ((volatile uint32_t *)0xfee000f0)

static void test_real_kvm(void)
{
	static struct hyp_kvm_clock_pairing_args pairing;
	uint32_t before = text_checksum();
	int r;

	report(hyp_kvm_gate == (amd() ? HYP_GATE_X86_VMMCALL : HYP_GATE_X86_VMCALL),
	       "gate selects %s", amd() ? "vmmcall" : "vmcall");
	report(hyp_kvm_has_feature(HYP_KVM_FEATURE_PV_UNHALT) &&
	       hyp_kvm_has_feature(HYP_KVM_FEATURE_PV_SEND_IPI) &&
	       hyp_kvm_has_feature(HYP_KVM_FEATURE_PV_SCHED_YIELD),
	       "KVM advertises PV_UNHALT, PV_SEND_IPI, PV_SCHED_YIELD (%x)",
	       hyp_get_info()->kvm_features);
	report(hyp_kvm_vapic_poll_irq() == 0, "vapic_poll_irq = 0");
	report(hyp_kvm_error(hyp_kvm_hypercall0(0x7777)) == HYP_ENOSYS, "unknown nr: HYP_ENOSYS");
	report(hyp_kvm_error(hyp_kvm_hypercall0(HYP_KVM_HC_MMU_OP)) == HYP_ENOSYS,
	       "KVM_HC_MMU_OP (deprecated): HYP_ENOSYS");
	report(hyp_kvm_kick_cpu(0) == 0, "kick_cpu(0) = 0");
	report(hyp_kvm_kick_cpu(9) == 0, "kick_cpu(absent APIC 9) = 0");
	report(hyp_kvm_sched_yield(0) == 0, "sched_yield(0) = 0");
	report(hyp_kvm_sched_yield(9) == 0, "sched_yield(absent APIC 9) = 0");
	report(hyp_kvm_send_ipi(1, 0, 0, 0xf0) == 0, "send_ipi(self), LAPIC disabled: 0 CPUs");
	*LAPIC_SVR |= 0x100;
	report(hyp_kvm_send_ipi(1, 0, 0, 0xf0) == 1, "send_ipi(self), LAPIC enabled: 1 CPU");
	report(hyp_kvm_send_ipi(2, 0, 0, 0xf0) == 0, "send_ipi(absent APIC 1) = 0");
	/*
	 * KVM's TSC in the pairing is the guest's TSC at the host's clock read,
	 * so it lies between two rdtsc around the call. Nested in TCG under load
	 * KVM sometimes answers TSC 0 for a whole run (seen: every call of the
	 * run): retried, then that part is skipped with the reason; the answer
	 * must still have been written at the guest-physical address.
	 */
	for (unsigned int zero = 0;; zero++) {
		uint64_t t0 = read_tsc(), t1;

		r = hyp_kvm_clock_pairing(&pairing, HYP_KVM_CLOCK_PAIRING_WALLCLOCK);
		t1 = read_tsc();
		if (r != 0 || pairing.tsc != 0 || zero == 4) {
			if (r != 0)
				break;
			report(pairing.sec > 1600000000 && pairing.nsec < 1000000000,
			       "clock_pairing(wall) = 0: sec %lld nsec %lld written",
			       (long long)pairing.sec, (long long)pairing.nsec);
			if (pairing.tsc == 0)
				report_skip("clock_pairing's TSC: KVM answered 0 %u times", zero + 1);
			else
				report(pairing.tsc >= t0 && pairing.tsc <= t1,
				       "clock_pairing's TSC %llx in [%llx, %llx]%s",
				       (unsigned long long)pairing.tsc, (unsigned long long)t0,
				       (unsigned long long)t1, zero ? " (after a TSC 0 answer)" : "");
			break;
		}
	}
	if (r != 0)
		report(r == HYP_EOPNOTSUPP, "clock_pairing(wall) = %s (host clock not TSC-based)",
		       hyp_strerror(r));
	report(hyp_kvm_clock_pairing(&pairing, 1) == HYP_EOPNOTSUPP, "clock_pairing(1) = HYP_EOPNOTSUPP");
	report(hyp_kvm_map_gpa_range(0x200000, 1, 0) == HYP_ENOSYS,
	       "map_gpa_range without the exit capability: HYP_ENOSYS");
	report(text_checksum() == before, "KVM rewrote no code byte (text checksum %x)", before);
}

void test_main(void)
{
	struct hyp_platform plat = { .cpuid = harness_cpuid };

	guest_cmdline_get("expect", expect, sizeof(expect));
	guest_cmdline_get("vendor", vendor, sizeof(vendor));
	report_info("expect=%s vendor=%s", expect, vendor);
	if (strcmp(expect, "kvm"))
		harness_install(amd(), harness_kvm_answer);

	test_before_init();
	test_detection();
	report(hyp_init(strcmp(expect, "kvm") ? &plat : NULL) == HYP_OK, "hyp_init()");
	report(hyp_init(NULL) == HYP_OK, "hyp_init() again: idempotent");

	if (!strcmp(expect, "tcg")) {
		test_harness_info();
		test_harness_wrappers();
		test_harness_raw();
	} else if (!strcmp(expect, "none")) {
		test_no_hypervisor();
	} else if (!strcmp(expect, "kvm")) {
		test_real_kvm();
	} else {
		report(false, "command line names no expectation (expect=%s)", expect);
	}
}
