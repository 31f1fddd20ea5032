/* SPDX-License-Identifier: MIT */
/*
 * Only the page Xen replaces may reach hyp_xen_map_shared_info() or a clock
 * config, never the layout struct or a buffer of any size. Built as is it
 * compiles; with -DMISUSE=n it must not, with no -Werror (a warning is not
 * enough: under Xen the neighbouring object was zeroed):
 *   1 a bare struct hyp_xen_shared_info   2 a byte buffer   3 a void *
 *   4 the struct to hyp_clock_xen_page()  5 a pointer assigned to the config
 *   6 the struct in the config's initializer (C: brace elision)  7 the page itself there
 */
#include <hyp/hyp.h>

int use(void);
int use(void)
{
	static struct hyp_xen_shared_info s __attribute__((aligned(4096)));
	static unsigned char buf[4096] __attribute__((aligned(4096)));
	static union hyp_xen_shared_info_page page;
	struct hyp_clock_config cfg = { HYP_CLOCK_NONE };
	void *any = &page;

	(void)s, (void)buf, (void)any;
#if MISUSE == 1
	return hyp_xen_map_shared_info(&s);
#elif MISUSE == 2
	return hyp_xen_map_shared_info(buf);
#elif MISUSE == 3
	return hyp_xen_map_shared_info(any);
#elif MISUSE == 4
	cfg.xen_shared_info = hyp_clock_xen_page(&s);
	return hyp_clock_init(&cfg);
#elif MISUSE == 5
	cfg.xen_shared_info = &s;
	return hyp_clock_init(&cfg);
#elif MISUSE == 6
	struct hyp_clock_config elided = { .xen_shared_info = &s };

	return hyp_clock_init(&elided) + hyp_clock_init(&cfg);
#elif MISUSE == 7
	struct hyp_clock_config elided = { HYP_CLOCK_NONE, &page };

	return hyp_clock_init(&elided) + hyp_clock_init(&cfg);
#else
	cfg.xen_shared_info = hyp_clock_xen_page(&page);
	return hyp_xen_map_shared_info(&page) + hyp_clock_init(&cfg);
#endif
}
