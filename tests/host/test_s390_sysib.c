/* SPDX-License-Identifier: MIT */
/*
 * s390x detection from STSI blocks, with the blocks each host stores:
 * QEMU TCG (target/s390x/tcg/misc_helper.c; seen with QEMU 7.2), KVM
 * (Linux arch/s390/kvm/priv.c, handle_stsi_3_2_2: it shifts the outer
 * levels up and puts itself in vm[0]), z/VM (CPI "z/VM").
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "s390/sysib.h"

static uint8_t page322[HYP_S390_SYSIB_SIZE];
static uint8_t page111[HYP_S390_SYSIB_SIZE];

static uint8_t to_ebcdic(char c)
{
	if (c >= 'A' && c <= 'I') return (uint8_t)(0xc1 + (c - 'A'));
	if (c >= 'J' && c <= 'R') return (uint8_t)(0xd1 + (c - 'J'));
	if (c >= 'S' && c <= 'Z') return (uint8_t)(0xe2 + (c - 'S'));
	if (c >= 'a' && c <= 'i') return (uint8_t)(0x81 + (c - 'a'));
	if (c >= 'j' && c <= 'r') return (uint8_t)(0x91 + (c - 'j'));
	if (c >= 's' && c <= 'z') return (uint8_t)(0xa2 + (c - 's'));
	if (c >= '0' && c <= '9') return (uint8_t)(0xf0 + (c - '0'));
	if (c == '/') return 0x61;
	if (c == '.') return 0x4b;
	return 0x40;
}

/* Blank-padded EBCDIC field. */
static void put(uint8_t *field, const char *text, size_t n)
{
	for (size_t i = 0; i < n; i++)
		field[i] = to_ebcdic(*text ? *text++ : ' ');
}

/* vm[level] of SYSIB 3.2.2: name at +12, CPI at +24 (64-byte entries from 32). */
static void put_vm(unsigned int level, const char *name, const char *cpi)
{
	put(&page322[32 + 64 * level + 12], name, 8);
	put(&page322[32 + 64 * level + 24], cpi, 16);
}

static void pages(unsigned int count, const char *manuf)
{
	memset(page322, 0, sizeof(page322));
	memset(page111, 0, sizeof(page111));
	page322[31] = (uint8_t)count;
	put(&page111[32], manuf, 16);
}

static struct hyp_info read_info(bool have111)
{
	struct hyp_info info = { .kind = HYP_KIND_NONE };

	hyp_s390_read_sysib(page322, have111 ? page111 : NULL, &info);
	return info;
}

static void qemu_tcg(void **state)
{
	struct hyp_info info;

	(void)state;
	pages(1, "QEMU");
	put_vm(0, "TCGguest", "KVM/Linux");
	info = read_info(true);
	assert_int_equal(info.kind, HYP_KIND_TCG);
	assert_true(info.families & HYP_FAMILY_KVM);
	assert_string_equal(info.signature, "KVM/Linux");
	assert_string_equal(info.s390_vm_name, "TCGguest");
	assert_int_equal(info.s390_diag500_codes, (1u << 0) | (1u << 3));
}

static void kvm_on_lpar(void **state)
{
	struct hyp_info info;

	(void)state;
	pages(1, "IBM");
	put_vm(0, "KVMguest", "KVM/Linux");
	info = read_info(true);
	assert_int_equal(info.kind, HYP_KIND_KVM);
	assert_true(info.families & HYP_FAMILY_KVM);
	assert_string_equal(info.s390_vm_name, "KVMguest");
	assert_int_equal(info.s390_diag500_codes, 1u << 3);
}

static void kvm_under_zvm(void **state)
{
	struct hyp_info info;

	(void)state;
	pages(2, "IBM");
	put_vm(0, "guest1", "KVM/Linux");
	put_vm(1, "LINUX01", "z/VM    7.3.0");
	info = read_info(true);
	assert_int_equal(info.kind, HYP_KIND_KVM);
	assert_string_equal(info.s390_vm_name, "guest1");
}

static void kvm_without_sysib111(void **state)
{
	struct hyp_info info;

	(void)state;
	pages(1, "");
	put_vm(0, "KVMguest", "KVM/Linux");
	info = read_info(false);
	assert_int_equal(info.kind, HYP_KIND_KVM);
}

static void zvm(void **state)
{
	struct hyp_info info;

	(void)state;
	pages(1, "IBM");
	put_vm(0, "LINUX01", "z/VM    7.3.0");
	info = read_info(true);
	assert_int_equal(info.kind, HYP_KIND_UNKNOWN);
	assert_false(info.families & HYP_FAMILY_KVM);
	assert_int_equal(info.s390_diag500_codes, 0);
	assert_string_equal(info.signature, "z/VM    7.3.0");
}

static void no_levels(void **state)
{
	struct hyp_info info;

	(void)state;
	pages(0, "QEMU");
	put_vm(0, "TCGguest", "KVM/Linux");
	info = read_info(true);
	assert_int_equal(info.kind, HYP_KIND_NONE);
	assert_int_equal(info.families, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(qemu_tcg),
		cmocka_unit_test(kvm_on_lpar),
		cmocka_unit_test(kvm_under_zvm),
		cmocka_unit_test(kvm_without_sysib111),
		cmocka_unit_test(zvm),
		cmocka_unit_test(no_levels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
