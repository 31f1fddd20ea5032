/* SPDX-License-Identifier: MIT */
/*
 * i386 PVH entry: 32-bit protected mode, paging off, ebx = hvm_start_info
 * (xen/include/public/arch-x86/hvm/start_info.h). Flat segments, no paging.
 */
	.section .note.Xen, "a", @note
	.balign 4
	.long 4, 4, 18                  /* namesz, descsz, XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz "Xen"
	.balign 4
	.long pvh_start32
	.balign 4

	.section .text.entry, "ax"
	.globl pvh_start32
pvh_start32:
	cli
	cld
	movl %ebx, pvh_start_info_paddr
	lgdt gdt_desc
	ljmp $0x08, $1f
1:	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movl %eax, %fs
	movl %eax, %gs
	movl $stack_top, %esp
	movl $__bss_start, %edi
	movl $__bss_end, %ecx
	subl %edi, %ecx
	xorl %eax, %eax
	rep stosb
	call x86_runtime_init
	call guest_main
2:	cli
	hlt
	jmp 2b

	.section .rodata
	.balign 8
gdt:
	.quad 0                         /* null */
	.quad 0x00cf9a000000ffff        /* 0x08: 32-bit code */
	.quad 0x00cf92000000ffff        /* 0x10: data */
gdt_end:
gdt_desc:
	.word gdt_end - gdt - 1
	.long gdt

	.data
	.balign 8
	.globl pvh_start_info_paddr
pvh_start_info_paddr:
	.quad 0

	.bss
	.balign 16
	.space 65536
	.globl stack_top
stack_top:

	.section .note.GNU-stack, "", @progbits
