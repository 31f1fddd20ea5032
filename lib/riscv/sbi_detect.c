/* SPDX-License-Identifier: MIT */
/*
 * SBI family: detection, the gate, and the probe of what answers.
 *
 * hyp_sbi_detect() is pure: an S-mode kernel has an SBI implementation
 * below it by the platform contract, unless it declares none (riscv_no_sbi)
 * or runs in M-mode (riscv_m_mode). hyp_sbi_probe() runs from hyp_init()
 * only: its first ecall is trap-safe (sbi_first_call.c); if it traps back
 * into the kernel, nothing is below and the family closes. Then BASE calls
 * (no side effects, mandatory from SBI 0.2) name the implementation and list
 * the extensions;
 * the gate opens after that, so a typed call never sees the gate open with
 * the extension list still empty.
 */
#include "sbi_internal.h"

unsigned char hyp_sbi_gate = HYP_GATE_UNINIT;
uint32_t hyp_sbi_extensions;

void hyp_sbi_detect(const struct hyp_platform *plat, struct hyp_info *info)
{
	if (!plat->riscv_m_mode && !plat->riscv_no_sbi)
		info->families |= HYP_FAMILY_SBI;
}

void hyp_sbi_close_gate(const struct hyp_info *info)
{
	if (!(info->families & HYP_FAMILY_SBI))
		hyp_gate_open(&hyp_sbi_gate, HYP_GATE_ABSENT);
}

static void copy_name(char *dst, const char *src)
{
	unsigned int i = 0;

	for (; i < 15 && src[i]; i++)
		dst[i] = src[i];
	dst[i] = '\0';
}

void hyp_sbi_probe(struct hyp_info *info)
{
	struct hyp_sbiret r;
	uint32_t has = 0;

	if (!(info->families & HYP_FAMILY_SBI))
		return;
	if (hyp_sbi_first_ecall(HYP_SBI_EXT_BASE, HYP_SBI_BASE_GET_SPEC_VERSION, &r)) {
		info->families &= ~HYP_FAMILY_SBI;
		hyp_gate_open(&hyp_sbi_gate, HYP_GATE_ABSENT);
		return;
	}
	if (r.error != HYP_SBI_SUCCESS || (unsigned long)r.value < HYP_SBI_SPEC_VERSION(0, 2)) {
		/* SBI 0.1 (chapter 5): no BASE, only the legacy extensions. */
		info->sbi_spec_version = (uint32_t)HYP_SBI_SPEC_VERSION(0, 1);
		has = HYP_SBI_HAS_LEGACY_ALL;
	} else {
		info->sbi_spec_version = (uint32_t)r.value;
		r = hyp_sbi_ecall0(HYP_SBI_EXT_BASE, HYP_SBI_BASE_GET_IMPL_ID);
		info->sbi_impl_id = r.error ? ~0u : (uint32_t)r.value;
		r = hyp_sbi_ecall0(HYP_SBI_EXT_BASE, HYP_SBI_BASE_GET_IMPL_VERSION);
		info->sbi_impl_version = r.error ? 0 : (uint64_t)(unsigned long)r.value;
		has = HYP_SBI_HAS_BASE;
		for (unsigned int bit = 1; bit < 32; bit++) {
			unsigned long eid = hyp_sbi_ext_of_bit(bit);

			if (eid == ~0ul)
				continue;
			r = hyp_sbi_ecall1(HYP_SBI_EXT_BASE, HYP_SBI_BASE_PROBE_EXT, eid);
			if (r.error == HYP_SBI_SUCCESS && r.value != 0)
				has |= 1u << bit;
		}
	}
	info->sbi_extensions = has;
	info->sbi_hypervisor = hyp_sbi_impl_is_hypervisor(info->sbi_impl_id);
	switch (info->sbi_impl_id) {
	case HYP_SBI_IMPL_KVM:   info->kind = HYP_KIND_KVM; break;
	case HYP_SBI_IMPL_XEN:   info->kind = HYP_KIND_XEN; break;
	case HYP_SBI_IMPL_BHYVE: info->kind = HYP_KIND_BHYVE; break;
	default:
		info->kind = info->sbi_hypervisor ? HYP_KIND_UNKNOWN : HYP_KIND_NONE;
		break;
	}
	if (info->kind != HYP_KIND_NONE)
		copy_name(info->signature, hyp_sbi_impl_name(info->sbi_impl_id));
	__atomic_store_n(&hyp_sbi_extensions, has, __ATOMIC_RELAXED);
	hyp_gate_open(&hyp_sbi_gate, HYP_GATE_OPEN);
}

bool hyp_sbi_has(uint32_t has_bit)
{
	return has_bit != 0 && hyp_sbi_ready(has_bit) == HYP_OK;
}
