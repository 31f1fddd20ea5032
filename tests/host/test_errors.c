/* SPDX-License-Identifier: MIT */
/* The error model: KVM's raw values mapped, names of every code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <limits.h>

#include <hyp/hyp.h>
#include <hyp/smccc.h>
#include <hyp/sbi.h>

#include <errno.h>
#include <linux/kvm_para.h>

/* Every errno Xen's public header lists (its X-macro form). */
static const int xen_errnos[] = {
#define XEN_ERRNO(name, value) value,
#include <xen/errno.h>
#undef XEN_ERRNO
};

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
	assert_int_equal(hyp_kvm_error(HYP_ENOHYP), HYP_EIO);     /* the hypervisor's -4003 */
	assert_int_equal(hyp_kvm_error(HYP_ENOTINIT), HYP_EIO);
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
		{ HYP_ENODEV, "HYP_ENODEV" }, { HYP_ENOHYP, "HYP_ENOHYP" }, { HYP_ENOCONDUIT, "HYP_ENOCONDUIT" }, { HYP_EINVAL, "HYP_EINVAL" },
		{ HYP_ENOSPC, "HYP_ENOSPC" }, { HYP_ERANGE, "HYP_ERANGE" },
		{ HYP_ENOSYS, "HYP_ENOSYS" }, { HYP_EOPNOTSUPP, "HYP_EOPNOTSUPP" },
		{ HYP_ETIMEDOUT, "HYP_ETIMEDOUT" }, { HYP_ENOTINIT, "HYP_ENOTINIT" },
		{ HYP_EBADDT, "HYP_EBADDT" }, { HYP_ENOSERVICE, "HYP_ENOSERVICE" },
		{ 5, "HYP_OK" }, { -9999, "HYP_E?" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		assert_string_equal(hyp_strerror(table[i].code), table[i].name);
	/* Errno-valued codes are Linux's numbers, so a kernel can pass them on. */
	assert_int_equal(HYP_EINVAL, -22);
	assert_int_equal(HYP_ENOSYS, -38);
	assert_int_equal(HYP_EOPNOTSUPP, -95);
}

typedef int (*mapping_fn)(long raw);

/*
 * Every raw value a hypervisor can answer, the library range and its edges
 * included, maps to an errno-valued code: a hypervisor answering -4001 is
 * not "hyp_init() has not run" (issue 25). A closed gate's code is the
 * typed call's to return (hyp_<family>_answer), never a map's.
 */
static void check_mapping(const char *family, mapping_fn map)
{
	static const long extremes[] = { LONG_MIN, LONG_MIN + 1, INT_MIN, INT_MIN + 1L, -(1L << 32),
					 -(1L << 40), LONG_MAX, INT_MAX, 1L << 32 };

	for (long raw = -70000; raw <= 70000; raw++) {
		int r;

		r = map(raw);
		if (HYP_IS_LIBRARY_ERROR(r) || r < -200)
			fail_msg("%s: raw %ld mapped to %d (%s): not an errno-valued code", family, raw,
				 r, hyp_strerror(r));
	}
	for (size_t i = 0; i < sizeof(extremes) / sizeof(extremes[0]); i++) {
		int r = map(extremes[i]);

		assert_false(HYP_IS_LIBRARY_ERROR(r));
		assert_true(r >= -200);
	}
	for (long raw = HYP_ELIB_MIN - 2; raw <= HYP_ELIB_MAX + 2; raw++)
		if (map(raw) != HYP_EIO && !(raw > HYP_ELIB_MAX || raw < HYP_ELIB_MIN))
			fail_msg("%s: raw %ld mapped to %d (%s), not HYP_EIO", family, raw, map(raw),
				 hyp_strerror(map(raw)));
	/* the same values as a 32-bit register (SMC32, int-returning stubs) sign- or zero-extended */
	for (long raw = HYP_ELIB_MIN; raw <= HYP_ELIB_MAX; raw++)
		assert_false(HYP_IS_LIBRARY_ERROR(map((long)(uint32_t)raw)));
}

static int hyperv_map(long raw)
{
	return hyp_hyperv_error(raw);
}

/* No library code is a value any family's hypervisor answers, or one a mapping produces. */
static void library_codes_apart(void **state)
{
	static const int library[] = { HYP_ENOTINIT, HYP_EBADDT, HYP_ENOHYP, HYP_ENOSERVICE,
					 HYP_ENOCONDUIT };
	static const long kvm_codes[] = { -KVM_ENOSYS, -KVM_EFAULT, -KVM_EINVAL, -KVM_E2BIG,
					  -KVM_EPERM, -KVM_EOPNOTSUPP };

	(void)state;
	for (size_t i = 0; i < sizeof(library) / sizeof(library[0]); i++) {
		assert_true(HYP_IS_LIBRARY_ERROR(library[i]));
		assert_string_not_equal(hyp_strerror(library[i]), "HYP_E?");
	}
	assert_false(HYP_IS_LIBRARY_ERROR(HYP_ENODEV));
	for (size_t i = 0; i < sizeof(kvm_codes) / sizeof(kvm_codes[0]); i++)
		assert_false(HYP_IS_LIBRARY_ERROR(kvm_codes[i]));
	for (size_t i = 0; i < sizeof(xen_errnos) / sizeof(xen_errnos[0]); i++)
		assert_false(HYP_IS_LIBRARY_ERROR(-xen_errnos[i]));
	/* ePAPR status codes are positive; PAPR's are LoPAPR's H_* (papr_abi.h). */
	assert_true(HYP_EV_BUFFER_OVERFLOW > 0 && HYP_EV_UNIMPLEMENTED > 0);
	assert_false(HYP_IS_LIBRARY_ERROR(HYP_PAPR_H_IN_USE));
	check_mapping("kvm", hyp_kvm_error);
	check_mapping("xen", hyp_xen_error);
	check_mapping("epapr", hyp_epapr_error);
	check_mapping("papr", hyp_papr_error);
	check_mapping("sbi", hyp_sbi_error);
	check_mapping("smccc", hyp_smccc_error);
	check_mapping("psci", hyp_psci_error);
	check_mapping("trng", hyp_trng_error);
	check_mapping("hyperv", hyperv_map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kvm_mapping),
		cmocka_unit_test(names),
		cmocka_unit_test(library_codes_apart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
