/* SPDX-License-Identifier: MIT */
/*
 * Call-site benchmark, s390x KVM (DIAGNOSE 0x500). See tests/bench/README.md:
 * lib__X calls libhyp, ref__X is the minimal asm (subcode in r1, arguments
 * r2-r7, result r2; cc and memory clobbered), gref__X adds the gate written by
 * hand; ref__/gref__ of the typed wrappers in lib/s390/kvm.c repeat their
 * checks (served subcode, subchannel word) and the same error mapping call.
 */
#if defined(__s390x__) && __has_include(<hyp/s390/kvm_hypercall.h>)
#include <hyp/hyp.h>

#define DIAG "diag 0,0,0x500"
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
#define LIBFN(stub, item, n, params, args) \
	long lib__hyp_kvm_##item params { return hyp_kvm_##stub args; }
LIBFN(diag500_0, diag500_0, 0, A0, (nr))
LIBFN(diag500_1, diag500_1, 1, A1, (nr, p1))
LIBFN(diag500_2, diag500_2, 2, A2, (nr, p1, p2))
LIBFN(diag500_3, diag500_3, 3, A3, (nr, p1, p2, p3))
LIBFN(diag500_4, diag500_4, 4, A4, (nr, p1, p2, p3, p4))
LIBFN(diag500_5, diag500_5, 5, A5, (nr, p1, p2, p3, p4, p5))
LIBFN(diag500_6, diag500_6, 6, A6, (nr, p1, p2, p3, p4, p5, p6))
LIBFN(hypercall0, hypercall0, 0, A0, (nr))
LIBFN(hypercall1, hypercall1, 1, A1, (nr, p1))
LIBFN(hypercall2, hypercall2, 2, A2, (nr, p1, p2))
LIBFN(hypercall3, hypercall3, 3, A3, (nr, p1, p2, p3))
LIBFN(hypercall4, hypercall4, 4, A4, (nr, p1, p2, p3, p4))
LIBFN(hypercall5, hypercall5, 5, A5, (nr, p1, p2, p3, p4, p5))
LIBFN(hypercall6, hypercall6, 6, A6, (nr, p1, p2, p3, p4, p5, p6))

/* The minimal asm: r1 = subcode, r2 = p1 and the result, r3-r7 = p2-p6. */
#define REGS0 register unsigned long r1 __asm__("r1") = nr; register long r2 __asm__("r2")
#define REGS1 REGS0 = (long)p1
#define REGS2 REGS1; register unsigned long r3 __asm__("r3") = p2
#define REGS3 REGS2; register unsigned long r4 __asm__("r4") = p3
#define REGS4 REGS3; register unsigned long r5 __asm__("r5") = p4
#define REGS5 REGS4; register unsigned long r6 __asm__("r6") = p5
#define REGS6 REGS5; register unsigned long r7 __asm__("r7") = p6
#define OUT0 "=d"(r2) : "d"(r1)
#define OUT1 "+d"(r2) : "d"(r1)
#define OUT2 OUT1, "d"(r3)
#define OUT3 OUT2, "d"(r4)
#define OUT4 OUT3, "d"(r5)
#define OUT5 OUT4, "d"(r6)
#define OUT6 OUT5, "d"(r7)
#define ASM(n) __asm__ __volatile__(DIAG : OUT##n : "cc", "memory")

#define REF(item, n) \
	long ref__hyp_kvm_##item A##n { REGS##n; ASM(n); return r2; }
REF(diag500_0, 0) REF(diag500_1, 1) REF(diag500_2, 2) REF(diag500_3, 3)
REF(diag500_4, 4) REF(diag500_5, 5) REF(diag500_6, 6)
REF(hypercall0, 0) REF(hypercall1, 1) REF(hypercall2, 2) REF(hypercall3, 3)
REF(hypercall4, 4) REF(hypercall5, 5) REF(hypercall6, 6)

#define GREF(n) \
	long gref__hyp_kvm_hypercall##n A##n \
	{ \
		unsigned char g = __atomic_load_n(&hyp_kvm_gate, __ATOMIC_RELAXED); \
		if (g < 2) \
			return g ? HYP_ENOHYP : HYP_ENOTINIT; \
		REGS##n; \
		ASM(n); \
		return r2; \
	}
GREF(0) GREF(1) GREF(2) GREF(3) GREF(4) GREF(5) GREF(6)

/* ---- typed wrappers (lib/s390/kvm.c) ---- */
static int served(unsigned int nr)
{
	const struct hyp_info *info = hyp_get_info();

	return info && (info->families & HYP_FAMILY_KVM) && nr < 32 &&
	       (info->s390_diag500_codes & (1u << nr));
}

#define NOGATE ((void)0)
#define GATE do { \
	unsigned char g = __atomic_load_n(&hyp_kvm_gate, __ATOMIC_RELAXED); \
	if (g < 2) \
		return g ? HYP_ENOHYP : HYP_ENOTINIT; \
} while (0)

#define WRAPPERS(pfx, CHECK_GATE) \
int pfx##hyp_kvm_s390_call(unsigned int nr, unsigned long p1, unsigned long p2, \
			   unsigned long p3) \
{ \
	CHECK_GATE; \
	if (!served(nr)) \
		return HYP_ENOSYS; \
	REGS3; \
	ASM(3); \
	return hyp_kvm_error(r2); \
} \
int pfx##hyp_kvm_virtio_ccw_notify(uint32_t schid, uint32_t queue, long cookie) \
{ \
	unsigned int nr = HYP_KVM_S390_VIRTIO_CCW_NOTIFY; \
	unsigned long p1 = schid, p2 = queue, p3 = (unsigned long)cookie; \
	if (!(schid & HYP_S390_SCHID_ONE) || (schid & HYP_S390_SCHID_RESERVED)) \
		return HYP_EINVAL; \
	CHECK_GATE; \
	if (!served(nr)) \
		return HYP_ENOSYS; \
	REGS3; \
	ASM(3); \
	return hyp_kvm_error(r2); \
} \
int pfx##hyp_kvm_virtio_notify(uint64_t addr) \
{ \
	unsigned int nr = HYP_KVM_S390_VIRTIO_NOTIFY; \
	unsigned long p1 = addr, p2 = 0, p3 = 0; \
	CHECK_GATE; \
	if (!served(nr)) \
		return HYP_ENOSYS; \
	REGS3; \
	ASM(3); \
	return hyp_kvm_error(r2); \
}
WRAPPERS(ref__, NOGATE)
WRAPPERS(gref__, GATE)
#endif
