/* SPDX-License-Identifier: MIT */
/* Checks every Xen dom0 test image runs, whatever its boot protocol (PV, PVH). */
#ifndef XEN_CHECKS_H
#define XEN_CHECKS_H

#include <stdint.h>

/* What the test's command line promised ("xen=4.17"), as major << 16 | minor; 0 if absent. */
uint32_t xen_expected_version(const char *text);

/* The raw and typed calls in the current mode (page or direct); `mode` names it in the lines. */
void xen_check_calls(const char *mode, uint32_t want_version);

/* console_io: a short line and a long one (several pieces) written completely. */
void xen_check_console(void);

/* Typed wrappers with answers a dom0 can predict. */
void xen_check_wrappers(void);

/* The raw answers of the current mode, for comparing page and direct mode. */
struct xen_answers {
	long version;
	long unknown_op;
	long pagesize;
};
void xen_collect_answers(struct xen_answers *out);

#endif /* XEN_CHECKS_H */
