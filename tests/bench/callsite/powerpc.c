/* SPDX-License-Identifier: MIT */
/*
 * Call-site benchmark, PowerPC (ppc, ppc64, ppc64le): ePAPR through the
 * patched hypercall area and PAPR `sc 1`. See tests/bench/README.md: lib__X
 * calls libhyp (out = NULL: the outputs unused), ref__X is the minimal asm
 * with the same registers, instruction and clobbers (ePAPR: token r11,
 * arguments r3-r10, `bl hyp_epapr_hypercall_area`; PAPR: opcode r3, arguments
 * r4-r12, `sc 1`), gref__X adds the gate by hand. pathref__ puts the trap
 * inline (`sc 1`, what the area holds on e500 KVM) for part 2.
 */
#if (defined(__powerpc__) || defined(__powerpc64__)) && \
	__has_include(<hyp/powerpc/epapr_hypercall.h>)
#include <hyp/hyp.h>

#define SC1 ".long 0x44000022"

/* ---- ePAPR ---- */
#define EA0 (uint32_t tok)
#define EA1 (uint32_t tok, unsigned long p1)
#define EA2 (uint32_t tok, unsigned long p1, unsigned long p2)
#define EA3 (uint32_t tok, unsigned long p1, unsigned long p2, unsigned long p3)
#define EA4 (uint32_t tok, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4)
#define EA5 (uint32_t tok, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, \
	     unsigned long p5)
#define EA6 (uint32_t tok, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, \
	     unsigned long p5, unsigned long p6)
#define EA7 (uint32_t tok, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, \
	     unsigned long p5, unsigned long p6, unsigned long p7)
#define EA8 (uint32_t tok, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, \
	     unsigned long p5, unsigned long p6, unsigned long p7, unsigned long p8)
#define EV0 (tok, NULL)
#define EV1 (tok, p1, NULL)
#define EV2 (tok, p1, p2, NULL)
#define EV3 (tok, p1, p2, p3, NULL)
#define EV4 (tok, p1, p2, p3, p4, NULL)
#define EV5 (tok, p1, p2, p3, p4, p5, NULL)
#define EV6 (tok, p1, p2, p3, p4, p5, p6, NULL)
#define EV7 (tok, p1, p2, p3, p4, p5, p6, p7, NULL)
#define EV8 (tok, p1, p2, p3, p4, p5, p6, p7, p8, NULL)
#define EACH9(M) M(0) M(1) M(2) M(3) M(4) M(5) M(6) M(7) M(8)

#define ELIB(n) \
	long lib__hyp_epapr_area_call##n EA##n { return hyp_epapr_area_call##n EV##n; } \
	long lib__hyp_epapr_hypercall##n EA##n { return hyp_epapr_hypercall##n EV##n; }
EACH9(ELIB)

/* r11 token; r3..r10: the first n are arguments (in/out), the rest outputs. */
#define EREGS \
	register unsigned long r11 __asm__("r11") = tok; \
	register unsigned long r3 __asm__("r3"), r4 __asm__("r4"), r5 __asm__("r5"), \
		r6 __asm__("r6"), r7 __asm__("r7"), r8 __asm__("r8"), r9 __asm__("r9"), \
		r10 __asm__("r10")
#define ESET0
#define ESET1 r3 = p1
#define ESET2 ESET1; r4 = p2
#define ESET3 ESET2; r5 = p3
#define ESET4 ESET3; r6 = p4
#define ESET5 ESET4; r7 = p5
#define ESET6 ESET5; r8 = p6
#define ESET7 ESET6; r9 = p7
#define ESET8 ESET7; r10 = p8
#define EIO(n, a, b, c, d, e, f, g, h) "+r"(r11), a(r3), b(r4), c(r5), d(r6), e(r7), f(r8), g(r9), h(r10)
#define EIO0 EIO(0, "=r", "=r", "=r", "=r", "=r", "=r", "=r", "=r")
#define EIO1 EIO(1, "+r", "=r", "=r", "=r", "=r", "=r", "=r", "=r")
#define EIO2 EIO(2, "+r", "+r", "=r", "=r", "=r", "=r", "=r", "=r")
#define EIO3 EIO(3, "+r", "+r", "+r", "=r", "=r", "=r", "=r", "=r")
#define EIO4 EIO(4, "+r", "+r", "+r", "+r", "=r", "=r", "=r", "=r")
#define EIO5 EIO(5, "+r", "+r", "+r", "+r", "+r", "=r", "=r", "=r")
#define EIO6 EIO(6, "+r", "+r", "+r", "+r", "+r", "+r", "=r", "=r")
#define EIO7 EIO(7, "+r", "+r", "+r", "+r", "+r", "+r", "+r", "=r")
#define EIO8 EIO(8, "+r", "+r", "+r", "+r", "+r", "+r", "+r", "+r")
#define ECLOBBERS "r0", "r12", "ctr", "xer", "lr", "cr0", "cr1", "cr5", "cr6", "cr7", "memory"
#define EASM(n) __asm__ __volatile__("bl hyp_epapr_hypercall_area" : EIO##n : : ECLOBBERS)

#define EREF(n) \
	long ref__hyp_epapr_area_call##n EA##n { EREGS; ESET##n; EASM(n); return (long)r3; } \
	long ref__hyp_epapr_hypercall##n EA##n { EREGS; ESET##n; EASM(n); return (long)r3; } \
	long gref__hyp_epapr_hypercall##n EA##n \
	{ \
		unsigned char g = __atomic_load_n(&hyp_epapr_gate, __ATOMIC_RELAXED); \
		if (g < 2) \
			return g ? HYP_ENOHYP : HYP_ENOTINIT; \
		EREGS; \
		ESET##n; \
		EASM(n); \
		return (long)r3; \
	}
EACH9(EREF)

/* ---- typed wrappers (lib/powerpc/epapr.c) that pass their arguments through ---- */
#define EGATE do { \
	unsigned char g = __atomic_load_n(&hyp_epapr_gate, __ATOMIC_RELAXED); \
	if (g < 2) \
		return g ? HYP_ENOHYP : HYP_ENOTINIT; \
} while (0)
#define ENOGATE ((void)0)
#define EWRAP(pfx, GATE, name, nr, n, params, ...) \
int pfx##hyp_epapr_##name params \
{ \
	uint32_t tok = HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, nr); \
	unsigned long __VA_ARGS__; \
	GATE; \
	EREGS; \
	ESET##n; \
	EASM(n); \
	return hyp_epapr_error((long)r3); \
}
#define EWRAPS(name, nr, n, params, ...) \
	EWRAP(ref__, ENOGATE, name, nr, n, params, __VA_ARGS__) \
	EWRAP(gref__, EGATE, name, nr, n, params, __VA_ARGS__)
EWRAPS(int_eoi, HYP_EPAPR_INT_EOI, 1, (uint32_t irq), p1 = irq)
EWRAPS(int_send_ipi, HYP_EPAPR_INT_SEND_IPI, 1, (uint32_t ipi), p1 = ipi)
EWRAPS(int_set_task_priority, HYP_EPAPR_INT_SET_TASK_PRIORITY, 1, (uint32_t prio), p1 = prio)
EWRAPS(doorbell_send, HYP_EPAPR_DOORBELL_SEND, 1, (uint32_t handle), p1 = handle)
EWRAPS(int_set_mask, HYP_EPAPR_INT_SET_MASK, 2, (uint32_t irq, uint32_t mask), p1 = irq, p2 = mask)
EWRAPS(int_set_config, HYP_EPAPR_INT_SET_CONFIG, 4,
       (uint32_t irq, uint32_t config, uint32_t priority, uint32_t destination),
       p1 = irq, p2 = config, p3 = priority, p4 = destination)

/* ---- path length: INT_EOI through the area vs the trap inline ---- */
long path__hyp_epapr_int_eoi(unsigned long p1)
{
	return hyp_epapr_hypercall1(HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, HYP_EPAPR_INT_EOI),
				    p1, NULL);
}

long pathref__hyp_epapr_int_eoi(unsigned long p1)
{
	uint32_t tok = HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, HYP_EPAPR_INT_EOI);
	EREGS;
	ESET1;
	__asm__ __volatile__(SC1 : EIO1 : : "r0", "r12", "ctr", "xer", "cr0", "cr1", "cr5",
			     "cr6", "cr7", "memory");
	return (long)r3;
}

/* ---- PAPR (sc 1) ---- */
#if __has_include(<hyp/powerpc/papr_hypercall.h>)
#define PA0 (unsigned long op)
#define PA1 (unsigned long op, unsigned long p1)
#define PA2 (unsigned long op, unsigned long p1, unsigned long p2)
#define PA3 (unsigned long op, unsigned long p1, unsigned long p2, unsigned long p3)
#define PA4 (unsigned long op, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4)
#define PA5 (unsigned long op, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, \
	     unsigned long p5)
#define PA6 (unsigned long op, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, \
	     unsigned long p5, unsigned long p6)
#define PA7 (unsigned long op, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, \
	     unsigned long p5, unsigned long p6, unsigned long p7)
#define PA8 (unsigned long op, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, \
	     unsigned long p5, unsigned long p6, unsigned long p7, unsigned long p8)
#define PA9 (unsigned long op, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4, \
	     unsigned long p5, unsigned long p6, unsigned long p7, unsigned long p8, unsigned long p9)
#define PV0 (op, NULL)
#define PV1 (op, p1, NULL)
#define PV2 (op, p1, p2, NULL)
#define PV3 (op, p1, p2, p3, NULL)
#define PV4 (op, p1, p2, p3, p4, NULL)
#define PV5 (op, p1, p2, p3, p4, p5, NULL)
#define PV6 (op, p1, p2, p3, p4, p5, p6, NULL)
#define PV7 (op, p1, p2, p3, p4, p5, p6, p7, NULL)
#define PV8 (op, p1, p2, p3, p4, p5, p6, p7, p8, NULL)
#define PV9 (op, p1, p2, p3, p4, p5, p6, p7, p8, p9, NULL)
#define EACH10(M) EACH9(M) M(9)

#define PLIB(n) \
	long lib__hyp_papr_hvsc##n PA##n { return hyp_papr_hvsc##n PV##n; } \
	long lib__hyp_papr_hypercall##n PA##n { return hyp_papr_hypercall##n PV##n; }
EACH10(PLIB)

#define PREGS \
	register unsigned long r3 __asm__("r3") = op; \
	register unsigned long r4 __asm__("r4"), r5 __asm__("r5"), r6 __asm__("r6"), \
		r7 __asm__("r7"), r8 __asm__("r8"), r9 __asm__("r9"), r10 __asm__("r10"), \
		r11 __asm__("r11"), r12 __asm__("r12")
#define PSET0
#define PSET1 r4 = p1
#define PSET2 PSET1; r5 = p2
#define PSET3 PSET2; r6 = p3
#define PSET4 PSET3; r7 = p4
#define PSET5 PSET4; r8 = p5
#define PSET6 PSET5; r9 = p6
#define PSET7 PSET6; r10 = p7
#define PSET8 PSET7; r11 = p8
#define PSET9 PSET8; r12 = p9
#define PIO(a, b, c, d, e, f, g, h, i) "+r"(r3), a(r4), b(r5), c(r6), d(r7), e(r8), f(r9), \
	g(r10), h(r11), i(r12)
#define PIO0 PIO("=r", "=r", "=r", "=r", "=r", "=r", "=r", "=r", "=r")
#define PIO1 PIO("+r", "=r", "=r", "=r", "=r", "=r", "=r", "=r", "=r")
#define PIO2 PIO("+r", "+r", "=r", "=r", "=r", "=r", "=r", "=r", "=r")
#define PIO3 PIO("+r", "+r", "+r", "=r", "=r", "=r", "=r", "=r", "=r")
#define PIO4 PIO("+r", "+r", "+r", "+r", "=r", "=r", "=r", "=r", "=r")
#define PIO5 PIO("+r", "+r", "+r", "+r", "+r", "=r", "=r", "=r", "=r")
#define PIO6 PIO("+r", "+r", "+r", "+r", "+r", "+r", "=r", "=r", "=r")
#define PIO7 PIO("+r", "+r", "+r", "+r", "+r", "+r", "+r", "=r", "=r")
#define PIO8 PIO("+r", "+r", "+r", "+r", "+r", "+r", "+r", "+r", "=r")
#define PIO9 PIO("+r", "+r", "+r", "+r", "+r", "+r", "+r", "+r", "+r")
#define PCLOBBERS "r0", "ctr", "xer", "cr0", "cr1", "cr2", "cr3", "cr4", "cr5", "cr6", "cr7", \
	"memory"
#define PASM(n) __asm__ __volatile__(SC1 : PIO##n : : PCLOBBERS)

#define PREF(n) \
	long ref__hyp_papr_hvsc##n PA##n { PREGS; PSET##n; PASM(n); return (long)r3; } \
	long ref__hyp_papr_hypercall##n PA##n { PREGS; PSET##n; PASM(n); return (long)r3; } \
	long gref__hyp_papr_hypercall##n PA##n \
	{ \
		unsigned char g = __atomic_load_n(&hyp_papr_gate, __ATOMIC_RELAXED); \
		if (g < 2) \
			return g ? HYP_ENOHYP : HYP_ENOTINIT; \
		PREGS; \
		PSET##n; \
		PASM(n); \
		return (long)r3; \
	}
EACH10(PREF)

/* lib/powerpc/papr.c (64-bit): the gate is checked first in every PAPR wrapper. */
#if defined(__powerpc64__)
int ref__hyp_papr_cede(void)
{
	unsigned long op = HYP_PAPR_H_CEDE;
	PREGS;
	PASM(0);
	return hyp_papr_error((long)r3);
}

int gref__hyp_papr_cede(void)
{
	unsigned long op = HYP_PAPR_H_CEDE;
	unsigned char g = __atomic_load_n(&hyp_papr_gate, __ATOMIC_RELAXED);
	if (g < 2)
		return g ? HYP_ENOHYP : HYP_ENOTINIT;
	PREGS;
	PASM(0);
	return hyp_papr_error((long)r3);
}
#endif
#endif
#endif
