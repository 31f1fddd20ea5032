/* SPDX-License-Identifier: MIT */
/*
 * riscv detection: one row per family, in order. What answers below an
 * S-mode kernel is asked by hyp_init() through each family's probe, after
 * the gates; hyp_detect() alone makes no ecall. Adding a family is adding
 * its file and its calls below (direct calls, no table of function pointers:
 * lib/internal.h).
 */
#include "sbi_internal.h"

/* KVM RISC-V has no calls but SBI: its gate stays absent. */
static void kvm_riscv_close_gate(const struct hyp_info *info)
{
	(void)info;
	hyp_gate_open(&hyp_kvm_gate, HYP_GATE_ABSENT);
}

int hyp_arch_detect(const struct hyp_platform *plat, struct hyp_info *info)
{
	hyp_sbi_detect(plat, info);
	return HYP_OK;
}

void hyp_arch_open_gates(const struct hyp_platform *plat, const struct hyp_info *info)
{
	(void)plat;
	kvm_riscv_close_gate(info);
	hyp_sbi_close_gate(info);
}

void hyp_arch_probe(const struct hyp_platform *plat, struct hyp_info *info)
{
	(void)plat;
	hyp_sbi_probe(info);
}

/* Zihintpause PAUSE (a FENCE hint, so a no-op where not implemented), as
 * Linux's riscv cpu_relax(); emitted as a word for assemblers without it. */
void hyp_arch_cpu_relax(void)
{
	__asm__ __volatile__(".4byte 0x0100000f" ::: "memory");
}
