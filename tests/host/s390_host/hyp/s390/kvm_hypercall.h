/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for arch/s390/include/hyp/s390/kvm_hypercall.h (first on the
 * include path of the s390x hostile harness): each DIAGNOSE 0x500 a call of
 * host_diag500(), the test's KVM (subcode r1, arguments r2-r7, result r2;
 * Linux Documentation/virt/kvm/s390/s390-diag.rst).
 */
#ifndef HYP_S390_KVM_HYPERCALL_H
#define HYP_S390_KVM_HYPERCALL_H

#include <hyp/config.h>
#include <hyp/gate.h>
#include <hyp/stub.h>

long host_diag500(unsigned int nr, unsigned long p1, unsigned long p2, unsigned long p3,
		  unsigned long p4, unsigned long p5, unsigned long p6);

#define HOST_DIAG500(n, ...)                                                    \
	static inline long hyp_kvm_diag500_##n(unsigned int nr HYP_STUB_PARAMS##n) \
	{ return host_diag500(nr, __VA_ARGS__); }                               \
	static inline long hyp_kvm_hypercall##n(unsigned int nr HYP_STUB_PARAMS##n) \
	{ HYP_GATE_CHECK(hyp_kvm_gate); return hyp_kvm_diag500_##n(nr HYP_STUB_ARGS##n); }

HOST_DIAG500(0, 0, 0, 0, 0, 0, 0)
HOST_DIAG500(1, p1, 0, 0, 0, 0, 0)
HOST_DIAG500(2, p1, p2, 0, 0, 0, 0)
HOST_DIAG500(3, p1, p2, p3, 0, 0, 0)

#endif /* HYP_S390_KVM_HYPERCALL_H */
