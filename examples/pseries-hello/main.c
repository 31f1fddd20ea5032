/* SPDX-License-Identifier: MIT */
/*
 * pseries-hello: a ppc64 / ppc64le kernel under QEMU's pseries machine. It
 * tells libhyp it is a PAPR partition (QEMU under TCG adds no /hypervisor
 * node), prints through the hypervisor's console (H_PUT_TERM_CHAR on vterm 0,
 * QEMU's first spapr-vty) and asks for a random number (H_RANDOM; run QEMU with
 * `-device spapr-rng`). Exit through RTAS (the KVMPPC_H_RTAS hypercall):
 * power-off for a pass (QEMU exits 0), ibm,os-term for a failure (a guest
 * panic: QEMU exits 1 with `-action panic=exit-failure`).
 */
#include <hyp/hyp.h>

/* QEMU's RTAS tokens (hw/ppc/spapr.h: RTAS_TOKEN_BASE 0x2000 + index). */
#define RTAS_POWER_OFF      0x2003
#define RTAS_IBM_OS_TERM    0x201f

void kernel_main(void);

/* The compiler may call these for this kernel's structure copies (libhyp.a calls neither). */
void *memset(void *dst, int c, size_t n)
{
	for (unsigned char *d = dst; n--;)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	for (unsigned char *d = dst, *s = (unsigned char *)src; n--;)
		*d++ = *s++;
	return dst;
}

static size_t length(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static void puts(const char *s)
{
	hyp_papr_term_write(0, s, length(s), 1000);     /* retries while the terminal is busy */
}

static void put_hex(uint64_t v)
{
	char buf[19] = "0x";

	for (int i = 0; i < 16; i++)
		buf[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 0xf];
	buf[18] = '\0';
	puts(buf);
}

/* RTAS argument blocks are big-endian whatever the kernel's byte order. */
static uint32_t be32(uint32_t v)
{
#if defined(__LITTLE_ENDIAN__)
	return __builtin_bswap32(v);
#else
	return v;
#endif
}

static void __attribute__((noreturn)) exit_qemu(bool pass)
{
	static const char why[] = "pseries-hello failed";
	static struct { uint32_t token, nargs, nret, args[2]; } rtas;

	puts(pass ? "PASS\n" : "FAIL\n");
	rtas.token = be32(pass ? RTAS_POWER_OFF : RTAS_IBM_OS_TERM);
	rtas.nargs = be32(pass ? 2 : 1);
	rtas.nret = be32(1);
	rtas.args[0] = pass ? 0 : be32((uint32_t)(uintptr_t)why);
	hyp_papr_hvsc1(HYP_PAPR_KVMPPC_H_RTAS, (unsigned long)&rtas, NULL);
	for (;;)
		;
}

void kernel_main(void)
{
	struct hyp_platform platform = { .ppc_papr = true };   /* booted as pseries */
	const struct hyp_info *info;
	uint64_t r = 0;
	int rc;

	rc = hyp_init(&platform);
	info = hyp_get_info();
	if (rc || !info || !(info->families & HYP_FAMILY_PAPR))
		exit_qemu(false);
	puts("Hello from pseries, printed by the hypervisor (H_PUT_TERM_CHAR)\n");
	rc = hyp_papr_random(&r);
	puts("H_RANDOM: ");
	puts(hyp_strerror(rc));
	puts(", ");
	put_hex(r);
	puts("\n");
	exit_qemu(rc == HYP_OK);
}
