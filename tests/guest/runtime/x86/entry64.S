/* SPDX-License-Identifier: MIT */
/*
 * x86_64 PVH entry. The loader (QEMU, Xen, the nested-KVM loader) enters at
 * the XEN_ELFNOTE_PHYS32_ENTRY address in 32-bit protected mode, paging off,
 * ebx = hvm_start_info (xen/include/public/arch-x86/hvm/start_info.h).
 * We identity-map 4 GiB with 2 MiB pages and switch to long mode.
 */
#define PAGE_PRESENT_RW   0x3
#define PAGE_LARGE        0x80
#include "long_mode.h"

	.section .note.Xen, "a", @note
	.balign 4
	.long 4, 8, 18                  /* namesz, descsz, XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz "Xen"
	.balign 4
	.quad pvh_start32
	.balign 4

	.section .text.entry, "ax"
	.code32
	.globl pvh_start32
pvh_start32:
	cli
	cld
	movl %ebx, pvh_start_info_paddr
	lgdt gdt_desc
	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss

	/* PML4[0] -> PDPT; PDPT[0..3] -> PD0..PD3; PDn[i] = 2 MiB page. */
	movl $pdpt + PAGE_PRESENT_RW, pml4
	xorl %ecx, %ecx
1:	movl %ecx, %eax
	shll $12, %eax
	addl $pd + PAGE_PRESENT_RW, %eax
	movl %eax, pdpt(, %ecx, 8)
	incl %ecx
	cmpl $4, %ecx
	jne 1b
	xorl %ecx, %ecx
2:	movl %ecx, %eax
	shll $21, %eax
	orl $PAGE_PRESENT_RW + PAGE_LARGE, %eax
	movl %eax, pd(, %ecx, 8)
	incl %ecx
	cmpl $2048, %ecx
	jne 2b

	movl $pml4, %eax
	movl %eax, %cr3
	x86_enable_long_mode
	ljmp $0x08, $long_mode

	.code64
long_mode:
	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movl %eax, %fs
	movl %eax, %gs
	leaq stack_top(%rip), %rsp
	leaq __bss_start(%rip), %rdi
	leaq __bss_end(%rip), %rcx
	subq %rdi, %rcx
	xorl %eax, %eax
	rep stosb
	call x86_runtime_init
	call guest_main
3:	cli
	hlt
	jmp 3b

	.section .rodata
	.balign 8
gdt:
	.quad 0                         /* null */
	.quad 0x00af9a000000ffff        /* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff        /* 0x10: data */
gdt_end:
gdt_desc:
	.word gdt_end - gdt - 1
	.quad gdt

	.data
	.balign 8
	.globl pvh_start_info_paddr
pvh_start_info_paddr:
	.quad 0

	/* Page tables live in .data: they are written before .bss is cleared. */
	.balign 4096
pml4:	.fill 512, 8, 0
pdpt:	.fill 512, 8, 0
pd:	.fill 2048, 8, 0

	.bss
	.balign 16
	.space 65536
	.globl stack_top
stack_top:

	.section .note.GNU-stack, "", @progbits
