/* SPDX-License-Identifier: MIT */
/*
 * s390-ccw-virtio entry: stack, .bss, new PSWs, then guest_main().
 * Lowcore (z/Architecture, prefix 0): old PSWs at 0x130 (external), 0x140
 * (SVC), 0x150 (program), 0x160 (machine check), 0x170 (I/O); new PSWs 0x80
 * above each. 0x200-0x27f holds the interrupted GPRs while a handler runs.
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
2:	larl	%r15, guest_stack_top
	aghi	%r15, -160
	lghi	%r0, 0
	stg	%r0, 0(%r15)
	larl	%r1, new_psws
	mvc	0x1b0(16), 0(%r1)	/* external */
	mvc	0x1c0(16), 16(%r1)	/* SVC */
	mvc	0x1d0(16), 32(%r1)	/* program */
	mvc	0x1e0(16), 48(%r1)	/* machine check */
	mvc	0x1f0(16), 64(%r1)	/* I/O */
	brasl	%r14, guest_main
	j	.

/* Program interruption: save the GPRs, let C look (and change them and the
 * old PSW), then resume with the old PSW. */
pgm_entry:
	stmg	%r0, %r15, 0x200
	larl	%r15, guest_trap_stack_top
	aghi	%r15, -160
	lghi	%r0, 0
	stg	%r0, 0(%r15)
	brasl	%r14, guest_s390_program_check
	lmg	%r0, %r15, 0x200
	lpswe	0x150

/* Any other interruption class is unexpected: r2 = class, never returns. */
ext_entry:
	stmg	%r0, %r15, 0x200
	lghi	%r2, 1
	j	unexpected
svc_entry:
	stmg	%r0, %r15, 0x200
	lghi	%r2, 2
	j	unexpected
mck_entry:
	stmg	%r0, %r15, 0x200
	lghi	%r2, 4
	j	unexpected
io_entry:
	stmg	%r0, %r15, 0x200
	lghi	%r2, 5
unexpected:
	larl	%r15, guest_trap_stack_top
	aghi	%r15, -160
	brasl	%r14, guest_s390_unexpected
	j	.

	.section .rodata
	.balign	8
/* 64-bit addressing (EA, BA), DAT and all interruptions off. */
#define PSW_MASK_64 0x0000000180000000
new_psws:
	.quad	PSW_MASK_64, ext_entry
	.quad	PSW_MASK_64, svc_entry
	.quad	PSW_MASK_64, pgm_entry
	.quad	PSW_MASK_64, mck_entry
	.quad	PSW_MASK_64, io_entry

	.section .bss
	.balign	4096
	.skip	65536
guest_stack_top:
	.skip	16384
guest_trap_stack_top:
	.skip	16
	.section .note.GNU-stack, "", @progbits
