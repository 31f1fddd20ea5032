/* SPDX-License-Identifier: MIT */
/*
 * What every host ABI test (abi_x86_*.c) reports: one PASS/FAIL line per
 * check, the closing "N passed, N failed" line and the exit status
 * (docs/DESIGN.md, "Test rules"), and its signal handlers, which play the
 * hypervisor.
 */
#ifndef ABI_REPORT_H
#define ABI_REPORT_H

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static unsigned int abi_passed, abi_failed;

static void check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void check(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s: ", ok ? "PASS" : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (ok)
		abi_passed++;
	else
		abi_failed++;
}

static inline void abi_catch(int sig, void (*fn)(int, siginfo_t *, void *))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO;
	sigaction(sig, &sa, NULL);
}

static inline int abi_summary(void)
{
	printf("%u passed, %u failed\n", abi_passed, abi_failed);
	return abi_failed ? 1 : 0;
}

#endif /* ABI_REPORT_H */
