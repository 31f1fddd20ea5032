/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the clock (lib/clock.c, lib/x86/clock_*.c, built with
 * HYP_CLOCK_RETRIES 16 and the TSC read hooked, HYP_X86_RDTSC_HOOK) against
 * a hypervisor whose every word comes from the input, per source:
 *   kvmclock  the record and wall clock written when the guest writes their
 *             MSRs (wrmsr/rdmsr #GP in user mode: a SIGSEGV handler plays
 *             KVM, as test_clock.c skips wrmsr);
 *   xen       vcpu_info[cpu].time and wc_* in shared_info (mapped by "the
 *             kernel": no hypercall), cpu up to 39 (>= 32: HYP_ERANGE);
 *   hyperv    the reference TSC page written at its MSR write, the
 *             TIME_REF_COUNT MSR, and hyp_hyperv_tsc_page_read() with the TSC
 *             from the input (its tsc hook, as test_clock_hostile.c).
 * Input: byte 0 the source (% 4: kvmclock, xen, hyperv page, hyperv
 * ref count), byte 1 the xen cpu, then the records (below), then one
 * 9-byte step per TSC read: action (bit 0: version/sequence + 1, bit 1: + 2,
 * bit 2: sequence 0, bit 3: sequence 0xffffffff) and the u64 TSC. Input used
 * up: nothing changes, the last TSC again.
 * Checked: every result is a value or an error hyp/clock.h names; TSC reads
 * per call <= HYP_CLOCK_RETRIES + 1; once the hypervisor stops changing a
 * record, an odd version is HYP_ETIMEDOUT (hyp_clock_ns() 0) and an even one
 * a time; wall time never negative, nanoseconds < 10^9.
 */
#define _GNU_SOURCE     /* REG_RIP */
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#include <hyp/clock.h>
#include <hyp/hyp.h>
#include <hyp/hyperv.h>
#include <hyp/kvm.h>
#include <hyp/x86/pvclock.h>

#include "../host/cpuid_script.h"

static _Alignas(HYP_CLOCK_CPU_ALIGN) struct hyp_clock_cpu cpu;
static union hyp_xen_shared_info_page xen_si __attribute__((aligned(4096)));
static struct hyp_hyperv_tsc_page hv_page __attribute__((aligned(4096)));
static struct hyp_pvclock_vcpu_time_info kvm_rec;       /* written at the MSR write */
static struct hyp_pvclock_wall_clock kvm_wall;
static struct hyp_hyperv_tsc_page hv_rec;
static uint64_t ref_count;

static const uint8_t *in;
static size_t in_left;
static volatile uint32_t *changing;     /* the version or sequence the steps move */
static uint64_t tsc_last;
static unsigned long tsc_reads;

static void check(bool ok)
{
	if (!ok)
		abort();
}

static void take(void *dst, size_t n)
{
	size_t k = n < in_left ? n : in_left;

	memset(dst, 0, n);
	memcpy(dst, in, k);
	in += k;
	in_left -= k;
}

/* One TSC read: the hypervisor's step first (an update in progress or done). */
static uint64_t step(void)
{
	uint8_t action;

	tsc_reads++;
	if (in_left < 9)
		return tsc_last;
	take(&action, 1);
	take(&tsc_last, 8);
	if (changing) {
		*changing += (action & 1u) + (action & 2u);
		if (action & 4u)
			*changing = 0;
		if (action & 8u)
			*changing = 0xffffffffu;
	}
	return tsc_last;
}

uint64_t fuzz_rdtsc(void)
{
	return step();
}

/* The hypervisor at rdmsr/wrmsr: 0f 32 / 0f 30, ecx the MSR, edx:eax the value. */
static void msr_trap(int sig, siginfo_t *si, void *ctx)
{
	greg_t *g = ((ucontext_t *)ctx)->uc_mcontext.gregs;
	const unsigned char *ip = (const unsigned char *)g[REG_RIP];
	uint32_t msr = (uint32_t)g[REG_RCX];
	uint64_t v = (uint64_t)(uint32_t)g[REG_RDX] << 32 | (uint32_t)g[REG_RAX];

	(void)sig;
	(void)si;
	check(ip[0] == 0x0f && (ip[1] == 0x30 || ip[1] == 0x32));
	g[REG_RIP] += 2;
	if (ip[1] == 0x32) {            /* rdmsr */
		v = msr == HYP_HYPERV_MSR_TIME_REF_COUNT ? ref_count : 0;
		g[REG_RAX] = (uint32_t)v;
		g[REG_RDX] = (uint32_t)(v >> 32);
		return;
	}
	if (msr == HYP_KVM_MSR_SYSTEM_TIME_NEW && (v & HYP_KVM_MSR_ENABLED)) {
		check((v & ~(uint64_t)1) == (uint64_t)(uintptr_t)&cpu.rec);
		memcpy(&cpu.rec, &kvm_rec, sizeof(kvm_rec));
	} else if (msr == HYP_KVM_MSR_WALL_CLOCK_NEW) {
		check(v == (uint64_t)(uintptr_t)&cpu.wall);
		memcpy(&cpu.wall, &kvm_wall, sizeof(kvm_wall));
	} else if (msr == HYP_HYPERV_MSR_REFERENCE_TSC && (v & HYP_HYPERV_TSC_REFERENCE_ENABLE)) {
		check((v & ~(uint64_t)0xfff) == (uint64_t)(uintptr_t)&hv_page);
		memcpy(&hv_page, &hv_rec, sizeof(hv_rec));
	} else {
		check(msr == HYP_KVM_MSR_SYSTEM_TIME_NEW);      /* teardown: 0 */
	}
}

static void once(void)
{
	static struct cpuid_script s;
	struct hyp_platform plat = { .ctx = &s, .cpuid = cpuid_script_fn };
	struct sigaction sa = { .sa_sigaction = msr_trap, .sa_flags = SA_SIGINFO | SA_NODEFER };
	const struct hyp_info *info;

	cpuid_script_cpu(&s, "GenuineIntel", 1);
	cpuid_script_hv(&s, 0x40000000, 0x4000000b, "Microsoft Hv");
	cpuid_script_set(&s, 0x40000001, 0x31237648, 0, 0, 0);          /* "Hv#1" */
	cpuid_script_set(&s, 0x40000003, HYP_HYPERV_MSR_REFERENCE_TSC_AVAILABLE |
			 HYP_HYPERV_MSR_TIME_REF_COUNT_AVAILABLE, 0, 0, 0);
	cpuid_script_hv(&s, 0x40000100, 0x40000101, "KVMKVMKVM\0\0\0");
	cpuid_script_set(&s, 0x40000101, (1u << HYP_KVM_FEATURE_CLOCKSOURCE2) |
			 (1u << HYP_KVM_FEATURE_CLOCKSOURCE_STABLE_BIT), 0, 0, 0);
	cpuid_script_hv(&s, 0x40000200, 0x40000205, "XenVMMXenVMM");
	cpuid_script_set(&s, 0x40000202, 1, 0x40000000, 0, 0);
	check(hyp_init(&plat) == 0);
	info = hyp_get_info();
	check((info->families & (HYP_FAMILY_KVM | HYP_FAMILY_XEN | HYP_FAMILY_HYPERV)) ==
	      (HYP_FAMILY_KVM | HYP_FAMILY_XEN | HYP_FAMILY_HYPERV));
	/* After libFuzzer's own handlers: the MSR traps are the hypervisor's. */
	check(sigaction(SIGSEGV, &sa, NULL) == 0);
}

/* Whether the record can no longer change: the steps are used up. */
static bool settled(void)
{
	return in_left < 9;
}

static void take_record(struct hyp_pvclock_vcpu_time_info *r)
{
	take(&r->version, 4);
	take(&r->tsc_timestamp, 8);
	take(&r->system_time, 8);
	take(&r->tsc_to_system_mul, 4);
	take(&r->tsc_shift, 1);
	take(&r->flags, 1);
}

static void check_read(const volatile uint32_t *version)
{
	bool odd_forever = settled() && (*version & 1u);
	bool even_forever = settled() && !(*version & 1u);
	uint64_t ns = 1, ns2;
	int r;

	tsc_reads = 0;
	r = hyp_clock_read(&cpu, &ns);
	check(tsc_reads <= HYP_CLOCK_RETRIES);
	check(r == HYP_OK || r == HYP_ETIMEDOUT);
	check(r == HYP_OK || ns == 0);
	if (odd_forever)
		check(r == HYP_ETIMEDOUT && tsc_reads == HYP_CLOCK_RETRIES);
	if (even_forever)
		check(r == HYP_OK);
	odd_forever = settled() && (*version & 1u);
	tsc_reads = 0;
	ns2 = hyp_clock_ns(&cpu);
	check(tsc_reads <= HYP_CLOCK_RETRIES + 1);
	if (odd_forever)
		check(ns2 == 0);
}

static void check_wall(void)
{
	struct hyp_clock_timespec ts = { -1, 0 };
	int r;

	tsc_reads = 0;
	r = hyp_clock_wall(&cpu, &ts);
	check(tsc_reads <= HYP_CLOCK_RETRIES);
	check(r == HYP_OK || r == HYP_ETIMEDOUT || r == HYP_ERANGE || r == HYP_EIO ||
	      r == HYP_EOPNOTSUPP);
	if (r == HYP_OK)
		check(ts.sec >= 0 && ts.nsec < 1000000000u);
}

static void fuzz_kvmclock(void)
{
	struct hyp_clock_config cfg = { .source = HYP_CLOCK_KVMCLOCK };
	int r;

	take_record(&kvm_rec);
	take(&kvm_wall, sizeof(kvm_wall));
	check(hyp_clock_init(&cfg) == HYP_CLOCK_KVMCLOCK);
	r = hyp_clock_cpu_setup(&cpu, 0);
	check(r == HYP_OK || (r == HYP_EIO && kvm_rec.version == 0));
	if (r < 0)
		return;
	changing = &cpu.rec.version;
	check_read(&cpu.rec.version);
	check_wall();
	if (kvm_wall.version & 1u) {
		struct hyp_clock_timespec ts;

		check(hyp_clock_wall(&cpu, &ts) == HYP_ETIMEDOUT);   /* staying odd */
	}
	check(hyp_clock_cpu_teardown(&cpu) == HYP_OK);
}

static void fuzz_xen(uint8_t vcpu)
{
	struct hyp_clock_config cfg = { .source = HYP_CLOCK_XEN,
		.xen_shared_info = hyp_clock_xen_page(&xen_si), .xen_shared_info_mapped = true };
	struct hyp_pvclock_vcpu_time_info rec;
	volatile struct hyp_xen_shared_info *si = &xen_si.info;
	uint32_t v;
	int r;

	vcpu %= 40;
	take_record(&rec);
	if (vcpu < HYP_XEN_LEGACY_MAX_VCPUS)
		memcpy((void *)&si->vcpu_info[vcpu].time, &rec, sizeof(rec));
	take(&v, 4);
	si->wc_version = v;
	take(&v, 4);
	si->wc_sec = v;
	take(&v, 4);
	si->wc_nsec = v;
	take(&v, 4);
	si->HYP_XEN_WC_SEC_HI = v;
	check(hyp_clock_init(&cfg) == HYP_CLOCK_XEN);
	r = hyp_clock_cpu_setup(&cpu, vcpu);
	check(r == HYP_OK || (r == HYP_ERANGE && vcpu >= HYP_XEN_LEGACY_MAX_VCPUS));
	if (r < 0) {
		check(hyp_clock_ns(&cpu) == 0);
		return;
	}
	changing = &si->vcpu_info[vcpu].time.version;
	check_read(changing);
	check_wall();
	if (si->wc_version & 1u) {
		struct hyp_clock_timespec ts;

		check(hyp_clock_wall(&cpu, &ts) == HYP_ETIMEDOUT);   /* staying odd */
	}
	check(hyp_clock_cpu_teardown(&cpu) == HYP_OK);
}

static void fuzz_hyperv(bool page)
{
	struct hyp_clock_config cfg = { .source = page ? HYP_CLOCK_HYPERV_TSC_PAGE
						       : HYP_CLOCK_HYPERV_REF_COUNT,
		.hyperv_tsc_page = page ? &hv_page : NULL };
	uint64_t t = 0, ns;
	bool ok, valid_forever;

	take(&hv_rec.tsc_sequence, 4);
	take(&hv_rec.tsc_scale, 8);
	take(&hv_rec.tsc_offset, 8);
	take(&ref_count, 8);
	check(hyp_clock_init(&cfg) == (int)cfg.source);
	check(hyp_clock_cpu_setup(&cpu, 0) == HYP_OK);
	check(hyp_clock_read(&cpu, &ns) == HYP_OK);
	check(hyp_clock_stable(&cpu));
	if (!page || hv_page.tsc_sequence == 0)
		check(ns == ref_count * 100u);
	/* hyp_clock_ns(): the page read inline (no update in progress), else the MSR */
	changing = NULL;
	ns = hyp_clock_ns(&cpu);
	if (!page || hv_page.tsc_sequence == 0)
		check(ns == ref_count * 100u);
	else
		check(ns == (hyp_hyperv_mul64_hi(tsc_last, hv_page.tsc_scale) + (uint64_t)hv_page.tsc_offset) * 100u);
	check_wall();
	check(hyp_clock_cpu_teardown(&cpu) == HYP_OK);
	/* the page's own reader, the TSC and the sequence from the steps */
	memcpy(&hv_page, &hv_rec, sizeof(hv_rec));
	changing = &hv_page.tsc_sequence;
	valid_forever = settled() && hv_page.tsc_sequence != 0;
	tsc_reads = 0;
	ok = hyp_hyperv_tsc_page_read(&hv_page, step, &t);
	check(tsc_reads < HYP_CLOCK_RETRIES);
	/* false: the page said invalid (sequence 0) or the retries are spent */
	check(ok ? hv_page.tsc_sequence != 0
		 : hv_page.tsc_sequence == 0 || tsc_reads == HYP_CLOCK_RETRIES - 1);
	check(ok || !valid_forever);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;

	if (!ready) {
		once();
		ready = true;
	}
	if (size < 2)
		return 0;
	in = data + 2;
	in_left = size - 2;
	changing = NULL;
	tsc_last = 0;
	switch (data[0] % 4) {
	case 0:
		fuzz_kvmclock();
		break;
	case 1:
		fuzz_xen(data[1]);
		break;
	default:
		fuzz_hyperv(data[0] % 4 == 2);
		break;
	}
	changing = NULL;
	return 0;
}
