/* SPDX-License-Identifier: MIT */
/*
 * x86_64 application-processor start-up (see smp.c). smp_trampoline_start..
 * smp_trampoline_end is copied to SMP_TRAMPOLINE_BASE (the SIPI vector page):
 * an AP wakes there in real mode (CS = base >> 4, IP = 0), loads the
 * trampoline's GDT, enters protected mode, enables PAE with the BSP's CR3
 * (patched into smp_trampoline_cr3 by the BSP), sets EFER.LME and paging, and
 * jumps to smp_ap_entry64 in the image (below 4 GiB, identity mapped).
 * GDT layout as the BSP's (entry64.S): 0x08 64-bit code, 0x10 data; plus
 * 0x18 32-bit code for the protected-mode step.
 */
#include "long_mode.h"
#include "smp.h"

#define CR0_PE            0x00000001
#define REL(sym)          ((sym) - smp_trampoline_start + SMP_TRAMPOLINE_BASE)

	.section .rodata
	.balign 16
	.globl smp_trampoline_start, smp_trampoline_end, smp_trampoline_cr3
	.code16
smp_trampoline_start:
	cli
	cld
	movw %cs, %ax
	movw %ax, %ds
	lgdtl tramp_gdt_desc - smp_trampoline_start
	movl %cr0, %eax
	orl $CR0_PE, %eax
	movl %eax, %cr0
	ljmpl $0x18, $REL(tramp_pm32)

	.code32
tramp_pm32:
	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movl REL(smp_trampoline_cr3), %eax
	movl %eax, %cr3
	x86_enable_long_mode
	ljmpl $0x08, $smp_ap_entry64

	.balign 8
tramp_gdt:
	.quad 0
	.quad 0x00af9a000000ffff        /* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff        /* 0x10: data */
	.quad 0x00cf9a000000ffff        /* 0x18: 32-bit code */
tramp_gdt_desc:
	.word tramp_gdt_desc - tramp_gdt - 1
	.long REL(tramp_gdt)
	.balign 4
smp_trampoline_cr3:
	.long 0
smp_trampoline_end:

	.text
	.code64
	.globl smp_ap_entry64
smp_ap_entry64:
	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movl %eax, %fs
	movl %eax, %gs
	movq smp_ap_stack(%rip), %rsp
	call smp_ap_main
1:	cli
	hlt
	jmp 1b

	.section .note.GNU-stack, "", @progbits
