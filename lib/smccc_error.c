/* SPDX-License-Identifier: MIT */
/*
 * SMCCC family, all architectures (host tests use it too): status words of
 * SMCCC architecture calls (DEN0028, "Return codes"), PSCI (DEN0022, "Return error codes")
 * and TRNG (DEN0098, "Return codes") mapped into the error model. SMC32 results
 * are W registers: the status is read as the low 32 bits, sign-extended.
 */
#include "internal.h"

#include <hyp/smccc.h>

struct status_map {
	int32_t status;
	int error;
};

static const struct status_map smccc_codes[] = {
	{ HYP_SMCCC_RET_NOT_SUPPORTED,          HYP_ENOSYS },
	{ HYP_SMCCC_RET_NOT_REQUIRED,           HYP_EOPNOTSUPP },
	{ HYP_SMCCC_RET_INVALID_PARAMETER,      HYP_EINVAL },
};

static const struct status_map psci_codes[] = {
	{ HYP_PSCI_RET_NOT_SUPPORTED,           HYP_ENOSYS },
	{ HYP_PSCI_RET_INVALID_PARAMS,          HYP_EINVAL },
	{ HYP_PSCI_RET_DENIED,                  HYP_EPERM },
	{ HYP_PSCI_RET_ALREADY_ON,              HYP_EEXIST },
	{ HYP_PSCI_RET_ON_PENDING,              HYP_EBUSY },
	{ HYP_PSCI_RET_INTERNAL_FAILURE,        HYP_EIO },
	{ HYP_PSCI_RET_NOT_PRESENT,             HYP_ENODEV },
	{ HYP_PSCI_RET_DISABLED,                HYP_EOPNOTSUPP },
	{ HYP_PSCI_RET_INVALID_ADDRESS,         HYP_EFAULT },
};

static const struct status_map trng_codes[] = {
	{ HYP_TRNG_RET_NOT_SUPPORTED,           HYP_ENOSYS },
	{ HYP_TRNG_RET_INVALID_PARAMETERS,      HYP_EINVAL },
	{ HYP_TRNG_RET_NO_ENTROPY,              HYP_EAGAIN },
};

/* A status >= 0 is the answer; a negative one not in `codes` (a library code too), HYP_EIO. */
static int map_status(long raw, const struct status_map *codes, size_t count)
{
	int32_t w0 = (int32_t)(uint32_t)(unsigned long)raw;

	if (w0 >= 0)
		return w0;
	for (size_t i = 0; i < count; i++)
		if (codes[i].status == w0)
			return codes[i].error;
	return HYP_EIO;
}

#define MAP(raw, codes) map_status((raw), (codes), sizeof(codes) / sizeof((codes)[0]))

int hyp_smccc_error(long raw)
{
	return MAP(raw, smccc_codes);
}

int hyp_psci_error(long raw)
{
	return MAP(raw, psci_codes);
}

int hyp_trng_error(long raw)
{
	return MAP(raw, trng_codes);
}
