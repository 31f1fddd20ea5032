/* SPDX-License-Identifier: MIT */
/* Between the portable clock (lib/clock.c) and each source (lib/<arch>/clock_*.c). */
#ifndef HYP_LIB_CLOCK_INTERNAL_H
#define HYP_LIB_CLOCK_INTERNAL_H

#include <hyp/clock.h>

#include "internal.h"

/*
 * One clock source (writable, not const: its pointers, lib/internal.h).
 * Adding a source = one file defining one of these plus
 * one line in its architecture's table (lib/<arch>/clock_<arch>.c).
 */
struct hyp_clock_ops {
	enum hyp_clock_source id;
	const char *name;
	/* Whether detection found what the source needs; no side effects. */
	bool (*probe)(const struct hyp_info *info, const struct hyp_clock_config *cfg);
	/* Once, from hyp_clock_init(); NULL if nothing to do. */
	int (*init)(const struct hyp_clock_config *cfg);
	/*
	 * On the CPU: point c->pvclock at its pvclock record (NULL for a
	 * source with its own read) and set c->stable_mask.
	 */
	int (*cpu_setup)(struct hyp_clock_cpu *c);
	void (*cpu_teardown)(struct hyp_clock_cpu *c);
	/* Sources without a pvclock record: ns now, and whether stable. */
	uint64_t (*read)(struct hyp_clock_cpu *c, bool *stable);
	/* The wall clock at ns 0 of this source; NULL: none. */
	int (*wall_base)(struct hyp_clock_cpu *c, struct hyp_clock_timespec *base);
};

/*
 * hyp_clock_init() of each architecture (lib/<arch>/clock_<arch>.c): pick
 * the first of its `sources` (fastest read first, NULL-terminated) that
 * the configuration allows and detection found.
 */
int hyp_clock_select(const struct hyp_clock_ops *const *sources,
		     const struct hyp_clock_config *cfg);

extern struct hyp_clock_ops hyp_clock_kvmclock;   /* lib/x86/clock_kvm.c */
extern struct hyp_clock_ops hyp_clock_xen;        /* lib/x86/clock_xen.c */
extern struct hyp_clock_ops hyp_clock_hyperv_tsc_page;    /* lib/x86/clock_hyperv.c */
extern struct hyp_clock_ops hyp_clock_hyperv_ref_count;

/*
 * (hi:lo) / d for hi < d, so the quotient fits 32 bits, with 32-bit
 * compares and shifts only (restoring division, one bit of lo per step):
 * 32-bit targets without a divide instruction the compiler may use inline.
 */
static inline uint32_t hyp_clock_div_bits(uint32_t hi, uint32_t lo, uint32_t d, uint32_t *rem)
{
	uint64_t acc = hi;
	uint32_t q = 0;

	for (int i = 31; i >= 0; i--) {
		acc = acc << 1 | ((lo >> i) & 1u);
		q <<= 1;
		if (acc >= d) {
			acc -= d;
			q |= 1;
		}
	}
	*rem = (uint32_t)acc;
	return q;
}


/*
 * struct hyp_clock_cpu's read_path: the source hyp_clock_ns() reads inline
 * (clock.c), set by its cpu_setup; cleared where always_guard asks for the
 * guard.
 */
enum { HYP_CLOCK_PATH_OPS, HYP_CLOCK_PATH_HYPERV_PAGE, HYP_CLOCK_PATH_ARM64_COUNTER };

/* Whether `source` is the chosen one and a CPU is set up on it. */
bool hyp_clock_in_use(enum hyp_clock_source source);

/* The configuration hyp_clock_init() copied. */
const struct hyp_clock_config *hyp_clock_config_get(void);

#endif /* HYP_LIB_CLOCK_INTERNAL_H */
