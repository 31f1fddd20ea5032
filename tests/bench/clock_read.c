/* SPDX-License-Identifier: MIT */
/*
 * The clock's read path in executed instructions (not time): the program
 * forks, the child calls each reader once on a hand-made pvclock record,
 * and the parent single-steps it (ptrace) from the reader's first
 * instruction to its return, counting. Deterministic: no writer, so no
 * retry; the TSC is real (rdtsc runs in user mode).
 *
 *   libhyp    hyp_clock_ns() from lib/clock.c, as a kernel calls it
 *   linux pvclock_clocksource_read  the logic of Linux's pvclock_clocksource_read()
 *             (arch/x86/kernel/pvclock.c), written out here: version with
 *             bit 0 cleared, read barrier, rdtsc_ordered, the scaled delta,
 *             flags, version re-read; the GUEST_STOPPED check; the stable
 *             test against the global valid flags; else the atomic
 *             last-value maximum
 *   linux kvm_clock_read  the same inside kvm_clock_read(): preemption off,
 *             the per-CPU record pointer, preemption on
 *   minimal   the least a correct reader does: the retry loop and the
 *             scaled delta, no stable test, no guard
 *
 * Each on a stable record (flags = TSC_STABLE) and an unstable one (the
 * guard runs; the clock's last value is below the reading, so the
 * compare-and-swap runs once). Prints one line per reader and case.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include <hyp/clock.h>
#include <hyp/x86/pvclock.h>

/* ---- the Linux-equivalent reader ---------------------------------------- */
uint8_t linux_valid_flags = HYP_PVCLOCK_TSC_STABLE_BIT;   /* Linux: pvclock_set_flags() */
static uint64_t linux_last_value;
void linux_touch_watchdogs(void);
__attribute__((noinline)) void linux_touch_watchdogs(void) { __asm__ __volatile__(""); }

static inline __attribute__((always_inline))
uint64_t linux_pvclock_read(volatile struct hyp_pvclock_vcpu_time_info *src)
{
	uint32_t version;
	uint64_t ret, last;
	uint8_t flags;

	do {
		version = src->version & ~1u;
		__asm__ __volatile__("" ::: "memory");
		ret = src->system_time + hyp_pvclock_scale(hyp_x86_rdtsc_ordered() - src->tsc_timestamp,
							   src->tsc_to_system_mul, src->tsc_shift);
		flags = src->flags;
		__asm__ __volatile__("" ::: "memory");
	} while (version != src->version);
	if (__builtin_expect(flags & HYP_PVCLOCK_GUEST_STOPPED, 0)) {
		src->flags &= (uint8_t)~HYP_PVCLOCK_GUEST_STOPPED;
		linux_touch_watchdogs();
	}
	if ((linux_valid_flags & HYP_PVCLOCK_TSC_STABLE_BIT) && (flags & HYP_PVCLOCK_TSC_STABLE_BIT))
		return ret;
	last = __atomic_load_n(&linux_last_value, __ATOMIC_RELAXED);
	do {
		if (ret <= last)
			return last;
	} while (!__atomic_compare_exchange_n(&linux_last_value, &last, ret, true,
					      __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));
	return ret;
}

__attribute__((noinline))
uint64_t linux_read(volatile struct hyp_pvclock_vcpu_time_info *src);
__attribute__((noinline))
uint64_t linux_read(volatile struct hyp_pvclock_vcpu_time_info *src)
{
	return linux_pvclock_read(src);
}

/*
 * Linux's kvm_clock_read() around it: preemption off (a per-CPU counter
 * increment), the per-CPU record pointer, preemption on (decrement; zero
 * means a reschedule is due). Linux reaches per-CPU data through %gs; here
 * the per-CPU area comes as the argument.
 */
struct linux_percpu {
	volatile struct hyp_pvclock_vcpu_time_info *pvti;
	int preempt_count;
};
void linux_preempt_schedule(void);
__attribute__((noinline)) void linux_preempt_schedule(void) { __asm__ __volatile__(""); }

__attribute__((noinline))
uint64_t linux_kvm_clock_read(volatile struct linux_percpu *gs);
__attribute__((noinline))
uint64_t linux_kvm_clock_read(volatile struct linux_percpu *gs)
{
	uint64_t ret;

	gs->preempt_count++;
	__asm__ __volatile__("" ::: "memory");
	ret = linux_pvclock_read(gs->pvti);
	__asm__ __volatile__("" ::: "memory");
	if (__builtin_expect(--gs->preempt_count == 0, 0))
		linux_preempt_schedule();
	return ret;
}

/* ---- the minimal reader --------------------------------------------------- */
__attribute__((noinline))
uint64_t minimal_read(const volatile struct hyp_pvclock_vcpu_time_info *src);
__attribute__((noinline))
uint64_t minimal_read(const volatile struct hyp_pvclock_vcpu_time_info *src)
{
	struct hyp_pvclock_vcpu_time_info r;

	return hyp_pvclock_read(src, &r);
}

/* ---- counting ----------------------------------------------------------------- */
static struct hyp_pvclock_vcpu_time_info rec;
static _Alignas(HYP_CLOCK_CPU_ALIGN) struct hyp_clock_cpu cpu;

static struct linux_percpu percpu = { .pvti = &rec, .preempt_count = 1 };

enum { LIBHYP, LINUX, LINUX_KVM, MINIMAL };
static const char *const names[] = {
	"libhyp hyp_clock_ns()", "linux pvclock_clocksource_read", "linux kvm_clock_read", "minimal",
};

static uintptr_t entry_of(int which)
{
	switch (which) {
	case LIBHYP: return (uintptr_t)hyp_clock_ns;
	case LINUX: return (uintptr_t)linux_read;
	case LINUX_KVM: return (uintptr_t)linux_kvm_clock_read;
	default: return (uintptr_t)minimal_read;
	}
}

static void setup(int stable)
{
	rec = (struct hyp_pvclock_vcpu_time_info){ .version = 2, .tsc_timestamp = hyp_x86_rdtsc_ordered(),
		.system_time = 1000000000ull, .tsc_to_system_mul = 3308780349u, .tsc_shift = -1,
		.flags = stable ? HYP_PVCLOCK_TSC_STABLE_BIT : 0 };
	cpu.pvclock = &rec;
	cpu.source = HYP_CLOCK_KVMCLOCK;
	cpu.stable_mask = HYP_PVCLOCK_TSC_STABLE_BIT;
}

static volatile uint64_t sink;

static void child(int which, int stable)
{
	setup(stable);
	ptrace(PTRACE_TRACEME, 0, NULL, NULL);
	raise(SIGSTOP);
	switch (which) {
	case LIBHYP: sink = hyp_clock_ns(&cpu); break;
	case LINUX: sink = linux_read(&rec); break;
	case LINUX_KVM: sink = linux_kvm_clock_read(&percpu); break;
	default: sink = minimal_read(&rec); break;
	}
	_exit(0);
}

static long count(int which, int stable)
{
	pid_t pid = fork();
	int status;
	long steps = 0;
	int inside = 0;
	uintptr_t ret = 0, entry = entry_of(which);

	if (pid == 0)
		child(which, stable);
	waitpid(pid, &status, 0);
	for (;;) {
		struct user_regs_struct regs;
		uintptr_t pc, sp;

		if (ptrace(PTRACE_GETREGS, pid, NULL, &regs) < 0)
			break;
#ifdef __x86_64__
		pc = regs.rip;
		sp = regs.rsp;
#else
		pc = regs.eip;
		sp = regs.esp;
#endif
		if (!inside && pc == entry) {
			inside = 1;
			ret = (uintptr_t)ptrace(PTRACE_PEEKDATA, pid, (void *)sp, NULL);
		} else if (inside && pc == ret) {
			break;
		}
		if (inside)
			steps++;
		if (ptrace(PTRACE_SINGLESTEP, pid, NULL, NULL) < 0)
			break;
		waitpid(pid, &status, 0);
		if (WIFEXITED(status))
			break;
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return inside ? steps : -1;
}

int main(void)
{
	for (int stable = 1; stable >= 0; stable--)
		for (int which = LIBHYP; which <= MINIMAL; which++) {
			if (which == MINIMAL && !stable)
				continue;
			printf("%-32s %-9s %3ld instructions\n", names[which],
			       stable ? "stable" : "unstable", count(which, stable));
		}
	return 0;
}
