/* SPDX-License-Identifier: MIT */
/*
 * ppce500 runtime: 16550 UART at CCSR + 0x4500 (CCSR at physical
 * 0xF_E000_0000, mapped here at 0xE0000000 cache-inhibited), exit through
 * RSTCR (CCSR + 0xE00B0) which with -no-reboot ends QEMU with status 0: only
 * the pass path writes it. A failure (or an unexpected exception) stops the
 * CPU instead, so QEMU never exits 0 for it; the runner's timeout ends it.
 */
#include <guest/test.h>
#include <guest/powerpc.h>
#include <guest/uart16550.h>

#define SPR_MAS0    624
#define SPR_MAS1    625
#define SPR_MAS2    626
#define SPR_MAS3    627
#define SPR_MAS7    944

#define CCSR_EA         0xe0000000u
#define CCSR_PA         0xfe0000000ull
#define UART_BASE       (CCSR_EA + 0x4500)
#define GUTS_RSTCR      (CCSR_EA + 0xe00b0)
#define RSTCR_RESET     2

#define TSIZE_1M        10          /* page size 2^tsize KiB */
#define MAS2_I          0x08
#define MAS2_G          0x02
#define MAS3_SW         0x04
#define MAS3_SR         0x01

const void *guest_ppc_fdt;
unsigned long guest_ppc_fdt_size;


void guest_e500_setup(const void *fdt);
void guest_e500_exception(unsigned long vector, struct guest_frame *frame);

#define mtspr(n, v) __asm__ __volatile__("mtspr %0, %1" : : "i"(n), "r"(v))

void guest_e500_tlb1_write(unsigned int esel, uint32_t epn, uint64_t rpn,
			   unsigned int tsize, uint32_t mas2_flags, uint32_t mas3_perms)
{
	mtspr(SPR_MAS0, (1u << 28) | (esel << 16));
	mtspr(SPR_MAS1, 0x80000000u | 0x40000000u | (tsize << 7));   /* V | IPROT */
	mtspr(SPR_MAS2, (epn & ~0xfffu) | mas2_flags);
	mtspr(SPR_MAS3, ((uint32_t)rpn & ~0xfffu) | mas3_perms);
	mtspr(SPR_MAS7, (uint32_t)(rpn >> 32));
	__asm__ __volatile__("isync\n\ttlbwe\n\tisync" : : : "memory");
}

void guest_ppc_sync_icache(const void *start, unsigned long len)
{
	unsigned long p = (unsigned long)start & ~31ul, end = (unsigned long)start + len;

	for (; p < end; p += 32)
		__asm__ __volatile__("dcbst 0, %0\n\tsync\n\ticbi 0, %0" : : "r"(p) : "memory");
	__asm__ __volatile__("sync\n\tisync" : : : "memory");
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

void guest_e500_setup(const void *fdt)
{
	guest_e500_tlb1_write(1, CCSR_EA, CCSR_PA, TSIZE_1M, MAS2_I | MAS2_G, MAS3_SR | MAS3_SW);
	guest_ppc_fdt = fdt;
	if (fdt && be32(fdt) == 0xd00dfeedu)
		guest_ppc_fdt_size = be32((const uint8_t *)fdt + 4);
}

void guest_e500_exception(unsigned long vector, struct guest_frame *frame)
{
	static bool aborting;

	frame->vector = vector;
	if (vector < GUEST_PPC_IVORS && guest_trap_handled((unsigned int)vector, frame))
		return;
	if (aborting)                   /* a fault while reporting one: stop */
		arch_exit(false);
	aborting = true;
	guest_trap_unhandled(vector, frame->srr0, "IVOR%lu, SRR1 0x%lx, LR 0x%lx", vector,
			     frame->srr1, frame->lr);
}

void arch_putchar(char c)
{
	uart16550_put(UART_BASE, (uint8_t)c, 0);
}

void arch_exit(bool pass)
{
	if (pass)
		*(volatile uint32_t *)GUTS_RSTCR = RSTCR_RESET;
	__asm__ __volatile__("wrteei 0" : : : "memory");
	for (;;)                        /* the runner's timeout ends QEMU */
		__asm__ __volatile__("" : : : "memory");
}
