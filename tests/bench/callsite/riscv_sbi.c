/* SPDX-License-Identifier: MIT */
/*
 * Call-site benchmark, RISC-V SBI (ecall). See tests/bench/README.md:
 * lib__X calls libhyp, ref__X is the minimal asm (EID a7, FID a6, arguments
 * a0-a5, error a0 and value a1 out, memory clobbered), gref__X adds the gate
 * written by hand; ref__/gref__ of two typed wrappers (lib/riscv/sbi_calls.c)
 * repeat their checks (gate, extension probed present) and the same mapping.
 */
#if defined(__riscv) && __has_include(<hyp/riscv/sbi_call.h>)
#include <hyp/hyp.h>

typedef struct hyp_sbiret R;
#define A0 (unsigned long eid, unsigned long fid)
#define A1 (unsigned long eid, unsigned long fid, unsigned long p0)
#define A2 (unsigned long eid, unsigned long fid, unsigned long p0, unsigned long p1)
#define A3 (unsigned long eid, unsigned long fid, unsigned long p0, unsigned long p1, \
	    unsigned long p2)
#define A4 (unsigned long eid, unsigned long fid, unsigned long p0, unsigned long p1, \
	    unsigned long p2, unsigned long p3)
#define A5 (unsigned long eid, unsigned long fid, unsigned long p0, unsigned long p1, \
	    unsigned long p2, unsigned long p3, unsigned long p4)
#define A6 (unsigned long eid, unsigned long fid, unsigned long p0, unsigned long p1, \
	    unsigned long p2, unsigned long p3, unsigned long p4, unsigned long p5)
#define C0 (eid, fid)
#define C1 (eid, fid, p0)
#define C2 (eid, fid, p0, p1)
#define C3 (eid, fid, p0, p1, p2)
#define C4 (eid, fid, p0, p1, p2, p3)
#define C5 (eid, fid, p0, p1, p2, p3, p4)
#define C6 (eid, fid, p0, p1, p2, p3, p4, p5)
#define LIB(name, n) R lib__hyp_sbi_##name##n A##n { return hyp_sbi_##name##n C##n; }
LIB(ecall, 0) LIB(ecall, 1) LIB(ecall, 2) LIB(ecall, 3) LIB(ecall, 4) LIB(ecall, 5) LIB(ecall, 6)
LIB(hypercall, 0) LIB(hypercall, 1) LIB(hypercall, 2) LIB(hypercall, 3) LIB(hypercall, 4)
LIB(hypercall, 5) LIB(hypercall, 6)

/* The minimal asm. */
#define REG(r, v) register unsigned long r __asm__(#r) = (v)
#define REGS0 REG(a7, eid); REG(a6, fid); register unsigned long a0 __asm__("a0"), a1 __asm__("a1")
#define REGS1 REG(a7, eid); REG(a6, fid); REG(a0, p0); register unsigned long a1 __asm__("a1")
#define REGS2 REG(a7, eid); REG(a6, fid); REG(a0, p0); REG(a1, p1)
#define REGS3 REGS2; REG(a2, p2)
#define REGS4 REGS3; REG(a3, p3)
#define REGS5 REGS4; REG(a4, p4)
#define REGS6 REGS5; REG(a5, p5)
#define OUT0 "=r"(a0), "=r"(a1)
#define OUT1 "+r"(a0), "=r"(a1)
#define OUT2 "+r"(a0), "+r"(a1)
#define OUT3 OUT2
#define OUT4 OUT2
#define OUT5 OUT2
#define OUT6 OUT2
#define IN0 "r"(a7), "r"(a6)
#define IN1 IN0
#define IN2 IN0
#define IN3 IN0, "r"(a2)
#define IN4 IN3, "r"(a3)
#define IN5 IN4, "r"(a4)
#define IN6 IN5, "r"(a5)
#define ASM(n) __asm__ __volatile__("ecall" : OUT##n : IN##n : "memory")

#define REF(name, n) \
	R ref__hyp_sbi_##name##n A##n { REGS##n; ASM(n); return (R){ (long)a0, (long)a1 }; }
REF(ecall, 0) REF(ecall, 1) REF(ecall, 2) REF(ecall, 3) REF(ecall, 4) REF(ecall, 5) REF(ecall, 6)
REF(hypercall, 0) REF(hypercall, 1) REF(hypercall, 2) REF(hypercall, 3) REF(hypercall, 4)
REF(hypercall, 5) REF(hypercall, 6)

#define GREF(n) \
	R gref__hyp_sbi_hypercall##n A##n \
	{ \
		unsigned char g = __atomic_load_n(&hyp_sbi_gate, __ATOMIC_RELAXED); \
		if (g < 2) \
			return (R){ g ? HYP_ENOHYP : HYP_ENOTINIT, 0 }; \
		REGS##n; \
		ASM(n); \
		return (R){ (long)a0, (long)a1 }; \
	}
GREF(0) GREF(1) GREF(2) GREF(3) GREF(4) GREF(5) GREF(6)

/* ---- typed wrappers (lib/riscv/sbi_calls.c) ---- */
extern uint32_t hyp_sbi_extensions;
#define BARE(n, eid_, fid_) ({ unsigned long eid = (eid_), fid = (fid_); REGS##n; ASM(n); \
			       (R){ (long)a0, (long)a1 }; })
#define GATED(has, n, eid_, fid_) ({ \
	unsigned char g = __atomic_load_n(&hyp_sbi_gate, __ATOMIC_ACQUIRE); \
	R r_ = { g ? HYP_ENOHYP : HYP_ENOTINIT, 0 }; \
	if (g >= 2 && !(__atomic_load_n(&hyp_sbi_extensions, __ATOMIC_RELAXED) & (has))) \
		r_.error = HYP_ENOSYS; \
	else if (g >= 2) \
		r_ = BARE(n, eid_, fid_); \
	r_; \
})
static int result(R r, bool lib_error)
{
	if (lib_error)
		return (int)r.error;
	if (r.error)
		return hyp_sbi_error(r.error);
	return (unsigned long)r.value > (unsigned long)__INT_MAX__ ? __INT_MAX__ : (int)r.value;
}
#define WRAPPERS(pfx, CALL, LIBERR) \
int pfx##hyp_sbi_send_ipi(unsigned long p0, unsigned long p1) \
{ \
	R r = CALL(HYP_SBI_HAS_IPI, 2, HYP_SBI_EXT_IPI, 0); \
	return result(r, LIBERR); \
} \
int pfx##hyp_sbi_hart_get_status(unsigned long p0) \
{ \
	R r = CALL(HYP_SBI_HAS_HSM, 1, HYP_SBI_EXT_HSM, 2); \
	return result(r, LIBERR); \
}
#define BARE_H(has, n, e, f) BARE(n, e, f)
WRAPPERS(ref__, BARE_H, false)
WRAPPERS(gref__, GATED, r.error < -4000 || r.error == HYP_ENOSYS)

/* ---- path length (tests/bench/pathlen.py): a call site with constant EID and FID ---- */
long path__hyp_sbi_send_ipi(unsigned long mask)
{
	return hyp_sbi_hypercall2(HYP_SBI_EXT_IPI, HYP_SBI_IPI_SEND_IPI, mask, 0).error;
}

long pathref__hyp_sbi_send_ipi(unsigned long mask)
{
	unsigned long eid = HYP_SBI_EXT_IPI, fid = HYP_SBI_IPI_SEND_IPI, p0 = mask, p1 = 0;

	REGS2;
	ASM(2);
	return (long)a0;
}
#endif
