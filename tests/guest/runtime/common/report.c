/* SPDX-License-Identifier: MIT */
/* report(): kvm-unit-tests style checks with one closing line. */
#include <guest/test.h>
#include <guest/trap.h>

static unsigned int passed, failed, skipped;

/* "a: b: " for report_prefix_push("a"), report_prefix_push("b"). */
static char prefix[128];
static size_t prefix_end[8];
static unsigned int prefix_depth;

void report_prefix_push(const char *p)
{
	size_t len = strlen(prefix);

	if (prefix_depth < sizeof(prefix_end) / sizeof(prefix_end[0]))
		prefix_end[prefix_depth] = len;
	prefix_depth++;
	snprintf(prefix + len, sizeof(prefix) - len, "%s: ", p);
}

void report_prefix_pop(void)
{
	if (!prefix_depth)
		return;
	prefix_depth--;
	if (prefix_depth < sizeof(prefix_end) / sizeof(prefix_end[0]))
		prefix[prefix_end[prefix_depth]] = '\0';
}

static void vline(const char *tag, const char *fmt, va_list ap)
{
	char buf[256];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	printf("%s: %s%s\n", tag, prefix, buf);
}

bool report(bool pass, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline(pass ? "PASS" : "FAIL", fmt, ap);
	va_end(ap);
	if (pass)
		passed++;
	else
		failed++;
	return pass;
}

bool report_result(long got, long want, const char *what)
{
	if (got == want)
		return report(true, "%s = %ld", what, got);
	return report(false, "%s = %ld, want %ld", what, got, want);
}

void report_skip(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline("SKIP", fmt, ap);
	va_end(ap);
	skipped++;
}

void report_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline("INFO", fmt, ap);
	va_end(ap);
}

bool report_summary(void)
{
	printf("%u passed, %u failed, %u skipped\n", passed, failed, skipped);
	return failed == 0 && passed > 0;
}

void report_abort(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline("ABORT", fmt, ap);
	va_end(ap);
	failed++;
	report_summary();
	arch_exit(false);
}

void guest_trap_unhandled(unsigned long cause, unsigned long pc, const char *fmt, ...)
{
	char details[192];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(details, sizeof(details), fmt, ap);
	va_end(ap);
	report_abort("unexpected trap: cause 0x%lx at pc 0x%lx: %s", cause, pc, details);
}

/* Called by each architecture's entry code once the machine is set up. */
void guest_main(void);
void guest_main(void)
{
	test_main();
	arch_exit(report_summary());
}
