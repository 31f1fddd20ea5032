/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for arch/mips/include/hyp/mips/kvm_hypercall.h (first on the
 * include path of the MIPS hostile harness): each HYPCALL a call of
 * host_hypcall(), the test's KVM (nr v0, arguments a0-a3, result v0;
 * Linux Documentation/virt/kvm/hypercalls.rst).
 */
#ifndef HYP_MIPS_KVM_HYPERCALL_H
#define HYP_MIPS_KVM_HYPERCALL_H

#include <hyp/config.h>
#include <hyp/gate.h>
#include <hyp/stub.h>

long host_hypcall(unsigned long nr, unsigned long a0, unsigned long a1, unsigned long a2,
		  unsigned long a3);

#define HOST_HYPCALL(n, ...)                                                    \
	static inline long hyp_kvm_hypcall##n(unsigned long nr HYP_STUB_PARAMS##n) \
	{ return host_hypcall(nr, __VA_ARGS__); }                               \
	static inline long hyp_kvm_hypercall##n(unsigned int nr HYP_STUB_PARAMS##n) \
	{ HYP_GATE_CHECK(hyp_kvm_gate); return hyp_kvm_hypcall##n(nr HYP_STUB_ARGS##n); }

HOST_HYPCALL(0, 0, 0, 0, 0)
HOST_HYPCALL(1, p1, 0, 0, 0)
HOST_HYPCALL(2, p1, p2, 0, 0)
HOST_HYPCALL(3, p1, p2, p3, 0)
HOST_HYPCALL(4, p1, p2, p3, p4)

#endif /* HYP_MIPS_KVM_HYPERCALL_H */
