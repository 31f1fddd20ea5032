/* SPDX-License-Identifier: MIT */
/*
 * The portable services: per service, the first path of this
 * architecture's table that detection found, chosen once after hyp_init()
 * and cached; each call is then one load and one indirect call of the
 * family's own.
 */
#include "services_internal.h"

/* No path: every call answers HYP_ENOSERVICE before executing anything. */
static struct hyp_service_path services_none = { "none", NULL, { NULL } };

static const struct hyp_service_path *services_chosen[HYP_SERVICES];

/* First use after hyp_init(): walk the table (no call is made). NULL before hyp_init(). */
static __attribute__((noinline)) const struct hyp_service_path *services_pick(enum hyp_service s)
{
	const struct hyp_info *info = hyp_get_info();
	const struct hyp_service_path *const *p;
	const struct hyp_service_path *chosen = &services_none;

	if (!info)
		return NULL;
	for (p = hyp_service_table[s]; p && *p; p++) {
		if ((*p)->offered(info, hyp_platform_get())) {
			chosen = *p;
			break;
		}
	}
	/* Racing CPUs compute the same answer from the same info. */
	__atomic_store_n(&services_chosen[s], chosen, __ATOMIC_RELEASE);
	return chosen;
}

void hyp_service_rechoose(enum hyp_service s)
{
	__atomic_store_n(&services_chosen[s], NULL, __ATOMIC_RELEASE);
}

static inline const struct hyp_service_path *services_path(enum hyp_service s)
{
	const struct hyp_service_path *p = __atomic_load_n(&services_chosen[s], __ATOMIC_ACQUIRE);

	if (__builtin_expect(p != NULL, 1))
		return p;
	return services_pick(s);
}

/* The chosen path of `s` with its member `m` set, else return its code. */
#define SERVICE(p, s, m) do { \
	(p) = services_path(s); \
	if (!(p)) \
		return HYP_ENOTINIT; \
	if (!(p)->fn.m) \
		return HYP_ENOSERVICE; \
} while (0)

/* SERVICE(), then the buffer's checks: HYP_EINVAL, or 0 for nothing to do. */
#define SERVICE_BUFFER(p, s, m, buf, len) do { \
	SERVICE(p, s, m); \
	if ((!(buf) && (len)) || (len) > (size_t)__INT_MAX__) \
		return HYP_EINVAL; \
	if (!(len)) \
		return 0; \
} while (0)

const char *hyp_service_path(enum hyp_service service)
{
	const struct hyp_service_path *p;

	if ((unsigned int)service >= HYP_SERVICES)
		return "invalid";
	p = services_path(service);
	return p ? p->name : "uninitialised";
}

bool hyp_service_offered(enum hyp_service service)
{
	const struct hyp_service_path *p;

	if ((unsigned int)service >= HYP_SERVICES)
		return false;
	p = services_path(service);
	return p && p != &services_none;
}

const char *hyp_service_name(enum hyp_service service)
{
	/* char arrays, not pointers: nothing to relocate in read-only data (PIE kernels) */
	static const char names[HYP_SERVICES][14] = {
		[HYP_SERVICE_CONSOLE_WRITE] = "console-write",
		[HYP_SERVICE_CONSOLE_READ] = "console-read",
		[HYP_SERVICE_POWER_OFF] = "power-off",
		[HYP_SERVICE_RESET] = "reset",
		[HYP_SERVICE_CRASH] = "crash",
		[HYP_SERVICE_ENTROPY] = "entropy",
		[HYP_SERVICE_IDLE] = "idle",
		[HYP_SERVICE_YIELD] = "yield",
		[HYP_SERVICE_CPU_START] = "cpu-start",
		[HYP_SERVICE_CPU_STOP] = "cpu-stop",
		[HYP_SERVICE_STEAL_TIME] = "steal-time",
	};

	return (unsigned int)service < HYP_SERVICES ? names[service] : "invalid";
}

int hyp_console_write(const void *buf, size_t len)
{
	const struct hyp_service_path *p;
	int ret;

	SERVICE_BUFFER(p, HYP_SERVICE_CONSOLE_WRITE, write, buf, len);
	ret = p->fn.write(buf, len);
	/* A short count is partial progress: never success. */
	if (ret >= 0 && ret != (int)len)
		return HYP_EAGAIN;
	return ret;
}

int hyp_console_read(void *buf, size_t len)
{
	const struct hyp_service_path *p;
	int ret;

	SERVICE_BUFFER(p, HYP_SERVICE_CONSOLE_READ, read, buf, len);
	ret = p->fn.read(buf, len);
	return ret > (int)len ? HYP_EIO : ret;
}

/* Power: a path that returns has failed; a "success" answer is no success here. */
static int services_no_return(int ret)
{
	return ret < 0 ? ret : HYP_EIO;
}

static inline int services_stop(enum hyp_service s)
{
	const struct hyp_service_path *p;

	SERVICE(p, s, call);
	return services_no_return(p->fn.call());
}

int hyp_power_off(void)
{
	return services_stop(HYP_SERVICE_POWER_OFF);
}

int hyp_reset(void)
{
	return services_stop(HYP_SERVICE_RESET);
}

int hyp_crash(void)
{
	return services_stop(HYP_SERVICE_CRASH);
}

int hyp_entropy(void *buf, size_t len)
{
	const struct hyp_service_path *p;

	SERVICE_BUFFER(p, HYP_SERVICE_ENTROPY, read, buf, len);
	return p->fn.read(buf, len);
}

int hyp_service_fill(void *buf, size_t len, int (*fill_some)(uint8_t *dst, size_t len))
{
	uint8_t *dst = (uint8_t *)buf;
	size_t done = 0;
	unsigned int empty = 0;

	/* Each turn gives >= 1 byte or counts an empty answer: bounded. */
	while (done < len) {
		int ret = fill_some(dst + done, len - done);

		if (ret < 0 && ret != HYP_EAGAIN)
			return ret;
		if (ret <= 0) {
			if (++empty >= HYP_SERVICE_RETRIES)
				return HYP_EAGAIN;
			continue;
		}
		if ((size_t)ret > len - done)
			return HYP_EIO;
		done += (size_t)ret;
		empty = 0;
	}
	return (int)len;
}


int hyp_steal_record_read(const volatile uint32_t *version, const volatile uint64_t *count,
			  uint64_t *ns)
{
	for (unsigned int i = 0; i < HYP_SERVICE_RETRIES; i++) {
		uint32_t v = *version;
		uint64_t c;

		hyp_virt_rmb();
		c = *count;
		hyp_virt_rmb();
		if (!(v & 1u) && v == *version) {
			*ns = c;
			return HYP_OK;
		}
		hyp_arch_cpu_relax();
	}
	return HYP_ETIMEDOUT;
}

int hyp_idle(void)
{
	const struct hyp_service_path *p;

	SERVICE(p, HYP_SERVICE_IDLE, call);
	return p->fn.call();
}

int hyp_yield(void)
{
	const struct hyp_service_path *p;

	SERVICE(p, HYP_SERVICE_YIELD, call);
	return p->fn.call();
}

int hyp_cpu_start(uint64_t cpu, uintptr_t entry, uintptr_t context)
{
	const struct hyp_service_path *p;

	SERVICE(p, HYP_SERVICE_CPU_START, start);
	return p->fn.start(cpu, entry, context);
}

int hyp_cpu_stop(void)
{
	return services_stop(HYP_SERVICE_CPU_STOP);
}

int hyp_steal_cpu_setup(struct hyp_steal_cpu *st, uint32_t cpu)
{
	const struct hyp_service_path *p;
	int ret;

	if (!st || ((uintptr_t)st & (HYP_STEAL_CPU_ALIGN - 1)))
		return HYP_EINVAL;
	hyp_zero_bytes(st, sizeof(*st));
	st->cpu = cpu;
	SERVICE(p, HYP_SERVICE_STEAL_TIME, steal);
	ret = p->fn.steal->setup(st);
	if (ret < 0) {
		hyp_zero_bytes(st, sizeof(*st));
		st->cpu = cpu;
		return ret;
	}
	st->path = 1;
	return HYP_OK;
}

int hyp_steal_cpu_teardown(struct hyp_steal_cpu *st)
{
	const struct hyp_service_path *p;

	if (!st)
		return HYP_EINVAL;
	if (!st->path)
		return HYP_OK;
	p = services_path(HYP_SERVICE_STEAL_TIME);
	if (p && p->fn.steal && p->fn.steal->teardown)
		p->fn.steal->teardown(st);
	st->path = 0;
	return HYP_OK;
}

int hyp_steal_ns(struct hyp_steal_cpu *st, uint64_t *ns)
{
	if (!st || !ns)
		return HYP_EINVAL;
	*ns = 0;
	if (!st->path)
		return hyp_get_info() ? HYP_ENOSERVICE : HYP_ENOTINIT;
	/* Set up: the path was chosen (services_chosen is set for good). */
	return services_chosen[HYP_SERVICE_STEAL_TIME]->fn.steal->read(st, ns);
}
