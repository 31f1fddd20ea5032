/* SPDX-License-Identifier: MIT */
/*
 * riscv detection: one row per family, in order. What answers below an
 * S-mode kernel is asked by hyp_init() through each family's probe, after
 * the gates; hyp_detect() alone makes no ecall. Adding a family is adding
 * its file and a row.
 */
#include "sbi_internal.h"

struct hyp_riscv_family {
	/* Optional: fill `info` from the platform (no call). */
	void (*detect)(const struct hyp_platform *plat, struct hyp_info *info);
	/* hyp_init(): the family's gate from `info`. */
	void (*open_gate)(const struct hyp_info *info);
	/* Optional, hyp_init() after every gate step: detection that needs calls. */
	void (*probe)(struct hyp_info *info);
};

/* KVM RISC-V has no calls but SBI: its gate stays absent. */
static void kvm_riscv_close_gate(const struct hyp_info *info)
{
	(void)info;
	hyp_gate_open(&hyp_kvm_gate, HYP_GATE_ABSENT);
}

static const struct hyp_riscv_family families[] = {
	{ NULL,                 kvm_riscv_close_gate,   NULL },
	{ hyp_sbi_detect,       hyp_sbi_close_gate,     hyp_sbi_probe },
};

#define FAMILY_COUNT (sizeof(families) / sizeof(families[0]))

int hyp_arch_detect(const struct hyp_platform *plat, struct hyp_info *info)
{
	for (size_t i = 0; i < FAMILY_COUNT; i++)
		if (families[i].detect)
			families[i].detect(plat, info);
	return HYP_OK;
}

void hyp_arch_open_gates(const struct hyp_platform *plat, const struct hyp_info *info)
{
	(void)plat;
	for (size_t i = 0; i < FAMILY_COUNT; i++)
		families[i].open_gate(info);
}

void hyp_arch_probe(const struct hyp_platform *plat, struct hyp_info *info)
{
	(void)plat;
	for (size_t i = 0; i < FAMILY_COUNT; i++)
		if (families[i].probe)
			families[i].probe(info);
}

/* Zihintpause PAUSE (a FENCE hint, so a no-op where not implemented), as
 * Linux's riscv cpu_relax(); emitted as a word for assemblers without it. */
void hyp_arch_cpu_relax(void)
{
	__asm__ __volatile__(".4byte 0x0100000f" ::: "memory");
}
