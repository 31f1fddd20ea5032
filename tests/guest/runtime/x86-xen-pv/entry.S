/* SPDX-License-Identifier: MIT */
/*
 * x86_64 Xen PV entry. Xen builds the page tables, maps the image at its
 * link addresses and enters at XEN_ELFNOTE_ENTRY in 64-bit mode with
 * rsi = start_info (xen/include/public/xen.h). There is no IDT: exceptions
 * come through the trap table (runtime.c) as bounce frames
 * (rcx, r11, [error], rip, cs, rflags, rsp, ss: arch-x86/xen-x86_64.h).
 *
 * Notes: GUEST_OS, XEN_VERSION "xen-3.0" (required), LOADER, ENTRY,
 * HYPERCALL_PAGE, FEATURES, PAE_MODE (xen/include/public/elfnote.h). VIRT_BASE 0 and
 * PADDR_OFFSET 0: virtual = "physical" = link address, like XTF's PV images.
 */
#define XEN_ELFNOTE_ENTRY           1
#define XEN_ELFNOTE_VIRT_BASE       3
#define XEN_ELFNOTE_PADDR_OFFSET    4
#define XEN_ELFNOTE_XEN_VERSION     5
#define XEN_ELFNOTE_GUEST_OS        6
#define XEN_ELFNOTE_LOADER          8
#define XEN_ELFNOTE_PAE_MODE        9
#define XEN_ELFNOTE_FEATURES        10

.macro note type, size, value:vararg
	.balign 4
	.long 4, \size, \type
	.asciz "Xen"
	.balign 4
	\value
	.balign 4
.endm

.macro note_str type, text
	.balign 4
	.long 4, 2f - 1f, \type
	.asciz "Xen"
	.balign 4
1:	.asciz "\text"
2:	.balign 4
.endm

	.section .note.Xen, "a", @note
	note_str XEN_ELFNOTE_GUEST_OS, "libhyp-test"
	note_str XEN_ELFNOTE_XEN_VERSION, "xen-3.0"
	note_str XEN_ELFNOTE_LOADER, "generic"
	note XEN_ELFNOTE_VIRT_BASE, 8, .quad 0
	note XEN_ELFNOTE_PADDR_OFFSET, 8, .quad 0
	note XEN_ELFNOTE_ENTRY, 8, .quad xen_pv_start
	note_str XEN_ELFNOTE_FEATURES, "!writable_page_tables"
	note_str XEN_ELFNOTE_PAE_MODE, "yes"

	.section .text.entry, "ax"
	.code64
	.globl xen_pv_start
xen_pv_start:
	cld
	movq %rsi, xen_pv_start_info_va(%rip)
	leaq stack_top(%rip), %rsp
	leaq __bss_start(%rip), %rdi
	leaq __bss_end(%rip), %rcx
	subq %rdi, %rcx
	xorl %eax, %eax
	rep stosb
	call xen_pv_runtime_init
	call guest_main
1:	jmp 1b

/* Exception stubs: the vector on top of Xen's bounce frame, then C. */
	.balign 16
	.globl xen_pv_vector_table
vector_stubs:
	vector = 0
	.rept 32
	.balign 16
	pushq $vector
	jmp vector_common
	vector = vector + 1
	.endr

vector_common:
	movq (%rsp), %rdi               /* vector */
	leaq 8(%rsp), %rsi              /* Xen's frame: rcx, r11, ... */
	andq $-16, %rsp
	call xen_pv_trap                /* does not return */
2:	jmp 2b

	.section .rodata
	.balign 8
xen_pv_vector_table:
	vector = 0
	.rept 32
	.quad vector_stubs + vector * 16
	vector = vector + 1
	.endr

	.data
	.balign 8
	.globl xen_pv_start_info_va
xen_pv_start_info_va:
	.quad 0

	.bss
	.balign 16
	.space 65536
stack_top:

	.section .note.GNU-stack, "", @progbits
