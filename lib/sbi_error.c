/* SPDX-License-Identifier: MIT */
/* SBI error codes and implementation IDs (portable: host tests use them). */
#include <hyp/sbi.h>

int hyp_sbi_error(long sbi_error)
{
	switch (sbi_error) {
	case HYP_SBI_SUCCESS:                   return HYP_OK;
	case HYP_SBI_ERR_NOT_SUPPORTED:         return HYP_ENOSYS;
	case HYP_SBI_ERR_INVALID_PARAM:         return HYP_EINVAL;
	case HYP_SBI_ERR_DENIED:                return HYP_EPERM;
	case HYP_SBI_ERR_INVALID_ADDRESS:       return HYP_EFAULT;
	case HYP_SBI_ERR_ALREADY_AVAILABLE:     return HYP_EEXIST;
	case HYP_SBI_ERR_ALREADY_STARTED:       return HYP_EALREADY;
	case HYP_SBI_ERR_ALREADY_STOPPED:       return HYP_EALREADY;
	case HYP_SBI_ERR_NO_SHMEM:              return HYP_ENOMEM;
	case HYP_SBI_ERR_INVALID_STATE:         return HYP_EBUSY;
	case HYP_SBI_ERR_BAD_RANGE:             return HYP_ERANGE;
	case HYP_SBI_ERR_TIMEOUT:               return HYP_ETIMEDOUT;
	default:                                return HYP_EIO;        /* FAILED, IO, unknown, library codes */
	}
}

/* Names in a char array, not a table of pointers (lib/internal.h). */
static const char impl_names[][14] = {
	[HYP_SBI_IMPL_BBL]              = "BBL",
	[HYP_SBI_IMPL_OPENSBI]          = "OpenSBI",
	[HYP_SBI_IMPL_XVISOR]           = "Xvisor",
	[HYP_SBI_IMPL_KVM]              = "KVM",
	[HYP_SBI_IMPL_RUSTSBI]          = "RustSBI",
	[HYP_SBI_IMPL_DIOSIX]           = "Diosix",
	[HYP_SBI_IMPL_COFFER]           = "Coffer",
	[HYP_SBI_IMPL_XEN]              = "Xen",
	[HYP_SBI_IMPL_POLARFIRE_HSS]    = "PolarFire HSS",
	[HYP_SBI_IMPL_COREBOOT]         = "coreboot",
	[HYP_SBI_IMPL_OREBOOT]          = "oreboot",
	[HYP_SBI_IMPL_BHYVE]            = "bhyve",
};

const char *hyp_sbi_impl_name(unsigned long impl_id)
{
	if (impl_id >= sizeof(impl_names) / sizeof(impl_names[0]))
		return "unknown";
	return impl_names[impl_id];
}

bool hyp_sbi_impl_is_hypervisor(unsigned long impl_id)
{
	return impl_id == HYP_SBI_IMPL_XVISOR || impl_id == HYP_SBI_IMPL_KVM ||
	       impl_id == HYP_SBI_IMPL_DIOSIX || impl_id == HYP_SBI_IMPL_XEN ||
	       impl_id == HYP_SBI_IMPL_BHYVE;
}

unsigned long hyp_sbi_ext_of_bit(unsigned int bit)
{
	static const unsigned long std[] = {
		HYP_SBI_EXT_BASE, HYP_SBI_EXT_TIME, HYP_SBI_EXT_IPI, HYP_SBI_EXT_RFENCE,
		HYP_SBI_EXT_HSM, HYP_SBI_EXT_SRST, HYP_SBI_EXT_PMU, HYP_SBI_EXT_DBCN,
		HYP_SBI_EXT_SUSP, HYP_SBI_EXT_CPPC, HYP_SBI_EXT_NACL, HYP_SBI_EXT_STA,
	};

	if (bit < sizeof(std) / sizeof(std[0]))
		return std[bit];
	if (bit >= 16 && bit <= 16 + HYP_SBI_EXT_LEGACY_SHUTDOWN)
		return bit - 16;
	return ~0ul;
}
