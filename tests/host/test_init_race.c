/* SPDX-License-Identifier: MIT */
/*
 * hyp_init() raced deterministically: the first caller is paused at one
 * point while a second caller enters. The points: after each atomic step
 * the first caller takes before detection (lib/init.c is built into this
 * test with a hook after every __atomic builtin, init_race_hooks.h), then
 * inside detection (in the platform's cpuid hook). At every point the
 * second must wait for the first, not detect itself nor return early: the
 * test releases the first only once the second has spent 50 ms of CPU time
 * inside hyp_init (it spins), or fails as soon as the second enters
 * detection or returns. Each point runs in its own process (hyp_init() is
 * once per process). A one-time init without its atomic state, or whose
 * check and set are two steps, fails this on every run, not by chance.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <hyp/hyp.h>

#include "cpuid_script.h"

#define NO_SUCH_STEP    5       /* child's exit status: the first caller reached detection first */
#define MAX_STEPS       16

static struct cpuid_script script;
static pthread_t first_thread;
static int pause_step;          /* 1..: after that atomic step; 0: inside detection */
static int first_steps;
static volatile int go, first_detecting, first_paused, release_first, first_done;
static volatile int second_entered_detection, second_started, second_done;
static int first_result = 1, second_result = 1;

static void pause_first(void)
{
	__atomic_store_n(&first_paused, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&release_first, __ATOMIC_SEQ_CST))
		sched_yield();
}

/* Called by init.c after each of its atomic operations (init_race_hooks.h). */
void init_race_step(const void *addr);
void init_race_step(const void *addr)
{
	(void)addr;
	if (!pthread_equal(pthread_self(), first_thread) || first_detecting || first_paused)
		return;
	if (++first_steps == pause_step)
		pause_first();
}

static void hook(void *ctx, uint32_t leaf, uint32_t subleaf, uint32_t regs[4])
{
	if (!pthread_equal(pthread_self(), first_thread)) {
		__atomic_store_n(&second_entered_detection, 1, __ATOMIC_SEQ_CST);
	} else if (!first_detecting) {
		first_detecting = 1;
		if (pause_step == 0)
			pause_first();
	}
	cpuid_script_fn(ctx, leaf, subleaf, regs);
}

static struct hyp_platform plat = { .ctx = &script, .cpuid = hook };

static void *first(void *arg)
{
	(void)arg;
	while (!__atomic_load_n(&go, __ATOMIC_SEQ_CST))
		sched_yield();
	first_result = hyp_init(&plat);
	__atomic_store_n(&first_done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void *second(void *arg)
{
	(void)arg;
	__atomic_store_n(&second_started, 1, __ATOMIC_SEQ_CST);
	second_result = hyp_init(&plat);
	__atomic_store_n(&second_done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static double cpu_seconds(pthread_t t)
{
	clockid_t clock;
	struct timespec ts;

	if (pthread_getcpuclockid(t, &clock) || clock_gettime(clock, &ts))
		return -1;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One point, in a child process: 0 pass, 1 fail, NO_SUCH_STEP. */
static int race_at(int step, char *why, size_t why_len)
{
	pthread_t t2;
	const char *msg = "";
	int failed = 0;

	pause_step = step;
	cpuid_script_cpu(&script, "GenuineIntel", 1);
	cpuid_script_hv(&script, 0x40000000, 0x40000001, "KVMKVMKVM\0\0\0");
	if (pthread_create(&first_thread, NULL, first, NULL))
		return 2;
	__atomic_store_n(&go, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&first_paused, __ATOMIC_SEQ_CST)) {
		if (__atomic_load_n(&first_done, __ATOMIC_SEQ_CST)) {
			pthread_join(first_thread, NULL);
			return NO_SUCH_STEP;
		}
		sched_yield();
	}
	if (pthread_create(&t2, NULL, second, NULL))
		return 2;
	while (!__atomic_load_n(&second_started, __ATOMIC_SEQ_CST))
		sched_yield();
	for (;;) {
		double cpu;

		if (__atomic_load_n(&second_entered_detection, __ATOMIC_SEQ_CST)) {
			msg = "the second caller ran detection while the first was inside hyp_init";
			failed = 1;
			break;
		}
		if (__atomic_load_n(&second_done, __ATOMIC_SEQ_CST)) {
			msg = "the second caller returned while the first was still in hyp_init";
			failed = 1;
			break;
		}
		cpu = cpu_seconds(t2);
		if (cpu < 0) {
			msg = "no per-thread CPU clock";
			failed = 1;
			break;
		}
		if (cpu >= 0.05)
			break;      /* spinning inside hyp_init: it waits */
		sched_yield();
	}
	__atomic_store_n(&release_first, 1, __ATOMIC_SEQ_CST);
	pthread_join(first_thread, NULL);
	pthread_join(t2, NULL);
	if (!failed && (first_result != HYP_OK || second_result != first_result)) {
		msg = "the two callers got different results";
		failed = 1;
	}
	if (!failed && (!hyp_get_info() || hyp_get_info()->kind != HYP_KIND_KVM ||
			hyp_kvm_gate != HYP_GATE_X86_VMCALL)) {
		msg = "the result is not the first caller's detection";
		failed = 1;
	}
	snprintf(why, why_len, "%s", msg);
	return failed;
}

/* Runs race_at(step) in a child; its verdict line is printed by the parent. */
static int run_point(int step)
{
	int fds[2], status;
	char why[160] = "";
	pid_t pid;
	ssize_t n;

	if (pipe(fds))
		return 2;
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		int rc = race_at(step, why, sizeof(why));

		n = write(fds[1], why, sizeof(why));
		(void)n;
		_exit(rc);
	}
	close(fds[1]);
	n = read(fds[0], why, sizeof(why) - 1);
	why[n > 0 ? n : 0] = '\0';
	close(fds[0]);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 2;
	if (WEXITSTATUS(status) == NO_SUCH_STEP)
		return NO_SUCH_STEP;
	if (step)
		printf("%s: first caller paused after atomic step %d of hyp_init: ",
		       WEXITSTATUS(status) ? "FAIL" : "PASS", step);
	else
		printf("%s: first caller paused inside detection: ", WEXITSTATUS(status) ? "FAIL" : "PASS");
	printf("the second waits and returns its result%s%s\n", WEXITSTATUS(status) ? ": " : "", why);
	return WEXITSTATUS(status) ? 1 : 0;
}

int main(void)
{
	int failed = 0, rc, steps = 0;

	for (int step = 1; step <= MAX_STEPS; step++) {
		rc = run_point(step);
		if (rc == NO_SUCH_STEP)
			break;
		steps++;
		failed |= rc != 0;
	}
	if (steps == 0) {
		printf("FAIL: no atomic step before detection in hyp_init (the hooks did not apply)\n");
		failed = 1;
	}
	failed |= run_point(0) != 0;
	printf("%d atomic step(s) before detection, %s\n", steps, failed ? "FAILED" : "all passed");
	return failed;
}
