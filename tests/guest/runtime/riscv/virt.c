/* SPDX-License-Identifier: MIT */
/*
 * virt console, exit and trap dispatch.
 *
 * Console: the 16550 UART at 0x10000000 (QEMU's serial0; the KVM loader
 * emulates THR and LSR). Exit: the sifive_test device at 0x100000, written
 * 0x3333 | code << 16 ("fail" with a code: QEMU exits with it), 1 for pass
 * and 3 for fail, so QEMU's own 0 (SBI SRST power-off) never reads as pass.
 */
#include <guest/riscv.h>
#include <guest/test.h>
#include <guest/uart16550.h>

#define UART_BASE       0x10000000ul
#define SIFIVE_TEST     0x100000ul
#define SIFIVE_FAIL     0x3333u
#define GUEST_USER_EXIT 0x0A0DEAD0ul

unsigned long guest_boot_hartid;
unsigned long guest_boot_dtb;
volatile unsigned long guest_trap_count;

void arch_putchar(char c)
{
	uart16550_putchar(UART_BASE, c);
}

void arch_exit(bool pass)
{
	uint32_t code = pass ? GUEST_RISCV_EXIT_PASS : GUEST_RISCV_EXIT_FAIL;

	*(volatile uint32_t *)SIFIVE_TEST = SIFIVE_FAIL | code << 16;
	for (;;)
		__asm__ __volatile__("wfi");
}

void guest_user_return(long result) __attribute__((noreturn));

/* Called by trap_entry (start.S) with the saved frame. */
void riscv_trap(struct guest_frame *frame);
void riscv_trap(struct guest_frame *frame)
{
	unsigned long cause = frame->scause;

	guest_trap_count++;
	if (cause == RV_EXC_ECALL_U && frame->regs[RV_REG_A7] == GUEST_USER_EXIT)
		guest_user_return((long)frame->regs[RV_REG_A0]);
	if (!(cause >> 63) && cause < 16 && guest_trap_handled((unsigned int)cause, frame))
		return;
	guest_trap_unhandled(cause, frame->sepc, "scause 0x%lx stval 0x%lx", cause, frame->stval);
}
