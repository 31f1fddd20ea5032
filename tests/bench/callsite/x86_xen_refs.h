/* SPDX-License-Identifier: MIT */
/*
 * The hand-written x86 Xen references of x86_xen.c and x86_xen_norz.c: the
 * parameter lists, the argument registers (op in eax/rax, arguments rdi rsi
 * rdx r10 r8 r9 / ebx ecx edx esi edi, all in/out: Xen may change them), the
 * direct and page transfers and the gate written by hand.
 */
#ifndef BENCH_X86_XEN_REFS_H
#define BENCH_X86_XEN_REFS_H

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

/* The references themselves: direct, through the page, and the gate by hand. */
#define REF_DIRECT(name, insn, n) \
	long ref__##name A##n { long r = nr; REGS##n; DIRECT(insn, n); return r; }
#define REF_PAGE(name, n) \
	long ref__##name P##n { long r; REGS##n; VIA_PAGE(page, n); return r; }
#define GREF_AS(name, n) \
	long gref__##name A##n { CHECKS; REGS##n; GATED(n); return r; }
#endif /* BENCH_X86_XEN_REFS_H */
