/* SPDX-License-Identifier: MIT */
/*
 * The smallest kernel a user links against the archive the README's plain-cc
 * recipe builds: it calls what every architecture's archive must hold. Linked,
 * never run (tests/host/check-plain-cc.sh).
 */
#include <hyp/hyp.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void _start(void);

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

volatile long sink;

void _start(void)
{
	const struct hyp_info *info;

	sink = hyp_init(NULL);
	info = hyp_get_info();
	sink += info ? (long)info->families : 0;
	sink += hyp_kvm_error(-1000) + hyp_xen_error(-38) + hyp_epapr_error(1) + hyp_papr_error(-2);
	sink += hyp_kvm_has_feature(0);
	sink += hyp_strerror(HYP_ENOHYP)[0] + hyp_kind_name(HYP_KIND_KVM)[0];
	for (;;)
		;
}
