/* SPDX-License-Identifier: MIT */
/*
 * Xen on Arm hypercall stubs, AArch64 (xen/include/public/arch-arm.h):
 *   `hvc #0xEA1` | op x16 | arguments x0-x4 | result x0
 * Xen clobbers x16 and the argument registers a hypercall uses (a debug Xen
 * poisons them): every stub treats x0-x4 and x16 as clobbered ("+r" for the
 * arguments it passes, "=r" for the rest), so hyp_xen_hypercallN may be
 * called with any N >= the hypercall's arity. Pointers are guest virtual
 * addresses (Xen walks the guest's stage-1 tables).
 * hyp_xen_hvcN: unconditional. hyp_xen_hypercallN: through hyp_xen_gate,
 * opened only when detection found Xen (/hypervisor "xen,xen").
 */
#ifndef HYP_ARM64_XEN_CALL_H
#define HYP_ARM64_XEN_CALL_H

#include <hyp/gate.h>
#include <hyp/stub.h>

#ifndef HYP_ARM64_XEN_INSN              /* a harness may put a trapping instruction here */
#define HYP_ARM64_XEN_INSN "hvc #0xea1"
#endif
#define HYP_XEN_ARM_HVC_IMM 0xea1u

extern unsigned char hyp_xen_gate;

#define HYP_XEN_ARM_R(n, v) register unsigned long r##n __asm__("x" #n) = (v)
#define HYP_XEN_ARM_U(n)    register unsigned long r##n __asm__("x" #n)
#define HYP_XEN_ARM_DECL0   register unsigned long r16 __asm__("x16") = op; HYP_XEN_ARM_U(0); \
			    HYP_XEN_ARM_U(1); HYP_XEN_ARM_U(2); HYP_XEN_ARM_U(3); HYP_XEN_ARM_U(4)
#define HYP_XEN_ARM_DECL1   register unsigned long r16 __asm__("x16") = op; HYP_XEN_ARM_R(0, p1); \
			    HYP_XEN_ARM_U(1); HYP_XEN_ARM_U(2); HYP_XEN_ARM_U(3); HYP_XEN_ARM_U(4)
#define HYP_XEN_ARM_DECL2   register unsigned long r16 __asm__("x16") = op; HYP_XEN_ARM_R(0, p1); \
			    HYP_XEN_ARM_R(1, p2); HYP_XEN_ARM_U(2); HYP_XEN_ARM_U(3); HYP_XEN_ARM_U(4)
#define HYP_XEN_ARM_DECL3   register unsigned long r16 __asm__("x16") = op; HYP_XEN_ARM_R(0, p1); \
			    HYP_XEN_ARM_R(1, p2); HYP_XEN_ARM_R(2, p3); HYP_XEN_ARM_U(3); HYP_XEN_ARM_U(4)
#define HYP_XEN_ARM_DECL4   register unsigned long r16 __asm__("x16") = op; HYP_XEN_ARM_R(0, p1); \
			    HYP_XEN_ARM_R(1, p2); HYP_XEN_ARM_R(2, p3); HYP_XEN_ARM_R(3, p4); HYP_XEN_ARM_U(4)
#define HYP_XEN_ARM_DECL5   register unsigned long r16 __asm__("x16") = op; HYP_XEN_ARM_R(0, p1); \
			    HYP_XEN_ARM_R(1, p2); HYP_XEN_ARM_R(2, p3); HYP_XEN_ARM_R(3, p4); HYP_XEN_ARM_R(4, p5)
#define HYP_XEN_ARM_OUT0    "+r"(r16), "=r"(r0), "=r"(r1), "=r"(r2), "=r"(r3), "=r"(r4)
#define HYP_XEN_ARM_OUT1    "+r"(r16), "+r"(r0), "=r"(r1), "=r"(r2), "=r"(r3), "=r"(r4)
#define HYP_XEN_ARM_OUT2    "+r"(r16), "+r"(r0), "+r"(r1), "=r"(r2), "=r"(r3), "=r"(r4)
#define HYP_XEN_ARM_OUT3    "+r"(r16), "+r"(r0), "+r"(r1), "+r"(r2), "=r"(r3), "=r"(r4)
#define HYP_XEN_ARM_OUT4    "+r"(r16), "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "=r"(r4)
#define HYP_XEN_ARM_OUT5    "+r"(r16), "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4)
#define HYP_XEN_ARM_CLOBBERS "memory"
#define HYP_XEN_ARM_STUB(name, n) static inline long name(unsigned int op HYP_STUB_PARAMS##n) \
	{ HYP_XEN_ARM_DECL##n; \
	  __asm__ __volatile__(HYP_ARM64_XEN_INSN : HYP_XEN_ARM_OUT##n : : HYP_XEN_ARM_CLOBBERS); \
	  (void)r1; (void)r2; (void)r3; (void)r4; (void)r16; return (long)r0; }
#define HYP_XEN_ARM_GATED(name, n) static inline long name(unsigned int op HYP_STUB_PARAMS##n) \
	{ HYP_GATE_CHECK(hyp_xen_gate); \
	  return hyp_xen_hvc##n(op HYP_STUB_ARGS##n); }

HYP_XEN_ARM_STUB(hyp_xen_hvc0, 0)
HYP_XEN_ARM_STUB(hyp_xen_hvc1, 1)
HYP_XEN_ARM_STUB(hyp_xen_hvc2, 2)
HYP_XEN_ARM_STUB(hyp_xen_hvc3, 3)
HYP_XEN_ARM_STUB(hyp_xen_hvc4, 4)
HYP_XEN_ARM_STUB(hyp_xen_hvc5, 5)
HYP_XEN_ARM_GATED(hyp_xen_hypercall0, 0)
HYP_XEN_ARM_GATED(hyp_xen_hypercall1, 1)
HYP_XEN_ARM_GATED(hyp_xen_hypercall2, 2)
HYP_XEN_ARM_GATED(hyp_xen_hypercall3, 3)
HYP_XEN_ARM_GATED(hyp_xen_hypercall4, 4)
HYP_XEN_ARM_GATED(hyp_xen_hypercall5, 5)

#endif /* HYP_ARM64_XEN_CALL_H */
