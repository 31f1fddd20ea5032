/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the values a hypervisor or caller hands the error
 * model and the name tables: hyp_kvm_error() on any raw register value,
 * hyp_strerror() and hyp_kind_name() on any integer. Checked: success passes
 * through (clamped to INT_MAX), every failure maps to a named HYP_E* code,
 * the names are never NULL; no family's map turns any raw value (its low 32
 * bits too) into a library code (HYP_IS_LIBRARY_ERROR).
 */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hyp/hyp.h>
#include <hyp/sbi.h>
#include <hyp/smccc.h>

typedef int (*map_fn)(long raw);

static int hyperv_map(long raw)
{
	return hyp_hyperv_error(raw);
}

static const map_fn maps[] = {
	hyp_kvm_error, hyp_xen_error, hyp_epapr_error, hyp_papr_error, hyp_sbi_error,
	hyp_smccc_error, hyp_psci_error, hyp_trng_error, hyperv_map,
};

static void check(bool ok)
{
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	long raw = 0;
	int mapped;
	int as_int;

	if (size < sizeof(raw))
		return 0;
	memcpy(&raw, data, sizeof(raw));
	as_int = (int)raw;

	mapped = hyp_kvm_error(raw);
	if (raw >= 0) {
		check(mapped == (raw > INT_MAX ? INT_MAX : (int)raw));
	} else {
		check(mapped < 0);
		check(strcmp(hyp_strerror(mapped), "HYP_E?") != 0);
	}
	for (size_t i = 0; i < sizeof(maps) / sizeof(maps[0]); i++) {
		check(!HYP_IS_LIBRARY_ERROR(maps[i](raw)));
		check(!HYP_IS_LIBRARY_ERROR(maps[i]((long)as_int)));
		check(!HYP_IS_LIBRARY_ERROR(maps[i]((long)(uint32_t)raw)));
	}
	check(hyp_strerror(as_int) != NULL);
	check(hyp_kind_name((enum hyp_kind)as_int) != NULL);
	check(!hyp_kvm_has_feature((unsigned int)as_int));   /* before hyp_init(): never */
	return 0;
}
