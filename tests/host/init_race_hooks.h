/* SPDX-License-Identifier: MIT */
/*
 * Forced in front of lib/init.c by test_init_race (init_race_lib.c): every
 * __atomic builtin there does its work, then calls init_race_step(), where
 * the test may pause the calling thread. Inside its own expansion a macro's
 * name is not expanded again, so each still reaches the builtin.
 */
#ifndef HYP_TEST_INIT_RACE_HOOKS_H
#define HYP_TEST_INIT_RACE_HOOKS_H

#include <stdbool.h>

void init_race_step(const void *addr);

#define __atomic_load_n(p, m) \
	({ __typeof__(*(p)) v_ = __atomic_load_n((p), (m)); init_race_step((const void *)(p)); v_; })
#define __atomic_store_n(p, v, m) \
	({ __atomic_store_n((p), (v), (m)); init_race_step((const void *)(p)); })
#define __atomic_compare_exchange_n(p, e, d, w, s, f) \
	({ bool r_ = __atomic_compare_exchange_n((p), (e), (d), (w), (s), (f)); \
	   init_race_step((const void *)(p)); r_; })

#endif
