/* SPDX-License-Identifier: MIT */
/* x86_64 Xen PV guest runtime: what a test image sees. */
#ifndef GUEST_XEN_PV_H
#define GUEST_XEN_PV_H

#include <stdbool.h>
#include <stddef.h>

#include <hyp/xen_abi.h>

/* The page Xen filled from the image's XEN_ELFNOTE_HYPERCALL_PAGE. */
extern unsigned char xen_pv_hypercall_page[HYP_XEN_PAGE_SIZE];

/* The start_info Xen passed in rsi. */
const struct hyp_xen_start_info *xen_pv_start_info(void);

/* Value of "key=" in start_info's command line, copied into buf; false if absent. */
bool guest_cmdline_get(const char *key, char *buf, size_t size);

#endif /* GUEST_XEN_PV_H */
