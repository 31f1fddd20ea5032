/* SPDX-License-Identifier: MIT */
/*
 * SMCCC family, all architectures (host tests use it too): status words of
 * SMCCC architecture calls (DEN0028, "Return codes"), PSCI (DEN0022, "Return error codes")
 * and TRNG (DEN0098, "Return codes") mapped into the error model. SMC32 results
 * are W registers: the status is read as the low 32 bits, sign-extended.
 */
#include "internal.h"

#include <hyp/smccc.h>

/* Gate codes are far outside int32_t's negative SMCCC range: they pass unchanged. */
static bool gate_code(long raw)
{
	return raw == HYP_ENOTINIT || raw == HYP_ENOHYP;
}

int hyp_smccc_error(long raw)
{
	int32_t w0 = (int32_t)(uint32_t)(unsigned long)raw;

	if (gate_code(raw))
		return (int)raw;
	if (w0 >= 0)
		return w0;
	switch (w0) {
	case HYP_SMCCC_RET_NOT_SUPPORTED:       return HYP_ENOSYS;
	case HYP_SMCCC_RET_NOT_REQUIRED:        return HYP_EOPNOTSUPP;
	case HYP_SMCCC_RET_INVALID_PARAMETER:   return HYP_EINVAL;
	default:                                return HYP_EIO;
	}
}

int hyp_psci_error(long raw)
{
	int32_t w0 = (int32_t)(uint32_t)(unsigned long)raw;

	if (gate_code(raw))
		return (int)raw;
	if (w0 >= 0)
		return w0;
	switch (w0) {
	case HYP_PSCI_RET_NOT_SUPPORTED:        return HYP_ENOSYS;
	case HYP_PSCI_RET_INVALID_PARAMS:       return HYP_EINVAL;
	case HYP_PSCI_RET_DENIED:               return HYP_EPERM;
	case HYP_PSCI_RET_ALREADY_ON:           return HYP_EEXIST;
	case HYP_PSCI_RET_ON_PENDING:           return HYP_EBUSY;
	case HYP_PSCI_RET_INTERNAL_FAILURE:     return HYP_EIO;
	case HYP_PSCI_RET_NOT_PRESENT:          return HYP_ENODEV;
	case HYP_PSCI_RET_DISABLED:             return HYP_EOPNOTSUPP;
	case HYP_PSCI_RET_INVALID_ADDRESS:      return HYP_EFAULT;
	default:                                return HYP_EIO;
	}
}

int hyp_trng_error(long raw)
{
	int32_t w0 = (int32_t)(uint32_t)(unsigned long)raw;

	if (gate_code(raw))
		return (int)raw;
	if (w0 >= 0)
		return w0;
	switch (w0) {
	case HYP_TRNG_RET_NOT_SUPPORTED:        return HYP_ENOSYS;
	case HYP_TRNG_RET_INVALID_PARAMETERS:   return HYP_EINVAL;
	case HYP_TRNG_RET_NO_ENTROPY:           return HYP_EAGAIN;
	default:                                return HYP_EIO;
	}
}
