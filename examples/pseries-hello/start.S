/* SPDX-License-Identifier: MIT */
/*
 * pseries entry (QEMU -M pseries,x-vof=on -kernel): VOF loads the image at
 * 0x400000 and enters its first byte big-endian, in real mode, 32-bit mode
 * (MSR[SF] = 0), FP off; r5 = the Open Firmware client interface (unused).
 * ppc64 is big-endian ELFv1, ppc64le little-endian ELFv2: both take r2 = TOC.
 */
	.section .text.entry, "ax", @progbits
	.globl _start
_start:
#if defined(__LITTLE_ENDIAN__)
	/* Read little-endian, word 0 is "b 1f" (1f at +0x30); read big-endian
	 * (30 00 00 48) it is addic r0, r0, 0x48, and the big-endian words after
	 * it set MSR[LE] and rfid to 1f. */
	.macro be_word w
	.byte ((\w) >> 24) & 0xff, ((\w) >> 16) & 0xff, ((\w) >> 8) & 0xff, (\w) & 0xff
	.endm
	b	1f
	be_word	0x7d6000a6		/* mfmsr r11 */
	be_word	0x616b0001		/* ori r11, r11, 1 (MSR[LE]) */
	be_word	0x429f0005		/* bcl 20, 31, .+4 */
	be_word	0x7d4802a6		/* mflr r10 */
	be_word	0x394a0020		/* addi r10, r10, 1f - (the mflr) */
	be_word	0x7d5a03a6		/* mtsrr0 r10 */
	be_word	0x7d7b03a6		/* mtsrr1 r11 */
	be_word	0x4c000024		/* rfid */
	be_word	0x60000000		/* nop x 3: 1f lands at +0x30 */
	be_word	0x60000000
	be_word	0x60000000
1:
	.if 1b - _start != 0x30
	.error "the endian trampoline needs 1f at +0x30"
	.endif
#endif
	mfmsr	r11			/* 64-bit mode; FP, VMX, VSX on (gcc may use them) */
	li	r12, 1
	rldicr	r12, r12, 63, 0		/* MSR[SF] */
	or	r11, r11, r12
	ori	r11, r11, 0x2000	/* MSR[FP] */
	oris	r11, r11, 0x0280	/* MSR[VEC] | MSR[VSX] */
	mtmsrd	r11
	isync
	lis	r1, stack_top@h
	ori	r1, r1, stack_top@l
	li	r0, 0
	stdu	r0, -128(r1)		/* an empty frame: back chain 0 */
	lis	r2, .TOC.@h
	ori	r2, r2, .TOC.@l
	lis	r3, __bss_start@h	/* zero .bss */
	ori	r3, r3, __bss_start@l
	lis	r4, __bss_end@h
	ori	r4, r4, __bss_end@l
2:	cmpld	r3, r4
	bge	3f
	stb	r0, 0(r3)
	addi	r3, r3, 1
	b	2b
3:	bl	kernel_main
	nop
4:	b	4b

	.section .note.GNU-stack, "", @progbits
