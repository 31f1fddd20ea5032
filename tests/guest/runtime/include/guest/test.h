/* SPDX-License-Identifier: MIT */
/*
 * Guest test runtime: what a test image's main.c uses.
 *
 * A test defines test_main(); the runtime boots, calls it, prints the closing
 * line "N passed, N failed, N skipped" and ends the machine with the pass or
 * fail code its runner expects (tests/guest/run-guest.sh).
 */
#ifndef GUEST_TEST_H
#define GUEST_TEST_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Defined by the test. */
void test_main(void);

/* One check: "PASS: <text>" or "FAIL: <text>". Returns `pass`. */
bool report(bool pass, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A check that cannot run here: "SKIP: <why>", counted as skipped. */
void report_skip(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Every report after a push reads "<prefix>: <text>" until the matching pop. */
void report_prefix_push(const char *prefix);
void report_prefix_pop(void);
/* One report per call: "<call> = <got>" passes when it returns `want`. */
bool report_result(long got, long want, const char *what);
#define report_call(want, call) report_result((long)(call), (long)(want), #call)
/* Information only: "INFO: <text>". */
void report_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the closing line; returns true if nothing failed and something passed. */
bool report_summary(void);
/* Stop now as a failure (unexpected trap, broken invariant). */
void report_abort(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* Console: %s %c %d %i %u %x %X %p, with l/ll/z and width/zero-pad. */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void puts_raw(const char *s);

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
/* The value of "key=" in the first `len` bytes of a command line (it ends at
 * a NUL too), copied into buf; false if absent. */
bool guest_cmdline_value(const char *cmdline, size_t len, const char *key, char *buf, size_t size);

/* Provided by each architecture's runtime (tests/guest/runtime/<arch>/). */
void arch_putchar(char c);
void arch_exit(bool pass) __attribute__((noreturn));

#endif /* GUEST_TEST_H */
