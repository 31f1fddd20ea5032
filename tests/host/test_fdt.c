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
#include <sys/mman.h>
#include <unistd.h>

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

/*
 * ---- Every bounds check at its exact edge ----
 * A blob is built with the block under test last, and placed so that its
 * last byte is the last readable byte before a PROT_NONE page: a read one
 * byte past the block faults (the test dies), the exact fit must read.
 */
#define GUARD_SPAN (2 * 4096)

static uint8_t *guard_area;

static const uint8_t *place(const void *blob, size_t size)
{
	long page = sysconf(_SC_PAGESIZE);

	if (!guard_area) {
		guard_area = mmap(NULL, GUARD_SPAN + (size_t)page, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		assert_true(guard_area != MAP_FAILED);
		assert_int_equal(mprotect(guard_area + GUARD_SPAN, (size_t)page, PROT_NONE), 0);
	}
	assert_true(size <= GUARD_SPAN);
	memcpy(guard_area + GUARD_SPAN - size, blob, size);
	return guard_area + GUARD_SPAN - size;
}

struct tokens {
	uint8_t b[256];
	uint32_t n;
};

static void put32(struct tokens *t, uint32_t v)
{
	set_be32(t->b + t->n, v);
	t->n += 4;
}

static void put_bytes(struct tokens *t, const void *p, uint32_t len, bool pad)
{
	memcpy(t->b + t->n, p, len);
	t->n += len;
	while (pad && t->n % 4)
		t->b[t->n++] = 0;
}

/* Header, empty reservation map, then both blocks; `strings_last` picks the order. */
static size_t build(uint8_t *out, const struct tokens *st, uint32_t st_size,
		    const char *strings, uint32_t str_size, bool strings_last)
{
	const uint32_t first = HYP_FDT_HEADER_SIZE + 16;
	uint32_t st_off = strings_last ? first : first + ((str_size + 3) & ~3u);
	uint32_t str_off = strings_last ? first + ((st_size + 3) & ~3u) : first;
	uint32_t total = strings_last ? str_off + str_size : st_off + st_size;

	memset(out, 0, total);
	set_be32(out + 0, HYP_FDT_MAGIC);
	set_be32(out + 4, total);
	set_be32(out + 8, st_off);
	set_be32(out + 12, str_off);
	set_be32(out + 16, HYP_FDT_HEADER_SIZE);
	set_be32(out + 20, 17);
	set_be32(out + 24, 16);
	set_be32(out + 32, str_size);
	set_be32(out + 36, st_size);
	memcpy(out + st_off, st->b, st_size < st->n ? st_size : st->n);
	memcpy(out + str_off, strings, str_size);
	return total;
}

static const char edge_strings[] = "compatible";     /* 11 bytes with the NUL */

/* The root node, then one property "compatible" of `len` bytes (nothing after it). */
static void root_with_prop(struct tokens *t, uint32_t len)
{
	static const uint8_t value[16] = "linux,kvm";

	t->n = 0;
	put32(t, HYP_FDT_BEGIN_NODE);
	put32(t, 0);                    /* name "" padded */
	put32(t, HYP_FDT_PROP);
	put32(t, len);
	put32(t, 0);                    /* nameoff: "compatible" */
	put_bytes(t, value, len, false);
}

static int edge_getprop(const struct tokens *t, uint32_t st_size, const char *name,
			const void **v, uint32_t *len)
{
	uint8_t buf[512];
	size_t size = build(buf, t, st_size, edge_strings, sizeof(edge_strings), false);
	const uint8_t *blob = place(buf, size);
	struct hyp_fdt f;

	assert_int_equal(hyp_fdt_open(&f, blob, size), HYP_OK);
	return hyp_fdt_getprop(&f, 0, name, v, len);
}

/* A property value ending exactly at the structure block's end, and one byte past it. */
static void test_edge_prop_value(void **state)
{
	struct tokens t;
	const void *v;
	uint32_t len;

	(void)state;
	root_with_prop(&t, 10);
	assert_int_equal(edge_getprop(&t, t.n, "compatible", &v, &len), HYP_OK);
	assert_int_equal(len, 10);
	assert_true(hyp_fdt_stringlist_contains(v, len, "linux,kvm"));    /* reads the last byte */
	assert_int_equal(edge_getprop(&t, t.n - 1, "compatible", &v, &len), HYP_EBADDT);
	/* Value length 0 exactly at the end; a header one byte short of its 12. */
	root_with_prop(&t, 0);
	assert_int_equal(edge_getprop(&t, t.n, "compatible", &v, &len), HYP_OK);
	assert_int_equal(len, 0);
	for (uint32_t cut = 1; cut <= 8; cut++)
		assert_int_equal(edge_getprop(&t, t.n - cut, "compatible", &v, &len), HYP_EBADDT);
}

/* The token after a property: 0..3 bytes of it inside the block, then all 4. */
static void test_edge_token(void **state)
{
	struct tokens t;

	(void)state;
	root_with_prop(&t, 4);
	put32(&t, HYP_FDT_END_NODE);
	for (uint32_t k = 0; k < 4; k++)
		assert_int_equal(edge_getprop(&t, t.n - 4 + k, "missing", NULL, NULL), HYP_EBADDT);
	assert_int_equal(edge_getprop(&t, t.n, "missing", NULL, NULL), HYP_ENOENT);
}

/* A node name whose NUL is the block's last byte, and one whose NUL is outside it. */
static void test_edge_node_name(void **state)
{
	static const char name[] = "hypervisor";
	struct tokens t = { .n = 0 };
	uint8_t buf[512];
	struct hyp_fdt f;
	size_t size;
	const uint8_t *blob;

	(void)state;
	put32(&t, HYP_FDT_BEGIN_NODE);
	put32(&t, 0);
	put32(&t, HYP_FDT_BEGIN_NODE);
	put_bytes(&t, name, sizeof(name), false);
	size = build(buf, &t, t.n, edge_strings, sizeof(edge_strings), false);
	blob = place(buf, size);
	assert_int_equal(hyp_fdt_open(&f, blob, size), HYP_OK);
	assert_int_equal(hyp_fdt_path_offset(&f, "/hypervisor"), 8);
	size = build(buf, &t, t.n - 1, edge_strings, sizeof(edge_strings), false);
	blob = place(buf, size);
	assert_int_equal(hyp_fdt_open(&f, blob, size), HYP_OK);
	assert_int_equal(hyp_fdt_path_offset(&f, "/hypervisor"), HYP_EBADDT);
}

/* A property name at the strings block's end: terminated, unterminated, offset at the end. */
static void test_edge_strings(void **state)
{
	struct tokens t;
	uint8_t buf[512];
	struct hyp_fdt f;
	const uint8_t *blob;
	size_t size;

	(void)state;
	root_with_prop(&t, 4);
	put32(&t, HYP_FDT_END_NODE);
	put32(&t, HYP_FDT_END);
	size = build(buf, &t, t.n, edge_strings, sizeof(edge_strings), true);
	blob = place(buf, size);
	assert_int_equal(hyp_fdt_open(&f, blob, size), HYP_OK);
	assert_int_equal(hyp_fdt_getprop(&f, 0, "compatible", NULL, NULL), HYP_OK);
	size = build(buf, &t, t.n, edge_strings, sizeof(edge_strings) - 1, true);
	blob = place(buf, size);
	assert_int_equal(hyp_fdt_open(&f, blob, size), HYP_OK);
	assert_int_equal(hyp_fdt_getprop(&f, 0, "compatible", NULL, NULL), HYP_EBADDT);
	set_be32(t.b + 16, sizeof(edge_strings));  /* nameoff == size_dt_strings */
	size = build(buf, &t, t.n, edge_strings, sizeof(edge_strings), true);
	blob = place(buf, size);
	assert_int_equal(hyp_fdt_open(&f, blob, size), HYP_OK);
	assert_int_equal(hyp_fdt_getprop(&f, 0, "compatible", NULL, NULL), HYP_EBADDT);
}

/* The header's sizes against the blob: each exactly at the end, then one byte over. */
static void test_edge_header(void **state)
{
	struct tokens t;
	uint8_t buf[512];
	struct hyp_fdt f;
	const uint8_t *blob;
	size_t size;

	(void)state;
	root_with_prop(&t, 4);
	put32(&t, HYP_FDT_END_NODE);
	put32(&t, HYP_FDT_END);
	size = build(buf, &t, t.n, edge_strings, sizeof(edge_strings), false);
	blob = place(buf, size);
	assert_int_equal(hyp_fdt_open(&f, blob, size), HYP_OK);
	blob = place(buf, size - 1);                                            /* totalsize = size + 1 */
	assert_int_equal(hyp_fdt_open(&f, blob, size - 1), HYP_EBADDT);
	blob = place(buf, size);
	set_be32(buf + 36, t.n + 1);                                            /* struct past the end */
	blob = place(buf, size);
	assert_int_equal(hyp_fdt_open(&f, blob, size), HYP_EBADDT);
	size = build(buf, &t, t.n, edge_strings, sizeof(edge_strings), true);
	set_be32(buf + 32, sizeof(edge_strings) + 1);                           /* strings past the end */
	blob = place(buf, size);
	assert_int_equal(hyp_fdt_open(&f, blob, size), HYP_EBADDT);
	blob = place(buf, HYP_FDT_HEADER_SIZE - 1);
	assert_int_equal(hyp_fdt_open(&f, blob, HYP_FDT_HEADER_SIZE - 1), HYP_EBADDT);
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
		cmocka_unit_test(test_edge_prop_value),
		cmocka_unit_test(test_edge_token),
		cmocka_unit_test(test_edge_node_name),
		cmocka_unit_test(test_edge_strings),
		cmocka_unit_test(test_edge_header),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
