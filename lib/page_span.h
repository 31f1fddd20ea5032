/* SPDX-License-Identifier: MIT */
/*
 * Whether `size` bytes at `addr` stay inside one `page`-byte page (page a
 * power of two): a hypervisor that takes one guest-physical address reads or
 * writes that page only as far as the library checked (docs/HOSTILE-INPUT.md).
 * Written without addr + size, which wraps for a size near SIZE_MAX.
 */
#ifndef HYP_LIB_PAGE_SPAN_H
#define HYP_LIB_PAGE_SPAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

static inline bool hyp_in_one_page(uint64_t addr, size_t size, uint64_t page)
{
	return (uint64_t)size <= page - (addr & (page - 1));
}

/* Bytes from `addr` to the end of its page (1 .. page). */
static inline uint64_t hyp_page_left(uint64_t addr, uint64_t page)
{
	return page - (addr & (page - 1));
}

#endif /* HYP_LIB_PAGE_SPAN_H */
