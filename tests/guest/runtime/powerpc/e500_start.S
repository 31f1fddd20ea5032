/* SPDX-License-Identifier: MIT */
/*
 * ppce500 entry (e500mc, 32-bit BookE). QEMU enters with r3 = device tree
 * and TLB1[0] mapping [0, device tree end) 1:1; this widens that entry to
 * 256 MiB (the machine's RAM here) before touching .bss or the stack.
 */
#define SPR_IVPR	63
#define SPR_IVOR0	400
#define SPR_MAS0	624
#define SPR_MAS1	625
#define SPR_MAS2	626
#define SPR_MAS3	627
#define SPR_MAS7	944

#define FRAME		176		/* 8 header + struct guest_frame (39 words), 16-aligned */
#define F_GPR		8
#define F_CR		(F_GPR + 32 * 4)
#define F_LR		(F_CR + 4)
#define F_CTR		(F_CR + 8)
#define F_XER		(F_CR + 12)
#define F_SRR0		(F_CR + 16)
#define F_SRR1		(F_CR + 20)
#define F_VEC		(F_CR + 24)

	.section .text.entry, "ax", @progbits
	.globl _start
_start:
	mr	r31, r3
	lis	r4, 0x1000		/* MAS0: TLBSEL 1, ESEL 0 */
	mtspr	SPR_MAS0, r4
	lis	r4, 0xc000		/* MAS1: V | IPROT, */
	ori	r4, r4, (18 << 7)	/*       TSIZE 2^18 KiB = 256 MiB */
	mtspr	SPR_MAS1, r4
	li	r4, 0			/* MAS2: EPN 0, cacheable */
	mtspr	SPR_MAS2, r4
	li	r4, 0x15		/* MAS3: RPN 0, SX | SW | SR */
	mtspr	SPR_MAS3, r4
	li	r4, 0
	mtspr	SPR_MAS7, r4
	isync
	tlbwe
	isync

	lis	r1, __stack_top@h
	ori	r1, r1, __stack_top@l
	li	r0, 0
	stwu	r0, -16(r1)
	mfmsr	r4
	ori	r4, r4, 0x2000		/* MSR[FP] */
	mtmsr	r4
	isync

	lis	r3, __bss_start@h
	ori	r3, r3, __bss_start@l
	lis	r4, __bss_end@h
	ori	r4, r4, __bss_end@l
1:	cmplw	r3, r4
	bge	2f
	stb	r0, 0(r3)
	addi	r3, r3, 1
	b	1b
2:
	lis	r4, guest_e500_vectors@h
	ori	r4, r4, guest_e500_vectors@l
	mtspr	SPR_IVPR, r4
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	li	r4, \n * 0x100
	mtspr	SPR_IVOR0 + \n, r4
	.endr
	isync

	mr	r3, r31
	bl	guest_e500_setup
	bl	guest_main
3:	b	3b

/* IVPR + n * 0x100: push a frame, save r3, r3 = n, go to the common code. */
	.section .vectors, "ax", @progbits
	.globl guest_e500_vectors
	.balign 0x10000
guest_e500_vectors:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	.balign 0x100
	stwu	r1, -FRAME(r1)
	stw	r3, F_GPR + 3 * 4(r1)
	li	r3, \n
	b	exception_common
	.endr

exception_common:
	stw	r0, F_GPR + 0 * 4(r1)
	stw	r2, F_GPR + 2 * 4(r1)
	stmw	r4, F_GPR + 4 * 4(r1)	/* r4 .. r31 */
	addi	r0, r1, FRAME
	stw	r0, F_GPR + 1 * 4(r1)
	mfcr	r0
	stw	r0, F_CR(r1)
	mflr	r0
	stw	r0, F_LR(r1)
	mfctr	r0
	stw	r0, F_CTR(r1)
	mfxer	r0
	stw	r0, F_XER(r1)
	mfsrr0	r0
	stw	r0, F_SRR0(r1)
	mfsrr1	r0
	stw	r0, F_SRR1(r1)
	stw	r3, F_VEC(r1)
	mfmsr	r0			/* C code may use FP registers */
	ori	r0, r0, 0x2000
	mtmsr	r0
	isync
	addi	r4, r1, F_GPR
	bl	guest_e500_exception	/* (vector, frame) */

	lwz	r0, F_SRR0(r1)
	mtsrr0	r0
	lwz	r0, F_SRR1(r1)
	mtsrr1	r0
	lwz	r0, F_CR(r1)
	mtcr	r0
	lwz	r0, F_LR(r1)
	mtlr	r0
	lwz	r0, F_CTR(r1)
	mtctr	r0
	lwz	r0, F_XER(r1)
	mtxer	r0
	lwz	r0, F_GPR + 0 * 4(r1)
	lwz	r2, F_GPR + 2 * 4(r1)
	lmw	r3, F_GPR + 3 * 4(r1)	/* r3 .. r31 */
	addi	r1, r1, FRAME
	rfi

	.section .note.GNU-stack, "", @progbits
