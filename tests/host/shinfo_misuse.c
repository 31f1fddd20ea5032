/* SPDX-License-Identifier: MIT */
/*
 * hyp_xen_map_shared_info() takes the page Xen replaces, not the layout
 * struct or a buffer of any size: built as is it compiles; with -DMISUSE=1
 * (a bare struct hyp_xen_shared_info) or 2 (a byte buffer) it must not.
 */
#include <hyp/hyp.h>

int use(void);
int use(void)
{
#if MISUSE == 1
	static struct hyp_xen_shared_info s __attribute__((aligned(4096)));

	return hyp_xen_map_shared_info(&s);
#elif MISUSE == 2
	static unsigned char buf[4096] __attribute__((aligned(4096)));

	return hyp_xen_map_shared_info(buf);
#else
	static union hyp_xen_shared_info_page page;

	return hyp_xen_map_shared_info(&page);
#endif
}
