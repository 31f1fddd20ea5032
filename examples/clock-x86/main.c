/* SPDX-License-Identifier: MIT */
/*
 * clock-x86: print the time the hypervisor keeps. hyp_init(), then
 * hyp_clock_init() picks the fastest source (kvmclock, Xen's shared_info,
 * Hyper-V's reference TSC page), or the one named by source=<name> on the
 * command line; this CPU's area is set up and read. Boots as a PVH ELF
 * under the nested KVM (also with Hyper-V), Xen (PVH dom0) or QEMU TCG.
 */
#include <guest/test.h>
#include <guest/x86.h>
#include <hyp/clock.h>
#include <hyp/hyp.h>

static struct hyp_clock_cpu clk;                        /* one per CPU in a real kernel */
static union hyp_xen_shared_info_page shared_info;      /* Xen maps its page here */
static _Alignas(4096) struct hyp_hyperv_tsc_page tsc_page;  /* Hyper-V fills it */

/* Days since 1970-01-01 to a proleptic Gregorian date (400-year eras from 0000-03-01). */
static void civil(int64_t days, int *y, unsigned int *m, unsigned int *d)
{
	int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned int doe = (unsigned int)(z - era * 146097);
	unsigned int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static enum hyp_clock_source source_named(const char *name)
{
	static const char *const names[] = { "", "kvmclock", "xen", "hyperv-tsc-page",
					     "hyperv-ref-count" };

	for (unsigned int i = 1; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(name, names[i]))
			return (enum hyp_clock_source)i;
	return HYP_CLOCK_NONE;
}

void test_main(void)
{
	struct hyp_clock_config cfg = { .xen_shared_info = &shared_info,
					.hyperv_tsc_page = &tsc_page };
	struct hyp_clock_timespec ts;
	char want[24] = "";
	uint64_t t0, t1;
	int ret;

	hyp_init(NULL);
	if (guest_cmdline_get("source", want, sizeof(want)))
		cfg.source = source_named(want);
	ret = hyp_clock_init(&cfg);
	if (ret < 0) {
		printf("clock: no source under %s (%s)\n", hyp_kind_name(hyp_get_info()->kind),
		       hyp_strerror(ret));
		report(ret == HYP_ENOHYP && hyp_clock_ns(&clk) == 0, "no source, nothing read");
		return;
	}
	ret = hyp_clock_cpu_setup(&clk, 0);
	if (!report(ret == 0, "clock: %s on CPU 0", hyp_clock_name()))
		return;
	t0 = hyp_clock_ns(&clk);
	t1 = hyp_clock_ns(&clk);
	printf("clock: %s, %s across CPUs, %llu.%09llu s since its epoch\n", hyp_clock_name(),
	       hyp_clock_stable(&clk) ? "stable" : "guarded",
	       (unsigned long long)(t1 / 1000000000u), (unsigned long long)(t1 % 1000000000u));
	ret = hyp_clock_wall(&clk, &ts);
	if (ret == 0) {
		int64_t days = ts.sec / 86400, rest = ts.sec % 86400;
		unsigned int mon, day;
		int year;

		civil(days, &year, &mon, &day);
		printf("clock: wall time %d-%02u-%02u %02u:%02u:%02u.%06u UTC\n", year, mon, day,
		       (unsigned int)(rest / 3600), (unsigned int)(rest / 60 % 60),
		       (unsigned int)(rest % 60), ts.nsec / 1000);
	} else {
		printf("clock: no wall clock from %s (%s)\n", hyp_clock_name(), hyp_strerror(ret));
	}
	report(t1 >= t0 && (ret == 0 || ret == HYP_EOPNOTSUPP), "time read");
}
