/* SPDX-License-Identifier: MIT */
/*
 * The portable clock: source table, per-CPU setup, the read path and the
 * cross-CPU monotonic guard (as Linux's pvclock_clocksource_read keeps a
 * global last value for hosts without a stable TSC).
 */
#include "clock_internal.h"

#if defined(__x86_64__) || defined(__i386__)
#include <hyp/x86/pvclock.h>

#include "x86/hyperv_tsc.h"
#elif defined(__aarch64__)
#include "arm64/clock_arm64.h"
#endif

static const struct hyp_clock_ops *clock_ops;
#if defined(__x86_64__) || defined(__i386__)
struct hyp_hyperv_tsc_page *hyp_hyperv_tsc_page_active;    /* hyperv_tsc.h */
#endif
static struct hyp_clock_config clock_cfg;
static uint64_t clock_last;     /* the guard: largest time returned on any CPU */
static unsigned int clock_cpus; /* CPUs set up and not torn down */

const struct hyp_clock_config *hyp_clock_config_get(void)
{
	return &clock_cfg;
}

int hyp_clock_select(const struct hyp_clock_ops *const *sources,
		     const struct hyp_clock_config *cfg)
{
	static const struct hyp_clock_config defaults;
	const struct hyp_info *info = hyp_get_info();
	const struct hyp_clock_ops *const *s;
	int ret;

	if (!cfg)
		cfg = &defaults;
	if ((unsigned int)cfg->source >= HYP_CLOCK_SOURCES)
		return HYP_EINVAL;
	/* Not set by hyp_clock_xen_page(): a pointer whose type was never checked. */
	if (cfg->xen_shared_info.checked != HYP_CLOCK_XEN_PAGE_CHECKED &&
	    (cfg->xen_shared_info.checked || cfg->xen_shared_info.page))
		return HYP_EINVAL;
	if (!info)
		return HYP_ENOTINIT;
	/* A CPU still reads (and is torn down by) the source chosen before. */
	if (__atomic_load_n(&clock_cpus, __ATOMIC_ACQUIRE))
		return HYP_EBUSY;
	__atomic_store_n(&clock_ops, NULL, __ATOMIC_RELEASE);
	hyp_copy_bytes(&clock_cfg, cfg, sizeof(clock_cfg));
	for (s = sources; *s; s++) {
		if (cfg->source != HYP_CLOCK_NONE && cfg->source != (*s)->id)
			continue;
		if (!(*s)->probe(info, cfg))
			continue;
		ret = (*s)->init ? (*s)->init(cfg) : HYP_OK;
		if (ret < 0)
			return ret;
		__atomic_store_n(&clock_ops, *s, __ATOMIC_RELEASE);
		return (int)(*s)->id;
	}
	return HYP_ENOHYP;
}

enum hyp_clock_source hyp_clock_source(void)
{
	const struct hyp_clock_ops *ops = __atomic_load_n(&clock_ops, __ATOMIC_ACQUIRE);

	return ops ? ops->id : HYP_CLOCK_NONE;
}

const char *hyp_clock_name(void)
{
	const struct hyp_clock_ops *ops = __atomic_load_n(&clock_ops, __ATOMIC_ACQUIRE);

	return ops ? ops->name : "none";
}

/* A CPU's record with nothing but its number (no memset: lib/internal.h). */
static void cpu_reset(struct hyp_clock_cpu *c, uint32_t cpu)
{
	hyp_zero_bytes(c, sizeof(*c));
	c->cpu = cpu;
}

int hyp_clock_cpu_setup(struct hyp_clock_cpu *c, uint32_t cpu)
{
	const struct hyp_clock_ops *ops = __atomic_load_n(&clock_ops, __ATOMIC_ACQUIRE);
	int ret;

	if (!c || ((uintptr_t)c & (HYP_CLOCK_CPU_ALIGN - 1)))
		return HYP_EINVAL;
	cpu_reset(c, cpu);
	if (!ops)
		return hyp_get_info() ? HYP_ENOHYP : HYP_ENOTINIT;
	ret = ops->cpu_setup(c);
	if (ret < 0) {
		cpu_reset(c, cpu);
		return ret;
	}
	if (clock_cfg.always_guard) {
		c->stable_mask = 0;
		c->read_path = HYP_CLOCK_PATH_OPS;
	}
	c->source = (uint8_t)ops->id;
	__atomic_add_fetch(&clock_cpus, 1, __ATOMIC_ACQ_REL);
	return HYP_OK;
}

int hyp_clock_cpu_teardown(struct hyp_clock_cpu *c)
{
	const struct hyp_clock_ops *ops = __atomic_load_n(&clock_ops, __ATOMIC_ACQUIRE);

	if (!c)
		return HYP_EINVAL;
	if (!c->source)
		return HYP_OK;
	if (ops && ops->id == c->source && ops->cpu_teardown)
		ops->cpu_teardown(c);
	c->source = HYP_CLOCK_NONE;
	c->pvclock = NULL;
	__atomic_sub_fetch(&clock_cpus, 1, __ATOMIC_ACQ_REL);
	return HYP_OK;
}

bool hyp_clock_in_use(enum hyp_clock_source source)
{
	const struct hyp_clock_ops *ops = __atomic_load_n(&clock_ops, __ATOMIC_ACQUIRE);

	return ops && ops->id == source && __atomic_load_n(&clock_cpus, __ATOMIC_ACQUIRE);
}

/* Never return less than any CPU was given before (Linux: pvclock last_value). */
#if defined(__i386__) || __GCC_ATOMIC_LLONG_LOCK_FREE == 2
/* Compare-and-swap of clock_last; on failure *expected gets its value. */
static inline bool clock_cas(uint64_t *expected, uint64_t desired)
{
#if defined(__i386__)
	/* cmpxchg8b: every CPU with VMX or SVM has it (a compiler may not assume it). */
	bool ok;

	__asm__ __volatile__("lock cmpxchg8b %1\n\tsete %0"
			     : "=q"(ok), "+m"(clock_last), "+A"(*expected)
			     : "b"((uint32_t)desired), "c"((uint32_t)(desired >> 32))
			     : "memory", "cc");
	return ok;
#else
	return __atomic_compare_exchange_n(&clock_last, expected, desired, true,
					   __ATOMIC_RELAXED, __ATOMIC_RELAXED);
#endif
}

static inline __attribute__((always_inline)) uint64_t clock_guard(uint64_t ns)
{
#if defined(__i386__)
	uint64_t last = 0;      /* no atomic 64-bit load: the first failed swap reads it */
#else
	uint64_t last = __atomic_load_n(&clock_last, __ATOMIC_RELAXED);
#endif

	do {
		if (ns <= last && last)
			return last;
	} while (!clock_cas(&last, ns));
	return ns;
}
#else
/*
 * No lock-free 64-bit compare-and-swap (32-bit MIPS and PowerPC): no source
 * exists there yet; one that needs the guard must bring its own.
 */
static inline __attribute__((always_inline)) uint64_t clock_guard(uint64_t ns)
{
	(void)clock_last;
	return ns;
}
#endif

/* Sources without a pvclock record, out of line: the pvclock path needs no frame. */
static __attribute__((noinline)) uint64_t clock_ns_other(struct hyp_clock_cpu *c)
{
	uint64_t ns;
	bool stable;

	if (!c->source)
		return 0;
	ns = clock_ops->read(c, &stable);
	if (stable && c->stable_mask)
		return ns;
	return clock_guard(ns);
}

#if defined(__x86_64__) || defined(__i386__)
/* The pvclock read with its retries, out of line: the first read is hyp_clock_ns()'s. */
static __attribute__((noinline)) int clock_pvclock(struct hyp_clock_cpu *c, uint64_t *ns)
{
	struct hyp_pvclock_vcpu_time_info r;
	uint64_t t = hyp_pvclock_read(c->pvclock, &r);

	*ns = 0;
	if (r.version & 1u)
		return HYP_ETIMEDOUT;
	*ns = (r.flags & c->stable_mask) ? t : clock_guard(t);
	return HYP_OK;
}

/* The same returning the time: hyp_clock_ns() keeps no local in memory for it. */
static __attribute__((noinline)) uint64_t clock_pvclock_ns(struct hyp_clock_cpu *c)
{
	uint64_t ns;

	clock_pvclock(c, &ns);
	return ns;
}
#endif

uint64_t hyp_clock_ns(struct hyp_clock_cpu *c)
{
#if defined(__x86_64__) || defined(__i386__)
	const volatile struct hyp_pvclock_vcpu_time_info *t = c->pvclock;

	if (__builtin_expect(t != NULL, 1)) {
		struct hyp_pvclock_vcpu_time_info r;
		uint64_t ns;

		if (__builtin_expect(!hyp_pvclock_try(t, &r, &ns), 0))
			return clock_pvclock_ns(c);     /* 0 when HYP_CLOCK_RETRIES are spent */
		if (r.flags & c->stable_mask)
			return ns;
		return clock_guard(ns);
	}
	/*
	 * Hyper-V's page is partition-wide time: no guard. Its page cannot be
	 * disabled while a CPU is set up on it (hyp_hyperv_tsc_page_disable()
	 * answers HYP_EBUSY). One pass; else the source's read (the page with
	 * its retries, then the MSR).
	 */
	if (c->read_path == HYP_CLOCK_PATH_HYPERV_PAGE) {
		uint64_t units;

		if (__builtin_expect(hyp_hyperv_tsc_try(hyp_hyperv_tsc_page_active, NULL, &units) > 0, 1))
			return units * HYP_HYPERV_100NS;
	}
#elif defined(__aarch64__)
	/* KVM PTP's time is the system counter: one count, no guard unless always_guard. */
	if (__builtin_expect(c->read_path == HYP_CLOCK_PATH_ARM64_COUNTER, 1))
		return hyp_arm64_counter_ns();
#endif
	return clock_ns_other(c);
}

int hyp_clock_read(struct hyp_clock_cpu *c, uint64_t *ns)
{
	if (!c || !ns)
		return HYP_EINVAL;
	*ns = 0;
	if (!c->source)
		return hyp_get_info() ? HYP_ENOHYP : HYP_ENOTINIT;
#if defined(__x86_64__) || defined(__i386__)
	if (c->pvclock)
		return clock_pvclock(c, ns);
#endif
	*ns = clock_ns_other(c);
	return HYP_OK;
}

bool hyp_clock_stable(const struct hyp_clock_cpu *c)
{
	if (!c || !c->source)
		return false;
	if (c->pvclock)
		return (c->pvclock->flags & c->stable_mask) != 0;
	return c->stable_mask != 0;
}

uint64_t hyp_clock_ns_to_sec(uint64_t ns, uint32_t *rem_ns)
{
	const uint32_t giga = 1000000000u;
#if UINTPTR_MAX > 0xffffffffu
	*rem_ns = (uint32_t)(ns % giga);
	return ns / giga;
#else
	uint32_t hi = (uint32_t)(ns >> 32), lo = (uint32_t)ns;
	uint32_t q_hi = hi / giga, r = hi % giga, q_lo;

#if defined(__i386__)
	/* r < giga: the quotient of r:lo fits 32 bits, divl cannot fault. */
	__asm__("divl %4" : "=a"(q_lo), "=d"(r) : "a"(lo), "d"(r), "rm"(giga));
#else
	q_lo = hyp_clock_div_bits(r, lo, giga, &r);
#endif
	*rem_ns = r;
	return (uint64_t)q_hi << 32 | q_lo;
#endif
}

int hyp_clock_wall(struct hyp_clock_cpu *c, struct hyp_clock_timespec *ts)
{
	struct hyp_clock_timespec base;
	uint64_t sec, ns;
	uint32_t nsec;
	int ret;

	if (!c || !ts)
		return HYP_EINVAL;
	if (!c->source)
		return hyp_get_info() ? HYP_ENOHYP : HYP_ENOTINIT;
	if (!clock_ops->wall_base)
		return HYP_EOPNOTSUPP;
	ret = clock_ops->wall_base(c, &base);
	if (ret < 0)
		return ret;
	/*
	 * Defined for every value a source returns (base.nsec < 10^9): the
	 * nanoseconds carried rather than added to a count near 2^64; the sum
	 * HYP_ERANGE where it does not fit int64_t seconds.
	 */
	ret = hyp_clock_read(c, &ns);
	if (ret < 0)
		return ret;
	sec = hyp_clock_ns_to_sec(ns, &nsec);
	nsec += base.nsec;
	if (nsec >= 1000000000u) {
		nsec -= 1000000000u;
		sec++;
	}
	if (base.sec > INT64_MAX - (int64_t)sec)
		return HYP_ERANGE;
	ts->sec = base.sec + (int64_t)sec;
	ts->nsec = nsec;
	return HYP_OK;
}
