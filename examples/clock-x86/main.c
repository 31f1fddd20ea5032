/* SPDX-License-Identifier: MIT */
/*
 * clock-x86: the hypervisor's time through <hyp/clock.h>. After hyp_init(),
 * every x86 source is tried in turn (kvmclock, Xen's shared_info, Hyper-V's
 * reference TSC page and TIME_REF_COUNT); each one found is set up on this
 * CPU and read: monotonic ns and, where the source has one, the wall clock.
 * Console: debugcon (port 0xE9). Exit: isa-debug-exit at 0xf4, 1 = pass.
 */
#include <hyp/hyp.h>

void kernel_main(void);

static struct hyp_clock_cpu clk;                        /* one per CPU in a real kernel */
static union hyp_xen_shared_info_page shared_info;      /* Xen maps shared_info here */
static _Alignas(4096) struct hyp_hyperv_tsc_page tsc_page;  /* Hyper-V writes this page */

void *memset(void *dst, int c, size_t n)
{
	for (unsigned char *d = dst; n--;)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	for (unsigned char *d = dst, *s = (unsigned char *)src; n--;)
		*d++ = *s++;
	return dst;
}

static void puts(const char *s)
{
	while (*s)
		__asm__ __volatile__("outb %0, %1" : : "a"(*s++), "Nd"((uint16_t)0xe9));
}

static void put_dec(uint64_t u, int width)
{
	char buf[24];
	int i = sizeof(buf) - 1;

	buf[i] = '\0';
	do
		buf[--i] = (char)('0' + u % 10);
	while (((u /= 10) || sizeof(buf) - 1 - i < (unsigned int)width) && i > 0);
	puts(buf + i);
}

static void __attribute__((noreturn)) exit_qemu(bool pass)
{
	puts(pass ? "PASS\n" : "FAIL\n");
	__asm__ __volatile__("outb %0, %1" : : "a"((uint8_t)!pass), "Nd"((uint16_t)0xf4));
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

/* Seconds since 1970 as a UTC date (civil calendar from days, 400-year eras from 0000-03-01). */
static void put_date(int64_t sec)
{
	int64_t z = sec / 86400 + 719468, era = z / 146097, rest = sec % 86400;
	uint64_t doe = (uint64_t)(z - era * 146097);
	uint64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	uint64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
	uint64_t month = mp < 10 ? mp + 3 : mp - 9;

	put_dec((uint64_t)(era * 400) + yoe + (month <= 2), 4);
	puts("-"), put_dec(month, 2), puts("-"), put_dec(doy - (153 * mp + 2) / 5 + 1, 2);
	puts(" "), put_dec((uint64_t)rest / 3600, 2), puts(":"), put_dec((uint64_t)rest / 60 % 60, 2);
	puts(":"), put_dec((uint64_t)rest % 60, 2), puts(" UTC");
}

void kernel_main(void)
{
	struct hyp_clock_config cfg = { .xen_shared_info = hyp_clock_xen_page(&shared_info),
					.hyperv_tsc_page = &tsc_page };
	struct hyp_clock_timespec ts;
	unsigned int found = 0;
	bool ok = true;

	if (hyp_init(NULL) || !hyp_get_info())
		exit_qemu(false);
	puts("hypervisor: "), puts(hyp_kind_name(hyp_get_info()->kind)), puts("\n");
	for (cfg.source = HYP_CLOCK_KVMCLOCK; cfg.source <= HYP_CLOCK_HYPERV_REF_COUNT; cfg.source++) {
		uint64_t t0, t1;
		int rc;

		if (hyp_clock_init(&cfg) < 0 || hyp_clock_cpu_setup(&clk, 0) < 0)
			continue;       /* not here: nothing was executed for it */
		found++;
		t0 = hyp_clock_ns(&clk);
		t1 = hyp_clock_ns(&clk);
		ok &= t1 >= t0;
		puts("clock: "), puts(hyp_clock_name()), puts(": "), put_dec(t1 / 1000000000u, 1);
		puts("."), put_dec(t1 % 1000000000u, 9), puts(" s since its epoch");
		rc = hyp_clock_wall(&clk, &ts);
		if (rc == 0)
			puts(", wall time "), put_date(ts.sec);
		ok &= rc == 0 || rc == HYP_EOPNOTSUPP;
		puts("\n");
		hyp_clock_cpu_teardown(&clk);
	}
	if (!found)
		puts("clock: no source here\n");
	exit_qemu(ok && (found > 0) == (hyp_get_info()->kind != HYP_KIND_TCG));
}
