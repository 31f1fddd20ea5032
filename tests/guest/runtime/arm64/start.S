/* SPDX-License-Identifier: MIT */
/*
 * aarch64 entry: an arm64 Image header (Linux Documentation/arm64/booting.rst:
 * code0/code1, text_offset, image_size, flags, "ARM\x64" at 0x38), so QEMU's
 * -kernel, Xen's dom0 loader and the KVM loader all take the same file.
 * x0 = device tree, MMU off. Linked at 0 as a static PIE: the entry applies
 * its own R_AARCH64_RELATIVE relocations for wherever it was loaded. Entered
 * at EL2 (QEMU virt with virtualization=on), it leaves for EL1 (HCR_EL2.RW,
 * SPSR EL1h, eret) so the library runs as a guest kernel would.
 */
#define R_AARCH64_RELATIVE 1027

	.section .head, "ax"
	.globl _head
_head:
	b	start                   /* code0 */
	.long	0                       /* code1 */
	.quad	0                       /* text_offset */
	/* image_size, flags, res2-4, magic, res5: image.ld (no relocation) */

	.text
start:
	mov	x19, x0                 /* device tree */
	mrs	x20, CurrentEL
	lsr	x20, x20, #2
	cmp	x20, #2
	b.ne	at_el1
	mov	x9, #(1 << 31)          /* HCR_EL2.RW: EL1 is AArch64; nothing trapped */
	msr	hcr_el2, x9
	mov	x9, #3                  /* CNTHCTL_EL2: EL1 may use the physical timer/counter */
	msr	cnthctl_el2, x9
	msr	cntvoff_el2, xzr
	ldr	x9, =0x30d00800         /* SCTLR_EL1: RES1 bits, MMU and caches off */
	msr	sctlr_el1, x9
	adr	x9, arm64_el2_vectors   /* EL2 stays empty: anything reaching it is counted */
	msr	vbar_el2, x9
	mov	x9, #0x3c5              /* SPSR_EL2: EL1h, DAIF masked */
	msr	spsr_el2, x9
	adr	x9, at_el1
	msr	elr_el2, x9
	isb
	eret
at_el1:
	adr	x9, _head               /* load base = link base 0 + delta */
	adr	x10, __rela_start
	adr	x11, __rela_end
1:	cmp	x10, x11
	b.hs	2f
	ldp	x12, x13, [x10], #16    /* r_offset, r_info */
	ldr	x14, [x10], #8          /* r_addend */
	cmp	x13, #R_AARCH64_RELATIVE
	b.ne	1b
	add	x14, x14, x9
	str	x14, [x12, x9]
	b	1b
2:	adr	x9, __bss_start
	adr	x10, __bss_end
3:	cmp	x9, x10
	b.hs	4f
	stp	xzr, xzr, [x9], #16
	b	3b
4:	adr	x9, __stack_top
	mov	sp, x9
	adr	x9, arm64_vectors
	msr	vbar_el1, x9
	isb
	mov	x0, x19
	mov	x1, x20
	bl	arm64_boot
5:	wfi
	b	5b
	.ltorg

/* Vectors: every entry saves the frame and calls arm64_exception(frame, index). */
#define FRAME 288
	.macro vent idx
	.balign 0x80
	sub	sp, sp, #FRAME
	stp	x0, x1, [sp]
	mov	x1, #\idx
	b	vec_common
	.endm

	.balign 0x800
	.globl arm64_vectors
arm64_vectors:
	vent 0
	vent 1
	vent 2
	vent 3
	vent 4
	vent 5
	vent 6
	vent 7
	vent 8
	vent 9
	vent 10
	vent 11
	vent 12
	vent 13
	vent 14
	vent 15

vec_common:
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	mrs	x2, elr_el1
	stp	x30, x2, [sp, #240]
	mrs	x2, spsr_el1
	mrs	x3, esr_el1
	stp	x2, x3, [sp, #256]
	mrs	x2, far_el1
	str	x2, [sp, #272]
	mov	x0, sp
	bl	arm64_exception
	ldp	x30, x2, [sp, #240]
	msr	elr_el1, x2
	ldr	x2, [sp, #256]
	msr	spsr_el1, x2
	ldp	x0, x1, [sp]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	add	sp, sp, #FRAME
	eret

/*
 * EL2 vectors (left behind when the image drops to EL1): an hvc or any other
 * exception that reaches EL2 is counted in guest_arm64_el2_traps and returns
 * with x0 = -1 (SMCCC NOT_SUPPORTED). The image checks the count is 0.
 */
	.macro vent2
	.balign 0x80
	b	el2_count
	.endm
	.balign 0x800
arm64_el2_vectors:
	.rept 16
	vent2
	.endr
el2_count:
	msr	tpidr_el2, x1
	adr	x1, guest_arm64_el2_traps
	ldr	w0, [x1]
	add	w0, w0, #1
	str	w0, [x1]
	mov	x0, #-1
	mrs	x1, tpidr_el2
	eret

	.data
	.balign 4
	.globl guest_arm64_el2_traps
guest_arm64_el2_traps:
	.long	0

	.bss
	.balign 16
	.space 65536
	.globl __stack_top
__stack_top:
