/* SPDX-License-Identifier: MIT */
/*
 * pseries entry (ppc64: big-endian ELFv1, or little-endian ELFv2). VOF enters at the image's first
 * byte in real mode, 32-bit mode (MSR[SF] = 0), FP off, r5 = the Open
 * Firmware client interface (unused here). A loader that passes a device
 * tree enters the same way with the ePAPR boot registers (ePAPR 1.1
 * section 5.4.1): r3 = the tree, r6 = 0x65504150, r7 = its size.
 */
	.section .text.entry, "ax", @progbits
	.globl _start
_start:
#if defined(__LITTLE_ENDIAN__)
	/*
	 * VOF enters big-endian. Word 0 read little-endian is "b le_start";
	 * read big-endian (bytes 30 00 00 48) it is addic r0, r0, 0x48, so a
	 * big-endian CPU runs on into the words below, stored big-endian, which
	 * set MSR[LE] and rfid to le_start.
	 */
	.macro be_word w
	.byte ((\w) >> 24) & 0xff, ((\w) >> 16) & 0xff, ((\w) >> 8) & 0xff, (\w) & 0xff
	.endm
	b	le_start		/* +0x30 */
	be_word	0x7d6000a6		/* mfmsr r11 */
	be_word	0x616b0001		/* ori r11, r11, 1 (MSR[LE]) */
	be_word	0x429f0005		/* bcl 20, 31, .+4 */
	be_word	0x7d4802a6		/* mflr r10 (= this word's address) */
	be_word	0x394a0020		/* addi r10, r10, le_start - here */
	be_word	0x7d5a03a6		/* mtsrr0 r10 */
	be_word	0x7d7b03a6		/* mtsrr1 r11 */
	be_word	0x4c000024		/* rfid */
	be_word	0x60000000
	be_word	0x60000000
	be_word	0x60000000
le_start:
	.if le_start - _start != 0x30
	.error "endian trampoline: le_start must be at +0x30"
	.endif
#endif
	/* Boot registers for guest_pseries_setup(): r3 / r6 / r7 (ePAPR). */
	mr	r14, r3
	mr	r15, r6
	mr	r16, r7
	/* 64-bit mode, FP/VMX/VSX available (library code may use them). */
	mfmsr	r11
	li	r12, 1
	rldicr	r12, r12, 63, 0		/* MSR[SF] */
	or	r11, r11, r12
	ori	r11, r11, 0x2000	/* MSR[FP] */
	oris	r11, r11, 0x0280	/* MSR[VEC] | MSR[VSX] */
	mtmsrd	r11
	isync

	lis	r1, __stack_top@h
	ori	r1, r1, __stack_top@l
	li	r0, 0
	stdu	r0, -128(r1)
	lis	r2, .TOC.@h
	ori	r2, r2, .TOC.@l

	/* Clear .bss. */
	lis	r3, __bss_start@h
	ori	r3, r3, __bss_start@l
	lis	r4, __bss_end@h
	ori	r4, r4, __bss_end@l
1:	cmpld	r3, r4
	bge	2f
	stb	r0, 0(r3)
	addi	r3, r3, 1
	b	1b
2:
	mr	r3, r14
	mr	r4, r15
	mr	r5, r16
	bl	guest_pseries_setup
	nop
	bl	guest_main
	nop
3:	b	3b

/*
 * Every real-mode vector (0x100 .. 0xf80) is a copy of the stub below with
 * its own vector number; it reports and ends the run as a failure.
 * r3 = vector, r4 = SRR0, r5 = SRR1, r6 = HSRR0 (hypervisor vectors).
 */
	.globl guest_pseries_vector_stub, guest_pseries_vector_stub_end
guest_pseries_vector_stub:
	li	r3, 0			/* patched: vector number */
	mfsrr0	r4
	mfsrr1	r5
	lis	r11, guest_pseries_exception_entry@h
	ori	r11, r11, guest_pseries_exception_entry@l
	mtctr	r11
	bctr
guest_pseries_vector_stub_end:

guest_pseries_exception_entry:
	lis	r1, __stack_top@h	/* a fresh stack: r1 may be what failed */
	ori	r1, r1, __stack_top@l
	li	r0, 0
	stdu	r0, -128(r1)
	lis	r2, .TOC.@h
	ori	r2, r2, .TOC.@l
	bl	guest_pseries_exception
	nop
4:	b	4b

	.section .note.GNU-stack, "", @progbits
