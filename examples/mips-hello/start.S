/* SPDX-License-Identifier: MIT */
/*
 * malta entry (o32; n64 with -msym32): QEMU jumps to e_entry in kernel mode.
 * Status = CU0 (+ KX/SX/UX on 64-bit), so BEV = 0: the general exception
 * vector is 0x80000180; EXL = ERL = IE = 0. exc_entry saves what C may clobber
 * (at v0-v1 a0-a3 t0-t9 ra, EPC, hi, lo) in slots by register number (EPC in
 * 32), calls mips_trap(slots), which may change them, restores them, erets.
 */
#if _MIPS_SIM == _ABI64
#define SZREG 8
#define REG_S sd
#define REG_L ld
#define PTR_ADDIU daddiu
#define MFC0 dmfc0
#define PTR_LA dla
#define MTC0 dmtc0
#define STATUS_INIT 0x100000e0
#else
#define SZREG 4
#define REG_S sw
#define REG_L lw
#define PTR_ADDIU addiu
#define MFC0 mfc0
#define PTR_LA la
#define MTC0 mtc0
#define STATUS_INIT 0x10000000
#endif
#define SLOT(n) (16 + (n) * SZREG)          /* above o32's 16-byte argument area */
#define FRAME ((16 + 35 * SZREG + 15) & ~15)

	.set	noreorder
	.section .text.start, "ax"
	.globl	_start
_start:
	li	$8, STATUS_INIT
	mtc0	$8, $12                     /* Status */
	mtc0	$0, $13                     /* Cause */
	ehb
	PTR_LA	$29, stack_top
	PTR_LA	$8, __bss_start
	PTR_LA	$9, __bss_end
1:	beq	$8, $9, 2f
	nop
	sw	$0, 0($8)
	b	1b
	PTR_ADDIU $8, $8, 4
2:	lui	$10, 0x8000                 /* 0x80000180 (sign-extended on 64-bit) */
	PTR_LA	$8, vector
	.irp	i, 0, 4, 8, 12
	lw	$11, \i($8)
	sw	$11, 0x180 + \i($10)
	.endr
	sync
	jal	kernel_main
	nop
3:	b	3b
	nop

vector:                                     /* copied to 0x80000180; k0 is free */
	lui	$26, %hi(exc_entry)
	addiu	$26, $26, %lo(exc_entry)
	jr	$26
	nop

	.text
	.set	noat
exc_entry:
	PTR_ADDIU $29, $29, -FRAME
	.irp	r, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 31
	REG_S	$\r, SLOT(\r)($29)
	.endr
	MFC0	$8, $14                     /* EPC */
	REG_S	$8, SLOT(32)($29)
	mfhi	$8
	REG_S	$8, SLOT(33)($29)
	mflo	$8
	REG_S	$8, SLOT(34)($29)
	jal	mips_trap
	PTR_ADDIU $4, $29, 16               /* delay slot: a0 = the slots */
	REG_L	$8, SLOT(33)($29)
	mthi	$8
	REG_L	$8, SLOT(34)($29)
	mtlo	$8
	REG_L	$8, SLOT(32)($29)
	MTC0	$8, $14
	.irp	r, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 31
	REG_L	$\r, SLOT(\r)($29)
	.endr
	PTR_ADDIU $29, $29, FRAME
	ehb
	eret
	nop

	.bss
	.balign	16
	.space	16384
stack_top:
