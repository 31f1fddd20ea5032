/* SPDX-License-Identifier: MIT */
/* SBI: error codes into the error model, implementation IDs, extension bits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <hyp/sbi.h>

static void errors(void **state)
{
	static const struct { long sbi; int hyp; } table[] = {
		{ HYP_SBI_SUCCESS, HYP_OK },
		{ HYP_SBI_ERR_FAILED, HYP_EIO },
		{ HYP_SBI_ERR_NOT_SUPPORTED, HYP_ENOSYS },
		{ HYP_SBI_ERR_INVALID_PARAM, HYP_EINVAL },
		{ HYP_SBI_ERR_DENIED, HYP_EPERM },
		{ HYP_SBI_ERR_INVALID_ADDRESS, HYP_EFAULT },
		{ HYP_SBI_ERR_ALREADY_AVAILABLE, HYP_EEXIST },
		{ HYP_SBI_ERR_ALREADY_STARTED, HYP_EALREADY },
		{ HYP_SBI_ERR_ALREADY_STOPPED, HYP_EALREADY },
		{ HYP_SBI_ERR_NO_SHMEM, HYP_ENOMEM },
		{ HYP_SBI_ERR_INVALID_STATE, HYP_EBUSY },
		{ HYP_SBI_ERR_BAD_RANGE, HYP_ERANGE },
		{ HYP_SBI_ERR_TIMEOUT, HYP_ETIMEDOUT },
		{ HYP_SBI_ERR_IO, HYP_EIO },
		{ -14, HYP_EIO }, { -38, HYP_EIO }, { 1, HYP_EIO }, { -0x7fffffffL, HYP_EIO },
		{ HYP_ENOTINIT, HYP_EIO }, { HYP_ENOHYP, HYP_EIO },   /* an answer, not a gate */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		assert_int_equal(hyp_sbi_error(table[i].sbi), table[i].hyp);
	assert_string_equal(hyp_strerror(HYP_EALREADY), "HYP_EALREADY");
	assert_int_equal(HYP_EALREADY, -114);   /* Linux's EALREADY */
}

static void implementations(void **state)
{
	(void)state;
	assert_string_equal(hyp_sbi_impl_name(HYP_SBI_IMPL_OPENSBI), "OpenSBI");
	assert_string_equal(hyp_sbi_impl_name(HYP_SBI_IMPL_KVM), "KVM");
	assert_string_equal(hyp_sbi_impl_name(HYP_SBI_IMPL_XEN), "Xen");
	assert_string_equal(hyp_sbi_impl_name(HYP_SBI_IMPL_RUSTSBI), "RustSBI");
	assert_string_equal(hyp_sbi_impl_name(HYP_SBI_IMPL_BHYVE), "bhyve");
	assert_string_equal(hyp_sbi_impl_name(12), "unknown");
	assert_string_equal(hyp_sbi_impl_name(~0ul), "unknown");
	for (unsigned long id = 0; id <= 12; id++)
		assert_int_equal(hyp_sbi_impl_is_hypervisor(id),
				 id == 2 || id == 3 || id == 5 || id == 7 || id == 11);
}

static void extension_bits(void **state)
{
	(void)state;
	assert_int_equal(hyp_sbi_ext_of_bit(0), HYP_SBI_EXT_BASE);
	assert_int_equal(hyp_sbi_ext_of_bit(7), HYP_SBI_EXT_DBCN);
	assert_int_equal(hyp_sbi_ext_of_bit(11), HYP_SBI_EXT_STA);
	assert_int_equal(hyp_sbi_ext_of_bit(12), ~0ul);
	assert_int_equal(hyp_sbi_ext_of_bit(15), ~0ul);
	for (unsigned int eid = 0; eid <= 8; eid++)
		assert_int_equal(hyp_sbi_ext_of_bit(16 + eid), eid);
	assert_int_equal(hyp_sbi_ext_of_bit(25), ~0ul);
	assert_int_equal(hyp_sbi_ext_of_bit(~0u), ~0ul);
	/* Every HYP_SBI_HAS_* bit has its EID, and no two share one. */
	assert_int_equal(hyp_sbi_ext_of_bit(__builtin_ctz(HYP_SBI_HAS_TIME)), HYP_SBI_EXT_TIME);
	assert_int_equal(hyp_sbi_ext_of_bit(__builtin_ctz(HYP_SBI_HAS_SUSP)), HYP_SBI_EXT_SUSP);
	assert_int_equal(HYP_SBI_HAS_LEGACY_ALL, HYP_SBI_HAS_LEGACY(0) * 0x1ff);
	assert_int_equal(sizeof(struct hyp_sbi_sta_shmem), 64);
	assert_int_equal(offsetof(struct hyp_sbi_sta_shmem, steal), 8);
	assert_int_equal(offsetof(struct hyp_sbi_sta_shmem, preempted), 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(errors),
		cmocka_unit_test(implementations),
		cmocka_unit_test(extension_bits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
