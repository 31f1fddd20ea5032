/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for arch/arm64/include/hyp/arm64/xen_call.h (first on the
 * include path of the aarch64 hostile harness): each `hvc #0xEA1` a call of
 * host_xen(), the test's Xen (op x16, arguments x0-x4, result x0;
 * xen/include/public/arch-arm.h). Pointers are the caller's addresses.
 */
#ifndef HYP_ARM64_XEN_CALL_H
#define HYP_ARM64_XEN_CALL_H

#include <hyp/gate.h>
#include <hyp/stub.h>

extern unsigned char hyp_xen_gate;

long host_xen(unsigned int op, unsigned long a1, unsigned long a2, unsigned long a3,
	      unsigned long a4, unsigned long a5);

#define HOST_XEN_STUB(name, n, ...) static inline long name(unsigned int op HYP_STUB_PARAMS##n) \
	{ return host_xen(op, __VA_ARGS__); }
#define HOST_XEN_GATED(name, n) static inline long name(unsigned int op HYP_STUB_PARAMS##n) \
	{ HYP_GATE_CHECK(hyp_xen_gate); return hyp_xen_hvc##n(op HYP_STUB_ARGS##n); }

HOST_XEN_STUB(hyp_xen_hvc0, 0, 0, 0, 0, 0, 0)
HOST_XEN_STUB(hyp_xen_hvc1, 1, p1, 0, 0, 0, 0)
HOST_XEN_STUB(hyp_xen_hvc2, 2, p1, p2, 0, 0, 0)
HOST_XEN_STUB(hyp_xen_hvc3, 3, p1, p2, p3, 0, 0)
HOST_XEN_STUB(hyp_xen_hvc4, 4, p1, p2, p3, p4, 0)
HOST_XEN_STUB(hyp_xen_hvc5, 5, p1, p2, p3, p4, p5)
HOST_XEN_GATED(hyp_xen_hypercall0, 0)
HOST_XEN_GATED(hyp_xen_hypercall1, 1)
HOST_XEN_GATED(hyp_xen_hypercall2, 2)
HOST_XEN_GATED(hyp_xen_hypercall3, 3)
HOST_XEN_GATED(hyp_xen_hypercall4, 4)
HOST_XEN_GATED(hyp_xen_hypercall5, 5)

#endif /* HYP_ARM64_XEN_CALL_H */
