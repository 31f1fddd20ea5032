/* SPDX-License-Identifier: MIT */
/*
 * What the portable services test (services.c) needs from its machine,
 * one file per architecture (glue_<arch>.c): the platform words for
 * hyp_init(), the trap count, memory that survives a reset, an interrupt
 * to wake an idle CPU, and a second CPU's entry. Nothing here calls libhyp.
 */
#ifndef SERVICES_GLUE_H
#define SERVICES_GLUE_H

#include <stdbool.h>
#include <stdint.h>

#include <hyp/core.h>

/* What the kernel tells hyp_init() on this machine. */
const struct hyp_platform *glue_platform(void);
/* Traps (exceptions) the image took so far. */
unsigned long glue_traps(void);
/* Words of RAM outside the image that a reset leaves alone (NULL: none). */
volatile uint32_t *glue_scratch(void);
/* Make an interrupt pending soon without delivering it (masked); false if this machine can't. */
bool glue_wakeup_arm(void);
/* Whether the armed interrupt became pending; clears and disarms it. */
bool glue_wakeup_done(void);
/* Whether the environment sees a power off (QEMU's status, the harness): the run may end by it. */
bool glue_power_off_observed(void);
/* Another CPU to start (its PSCI MPIDR / hart ID); false: none here. */
bool glue_other_cpu(uint64_t *cpu);
/* The physical address a started CPU enters at: it sets up `context` as its
 * stack top and calls services_secondary() (glue_<arch>.S). */
uintptr_t glue_secondary_entry(void);
/* Called by the started CPU (services.c). */
void services_secondary(void);

#endif /* SERVICES_GLUE_H */
