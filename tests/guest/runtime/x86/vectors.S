/* SPDX-License-Identifier: MIT */
/*
 * Vectors 0-127 (GUEST_TRAP_CAUSES, guest/trap.h): the CPU's exceptions 0-31
 * and interrupts up to 127 (a Xen upcall vector). Push a dummy error code
 * where the CPU pushes none, push the vector, save every GPR as struct
 * guest_frame, call x86_trap(regs), restore (the handler may have changed any
 * field) and iret.
 */
#define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

	.text
	.globl x86_vector_table
	.section .rodata
	.balign 8
x86_vector_table:
	.text

	.altmacro
	.macro vector v
	.text
vector_\v:
	.if HAS_ERROR(\v) == 0
	push $0
	.endif
	push $\v
	jmp trap_common
	.section .rodata
#ifdef __x86_64__
	.quad vector_\v
#else
	.long vector_\v
#endif
	.text
	.endm

	.set i, 0
	.rept 128
	vector %i
	.set i, i + 1
	.endr

	.text
trap_common:
#ifdef __x86_64__
	push %rax
	push %rbx
	push %rcx
	push %rdx
	push %rsi
	push %rdi
	push %rbp
	push %r8
	push %r9
	push %r10
	push %r11
	push %r12
	push %r13
	push %r14
	push %r15
	mov %rsp, %rdi
	cld
	call x86_trap
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rbp
	pop %rdi
	pop %rsi
	pop %rdx
	pop %rcx
	pop %rbx
	pop %rax
	add $16, %rsp
	iretq
#else
	push %eax
	push %ebx
	push %ecx
	push %edx
	push %esi
	push %edi
	push %ebp
	mov %esp, %eax
	push %eax
	cld
	call x86_trap
	add $4, %esp
	pop %ebp
	pop %edi
	pop %esi
	pop %edx
	pop %ecx
	pop %ebx
	pop %eax
	add $8, %esp
	iret
#endif

	.section .note.GNU-stack, "", @progbits
