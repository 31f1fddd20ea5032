/* SPDX-License-Identifier: MIT */
/*
 * malta entry and general exception vector (o32 and n64).
 *
 * QEMU's malta loader jumps to e_entry in kernel mode. We clear Status
 * (BEV = 0: vectors at EBase 0x80000000; EXL/ERL/IE = 0), set a stack,
 * clear .bss, copy a four-word trampoline to EBase + 0x180 and call
 * guest_main(). The trampoline jumps to exc_entry, which saves a
 * struct guest_frame (include/guest/mips.h), calls mips_exception(frame),
 * restores the frame (a handler may have changed it) and erets.
 */
#if defined(__mips64) && _MIPS_SIM == _ABI64
#define SZREG       8
#define REG_S       sd
#define REG_L       ld
#define PTR_ADDIU   daddiu
#define PTR_ADDU    daddu
#define MFC0        dmfc0
#define MTC0        dmtc0
#define STATUS_INIT 0x100000e0      /* CU0, KX SX UX: 64-bit segments */
#else
#define SZREG       4
#define REG_S       sw
#define REG_L       lw
#define PTR_ADDIU   addiu
#define PTR_ADDU    addu
#define MFC0        mfc0
#define MTC0        mtc0
#define STATUS_INIT 0x10000000      /* CU0 */
#endif

#define FRAME_WORDS 38
#define FRAME_SIZE  (((FRAME_WORDS * SZREG) + 15) & ~15)
#define ARG_AREA    16                      /* o32 callee's argument save area */
#define STACK_ADJ   (FRAME_SIZE + ARG_AREA)
#define F(n)        (ARG_AREA + (n) * SZREG)
#define F_HI        F(32)
#define F_LO        F(33)
#define F_EPC       F(34)
#define F_BADVADDR  F(35)
#define F_CAUSE     F(36)
#define F_STATUS    F(37)

	.set	noreorder
	.section .text.start, "ax"
	.globl	_start
_start:
	li	$8, STATUS_INIT
	mtc0	$8, $12                 /* Status */
	mtc0	$0, $13                 /* Cause: IV = 0, no soft interrupts */
	ehb
	la	$29, __stack_top
	la	$8, __bss_start
	la	$9, __bss_end
1:	beq	$8, $9, 2f
	nop
	sw	$0, 0($8)
	b	1b
	PTR_ADDIU $8, $8, 4
2:
	/* EBase + 0x180; lui sign-extends, so this is CKSEG0 on 64-bit too. */
	lui	$10, 0x8000
	ori	$10, $10, 0x180
	la	$8, vector_trampoline
	la	$9, vector_trampoline_end
3:	lw	$11, 0($8)
	sw	$11, 0($10)
	PTR_ADDIU $8, $8, 4
	bne	$8, $9, 3b
	PTR_ADDIU $10, $10, 4
	sync
	jal	guest_main
	nop
4:	b	4b
	nop

	/* Copied to EBase + 0x180: k0 is the exception's own register. */
vector_trampoline:
	lui	$26, %hi(exc_entry)
	addiu	$26, $26, %lo(exc_entry)
	jr	$26
	nop
vector_trampoline_end:

	.text
	.set	noat
exc_entry:
	move	$27, $29
	PTR_ADDIU $29, $29, -STACK_ADJ
	REG_S	$0, F(0)($29)
	REG_S	$1, F(1)($29)
	REG_S	$2, F(2)($29)
	REG_S	$3, F(3)($29)
	REG_S	$4, F(4)($29)
	REG_S	$5, F(5)($29)
	REG_S	$6, F(6)($29)
	REG_S	$7, F(7)($29)
	REG_S	$8, F(8)($29)
	REG_S	$9, F(9)($29)
	REG_S	$10, F(10)($29)
	REG_S	$11, F(11)($29)
	REG_S	$12, F(12)($29)
	REG_S	$13, F(13)($29)
	REG_S	$14, F(14)($29)
	REG_S	$15, F(15)($29)
	REG_S	$16, F(16)($29)
	REG_S	$17, F(17)($29)
	REG_S	$18, F(18)($29)
	REG_S	$19, F(19)($29)
	REG_S	$20, F(20)($29)
	REG_S	$21, F(21)($29)
	REG_S	$22, F(22)($29)
	REG_S	$23, F(23)($29)
	REG_S	$24, F(24)($29)
	REG_S	$25, F(25)($29)
	REG_S	$26, F(26)($29)
	REG_S	$27, F(27)($29)         /* k1 = interrupted sp, stored again below */
	REG_S	$28, F(28)($29)
	REG_S	$27, F(29)($29)
	REG_S	$30, F(30)($29)
	REG_S	$31, F(31)($29)
	mfhi	$8
	REG_S	$8, F_HI($29)
	mflo	$8
	REG_S	$8, F_LO($29)
	MFC0	$8, $14                 /* EPC */
	REG_S	$8, F_EPC($29)
	MFC0	$8, $8                  /* BadVAddr */
	REG_S	$8, F_BADVADDR($29)
	mfc0	$8, $13                 /* Cause */
	REG_S	$8, F_CAUSE($29)
	mfc0	$8, $12                 /* Status */
	REG_S	$8, F_STATUS($29)

	jal	mips_exception
	PTR_ADDIU $4, $29, ARG_AREA     /* delay slot: a0 = frame */

	REG_L	$8, F_HI($29)
	mthi	$8
	REG_L	$8, F_LO($29)
	mtlo	$8
	REG_L	$8, F_EPC($29)
	MTC0	$8, $14
	REG_L	$1, F(1)($29)
	REG_L	$2, F(2)($29)
	REG_L	$3, F(3)($29)
	REG_L	$4, F(4)($29)
	REG_L	$5, F(5)($29)
	REG_L	$6, F(6)($29)
	REG_L	$7, F(7)($29)
	REG_L	$8, F(8)($29)
	REG_L	$9, F(9)($29)
	REG_L	$10, F(10)($29)
	REG_L	$11, F(11)($29)
	REG_L	$12, F(12)($29)
	REG_L	$13, F(13)($29)
	REG_L	$14, F(14)($29)
	REG_L	$15, F(15)($29)
	REG_L	$16, F(16)($29)
	REG_L	$17, F(17)($29)
	REG_L	$18, F(18)($29)
	REG_L	$19, F(19)($29)
	REG_L	$20, F(20)($29)
	REG_L	$21, F(21)($29)
	REG_L	$22, F(22)($29)
	REG_L	$23, F(23)($29)
	REG_L	$24, F(24)($29)
	REG_L	$25, F(25)($29)
	REG_L	$26, F(26)($29)
	REG_L	$27, F(27)($29)
	REG_L	$28, F(28)($29)
	REG_L	$30, F(30)($29)
	REG_L	$31, F(31)($29)
	REG_L	$29, F(29)($29)
	ehb
	eret
	nop
	.set	at
