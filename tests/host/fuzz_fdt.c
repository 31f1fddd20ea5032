/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for lib/fdt.c (clang -fsanitize=fuzzer,address,undefined).
 * Any input: no read outside it, every result an offset or a HYP_E* code,
 * property values inside the input; where libfdt's full check accepts the
 * input, both readers find the same nodes and values, or this one finds
 * the input malformed (it is stricter than libfdt about lengths).
 * Every input runs twice: where libFuzzer put it (an exact-size ASan heap
 * buffer) and copied to end at a PROT_NONE page, so one byte past it faults
 * even where ASan's shadow would not see it. Node offsets and property
 * values must lie inside the structure block, not only inside the input.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <libfdt.h>

#include <hyp/fdt.h>

static const char *const paths[] = {
	"/", "/hypervisor", "/cpus", "/cpus/cpu@0", "/cpus/cpu", "/soc/serial@4500",
	"/soc/deep/a/b/c/d/e", "/chosen", "//hypervisor/", "/x/y",
};
static const char *const props[] = {
	"compatible", "hcall-instructions", "has-idle", "reg", "leaf", "",
};

#define check(ok)                                                           \
	do {                                                                \
		if (!(ok)) {                                                \
			fprintf(stderr, "fuzz_fdt: check failed at line %d: %s\n", \
				__LINE__, #ok);                             \
			abort();                                            \
		}                                                           \
	} while (0)

static void run(const uint8_t *data, size_t size)
{
	struct hyp_fdt f;
	struct hyp_fdt_hypervisor hv;
	bool libfdt_ok;
	int err, next;

	err = hyp_fdt_read_hypervisor(data, size, &hv);
	check(err == HYP_OK || err == HYP_EBADDT || err == HYP_EINVAL);
	check(!hv.hcall_valid || (hv.hcall_len % 4 == 0 && hv.hcall_len <= 16));
	if (hyp_fdt_open(&f, data, size) != HYP_OK)
		return;
	/* libfdt answers "/" with offset 0 unchecked: it accepts a structure
	 * block without a root node (FDT_END first; HYP_EBADDT here) and one
	 * whose root follows FDT_NOPs (the spec lets NOPs stand anywhere; this
	 * reader skips them, libfdt then fails every lookup with BADOFFSET).
	 * Compare only trees whose structure block starts with the root. */
	libfdt_ok = fdt_check_full(data, size) == 0 &&
		    fdt_next_tag(data, 0, &next) == FDT_BEGIN_NODE &&
		    hyp_fdt_path_offset(&f, "/") >= 0;
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		int node = hyp_fdt_path_offset(&f, paths[i]);

		check(node >= 0 || node == HYP_ENOENT || node == HYP_EBADDT);
		check(node < 0 || (uint32_t)node + 4 <= f.struct_size);
		if (libfdt_ok) {
			int want = fdt_path_offset(data, paths[i]);

			/* Stricter is allowed (libfdt 1.6 accepts e.g. a property
			 * length of 0xffffffff, wrapping its offset); a different
			 * answer is not. */
			check(node == HYP_EBADDT ||
			      (want >= 0 ? node == want : want == -FDT_ERR_NOTFOUND && node == HYP_ENOENT));
		}
		if (node < 0)
			continue;
		for (size_t j = 0; j < sizeof(props) / sizeof(props[0]); j++) {
			const void *v = NULL;
			uint32_t len = 0;

			err = hyp_fdt_getprop(&f, node, props[j], &v, &len);
			check(err == HYP_OK || err == HYP_ENOENT || err == HYP_EBADDT);
			if (err == HYP_OK) {
				const uint8_t *block = data + f.struct_off;

				check((const uint8_t *)v >= data && len <= size &&
				      (size_t)((const uint8_t *)v - data) <= size - len);
				check((const uint8_t *)v >= block + 12 && len <= f.struct_size &&
				      (size_t)((const uint8_t *)v - block) <= f.struct_size - len);
				(void)hyp_fdt_stringlist_contains(v, len, "linux,kvm");
			}
			if (libfdt_ok) {
				int wlen;
				const void *w = fdt_getprop(data, node, props[j], &wlen);

				check(err == HYP_EBADDT ||
				      (err == HYP_OK ? w == v && (uint32_t)wlen == len : w == NULL));
			}
		}
	}
	return;
}

#define GUARD_SPAN (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t *area;
	long page = sysconf(_SC_PAGESIZE);

	run(data, size);
	if (!area) {
		area = mmap(NULL, GUARD_SPAN + (size_t)page, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		check(area != MAP_FAILED);
		check(mprotect(area + GUARD_SPAN, (size_t)page, PROT_NONE) == 0);
	}
	if (size <= GUARD_SPAN) {
		memcpy(area + GUARD_SPAN - size, data, size);
		run(area + GUARD_SPAN - size, size);
	}
	return 0;
}
