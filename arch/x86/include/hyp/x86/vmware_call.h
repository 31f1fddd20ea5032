/* SPDX-License-Identifier: MIT */
/*
 * x86 VMware backdoor stubs (register use as Linux 6.1's
 * arch/x86/include/asm/vmware.h and drivers/gpu/drm/vmwgfx/vmwgfx_msg_x86.h).
 *
 *   in:  eax magic, ebx argument, ecx command (| type << 16), edx port / flags
 *        (| channel << 16; the vmcall form reads dx = 0, HB, HB | OUT), esi, edi
 *        (RPC cookie, HB source / destination)
 *   out: eax ebx ecx edx esi edi may all change; flags; memory (HB in)
 *   low bandwidth:  `movw $0x5658, %dx; inl (%dx), %eax`, or vmcall / vmmcall
 *   high bandwidth: `movw $0x5659, %dx; rep outsb | rep insb`, or vmcall /
 *        vmmcall with dx = HB (| OUT); ebp carries one more word (the cookie):
 *        it travels in eax into the asm, which saves ebp and loads the magic
 *        (x86_64 steps over the red zone first).
 * Every register not listed survives.
 *
 *   hyp_vmware_port_call / _vmcall / _vmmcall (regs)   unconditional, regs.ax as given
 *   hyp_vmware_hb_{port,vmcall,vmmcall}_{out,in} (regs, bp)  unconditional
 *   hyp_vmware_call (regs), hyp_vmware_hb_out / _in (regs, bp)
 *       gated: the conduit hyp_init() proved, magic set here; else
 *       HYP_ENOTINIT / HYP_ENOHYP with no instruction executed
 */
#ifndef HYP_X86_VMWARE_CALL_H
#define HYP_X86_VMWARE_CALL_H

#include <hyp/gate.h>
#include <hyp/vmware.h>

#ifndef HYP_X86_VMCALL_INSN
#define HYP_X86_VMCALL_INSN     ".byte 0x0f, 0x01, 0xc1"    /* vmcall */
#endif
#ifndef HYP_X86_VMMCALL_INSN
#define HYP_X86_VMMCALL_INSN    ".byte 0x0f, 0x01, 0xd9"    /* vmmcall */
#endif

#ifdef __cplusplus
extern "C" {
#endif

extern unsigned char hyp_vmware_gate;   /* lib/x86/vmware_backdoor.c */

#define HYP_VMWARE_PORT_INSN    "movw $0x5658, %%dx\n\tinl (%%dx), %%eax"
#define HYP_VMWARE_HB_OUT_INSN  "movw $0x5659, %%dx\n\trep outsb"
#define HYP_VMWARE_HB_IN_INSN   "movw $0x5659, %%dx\n\trep insb"
#if defined(__x86_64__)
#define HYP_VMWARE_BP_ENTER "lea -128(%%rsp), %%rsp\n\tpush %%rbp\n\tmov %%rax, %%rbp\n\t"
#define HYP_VMWARE_BP_LEAVE "\n\tpop %%rbp\n\tlea 128(%%rsp), %%rsp"
#else
#define HYP_VMWARE_BP_ENTER "push %%ebp\n\tmov %%eax, %%ebp\n\t"
#define HYP_VMWARE_BP_LEAVE "\n\tpop %%ebp"
#endif
#define HYP_VMWARE_OPERANDS(r)  "+a"((r)->ax), "+b"((r)->bx), "+c"((r)->cx), "+d"((r)->dx), \
				"+S"((r)->si), "+D"((r)->di)
#define HYP_VMWARE_CLOBBERS     "cc", "memory"

#define HYP_VMWARE_STUB(name, insn)                                                     \
	static inline void name(struct hyp_vmware_regs *r)                              \
	{                                                                               \
		__asm__ __volatile__(insn : HYP_VMWARE_OPERANDS(r) : : HYP_VMWARE_CLOBBERS); /* NOLINT(bugprone-macro-parentheses): a string literal */ \
	}
#define HYP_VMWARE_HB_STUB(name, insn)                                                  \
	static inline void name(struct hyp_vmware_regs *r, unsigned long bp)            \
	{                                                                               \
		r->ax = bp;                                                             \
		__asm__ __volatile__(HYP_VMWARE_BP_ENTER "movl $0x564d5868, %%eax\n\t"  \
				     insn HYP_VMWARE_BP_LEAVE /* NOLINT(bugprone-macro-parentheses) */ \
				     : HYP_VMWARE_OPERANDS(r) : : HYP_VMWARE_CLOBBERS); \
	}

HYP_VMWARE_STUB(hyp_vmware_port_call, HYP_VMWARE_PORT_INSN)
HYP_VMWARE_STUB(hyp_vmware_vmcall, HYP_X86_VMCALL_INSN)
HYP_VMWARE_STUB(hyp_vmware_vmmcall, HYP_X86_VMMCALL_INSN)
HYP_VMWARE_HB_STUB(hyp_vmware_hb_port_out, HYP_VMWARE_HB_OUT_INSN)
HYP_VMWARE_HB_STUB(hyp_vmware_hb_port_in, HYP_VMWARE_HB_IN_INSN)
HYP_VMWARE_HB_STUB(hyp_vmware_hb_vmcall, HYP_X86_VMCALL_INSN)
HYP_VMWARE_HB_STUB(hyp_vmware_hb_vmmcall, HYP_X86_VMMCALL_INSN)

static inline int hyp_vmware_call(struct hyp_vmware_regs *r)
{
	unsigned int gate = hyp_gate_read(&hyp_vmware_gate);

	if (gate < HYP_GATE_OPEN)
		return (int)hyp_gate_error(gate);
	r->ax = HYP_VMWARE_MAGIC;
	if (gate != HYP_GATE_VMWARE_PORT)
		r->dx &= ~0xfffful;     /* the vmcall form reads HB / OUT there */
	if (gate == HYP_GATE_VMWARE_VMMCALL)
		hyp_vmware_vmmcall(r);
	else if (gate == HYP_GATE_VMWARE_VMCALL)
		hyp_vmware_vmcall(r);
	else
		hyp_vmware_port_call(r);
	return 0;
}

static inline int hyp_vmware_hb_transfer(struct hyp_vmware_regs *r, unsigned long bp, bool out)
{
	unsigned int gate = hyp_gate_read(&hyp_vmware_gate);

	if (gate < HYP_GATE_OPEN)
		return (int)hyp_gate_error(gate);
	if (gate == HYP_GATE_VMWARE_PORT) {
		if (out)
			hyp_vmware_hb_port_out(r, bp);
		else
			hyp_vmware_hb_port_in(r, bp);
		return 0;
	}
	r->dx = (r->dx & ~0xfffful) | HYP_VMWARE_HB | (out ? HYP_VMWARE_OUT : 0u);
	if (gate == HYP_GATE_VMWARE_VMMCALL)
		hyp_vmware_hb_vmmcall(r, bp);
	else
		hyp_vmware_hb_vmcall(r, bp);
	return 0;
}

static inline int hyp_vmware_hb_out(struct hyp_vmware_regs *r, unsigned long bp)
{
	return hyp_vmware_hb_transfer(r, bp, true);
}

static inline int hyp_vmware_hb_in(struct hyp_vmware_regs *r, unsigned long bp)
{
	return hyp_vmware_hb_transfer(r, bp, false);
}

#ifdef __cplusplus
}
#endif

#endif /* HYP_X86_VMWARE_CALL_H */
