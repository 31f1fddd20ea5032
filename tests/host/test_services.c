/* SPDX-License-Identifier: MIT */
/*
 * The portable services (lib/services.c) over a table of fake paths: the
 * one code where nothing is offered (and nothing called), the first offered
 * path taken, all-or-error console writes, power calls that never report
 * success, entropy filled whole or HYP_EAGAIN after a bounded number of
 * empty answers, steal time dispatched per set-up CPU.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "services_internal.h"

/* What lib/services.c takes from the rest of the library. */
static const struct hyp_info fake_info;
static bool initialised;
static const struct hyp_platform fake_platform;

const struct hyp_info *hyp_get_info(void)
{
	return initialised ? &fake_info : NULL;
}

const struct hyp_platform *hyp_platform_get(void)
{
	return &fake_platform;
}

void hyp_arch_cpu_relax(void)
{
}

static unsigned int calls;              /* every fake path function counts here */
static int write_answer;                /* console: what the path returns (< 0, or bytes) */
static int fill_answer;                 /* entropy: bytes per step, 0 none, < 0 error */
static unsigned int fill_steps;

static bool never(const struct hyp_info *i, const struct hyp_platform *p)
{
	(void)i;
	(void)p;
	return false;
}

static bool always(const struct hyp_info *i, const struct hyp_platform *p)
{
	(void)i;
	(void)p;
	return true;
}

static int wrong_write(const void *buf, size_t len)
{
	(void)buf;
	(void)len;
	calls += 1000;
	return HYP_EIO;
}

static int fake_write(const void *buf, size_t len)
{
	(void)buf;
	calls++;
	return write_answer == INT_MAX ? (int)len : write_answer;
}

static int fake_power(void)
{
	calls++;
	return 0;       /* a power call that "returned success" */
}

static int fill_some(uint8_t *dst, size_t len)
{
	fill_steps++;
	if (fill_answer <= 0)
		return fill_answer;
	memset(dst, 0xa5, len < (size_t)fill_answer ? len : (size_t)fill_answer);
	return fill_answer > (int)len && fill_answer != 99 ? (int)len : fill_answer;
}

static int fake_entropy(void *buf, size_t len)
{
	return hyp_service_fill(buf, len, fill_some);
}

static int steal_setups;
static int steal_setup(struct hyp_steal_cpu *st)
{
	steal_setups++;
	return st->cpu == 7 ? HYP_EINVAL : HYP_OK;
}

static int steal_read(struct hyp_steal_cpu *st, uint64_t *ns)
{
	*ns = 1000u + st->cpu;
	return HYP_OK;
}

static const struct hyp_steal_ops steal_ops = { steal_setup, NULL, steal_read };

static const struct hyp_service_path skipped = { "skipped", never, { .write = wrong_write } };
static const struct hyp_service_path taken = { "taken", always, { .write = fake_write } };
static const struct hyp_service_path later = { "later", always, { .write = wrong_write } };
static const struct hyp_service_path power = { "power", always, { .call = fake_power } };
static const struct hyp_service_path rng = { "rng", always, { .read = fake_entropy } };
static const struct hyp_service_path steal = { "steal", always, { .steal = &steal_ops } };
static const struct hyp_service_path idle_never = { "idle", never, { .call = fake_power } };

const struct hyp_service_path *const *hyp_service_table[HYP_SERVICES] = {
	[HYP_SERVICE_CONSOLE_WRITE] = HYP_SERVICE_PATHS(&skipped, &taken, &later),
	[HYP_SERVICE_POWER_OFF] = HYP_SERVICE_PATHS(&power),
	[HYP_SERVICE_ENTROPY] = HYP_SERVICE_PATHS(&rng),
	[HYP_SERVICE_IDLE] = HYP_SERVICE_PATHS(&idle_never),
	[HYP_SERVICE_STEAL_TIME] = HYP_SERVICE_PATHS(&steal),
};

static void before_init(void **state)
{
	struct hyp_steal_cpu st __attribute__((aligned(64)));
	uint64_t ns;

	(void)state;
	initialised = false;
	calls = 0;
	assert_int_equal(hyp_console_write("x", 1), HYP_ENOTINIT);
	assert_int_equal(hyp_power_off(), HYP_ENOTINIT);
	assert_int_equal(hyp_entropy(&ns, 8), HYP_ENOTINIT);
	assert_int_equal(hyp_steal_cpu_setup(&st, 0), HYP_ENOTINIT);
	assert_int_equal(hyp_steal_ns(&st, &ns), HYP_ENOTINIT);
	assert_string_equal(hyp_service_path(HYP_SERVICE_CONSOLE_WRITE), "uninitialised");
	assert_false(hyp_service_offered(HYP_SERVICE_CONSOLE_WRITE));
	assert_int_equal(calls, 0);
	initialised = true;
}

static void none_offered(void **state)
{
	char c;

	(void)state;
	calls = 0;
	/* An empty list, and a list whose one path is not offered: the one code, nothing called. */
	assert_int_equal(hyp_reset(), HYP_ENOSERVICE);
	assert_int_equal(hyp_idle(), HYP_ENOSERVICE);
	assert_int_equal(hyp_console_read(&c, 1), HYP_ENOSERVICE);
	assert_int_equal(hyp_cpu_start(1, 0, 0), HYP_ENOSERVICE);
	assert_int_equal(calls, 0);
	assert_string_equal(hyp_service_path(HYP_SERVICE_IDLE), "none");
	assert_string_equal(hyp_service_path(HYP_SERVICES), "invalid");
	assert_string_equal(hyp_service_name(HYP_SERVICE_STEAL_TIME), "steal-time");
	assert_string_equal(hyp_strerror(HYP_ENOSERVICE), "HYP_ENOSERVICE");
}

static void console_all_or_error(void **state)
{
	char buf[40] = { 0 };

	(void)state;
	calls = 0;
	assert_string_equal(hyp_service_path(HYP_SERVICE_CONSOLE_WRITE), "taken");
	write_answer = INT_MAX;
	assert_int_equal(hyp_console_write(buf, sizeof(buf)), (int)sizeof(buf));
	write_answer = 39;      /* a short count is partial progress */
	assert_int_equal(hyp_console_write(buf, sizeof(buf)), HYP_EAGAIN);
	write_answer = 0;
	assert_int_equal(hyp_console_write(buf, sizeof(buf)), HYP_EAGAIN);
	write_answer = HYP_EPERM;
	assert_int_equal(hyp_console_write(buf, sizeof(buf)), HYP_EPERM);
	assert_int_equal(calls, 4);
	assert_int_equal(hyp_console_write(NULL, 1), HYP_EINVAL);
	assert_int_equal(hyp_console_write(buf, (size_t)INT_MAX + 1), HYP_EINVAL);
	assert_int_equal(hyp_console_write(buf, 0), 0);
	assert_int_equal(calls, 4);
}

static void power_never_succeeds(void **state)
{
	(void)state;
	calls = 0;
	assert_int_equal(hyp_power_off(), HYP_EIO);
	assert_int_equal(calls, 1);
}

static void entropy_whole_or_eagain(void **state)
{
	uint8_t buf[50];

	(void)state;
	fill_answer = 8;
	fill_steps = 0;
	memset(buf, 0, sizeof(buf));
	assert_int_equal(hyp_entropy(buf, sizeof(buf)), (int)sizeof(buf));
	assert_int_equal(fill_steps, 7);
	assert_int_equal(buf[49], 0xa5);
	fill_answer = 0;
	fill_steps = 0;
	assert_int_equal(hyp_entropy(buf, sizeof(buf)), HYP_EAGAIN);
	assert_int_equal(fill_steps, HYP_SERVICE_RETRIES);
	fill_answer = HYP_EAGAIN;
	fill_steps = 0;
	assert_int_equal(hyp_entropy(buf, 1), HYP_EAGAIN);
	assert_int_equal(fill_steps, HYP_SERVICE_RETRIES);
	fill_answer = HYP_ENOSYS;
	assert_int_equal(hyp_entropy(buf, 1), HYP_ENOSYS);
	fill_answer = 99;       /* more than asked: the source is broken */
	assert_int_equal(hyp_entropy(buf, 8), HYP_EIO);
}

static void steal_per_cpu(void **state)
{
	struct hyp_steal_cpu st __attribute__((aligned(64)));
	uint64_t ns = 5;

	(void)state;
	assert_int_equal(hyp_steal_cpu_setup((struct hyp_steal_cpu *)((char *)&st + 8), 0),
			 HYP_EINVAL);
	assert_int_equal(hyp_steal_cpu_setup(&st, 7), HYP_EINVAL);      /* the path refused */
	assert_int_equal(hyp_steal_ns(&st, &ns), HYP_ENOSERVICE);
	assert_true(ns == 0);
	assert_int_equal(hyp_steal_cpu_setup(&st, 3), HYP_OK);
	assert_int_equal(hyp_steal_ns(&st, &ns), HYP_OK);
	assert_true(ns == 1003);
	assert_int_equal(hyp_steal_cpu_teardown(&st), HYP_OK);
	assert_int_equal(hyp_steal_ns(&st, &ns), HYP_ENOSERVICE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(before_init),
		cmocka_unit_test(none_offered),
		cmocka_unit_test(console_all_or_error),
		cmocka_unit_test(power_never_succeeds),
		cmocka_unit_test(entropy_whole_or_eagain),
		cmocka_unit_test(steal_per_cpu),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
