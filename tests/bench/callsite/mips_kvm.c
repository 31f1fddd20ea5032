/* SPDX-License-Identifier: MIT */
/*
 * Call-site benchmark, MIPS KVM (o32 and n64, both endians). See
 * tests/bench/README.md: lib__X calls libhyp, ref__X is the minimal asm
 * (HYPCALL code 0, nr in v0, arguments a0-a3, result v0), gref__X adds the
 * gate written by hand; ref__/gref__hyp_kvm_mips_<wrapper> mirror the
 * out-of-line typed wrappers of lib/mips/kvm.c with the same argument checks
 * and the same error mapping call.
 */
#if defined(__mips__)
#include <hyp/hyp.h>

#define HYPCALL ".word 0x42000028"

#define A0 (unsigned long nr)
#define A1 (unsigned long nr, unsigned long p1)
#define A2 (unsigned long nr, unsigned long p1, unsigned long p2)
#define A3 (unsigned long nr, unsigned long p1, unsigned long p2, unsigned long p3)
#define A4 (unsigned long nr, unsigned long p1, unsigned long p2, unsigned long p3, unsigned long p4)
#define LIB(name, n, args) \
	long lib__hyp_kvm_##name##n A##n { return hyp_kvm_##name##n args; }
LIB(hypcall, 0, (nr))
LIB(hypcall, 1, (nr, p1))
LIB(hypcall, 2, (nr, p1, p2))
LIB(hypcall, 3, (nr, p1, p2, p3))
LIB(hypcall, 4, (nr, p1, p2, p3, p4))
LIB(hypercall, 0, (nr))
LIB(hypercall, 1, (nr, p1))
LIB(hypercall, 2, (nr, p1, p2))
LIB(hypercall, 3, (nr, p1, p2, p3))
LIB(hypercall, 4, (nr, p1, p2, p3, p4))

/* The minimal asm: registers bound to v0 and a0-a3. */
#define REGS0 register unsigned long v0 __asm__("$2") = nr
#define REGS1 REGS0; register unsigned long a0 __asm__("$4") = p1
#define REGS2 REGS1; register unsigned long a1 __asm__("$5") = p2
#define REGS3 REGS2; register unsigned long a2 __asm__("$6") = p3
#define REGS4 REGS3; register unsigned long a3 __asm__("$7") = p4
#define IN0
#define IN1 "r"(a0)
#define IN2 IN1, "r"(a1)
#define IN3 IN2, "r"(a2)
#define IN4 IN3, "r"(a3)
#define ASM(n) __asm__ __volatile__(HYPCALL : "+r"(v0) : IN##n : "memory")

#define REF(name, n) \
	long ref__hyp_kvm_##name##n A##n { REGS##n; ASM(n); return (long)v0; }
REF(hypcall, 0) REF(hypcall, 1) REF(hypcall, 2) REF(hypcall, 3) REF(hypcall, 4)
REF(hypercall, 0) REF(hypercall, 1) REF(hypercall, 2) REF(hypercall, 3) REF(hypercall, 4)

#define GREF_AS(name, params, n) \
	long gref__##name params \
	{ \
		unsigned char g = __atomic_load_n(&hyp_kvm_gate, __ATOMIC_RELAXED); \
		if (g < 2) \
			return g ? HYP_ENOHYP : HYP_ENOTINIT; \
		REGS##n; \
		ASM(n); \
		return (long)v0; \
	}
#define GREF(n) GREF_AS(hyp_kvm_hypercall##n, A##n, n)
GREF(0) GREF(1) GREF(2) GREF(3) GREF(4)

/* ---- typed wrappers (lib/mips/kvm.c) ---- */
#define BARE(n, nr_) ({ unsigned long nr = (nr_); REGS##n; ASM(n); (long)v0; })
#define GATED(n, nr_) ({ \
	unsigned long nr = (nr_); \
	unsigned char g = __atomic_load_n(&hyp_kvm_gate, __ATOMIC_RELAXED); \
	long r = g ? HYP_ENOHYP : HYP_ENOTINIT; \
	if (g >= 2) { \
		REGS##n; \
		ASM(n); \
		r = (long)v0; \
	} \
	r; \
})

/* KSEG0/KSEG1 (o32), also XKPHYS and CKSEG0/1 (n64): the same segment at both ends. */
static unsigned int segment(unsigned long a)
{
#if __SIZEOF_LONG__ == 8
	if (a >> 62 == 2)
		return 3 + (unsigned int)((a >> 59) & 7);
	if (a < 0xffffffff80000000ul || a > 0xffffffffbffffffful)
		return 0;
#else
	if (a < 0x80000000ul || a > 0xbffffffful)
		return 0;
#endif
	return 1 + (unsigned int)((a >> 29) & 1);
}

#define WRAPPERS(pfx, CALL) \
int pfx##hyp_kvm_mips_get_clock_freq(void) \
{ \
	return hyp_kvm_error(CALL(0, HYP_KVM_HC_MIPS_GET_CLOCK_FREQ)); \
} \
int pfx##hyp_kvm_mips_exit_vm(void) \
{ \
	return hyp_kvm_error(CALL(0, HYP_KVM_HC_MIPS_EXIT_VM)); \
} \
int pfx##hyp_kvm_mips_console_output(uint32_t vterm, const char *buf, size_t len) \
{ \
	unsigned long p1 = vterm, p2 = (unsigned long)buf, p3 = len; \
	if ((!buf && len) || len > (size_t)__INT_MAX__) \
		return HYP_EINVAL; \
	if (buf && (segment(p2) == 0 || (len && (len - 1 > ~0ul - p2 || \
					 segment(p2 + len - 1) != segment(p2))))) \
		return HYP_EFAULT; \
	long r = CALL(3, HYP_KVM_HC_MIPS_CONSOLE_OUTPUT); \
	if (r >= 0 && (unsigned long)r > len) \
		return HYP_EIO; \
	return hyp_kvm_error(r); \
}
WRAPPERS(ref__, BARE)
WRAPPERS(gref__, GATED)
#endif
