/* SPDX-License-Identifier: MIT */
/*
 * The clock bench's program (tests/bench/clock_linux.py): one read per run,
 * `clock_cmp libhyp CASE` through libhyp, `clock_cmp linux FUNCTION` through
 * Linux's code (the generated linux_<target>-<cc>.c). The bench counts the
 * instructions of the measured function only; this file sets its state up.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <hyp/clock.h>
#if defined(__x86_64__) || defined(__i386__)
#include <hyp/hyperv.h>
#include <hyp/x86/pvclock.h>
#endif

uint64_t bench_linux(const char *which);        /* the generated Linux file */

static _Alignas(HYP_CLOCK_CPU_ALIGN) struct hyp_clock_cpu cpu;
static volatile uint64_t out;

/* After the measured call: a store and a barrier, so it is no tail call and returns here. */
static inline uint64_t MEASURED(uint64_t v)
{
	out = v;
	__asm__ __volatile__("" ::: "memory");
	return out;
}

#if defined(__x86_64__) || defined(__i386__)
extern struct hyp_hyperv_tsc_page *hyp_hyperv_tsc_page_active;     /* lib/clock.c */
static struct hyp_pvclock_vcpu_time_info rec;
static struct hyp_hyperv_tsc_page page __attribute__((aligned(4096)));

static uint64_t bench_libhyp(const char *which)
{
	bool (*volatile page_read)(const volatile struct hyp_hyperv_tsc_page *, uint64_t (*)(void),
				   uint64_t *) = hyp_hyperv_tsc_page_read;
	uint64_t (*volatile clock_ns)(struct hyp_clock_cpu *) = hyp_clock_ns;
	uint64_t t = 0;

	/* The same record and page as the Linux side's glue. */
	rec = (struct hyp_pvclock_vcpu_time_info){ .version = 2, .tsc_timestamp = hyp_x86_rdtsc_ordered(),
		.system_time = 1000000000ull, .tsc_to_system_mul = 3308780349u, .tsc_shift = -1,
		.flags = strcmp(which, "pvclock_unstable") ? HYP_PVCLOCK_TSC_STABLE_BIT : 0 };
	page.tsc_sequence = 3;
	page.tsc_scale = 0x1234567890abcdefull;
	page.tsc_offset = 123456;
	if (!strncmp(which, "pvclock", 7)) {
		cpu.pvclock = &rec;
		cpu.source = strcmp(which, "pvclock_xen") ? HYP_CLOCK_KVMCLOCK : HYP_CLOCK_XEN;
		cpu.stable_mask = HYP_PVCLOCK_TSC_STABLE_BIT;
		return MEASURED(clock_ns(&cpu));
	}
	if (!strcmp(which, "hyperv_page_read"))
		return MEASURED(page_read(&page, NULL, &t)) ? t : 0;
	hyp_hyperv_tsc_page_active = &page;
	cpu.source = HYP_CLOCK_HYPERV_TSC_PAGE;
	cpu.stable_mask = 1;
	cpu.read_path = 1;      /* HYP_CLOCK_PATH_HYPERV_PAGE (lib/clock_internal.h), as cpu_setup sets it */
	return MEASURED(clock_ns(&cpu));
}
#elif defined(__aarch64__)
extern uint64_t hyp_arm64_ns_per_tick;  /* lib/arm64/clock_arm64.c */

static uint64_t bench_libhyp(const char *which)
{
	uint64_t (*volatile clock_ns)(struct hyp_clock_cpu *) = hyp_clock_ns;

	(void)which;
	hyp_arm64_ns_per_tick = 40ull << 32;    /* 25 MHz, as hyp_clock_init() sets it */
	cpu.source = HYP_CLOCK_KVM_PTP;
	cpu.stable_mask = 1;
	cpu.read_path = 2;      /* HYP_CLOCK_PATH_ARM64_COUNTER (lib/clock_internal.h) */
	return MEASURED(clock_ns(&cpu));
}
#endif

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	printf("%llu\n", (unsigned long long)(strcmp(argv[1], "linux") ? bench_libhyp(argv[2])
									: bench_linux(argv[2])));
	return 0;
}
