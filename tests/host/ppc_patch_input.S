/* Input of test_ppc_patch: one instruction per line, assembled by binutils
 * (not by the patcher's own encoder). The test's table follows this order. */
	.text
	mfmsr	r5
	mfsprg	r6, 0
	mfsprg	r7, 1
	mfsprg	r8, 2
	mfsprg	r9, 3
	mfsrr0	r10
	mfsrr1	r11
	mfdar	r12
	mfdsisr	r3
	mtsprg	0, r6
	mtsprg	1, r7
	mtsprg	2, r8
	mtsprg	3, r9
	mtsrr0	r10
	mtsrr1	r11
	mtdar	r12
	mtdsisr	r3
	tlbsync
	mtmsr	r7
	mtmsr	r30, 1
	mtmsrd	r8, 1
	mtmsrd	r31, 0
	wrteei	1
	wrteei	0
	/* Not in the table: must stay. */
	add	r3, r4, r5
	mfspr	r3, 1
	mfspr	r3, 260	/* SPRG4 (read-only alias) */
	mfspr	r4, 61
	mtspr	62, r4
	mfmsr	r0
	blr
