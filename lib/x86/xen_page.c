/* SPDX-License-Identifier: MIT */
/*
 * x86 Xen: the transfer mode (page or direct) and the hypercall page (Xen
 * docs/guest-guide/x86/hypercall-abi.rst; detection and the gate's first
 * value: xen_detect.c).
 *
 * HVM/PVH install a page by writing its guest-physical address to the MSR
 * named by CPUID leaf xen base+2 (ebx; eax = pages offered, the low 12 bits
 * of the value select which); PV guests get theirs written by Xen at boot
 * from XEN_ELFNOTE_HYPERCALL_PAGE. Either way Xen writes one stub per
 * 32-byte slot that loads the slot's number (`b8 imm32` = mov $op, %eax),
 * then transfers (vmcall/vmmcall; PV: syscall, int $0x82); the iret slot is
 * special (PV: pushes first; HVM: ud2). xen-project/xen:
 * xen/arch/x86/hvm/vmx/vmx.c, hvm/svm/svm.c, pv/hypercall.c.
 */
#include "xen_internal.h"

unsigned char hyp_xen_gate = HYP_GATE_UNINIT;
const void *hyp_xen_call_page;

#define X86_OPCODE_MOV_EAX_IMM32    0xb8
#define STUB_MOV_SEARCH             8       /* PV stubs push rcx, r11 first (3 bytes) */
#define X86_UD2_0                   0x0f
#define X86_UD2_1                   0x0b
#define X86_INT3                    0xcc

enum hyp_xen_mode hyp_xen_mode(void)
{
	switch (hyp_gate_read(&hyp_xen_gate)) {
	case HYP_GATE_XEN_PAGE:     return HYP_XEN_MODE_PAGE;
	case HYP_GATE_XEN_VMCALL:   return HYP_XEN_MODE_VMCALL;
	case HYP_GATE_XEN_VMMCALL:  return HYP_XEN_MODE_VMMCALL;
	default:                    return HYP_XEN_MODE_NONE;
	}
}

void hyp_xen_hypercall_page_fill(void *page)
{
	unsigned char *bytes = page;

	for (unsigned int i = 0; i < HYP_XEN_PAGE_SIZE; i++)
		bytes[i] = X86_INT3;
	for (unsigned int slot = 0; slot < HYP_XEN_HYPERCALL_PAGE_SLOTS; slot++) {
		bytes[slot * HYP_XEN_HYPERCALL_STUB_SIZE] = X86_UD2_0;
		bytes[slot * HYP_XEN_HYPERCALL_STUB_SIZE + 1] = X86_UD2_1;
	}
}

static bool slot_loads(const unsigned char *stub, uint32_t op)
{
	for (unsigned int i = 0; i < STUB_MOV_SEARCH; i++) {
		uint32_t imm;

		if (stub[i] != X86_OPCODE_MOV_EAX_IMM32)
			continue;
		imm = (uint32_t)stub[i + 1] | (uint32_t)stub[i + 2] << 8 |
		      (uint32_t)stub[i + 3] << 16 | (uint32_t)stub[i + 4] << 24;
		if (imm == op)
			return true;
	}
	return false;
}

bool hyp_xen_hypercall_page_valid(const void *page)
{
	const unsigned char *bytes = page;

	if (!page)
		return false;
	for (uint32_t op = 0; op < HYP_XEN_HYPERCALL_PAGE_SLOTS; op++) {
		if (op == HYP_XEN_HYPERCALL_iret)
			continue;
		if (!slot_loads(bytes + op * HYP_XEN_HYPERCALL_STUB_SIZE, op))
			return false;
	}
	return true;
}

static void wrmsr(uint32_t msr, uint64_t value)
{
	__asm__ __volatile__("wrmsr"
			     :
			     : "c"(msr), "a"((uint32_t)value), "d"((uint32_t)(value >> 32))
			     : "memory");
}

int hyp_xen_set_hypercall_page(void *page)
{
	const struct hyp_info *info = hyp_get_info();
	uint64_t gpa;

	if (!info)
		return HYP_ENOTINIT;
	if (!(info->families & HYP_FAMILY_XEN))
		return HYP_ENOHYP;
	if (!page || ((uintptr_t)page & (HYP_XEN_PAGE_SIZE - 1)))
		return HYP_EINVAL;
	if (page == hyp_xen_call_page && hyp_xen_hypercall_page_valid(page)) {
		/* Written once, never refilled: a CPU that read the page mode before a
		 * switch to direct may still be calling into it. */
		hyp_gate_open(&hyp_xen_gate, HYP_GATE_XEN_PAGE);
		return HYP_OK;
	}
	if (!info->xen_pv) {
		if (info->x86_xen_hypercall_pages < 1)
			return HYP_ENOHYP;
		gpa = hyp_virt_to_phys(page);
		if (gpa & (HYP_XEN_PAGE_SIZE - 1))
			return HYP_EINVAL;
		hyp_xen_hypercall_page_fill(page);
		wrmsr(info->x86_xen_hypercall_msr, gpa);    /* low 12 bits 0: Xen's page 0 */
	}
	if (!hyp_xen_hypercall_page_valid(page))
		return HYP_EIO;
	hyp_xen_call_page = page;
	hyp_gate_open(&hyp_xen_gate, HYP_GATE_XEN_PAGE);
	return HYP_OK;
}

int hyp_xen_set_direct(void)
{
	const struct hyp_info *info = hyp_get_info();

	if (!info)
		return HYP_ENOTINIT;
	if (!(info->families & HYP_FAMILY_XEN))
		return HYP_ENOHYP;
	if (info->xen_pv)
		return HYP_EOPNOTSUPP;
	hyp_gate_open(&hyp_xen_gate, hyp_xen_direct_gate(info));
	return HYP_OK;
}
