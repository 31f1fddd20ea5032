/* SPDX-License-Identifier: MIT */
/*
 * hyp_xen_pvh_start_parse() on hostile start infos: counts, wrapping
 * tables, a reader that refuses, command lines without their NUL (the last
 * byte before a PROT_NONE page), and the reader asked only for what exists.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include <cmocka.h>

#include <hyp/hyp.h>

static unsigned char *pages;            /* two readable pages, then a PROT_NONE one */
static uint64_t base;                   /* "physical" address of pages[0] */
static size_t reads, widest_end;

/* Physical = base + offset into `pages`; refuses what is not inside the two pages. */
static const void *reader(uint64_t pa, size_t len)
{
	reads++;
	if (pa < base || pa - base > 8192 || len > 8192 - (pa - base))
		return NULL;
	if (pa - base + len > widest_end)
		widest_end = pa - base + len;
	return pages + (pa - base);
}

static struct hyp_xen_hvm_start_info si(void)
{
	struct hyp_xen_hvm_start_info s = { .magic = HYP_XEN_HVM_START_MAGIC, .version = 1 };

	return s;
}

static void setup_pages(void)
{
	if (!pages) {
		pages = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		assert_true(pages != MAP_FAILED);
		assert_int_equal(mprotect(pages + 8192, 4096, PROT_NONE), 0);
		base = 0x100000;
	}
	memset(pages, 0, 8192);
	reads = widest_end = 0;
}

static void test_good(void **state)
{
	struct hyp_xen_hvm_start_info s = si();
	struct hyp_xen_pvh_start out;
	struct hyp_xen_hvm_memmap_entry *mm;

	(void)state;
	setup_pages();
	strcpy((char *)pages + 4000, "console=hvc0 a=b");
	mm = (struct hyp_xen_hvm_memmap_entry *)(void *)(pages + 64);
	mm[0].size = 640 << 10;
	mm[0].type = 1;
	s.cmdline_paddr = base + 4000;
	s.memmap_paddr = base + 64;
	s.memmap_entries = 1;
	s.rsdp_paddr = 0xfc008000;
	assert_int_equal(hyp_xen_pvh_start_parse(&s, reader, &out), 0);
	assert_int_equal(out.cmdline_len, 16);
	assert_string_equal(out.cmdline, "console=hvc0 a=b");
	assert_int_equal(out.nr_memmap, 1);
	assert_ptr_equal(out.memmap, mm);
	assert_int_equal(out.rsdp_paddr, 0xfc008000);
	assert_int_equal(out.nr_modules, 0);
	assert_null(out.modules);
	/* The NUL is on the first page: the reader never asked past it. */
	assert_true(widest_end <= 4096);
	/* Version 0 has no memory map fields. */
	s.version = 0;
	assert_int_equal(hyp_xen_pvh_start_parse(&s, reader, &out), 0);
	assert_int_equal(out.nr_memmap, 0);
}

static void test_hostile(void **state)
{
	struct hyp_xen_hvm_start_info s = si();
	struct hyp_xen_pvh_start out;

	(void)state;
	setup_pages();
	memset(&out, 0x77, sizeof(out));
	s.magic = 0;
	assert_int_equal(hyp_xen_pvh_start_parse(&s, reader, &out), HYP_EINVAL);
	s = si();
	s.nr_modules = HYP_XEN_PVH_MAX_MODULES + 1;
	s.modlist_paddr = base;
	assert_int_equal(hyp_xen_pvh_start_parse(&s, reader, &out), HYP_ERANGE);
	s.nr_modules = 2;
	s.modlist_paddr = UINT64_MAX - 16;          /* wraps */
	assert_int_equal(hyp_xen_pvh_start_parse(&s, reader, &out), HYP_EFAULT);
	s.modlist_paddr = base + 8192 - 32;         /* second entry beyond what the reader has */
	assert_int_equal(hyp_xen_pvh_start_parse(&s, reader, &out), HYP_EFAULT);
	s = si();
	s.memmap_entries = 0xffffffffu;
	s.memmap_paddr = base;
	assert_int_equal(hyp_xen_pvh_start_parse(&s, reader, &out), HYP_ERANGE);
	s.memmap_entries = 1;
	s.memmap_paddr = 0;
	assert_int_equal(hyp_xen_pvh_start_parse(&s, reader, &out), HYP_EFAULT);
	/* A command line without its NUL up to the guard page: refused, never read past. */
	s = si();
	memset(pages, 'x', 8192);
	s.cmdline_paddr = base + 8192 - 200;
	assert_int_equal(hyp_xen_pvh_start_parse(&s, reader, &out), HYP_EFAULT);
	/* ... and one longer than HYP_XEN_PVH_CMDLINE_MAX inside readable memory. */
	pages[8191] = 0;
	s.cmdline_paddr = base;
	assert_int_equal(hyp_xen_pvh_start_parse(&s, reader, &out), HYP_ERANGE);
	/* Exactly HYP_XEN_PVH_CMDLINE_MAX bytes is accepted. */
	pages[HYP_XEN_PVH_CMDLINE_MAX] = 0;
	assert_int_equal(hyp_xen_pvh_start_parse(&s, reader, &out), 0);
	assert_int_equal(out.cmdline_len, HYP_XEN_PVH_CMDLINE_MAX);
	/* out untouched by the failures above until this success */
	assert_int_equal(hyp_xen_pvh_start_parse(NULL, reader, &out), HYP_EINVAL);
	assert_int_equal(hyp_xen_pvh_start_parse(&s, NULL, &out), HYP_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
