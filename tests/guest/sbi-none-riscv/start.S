/* SPDX-License-Identifier: MIT */
/*
 * An xv6-style start (xv6-riscv kernel/start.c): no firmware below
 * (`-bios none`), entered in M-mode; every exception but ecall-from-M is
 * delegated to S-mode (medeleg 0xffff, so an S-mode ecall, bit 9, traps to
 * the kernel's own stvec), PMP opens all memory to S-mode, mret drops to
 * S-mode. Nothing ever answers an ecall: there is no SBI.
 */
	.section .text.start, "ax"
	.globl _start
_start:
	csrr	t0, mhartid
	bnez	t0, park
	lla	sp, stack_top
	lla	t0, m_trap
	csrw	mtvec, t0
	li	t0, -1
	srli	t0, t0, 10
	csrw	pmpaddr0, t0
	li	t0, 0xf			/* TOR, RWX */
	csrw	pmpcfg0, t0
	li	t0, 0xffff
	csrw	medeleg, t0
	csrw	mideleg, zero
	csrw	satp, zero
	li	t0, 3 << 11		/* mstatus.MPP = S */
	csrc	mstatus, t0
	li	t0, 1 << 11
	csrs	mstatus, t0
	lla	t0, s_entry
	csrw	mepc, t0
	mret

s_entry:
	lla	t0, s_trap
	csrw	stvec, t0
	lla	a0, __bss_start
	lla	a1, __bss_end
1:	bgeu	a0, a1, 2f
	sd	zero, 0(a0)
	addi	a0, a0, 8
	j	1b
2:	call	kmain
park:
	wfi
	j	park

	.balign 4
m_trap:					/* nothing should reach M-mode: exit code 4 */
	li	t0, 0x100000
	li	t1, 0x3333 | (4 << 16)
	sw	t1, 0(t0)
	j	park

	.balign 4
	.globl s_trap
s_trap:					/* the kernel's vector: any S-mode trap is fatal here */
	call	s_trap_fatal
	j	park
