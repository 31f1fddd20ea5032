/* SPDX-License-Identifier: MIT */
/*
 * x86_64 PVH entry. QEMU -kernel, Xen (PVH dom0) and other PVH loaders enter
 * at XEN_ELFNOTE_PHYS32_ENTRY (xen/include/public/elfnote.h) in 32-bit flat
 * protected mode, paging off, ebx = hvm_start_info (arch-x86/hvm/start_info.h).
 * Identity-map 1 GiB with 2 MiB pages, enter long mode (Intel SDM vol. 3,
 * 10.8.5: CR4.PAE, EFER.LME, CR0.PG), call kernel_main.
 */
	.section .note.Xen, "a", @note      /* 4-byte aligned; 8-byte value in ELF64 */
	.balign 4
	.long 4, 8, 18                      /* namesz, descsz, XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz "Xen"
	.balign 4
	.quad _start
	.balign 4

	.section .text.entry, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	lgdt gdt_desc
	movl $pdpt + 3, pml4                /* present | writable */
	movl $pd + 3, pdpt
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
	movl %cr4, %eax
	orl $(1 << 5), %eax                 /* CR4.PAE */
	movl %eax, %cr4
	movl $0xc0000080, %ecx              /* EFER */
	rdmsr
	orl $(1 << 8), %eax                 /* EFER.LME */
	wrmsr
	movl %cr0, %eax
	orl $0x80000001, %eax               /* CR0.PG | CR0.PE */
	movl %eax, %cr0
	ljmp $0x08, $1f

	.code64
1:	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	leaq stack_top(%rip), %rsp
	leaq __bss_start(%rip), %rdi        /* zero .bss */
	leaq __bss_end(%rip), %rcx
	subq %rdi, %rcx
	xorl %eax, %eax
	rep stosb
	call kernel_main
2:	cli
	hlt
	jmp 2b

	.section .rodata
	.balign 8
gdt:	.quad 0                             /* null */
	.quad 0x00af9a000000ffff            /* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff            /* 0x10: data */
gdt_desc:
	.word gdt_desc - gdt - 1
	.quad gdt

	.data                               /* written before .bss is zeroed */
	.balign 4096
pml4:	.fill 512, 8, 0
pdpt:	.fill 512, 8, 0
pd:	.fill 512, 8, 0

	.bss
	.balign 16
	.space 16384
stack_top:

	.section .note.GNU-stack, "", @progbits
