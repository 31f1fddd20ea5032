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
/*
 * How the run ends, from the command line: by the runtime's own exit, or by
 * the service whose effect the environment sees (QEMU's status, Xen's or a
 * loader's log, the harness), never by one nothing outside would see.
 */
enum glue_end { GLUE_END_RUNTIME = 0, GLUE_END_POWER_OFF, GLUE_END_RESET, GLUE_END_CRASH };
enum glue_end glue_end(void);
/* "power-off", "reset", "crash": the end named; anything else GLUE_END_RUNTIME. */
enum glue_end glue_end_named(const char *name);
/* Just before the ending call, the run's verdict so far (the arm64 KVM loader keeps it). */
void glue_before_end(bool pass);
/* After hyp_init(): what the kernel must still set up (Xen PV: the hypercall page). */
void glue_after_init(void);
/*
 * What the steal-time count must show, from the command line: nothing more
 * than monotonic, not 0 (the hypervisor wrote the record: Xen's dom0 has
 * waited while Xen booted it), or growing (the host is made to steal).
 */
enum glue_steal { GLUE_STEAL_MONOTONIC = 0, GLUE_STEAL_NONZERO, GLUE_STEAL_GROWS };
enum glue_steal glue_steal(void);
/* "nonzero", "grows": the expectation named; anything else monotonic only. */
enum glue_steal glue_steal_named(const char *name);
/* Another CPU to start (its PSCI MPIDR / hart ID); false: none here. */
bool glue_other_cpu(uint64_t *cpu);
/* The physical address a started CPU enters at: it sets up `context` as its
 * stack top and calls services_secondary() (glue_<arch>.S). */
uintptr_t glue_secondary_entry(void);
/* Called by the started CPU (services.c). */
void services_secondary(void);

#endif /* SERVICES_GLUE_H */
