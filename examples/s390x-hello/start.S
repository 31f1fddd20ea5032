/* SPDX-License-Identifier: MIT */
/*
 * s390x entry. QEMU (-M s390-ccw-virtio -kernel) enters an ELF at e_entry in
 * 64-bit addressing mode, DAT and interruptions off, lowcore at 0. Zero .bss,
 * make a program check end the run as a failure (program new PSW, lowcore
 * 0x1d0, = a disabled wait at 0xbad: QEMU's -action panic=exit-failure then
 * exits 1), set up a stack with the ABI's 160-byte save area, call C.
 */
	.section .text.start, "ax"
	.globl	_start
_start:
	larl	%r2, __bss_start
	larl	%r3, __bss_end
1:	clgr	%r2, %r3
	jhe	2f
	mvi	0(%r2), 0
	aghi	%r2, 1
	j	1b
2:	larl	%r1, program_new_psw
	mvc	0x1d0(16), 0(%r1)
	larl	%r15, stack_top
	aghi	%r15, -160
	lghi	%r0, 0
	stg	%r0, 0(%r15)		/* back chain: none */
	brasl	%r14, kernel_main
	j	.

	.section .rodata
	.balign	8
program_new_psw:
	.quad	0x0002000180000000, 0xbad	/* disabled wait, 64-bit addressing */

	.section .bss
	.balign	4096
	.skip	16384
stack_top:
	.section .note.GNU-stack, "", @progbits
