/* SPDX-License-Identifier: MIT */
/*
 * The clock API (hyp/clock.h) on aarch64: KVM PTP under the real nested
 * KVM (tests/guest/kvm-host-arm64), no source elsewhere. Command line:
 *   expect=kvm|none   the source hyp_clock_init() must choose
 *   now=SECONDS       the host's `date +%s` when the run started
 * Checked: the errors before hyp_init() and without a source, monotonic
 * reads of the counter-based time, the wall clock against `now`, and a
 * second PTP answer against the wall clock computed from the first
 * (counter time vs the host's CLOCK_REALTIME) within PTP_BOUND_NS.
 */
#include <guest/arm64.h>
#include <guest/test.h>
#include <hyp/clock.h>
#include <hyp/hyp.h>

#define READS           200000u
#define WALL_EARLY_S    5
#define WALL_LATE_S     60
#define PTP_BOUND_NS    200000      /* 200 us: a 1% scale error over the interval exceeds it */
#define SPIN_READS      500000u     /* between the two PTP answers (a few hundred ms) */

static _Alignas(HYP_CLOCK_CPU_ALIGN) struct hyp_clock_cpu clk;
static int64_t host_now;

static int64_t cmdline_int(const char *key)
{
	const char *s = guest_cmdline();
	size_t n = strlen(key);
	int64_t v = 0;

	for (; s && *s; s++) {
		if ((s == guest_cmdline() || s[-1] == ' ') && !memcmp(s, key, n) && s[n] == '=') {
			for (s += n + 1; *s >= '0' && *s <= '9'; s++)
				v = v * 10 + (*s - '0');
			return v;
		}
	}
	return 0;
}

static void no_source(void)
{
	struct hyp_clock_timespec ts;
	int rc = hyp_clock_init(NULL);

	report(rc == HYP_ENOHYP, "hyp_clock_init(): %s (no source)", hyp_strerror(rc));
	report(!strcmp(hyp_clock_name(), "none"), "source \"%s\"", hyp_clock_name());
	report(hyp_clock_cpu_setup(&clk, 0) == HYP_ENOHYP, "cpu setup: HYP_ENOHYP");
	report(hyp_clock_ns(&clk) == 0 && hyp_clock_wall(&clk, &ts) == HYP_ENOHYP,
	       "no time read, no call made");
}

static void kvm_ptp(void)
{
	struct hyp_clock_timespec ts;
	uint64_t first, prev, now, w1, w2, t1, t2, ticks;
	unsigned int back = 0;
	int64_t diff;
	int rc;

	rc = hyp_clock_init(NULL);
	report(rc == HYP_CLOCK_KVM_PTP && !strcmp(hyp_clock_name(), "kvm-ptp"),
	       "hyp_clock_init(): %d, source \"%s\"", rc, hyp_clock_name());
	report(hyp_clock_cpu_setup((struct hyp_clock_cpu *)((char *)&clk + 8), 0) == HYP_EINVAL,
	       "a misaligned per-CPU area: HYP_EINVAL");
	rc = hyp_clock_cpu_setup(&clk, 0);
	if (!report(rc == 0, "hyp_clock_cpu_setup(): %s", hyp_strerror(rc)))
		return;
	report(hyp_clock_stable(&clk), "one system counter: stable");
	first = prev = hyp_clock_ns(&clk);
	for (unsigned int i = 0; i < READS; i++) {
		now = hyp_clock_ns(&clk);
		back += now < prev;
		prev = now;
	}
	report(back == 0 && prev > first, "%u reads never went backwards (%u did), %llu ns passed",
	       READS, back, (unsigned long long)(prev - first));

	rc = hyp_clock_wall(&clk, &ts);
	report(rc == 0 && ts.nsec < 1000000000u, "hyp_clock_wall(): %s, %lld.%09u", hyp_strerror(rc),
	       (long long)ts.sec, ts.nsec);
	if (host_now)
		report(ts.sec >= host_now - WALL_EARLY_S && ts.sec <= host_now + WALL_LATE_S,
		       "wall clock %lld s is %lld s after the host's date at launch (allowed -%d..+%d)",
		       (long long)ts.sec, (long long)(ts.sec - host_now), WALL_EARLY_S, WALL_LATE_S);
	else
		report_skip("no now= on the command line");

	/*
	 * The counter's scale against the host's CLOCK_REALTIME: two PTP
	 * answers, each followed at once by a clock read; the clock's interval
	 * against PTP's. Then the wall clock against a PTP answer right after.
	 */
	rc = hyp_kvm_arm_ptp(HYP_SMCCC_KVM_PTP_VIRT_COUNTER, &w1, &ticks);
	t1 = hyp_clock_ns(&clk);
	for (unsigned int i = 0; i < SPIN_READS; i++)
		(void)hyp_clock_ns(&clk);
	rc |= hyp_kvm_arm_ptp(HYP_SMCCC_KVM_PTP_VIRT_COUNTER, &w2, &ticks);
	t2 = hyp_clock_ns(&clk);
	diff = (int64_t)(t2 - t1) - (int64_t)(w2 - w1);
	report(rc == 0 && diff >= -PTP_BOUND_NS && diff <= PTP_BOUND_NS,
	       "counter time %llu ns between two PTP answers %llu ns apart: %lld ns off (bound %d)",
	       (unsigned long long)(t2 - t1), (unsigned long long)(w2 - w1), (long long)diff,
	       PTP_BOUND_NS);
	rc = hyp_clock_wall(&clk, &ts);
	rc |= hyp_kvm_arm_ptp(HYP_SMCCC_KVM_PTP_VIRT_COUNTER, &w1, &ticks);
	diff = (int64_t)(w1 - ((uint64_t)ts.sec * 1000000000ull + ts.nsec));
	report(rc == 0 && diff >= 0 && diff <= PTP_BOUND_NS,
	       "hyp_clock_wall() %lld ns before the host's time in the PTP answer after it (bound %d)",
	       (long long)diff, PTP_BOUND_NS);
}

void test_main(void)
{
	struct hyp_platform plat = { .fdt = guest_fdt(), .fdt_size = guest_fdt_size() };
	int rc;

	host_now = cmdline_int("now");
	report_info("cmdline \"%s\"", guest_cmdline());
	report(hyp_clock_init(NULL) == HYP_ENOTINIT, "before hyp_init(): HYP_ENOTINIT");
	rc = hyp_init(&plat);
	report(rc == 0 && hyp_get_info(), "hyp_init(): %s, %s", hyp_strerror(rc),
	       hyp_get_info() ? hyp_kind_name(hyp_get_info()->kind) : "-");
	if (guest_cmdline_has("expect=kvm"))
		kvm_ptp();
	else
		no_source();
}
