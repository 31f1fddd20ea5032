/* SPDX-License-Identifier: MIT */
/*
 * The clock against a hostile hypervisor (issue 25): wall-clock values at
 * the ends of their range (no UB, HYP_ERANGE where the time does not fit),
 * records that never settle (bounded retries, HYP_ETIMEDOUT), and a second
 * hyp_clock_init() while a CPU reads the first source (refused, HYP_EBUSY).
 * Every test runs under alarm(): an unbounded loop fails, not hangs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <hyp/clock.h>
#include <hyp/hyp.h>
#include <hyp/hyperv.h>
#include <hyp/x86/pvclock.h>

#include "clock_internal.h"
#include "clock_fake_source.h"
#include "cpuid_script.h"

#define ALARM_S 60

static _Alignas(HYP_CLOCK_CPU_ALIGN) struct hyp_clock_cpu cpu_a;
static union hyp_xen_shared_info_page xen_si __attribute__((aligned(4096)));
/* Xen's wall clock under a source whose time is fake_now. */
static int xen_wall_base(struct hyp_clock_cpu *c, struct hyp_clock_timespec *base)
{
	return hyp_clock_xen.wall_base(c, base);
}

static const struct hyp_clock_ops fake_xen_source = {
	.id = HYP_CLOCK_XEN, .name = "fake-xen", .probe = fake_probe,
	.cpu_setup = fake_cpu_setup, .read = fake_read, .wall_base = xen_wall_base,
};
static const struct hyp_clock_ops *const fake_sources[] = { &fake_source, NULL };
static const struct hyp_clock_ops *const fake_xen_sources[] = { &fake_xen_source, NULL };

static int setup(void **state)
{
	static struct cpuid_script s;
	struct hyp_platform plat = { .ctx = &s, .cpuid = cpuid_script_fn };
	struct hyp_clock_config cfg = { .xen_shared_info = hyp_clock_xen_page(&xen_si), .xen_shared_info_mapped = true };

	(void)state;
	cpuid_script_cpu(&s, "GenuineIntel", 0);
	assert_int_equal(hyp_init(&plat), 0);
	assert_int_equal(hyp_clock_xen.init(&cfg), HYP_OK);   /* the page wall_base reads */
	return 0;
}

static void use(const struct hyp_clock_ops *const *sources)
{
	hyp_clock_cpu_teardown(&cpu_a);
	fake_found = true;
	assert_true(hyp_clock_select(sources, NULL) > 0);
	assert_int_equal(hyp_clock_cpu_setup(&cpu_a, 0), HYP_OK);
}

static void xen_wc(uint32_t version, uint32_t sec_hi, uint32_t sec, uint32_t nsec)
{
	xen_si.info.wc_version = version;
	xen_si.info.HYP_XEN_WC_SEC_HI = sec_hi;
	xen_si.info.wc_sec = sec;
	xen_si.info.wc_nsec = nsec;
}

/* wc_sec_hi:wc_sec is Xen's unsigned 64-bit count: beyond INT64_MAX, or a sum that is, HYP_ERANGE. */
static void test_wall_range(void **state)
{
	struct hyp_clock_timespec ts;

	(void)state;
	alarm(ALARM_S);
	use(fake_xen_sources);
	fake_now = 5000000000ull;
	xen_wc(2, 0x7fffffffu, 0xffffffffu, 999999999u);    /* INT64_MAX s, +5 s: does not fit */
	assert_int_equal(hyp_clock_wall(&cpu_a, &ts), HYP_ERANGE);
	xen_wc(2, 0x80000000u, 0, 0);                       /* >= 2^63 s: not a signed count */
	assert_int_equal(hyp_clock_wall(&cpu_a, &ts), HYP_ERANGE);
	xen_wc(2, 0xffffffffu, 0xffffffffu, 0);
	assert_int_equal(hyp_clock_wall(&cpu_a, &ts), HYP_ERANGE);
	xen_wc(2, 0x7fffffffu, 0xfffffffau, 0);             /* INT64_MAX - 5 + 5: fits exactly */
	assert_int_equal(hyp_clock_wall(&cpu_a, &ts), HYP_OK);
	assert_true(ts.sec == INT64_MAX && ts.nsec == 0);
	xen_wc(2, 1, 2, 3);
	assert_int_equal(hyp_clock_wall(&cpu_a, &ts), HYP_OK);
	assert_true(ts.sec == (int64_t)(1ull << 32 | 2) + 5 && ts.nsec == 3);

	/* the source's time near 2^64 ns plus the base's nanoseconds: carried, not wrapped */
	use(fake_sources);
	fake_now = UINT64_MAX;
	fake_base = (struct hyp_clock_timespec){ .sec = 0, .nsec = 999999999u };
	assert_int_equal(hyp_clock_wall(&cpu_a, &ts), HYP_OK);
	assert_true(ts.sec == 18446744074ll && ts.nsec == 709551614u);
	fake_base = (struct hyp_clock_timespec){ .sec = INT64_MAX - 18446744073ll, .nsec = 999999999u };
	assert_int_equal(hyp_clock_wall(&cpu_a, &ts), HYP_ERANGE);
	fake_base.sec = -1;                                 /* a source's base before 1970 */
	fake_now = 0;
	assert_int_equal(hyp_clock_wall(&cpu_a, &ts), HYP_OK);
	assert_true(ts.sec == -1 && ts.nsec == 999999999u);
	alarm(0);
}

/*
 * A second hyp_clock_init() while a CPU is set up is refused and changes
 * nothing: the CPU keeps reading (and can be torn down by) the first source.
 */
static void test_reinit_refused(void **state)
{
	struct hyp_clock_timespec ts;
	int ret;

	(void)state;
	alarm(ALARM_S);
	use(fake_sources);
	fake_now = 1234;
	fake_base = (struct hyp_clock_timespec){ .sec = 1, .nsec = 0 };
	fake_found = false;                     /* the second init finds nothing */
	ret = hyp_clock_select(fake_sources, NULL);
	assert_true(hyp_clock_ns(&cpu_a) == 1234);
	assert_int_equal(hyp_clock_wall(&cpu_a, &ts), HYP_OK);
	assert_int_equal(ret, HYP_EBUSY);
	assert_int_equal(hyp_clock_source(), HYP_CLOCK_HYPERV_REF_COUNT);
	assert_int_equal(hyp_clock_cpu_teardown(&cpu_a), HYP_OK);
	assert_int_equal(hyp_clock_select(fake_sources, NULL), HYP_ENOHYP);   /* now allowed */
	assert_int_equal(hyp_clock_source(), HYP_CLOCK_NONE);
	fake_found = true;
	alarm(0);
}

/*
 * A Xen page that did not come through hyp_clock_xen_page() (C's brace
 * elision puts a pointer into `checked` with only a warning): HYP_EINVAL,
 * nothing chosen; zero is "no Xen page".
 */
static void test_xen_page_unchecked(void **state)
{
	struct hyp_clock_config cfg = { HYP_CLOCK_NONE };

	(void)state;
	hyp_clock_cpu_teardown(&cpu_a);
	cfg.xen_shared_info.checked = (uint32_t)(uintptr_t)&xen_si;
	assert_int_equal(hyp_clock_select(fake_sources, &cfg), HYP_EINVAL);
	cfg.xen_shared_info.checked = 0;
	cfg.xen_shared_info.page = &xen_si;
	assert_int_equal(hyp_clock_select(fake_sources, &cfg), HYP_EINVAL);
	cfg.xen_shared_info.page = NULL;
	assert_true(hyp_clock_select(fake_sources, &cfg) > 0);
	cfg.xen_shared_info = hyp_clock_xen_page(&xen_si);
	assert_true(hyp_clock_select(fake_sources, &cfg) > 0);
}

/* kvmclock/Xen record whose version stays odd: 0 from hyp_clock_ns, HYP_ETIMEDOUT from the read. */
static void test_pvclock_odd_forever(void **state)
{
	static _Alignas(HYP_CLOCK_CPU_ALIGN) struct hyp_clock_cpu c;
	struct hyp_clock_timespec ts;
	uint64_t ns = 1;

	(void)state;
	alarm(ALARM_S);
	use(fake_sources);
	c = cpu_a;
	c.rec = (struct hyp_pvclock_vcpu_time_info){ .version = 7, .system_time = 5,
		.tsc_to_system_mul = 1u << 31, .flags = HYP_PVCLOCK_TSC_STABLE_BIT };
	c.pvclock = &c.rec;
	assert_true(hyp_clock_ns(&c) == 0);
	assert_int_equal(hyp_clock_read(&c, &ns), HYP_ETIMEDOUT);
	assert_true(ns == 0);
	assert_int_equal(hyp_clock_wall(&c, &ts), HYP_ETIMEDOUT);
	c.rec.flags = 0;                        /* the guarded path too */
	assert_true(hyp_clock_ns(&c) == 0);
	c.rec.version = 8;                      /* closed: a time again */
	assert_int_equal(hyp_clock_read(&c, &ns), HYP_OK);
	assert_true(ns != 0);
	alarm(0);
}

/* Xen's wc_version staying odd: HYP_ETIMEDOUT. */
static void test_xen_wc_odd_forever(void **state)
{
	struct hyp_clock_timespec base;

	(void)state;
	alarm(ALARM_S);
	xen_wc(3, 0, 1, 2);
	assert_int_equal(hyp_clock_xen.wall_base(&cpu_a, &base), HYP_ETIMEDOUT);
	xen_wc(2, 0, 1, 2);
	alarm(0);
}

/* Hyper-V's TSC page sequence changing on every read: false (the caller reads the MSR). */
static struct hyp_hyperv_tsc_page hv_page __attribute__((aligned(4096)));

static uint64_t bump_sequence(void)
{
	hv_page.tsc_sequence++;
	if (!hv_page.tsc_sequence)
		hv_page.tsc_sequence = 1;
	return 1000;
}

static void test_hyperv_sequence_forever(void **state)
{
	uint64_t t = 0;

	(void)state;
	alarm(ALARM_S);
	hv_page.tsc_sequence = 1;
	hv_page.tsc_scale = 1ull << 63;
	assert_false(hyp_hyperv_tsc_page_read(&hv_page, bump_sequence, &t));
	alarm(0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wall_range),
		cmocka_unit_test(test_reinit_refused),
		cmocka_unit_test(test_xen_page_unchecked),
		cmocka_unit_test(test_pvclock_odd_forever),
		cmocka_unit_test(test_xen_wc_odd_forever),
		cmocka_unit_test(test_hyperv_sequence_forever),
	};

	if (getenv("HYP_TEST_FILTER"))
		cmocka_set_test_filter(getenv("HYP_TEST_FILTER"));
	return cmocka_run_group_tests(tests, setup, NULL);
}
