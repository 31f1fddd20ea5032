/* SPDX-License-Identifier: MIT */
/*
 * x86 Xen hypercall stubs (Xen's docs/guest-guide/x86/hypercall-abi.rst):
 *   64-bit: op in rax; arguments rdi rsi rdx r10 r8 r9; result in rax.
 *   32-bit: op in eax; arguments ebx ecx edx esi edi (ebp, the sixth, is
 *           the frame pointer: not offered; no hypercall takes six).
 * Xen may change every argument register of a call (a debug Xen poisons
 * them): each is an in/out operand, so a call must pass at least as many
 * arguments as its hypercall takes. No other register changes (the 64-bit
 * PV page stubs save rcx and r11 around syscall).
 * Transfer: HVM/PVH may execute vmcall (Intel) or vmmcall (AMD) directly, as
 * modern Linux does; PV always calls the hypercall page, where Xen wrote a
 * 32-byte stub per hypercall number (`call page + op * 32`).
 *   hyp_xen_vmcallN / hyp_xen_vmmcallN (op, ...)  unconditional, direct
 *   hyp_xen_page_callN (page, op, ...)            unconditional, through `page`
 *   hyp_xen_hypercallN (op, ...)                  through hyp_xen_gate: the mode
 *       hyp_init() and hyp_xen_set_hypercall_page() chose (<hyp/gate.h>).
 */
#ifndef HYP_X86_XEN_HYPERCALL_H
#define HYP_X86_XEN_HYPERCALL_H

#include <hyp/config.h>
#include <hyp/gate.h>
#include <hyp/stub.h>
#include <hyp/xen_abi.h>
#include <hyp/x86/insn.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Page call: the stub's address in (r|e)ax (the stub loads op itself), its result there. */
#ifndef HYP_XEN_PAGE_CALL_INSN
#if defined(__x86_64__)
#define HYP_XEN_PAGE_CALL_INSN  HYP_X86_ASM_CALL("%%rax")
#else
#define HYP_XEN_PAGE_CALL_INSN  HYP_X86_ASM_CALL("%%eax")
#endif
#endif

/* The hypercall page calls go through once the gate says HYP_GATE_XEN_PAGE. */
extern const void *hyp_xen_call_page;

/* The register each argument travels in (x86_64: r10, r8, r9 need variables). */
#define HYP_XEN_REGS0
#define HYP_XEN_REGS1
#define HYP_XEN_REGS2
#define HYP_XEN_REGS3
#if defined(__x86_64__)
#define HYP_XEN_REGS4           register unsigned long r10 __asm__("r10") = p4;
#define HYP_XEN_REGS5           HYP_XEN_REGS4 register unsigned long r8 __asm__("r8") = p5;
#define HYP_XEN_REGS6           HYP_XEN_REGS5 register unsigned long r9 __asm__("r9") = p6;
#define HYP_XEN_IO0             "+a"(ret)
#define HYP_XEN_IO1             HYP_XEN_IO0, "+D"(p1)
#define HYP_XEN_IO2             HYP_XEN_IO1, "+S"(p2)
#define HYP_XEN_IO3             HYP_XEN_IO2, "+d"(p3)
#define HYP_XEN_IO4             HYP_XEN_IO3, "+r"(r10)
#define HYP_XEN_IO5             HYP_XEN_IO4, "+r"(r8)
#define HYP_XEN_IO6             HYP_XEN_IO5, "+r"(r9)
#else
#define HYP_XEN_REGS4
#define HYP_XEN_REGS5
#define HYP_XEN_IO0             "+a"(ret)
#define HYP_XEN_IO1             HYP_XEN_IO0, "+b"(p1)
#define HYP_XEN_IO2             HYP_XEN_IO1, "+c"(p2)
#define HYP_XEN_IO3             HYP_XEN_IO2, "+d"(p3)
#define HYP_XEN_IO4             HYP_XEN_IO3, "+S"(p4)
#define HYP_XEN_IO5             HYP_XEN_IO4, "+D"(p5)
#endif
/* Result in (r|e)ax; every argument register may change; flags and memory too. */
#define HYP_XEN_CLOBBERS        "memory", "cc"

/* The transfer itself: one asm statement, operands and clobbers as above. */
#define HYP_XEN_ASM(insn, n)                                                    \
	__asm__ __volatile__(insn /* NOLINT(bugprone-macro-parentheses): asm text */ \
			     : HYP_XEN_IO##n : : HYP_XEN_CLOBBERS)

/* Direct: op in (r|e)ax, the instruction itself. */
#define HYP_XEN_DIRECT_STUB(name, insn, n)                                      \
	static inline long name(unsigned int op HYP_STUB_PARAMS##n)             \
	{                                                                       \
		long ret = (long)op;                                            \
		HYP_XEN_REGS##n                                                 \
		HYP_XEN_ASM(insn, n);                                           \
		return ret;                                                     \
	}

/* Page: the stub's address in (r|e)ax, `call` into it. */
#define HYP_XEN_PAGE_STUB(name, n)                                              \
	static inline long name(const void *page, unsigned int op HYP_STUB_PARAMS##n) \
	{                                                                       \
		unsigned long ret = (unsigned long)page + op * HYP_XEN_HYPERCALL_STUB_SIZE; \
		HYP_XEN_REGS##n                                                 \
		HYP_XEN_ASM(HYP_XEN_PAGE_CALL_INSN, n);                         \
		return (long)ret;                                               \
	}

/*
 * Refused without a call: HYPERCALL_iret takes its arguments on the stack and
 * is jumped to (PV only; an HVM page holds ud2 there); past the page's 128
 * slots no hypercall exists.
 */
#define HYP_XEN_CHECK_OP(op)                                                    \
	if ((op) == HYP_XEN_HYPERCALL_iret)                                     \
		return HYP_EINVAL;                                              \
	if ((op) >= HYP_XEN_HYPERCALL_PAGE_SLOTS)                               \
		return HYP_ENOSYS

/*
 * Gated: the mode the gate names. The gate is stored (release) after
 * hyp_xen_call_page; x86 keeps loads in order, so a CPU that reads
 * HYP_GATE_XEN_PAGE also reads the page.
 */
#define HYP_XEN_GATED(name, n)                                                  \
	static inline long name(unsigned int op HYP_STUB_PARAMS##n)             \
	{                                                                       \
		HYP_GATE_CHECK(hyp_xen_gate);                                   \
		HYP_XEN_CHECK_OP(op);                                           \
		if (gate == HYP_GATE_XEN_PAGE) {                                \
			/* op < 128: widened first, shared with the direct path */ \
			unsigned long ret = (unsigned long)op * HYP_XEN_HYPERCALL_STUB_SIZE + \
					    (unsigned long)hyp_xen_call_page;   \
			HYP_XEN_REGS##n                                         \
			HYP_XEN_ASM(HYP_XEN_PAGE_CALL_INSN, n);                 \
			return (long)ret;                                       \
		}                                                               \
		if (gate == HYP_GATE_XEN_VMMCALL)                               \
			return hyp_xen_vmmcall##n(op HYP_STUB_ARGS##n);         \
		return hyp_xen_vmcall##n(op HYP_STUB_ARGS##n);                  \
	}

/*
 * Six arguments (x86_64): registers set once before the mode choice, so gcc
 * loads the sixth from the stack once; with fewer, the form above is shorter.
 */
#define HYP_XEN_GATED6(name)                                                    \
	static inline long name(unsigned int op HYP_STUB_PARAMS6)               \
	{                                                                       \
		HYP_GATE_CHECK(hyp_xen_gate);                                   \
		long ret = (long)op;                                            \
		HYP_XEN_CHECK_OP(op);                                           \
		HYP_XEN_REGS6                                                   \
		if (gate == HYP_GATE_XEN_PAGE) {                                \
			ret = (long)((unsigned long)op * HYP_XEN_HYPERCALL_STUB_SIZE + \
				     (unsigned long)hyp_xen_call_page);         \
			HYP_XEN_ASM(HYP_XEN_PAGE_CALL_INSN, 6);                 \
		} else if (gate == HYP_GATE_XEN_VMMCALL) {                      \
			HYP_XEN_ASM(HYP_X86_VMMCALL_INSN, 6);                   \
		} else {                                                        \
			HYP_XEN_ASM(HYP_X86_VMCALL_INSN, 6);                    \
		}                                                               \
		return ret;                                                     \
	}

HYP_XEN_DIRECT_STUB(hyp_xen_vmcall0, HYP_X86_VMCALL_INSN, 0)
HYP_XEN_DIRECT_STUB(hyp_xen_vmcall1, HYP_X86_VMCALL_INSN, 1)
HYP_XEN_DIRECT_STUB(hyp_xen_vmcall2, HYP_X86_VMCALL_INSN, 2)
HYP_XEN_DIRECT_STUB(hyp_xen_vmcall3, HYP_X86_VMCALL_INSN, 3)
HYP_XEN_DIRECT_STUB(hyp_xen_vmcall4, HYP_X86_VMCALL_INSN, 4)
HYP_XEN_DIRECT_STUB(hyp_xen_vmcall5, HYP_X86_VMCALL_INSN, 5)
HYP_XEN_DIRECT_STUB(hyp_xen_vmmcall0, HYP_X86_VMMCALL_INSN, 0)
HYP_XEN_DIRECT_STUB(hyp_xen_vmmcall1, HYP_X86_VMMCALL_INSN, 1)
HYP_XEN_DIRECT_STUB(hyp_xen_vmmcall2, HYP_X86_VMMCALL_INSN, 2)
HYP_XEN_DIRECT_STUB(hyp_xen_vmmcall3, HYP_X86_VMMCALL_INSN, 3)
HYP_XEN_DIRECT_STUB(hyp_xen_vmmcall4, HYP_X86_VMMCALL_INSN, 4)
HYP_XEN_DIRECT_STUB(hyp_xen_vmmcall5, HYP_X86_VMMCALL_INSN, 5)
HYP_XEN_PAGE_STUB(hyp_xen_page_call0, 0)
HYP_XEN_PAGE_STUB(hyp_xen_page_call1, 1)
HYP_XEN_PAGE_STUB(hyp_xen_page_call2, 2)
HYP_XEN_PAGE_STUB(hyp_xen_page_call3, 3)
HYP_XEN_PAGE_STUB(hyp_xen_page_call4, 4)
HYP_XEN_PAGE_STUB(hyp_xen_page_call5, 5)
HYP_XEN_GATED(hyp_xen_hypercall0, 0)
HYP_XEN_GATED(hyp_xen_hypercall1, 1)
HYP_XEN_GATED(hyp_xen_hypercall2, 2)
HYP_XEN_GATED(hyp_xen_hypercall3, 3)
HYP_XEN_GATED(hyp_xen_hypercall4, 4)
HYP_XEN_GATED(hyp_xen_hypercall5, 5)
#if defined(__x86_64__)       /* i386: ebp, the sixth, is the frame pointer */
HYP_XEN_DIRECT_STUB(hyp_xen_vmcall6, HYP_X86_VMCALL_INSN, 6)
HYP_XEN_DIRECT_STUB(hyp_xen_vmmcall6, HYP_X86_VMMCALL_INSN, 6)
HYP_XEN_PAGE_STUB(hyp_xen_page_call6, 6)
HYP_XEN_GATED6(hyp_xen_hypercall6)
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYP_X86_XEN_HYPERCALL_H */
