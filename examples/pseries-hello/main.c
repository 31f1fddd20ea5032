/* SPDX-License-Identifier: MIT */
/*
 * pseries-hello: a tiny ppc64 kernel under QEMU's pseries machine. It tells
 * libhyp it is a PAPR partition, asks what was found, and talks to the
 * hypervisor: the console line below is H_PUT_TERM_CHAR, the random number
 * is H_RANDOM.
 */
#include <guest/test.h>

#include <hyp/hyp.h>

/* The whole string or an error: retries while the terminal is busy. */
static int say(const char *s)
{
	return hyp_papr_term_write(0, s, strlen(s), 1000);
}

void test_main(void)
{
	struct hyp_platform plat = { .ppc_papr = true };   /* booted as pseries */
	const struct hyp_info *info;
	uint64_t r = 0;
	int rc;

	rc = hyp_init(&plat);
	info = hyp_get_info();
	report(rc == 0 && info, "hyp_init: %s", hyp_strerror(rc));
	report(info && (info->families & HYP_FAMILY_PAPR), "found: %s, PAPR hypercalls %s",
	       info ? hyp_kind_name(info->kind) : "?",
	       info && (info->families & HYP_FAMILY_PAPR) ? "available" : "missing");

	rc = say("Hello from pseries, printed by the hypervisor (H_PUT_TERM_CHAR)\n");
	report_info("the hello line above: %d bytes through H_PUT_TERM_CHAR", rc);

	rc = hyp_papr_random(&r);
	report(rc == 0, "H_RANDOM says 0x%016llx", (unsigned long long)r);
}
