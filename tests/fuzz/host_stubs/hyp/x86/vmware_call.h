/* SPDX-License-Identifier: MIT */
/*
 * Fuzzing stand-in for arch/x86/include/hyp/x86/vmware_call.h (first on the
 * include path of the targets that name it): the gated backdoor calls, each
 * a call of host_vmware_call(), the fuzzer's backdoor (registers in and
 * out as struct hyp_vmware_regs; `hb` 0 low bandwidth, 1 out, 2 in; bp the
 * high-bandwidth cookie).
 */
#ifndef HYP_X86_VMWARE_CALL_H
#define HYP_X86_VMWARE_CALL_H

#include <hyp/gate.h>
#include <hyp/vmware.h>

#ifdef __cplusplus
extern "C" {
#endif

extern unsigned char hyp_vmware_gate;

void host_vmware_call(struct hyp_vmware_regs *r, int hb, unsigned long bp);

static inline int hyp_vmware_call(struct hyp_vmware_regs *r)
{
	unsigned int gate = hyp_gate_read(&hyp_vmware_gate);

	if (gate < HYP_GATE_OPEN)
		return (int)hyp_gate_error(gate);
	r->ax = HYP_VMWARE_MAGIC;
	host_vmware_call(r, 0, 0);
	return 0;
}

static inline int hyp_vmware_hb_out(struct hyp_vmware_regs *r, unsigned long bp)
{
	unsigned int gate = hyp_gate_read(&hyp_vmware_gate);

	if (gate < HYP_GATE_OPEN)
		return (int)hyp_gate_error(gate);
	host_vmware_call(r, 1, bp);
	return 0;
}

static inline int hyp_vmware_hb_in(struct hyp_vmware_regs *r, unsigned long bp)
{
	unsigned int gate = hyp_gate_read(&hyp_vmware_gate);

	if (gate < HYP_GATE_OPEN)
		return (int)hyp_gate_error(gate);
	host_vmware_call(r, 2, bp);
	return 0;
}

#ifdef __cplusplus
}
#endif

#endif /* HYP_X86_VMWARE_CALL_H */
