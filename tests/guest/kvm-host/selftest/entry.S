/* PVH entry for the kvm-host selftest: 32-bit, paging off, EBX = start_info. */
#ifdef NOTE64
#define NOTE_DESC_SIZE 8
#else
#define NOTE_DESC_SIZE 4
#endif

	.section .note.Xen, "a"
	.p2align 2
	.long 4, NOTE_DESC_SIZE, 18	/* XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz "Xen"
#ifdef NOTE64
	.long _start, 0		/* 8-byte descriptor, as ELF64 PVH images carry */
#else
	.long _start
#endif

	.section .text.entry, "ax"
	.code32
	.globl _start
_start:
	cli
	lgdt gdt_desc
	ljmp $0x8, $1f
1:	mov $0x10, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %fs
	mov %ax, %gs
	mov %ax, %ss
	mov $stack_top, %esp
	push %ebx
	call selftest_main
	mov $1, %eax			/* main must not return */
	out %eax, $0xf4
2:	hlt
	jmp 2b

/* long hc_vmmcall(nr, a0, a1, a2, a3) and hc_vmcall(...): cdecl */
	.text
	.globl hc_vmmcall, vmmcall_insn, hc_vmcall, vmcall_insn
hc_vmmcall:
	push %ebx
	push %esi
	mov 12(%esp), %eax
	mov 16(%esp), %ebx
	mov 20(%esp), %ecx
	mov 24(%esp), %edx
	mov 28(%esp), %esi
vmmcall_insn:
	.byte 0x0f, 0x01, 0xd9
	pop %esi
	pop %ebx
	ret

hc_vmcall:
	push %ebx
	push %esi
	mov 12(%esp), %eax
	mov 16(%esp), %ebx
	mov 20(%esp), %ecx
	mov 24(%esp), %edx
	mov 28(%esp), %esi
vmcall_insn:
	.byte 0x0f, 0x01, 0xc1
	pop %esi
	pop %ebx
	ret

/* AP start-up code, copied to 0x8000 (SIPI vector 0x08): real mode, CS=0x800,
 * DS base 0. It sets the word at 0x7ff0 and halts. */
	.section .rodata
	.globl ap_tramp_start, ap_tramp_end
	.code16
ap_tramp_start:
	movl $1, 0x7ff0
1:	cli
	hlt
	jmp 1b
ap_tramp_end:
	.code32

	.p2align 3
gdt:
	.quad 0
	.quad 0x00cf9b000000ffff	/* 0x08: flat 32-bit code */
	.quad 0x00cf93000000ffff	/* 0x10: flat data */
gdt_desc:
	.word gdt_desc - gdt - 1
	.long gdt

	.bss
	.p2align 4
	.skip 16384
stack_top:

	.section .note.GNU-stack, "", @progbits
