/* SPDX-License-Identifier: MIT */
/*
 * Call-site benchmark, x86_64 Xen page calls in a kernel that tells libhyp it
 * has no red zone (HYP_X86_NO_RED_ZONE with -mno-red-zone, which the x86_64
 * toolchain files pass): hyp_xen_page_call_norzN and hyp_xen_hypercall_norzN
 * are hyp_xen_page_callN / hyp_xen_hypercallN built that way, against the
 * same references as in x86_xen.c (`call *%rax`, nothing stepped over).
 */
#if defined(__x86_64__) && __has_include(<hyp/x86/xen_hypercall.h>)
#define HYP_X86_NO_RED_ZONE 1
#include <hyp/hyp.h>

#include "x86_xen_refs.h"

#define LIB(n) \
	long lib__hyp_xen_page_call_norz##n P##n { return hyp_xen_page_call##n W##n; } \
	long lib__hyp_xen_hypercall_norz##n A##n { return hyp_xen_hypercall##n V##n; }
EACH(LIB)

#define REF(n) \
	REF_PAGE(hyp_xen_page_call_norz##n, n) \
	REF_DIRECT(hyp_xen_hypercall_norz##n, "vmcall", n)
EACH(REF)

#define GREF(n) GREF_AS(hyp_xen_hypercall_norz##n, n)
EACH(GREF)
#endif
