/* SPDX-License-Identifier: MIT */
/* hyp_init(): one-time detection and gate opening, safe to race. */
#include "internal.h"

unsigned char hyp_kvm_gate = HYP_GATE_UNINIT;

#define INIT_IDLE       0u
#define INIT_RUNNING    1u
#define INIT_DONE       2u

static unsigned int init_state = INIT_IDLE;
static int init_result;
static struct hyp_info init_info;
static struct hyp_platform init_platform;

int hyp_init(const struct hyp_platform *plat)
{
	unsigned int expected = INIT_IDLE;

	if (!__atomic_compare_exchange_n(&init_state, &expected, INIT_RUNNING, false,
					 __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)) {
		while (__atomic_load_n(&init_state, __ATOMIC_ACQUIRE) != INIT_DONE)
			hyp_arch_cpu_relax();
		return init_result;
	}

	if (plat)
		hyp_copy_bytes(&init_platform, plat, sizeof(init_platform));
	init_result = hyp_detect(&init_platform, &init_info);
	if (init_result < 0) {
		hyp_zero_bytes(&init_info, sizeof(init_info));
		init_info.kind = HYP_KIND_NONE;
	}
	hyp_arch_open_gates(&init_platform, &init_info);
	hyp_arch_probe(&init_platform, &init_info);
	__atomic_store_n(&init_state, INIT_DONE, __ATOMIC_RELEASE);
	return init_result;
}

/* Architectures whose detection needs calls define their own (riscv: SBI BASE). */
__attribute__((weak)) void hyp_arch_probe(const struct hyp_platform *plat, struct hyp_info *info)
{
	(void)plat;
	(void)info;
}

int hyp_detect(const struct hyp_platform *plat, struct hyp_info *info)
{
	static const struct hyp_platform defaults;

	if (!info)
		return HYP_EINVAL;
	hyp_zero_bytes(info, sizeof(*info));
	info->kind = HYP_KIND_NONE;
	return hyp_arch_detect(plat ? plat : &defaults, info);
}

const struct hyp_info *hyp_get_info(void)
{
	if (__atomic_load_n(&init_state, __ATOMIC_ACQUIRE) != INIT_DONE)
		return NULL;
	return &init_info;
}

const struct hyp_platform *hyp_platform_get(void)
{
	static const struct hyp_platform defaults;

	if (__atomic_load_n(&init_state, __ATOMIC_ACQUIRE) != INIT_DONE)
		return &defaults;
	return &init_platform;
}

uint64_t hyp_virt_to_phys(const void *va)
{
	const struct hyp_platform *plat = hyp_platform_get();

	if (plat->virt_to_phys)
		return plat->virt_to_phys(plat->ctx, va);
	return (uint64_t)(uintptr_t)va;
}
