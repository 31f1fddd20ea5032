/* SPDX-License-Identifier: MIT */
/* Between the SBI family's files (lib/riscv/sbi_*.c) and riscv_arch.c. */
#ifndef HYP_LIB_SBI_INTERNAL_H
#define HYP_LIB_SBI_INTERNAL_H

#include "../internal.h"

/* HYP_SBI_HAS_* found by hyp_sbi_probe(), written before the gate opens. */
extern uint32_t hyp_sbi_extensions;

/* Detection (pure), the closed gate where the family is absent, the probe. */
void hyp_sbi_detect(const struct hyp_platform *plat, struct hyp_info *info);
void hyp_sbi_close_gate(const struct hyp_info *info);
void hyp_sbi_probe(struct hyp_info *info);

/* The probe's first ecall with the library's own stvec in place (sbi_first_call.c):
 * true when the ecall trapped back into S-mode, i.e. no SBI answers. */
bool hyp_sbi_first_ecall(unsigned long eid, unsigned long fid, struct hyp_sbiret *out);

/*
 * Whether a typed call of the extensions in `has_bits` (all of them) may
 * ecall: HYP_OK; the closed gate's error; HYP_ENOSYS where probe_extension
 * said absent. The gate is read with acquire: the list written before it
 * opened is seen.
 */
static inline int hyp_sbi_ready(uint32_t has_bits)
{
	unsigned int gate = __atomic_load_n(&hyp_sbi_gate, __ATOMIC_ACQUIRE);

	if (gate < HYP_GATE_OPEN)
		return (int)hyp_gate_error(gate);
	if ((__atomic_load_n(&hyp_sbi_extensions, __ATOMIC_RELAXED) & has_bits) != has_bits)
		return HYP_ENOSYS;
	return HYP_OK;
}

/* An SBI answer as a typed result: the error mapped, else the value (>= 0, clamped). */
static inline int hyp_sbi_result(struct hyp_sbiret r)
{
	if (r.error != HYP_SBI_SUCCESS)
		return hyp_sbi_error(r.error);
	if ((unsigned long)r.value > (unsigned long)__INT_MAX__)
		return __INT_MAX__;
	return (int)r.value;
}

#endif /* HYP_LIB_SBI_INTERNAL_H */
