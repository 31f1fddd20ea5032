/* SPDX-License-Identifier: MIT */
/*
 * lib/fdt.c against libfdt (Debian libfdt-dev) on dtc-built trees, plus
 * truncated and corrupted blobs. Built with ASan/UBSan: every blob sits in
 * its own exactly-sized heap buffer, so a read past it is a finding.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libfdt.h>

#include <hyp/fdt.h>

static const char *const dtb_names[] = { "hv", "nohv", "unit", "badlen", "toolong" };
#define NDTB (sizeof(dtb_names) / sizeof(dtb_names[0]))

static void *load(const char *name, size_t *size)
{
	char path[512];
	FILE *f;
	void *buf;
	long n;

	snprintf(path, sizeof(path), "%s/%s.dtb", HYP_FDT_DIR, name);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*size = (size_t)n;
	return buf;
}

/* Every node and property as libfdt sees them must read the same here. */
static int libfdt_as_hyp(int r)
{
	return r >= 0 ? r : r == -FDT_ERR_NOTFOUND ? HYP_ENOENT : HYP_EBADDT;
}

static void compare_with_libfdt(const void *blob, size_t size, bool uniq_names)
{
	struct hyp_fdt f;
	int node;

	assert_int_equal(fdt_check_full(blob, size), 0);
	assert_int_equal(hyp_fdt_open(&f, blob, size), HYP_OK);
	for (node = 0; node >= 0; node = fdt_next_node(blob, node, NULL)) {
		char path[256], shortpath[300];
		const char *at;
		int prop;

		if (fdt_get_path(blob, node, path, sizeof(path)) != 0) {
			assert_false(uniq_names);   /* corruption libfdt's check misses */
			continue;
		}
		assert_int_equal(hyp_fdt_path_offset(&f, path), libfdt_as_hyp(fdt_path_offset(blob, path)));
		if (uniq_names)
			assert_int_equal(hyp_fdt_path_offset(&f, path), node);
		/* Without the unit address libfdt takes the first "<name>@..." too. */
		at = strrchr(path, '@');
		if (at && !strchr(at, '/')) {
			snprintf(shortpath, sizeof(shortpath), "%.*s", (int)(at - path), path);
			assert_int_equal(hyp_fdt_path_offset(&f, shortpath),
					 libfdt_as_hyp(fdt_path_offset(blob, shortpath)));
		}
		/* Paths that do not exist, including near misses. */
		snprintf(shortpath, sizeof(shortpath), "%s%s", path, node ? "x" : "nonexistent");
		assert_int_equal(hyp_fdt_path_offset(&f, shortpath),
				 libfdt_as_hyp(fdt_path_offset(blob, shortpath)));

		fdt_for_each_property_offset(prop, blob, node) {
			const char *name;
			int len;
			const void *want = fdt_getprop_by_offset(blob, prop, &name, &len);
			const void *got = NULL;
			uint32_t glen = 0;

			assert_non_null(want);
			if (!uniq_names)        /* a corrupted name may repeat: the first one counts */
				want = fdt_getprop(blob, node, name, &len);
			assert_non_null(want);
			assert_int_equal(hyp_fdt_getprop(&f, node, name, &got, &glen), HYP_OK);
			assert_ptr_equal(got, want);
			assert_int_equal(glen, (uint32_t)len);
			/* libfdt compares strlen + 1 bytes while only strlen remain,
			 * so it finds an unterminated last string by reading the byte
			 * after the value; compare terminated lists only. */
			for (int i = 0; len > 0 && ((const char *)want)[len - 1] == '\0' && i < 3; i++) {
				static const char *const probes[] = {
					"linux,kvm", "epapr,hypervisor-1", "ns16550" };
				assert_int_equal(hyp_fdt_stringlist_contains(got, glen, probes[i]),
						 fdt_stringlist_contains(want, len, probes[i]));
			}
			assert_true(len == 0 || ((const char *)want)[len - 1] != '\0' ||
				    hyp_fdt_stringlist_contains(got, glen, (const char *)want) ==
				    fdt_stringlist_contains(want, len, (const char *)want));
		}
		assert_int_equal(hyp_fdt_getprop(&f, node, "no-such-property", NULL, NULL), HYP_ENOENT);
		assert_null(fdt_getprop(blob, node, "no-such-property", NULL));
	}
	/* A handle that is not a node. */
	assert_int_equal(hyp_fdt_getprop(&f, 2, "compatible", NULL, NULL), HYP_EINVAL);
	assert_int_equal(hyp_fdt_path_offset(&f, "relative"), HYP_EINVAL);
}

/* The /hypervisor reading against the same through libfdt. */
static void compare_hypervisor(const void *blob, size_t size)
{
	struct hyp_fdt_hypervisor hv;
	int node = fdt_path_offset(blob, "/hypervisor");
	const void *v;
	int len;

	assert_int_equal(hyp_fdt_read_hypervisor(blob, size, &hv), HYP_OK);
	assert_int_equal(hv.present, node >= 0);
	if (node < 0)
		return;
	v = fdt_getprop(blob, node, "compatible", &len);
	assert_int_equal(hv.compatible_kvm, v && fdt_stringlist_contains(v, len, "linux,kvm"));
	assert_int_equal(hv.compatible_epapr,
			 v && fdt_stringlist_contains(v, len, "epapr,hypervisor-1"));
	assert_int_equal(hv.has_idle, fdt_getprop(blob, node, "has-idle", NULL) != NULL);
	v = fdt_getprop(blob, node, "hcall-instructions", &len);
	assert_int_equal(hv.hcall_present, v != NULL);
	if (!v)
		return;
	assert_int_equal(hv.hcall_len, (uint32_t)len);
	assert_int_equal(hv.hcall_valid, len > 0 && len % 4 == 0 && len <= 16);
	for (int i = 0; hv.hcall_valid && i < len / 4; i++)
		assert_int_equal(hv.hcall[i], fdt32_to_cpu(((const fdt32_t *)v)[i]));
}

static void test_differential(void **state)
{
	(void)state;
	for (size_t i = 0; i < NDTB; i++) {
		size_t size;
		void *blob = load(dtb_names[i], &size);

		compare_with_libfdt(blob, size, true);
		compare_hypervisor(blob, size);
		free(blob);
	}
}

/* NOP tokens (libfdt's fdt_nop_property / fdt_nop_node) are skipped. */
static void test_nops(void **state)
{
	size_t size;
	void *blob = load("hv", &size);
	struct hyp_fdt_hypervisor hv;
	int node;

	(void)state;
	node = fdt_path_offset(blob, "/hypervisor");
	assert_int_equal(fdt_nop_property(blob, node, "compatible"), 0);
	assert_int_equal(fdt_nop_node(blob, fdt_path_offset(blob, "/cpus/cpu@0")), 0);
	compare_with_libfdt(blob, size, true);
	compare_hypervisor(blob, size);
	assert_int_equal(hyp_fdt_read_hypervisor(blob, size, &hv), HYP_OK);
	assert_true(hv.present && !hv.compatible_kvm && hv.has_idle && hv.hcall_valid);
	free(blob);
}

static void test_hypervisor_values(void **state)
{
	struct hyp_fdt_hypervisor hv;
	size_t size;
	void *blob;

	(void)state;
	blob = load("hv", &size);
	assert_int_equal(hyp_fdt_read_hypervisor(blob, size, &hv), HYP_OK);
	assert_true(hv.present && hv.compatible_kvm && hv.compatible_epapr && hv.has_idle);
	assert_true(hv.hcall_valid && hv.hcall_len == 16);
	assert_int_equal(hv.hcall[0], 0x3d60dead);
	assert_int_equal(hv.hcall[3], 0x4e800020);
	free(blob);

	blob = load("nohv", &size);
	assert_int_equal(hyp_fdt_read_hypervisor(blob, size, &hv), HYP_OK);
	assert_false(hv.present);
	free(blob);

	blob = load("unit", &size);     /* "/hypervisor" finds hypervisor@0 */
	assert_int_equal(hyp_fdt_read_hypervisor(blob, size, &hv), HYP_OK);
	assert_true(hv.present && hv.compatible_epapr && !hv.compatible_kvm && hv.hcall_valid);
	free(blob);

	blob = load("badlen", &size);   /* 5 bytes: refused */
	assert_int_equal(hyp_fdt_read_hypervisor(blob, size, &hv), HYP_OK);
	assert_true(hv.hcall_present && !hv.hcall_valid && hv.hcall_len == 5);
	assert_int_equal(hv.hcall[0], 0);
	free(blob);

	blob = load("toolong", &size);  /* 20 bytes: refused; "-10" is not "-1" */
	assert_int_equal(hyp_fdt_read_hypervisor(blob, size, &hv), HYP_OK);
	assert_true(hv.hcall_present && !hv.hcall_valid && hv.hcall_len == 20);
	assert_false(hv.compatible_epapr);
	free(blob);
}

/* Run every reader entry point on a blob; it must not crash. */
static void exercise(const void *blob, size_t size)
{
	struct hyp_fdt f;
	struct hyp_fdt_hypervisor hv;
	static const char *const paths[] = {
		"/", "/hypervisor", "/cpus/cpu@1", "/soc/deep/a/b/c/d/e", "/soc/serial", "/x" };

	(void)hyp_fdt_read_hypervisor(blob, size, &hv);
	if (hyp_fdt_open(&f, blob, size) != HYP_OK)
		return;
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		int node = hyp_fdt_path_offset(&f, paths[i]);
		const void *v;
		uint32_t len;

		assert_true(node >= 0 || node == HYP_ENOENT || node == HYP_EBADDT);
		if (node < 0)
			continue;
		if (hyp_fdt_getprop(&f, node, "compatible", &v, &len) == HYP_OK) {
			assert_true((const uint8_t *)v >= (const uint8_t *)blob &&
				    (const uint8_t *)v + len <= (const uint8_t *)blob + size);
			(void)hyp_fdt_stringlist_contains(v, len, "linux,kvm");
		}
	}
}

static void set_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v;
}

/* Truncated at every length: with the original header (totalsize too big)
 * and with a header rewritten to claim the shorter size. */
static void test_truncation(void **state)
{
	(void)state;
	for (size_t i = 0; i < NDTB; i++) {
		size_t size;
		uint8_t *blob = load(dtb_names[i], &size);

		for (size_t len = 0; len < size; len++) {
			uint8_t *cut = malloc(len ? len : 1);
			struct hyp_fdt f;
			struct hyp_fdt_hypervisor hv;

			memcpy(cut, blob, len);
			assert_int_equal(hyp_fdt_open(&f, cut, len), HYP_EBADDT);
			assert_int_equal(hyp_fdt_read_hypervisor(cut, len, &hv), HYP_EBADDT);
			if (len >= HYP_FDT_HEADER_SIZE) {
				set_be32(cut + 4, (uint32_t)len);       /* totalsize */
				exercise(cut, len);
				set_be32(cut + 36, (uint32_t)len);      /* size_dt_struct too */
				exercise(cut, len);
			}
			free(cut);
		}
		free(blob);
	}
}

static uint32_t rng_state = 12345;
static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* Corrupted bytes and words; where libfdt's full check still accepts the
 * blob, both readers must agree on everything. */
static void test_corruption(void **state)
{
	unsigned int agreed = 0;

	(void)state;
	for (size_t i = 0; i < NDTB; i++) {
		size_t size;
		uint8_t *blob = load(dtb_names[i], &size);

		for (int round = 0; round < 20000; round++) {
			uint8_t *bad = malloc(size);
			size_t pos = rng() % size;

			memcpy(bad, blob, size);
			switch (rng() % 4) {
			case 0: bad[pos] ^= (uint8_t)(1u << (rng() % 8)); break;
			case 1: bad[pos] = (uint8_t)rng(); break;
			case 2: set_be32(bad + (pos & ~(size_t)3) % (size - 3), rng() % 16); break;
			default: set_be32(bad + (pos & ~(size_t)3) % (size - 3), rng()); break;
			}
			exercise(bad, size);
			if (fdt_check_full(bad, size) == 0) {
				compare_with_libfdt(bad, size, false);
				agreed++;
			}
			free(bad);
		}
		free(blob);
	}
	printf("corrupted blobs libfdt accepted and both readers agreed on: %u\n", agreed);
}

static void test_bad_arguments(void **state)
{
	struct hyp_fdt f;
	struct hyp_fdt_hypervisor hv;
	static const uint8_t junk[64];

	(void)state;
	assert_int_equal(hyp_fdt_open(NULL, junk, sizeof(junk)), HYP_EINVAL);
	assert_int_equal(hyp_fdt_open(&f, NULL, 64), HYP_EINVAL);
	assert_int_equal(hyp_fdt_open(&f, junk, sizeof(junk)), HYP_EBADDT);
	assert_int_equal(hyp_fdt_read_hypervisor(NULL, 0, &hv), HYP_EINVAL);
	assert_int_equal(hyp_fdt_read_hypervisor(junk, sizeof(junk), NULL), HYP_EINVAL);
	assert_int_equal(hyp_fdt_path_offset(NULL, "/"), HYP_EINVAL);
	assert_false(hyp_fdt_stringlist_contains("abc", 3, "abc"));   /* unterminated */
	assert_true(hyp_fdt_stringlist_contains("a\0abc", 5, "abc") == false);
	assert_true(hyp_fdt_stringlist_contains("a\0abc\0", 6, "abc"));
	assert_false(hyp_fdt_stringlist_contains("abcd\0", 5, "abc"));
	assert_false(hyp_fdt_stringlist_contains("ab\0", 3, "abc"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_differential),
		cmocka_unit_test(test_nops),
		cmocka_unit_test(test_hypervisor_values),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_corruption),
		cmocka_unit_test(test_bad_arguments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
