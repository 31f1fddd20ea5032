/* SPDX-License-Identifier: MIT */
/*
 * Call-site benchmark, x86 Xen (x86_64 and i386). See tests/bench/README.md:
 * lib__X calls libhyp, ref__X is the minimal asm (op in eax/rax, arguments
 * rdi rsi rdx r10 r8 r9 / ebx ecx edx esi edi, all in/out: Xen may change
 * them), gref__X adds the gate by hand (closed, refused op, page / vmmcall /
 * vmcall). The minimal page call is `call *%rax`: this kernel code is built
 * with -mno-red-zone, so nothing steps over a red zone.
 */
#if (defined(__x86_64__) || defined(__i386__)) && __has_include(<hyp/x86/xen_hypercall.h>)
#include <hyp/hyp.h>

#include "x86_xen_refs.h"

#define LIB(n) \
	long lib__hyp_xen_vmcall##n A##n { return hyp_xen_vmcall##n V##n; } \
	long lib__hyp_xen_vmmcall##n A##n { return hyp_xen_vmmcall##n V##n; } \
	long lib__hyp_xen_page_call##n P##n { return hyp_xen_page_call##n W##n; } \
	long lib__hyp_xen_hypercall##n A##n { return hyp_xen_hypercall##n V##n; }
EACH(LIB)

#define REF(n) \
	REF_DIRECT(hyp_xen_vmcall##n, "vmcall", n) \
	REF_DIRECT(hyp_xen_vmmcall##n, "vmmcall", n) \
	REF_PAGE(hyp_xen_page_call##n, n) \
	REF_DIRECT(hyp_xen_hypercall##n, "vmcall", n)
EACH(REF)

#define GREF(n) GREF_AS(hyp_xen_hypercall##n, n)
EACH(GREF)

/* ---- typed wrappers (lib/x86/xen.c), two-argument calls ---- */
#define WRAP(pfx, name, op, cmd, body) \
int pfx##name(void) \
{ \
	unsigned int nr = op; \
	unsigned long p1 = cmd, p2 = 0; \
	body; \
	return hyp_xen_error(r); \
}
#define BARE2 long r = nr; DIRECT("vmcall", 2)
#define GATED2 CHECKS; GATED(2)
WRAP(ref__, hyp_xen_version, HYP_XEN_HYPERCALL_xen_version, HYP_XEN_XENVER_version, BARE2)
WRAP(gref__, hyp_xen_version, HYP_XEN_HYPERCALL_xen_version, HYP_XEN_XENVER_version, GATED2)
WRAP(ref__, hyp_xen_sched_yield, HYP_XEN_HYPERCALL_sched_op, HYP_XEN_SCHEDOP_yield, BARE2)
WRAP(gref__, hyp_xen_sched_yield, HYP_XEN_HYPERCALL_sched_op, HYP_XEN_SCHEDOP_yield, GATED2)
WRAP(ref__, hyp_xen_sched_block, HYP_XEN_HYPERCALL_sched_op, HYP_XEN_SCHEDOP_block, BARE2)
WRAP(gref__, hyp_xen_sched_block, HYP_XEN_HYPERCALL_sched_op, HYP_XEN_SCHEDOP_block, GATED2)

/* ---- path length (tests/bench/pathlen.py): XENVER_version at a call site ---- */
long path__hyp_xen_version(void)
{
	return hyp_xen_hypercall2(HYP_XEN_HYPERCALL_xen_version, HYP_XEN_XENVER_version, 0);
}

long pathref__hyp_xen_version(void)
{
	unsigned int nr = HYP_XEN_HYPERCALL_xen_version;
	unsigned long p1 = HYP_XEN_XENVER_version, p2 = 0;
	long r = nr;

	DIRECT("vmcall", 2);
	return r;
}
#endif
