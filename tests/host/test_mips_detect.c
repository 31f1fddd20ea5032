/* SPDX-License-Identifier: MIT */
/*
 * MIPS detection (lib/mips/mips_detect.c, built for the host with the portable
 * core): the kernel's declared kind, else the device tree's /hypervisor node.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include <hyp/hyp.h>

static unsigned char *load(const char *name, size_t *size)
{
	char path[512];
	FILE *f;
	unsigned char *buf = malloc(1 << 16);

	snprintf(path, sizeof(path), "%s/%s", HYP_FDT_DIR, name);
	f = fopen(path, "rb");
	assert_non_null(f);
	*size = fread(buf, 1, 1 << 16, f);
	fclose(f);
	return buf;
}

static void declared_kvm(void **state)
{
	struct hyp_platform plat = { .declared_kind = HYP_KIND_KVM };
	struct hyp_info info;

	(void)state;
	assert_int_equal(hyp_detect(&plat, &info), HYP_OK);
	assert_int_equal(info.kind, HYP_KIND_KVM);
	assert_int_equal(info.families, HYP_FAMILY_KVM);
}

static void nothing_declared(void **state)
{
	struct hyp_platform plat = { 0 };
	struct hyp_info info;

	(void)state;
	assert_int_equal(hyp_detect(&plat, &info), HYP_OK);
	assert_int_equal(info.kind, HYP_KIND_NONE);
	assert_int_equal(info.families, 0);
}

static void fdt_hypervisor_linux_kvm(void **state)
{
	size_t size;
	unsigned char *dtb = load("hv.dtb", &size);
	struct hyp_platform plat = { .fdt = dtb, .fdt_size = size };
	struct hyp_info info;

	(void)state;
	assert_int_equal(hyp_detect(&plat, &info), HYP_OK);
	assert_int_equal(info.kind, HYP_KIND_KVM);
	assert_int_equal(info.families, HYP_FAMILY_KVM);
	free(dtb);
}

static void fdt_without_hypervisor(void **state)
{
	size_t size;
	unsigned char *dtb = load("nohv.dtb", &size);
	struct hyp_platform plat = { .fdt = dtb, .fdt_size = size };
	struct hyp_info info;

	(void)state;
	assert_int_equal(hyp_detect(&plat, &info), HYP_OK);
	assert_int_equal(info.kind, HYP_KIND_NONE);
	/* The kernel's word wins over a tree that says nothing. */
	plat.declared_kind = HYP_KIND_KVM;
	assert_int_equal(hyp_detect(&plat, &info), HYP_OK);
	assert_int_equal(info.kind, HYP_KIND_KVM);
	free(dtb);
}

static void fdt_truncated_or_bad(void **state)
{
	size_t size;
	unsigned char *dtb = load("hv.dtb", &size);
	struct hyp_platform plat = { .fdt = dtb, .fdt_size = size / 2 };
	struct hyp_info info;

	(void)state;
	assert_int_equal(hyp_detect(&plat, &info), HYP_EBADDT);
	plat.fdt_size = size;
	dtb[0] ^= 0xff;
	assert_int_equal(hyp_detect(&plat, &info), HYP_EBADDT);
	plat.declared_kind = (enum hyp_kind)(HYP_KIND_UNKNOWN + 1);
	assert_int_equal(hyp_detect(&plat, &info), HYP_EINVAL);
	free(dtb);
}

static void init_from_fdt_opens_gate(void **state)
{
	size_t size;
	unsigned char *dtb = load("hv.dtb", &size);
	struct hyp_platform plat = { .fdt = dtb, .fdt_size = size };

	(void)state;
	assert_int_equal(hyp_kvm_gate, HYP_GATE_UNINIT);
	assert_int_equal(hyp_init(&plat), HYP_OK);
	assert_int_equal(hyp_kvm_gate, HYP_GATE_OPEN);
	assert_int_equal(hyp_get_info()->kind, HYP_KIND_KVM);
	free(dtb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(declared_kvm),
		cmocka_unit_test(nothing_declared),
		cmocka_unit_test(fdt_hypervisor_linux_kvm),
		cmocka_unit_test(fdt_without_hypervisor),
		cmocka_unit_test(fdt_truncated_or_bad),
		cmocka_unit_test(init_from_fdt_opens_gate),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
