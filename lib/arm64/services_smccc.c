/* SPDX-License-Identifier: MIT */
/*
 * The SMCCC service paths, aarch64: PSCI (DEN0022: SYSTEM_OFF, SYSTEM_RESET,
 * CPU_ON, CPU_OFF, CPU_SUSPEND are mandatory from PSCI 0.2) and the TRNG
 * (DEN0098 TRNG_RND64: up to 192 bits a call, x3 the low 64).
 */
#include "../services_internal.h"

#include <hyp/smccc.h>

static bool psci_offered(const struct hyp_info *info, const struct hyp_platform *plat)
{
	(void)plat;
	return (info->families & HYP_FAMILY_SMCCC) &&
	       info->arm_psci_version >= HYP_PSCI_VERSION_0_2;
}

static bool trng_offered(const struct hyp_info *info, const struct hyp_platform *plat)
{
	(void)plat;
	return (info->families & HYP_FAMILY_SMCCC) && info->arm_trng_version >= 0x10000u;
}

static int psci_start(uint64_t cpu, uintptr_t entry, uintptr_t context)
{
	return hyp_psci_cpu_on(cpu, entry, context);
}

/* Standby (power_state 0): the core keeps its state and returns on an interrupt. */
static int psci_standby(void)
{
	return hyp_psci_cpu_suspend(0, 0, 0);
}

/* The first n bytes of one RND64 answer: x3's low byte first, then x2, then x1. */
static void trng_bytes(uint8_t *dst, const uint64_t out[3], size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = (uint8_t)(out[2 - i / 8] >> (8 * (i % 8)));
}

static int trng_some(uint8_t *dst, size_t len)
{
	uint64_t out[3];
	size_t n = len < 24 ? len : 24;
	int ret = hyp_trng_rnd64((unsigned int)n * 8u, out);

	if (ret < 0)
		return ret;
	trng_bytes(dst, out, n);
	return (int)n;
}

static int trng_fill(void *buf, size_t len)
{
	return hyp_service_fill(buf, len, trng_some);
}

struct hyp_service_path hyp_service_psci_off = {
	"psci", psci_offered, { .call = hyp_psci_system_off } };
struct hyp_service_path hyp_service_psci_reset = {
	"psci", psci_offered, { .call = hyp_psci_system_reset } };
struct hyp_service_path hyp_service_psci_idle = {
	"psci-cpu-suspend", psci_offered, { .call = psci_standby } };
struct hyp_service_path hyp_service_psci_cpu_start = {
	"psci", psci_offered, { .start = psci_start } };
struct hyp_service_path hyp_service_psci_cpu_stop = {
	"psci", psci_offered, { .call = hyp_psci_cpu_off } };
struct hyp_service_path hyp_service_trng = {
	"smccc-trng", trng_offered, { .read = trng_fill } };
