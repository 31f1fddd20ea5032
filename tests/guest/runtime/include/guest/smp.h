/* SPDX-License-Identifier: MIT */
/*
 * Secondary CPUs, defined by the runtimes that start them (x86_64:
 * runtime/x86/smp.c, INIT-SIPI-SIPI; s390x: runtime/s390/smp.c, SIGP);
 * elsewhere an image using it does not link.
 *
 * Start CPUs 1..nr_cpus-1, each on its own stack, release them all at once
 * into fn(cpu) and run fn(0) on the calling CPU. Returns when every started
 * CPU has returned from fn: the number of CPUs that ran it. Call once. fn
 * must not report or print (not reentrant): keep per-CPU results and report
 * them from CPU 0 afterwards. On s390x fn must not take program checks
 * either (one trap stack); x86_64 CPUs share the IDT and its hooks.
 */
#ifndef GUEST_SMP_H
#define GUEST_SMP_H

#define GUEST_SMP_MAX_CPUS 16

typedef void (*guest_smp_fn)(unsigned int cpu);
unsigned int guest_smp_start(unsigned int nr_cpus, guest_smp_fn fn);

#endif /* GUEST_SMP_H */
