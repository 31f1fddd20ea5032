/* SPDX-License-Identifier: MIT */
/*
 * x86 Hyper-V hypercall stubs: a call into the hypercall page (TLFS 3.8,
 * "Hypercall Calling Conventions"; register use as Linux 6.1's
 * arch/x86/include/asm/mshyperv.h issues it).
 *
 *            control      input (GPA, or fast: data)   output (GPA, or fast: data)   result
 *   x86_64   rcx          rdx                          r8                            rax
 *   i386     edx:eax      ebx:ecx                      edi:esi                       edx:eax
 *
 * Changed by the page (clobbers, stated once in HYP_HYPERV_*_CLOBBERS):
 * x86_64 rax rcx rdx r8 r9 r10 r11, flags, memory; i386 eax ecx edx, flags,
 * memory. Every other register survives. The page address travels in rax
 * (x86_64; the red-zone rule in <hyp/x86/insn.h>) or in a memory operand
 * (i386: all six usable registers carry the call).
 *
 *   hyp_hyperv_page_call(page, control, in, out)   unconditional, through `page`
 *   hyp_hyperv_hypercall(control, in_gpa, out_gpa) gated: the page
 *       hyp_hyperv_enable() verified, else HYP_ENOTINIT (Hyper-V found, not
 *       enabled, or hyp_init() not run) / HYP_ENOHYP, nothing executed
 *   hyp_hyperv_fast_hypercall(control, in1, in2)   gated, sets the fast bit
 * The raw result (status 15:0, reps completed 43:32) is >= 0; gate codes < 0.
 */
#ifndef HYP_X86_HYPERV_CALL_H
#define HYP_X86_HYPERV_CALL_H

#include <stdint.h>

#include <hyp/gate.h>
#include <hyp/hyperv_abi.h>
#include <hyp/x86/insn.h>

#ifdef __cplusplus
extern "C" {
#endif

extern unsigned char hyp_hyperv_gate;       /* lib/x86/hyperv_setup.c */
extern const void *hyp_hyperv_call_page;    /* valid when the gate is open */

#ifndef HYP_HYPERV_PAGE_CALL_INSN
#if defined(__x86_64__)
#define HYP_HYPERV_PAGE_CALL_INSN HYP_X86_ASM_CALL("%%rax")
#else
#define HYP_HYPERV_PAGE_CALL_INSN HYP_X86_ASM_CALL("%[page]")
#endif
#endif

#if defined(__x86_64__)
#define HYP_HYPERV_CLOBBERS "r9", "r10", "r11", "cc", "memory"
static inline uint64_t hyp_hyperv_page_call(const void *page, uint64_t control,
					    uint64_t in, uint64_t out)
{
	uint64_t ret;
	register uint64_t r8 __asm__("r8") = out;

	__asm__ __volatile__(HYP_HYPERV_PAGE_CALL_INSN
			     : "=a"(ret), "+c"(control), "+d"(in), "+r"(r8)
			     : "a"(page)
			     : HYP_HYPERV_CLOBBERS);
	return ret;
}
#else
#define HYP_HYPERV_CLOBBERS "cc", "memory"
static inline uint64_t hyp_hyperv_page_call(const void *page, uint64_t control,
					    uint64_t in, uint64_t out)
{
	uint64_t ret;
	uint32_t in_lo = (uint32_t)in;

	__asm__ __volatile__(HYP_HYPERV_PAGE_CALL_INSN
			     : "=A"(ret), "+c"(in_lo)
			     : "A"(control), "b"((uint32_t)(in >> 32)),
			       "D"((uint32_t)(out >> 32)), "S"((uint32_t)out), [page] "m"(page)
			     : HYP_HYPERV_CLOBBERS);
	return ret;
}
#endif

static inline int64_t hyp_hyperv_hypercall(uint64_t control, uint64_t in_gpa, uint64_t out_gpa)
{
	HYP_GATE_CHECK(hyp_hyperv_gate);
	return (int64_t)hyp_hyperv_page_call(hyp_hyperv_call_page, control, in_gpa, out_gpa);
}

static inline int64_t hyp_hyperv_fast_hypercall(uint64_t control, uint64_t in1, uint64_t in2)
{
	HYP_GATE_CHECK(hyp_hyperv_gate);
	return (int64_t)hyp_hyperv_page_call(hyp_hyperv_call_page, control | HYP_HYPERV_CALL_FAST,
					     in1, in2);
}

#ifdef __cplusplus
}
#endif

#endif /* HYP_X86_HYPERV_CALL_H */
