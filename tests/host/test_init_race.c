/* SPDX-License-Identifier: MIT */
/*
 * hyp_init() raced deterministically: the first caller is paused inside
 * detection (in the platform's cpuid hook) while a second caller enters.
 * The second must wait for the first, not detect again nor return early:
 * the test releases the first only once the second has spent 50 ms of CPU
 * time inside hyp_init (it spins), or fails as soon as the second enters
 * detection or returns. A one-time init without its atomic state fails
 * this on every run, not by chance of timing.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <time.h>

#include <hyp/hyp.h>

#include "cpuid_script.h"

static struct cpuid_script script;
static pthread_t first_thread;
static volatile int first_paused, release_first, second_entered_detection;
static volatile int second_started, second_done;
static int first_result = 1, second_result = 1;

static void hook(void *ctx, uint32_t leaf, uint32_t subleaf, uint32_t regs[4])
{
	if (!pthread_equal(pthread_self(), first_thread)) {
		__atomic_store_n(&second_entered_detection, 1, __ATOMIC_SEQ_CST);
	} else if (!first_paused) {
		__atomic_store_n(&first_paused, 1, __ATOMIC_SEQ_CST);
		while (!__atomic_load_n(&release_first, __ATOMIC_SEQ_CST))
			sched_yield();
	}
	cpuid_script_fn(ctx, leaf, subleaf, regs);
}

static struct hyp_platform plat = { .ctx = &script, .cpuid = hook };

static void *first(void *arg)
{
	(void)arg;
	first_result = hyp_init(&plat);
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

int main(void)
{
	pthread_t t2;
	int failed = 0;
	const char *why = "";

	cpuid_script_cpu(&script, "GenuineIntel", 1);
	cpuid_script_hv(&script, 0x40000000, 0x40000001, "KVMKVMKVM\0\0\0");
	if (pthread_create(&first_thread, NULL, first, NULL))
		return 2;
	while (!__atomic_load_n(&first_paused, __ATOMIC_SEQ_CST))
		sched_yield();
	if (pthread_create(&t2, NULL, second, NULL))
		return 2;
	while (!__atomic_load_n(&second_started, __ATOMIC_SEQ_CST))
		sched_yield();
	for (;;) {
		double cpu;

		if (__atomic_load_n(&second_entered_detection, __ATOMIC_SEQ_CST)) {
			why = "the second caller ran detection while the first was inside it";
			failed = 1;
			break;
		}
		if (__atomic_load_n(&second_done, __ATOMIC_SEQ_CST)) {
			why = "the second caller returned while the first was still detecting";
			failed = 1;
			break;
		}
		cpu = cpu_seconds(t2);
		if (cpu < 0) {
			why = "no per-thread CPU clock";
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
		why = "the two callers got different results";
		failed = 1;
	}
	if (!failed && (!hyp_get_info() || hyp_get_info()->kind != HYP_KIND_KVM ||
			hyp_kvm_gate != HYP_GATE_X86_VMCALL)) {
		why = "the result is not the first caller's detection";
		failed = 1;
	}
	printf("%s: second hyp_init waits for the first and returns its result%s%s\n",
	       failed ? "FAIL" : "PASS", failed ? ": " : "", why);
	return failed;
}
