/* SPDX-License-Identifier: MIT */
/*
 * OSI (Mac-on-Linux) detection, lib/powerpc/osi_detect.c built for the
 * host: only the kernel's word (hyp_platform.ppc_osi) opens the family.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "powerpc/powerpc.h"

extern unsigned char hyp_osi_gate;

static void undeclared(void **state)
{
	struct hyp_platform plat = { .ppc_osi = false };
	struct hyp_info info = { 0 };

	(void)state;
	hyp_osi_probe(&plat, &info);
	assert_int_equal(info.families, 0);
	assert_int_equal(info.kind, HYP_KIND_NONE);
	assert_string_equal(info.signature, "");
	hyp_osi_open(&info);
	assert_int_equal(hyp_osi_gate, HYP_GATE_ABSENT);
}

static void declared_alone(void **state)
{
	struct hyp_platform plat = { .ppc_osi = true };
	struct hyp_info info = { 0 };

	(void)state;
	hyp_osi_probe(&plat, &info);
	assert_int_equal(info.families, HYP_FAMILY_OSI);
	assert_int_equal(info.kind, HYP_KIND_UNKNOWN);
	assert_string_equal(info.signature, "OSI");
	hyp_osi_open(&info);
	assert_int_equal(hyp_osi_gate, HYP_GATE_OPEN);
}

static void declared_under_kvm(void **state)
{
	struct hyp_platform plat = { .ppc_osi = true };
	struct hyp_info info = { .kind = HYP_KIND_KVM,
				 .families = HYP_FAMILY_KVM | HYP_FAMILY_EPAPR };

	(void)state;
	strcpy(info.signature, "linux,kvm");
	hyp_osi_probe(&plat, &info);
	assert_int_equal(info.families, HYP_FAMILY_KVM | HYP_FAMILY_EPAPR | HYP_FAMILY_OSI);
	assert_int_equal(info.kind, HYP_KIND_KVM);
	assert_string_equal(info.signature, "linux,kvm");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(undeclared),
		cmocka_unit_test(declared_alone),
		cmocka_unit_test(declared_under_kvm),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
