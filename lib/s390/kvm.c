/* SPDX-License-Identifier: MIT */
/* s390x KVM typed hypercalls: DIAGNOSE 0x500 subcodes (Documentation/virt/kvm/s390/s390-diag.rst). */
#include "../internal.h"

bool hyp_kvm_s390_serves(unsigned int nr)
{
	const struct hyp_info *info = hyp_get_info();

	return info && (info->families & HYP_FAMILY_KVM) && nr < 32 &&
	       (info->s390_diag500_codes & (1u << nr));
}

/*
 * Inline in each wrapper, so the subcode test folds to one bit for a constant
 * nr. The open gate is tested first, as the s390 gated stubs do (<hyp/gate.h>):
 * gcc and clang then keep the closed path to its two constants.
 */
static inline int s390_call(unsigned int nr, unsigned long p1, unsigned long p2,
			    unsigned long p3)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	if (gate >= HYP_GATE_OPEN) {
		if (!hyp_kvm_s390_serves(nr))
			return HYP_ENOSYS;
		return hyp_kvm_error(hyp_kvm_diag500_3(nr, p1, p2, p3));   /* gate checked above */
	}
	return (int)hyp_gate_error(gate);
}

int hyp_kvm_s390_call(unsigned int nr, unsigned long p1, unsigned long p2,
		      unsigned long p3)
{
	return s390_call(nr, p1, p2, p3);
}

int hyp_kvm_virtio_ccw_notify(uint32_t schid, uint32_t queue, long cookie)
{
	if (!(schid & HYP_S390_SCHID_ONE) || (schid & HYP_S390_SCHID_RESERVED))
		return HYP_EINVAL;
	return s390_call(HYP_KVM_S390_VIRTIO_CCW_NOTIFY, schid, queue, (unsigned long)cookie);
}

int hyp_kvm_virtio_notify(uint64_t addr)
{
	return s390_call(HYP_KVM_S390_VIRTIO_NOTIFY, addr, 0, 0);
}
