/* SPDX-License-Identifier: MIT */
/*
 * malta console, exit and exception dispatch.
 *
 * Console: the 16550 UART at ISA 0x3f8 (KSEG1 0xb80003f8; QEMU's serial0,
 * stdio under -nographic). Exit: UHI semihosting exit (sdbbp 1, t9 = 1,
 * a0 = status; QEMU needs -semihosting) with 1 for pass and 3 for fail, so
 * neither QEMU's own 0 (a reset under -no-reboot) nor a hang reads as pass.
 * Without semihosting the fallback is a board reset (0x42 to 0xbf000500),
 * QEMU rc 0, which the runner reads as failure.
 */
#include <guest/mips.h>
#include <guest/test.h>
#include <guest/uart16550.h>

/* KSEG1 (uncached) addresses, sign-extended for 64-bit. */
#define KSEG1_ADDR(a)       ((uintptr_t)(intptr_t)(int32_t)(a))
#define UART_BASE           KSEG1_ADDR(0xb80003f8u)
#define MALTA_SOFTRES       KSEG1_ADDR(0xbf000500u)
#define MALTA_GORESET       0x42

#define UHI_EXIT            1

void arch_putchar(char c)
{
	uart16550_putchar(UART_BASE, c);
}

void arch_exit(bool pass)
{
	register unsigned long a0 __asm__("$4") = pass ? GUEST_MIPS_EXIT_PASS : GUEST_MIPS_EXIT_FAIL;
	register unsigned long t9 __asm__("$25") = UHI_EXIT;

	__asm__ __volatile__("sdbbp 1" : : "r"(a0), "r"(t9) : "memory");
	*(volatile uint8_t *)MALTA_SOFTRES = MALTA_GORESET;
	for (;;)
		;
}

static const char *exc_name(unsigned int code)
{
	switch (code) {
	case MIPS_EXC_INT:  return "Int";
	case MIPS_EXC_ADEL: return "AdEL";
	case MIPS_EXC_ADES: return "AdES";
	case MIPS_EXC_IBE:  return "IBE";
	case MIPS_EXC_DBE:  return "DBE";
	case MIPS_EXC_SYS:  return "Sys";
	case MIPS_EXC_BP:   return "Bp";
	case MIPS_EXC_RI:   return "RI";
	case MIPS_EXC_CPU:  return "CpU";
	case MIPS_EXC_OV:   return "Ov";
	case MIPS_EXC_TR:   return "Tr";
	default:            return "?";
	}
}

/* Called by exc_entry (start.S) with the saved frame. */
void mips_exception(struct guest_frame *frame);
void mips_exception(struct guest_frame *frame)
{
	unsigned int code = (unsigned int)(frame->cause >> 2) & 31;

	if (guest_trap_handled(code, frame))
		return;
	guest_trap_unhandled(code, frame->epc, "vector 0x180 ExcCode %u (%s) Cause 0x%lx BadVAddr 0x%lx",
			     code, exc_name(code), frame->cause, frame->badvaddr);
}
