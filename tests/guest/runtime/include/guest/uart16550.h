/* SPDX-License-Identifier: MIT */
/*
 * A polled 16550 UART transmitter (National Semiconductor PC16550D data
 * sheet: THR at offset 0, LSR at offset 5, LSR bit 5 = THR empty): the malta,
 * virt (riscv64) and ppce500 consoles and the second UARTs the console-stream
 * tests write their stream to.
 */
#ifndef GUEST_UART16550_H
#define GUEST_UART16550_H

#include <stdint.h>

#define UART16550_THR       0
#define UART16550_LSR       5
#define UART16550_LSR_THRE  0x20

/* Wait for THR empty (at most `spins` polls, 0 = for ever), then write `c`. */
static inline void uart16550_put(uintptr_t base, uint8_t c, unsigned int spins)
{
	volatile uint8_t *uart = (volatile uint8_t *)base;

	while (!(uart[UART16550_LSR] & UART16550_LSR_THRE) && (!spins || --spins))
		;
	uart[UART16550_THR] = c;
}

/* A console line discipline: "\n" goes out as "\r\n"; a UART whose LSR never
 * says empty (a loader emulating THR only) costs a bounded wait per byte. */
static inline void uart16550_putchar(uintptr_t base, char c)
{
	if (c == '\n')
		uart16550_put(base, '\r', 100000);
	uart16550_put(base, (uint8_t)c, 100000);
}

#endif /* GUEST_UART16550_H */
