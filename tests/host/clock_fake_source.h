/* SPDX-License-Identifier: MIT */
/*
 * A clock source the host tests drive by hand (lib/clock_internal.h's ops):
 * found while fake_found, time fake_now, stable while fake_stable, wall base
 * fake_base. Included by test_clock.c and test_clock_hostile.c.
 */
#ifndef HYP_TEST_CLOCK_FAKE_SOURCE_H
#define HYP_TEST_CLOCK_FAKE_SOURCE_H

#include "clock_internal.h"

static uint64_t fake_now;
static bool fake_stable = true;
static bool fake_found = true;
static struct hyp_clock_timespec fake_base;

static bool fake_probe(const struct hyp_info *info, const struct hyp_clock_config *cfg)
{
	(void)info;
	(void)cfg;
	return fake_found;
}

static int fake_cpu_setup(struct hyp_clock_cpu *c)
{
	c->stable_mask = 1;
	return HYP_OK;
}

static uint64_t fake_read(struct hyp_clock_cpu *c, bool *stable)
{
	(void)c;
	*stable = fake_stable;
	return fake_now;
}

static int fake_wall_base(struct hyp_clock_cpu *c, struct hyp_clock_timespec *base)
{
	(void)c;
	*base = fake_base;
	return HYP_OK;
}

static const struct hyp_clock_ops fake_source = {
	.id = HYP_CLOCK_HYPERV_REF_COUNT, .name = "fake", .probe = fake_probe,
	.cpu_setup = fake_cpu_setup, .read = fake_read, .wall_base = fake_wall_base,
};

#endif
