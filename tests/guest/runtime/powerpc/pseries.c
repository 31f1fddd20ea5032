/* SPDX-License-Identifier: MIT */
/*
 * pseries runtime: console through the PAPR virtual terminal
 * (H_PUT_TERM_CHAR on vterm 0, which QEMU routes to its first spapr-vty),
 * exit through RTAS (KVMPPC_H_RTAS): power-off for a pass (QEMU exits 0),
 * ibm,os-term for a failure (with -action panic=exit-failure QEMU exits 1).
 * Unexpected exceptions print their vector and SRR0 and fail.
 */
#include <guest/test.h>
#include <guest/powerpc.h>

#include <hyp/powerpc/papr_hypercall.h>

/* QEMU's RTAS tokens (hw/ppc/spapr.h: RTAS_TOKEN_BASE 0x2000 + index). */
#define RTAS_POWER_OFF      0x2003
#define RTAS_IBM_OS_TERM    0x201f

void guest_pseries_setup(unsigned long r3, unsigned long r6, unsigned long r7);

/* ePAPR 1.1 section 5.4.1: r6 holds this when r3 points to a device tree. */
#define EPAPR_MAGIC_64      0x65504150ul

const void *guest_ppc_fdt;
unsigned long guest_ppc_fdt_size;
void guest_pseries_exception(unsigned long vector, unsigned long srr0, unsigned long srr1);

extern const uint32_t guest_pseries_vector_stub[], guest_pseries_vector_stub_end[];

void guest_ppc_sync_icache(const void *start, unsigned long len)
{
	unsigned long p = (unsigned long)start & ~31ul, end = (unsigned long)start + len;

	for (; p < end; p += 32)
		__asm__ __volatile__("dcbst 0, %0\n\tsync\n\ticbi 0, %0" : : "r"(p) : "memory");
	__asm__ __volatile__("sync\n\tisync" : : : "memory");
}

void guest_pseries_setup(unsigned long r3, unsigned long r6, unsigned long r7)
{
	unsigned long n = (unsigned long)(guest_pseries_vector_stub_end - guest_pseries_vector_stub);

	if ((uint32_t)r6 == EPAPR_MAGIC_64 && r3 && r7) {
		guest_ppc_fdt = (const void *)r3;
		guest_ppc_fdt_size = r7;
	}

#if defined(__LITTLE_ENDIAN__)
	/* Take interrupts little-endian too (LPCR[ILE] via H_SET_MODE). */
	hyp_papr_hvsc4(HYP_PAPR_H_SET_MODE, 1, HYP_PAPR_SET_MODE_RESOURCE_LE, 0, 0, NULL);
#endif

	/* Real-mode vectors at 0x100 .. 0xf80: VOF is not called again. */
	for (unsigned long v = 0x100; v < 0x1000; v += 0x80) {
		uint32_t *slot = (uint32_t *)v;

		for (unsigned long i = 0; i < n; i++)
			slot[i] = guest_pseries_vector_stub[i];
		slot[0] = 0x38600000u | (uint32_t)v;     /* li r3, v */
		guest_ppc_sync_icache(slot, n * 4);
	}
}

void guest_pseries_exception(unsigned long vector, unsigned long srr0, unsigned long srr1)
{
	guest_trap_unhandled(vector, srr0, "vector 0x%lx, SRR1 0x%lx", vector, srr1);
}

void arch_putchar(char c)
{
	long rc;

	do
		rc = hyp_papr_hvsc4(HYP_PAPR_H_PUT_TERM_CHAR, 0, 1,
				    (unsigned long)(uint8_t)c << 56, 0, NULL);
	while (rc == HYP_PAPR_H_BUSY);
}

/* RTAS argument blocks are big-endian whatever the kernel's endianness. */
struct rtas_args {
	uint32_t token, nargs, nret;
	uint32_t args[4];
};

static uint32_t rtas32(uint32_t v)
{
#if defined(__LITTLE_ENDIAN__)
	return __builtin_bswap32(v);
#else
	return v;
#endif
}

static void rtas_call(struct rtas_args *a)
{
	hyp_papr_hvsc1(HYP_PAPR_KVMPPC_H_RTAS, (unsigned long)a, NULL);
}

void arch_exit(bool pass)
{
	static struct rtas_args a;

	if (pass) {
		a = (struct rtas_args){ .token = rtas32(RTAS_POWER_OFF), .nargs = rtas32(2),
					.nret = rtas32(1) };
	} else {
		static const char msg[] = "libhyp test failed";

		a = (struct rtas_args){ .token = rtas32(RTAS_IBM_OS_TERM), .nargs = rtas32(1),
					.nret = rtas32(1),
					.args = { rtas32((uint32_t)(unsigned long)msg) } };
	}
	rtas_call(&a);
	for (;;)                        /* not reached: QEMU has stopped */
		;
}
