/* SPDX-License-Identifier: MIT */
/*
 * Xen: the error model, the hypercall page checks and the gates before
 * hyp_init(). Values and layouts are checked at compile time in
 * xen_abi_checks.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <hyp/hyp.h>

int hyp_xen_abi_checked(void);

static void test_abi_checked(void **state)
{
	(void)state;
	assert_int_equal(hyp_xen_abi_checked(), 1);
}

static void test_error_model(void **state)
{
	(void)state;
	assert_int_equal(hyp_xen_error(0), 0);
	assert_int_equal(hyp_xen_error(0x40011), 0x40011);
	assert_int_equal(hyp_xen_error(0x7fffffffffL + 1), __INT_MAX__);
	assert_int_equal(hyp_xen_error(-38), HYP_ENOSYS);
	assert_int_equal(hyp_xen_error(-1), HYP_EPERM);
	assert_int_equal(hyp_xen_error(-13), HYP_EPERM);
	assert_int_equal(hyp_xen_error(-2), HYP_ENOENT);
	assert_int_equal(hyp_xen_error(-3), HYP_ENOENT);
	assert_int_equal(hyp_xen_error(-9), HYP_EINVAL);
	assert_int_equal(hyp_xen_error(-14), HYP_EFAULT);
	assert_int_equal(hyp_xen_error(-17), HYP_EEXIST);
	assert_int_equal(hyp_xen_error(-22), HYP_EINVAL);
	assert_int_equal(hyp_xen_error(-95), HYP_EOPNOTSUPP);
	assert_int_equal(hyp_xen_error(-110), HYP_ETIMEDOUT);
	assert_int_equal(hyp_xen_error(-85), HYP_EIO);      /* ERESTART never reaches a guest */
	assert_int_equal(hyp_xen_error(-4000), HYP_EIO);
	assert_int_equal(hyp_xen_error(HYP_ENOTINIT), HYP_EIO);        /* the hypervisor's answer, not a gate */
	assert_int_equal(hyp_xen_error(HYP_ENOHYP), HYP_EIO);        /* the hypervisor's answer, not a gate */
	assert_int_equal(hyp_xen_error(-HYP_XEN_ENODEV), HYP_ENODEV);
}

static _Alignas(4096) unsigned char page[4096];

/* What Xen 4.17 writes for an Intel HVM guest: b8 imm32; 0f 01 c1; c3; iret ud2. */
static void xen_hvm_page(unsigned char *p, unsigned char last)
{
	memset(p, 0xcc, 4096);
	for (uint32_t op = 0; op < 128; op++) {
		unsigned char *s = p + op * 32;

		if (op == HYP_XEN_HYPERCALL_iret) {
			s[0] = 0x0f;
			s[1] = 0x0b;
			continue;
		}
		s[0] = 0xb8;
		memcpy(s + 1, &op, 4);
		s[5] = 0x0f;
		s[6] = 0x01;
		s[7] = last;
		s[8] = 0xc3;
	}
}

/* 64-bit PV: push %rcx; push %r11; mov $op, %eax; syscall; pop %r11; pop %rcx; ret. */
static void xen_pv_page(unsigned char *p)
{
	static const unsigned char head[] = { 0x51, 0x41, 0x53, 0xb8 };
	static const unsigned char tail[] = { 0x0f, 0x05, 0x41, 0x5b, 0x59, 0xc3 };

	memset(p, 0xcc, 4096);
	for (uint32_t op = 0; op < 128; op++) {
		unsigned char *s = p + op * 32;

		memcpy(s, head, sizeof(head));
		memcpy(s + 4, &op, 4);
		memcpy(s + 8, tail, sizeof(tail));
	}
}

static void test_page_checks(void **state)
{
	(void)state;
	hyp_xen_hypercall_page_fill(page);
	assert_false(hyp_xen_hypercall_page_valid(page));
	for (unsigned int slot = 0; slot < 128; slot++) {
		assert_int_equal(page[slot * 32], 0x0f);        /* ud2 */
		assert_int_equal(page[slot * 32 + 1], 0x0b);
		assert_int_equal(page[slot * 32 + 2], 0xcc);
	}
	xen_hvm_page(page, 0xc1);
	assert_true(hyp_xen_hypercall_page_valid(page));
	xen_hvm_page(page, 0xd9);
	assert_true(hyp_xen_hypercall_page_valid(page));
	xen_pv_page(page);
	assert_true(hyp_xen_hypercall_page_valid(page));
	page[17 * 32 + 4] = 18;                                 /* xen_version's slot loads 18 */
	assert_false(hyp_xen_hypercall_page_valid(page));
	xen_hvm_page(page, 0xc1);
	memset(page + 127 * 32, 0xcc, 32);                      /* last slot left unwritten */
	assert_false(hyp_xen_hypercall_page_valid(page));
	assert_false(hyp_xen_hypercall_page_valid(NULL));
}

static void test_before_init(void **state)
{
	(void)state;
	/* No instruction runs through a closed gate. */
	assert_int_equal(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_xen_version, 0, 0), HYP_ENOTINIT);
	assert_int_equal(hyp_xen_version(), HYP_ENOTINIT);
	assert_int_equal(hyp_xen_sched_yield(), HYP_ENOTINIT);
	assert_int_equal(hyp_xen_sched_block(), HYP_ENOTINIT);
	assert_int_equal(hyp_xen_set_hypercall_page(page), HYP_ENOTINIT);
	assert_int_equal(hyp_xen_mode(), HYP_XEN_MODE_NONE);
	assert_int_equal(hyp_xen_sched_shutdown(HYP_XEN_SHUTDOWN_MAX + 1), HYP_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_abi_checked),
		cmocka_unit_test(test_error_model),
		cmocka_unit_test(test_page_checks),
		cmocka_unit_test(test_before_init),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
