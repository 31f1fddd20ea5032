/* SPDX-License-Identifier: MIT */
/* Entry: OpenSBI (or the KVM loader) jumps here in S-mode, a0 = hart ID, a1 = DTB. */
	.section .text.start, "ax"
	.globl	_start
_start:
	la	sp, stack_top
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:	call	kernel_main
3:	wfi
	j	3b

	.bss
	.balign	16
	.space	16384
stack_top:
