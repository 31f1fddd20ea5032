/* SPDX-License-Identifier: MIT */
/*
 * What every hostile-hypervisor host harness shares (docs/HOSTILE-INPUT.md):
 * caller objects placed against a PROT_NONE page, so that a write past them
 * faults, and the sweep over the library's own codes (HYP_ELIB_MIN ..
 * HYP_ELIB_MAX) as a hypervisor's answer, which must never reach the caller
 * as a library code. Reports through abi_report.h.
 */
#ifndef HOSTILE_HARNESS_H
#define HOSTILE_HARNESS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#include <hyp/error.h>

#define HOSTILE_PAGE 4096u

/* `size` bytes ending where a PROT_NONE page starts (size a multiple of the object's alignment). */
static inline void *hostile_guard_tail(size_t size)
{
	unsigned char *p = mmap(NULL, 2 * HOSTILE_PAGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || mprotect(p + HOSTILE_PAGE, HOSTILE_PAGE, PROT_NONE))
		abort();
	return p + HOSTILE_PAGE - size;
}

/* The hostile answers: each library code as a full register (even i) and as its low 32 bits (odd i). */
#define HOSTILE_ANSWERS (2u * (unsigned int)(HYP_ELIB_MAX - HYP_ELIB_MIN + 1))
static inline unsigned long hostile_answer(unsigned int i)
{
	long code = HYP_ELIB_MIN + (long)(i / 2);

	return i % 2 ? (unsigned long)(uint32_t)code : (unsigned long)code;
}

/* What a sweep of typed calls under hostile answers found. */
struct hostile_tally {
	unsigned int spoofed;           /* results that were library codes */
	unsigned int miscounted;        /* typed calls that did not make the calls expected */
	char first[80];                 /* the first typed call that returned a library code */
};

/* Run the typed call `expr` once: tally its result and the hypervisor's `calls` (then reset). */
#define HOSTILE_TALLY(t, expr, calls, want)                                     \
	do {                                                                    \
		int r_ = (expr);                                                \
		if (HYP_IS_LIBRARY_ERROR(r_) && !(t).spoofed++)                 \
			snprintf((t).first, sizeof((t).first), "%s", #expr);    \
		(t).miscounted += (calls) != (want);                            \
		(calls) = 0;                                                    \
	} while (0)

#endif /* HOSTILE_HARNESS_H */
