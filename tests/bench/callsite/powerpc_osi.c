/* SPDX-License-Identifier: MIT */
/*
 * Call-site benchmark, PowerPC OSI (Mac-on-Linux): lib__X calls libhyp's
 * stub (out = NULL), ref__X is the minimal asm with the same registers,
 * instruction and clobbers (r3/r4 the magic words, r5 the selector, r6-r11
 * the arguments, all in/out; `sc`), gref__X adds the gate by hand.
 */
#if (defined(__powerpc__) || defined(__powerpc64__)) && __has_include(<hyp/osi.h>)
#include <stddef.h>

#include <hyp/osi.h>

#define OA0 (unsigned long sel)
#define OA1 (unsigned long sel, unsigned long p1)
#define OA2 (unsigned long sel, unsigned long p1, unsigned long p2)
#define OA3 (unsigned long sel, unsigned long p1, unsigned long p2, unsigned long p3)
#define OA4 (unsigned long sel, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4)
#define OA5 (unsigned long sel, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, \
	     unsigned long p5)
#define OA6 (unsigned long sel, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, \
	     unsigned long p5, unsigned long p6)
#define OV0 (sel, NULL)
#define OV1 (sel, p1, NULL)
#define OV2 (sel, p1, p2, NULL)
#define OV3 (sel, p1, p2, p3, NULL)
#define OV4 (sel, p1, p2, p3, p4, NULL)
#define OV5 (sel, p1, p2, p3, p4, p5, NULL)
#define OV6 (sel, p1, p2, p3, p4, p5, p6, NULL)
#define EACH7(M) M(0) M(1) M(2) M(3) M(4) M(5) M(6)

#define OLIB(n) \
	long lib__hyp_osi_sc##n OA##n { return hyp_osi_sc##n OV##n; } \
	long lib__hyp_osi_call##n OA##n { return hyp_osi_call##n OV##n; }
EACH7(OLIB)

#define OREGS \
	register unsigned long r3 __asm__("r3") = 0x113724FAul, r4 __asm__("r4") = 0x77810F9Bul, \
		r5 __asm__("r5") = sel; \
	register unsigned long r6 __asm__("r6"), r7 __asm__("r7"), r8 __asm__("r8"), \
		r9 __asm__("r9"), r10 __asm__("r10"), r11 __asm__("r11")
#define OSET0
#define OSET1 r6 = p1
#define OSET2 OSET1; r7 = p2
#define OSET3 OSET2; r8 = p3
#define OSET4 OSET3; r9 = p4
#define OSET5 OSET4; r10 = p5
#define OSET6 OSET5; r11 = p6
#define OIO(a, b, c, d, e, f) "+r"(r3), "+r"(r4), "+r"(r5), a(r6), b(r7), c(r8), d(r9), e(r10), f(r11)
#define OIO0 OIO("=r", "=r", "=r", "=r", "=r", "=r")
#define OIO1 OIO("+r", "=r", "=r", "=r", "=r", "=r")
#define OIO2 OIO("+r", "+r", "=r", "=r", "=r", "=r")
#define OIO3 OIO("+r", "+r", "+r", "=r", "=r", "=r")
#define OIO4 OIO("+r", "+r", "+r", "+r", "=r", "=r")
#define OIO5 OIO("+r", "+r", "+r", "+r", "+r", "=r")
#define OIO6 OIO("+r", "+r", "+r", "+r", "+r", "+r")
#define OASM(n) __asm__ __volatile__("sc" : OIO##n : : "r0", "r12", "ctr", "xer", "cr0", "memory")

#define OREF(n) \
	long ref__hyp_osi_sc##n OA##n { OREGS; OSET##n; OASM(n); return (long)r3; } \
	long ref__hyp_osi_call##n OA##n { OREGS; OSET##n; OASM(n); return (long)r3; } \
	long gref__hyp_osi_call##n OA##n \
	{ \
		unsigned char g = __atomic_load_n(&hyp_osi_gate, __ATOMIC_RELAXED); \
		if (g < 2) \
			return g ? HYP_ENOHYP : HYP_ENOTINIT; \
		{ \
			OREGS; \
			OSET##n; \
			OASM(n); \
			return (long)r3; \
		} \
	}
EACH7(OREF)
#endif
