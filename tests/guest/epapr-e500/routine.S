/* SPDX-License-Identifier: MIT */
/*
 * patch_routine(uint32_t out[12]): every table instruction a 32-bit BookE
 * guest has (Linux Documentation/virt/kvm/ppc-pv.rst; BookE's DEAR and ESR stand for DAR and DSISR; mtmsrd
 * is 64-bit only), each result stored so that an unpatched and a patched run
 * can be compared. SPRs are written before they are read: SRR0/1 change on
 * every interrupt, so only written values are comparable.
 */
	.text
	.globl patch_routine, patch_routine_end
patch_routine:
	mfmsr	r4
	stw	r4, 0(r3)
	li	r5, 0x1111
	mtsprg	0, r5
	li	r5, 0x2222
	mtsprg	1, r5
	li	r5, 0x3333
	mtsprg	2, r5
	li	r5, 0x4444
	mtsprg	3, r5
	mfsprg	r6, 0
	stw	r6, 4(r3)
	mfsprg	r7, 1
	stw	r7, 8(r3)
	mfsprg	r8, 2
	stw	r8, 12(r3)
	mfsprg	r9, 3
	stw	r9, 16(r3)
	li	r5, 0x5550
	mtsrr0	r5
	mfsrr0	r6
	stw	r6, 20(r3)
	li	r5, 0x6660
	mtsrr1	r5
	mfsrr1	r6
	stw	r6, 24(r3)
	li	r5, 0x7770
	mtspr	61, r5		/* DEAR */
	mfspr	r6, 61
	stw	r6, 28(r3)
	li	r5, 0x0880
	mtspr	62, r5		/* ESR */
	mfspr	r6, 62
	stw	r6, 32(r3)
	tlbsync
	wrteei	0
	mfmsr	r6
	stw	r6, 36(r3)
	wrteei	1
	mfmsr	r6
	stw	r6, 40(r3)
	mtmsr	r4
	mfmsr	r6
	stw	r6, 44(r3)
	blr
patch_routine_end:

	.section .note.GNU-stack, "", @progbits
