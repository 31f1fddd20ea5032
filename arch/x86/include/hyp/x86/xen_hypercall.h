/* SPDX-License-Identifier: MIT */
/*
 * x86 Xen hypercall stubs (32- and 64-bit).
 *
 * ABI (seed 003, Xen's docs/guest-guide/x86/hypercall-abi.rst):
 *   64-bit: op in rax; arguments rdi rsi rdx r10 r8 r9; result in rax.
 *   32-bit: op in eax; arguments ebx ecx edx esi edi ebp; result in eax.
 * Xen may change every argument register of a call (a debug Xen poisons
 * them), so each stub passes them as in/out ("+") operands. No other register
 * changes: Xen's page stubs for 64-bit PV save rcx and r11 around syscall.
 * The seed allows six arguments; Xen's public headers use five at most today
 * (argo_op; most calls take two: cmd and a pointer). A call must be made
 * with at least as many arguments as Xen's hypercall takes.
 *
 * Transfer (seed 003): HVM/PVH executes vmcall (Intel) or vmmcall (AMD)
 * directly, as modern Linux does, or calls the hypercall page, where Xen
 * wrote a 32-byte stub per hypercall number (`call page + op * 32`); PV
 * guests always use the page (its stubs use syscall / int $0x82).
 *
 *   hyp_xen_vmcallN / hyp_xen_vmmcallN (op, ...)       unconditional, direct
 *   hyp_xen_page_callN (page, op, ...)                 unconditional, through `page`
 *   hyp_xen_hypercallN (op, ...)                       through the mode hyp_init()
 *       and hyp_xen_set_hypercall_page() chose (gate hyp_xen_gate), or
 *       HYP_ENOTINIT / HYP_ENOHYP with no instruction executed.
 *
 * HYPERCALL_iret (23) takes its arguments on the stack and must be jumped
 * to, not called (PV only; an HVM page holds ud2 there): hyp_xen_hypercallN
 * refuses it with HYP_EINVAL. Numbers beyond the page's 128 slots answer
 * HYP_ENOSYS (no such hypercall exists) without executing anything.
 *
 * i386: "+b" stays usable with -fPIC (gcc >= 5 and clang save the GOT
 * pointer around the asm). The sixth argument (ebp) is not offered on i386:
 * ebp is the frame pointer and cannot be an asm operand, and no hypercall
 * takes six arguments. A page call passes the stub address in eax (the stub
 * loads op itself), so it needs no register beyond the ABI's; on x86_64 it
 * steps over the 128-byte red zone around the call.
 */
#ifndef HYP_X86_XEN_HYPERCALL_H
#define HYP_X86_XEN_HYPERCALL_H

#include <hyp/gate.h>
#include <hyp/xen_abi.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef HYP_X86_VMCALL_INSN
#define HYP_X86_VMCALL_INSN     ".byte 0x0f, 0x01, 0xc1"    /* vmcall */
#endif
#ifndef HYP_X86_VMMCALL_INSN
#define HYP_X86_VMMCALL_INSN    ".byte 0x0f, 0x01, 0xd9"    /* vmmcall */
#endif

/* The page stub's address is in (r|e)ax; its result comes back there. */
#ifndef HYP_XEN_PAGE_CALL_INSN
#if defined(__x86_64__)
#define HYP_XEN_PAGE_CALL_INSN  "lea -128(%%rsp), %%rsp\n\tcall *%%rax\n\tlea 128(%%rsp), %%rsp"
#else
#define HYP_XEN_PAGE_CALL_INSN  "call *%%eax"
#endif
#endif

/* The hypercall page calls go through once the gate says HYP_GATE_XEN_PAGE. */
extern const void *hyp_xen_call_page;

#if defined(__x86_64__)
static inline long hyp_xen_vmcall0(unsigned int op)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "+a"(ret)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmcall1(unsigned int op, unsigned long a1)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "+a"(ret), "+D"(a1)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmcall2(unsigned int op, unsigned long a1, unsigned long a2)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmcall3(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2), "+d"(a3)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmcall4(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3, unsigned long a4)
{
	long ret = (long)op;
	register unsigned long r10 __asm__("r10") = a4;

	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmcall5(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3, unsigned long a4, unsigned long a5)
{
	long ret = (long)op;
	register unsigned long r10 __asm__("r10") = a4;
	register unsigned long r8 __asm__("r8") = a5;

	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10), "+r"(r8)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmcall6(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3, unsigned long a4, unsigned long a5, unsigned long a6)
{
	long ret = (long)op;
	register unsigned long r10 __asm__("r10") = a4;
	register unsigned long r8 __asm__("r8") = a5;
	register unsigned long r9 __asm__("r9") = a6;

	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10), "+r"(r8), "+r"(r9)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmmcall0(unsigned int op)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "+a"(ret)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmmcall1(unsigned int op, unsigned long a1)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "+a"(ret), "+D"(a1)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmmcall2(unsigned int op, unsigned long a1, unsigned long a2)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmmcall3(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2), "+d"(a3)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmmcall4(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3, unsigned long a4)
{
	long ret = (long)op;
	register unsigned long r10 __asm__("r10") = a4;

	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmmcall5(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3, unsigned long a4, unsigned long a5)
{
	long ret = (long)op;
	register unsigned long r10 __asm__("r10") = a4;
	register unsigned long r8 __asm__("r8") = a5;

	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10), "+r"(r8)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmmcall6(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3, unsigned long a4, unsigned long a5, unsigned long a6)
{
	long ret = (long)op;
	register unsigned long r10 __asm__("r10") = a4;
	register unsigned long r8 __asm__("r8") = a5;
	register unsigned long r9 __asm__("r9") = a6;

	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10), "+r"(r8), "+r"(r9)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_page_call0(const void *page, unsigned int op)
{
	unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE;

	__asm__ __volatile__(HYP_XEN_PAGE_CALL_INSN
			     : "+a"(ret)
			     :
			     : "memory", "cc");
	return (long)ret;
}

static inline long hyp_xen_page_call1(const void *page, unsigned int op,
				unsigned long a1)
{
	unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE;

	__asm__ __volatile__(HYP_XEN_PAGE_CALL_INSN
			     : "+a"(ret), "+D"(a1)
			     :
			     : "memory", "cc");
	return (long)ret;
}

static inline long hyp_xen_page_call2(const void *page, unsigned int op,
				unsigned long a1, unsigned long a2)
{
	unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE;

	__asm__ __volatile__(HYP_XEN_PAGE_CALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2)
			     :
			     : "memory", "cc");
	return (long)ret;
}

static inline long hyp_xen_page_call3(const void *page, unsigned int op,
				unsigned long a1, unsigned long a2, unsigned long a3)
{
	unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE;

	__asm__ __volatile__(HYP_XEN_PAGE_CALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2), "+d"(a3)
			     :
			     : "memory", "cc");
	return (long)ret;
}

static inline long hyp_xen_page_call4(const void *page, unsigned int op,
				unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4)
{
	unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE;
	register unsigned long r10 __asm__("r10") = a4;

	__asm__ __volatile__(HYP_XEN_PAGE_CALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10)
			     :
			     : "memory", "cc");
	return (long)ret;
}

static inline long hyp_xen_page_call5(const void *page, unsigned int op,
				unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4,
				unsigned long a5)
{
	unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE;
	register unsigned long r10 __asm__("r10") = a4;
	register unsigned long r8 __asm__("r8") = a5;

	__asm__ __volatile__(HYP_XEN_PAGE_CALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10), "+r"(r8)
			     :
			     : "memory", "cc");
	return (long)ret;
}

static inline long hyp_xen_page_call6(const void *page, unsigned int op,
				unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4,
				unsigned long a5, unsigned long a6)
{
	unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE;
	register unsigned long r10 __asm__("r10") = a4;
	register unsigned long r8 __asm__("r8") = a5;
	register unsigned long r9 __asm__("r9") = a6;

	__asm__ __volatile__(HYP_XEN_PAGE_CALL_INSN
			     : "+a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10), "+r"(r8), "+r"(r9)
			     :
			     : "memory", "cc");
	return (long)ret;
}
#else /* i386 */

static inline long hyp_xen_vmcall0(unsigned int op)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "+a"(ret)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmcall1(unsigned int op, unsigned long a1)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "+a"(ret), "+b"(a1)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmcall2(unsigned int op, unsigned long a1, unsigned long a2)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "+a"(ret), "+b"(a1), "+c"(a2)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmcall3(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmcall4(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3, unsigned long a4)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmcall5(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3, unsigned long a4, unsigned long a5)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMCALL_INSN
			     : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4), "+D"(a5)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmmcall0(unsigned int op)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "+a"(ret)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmmcall1(unsigned int op, unsigned long a1)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "+a"(ret), "+b"(a1)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmmcall2(unsigned int op, unsigned long a1, unsigned long a2)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "+a"(ret), "+b"(a1), "+c"(a2)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmmcall3(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmmcall4(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3, unsigned long a4)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_vmmcall5(unsigned int op, unsigned long a1, unsigned long a2,
				unsigned long a3, unsigned long a4, unsigned long a5)
{
	long ret = (long)op;

	__asm__ __volatile__(HYP_X86_VMMCALL_INSN
			     : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4), "+D"(a5)
			     :
			     : "memory", "cc");
	return ret;
}

static inline long hyp_xen_page_call0(const void *page, unsigned int op)
{
	unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE;

	__asm__ __volatile__(HYP_XEN_PAGE_CALL_INSN
			     : "+a"(ret)
			     :
			     : "memory", "cc");
	return (long)ret;
}

static inline long hyp_xen_page_call1(const void *page, unsigned int op,
				unsigned long a1)
{
	unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE;

	__asm__ __volatile__(HYP_XEN_PAGE_CALL_INSN
			     : "+a"(ret), "+b"(a1)
			     :
			     : "memory", "cc");
	return (long)ret;
}

static inline long hyp_xen_page_call2(const void *page, unsigned int op,
				unsigned long a1, unsigned long a2)
{
	unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE;

	__asm__ __volatile__(HYP_XEN_PAGE_CALL_INSN
			     : "+a"(ret), "+b"(a1), "+c"(a2)
			     :
			     : "memory", "cc");
	return (long)ret;
}

static inline long hyp_xen_page_call3(const void *page, unsigned int op,
				unsigned long a1, unsigned long a2, unsigned long a3)
{
	unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE;

	__asm__ __volatile__(HYP_XEN_PAGE_CALL_INSN
			     : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3)
			     :
			     : "memory", "cc");
	return (long)ret;
}

static inline long hyp_xen_page_call4(const void *page, unsigned int op,
				unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4)
{
	unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE;

	__asm__ __volatile__(HYP_XEN_PAGE_CALL_INSN
			     : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4)
			     :
			     : "memory", "cc");
	return (long)ret;
}

static inline long hyp_xen_page_call5(const void *page, unsigned int op,
				unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4,
				unsigned long a5)
{
	unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE;

	__asm__ __volatile__(HYP_XEN_PAGE_CALL_INSN
			     : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4), "+D"(a5)
			     :
			     : "memory", "cc");
	return (long)ret;
}
#endif

/* Which transfer an open gate selects. */
#define HYP_XEN_USE_PAGE(gate)      ((gate) == HYP_GATE_XEN_PAGE)
#define HYP_XEN_USE_VMMCALL(gate)   ((gate) == HYP_GATE_XEN_VMMCALL)

/* Numbers no stub may take: iret (jumped to, PV only) and beyond the page. */
static inline long hyp_xen_op_refused(unsigned int op)
{
	if (op == HYP_XEN_HYPERCALL_iret)
		return HYP_EINVAL;
	if (op >= HYP_XEN_HYPERCALL_PAGE_SLOTS)
		return HYP_ENOSYS;
	return 0;
}

/*
 * The gate is stored (release) after hyp_xen_call_page; x86 keeps loads in
 * order, so a CPU that reads HYP_GATE_XEN_PAGE also reads the page.
 */
static inline long hyp_xen_hypercall0(unsigned int op)
{
	unsigned int gate = hyp_gate_read(&hyp_xen_gate);
	long refused;

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	refused = hyp_xen_op_refused(op);
	if (refused)
		return refused;
	if (HYP_XEN_USE_PAGE(gate))
		return hyp_xen_page_call0(hyp_xen_call_page, op);
	if (HYP_XEN_USE_VMMCALL(gate))
		return hyp_xen_vmmcall0(op);
	return hyp_xen_vmcall0(op);
}

static inline long hyp_xen_hypercall1(unsigned int op, unsigned long a1)
{
	unsigned int gate = hyp_gate_read(&hyp_xen_gate);
	long refused;

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	refused = hyp_xen_op_refused(op);
	if (refused)
		return refused;
	if (HYP_XEN_USE_PAGE(gate))
		return hyp_xen_page_call1(hyp_xen_call_page, op, a1);
	if (HYP_XEN_USE_VMMCALL(gate))
		return hyp_xen_vmmcall1(op, a1);
	return hyp_xen_vmcall1(op, a1);
}

static inline long hyp_xen_hypercall2(unsigned int op, unsigned long a1,
				unsigned long a2)
{
	unsigned int gate = hyp_gate_read(&hyp_xen_gate);
	long refused;

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	refused = hyp_xen_op_refused(op);
	if (refused)
		return refused;
	if (HYP_XEN_USE_PAGE(gate))
		return hyp_xen_page_call2(hyp_xen_call_page, op, a1, a2);
	if (HYP_XEN_USE_VMMCALL(gate))
		return hyp_xen_vmmcall2(op, a1, a2);
	return hyp_xen_vmcall2(op, a1, a2);
}

static inline long hyp_xen_hypercall3(unsigned int op, unsigned long a1,
				unsigned long a2, unsigned long a3)
{
	unsigned int gate = hyp_gate_read(&hyp_xen_gate);
	long refused;

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	refused = hyp_xen_op_refused(op);
	if (refused)
		return refused;
	if (HYP_XEN_USE_PAGE(gate))
		return hyp_xen_page_call3(hyp_xen_call_page, op, a1, a2, a3);
	if (HYP_XEN_USE_VMMCALL(gate))
		return hyp_xen_vmmcall3(op, a1, a2, a3);
	return hyp_xen_vmcall3(op, a1, a2, a3);
}

static inline long hyp_xen_hypercall4(unsigned int op, unsigned long a1,
				unsigned long a2, unsigned long a3, unsigned long a4)
{
	unsigned int gate = hyp_gate_read(&hyp_xen_gate);
	long refused;

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	refused = hyp_xen_op_refused(op);
	if (refused)
		return refused;
	if (HYP_XEN_USE_PAGE(gate))
		return hyp_xen_page_call4(hyp_xen_call_page, op, a1, a2, a3, a4);
	if (HYP_XEN_USE_VMMCALL(gate))
		return hyp_xen_vmmcall4(op, a1, a2, a3, a4);
	return hyp_xen_vmcall4(op, a1, a2, a3, a4);
}

static inline long hyp_xen_hypercall5(unsigned int op, unsigned long a1,
				unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5)
{
	unsigned int gate = hyp_gate_read(&hyp_xen_gate);
	long refused;

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	refused = hyp_xen_op_refused(op);
	if (refused)
		return refused;
	if (HYP_XEN_USE_PAGE(gate))
		return hyp_xen_page_call5(hyp_xen_call_page, op, a1, a2, a3, a4, a5);
	if (HYP_XEN_USE_VMMCALL(gate))
		return hyp_xen_vmmcall5(op, a1, a2, a3, a4, a5);
	return hyp_xen_vmcall5(op, a1, a2, a3, a4, a5);
}

#if defined(__x86_64__)
static inline long hyp_xen_hypercall6(unsigned int op, unsigned long a1,
				unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5,
				unsigned long a6)
{
	unsigned int gate = hyp_gate_read(&hyp_xen_gate);
	long refused;

	if (gate < HYP_GATE_OPEN)
		return hyp_gate_error(gate);
	refused = hyp_xen_op_refused(op);
	if (refused)
		return refused;
	if (HYP_XEN_USE_PAGE(gate))
		return hyp_xen_page_call6(hyp_xen_call_page, op, a1, a2, a3, a4, a5, a6);
	if (HYP_XEN_USE_VMMCALL(gate))
		return hyp_xen_vmmcall6(op, a1, a2, a3, a4, a5, a6);
	return hyp_xen_vmcall6(op, a1, a2, a3, a4, a5, a6);
}
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYP_X86_XEN_HYPERCALL_H */
