/* SPDX-License-Identifier: MIT */
/*
 * Protected mode → long mode (SDM vol. 3, 10.8.5): with CR3 already holding a
 * PML4, set CR4.PAE, EFER.LME, then CR0.PG; the caller then far-jumps to a
 * 64-bit code segment. Shared by the BSP entry (entry64.S) and the AP
 * trampoline (smp64.S). Clobbers eax, ecx, edx.
 */
#define MSR_EFER          0xc0000080
#define EFER_LME          (1 << 8)
#define CR4_PAE           (1 << 5)
#define CR0_PG_PE         0x80000001

	.macro x86_enable_long_mode
	movl %cr4, %eax
	orl $CR4_PAE, %eax
	movl %eax, %cr4
	movl $MSR_EFER, %ecx
	rdmsr
	orl $EFER_LME, %eax
	wrmsr
	movl %cr0, %eax
	orl $CR0_PG_PE, %eax
	movl %eax, %cr0
	.endm
