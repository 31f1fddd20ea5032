/* SPDX-License-Identifier: MIT */
/*
 * virt entry, trap vector and the U-mode runner (include/guest/riscv.h).
 * Frame: 36 words, x1..x31 at their index (x2 = sp before the trap), then
 * sepc, scause, stval, sstatus.
 */
#define FRAME   (36 * 8)
#define R(n)    ((n) * 8)
#define F_SEPC  R(32)
#define F_CAUSE R(33)
#define F_TVAL  R(34)
#define F_SSTAT R(35)

	.section .text.start, "ax"
	.globl	_start
_start:
	.option push
	.option norelax
	la	sp, __stack_top
	.option pop
	la	t0, __bss_start         /* a0 (hartid) and a1 (dtb) survive the clear */
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:	la	t0, guest_boot_hartid   /* after the clear: these live in .bss */
	sd	a0, 0(t0)
	la	t0, guest_boot_dtb
	sd	a1, 0(t0)
	csrw	sie, zero
	csrci	sstatus, 2              /* SIE off: traps only, no interrupts */
	la	t0, trap_entry
	csrw	stvec, t0
	call	guest_main
3:	wfi
	j	3b

	.text
	.balign	4
trap_entry:
	addi	sp, sp, -FRAME
	sd	x1, R(1)(sp)
	sd	x3, R(3)(sp)
	sd	x4, R(4)(sp)
	sd	x5, R(5)(sp)
	sd	x6, R(6)(sp)
	sd	x7, R(7)(sp)
	sd	x8, R(8)(sp)
	sd	x9, R(9)(sp)
	sd	x10, R(10)(sp)
	sd	x11, R(11)(sp)
	sd	x12, R(12)(sp)
	sd	x13, R(13)(sp)
	sd	x14, R(14)(sp)
	sd	x15, R(15)(sp)
	sd	x16, R(16)(sp)
	sd	x17, R(17)(sp)
	sd	x18, R(18)(sp)
	sd	x19, R(19)(sp)
	sd	x20, R(20)(sp)
	sd	x21, R(21)(sp)
	sd	x22, R(22)(sp)
	sd	x23, R(23)(sp)
	sd	x24, R(24)(sp)
	sd	x25, R(25)(sp)
	sd	x26, R(26)(sp)
	sd	x27, R(27)(sp)
	sd	x28, R(28)(sp)
	sd	x29, R(29)(sp)
	sd	x30, R(30)(sp)
	sd	x31, R(31)(sp)
	addi	t0, sp, FRAME
	sd	t0, R(2)(sp)
	csrr	t0, sepc
	sd	t0, F_SEPC(sp)
	csrr	t0, scause
	sd	t0, F_CAUSE(sp)
	csrr	t0, stval
	sd	t0, F_TVAL(sp)
	csrr	t0, sstatus
	sd	t0, F_SSTAT(sp)
	mv	a0, sp
	call	riscv_trap
	ld	t0, F_SEPC(sp)
	csrw	sepc, t0
	ld	t0, F_SSTAT(sp)
	csrw	sstatus, t0
	ld	x1, R(1)(sp)
	ld	x3, R(3)(sp)
	ld	x4, R(4)(sp)
	ld	x5, R(5)(sp)
	ld	x6, R(6)(sp)
	ld	x7, R(7)(sp)
	ld	x8, R(8)(sp)
	ld	x9, R(9)(sp)
	ld	x10, R(10)(sp)
	ld	x11, R(11)(sp)
	ld	x12, R(12)(sp)
	ld	x13, R(13)(sp)
	ld	x14, R(14)(sp)
	ld	x15, R(15)(sp)
	ld	x16, R(16)(sp)
	ld	x17, R(17)(sp)
	ld	x18, R(18)(sp)
	ld	x19, R(19)(sp)
	ld	x20, R(20)(sp)
	ld	x21, R(21)(sp)
	ld	x22, R(22)(sp)
	ld	x23, R(23)(sp)
	ld	x24, R(24)(sp)
	ld	x25, R(25)(sp)
	ld	x26, R(26)(sp)
	ld	x27, R(27)(sp)
	ld	x28, R(28)(sp)
	ld	x29, R(29)(sp)
	ld	x30, R(30)(sp)
	ld	x31, R(31)(sp)
	ld	sp, R(2)(sp)
	sret

/*
 * long guest_run_user(long (*fn)(void *), void *arg): callee-saved state
 * into user_ctx, sret to fn in U-mode with ra = user_exit; user_exit's
 * ecall (a7 = GUEST_USER_EXIT) makes riscv_trap call guest_user_return,
 * which resumes here with fn's result.
 */
#define GUEST_USER_EXIT 0x0A0DEAD0
	.globl	guest_run_user
guest_run_user:
	la	t0, user_ctx
	sd	ra, 0(t0)
	sd	sp, 8(t0)
	sd	s0, 16(t0)
	sd	s1, 24(t0)
	sd	s2, 32(t0)
	sd	s3, 40(t0)
	sd	s4, 48(t0)
	sd	s5, 56(t0)
	sd	s6, 64(t0)
	sd	s7, 72(t0)
	sd	s8, 80(t0)
	sd	s9, 88(t0)
	sd	s10, 96(t0)
	sd	s11, 104(t0)
	li	t1, 0x100               /* sstatus.SPP = 0: sret to U-mode */
	csrc	sstatus, t1
	csrw	sepc, a0
	mv	a0, a1
	la	ra, user_exit
	addi	sp, sp, -64             /* the user's frames go below ours */
	sret
user_exit:
	li	a7, GUEST_USER_EXIT
	ecall
1:	j	1b

	.globl	guest_user_return
guest_user_return:                      /* a0 = fn's result, called from the trap */
	la	t0, user_ctx
	ld	ra, 0(t0)
	ld	sp, 8(t0)
	ld	s0, 16(t0)
	ld	s1, 24(t0)
	ld	s2, 32(t0)
	ld	s3, 40(t0)
	ld	s4, 48(t0)
	ld	s5, 56(t0)
	ld	s6, 64(t0)
	ld	s7, 72(t0)
	ld	s8, 80(t0)
	ld	s9, 88(t0)
	ld	s10, 96(t0)
	ld	s11, 104(t0)
	ret

	.bss
	.balign	8
user_ctx:
	.space	14 * 8
