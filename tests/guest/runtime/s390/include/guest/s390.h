/* SPDX-License-Identifier: MIT */
/* s390x test runtime: program-check hooks and the register frame. */
#ifndef GUEST_S390_H
#define GUEST_S390_H

#include <stdbool.h>
#include <stdint.h>

/* Program interruption codes (Principles of Operation, chapter 6). */
#define GUEST_PGM_OPERATION         0x01
#define GUEST_PGM_PRIVILEGED        0x02
#define GUEST_PGM_SPECIFICATION     0x06
#define GUEST_PGM_ADDRESSING        0x05
#define GUEST_PGM_CODES             0x80

/* The interrupted state; a handler may change any of it before resuming. */
struct guest_s390_frame {
	uint64_t gprs[16];
	uint64_t psw_mask;
	uint64_t psw_addr;      /* program old PSW: after the instruction for suppressing exceptions */
	uint16_t pgm_code;      /* program interruption code */
	uint16_t ilen;          /* length of the interrupted instruction in bytes (2, 4, 6) */
};

/*
 * Handler for program interruption `code` (0 .. GUEST_PGM_CODES-1). Return
 * true to resume at frame->psw_addr; false (or no handler) ends the run as a
 * failure with the code and PSW printed.
 */
typedef bool (*guest_trap_fn)(struct guest_s390_frame *frame);
void guest_set_trap_handler(unsigned int code, guest_trap_fn fn);

/* TOD clock in microseconds. */
uint64_t guest_s390_time_us(void);

/*
 * Secondary CPUs (smp.c): start CPU addresses 1..nr_cpus-1 by SIGP (own
 * lowcore and stack), release them all at once into fn(cpu) and run fn(0)
 * here. Returns when every started CPU has returned from fn: the number of
 * CPUs that ran it. Call once; fn must not print or take program checks
 * (one trap stack, one console buffer): keep per-CPU results.
 */
#define GUEST_SMP_MAX_CPUS 16
typedef void (*guest_smp_fn)(unsigned int cpu);
unsigned int guest_smp_start(unsigned int nr_cpus, guest_smp_fn fn);

#endif /* GUEST_S390_H */
