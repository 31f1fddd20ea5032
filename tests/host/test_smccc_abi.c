/* SPDX-License-Identifier: MIT */
/*
 * <hyp/smccc.h> against real headers: PSCI numbers and codes against
 * Linux's arm64 uapi <linux/psci.h> (linux-libc-dev-arm64-cross), Xen's
 * SMCCC UID against xen/include/public/arch-arm/smccc.h (libxen-dev); and
 * the SMCCC / PSCI / TRNG error mappings, including 32-bit W results.
 * KVM's UID (Linux include/linux/arm-smccc.h, not a uapi header) is checked
 * against the real KVM's answer by the smccc-arm64-realkvm tests.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include HYP_ARM64_PSCI_H
#include <xen/xen.h>
#include <xen/arch-arm/smccc.h>

#include <hyp/smccc.h>

#define SAME(a, b) _Static_assert((long long)(a) == (long long)(b), #a " != " #b)

SAME(HYP_PSCI_FN_BASE, PSCI_0_2_FN_BASE);
SAME(HYP_PSCI_FN64_BASE, PSCI_0_2_FN64_BASE);
SAME(HYP_PSCI_VERSION, PSCI_0_2_FN_PSCI_VERSION);
SAME(HYP_PSCI_CPU_SUSPEND, PSCI_0_2_FN64_CPU_SUSPEND);
SAME(HYP_PSCI_CPU_OFF, PSCI_0_2_FN_CPU_OFF);
SAME(HYP_PSCI_CPU_ON, PSCI_0_2_FN64_CPU_ON);
SAME(HYP_PSCI_AFFINITY_INFO, PSCI_0_2_FN64_AFFINITY_INFO);
SAME(HYP_PSCI_MIGRATE_INFO_TYPE, PSCI_0_2_FN_MIGRATE_INFO_TYPE);
SAME(HYP_PSCI_SYSTEM_OFF, PSCI_0_2_FN_SYSTEM_OFF);
SAME(HYP_PSCI_SYSTEM_RESET, PSCI_0_2_FN_SYSTEM_RESET);
SAME(HYP_PSCI_FEATURES, PSCI_1_0_FN_PSCI_FEATURES);
SAME(HYP_PSCI_SYSTEM_RESET2, PSCI_1_1_FN64_SYSTEM_RESET2);
SAME(HYP_PSCI_VERSION_0_2, PSCI_VERSION(0, 2));
SAME(HYP_PSCI_VERSION_1_0, PSCI_VERSION(1, 0));
SAME(HYP_PSCI_VERSION_1_1, PSCI_VERSION(1, 1));
SAME(HYP_PSCI_RESET2_VENDOR, PSCI_1_1_RESET_TYPE_VENDOR_START);
SAME(HYP_PSCI_AFFINITY_ON, PSCI_0_2_AFFINITY_LEVEL_ON);
SAME(HYP_PSCI_AFFINITY_OFF, PSCI_0_2_AFFINITY_LEVEL_OFF);
SAME(HYP_PSCI_AFFINITY_ON_PENDING, PSCI_0_2_AFFINITY_LEVEL_ON_PENDING);
SAME(HYP_PSCI_RET_SUCCESS, PSCI_RET_SUCCESS);
SAME(HYP_PSCI_RET_NOT_SUPPORTED, PSCI_RET_NOT_SUPPORTED);
SAME(HYP_PSCI_RET_INVALID_PARAMS, PSCI_RET_INVALID_PARAMS);
SAME(HYP_PSCI_RET_DENIED, PSCI_RET_DENIED);
SAME(HYP_PSCI_RET_ALREADY_ON, PSCI_RET_ALREADY_ON);
SAME(HYP_PSCI_RET_ON_PENDING, PSCI_RET_ON_PENDING);
SAME(HYP_PSCI_RET_INTERNAL_FAILURE, PSCI_RET_INTERNAL_FAILURE);
SAME(HYP_PSCI_RET_NOT_PRESENT, PSCI_RET_NOT_PRESENT);
SAME(HYP_PSCI_RET_DISABLED, PSCI_RET_DISABLED);
SAME(HYP_PSCI_RET_INVALID_ADDRESS, PSCI_RET_INVALID_ADDRESS);

/* The ID layout macro reproduces the numbers (DEN0028, "Function Identifiers"). */
SAME(HYP_SMCCC_ID(0, HYP_SMCCC_OWNER_STANDARD, 0), HYP_PSCI_VERSION);
SAME(HYP_SMCCC_ID(1, HYP_SMCCC_OWNER_STANDARD, 3), HYP_PSCI_CPU_ON);
SAME(HYP_SMCCC_ID(1, HYP_SMCCC_OWNER_STANDARD, 0x53), HYP_TRNG_RND64);
SAME(HYP_SMCCC_ID(0, HYP_SMCCC_OWNER_VENDOR_HYP, 0xff01), HYP_SMCCC_VENDOR_HYP_CALL_UID);
SAME(HYP_SMCCC_ID(0, HYP_SMCCC_OWNER_STD_HYP, 0xff01), HYP_SMCCC_STD_HYP_CALL_UID);
SAME(HYP_SMCCC_ID(0, HYP_SMCCC_OWNER_VENDOR_HYP, 1), HYP_SMCCC_KVM_PTP);

/* A UUID's bytes, four to a register, the first byte lowest (DEN0028, "General Service Queries"). */
static uint32_t uid_word(const xen_uuid_t *u, unsigned int w)
{
	const unsigned char *b = u->a + 4 * w;

	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static void test_xen_uid(void **state)
{
	const xen_uuid_t uid = XEN_SMCCC_UID;

	(void)state;
	assert_int_equal(uid_word(&uid, 0), HYP_SMCCC_UID_XEN_0);
	assert_int_equal(uid_word(&uid, 1), HYP_SMCCC_UID_XEN_1);
	assert_int_equal(uid_word(&uid, 2), HYP_SMCCC_UID_XEN_2);
	assert_int_equal(uid_word(&uid, 3), HYP_SMCCC_UID_XEN_3);
}

static void test_is_psci(void **state)
{
	(void)state;
	assert_true(hyp_smccc_is_psci(HYP_PSCI_VERSION));
	assert_true(hyp_smccc_is_psci(HYP_PSCI_SYSTEM_RESET2));
	assert_true(hyp_smccc_is_psci(0x8400001f));
	assert_false(hyp_smccc_is_psci(0x84000020));
	assert_false(hyp_smccc_is_psci(HYP_TRNG_VERSION));
	assert_false(hyp_smccc_is_psci(HYP_SMCCC_VERSION));
	assert_false(hyp_smccc_is_psci(0x83ffffff));
}

static void test_errors(void **state)
{
	(void)state;
	/* 64-bit sign extension and a bare W result (upper half 0) read the same. */
	assert_int_equal(hyp_smccc_error(-1), HYP_ENOSYS);
	assert_int_equal(hyp_smccc_error(0xffffffffl), HYP_ENOSYS);
	assert_int_equal(hyp_smccc_error(-2), HYP_EOPNOTSUPP);
	assert_int_equal(hyp_smccc_error(-3), HYP_EINVAL);
	assert_int_equal(hyp_smccc_error(-4), HYP_EIO);
	assert_int_equal(hyp_smccc_error(0x10001), 0x10001);
	assert_int_equal(hyp_smccc_error(0), HYP_OK);      /* SMCCC_RET_SUCCESS */
	assert_int_equal(hyp_smccc_error(HYP_ENOTINIT), HYP_EIO);        /* the hypervisor's answer, not a gate */
	assert_int_equal(hyp_smccc_error(HYP_ENOHYP), HYP_EIO);        /* the hypervisor's answer, not a gate */
	assert_int_equal(hyp_psci_error(PSCI_RET_SUCCESS), HYP_OK);
	assert_int_equal(hyp_psci_error(1), 1);     /* AFFINITY_INFO: OFF */
	assert_int_equal(hyp_psci_error(PSCI_RET_NOT_SUPPORTED), HYP_ENOSYS);
	assert_int_equal(hyp_psci_error(PSCI_RET_INVALID_PARAMS), HYP_EINVAL);
	assert_int_equal(hyp_psci_error(PSCI_RET_DENIED), HYP_EPERM);
	assert_int_equal(hyp_psci_error(PSCI_RET_ALREADY_ON), HYP_EEXIST);
	assert_int_equal(hyp_psci_error(PSCI_RET_ON_PENDING), HYP_EBUSY);
	assert_int_equal(hyp_psci_error(PSCI_RET_INTERNAL_FAILURE), HYP_EIO);
	assert_int_equal(hyp_psci_error(PSCI_RET_NOT_PRESENT), HYP_ENODEV);
	assert_int_equal(hyp_psci_error(PSCI_RET_DISABLED), HYP_EOPNOTSUPP);
	assert_int_equal(hyp_psci_error(PSCI_RET_INVALID_ADDRESS), HYP_EFAULT);
	assert_int_equal(hyp_psci_error(-10), HYP_EIO);
	assert_int_equal(hyp_psci_error(0xfffffffel), HYP_EINVAL);
	assert_int_equal(hyp_psci_error(HYP_ENOHYP), HYP_EIO);        /* the hypervisor's answer, not a gate */
	assert_int_equal(hyp_trng_error(HYP_TRNG_RET_NOT_SUPPORTED), HYP_ENOSYS);
	assert_int_equal(hyp_trng_error(HYP_TRNG_RET_INVALID_PARAMETERS), HYP_EINVAL);
	assert_int_equal(hyp_trng_error(HYP_TRNG_RET_NO_ENTROPY), HYP_EAGAIN);
	assert_int_equal(hyp_trng_error(0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xen_uid),
		cmocka_unit_test(test_is_psci),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
