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

#if defined(__x86_64__)
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
#define PAGE_CALL "call *%%rax"
#define EACH(M) M(0) M(1) M(2) M(3) M(4) M(5) M(6)
#else
#define REGS0
#define REGS1
#define REGS2
#define REGS3
#define REGS4
#define REGS5
#define IO0 "+a"(r)
#define IO1 IO0, "+b"(p1)
#define IO2 IO1, "+c"(p2)
#define IO3 IO2, "+d"(p3)
#define IO4 IO3, "+S"(p4)
#define IO5 IO4, "+D"(p5)
#define PAGE_CALL "call *%%eax"
#define EACH(M) M(0) M(1) M(2) M(3) M(4) M(5)
#endif

#define DIRECT(insn, n) __asm__ __volatile__(insn : IO##n : : "memory", "cc")
#define VIA_PAGE(pg, n) do { \
	r = (long)((unsigned long)(pg) + nr * 32u); \
	__asm__ __volatile__(PAGE_CALL : IO##n : : "memory", "cc"); \
} while (0)

#define LIB(n) \
	long lib__hyp_xen_vmcall##n A##n { return hyp_xen_vmcall##n V##n; } \
	long lib__hyp_xen_vmmcall##n A##n { return hyp_xen_vmmcall##n V##n; } \
	long lib__hyp_xen_page_call##n P##n { return hyp_xen_page_call##n W##n; } \
	long lib__hyp_xen_hypercall##n A##n { return hyp_xen_hypercall##n V##n; }
EACH(LIB)

#define REF(n) \
	long ref__hyp_xen_vmcall##n A##n \
	{ long r = nr; REGS##n; DIRECT("vmcall", n); return r; } \
	long ref__hyp_xen_vmmcall##n A##n \
	{ long r = nr; REGS##n; DIRECT("vmmcall", n); return r; } \
	long ref__hyp_xen_page_call##n P##n \
	{ long r; REGS##n; VIA_PAGE(page, n); return r; } \
	long ref__hyp_xen_hypercall##n A##n \
	{ long r = nr; REGS##n; DIRECT("vmcall", n); return r; }
EACH(REF)

/* Gate by hand: 0/1 closed, refused ops (iret, beyond the page), 2 page, 4 vmmcall, else vmcall. */
#define CHECKS \
	unsigned char g = __atomic_load_n(&hyp_xen_gate, __ATOMIC_RELAXED); \
	long r = nr; \
	if (g < 2) \
		return g ? HYP_ENOHYP : HYP_ENOTINIT; \
	if (nr == HYP_XEN_HYPERCALL_iret) \
		return HYP_EINVAL; \
	if (nr >= 128) \
		return HYP_ENOSYS
#define GATED(n) do { \
	if (g == 2) \
		VIA_PAGE(hyp_xen_call_page, n); \
	else if (g == 4) \
		DIRECT("vmmcall", n); \
	else \
		DIRECT("vmcall", n); \
} while (0)
#define GREF(n) \
	long gref__hyp_xen_hypercall##n A##n \
	{ \
		CHECKS; \
		REGS##n; \
		GATED(n); \
		return r; \
	}
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
