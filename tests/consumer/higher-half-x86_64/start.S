/* SPDX-License-Identifier: MIT */
/*
 * PVH entry (XEN_ELFNOTE_PHYS32_ENTRY: 32-bit flat protected mode, paging
 * off) of a higher-half kernel: map the first GiB twice with 2 MiB pages,
 * at 0 (identity, for this code) and at 0xffffffff80000000 (PML4 slot 511,
 * PDPT slot 510, where the kernel is linked), enter long mode (the suite's
 * x86_enable_long_mode) and jump up to kernel_main.
 */
#include "long_mode.h"                /* tests/guest/runtime/x86: x86_enable_long_mode */

	.section .note.Xen, "a", @note
	.balign 4
	.long 4, 8, 18                      /* namesz, descsz, XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz "Xen"
	.balign 4
	.quad _start
	.balign 4

	.section .text.boot, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	lgdt gdt_desc
	movl $pdpt_low + 3, pml4            /* present | writable */
	movl $pdpt_high + 3, pml4 + 511 * 8
	movl $pd + 3, pdpt_low
	movl $pd + 3, pdpt_high + 510 * 8
	xorl %ecx, %ecx
1:	movl %ecx, %eax                     /* pd[i] = i * 2 MiB | large | writable | present */
	shll $21, %eax
	orl $0x83, %eax
	movl %eax, pd(, %ecx, 8)
	incl %ecx
	cmpl $512, %ecx
	jne 1b
	movl $pml4, %eax
	movl %eax, %cr3
	x86_enable_long_mode
	ljmp $0x08, $1f

	.code64
1:	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movabsq $high, %rax
	jmp *%rax

	.section .data.boot, "aw"
	.balign 8
gdt:	.quad 0                             /* null */
	.quad 0x00af9a000000ffff            /* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff            /* 0x10: data */
gdt_desc:
	.word gdt_desc - gdt - 1
	.quad gdt
	.balign 4096
pml4:	.fill 512, 8, 0
pdpt_low:	.fill 512, 8, 0
pdpt_high:	.fill 512, 8, 0
pd:	.fill 512, 8, 0

	.text
high:	leaq stack_top(%rip), %rsp      /* now at 0xffffffff8010xxxx */
	leaq __bss_start(%rip), %rdi
	leaq __bss_end(%rip), %rcx
	subq %rdi, %rcx
	xorl %eax, %eax
	rep stosb
	call kernel_main
2:	cli
	hlt
	jmp 2b

	.bss
	.balign 16
	.space 16384
stack_top:

	.section .note.GNU-stack, "", @progbits
