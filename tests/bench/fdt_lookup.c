/* SPDX-License-Identifier: MIT */
/*
 * Device-tree lookup benchmark (part 3 of tests/bench/run.sh): the time to
 * find /hypervisor "hcall-instructions" with libhyp's reader (lib/fdt.c:
 * hyp_fdt_open + hyp_fdt_path_offset + hyp_fdt_getprop, the header checked
 * on every lookup as libfdt checks it on every call) and with libfdt
 * (fdt_path_offset + fdt_getprop), on the same blob in the same run.
 * Both answers are compared first (same node offset, same value). Each side
 * runs in rounds of >= 20 ms, alternating, best of 7 rounds.
 * Output: one "row<TAB>item<TAB>cell<TAB>goal<TAB>note" line per blob.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libfdt.h>

#include <hyp/fdt.h>

static const char path[] = "/hypervisor";
static const char prop[] = "hcall-instructions";
static volatile uint32_t sink;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void lookup_libhyp(const void *blob, size_t size, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		struct hyp_fdt f;
		const void *v = NULL;
		uint32_t len = 0;
		int node;

		if (hyp_fdt_open(&f, blob, size) == 0 &&
		    (node = hyp_fdt_path_offset(&f, path)) >= 0)
			hyp_fdt_getprop(&f, node, prop, &v, &len);
		sink += len;
	}
}

static void lookup_libfdt(const void *blob, size_t size, unsigned long n)
{
	(void)size;
	for (unsigned long i = 0; i < n; i++) {
		int len = 0;
		int node = fdt_path_offset(blob, path);

		if (node >= 0)
			fdt_getprop(blob, node, prop, &len);
		sink += (uint32_t)len;
	}
}

typedef void (*lookup_fn)(const void *, size_t, unsigned long);

/* Lookups per round so that one round takes >= 20 ms. */
static unsigned long calibrate(lookup_fn fn, const void *blob, size_t size)
{
	unsigned long n = 1;

	for (;;) {
		double t = now();

		fn(blob, size, n);
		if (now() - t >= 0.02)
			return n;
		n *= 2;
	}
}

static int bench(const char *file)
{
	FILE *fp = fopen(file, "rb");
	static unsigned char blob[8 << 20];
	size_t size;
	struct hyp_fdt f;
	const void *hv;
	const void *fv;
	uint32_t hlen = 0;
	int flen = 0, hnode, fnode;
	unsigned long nh, nf;
	double best_h = 1e9, best_f = 1e9;
	const char *name = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;

	if (!fp) {
		perror(file);
		return 1;
	}
	size = fread(blob, 1, sizeof(blob), fp);
	fclose(fp);

	if (hyp_fdt_open(&f, blob, size) != 0 || fdt_check_header(blob) != 0) {
		fprintf(stderr, "%s: not a valid blob\n", file);
		return 1;
	}
	hnode = hyp_fdt_path_offset(&f, path);
	fnode = fdt_path_offset(blob, path);
	fv = fdt_getprop(blob, fnode, prop, &flen);
	if (hnode != fnode || hyp_fdt_getprop(&f, hnode, prop, &hv, &hlen) != 0 ||
	    !fv || hv != fv || (int)hlen != flen) {
		fprintf(stderr, "%s: libhyp (node %d, len %u) and libfdt (node %d, len %d) disagree\n",
			file, hnode, hlen, fnode, flen);
		return 1;
	}

	nh = calibrate(lookup_libhyp, blob, size);
	nf = calibrate(lookup_libfdt, blob, size);
	for (int round = 0; round < 7; round++) {
		double t = now();

		lookup_libhyp(blob, size, nh);
		t = (now() - t) / nh;
		if (t < best_h)
			best_h = t;
		t = now();
		lookup_libfdt(blob, size, nf);
		t = (now() - t) / nf;
		if (t < best_f)
			best_f = t;
	}
	printf("row\tlookup %s (%zu B, node at %d): libhyp / libfdt ns\t%.0f / %.0f = %.2f\t<= 1.00\t%s\n",
	       name, size, hnode, best_h * 1e9, best_f * 1e9, best_h / best_f,
	       best_h / best_f <= 1.0 ? "" : "MISS");
	return 0;
}

int main(int argc, char **argv)
{
	int rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s blob.dtb...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++)
		rc |= bench(argv[i]);
	return rc;
}
