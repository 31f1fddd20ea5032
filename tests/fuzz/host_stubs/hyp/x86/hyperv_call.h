/* SPDX-License-Identifier: MIT */
/*
 * Fuzzing stand-in for arch/x86/include/hyp/x86/hyperv_call.h (first on the
 * include path of the targets that name it): the page call and the gated
 * calls, each a call of host_hyperv_call(), the fuzzer's hypervisor (TLFS 3.7 control,
 * input and output GPAs; the 64-bit result value).
 */
#ifndef HYP_X86_HYPERV_CALL_H
#define HYP_X86_HYPERV_CALL_H

#include <stdint.h>

#include <hyp/gate.h>
#include <hyp/hyperv_abi.h>

#ifdef __cplusplus
extern "C" {
#endif

extern unsigned char hyp_hyperv_gate;
extern const void *hyp_hyperv_call_page;

uint64_t host_hyperv_call(uint64_t control, uint64_t in, uint64_t out);

static inline uint64_t hyp_hyperv_page_call(const void *page, uint64_t control, uint64_t in,
					    uint64_t out)
{
	(void)page;
	return host_hyperv_call(control, in, out);
}

static inline int64_t hyp_hyperv_hypercall(uint64_t control, uint64_t in_gpa, uint64_t out_gpa)
{
	HYP_GATE_CHECK(hyp_hyperv_gate);
	return (int64_t)host_hyperv_call(control, in_gpa, out_gpa);
}

static inline int64_t hyp_hyperv_fast_hypercall(uint64_t control, uint64_t in1, uint64_t in2)
{
	HYP_GATE_CHECK(hyp_hyperv_gate);
	return (int64_t)host_hyperv_call(control | HYP_HYPERV_CALL_FAST, in1, in2);
}

#ifdef __cplusplus
}
#endif

#endif /* HYP_X86_HYPERV_CALL_H */
