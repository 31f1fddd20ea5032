/* SPDX-License-Identifier: MIT */
/*
 * The clock API on the host: the pvclock retry loop against a writer thread
 * that updates a record with odd/even versions; the cross-CPU guard and the
 * stable bit on hand-made records; the gates (no source without the KVM
 * clock feature bits: no MSR is touched). The arithmetic: clock_arith.c.
 * Layouts: clock_abi_checks.c (compile time).
 */
#define _GNU_SOURCE     /* REG_RIP */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <ucontext.h>

#include <hyp/clock.h>
#include <hyp/hyp.h>
#include <hyp/x86/pvclock.h>

#include "clock_internal.h"
#include "cpuid_script.h"

int hyp_clock_abi_checked(void);

#define WRITER_HOLD_SPINS   200     /* the writer dawdles inside an update */
#define MID_UPDATE_READS    100     /* enough reads begun inside an update: stop */
#define MIN_READS           200000
#define TIME_BUDGET_S       3.0     /* else stop here; at least one must have begun inside */

static struct hyp_pvclock_vcpu_time_info shared_rec;
static volatile int writer_stop;
static int in_update;
static unsigned long writer_updates;

/* Every field follows from the generation g: a torn copy mixes two. */
static uint64_t sys_of(uint64_t g) { return g * 1000003u + 7; }
static uint32_t mul_of(uint64_t g) { return (uint32_t)(g * 2654435761u) | 1u; }
static int8_t shift_of(uint64_t g) { return (int8_t)(g % 9) - 4; }

static void spin(void)
{
	for (int i = 0; i < WRITER_HOLD_SPINS; i++)
		__asm__ __volatile__("pause" ::: "memory");
}

static void *writer(void *arg)
{
	volatile struct hyp_pvclock_vcpu_time_info *r = &shared_rec;
	uint64_t g = 1;

	(void)arg;
	while (!writer_stop) {
		g++;
		__atomic_store_n(&shared_rec.version, shared_rec.version + 1, __ATOMIC_RELEASE);
		__atomic_store_n(&in_update, 1, __ATOMIC_RELEASE);
		r->tsc_timestamp = g;
		spin();                     /* the reader comes in while the record is odd */
		r->system_time = sys_of(g);
		spin();
		r->tsc_to_system_mul = mul_of(g);
		r->tsc_shift = shift_of(g);
		r->flags = (uint8_t)(g & 1);
		__atomic_store_n(&in_update, 0, __ATOMIC_RELEASE);
		__atomic_store_n(&shared_rec.version, shared_rec.version + 1, __ATOMIC_RELEASE);
		writer_updates++;
		spin();
	}
	return NULL;
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Reads until MID_UPDATE_READS of them began while the writer was inside an
 * update (or TIME_BUDGET_S passed; at least one must have): those must wait
 * for the even version.
 */
static void test_retry_loop(void **state)
{
	pthread_t t;
	unsigned long torn = 0, odd = 0, mid = 0, reads = 0;
	double start = seconds();

	(void)state;
	shared_rec = (struct hyp_pvclock_vcpu_time_info){ .version = 2, .tsc_timestamp = 1,
		.system_time = sys_of(1), .tsc_to_system_mul = mul_of(1), .tsc_shift = shift_of(1),
		.flags = 1 };
	assert_int_equal(pthread_create(&t, NULL, writer, NULL), 0);
	while ((mid < MID_UPDATE_READS || reads < MIN_READS) && seconds() - start < TIME_BUDGET_S) {
		struct hyp_pvclock_vcpu_time_info s;
		int during = __atomic_load_n(&in_update, __ATOMIC_ACQUIRE);
		uint64_t g;

		hyp_pvclock_read(&shared_rec, &s);
		g = s.tsc_timestamp;
		odd += s.version & 1;
		if (s.system_time != sys_of(g) || s.tsc_to_system_mul != mul_of(g) ||
		    s.tsc_shift != shift_of(g) || s.flags != (uint8_t)(g & 1))
			torn++;
		mid += (unsigned long)during;
		reads++;
	}
	writer_stop = 1;
	pthread_join(t, NULL);
	print_message("%lu snapshots in %.2f s, %lu begun inside one of %lu writer updates: "
		      "%lu torn, %lu odd\n", reads, seconds() - start, mid, writer_updates, torn, odd);
	assert_int_equal(torn, 0);
	assert_int_equal(odd, 0);
	assert_true(mid >= 1);                  /* the two really interleaved */
}

static void test_abi(void **state)
{
	(void)state;
	assert_int_equal(hyp_clock_abi_checked(), 1);
	assert_int_equal(HYP_CLOCK_CPU_SIZE % HYP_CLOCK_CPU_ALIGN, 0);
	assert_int_equal(offsetof(struct hyp_clock_cpu, rec), 0);
}

/*
 * The guard: a CPU whose record is 1000 s behind another's. Unstable (or
 * always_guard): its reads are held at the other's; stable: its own value.
 */
static _Alignas(HYP_CLOCK_CPU_ALIGN) struct hyp_clock_cpu cpu_a, cpu_b;
static struct hyp_pvclock_vcpu_time_info rec_a, rec_b;

static void fake_cpu(struct hyp_clock_cpu *c, struct hyp_pvclock_vcpu_time_info *r,
		     uint64_t system_time, uint8_t flags, uint8_t stable_mask)
{
	*r = (struct hyp_pvclock_vcpu_time_info){ .version = 2, .tsc_timestamp = hyp_x86_rdtsc_ordered(),
		.system_time = system_time, .tsc_to_system_mul = 1u << 31, .tsc_shift = 0,
		.flags = flags };
	memset(c, 0, sizeof(*c));
	c->pvclock = r;
	c->source = HYP_CLOCK_KVMCLOCK;
	c->stable_mask = stable_mask;
}

static void test_guard_and_stable(void **state)
{
	const uint64_t ahead = 2000000000000ull, behind = 1000000000000ull;
	uint64_t a, b, b2;

	(void)state;
	/* stable record, library honours the bit: no guard */
	fake_cpu(&cpu_a, &rec_a, ahead, HYP_PVCLOCK_TSC_STABLE_BIT, HYP_PVCLOCK_TSC_STABLE_BIT);
	fake_cpu(&cpu_b, &rec_b, behind, HYP_PVCLOCK_TSC_STABLE_BIT, HYP_PVCLOCK_TSC_STABLE_BIT);
	assert_true(hyp_clock_stable(&cpu_a));
	a = hyp_clock_ns(&cpu_a);
	b = hyp_clock_ns(&cpu_b);
	assert_true(a >= ahead && b >= behind && b < ahead);
	/* record not stable: b is held at the largest time handed out */
	rec_b.flags = 0;
	assert_false(hyp_clock_stable(&cpu_b));
	a = hyp_clock_ns(&cpu_a);           /* stable: does not feed the guard */
	rec_a.flags = 0;
	a = hyp_clock_ns(&cpu_a);           /* unstable: feeds it */
	b = hyp_clock_ns(&cpu_b);
	assert_true(b >= a);
	b2 = hyp_clock_ns(&cpu_b);
	assert_true(b2 >= b);
	/* stable flag set but the library's mask clear (always_guard, no CPUID bit) */
	rec_b.flags = HYP_PVCLOCK_TSC_STABLE_BIT;
	cpu_b.stable_mask = 0;
	assert_false(hyp_clock_stable(&cpu_b));
	assert_true(hyp_clock_ns(&cpu_b) >= a);
	/* not set up: 0 */
	memset(&cpu_b, 0, sizeof(cpu_b));
	assert_int_equal(hyp_clock_ns(&cpu_b), 0);
}

/* KVM found, but without KVM_FEATURE_CLOCKSOURCE(2): no source, no MSR touched. */
static void test_gates(void **state)
{
	static struct cpuid_script s;
	struct hyp_platform plat = { .ctx = &s, .cpuid = cpuid_script_fn };
	struct hyp_clock_config bad = { .source = HYP_CLOCK_SOURCES };
	struct hyp_clock_timespec ts;

	(void)state;
	assert_int_equal(hyp_clock_init(NULL), HYP_ENOTINIT);
	assert_int_equal(hyp_clock_cpu_setup(&cpu_a, 0), HYP_ENOTINIT);
	cpuid_script_cpu(&s, "AuthenticAMD", 1);
	cpuid_script_hv(&s, 0x40000000, 0x40000001, "KVMKVMKVM\0\0\0");
	cpuid_script_set(&s, 0x40000001, 1u << HYP_KVM_FEATURE_PV_UNHALT, 0, 0, 0);
	assert_int_equal(hyp_init(&plat), 0);
	assert_true(hyp_get_info()->families & HYP_FAMILY_KVM);
	assert_int_equal(hyp_clock_init(&bad), HYP_EINVAL);
	assert_int_equal(hyp_clock_init(NULL), HYP_ENOHYP);
	assert_int_equal(hyp_clock_source(), HYP_CLOCK_NONE);
	assert_string_equal(hyp_clock_name(), "none");
	assert_int_equal(hyp_clock_cpu_setup(NULL, 0), HYP_EINVAL);
	assert_int_equal(hyp_clock_cpu_setup((struct hyp_clock_cpu *)((char *)&cpu_a + 4), 0), HYP_EINVAL);
	assert_int_equal(hyp_clock_cpu_setup(&cpu_a, 0), HYP_ENOHYP);
	assert_int_equal(hyp_clock_ns(&cpu_a), 0);
	assert_int_equal(hyp_clock_wall(&cpu_a, &ts), HYP_ENOHYP);
	assert_int_equal(hyp_clock_wall(NULL, &ts), HYP_EINVAL);
	assert_int_equal(hyp_clock_cpu_teardown(NULL), HYP_EINVAL);
	assert_int_equal(hyp_clock_cpu_teardown(&cpu_a), 0);
}

/*
 * A source with its own read (Hyper-V, arm64 KVM PTP) goes through the same
 * guard: a read it calls unstable is held at the largest time handed out; a
 * stable one is its own value unless the CPU's mask asks for the guard.
 */
#include "clock_fake_source.h"

static void test_read_source_guard(void **state)
{
	static const struct hyp_clock_ops *const sources[] = { &fake_source, NULL };
	const uint64_t t = 9000000000000ull;    /* beyond every time handed out so far */

	(void)state;
	assert_int_equal(hyp_clock_select(sources, NULL), HYP_CLOCK_HYPERV_REF_COUNT);
	assert_int_equal(hyp_clock_cpu_setup(&cpu_a, 0), HYP_OK);
	fake_stable = false;
	fake_now = t;
	assert_true(hyp_clock_ns(&cpu_a) == t);
	fake_now = t - 1000;                    /* behind, and the source says unstable */
	assert_true(hyp_clock_ns(&cpu_a) == t);
	fake_stable = true;                     /* stable: its own value */
	assert_true(hyp_clock_ns(&cpu_a) == t - 1000);
	cpu_a.stable_mask = 0;                  /* always_guard */
	assert_true(hyp_clock_ns(&cpu_a) == t);
	assert_int_equal(hyp_clock_cpu_teardown(&cpu_a), 0);
}

/*
 * The wall-clock bases: a reader that begins while the hypervisor's update
 * is open (odd version) waits for it to close and takes the new values, never
 * the half-written ones; a nanosecond field out of range is HYP_EIO. The
 * update is closed by a thread 20 ms later; the kvmclock MSR write (wrmsr,
 * #GP in user mode) is skipped by a SIGSEGV handler.
 */
static union hyp_xen_shared_info_page xen_si __attribute__((aligned(4096)));

static void *close_xen_update(void *arg)
{
	volatile struct hyp_xen_shared_info *si = &xen_si.info;

	(void)arg;
	nanosleep(&(struct timespec){ .tv_nsec = 20000000 }, NULL);
	si->wc_sec = 222;
	si->wc_nsec = 333;
	__atomic_store_n(&si->wc_version, 4, __ATOMIC_RELEASE);
	return NULL;
}

static void *close_kvm_update(void *arg)
{
	volatile struct hyp_pvclock_wall_clock *w = arg;

	nanosleep(&(struct timespec){ .tv_nsec = 20000000 }, NULL);
	w->sec = 222;
	w->nsec = 333;
	__atomic_store_n(&w->version, 4, __ATOMIC_RELEASE);
	return NULL;
}

static void skip_wrmsr(int sig, siginfo_t *si, void *ctx)
{
	greg_t *g = ((ucontext_t *)ctx)->uc_mcontext.gregs;
	const unsigned char *ip = (const unsigned char *)g[REG_RIP];

	(void)sig;
	(void)si;
	if (ip[0] != 0x0f || ip[1] != 0x30)
		abort();
	g[REG_RIP] += 2;
}

static void test_wall_update_retry(void **state)
{
	struct hyp_clock_config cfg = { .xen_shared_info = hyp_clock_xen_page(&xen_si), .xen_shared_info_mapped = true };
	struct sigaction sa = { .sa_sigaction = skip_wrmsr, .sa_flags = SA_SIGINFO };
	struct hyp_clock_timespec base;
	pthread_t th;

	(void)state;
	xen_si.info.wc_version = 3;             /* Xen inside an update: torn values */
	xen_si.info.wc_sec = 111;
	xen_si.info.wc_nsec = 1000000000u;
	assert_int_equal(hyp_clock_xen.init(&cfg), HYP_OK);
	assert_int_equal(pthread_create(&th, NULL, close_xen_update, NULL), 0);
	assert_int_equal(hyp_clock_xen.wall_base(&cpu_a, &base), HYP_OK);
	pthread_join(th, NULL);
	assert_true(base.sec == 222 && base.nsec == 333);

	sigaction(SIGSEGV, &sa, NULL);
	memset(&cpu_a, 0, sizeof(cpu_a));
	cpu_a.wall = (struct hyp_pvclock_wall_clock){ .version = 3, .sec = 111, .nsec = 1000000000u };
	assert_int_equal(pthread_create(&th, NULL, close_kvm_update, &cpu_a.wall), 0);
	assert_int_equal(hyp_clock_kvmclock.wall_base(&cpu_a, &base), HYP_OK);
	pthread_join(th, NULL);
	assert_true(base.sec == 222 && base.nsec == 333);
	cpu_a.wall = (struct hyp_pvclock_wall_clock){ .version = 2, .sec = 1, .nsec = 1000000000u };
	assert_int_equal(hyp_clock_kvmclock.wall_base(&cpu_a, &base), HYP_EIO);
	signal(SIGSEGV, SIG_DFL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_abi),
		cmocka_unit_test(test_retry_loop),
		cmocka_unit_test(test_guard_and_stable),
		cmocka_unit_test(test_gates),
		cmocka_unit_test(test_read_source_guard),
		cmocka_unit_test(test_wall_update_retry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
