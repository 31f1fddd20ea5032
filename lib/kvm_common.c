/* SPDX-License-Identifier: MIT */
/* KVM, all architectures: error mapping, feature query, the gate step. */
#include "internal.h"

int hyp_kvm_error(long raw)
{
	if (raw >= 0)
		return hyp_result_from_raw(raw);
	switch (raw) {
	case -HYP_KVM_ENOSYS:       return HYP_ENOSYS;
	case -HYP_KVM_EOPNOTSUPP:   return HYP_EOPNOTSUPP;
	case -HYP_KVM_EFAULT:       return HYP_EFAULT;
	case -HYP_KVM_EINVAL:       return HYP_EINVAL;
	case -HYP_KVM_E2BIG:        return HYP_E2BIG;
	case -HYP_KVM_EPERM:        return HYP_EPERM;
	default:                    return HYP_EIO;     /* the library's codes too */
	}
}

/* A gated call's answer: its closed gate's code, else mapped (lib/internal.h). */
int hyp_kvm_answer(long raw)
{
	return hyp_gate_passed(raw, &hyp_kvm_gate) ? (int)raw : hyp_kvm_error(raw);
}

bool hyp_kvm_has_feature(unsigned int bit)
{
	const struct hyp_info *info = hyp_get_info();

	return info && (info->families & HYP_FAMILY_KVM) && bit < 32 &&
	       (info->kvm_features & (1u << bit));
}

void hyp_kvm_open_gate(const struct hyp_info *info)
{
	hyp_gate_open(&hyp_kvm_gate, (info->families & HYP_FAMILY_KVM) ?
				     HYP_GATE_OPEN : HYP_GATE_ABSENT);
}
