/* SPDX-License-Identifier: MIT */
/* Hart 1's entry for HSM hart_start: a0 = hartid, a1 = opaque; own stack. */
	.text
	.globl	secondary_entry
	.balign	4
secondary_entry:
	la	sp, __stack2_top
	call	secondary_main
1:	wfi
	j	1b
