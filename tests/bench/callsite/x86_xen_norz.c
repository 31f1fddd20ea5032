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

#define A0 (unsigned int nr)
#define A1 (unsigned int nr, unsigned long p1)
#define A2 (unsigned int nr, unsigned long p1, unsigned long p2)
#define A3 (unsigned int nr, unsigned long p1, unsigned long p2, unsigned long p3)
#define A4 (unsigned int nr, unsigned long p1, unsigned long p2, unsigned long p3, \
	    unsigned long p4)
#define A5 (unsigned int nr, unsigned long p1, unsigned long p2, unsigned long p3, \
	    unsigned long p4, unsigned long p5)
#define A6 (unsigned int nr, unsigned long p1, unsigned long p2, unsigned long p3, \
	    unsigned long p4, unsigned long p5, unsigned long p6)
#define P0 (const void *page, unsigned int nr)
#define P1 (const void *page, unsigned int nr, unsigned long p1)
#define P2 (const void *page, unsigned int nr, unsigned long p1, unsigned long p2)
#define P3 (const void *page, unsigned int nr, unsigned long p1, unsigned long p2, \
	    unsigned long p3)
#define P4 (const void *page, unsigned int nr, unsigned long p1, unsigned long p2, \
	    unsigned long p3, unsigned long p4)
#define P5 (const void *page, unsigned int nr, unsigned long p1, unsigned long p2, \
	    unsigned long p3, unsigned long p4, unsigned long p5)
#define P6 (const void *page, unsigned int nr, unsigned long p1, unsigned long p2, \
	    unsigned long p3, unsigned long p4, unsigned long p5, unsigned long p6)
#define V0 (nr)
#define V1 (nr, p1)
#define V2 (nr, p1, p2)
#define V3 (nr, p1, p2, p3)
#define V4 (nr, p1, p2, p3, p4)
#define V5 (nr, p1, p2, p3, p4, p5)
#define V6 (nr, p1, p2, p3, p4, p5, p6)
#define W0 (page, nr)
#define W1 (page, nr, p1)
#define W2 (page, nr, p1, p2)
#define W3 (page, nr, p1, p2, p3)
#define W4 (page, nr, p1, p2, p3, p4)
#define W5 (page, nr, p1, p2, p3, p4, p5)
#define W6 (page, nr, p1, p2, p3, p4, p5, p6)
#define REGS0
#define REGS1
#define REGS2
#define REGS3
#define REGS4 register unsigned long r10 __asm__("r10") = p4
#define REGS5 REGS4; register unsigned long r8 __asm__("r8") = p5
#define REGS6 REGS5; register unsigned long r9 __asm__("r9") = p6
#define IO0 "+a"(r)
#define IO1 IO0, "+D"(p1)
#define IO2 IO1, "+S"(p2)
#define IO3 IO2, "+d"(p3)
#define IO4 IO3, "+r"(r10)
#define IO5 IO4, "+r"(r8)
#define IO6 IO5, "+r"(r9)
#define EACH(M) M(0) M(1) M(2) M(3) M(4) M(5) M(6)

#define DIRECT(insn, n) __asm__ __volatile__(insn : IO##n : : "memory", "cc")
#define VIA_PAGE(pg, n) do { \
	r = (long)((unsigned long)(pg) + nr * 32u); \
	__asm__ __volatile__("call *%%rax" : IO##n : : "memory", "cc"); \
} while (0)

#define LIB(n) \
	long lib__hyp_xen_page_call_norz##n P##n { return hyp_xen_page_call##n W##n; } \
	long lib__hyp_xen_hypercall_norz##n A##n { return hyp_xen_hypercall##n V##n; }
EACH(LIB)

#define REF(n) \
	long ref__hyp_xen_page_call_norz##n P##n \
	{ long r; REGS##n; VIA_PAGE(page, n); return r; } \
	long ref__hyp_xen_hypercall_norz##n A##n \
	{ long r = nr; REGS##n; DIRECT("vmcall", n); return r; }
EACH(REF)

/* Gate by hand, as in x86_xen.c. */
#define GREF(n) \
	long gref__hyp_xen_hypercall_norz##n A##n \
	{ \
		unsigned char g = __atomic_load_n(&hyp_xen_gate, __ATOMIC_RELAXED); \
		long r = nr; \
		if (g < 2) \
			return g ? HYP_ENOHYP : HYP_ENOTINIT; \
		if (nr == HYP_XEN_HYPERCALL_iret) \
			return HYP_EINVAL; \
		if (nr >= 128) \
			return HYP_ENOSYS; \
		REGS##n; \
		if (g == 2) \
			VIA_PAGE(hyp_xen_call_page, n); \
		else if (g == 4) \
			DIRECT("vmmcall", n); \
		else \
			DIRECT("vmcall", n); \
		return r; \
	}
EACH(GREF)
#endif
