/* SPDX-License-Identifier: MIT */
/*
 * PowerPC's service paths and table: PAPR (LoPAPR: H_PUT_TERM_CHAR,
 * H_GET_TERM_CHAR, H_RANDOM, H_CEDE; 64-bit only) and ePAPR 1.1 (the byte
 * channel the kernel names in hyp_platform, EV_IDLE where /hypervisor says
 * has-idle). Power off, reset and CPU start go through RTAS there, which is
 * firmware, not a hypercall: not offered.
 */
#include "../services_internal.h"

#include <hyp/epapr.h>
#include <hyp/fdt.h>
#include <hyp/papr.h>

static bool epapr_console_offered(const struct hyp_info *info, const struct hyp_platform *plat)
{
	return (info->families & HYP_FAMILY_EPAPR) && plat->ppc_epapr_console;
}

static bool epapr_idle_offered(const struct hyp_info *info, const struct hyp_platform *plat)
{
	(void)plat;
	return (info->families & HYP_FAMILY_EPAPR) && info->ppc_has_idle;
}

static int epapr_write(const void *buf, size_t len)
{
	return hyp_epapr_byte_channel_write(hyp_platform_get()->ppc_epapr_console_handle,
					    (const char *)buf, len, HYP_SERVICE_RETRIES);
}

static int epapr_read(void *buf, size_t len)
{
	return hyp_epapr_byte_channel_receive(hyp_platform_get()->ppc_epapr_console_handle,
					      (char *)buf, len < 16 ? (unsigned int)len : 16u);
}

static struct hyp_service_path epapr_write_path = {
	"epapr-byte-channel", epapr_console_offered, { .write = epapr_write } };
static struct hyp_service_path epapr_read_path = {
	"epapr-byte-channel", epapr_console_offered, { .read = epapr_read } };
static struct hyp_service_path epapr_idle_path = {
	"epapr-ev-idle", epapr_idle_offered, { .call = hyp_epapr_idle } };

#if defined(__powerpc64__)
static bool papr_offered(const struct hyp_info *info, const struct hyp_platform *plat)
{
	(void)plat;
	return (info->families & HYP_FAMILY_PAPR) != 0;
}

/* LoPAPR "RTAS Node Properties": the hcall sets served, "hcall-random" for H_RANDOM. */
static bool papr_random_in_fdt(const struct hyp_platform *plat)
{
	struct hyp_fdt fdt;
	const void *value;
	uint32_t len;
	int node;

	if (!plat->fdt || hyp_fdt_open(&fdt, plat->fdt, plat->fdt_size))
		return false;
	node = hyp_fdt_path_offset(&fdt, "/rtas");
	return node >= 0 &&
	       hyp_fdt_getprop(&fdt, node, "ibm,hypertas-functions", &value, &len) == HYP_OK &&
	       hyp_fdt_stringlist_contains(value, len, "hcall-random");
}

static bool papr_random_offered(const struct hyp_info *info, const struct hyp_platform *plat)
{
	return papr_offered(info, plat) && (plat->ppc_papr_random || papr_random_in_fdt(plat));
}

/* Virtual terminal 0: the partition's console (LoPAPR "vty" unit address 0). */
static int papr_write(const void *buf, size_t len)
{
	return hyp_papr_term_write(0, (const char *)buf, len, HYP_SERVICE_RETRIES);
}

static int papr_read(void *buf, size_t len)
{
	char in[HYP_PAPR_TERM_CHAR_MAX];
	int n;

	/* Only ask for what fits: H_GET_TERM_CHAR hands over up to 16 bytes at once. */
	if (len < sizeof(in))
		return 0;
	n = hyp_papr_get_term_char(0, in);
	for (int i = 0; i < n; i++)
		((char *)buf)[i] = in[i];
	return n;
}

/* The first n (<= 8) bytes of one H_RANDOM answer, low byte first. */
static void papr_random_bytes(uint8_t *dst, uint64_t v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = (uint8_t)(v >> (8 * i));
}

static int papr_random_some(uint8_t *dst, size_t len)
{
	uint64_t v;
	size_t n = len < 8 ? len : 8;
	int ret = hyp_papr_random(&v);

	if (ret < 0)
		return ret;
	papr_random_bytes(dst, v, n);
	return (int)n;
}

static int papr_entropy(void *buf, size_t len)
{
	return hyp_service_fill(buf, len, papr_random_some);
}

static struct hyp_service_path papr_write_path = {
	"papr-put-term-char", papr_offered, { .write = papr_write } };
static struct hyp_service_path papr_read_path = {
	"papr-get-term-char", papr_offered, { .read = papr_read } };
static struct hyp_service_path papr_random_path = {
	"papr-h-random", papr_random_offered, { .read = papr_entropy } };
static struct hyp_service_path papr_cede_path = {
	"papr-h-cede", papr_offered, { .call = hyp_papr_cede } };
#define PAPR(path) &papr_##path##_path,
#else
#define PAPR(path)
#endif

const struct hyp_service_path *const *hyp_service_table[HYP_SERVICES] = {
	[HYP_SERVICE_CONSOLE_WRITE] = HYP_SERVICE_PATHS(PAPR(write) &epapr_write_path),
	[HYP_SERVICE_CONSOLE_READ] = HYP_SERVICE_PATHS(PAPR(read) &epapr_read_path),
	[HYP_SERVICE_ENTROPY] = HYP_SERVICE_PATHS(PAPR(random) NULL),
	[HYP_SERVICE_IDLE] = HYP_SERVICE_PATHS(PAPR(cede) &epapr_idle_path),
};
