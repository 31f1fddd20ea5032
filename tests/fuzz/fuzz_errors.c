/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the values a hypervisor or caller hands the error
 * model and the name tables: hyp_kvm_error() on any raw register value,
 * hyp_strerror() and hyp_kind_name() on any integer. Checked: success passes
 * through (clamped to INT_MAX), every failure maps to a named HYP_E* code,
 * the names are never NULL.
 */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hyp/hyp.h>

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
	check(hyp_strerror(as_int) != NULL);
	check(hyp_kind_name((enum hyp_kind)as_int) != NULL);
	check(!hyp_kvm_has_feature((unsigned int)as_int));   /* before hyp_init(): never */
	return 0;
}
