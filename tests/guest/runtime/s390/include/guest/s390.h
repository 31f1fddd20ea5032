/* SPDX-License-Identifier: MIT */
/* s390x test runtime: program-check hooks and the register frame. */
#ifndef GUEST_S390_H
#define GUEST_S390_H

#include <stdbool.h>
#include <stdint.h>

#include <guest/trap.h>

/* Program interruption codes (Principles of Operation, chapter 6). */
#define GUEST_PGM_OPERATION         0x01
#define GUEST_PGM_PRIVILEGED        0x02
#define GUEST_PGM_SPECIFICATION     0x06
#define GUEST_PGM_ADDRESSING        0x05
#define GUEST_PGM_CODES             0x80

/* The interrupted state; a handler may change any of it before resuming at
 * psw_addr (the pc); the cause is pgm_code. */
struct guest_frame {
	uint64_t gprs[16];
	uint64_t psw_mask;
	uint64_t psw_addr;      /* program old PSW: after the instruction for suppressing exceptions */
	uint16_t pgm_code;      /* program interruption code */
	uint16_t ilen;          /* length of the interrupted instruction in bytes (2, 4, 6) */
};

/* TOD clock in microseconds. */
uint64_t guest_s390_time_us(void);

#endif /* GUEST_S390_H */
