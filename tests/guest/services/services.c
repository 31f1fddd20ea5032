/* SPDX-License-Identifier: MIT */
/*
 * The portable services test: one source for every architecture, written
 * against <hyp/services.h> and hyp_init() only (glue_<arch>.c gives the
 * machine's words). Every service either answers through the path it names
 * ("INFO: path <service> = <path>", collected into the README's matrix by
 * tests/guest/services/matrix.py) or returns HYP_ENOSERVICE with no trap.
 * What can be seen outside is checked outside (CMakeLists.txt): the console
 * lines byte for byte in the log, the second boot after hyp_reset(), QEMU's
 * status after hyp_power_off().
 */
#include <guest/test.h>
#include <hyp/core.h>
#include <hyp/services.h>

#include "glue.h"

#define SCRATCH_MAGIC   0x53565331u     /* "SVS1": scratch[0]; [1] boots; [2..5] entropy */
#define SPIN_LIMIT      200000000ul

static volatile int secondary_state;    /* 1: the started CPU ran; 2: its hyp_cpu_stop() returned */
static volatile int secondary_stop_ret;
static uint8_t secondary_stack[8192] __attribute__((aligned(16)));
static unsigned long traps_before;

void services_secondary(void)
{
	__atomic_store_n(&secondary_state, 1, __ATOMIC_SEQ_CST);
	secondary_stop_ret = hyp_cpu_stop();
	__atomic_store_n(&secondary_state, 2, __ATOMIC_SEQ_CST);
	for (;;)
		;
}

/* A service with no path: the one code, and no trap. */
static void not_offered(enum hyp_service s, int got)
{
	report(got == HYP_ENOSERVICE && glue_traps() == traps_before,
	       "%s: not offered here: %s (%d), no trap", hyp_service_name(s), hyp_strerror(got), got);
}

static void before_init(void)
{
	struct hyp_steal_cpu st;
	uint64_t ns;
	char c;
	int r[] = { hyp_console_write("x", 1), hyp_console_read(&c, 1), hyp_entropy(&c, 1),
		    hyp_idle(), hyp_yield(), hyp_cpu_start(1, 0, 0), hyp_cpu_stop(),
		    hyp_steal_cpu_setup(&st, 0), hyp_steal_ns(&st, &ns), hyp_power_off(),
		    hyp_reset(), hyp_crash() };
	unsigned int bad = 0;

	for (unsigned int i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		bad += r[i] != HYP_ENOTINIT;
	report(bad == 0 && glue_traps() == traps_before,
	       "before hyp_init(): every service HYP_ENOTINIT, no trap (%u other)", bad);
	report(!strcmp(hyp_service_path(HYP_SERVICE_CONSOLE_WRITE), "uninitialised"),
	       "before hyp_init(): path \"uninitialised\"");
}

/* 48 lines of 64 bytes, each rotated by its number: a lost or doubled piece shows outside. */
static void console(void)
{
	static const char alnum[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
	static const char line[] = "services-console: 0123456789abcdefghijklmnopqrstuvwxyz"
				   "ABCDEFGHIJKLMNOPQRSTUVWXYZ !#%&()*+,-./:<=>?@[]^_{|}~ end\n";
	static char big[48 * 84];
	size_t n = 0;
	int ret;

	if (!hyp_service_offered(HYP_SERVICE_CONSOLE_WRITE)) {
		not_offered(HYP_SERVICE_CONSOLE_WRITE, hyp_console_write("x", 1));
		return;
	}
	ret = hyp_console_write(line, sizeof(line) - 1);
	report(ret == (int)sizeof(line) - 1, "console-write: one line: %d of %u bytes", ret,
	       (unsigned int)sizeof(line) - 1);
	for (unsigned int l = 0; l < 48; l++) {
		n += (size_t)snprintf(big + n, sizeof(big) - n, "services-long %02u: ", l);
		for (unsigned int i = 0; i < 62; i++)
			big[n++] = alnum[(i + l) % 62];
		big[n++] = '\n';
	}
	ret = hyp_console_write(big, n);
	report(ret == (int)n, "console-write: %u bytes in one call: %d", (unsigned int)n, ret);
	report(hyp_console_write(big, 0) == 0, "console-write: 0 bytes: 0");
	report(hyp_console_write(NULL, 1) == HYP_EINVAL, "console-write: NULL: HYP_EINVAL");
}

static void console_read(void)
{
	char buf[16];
	int ret;

	if (!hyp_service_offered(HYP_SERVICE_CONSOLE_READ)) {
		not_offered(HYP_SERVICE_CONSOLE_READ, hyp_console_read(buf, sizeof(buf)));
		return;
	}
	ret = hyp_console_read(buf, sizeof(buf));
	report(ret >= 0 && ret <= (int)sizeof(buf), "console-read: nothing typed: %d byte(s)", ret);
}

static void entropy(volatile uint32_t *scratch, uint32_t boot)
{
	uint32_t a[8], b[8];
	bool zero = true, same = true;
	int ra, rb;

	if (!hyp_service_offered(HYP_SERVICE_ENTROPY)) {
		not_offered(HYP_SERVICE_ENTROPY, hyp_entropy(a, sizeof(a)));
		return;
	}
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	ra = hyp_entropy(a, sizeof(a));
	rb = hyp_entropy(b, 5);         /* a length that is no whole word */
	for (unsigned int i = 0; i < 8; i++) {
		zero &= a[i] == 0;
		same &= i >= 1 || a[i] == b[i];
	}
	report(ra == (int)sizeof(a) && rb == 5, "entropy: %d and %d bytes", ra, rb);
	report(!zero && !same && memcmp(a, a + 4, 16), "entropy: not constant (%08x%08x%08x%08x)",
	       a[0], a[1], a[2], a[3]);
	if (!scratch)
		return;
	if (boot == 1) {
		for (unsigned int i = 0; i < 4; i++)
			scratch[2 + i] = a[i];
	} else {
		report(memcmp((const void *)(uintptr_t)(scratch + 2), a, 16) != 0,
		       "entropy: differs from the first boot's (%08x%08x...)", scratch[2], scratch[3]);
	}
}

static void idle(void)
{
	int ret;

	if (!hyp_service_offered(HYP_SERVICE_IDLE)) {
		not_offered(HYP_SERVICE_IDLE, hyp_idle());
		return;
	}
	if (!glue_wakeup_arm()) {
		report_skip("idle: no interrupt source armed on this machine");
		return;
	}
	ret = hyp_idle();
	report(ret == 0 && glue_wakeup_done(), "idle: returned %d on the pending interrupt", ret);
}

static void yield(void)
{
	if (!hyp_service_offered(HYP_SERVICE_YIELD)) {
		not_offered(HYP_SERVICE_YIELD, hyp_yield());
		return;
	}
	report_call(0, hyp_yield());
}

static bool wait_spins(int want, unsigned long spins)
{
	for (unsigned long i = 0; i < spins; i++)
		if (__atomic_load_n(&secondary_state, __ATOMIC_SEQ_CST) == want)
			return true;
	return false;
}

/* Start it; it reports and stops; a second start succeeds only if it stopped. */
static void cpus(void)
{
	uintptr_t stack = (uintptr_t)(secondary_stack + sizeof(secondary_stack));
	uint64_t cpu;
	int ret;

	if (!hyp_service_offered(HYP_SERVICE_CPU_START)) {
		not_offered(HYP_SERVICE_CPU_START, hyp_cpu_start(1, 0, 0));
		if (!hyp_service_offered(HYP_SERVICE_CPU_STOP))
			not_offered(HYP_SERVICE_CPU_STOP, hyp_cpu_stop());
		return;
	}
	if (!glue_other_cpu(&cpu)) {
		report_skip("cpu-start: no second CPU on this machine");
		report_info("not exercised: cpu-stop: no CPU was started");
		return;
	}
	for (unsigned int round = 1; round <= 2; round++) {
		secondary_state = 0;
		ret = hyp_cpu_start(cpu, glue_secondary_entry(), stack);
		for (unsigned long i = 0; round == 2 && ret != 0 && i < SPIN_LIMIT / 1000; i++)
			ret = hyp_cpu_start(cpu, glue_secondary_entry(), stack);  /* CPU_OFF may still be pending */
		report(ret == 0, "cpu-start round %u: CPU %llu accepted: %s", round,
		       (unsigned long long)cpu, hyp_strerror(ret));
		if (ret)
			return;
		report(wait_spins(1, SPIN_LIMIT), "cpu-start round %u: the started CPU ran and reported", round);
		report(!wait_spins(2, SPIN_LIMIT / 100),
		       "cpu-stop round %u: hyp_cpu_stop() did not return (%d)", round, secondary_stop_ret);
	}
}

static void steal(void)
{
	static struct hyp_steal_cpu st;
	uint64_t a = 0, b = 0;
	int ret;

	if (!hyp_service_offered(HYP_SERVICE_STEAL_TIME)) {
		not_offered(HYP_SERVICE_STEAL_TIME, hyp_steal_cpu_setup(&st, 0));
		not_offered(HYP_SERVICE_STEAL_TIME, hyp_steal_ns(&st, &a));
		return;
	}
	ret = hyp_steal_cpu_setup(&st, 0);
	report(ret == 0, "steal-time: set up: %s", hyp_strerror(ret));
	if (ret)
		return;
	ret = hyp_steal_ns(&st, &a);
	for (volatile unsigned long i = 0; i < 20000000ul; i++)
		;
	ret |= hyp_steal_ns(&st, &b);
	report(ret == 0 && b >= a, "steal-time: monotonic: %llu then %llu ns",
	       (unsigned long long)a, (unsigned long long)b);
	if (glue_steal() == GLUE_STEAL_NONZERO)
		report(a > 0, "steal-time: the hypervisor's count is not 0 (%llu ns)",
		       (unsigned long long)a);
	/* Made to steal: busy up to 40 more rounds for the host to preempt this vCPU. */
	for (unsigned int round = 0; glue_steal() == GLUE_STEAL_GROWS && b == a && round < 40 && !ret;
	     round++) {
		for (volatile unsigned long i = 0; i < 20000000ul; i++)
			;
		ret = hyp_steal_ns(&st, &b);
	}
	if (glue_steal() == GLUE_STEAL_GROWS)
		report(ret == 0 && b > a, "steal-time: grew by %llu ns while the host ran something else",
		       (unsigned long long)(b - a));
	report_call(0, hyp_steal_cpu_teardown(&st));
}

/* An offered power service this run does not end by: said, for the matrix. */
static void unexercised(enum hyp_service s, enum glue_end by)
{
	if (hyp_service_offered(s) && glue_end() != by)
		report_info("not exercised: %s: the run does not end by it here", hyp_service_name(s));
}

/* The last act: the summary, then the call whose effect the outside checks. */
static void end_by(enum hyp_service s, int (*call)(void))
{
	int ret;

	if (!report(hyp_service_offered(s), "%s: offered, to end the run", hyp_service_name(s)))
		return;
	if (!report_summary())
		return;
	glue_before_end(true);
	printf("services: ending through %s %s\n", hyp_service_name(s), hyp_service_path(s));
	ret = call();
	report(false, "%s: returned %s", hyp_service_name(s), hyp_strerror(ret));
}

void test_main(void)
{
	volatile uint32_t *scratch = glue_scratch();
	uint32_t boot = 1;
	int ret;

	traps_before = glue_traps();
	if (scratch && scratch[0] == SCRATCH_MAGIC)
		boot = scratch[1] + 1;
	printf("services: boot %u\n", (unsigned int)boot);
	if (boot > 2) {
		scratch[0] = 0;
		report(false, "services: boot %u: hyp_reset() looped", (unsigned int)boot);
		return;
	}
	before_init();
	ret = hyp_init(glue_platform());
	report(ret == 0, "hyp_init(): %s", hyp_strerror(ret));
	glue_after_init();
	for (unsigned int s = 0; s < HYP_SERVICES; s++)
		report_info("path %s = %s", hyp_service_name((enum hyp_service)s),
			    hyp_service_path((enum hyp_service)s));
	console();
	console_read();
	entropy(scratch, boot);
	idle();
	yield();
	cpus();
	steal();
	if (!hyp_service_offered(HYP_SERVICE_CRASH))
		not_offered(HYP_SERVICE_CRASH, hyp_crash());
	report(glue_traps() == traps_before, "no trap in the whole run (%lu)", glue_traps() - traps_before);

	if (!hyp_service_offered(HYP_SERVICE_RESET)) {
		not_offered(HYP_SERVICE_RESET, hyp_reset());
	} else if (boot == 1 && scratch) {   /* the reset, seen as the second boot */
		if (!report_summary())
			return;
		scratch[1] = 1;
		scratch[0] = SCRATCH_MAGIC;
		printf("services: resetting through %s\n", hyp_service_path(HYP_SERVICE_RESET));
		ret = hyp_reset();
		scratch[0] = 0;
		report(false, "reset: hyp_reset() returned %s", hyp_strerror(ret));
		return;
	} else if (boot == 2) {
		scratch[0] = 0;
		report(true, "reset: second boot after hyp_reset() seen (boot 2)");
	}

	if (!hyp_service_offered(HYP_SERVICE_POWER_OFF))
		not_offered(HYP_SERVICE_POWER_OFF, hyp_power_off());
	unexercised(HYP_SERVICE_POWER_OFF, GLUE_END_POWER_OFF);
	unexercised(HYP_SERVICE_CRASH, GLUE_END_CRASH);
	if (!scratch || boot == 1)
		unexercised(HYP_SERVICE_RESET, GLUE_END_RESET);
	switch (glue_end()) {
	case GLUE_END_POWER_OFF:
		end_by(HYP_SERVICE_POWER_OFF, hyp_power_off);
		break;
	case GLUE_END_RESET:
		end_by(HYP_SERVICE_RESET, hyp_reset);
		break;
	case GLUE_END_CRASH:
		end_by(HYP_SERVICE_CRASH, hyp_crash);
		break;
	case GLUE_END_RUNTIME:
		break;
	}
}
