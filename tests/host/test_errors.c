/* SPDX-License-Identifier: MIT */
/* The error model: KVM's raw values mapped, names of every code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <hyp/hyp.h>

static void kvm_mapping(void **state)
{
	(void)state;
	assert_int_equal(hyp_kvm_error(0), HYP_OK);
	assert_int_equal(hyp_kvm_error(3), 3);
	assert_int_equal(hyp_kvm_error(0x7fffffffL), 0x7fffffff);
	assert_int_equal(hyp_kvm_error(0x100000000L), 0x7fffffff);
	assert_int_equal(hyp_kvm_error(-1000), HYP_ENOSYS);
	assert_int_equal(hyp_kvm_error(-95), HYP_EOPNOTSUPP);
	assert_int_equal(hyp_kvm_error(-14), HYP_EFAULT);
	assert_int_equal(hyp_kvm_error(-22), HYP_EINVAL);
	assert_int_equal(hyp_kvm_error(-7), HYP_E2BIG);
	assert_int_equal(hyp_kvm_error(-1), HYP_EPERM);
	assert_int_equal(hyp_kvm_error(HYP_ENOHYP), HYP_ENOHYP);
	assert_int_equal(hyp_kvm_error(HYP_ENOTINIT), HYP_ENOTINIT);
	assert_int_equal(hyp_kvm_error(-38), HYP_EIO);     /* not a KVM code */
	assert_int_equal(hyp_kvm_error(-12345), HYP_EIO);
}

static void names(void **state)
{
	static const struct { int code; const char *name; } table[] = {
		{ HYP_OK, "HYP_OK" }, { HYP_EPERM, "HYP_EPERM" }, { HYP_ENOENT, "HYP_ENOENT" },
		{ HYP_EINTR, "HYP_EINTR" }, { HYP_EIO, "HYP_EIO" }, { HYP_E2BIG, "HYP_E2BIG" },
		{ HYP_EAGAIN, "HYP_EAGAIN" }, { HYP_ENOMEM, "HYP_ENOMEM" },
		{ HYP_EFAULT, "HYP_EFAULT" }, { HYP_EBUSY, "HYP_EBUSY" }, { HYP_EEXIST, "HYP_EEXIST" },
		{ HYP_ENODEV, "HYP_ENODEV" }, { HYP_ENOHYP, "HYP_ENOHYP" }, { HYP_EINVAL, "HYP_EINVAL" },
		{ HYP_ENOSPC, "HYP_ENOSPC" }, { HYP_ERANGE, "HYP_ERANGE" },
		{ HYP_ENOSYS, "HYP_ENOSYS" }, { HYP_EOPNOTSUPP, "HYP_EOPNOTSUPP" },
		{ HYP_ETIMEDOUT, "HYP_ETIMEDOUT" }, { HYP_ENOTINIT, "HYP_ENOTINIT" },
		{ HYP_EBADDT, "HYP_EBADDT" }, { 5, "HYP_OK" }, { -9999, "HYP_E?" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		assert_string_equal(hyp_strerror(table[i].code), table[i].name);
	/* Errno-valued codes are Linux's numbers, so a kernel can pass them on. */
	assert_int_equal(HYP_EINVAL, -22);
	assert_int_equal(HYP_ENOSYS, -38);
	assert_int_equal(HYP_EOPNOTSUPP, -95);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kvm_mapping),
		cmocka_unit_test(names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
