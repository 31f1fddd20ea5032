/* SPDX-License-Identifier: MIT */
/*
 * aarch64-hello entry: an arm64 Image (Linux Documentation/arm64/booting.rst;
 * image_size, flags and the "ARM\x64" magic come from hello.ld), x0 = the
 * device tree, MMU off, at EL1 or EL2 (left for EL1). Linked at 0 as a
 * static PIE: it applies its own R_AARCH64_RELATIVE relocations.
 */
	.section .head, "ax"
	.globl _head
_head:
	b	1f
	.long	0
	.quad	0                       /* text_offset */

	.text
1:	mov	x19, x0
	mrs	x9, CurrentEL
	cmp	x9, #(2 << 2)
	b.ne	2f
	mov	x9, #(1 << 31)          /* HCR_EL2.RW */
	msr	hcr_el2, x9
	ldr	x9, =0x30d00800         /* SCTLR_EL1: MMU off */
	msr	sctlr_el1, x9
	mov	x9, #0x3c5              /* EL1h, interrupts masked */
	msr	spsr_el2, x9
	adr	x9, 2f
	msr	elr_el2, x9
	eret
2:	adr	x9, _head
	adr	x10, __rela_start
	adr	x11, __rela_end
3:	cmp	x10, x11
	b.hs	4f
	ldp	x12, x13, [x10], #16
	ldr	x14, [x10], #8
	cmp	x13, #1027              /* R_AARCH64_RELATIVE */
	b.ne	3b
	add	x14, x14, x9
	str	x14, [x12, x9]
	b	3b
4:	adr	x9, __bss_start
	adr	x10, __bss_end
5:	cmp	x9, x10
	b.hs	6f
	str	xzr, [x9], #8
	b	5b
6:	adr	x9, stack_top
	mov	sp, x9
	mov	x0, x19
	bl	kmain
7:	wfi
	b	7b
	.ltorg

	.bss
	.balign 16
	.space	16384
stack_top:
