/* SPDX-License-Identifier: MIT */
/*
 * sbi_contract(struct contract *c): one ecall with every register but sp
 * holding a known value, and every register as the ecall left it.
 *   c->in[0..7]   a0..a7 for the call
 *   c->out[1..31] x1..x31 after it (out[2] = sp)
 *   c->sp_before  sp at the ecall
 * Every other register x gets CONTRACT_PATTERN + x before the call, so a
 * register the implementation should have preserved and did not shows as a
 * value other than its pattern (SBI spec v2.0 chapter 3: all but a0, a1
 * preserved). sscratch carries t0 while the pointer is reloaded.
 */
#define PAT(n)  (0x5b1c0de000000000 + (n))

	.text
	.globl	sbi_contract
sbi_contract:
	addi	sp, sp, -128
	sd	ra, 0(sp)
	sd	gp, 8(sp)
	sd	tp, 16(sp)
	sd	s0, 24(sp)
	sd	s1, 32(sp)
	sd	s2, 40(sp)
	sd	s3, 48(sp)
	sd	s4, 56(sp)
	sd	s5, 64(sp)
	sd	s6, 72(sp)
	sd	s7, 80(sp)
	sd	s8, 88(sp)
	sd	s9, 96(sp)
	sd	s10, 104(sp)
	sd	s11, 112(sp)
	sd	a0, 120(sp)
	mv	t0, a0
	sd	sp, 320(t0)             /* c->sp_before */
	ld	a1, 8(t0)
	ld	a2, 16(t0)
	ld	a3, 24(t0)
	ld	a4, 32(t0)
	ld	a5, 40(t0)
	ld	a6, 48(t0)
	ld	a7, 56(t0)
	ld	a0, 0(t0)
	li	x1, PAT(1)
	li	x3, PAT(3)
	li	x4, PAT(4)
	li	x5, PAT(5)
	li	x6, PAT(6)
	li	x7, PAT(7)
	li	x8, PAT(8)
	li	x9, PAT(9)
	li	x18, PAT(18)
	li	x19, PAT(19)
	li	x20, PAT(20)
	li	x21, PAT(21)
	li	x22, PAT(22)
	li	x23, PAT(23)
	li	x24, PAT(24)
	li	x25, PAT(25)
	li	x26, PAT(26)
	li	x27, PAT(27)
	li	x28, PAT(28)
	li	x29, PAT(29)
	li	x30, PAT(30)
	li	x31, PAT(31)
	ecall
	csrw	sscratch, t0
	ld	t0, 120(sp)
	addi	t0, t0, 64              /* &c->out[0] */
	sd	x1, 8(t0)
	sd	x2, 16(t0)
	sd	x3, 24(t0)
	sd	x4, 32(t0)
	sd	x6, 48(t0)
	sd	x7, 56(t0)
	sd	x8, 64(t0)
	sd	x9, 72(t0)
	sd	x10, 80(t0)
	sd	x11, 88(t0)
	sd	x12, 96(t0)
	sd	x13, 104(t0)
	sd	x14, 112(t0)
	sd	x15, 120(t0)
	sd	x16, 128(t0)
	sd	x17, 136(t0)
	sd	x18, 144(t0)
	sd	x19, 152(t0)
	sd	x20, 160(t0)
	sd	x21, 168(t0)
	sd	x22, 176(t0)
	sd	x23, 184(t0)
	sd	x24, 192(t0)
	sd	x25, 200(t0)
	sd	x26, 208(t0)
	sd	x27, 216(t0)
	sd	x28, 224(t0)
	sd	x29, 232(t0)
	sd	x30, 240(t0)
	sd	x31, 248(t0)
	csrr	x6, sscratch
	sd	x6, 40(t0)
	ld	ra, 0(sp)
	ld	gp, 8(sp)
	ld	tp, 16(sp)
	ld	s0, 24(sp)
	ld	s1, 32(sp)
	ld	s2, 40(sp)
	ld	s3, 48(sp)
	ld	s4, 56(sp)
	ld	s5, 64(sp)
	ld	s6, 72(sp)
	ld	s7, 80(sp)
	ld	s8, 88(sp)
	ld	s9, 96(sp)
	ld	s10, 104(sp)
	ld	s11, 112(sp)
	addi	sp, sp, 128
	ret
