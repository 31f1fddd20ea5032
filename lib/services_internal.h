/* SPDX-License-Identifier: MIT */
/* Between the portable services (lib/services.c) and each family's paths (lib/<arch>/services_*.c). */
#ifndef HYP_LIB_SERVICES_INTERNAL_H
#define HYP_LIB_SERVICES_INTERNAL_H

#include <hyp/services.h>

#include "internal.h"

/* Steal time: one record per CPU (struct hyp_steal_cpu), per path. */
struct hyp_steal_ops {
	int (*setup)(struct hyp_steal_cpu *st);         /* on the CPU; st->cpu set */
	void (*teardown)(struct hyp_steal_cpu *st);     /* NULL: nothing to undo */
	int (*read)(struct hyp_steal_cpu *st, uint64_t *ns);
};

/*
 * One path of one service. Adding a path = one of these (in the family's
 * lib/<arch>/services_<family>.c, or lib/services_xen.c) plus one line in
 * the service's list of its architecture's table (lib/<arch>/services_<arch>.c).
 */
struct hyp_service_path {
	const char *name;
	/* Whether detection found what the path needs: no call, no side effect. */
	bool (*offered)(const struct hyp_info *info, const struct hyp_platform *plat);
	union {
		int (*write)(const void *buf, size_t len);     /* console write: len or error */
		int (*read)(void *buf, size_t len);             /* console read; entropy: fill all */
		int (*call)(void);                              /* power, idle, yield, cpu stop */
		int (*start)(uint64_t cpu, uintptr_t entry, uintptr_t context);
		const struct hyp_steal_ops *steal;
	} fn;
};

/*
 * Each architecture's table (lib/<arch>/services_<arch>.c): per service, its
 * paths best first, NULL-terminated (an empty list: never offered there).
 */
extern const struct hyp_service_path *const *hyp_service_table[HYP_SERVICES];
#define HYP_SERVICE_PATHS(...) ((const struct hyp_service_path *[]){ __VA_ARGS__, NULL })
#define HYP_SERVICE_NO_PATH    NULL

/*
 * A steal-time record's count, read as KVM's and SBI STA's are written: a
 * 32-bit version odd while the writer updates, re-read until even and
 * unchanged (at most HYP_SERVICE_RETRIES times, then HYP_ETIMEDOUT).
 */
int hyp_steal_record_read(const volatile uint32_t *version, const volatile uint64_t *count,
			  uint64_t *ns);

/* Fill `len` bytes from `fill_some` (which returns bytes given > 0, 0 for none now, or an error), bounded. */
int hyp_service_fill(void *buf, size_t len, int (*fill_some)(uint8_t *dst, size_t len));

/*
 * Forget the path chosen for `s`: the next call chooses again. For a path
 * whose offered() changes after hyp_init() (the domU console ring, set up
 * by the kernel once it has mapped the ring).
 */
void hyp_service_rechoose(enum hyp_service s);

/* The Xen paths (lib/services_xen.c): x86 and aarch64. */
extern struct hyp_service_path hyp_service_xen_pv_console_write;  /* domU ring, once set up */
extern struct hyp_service_path hyp_service_xen_pv_console_read;
/* Whether hyp_xen_pv_console_setup() succeeded (lib/xen_console.c). */
bool hyp_xen_pv_console_ready(void);
extern struct hyp_service_path hyp_service_xen_console_write;
extern struct hyp_service_path hyp_service_xen_console_read;
extern struct hyp_service_path hyp_service_xen_power_off;
extern struct hyp_service_path hyp_service_xen_reset;
extern struct hyp_service_path hyp_service_xen_crash;
extern struct hyp_service_path hyp_service_xen_idle;
extern struct hyp_service_path hyp_service_xen_yield;
extern struct hyp_service_path hyp_service_xen_steal;   /* x86: get_runstate_info; Arm: the area */

#endif /* HYP_LIB_SERVICES_INTERNAL_H */
