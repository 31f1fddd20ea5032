/* SPDX-License-Identifier: MIT */
/*
 * KVM steal time on x86 (Linux Documentation/virt/kvm/x86/msr.rst,
 * MSR_KVM_STEAL_TIME): the guest-physical address of a 64-byte aligned
 * struct kvm_steal_time, bit 0 = enable, written per vCPU; KVM keeps
 * `steal` (ns) there, `version` odd while it updates the record.
 */
#include "../services_internal.h"

#include <hyp/kvm.h>

#include "x86_msr.h"

#define KVM_MSR_STEAL_TIME      0x4b564d03u
#define KVM_MSR_ENABLED         1u

struct kvm_steal_time {
	uint64_t steal;
	uint32_t version;
	uint32_t flags;
	uint8_t preempted;
	uint8_t u8_pad[3];
	uint32_t pad[11];
};
HYP_STATIC_ASSERT(sizeof(struct kvm_steal_time) == 64, "kvm_steal_time is 64 bytes");

static bool kvm_steal_offered(const struct hyp_info *info, const struct hyp_platform *plat)
{
	(void)plat;
	return (info->families & HYP_FAMILY_KVM) && info->x86_kvm_base &&
	       (info->kvm_features & (1u << HYP_KVM_FEATURE_STEAL_TIME));
}

static int kvm_steal_setup(struct hyp_steal_cpu *st)
{
	volatile struct kvm_steal_time *r = (volatile struct kvm_steal_time *)(void *)st->record;

	r->steal = 0;
	r->version = 0;
	hyp_x86_wrmsr(KVM_MSR_STEAL_TIME, hyp_virt_to_phys(st->record) | KVM_MSR_ENABLED);
	return HYP_OK;
}

static void kvm_steal_teardown(struct hyp_steal_cpu *st)
{
	(void)st;
	hyp_x86_wrmsr(KVM_MSR_STEAL_TIME, 0);
}

static int kvm_steal_read(struct hyp_steal_cpu *st, uint64_t *ns)
{
	const volatile struct kvm_steal_time *r =
		(const volatile struct kvm_steal_time *)(const void *)st->record;

	return hyp_steal_record_read(&r->version, &r->steal, ns);
}

static struct hyp_steal_ops kvm_steal_ops = {
	kvm_steal_setup, kvm_steal_teardown, kvm_steal_read };

struct hyp_service_path hyp_service_kvm_steal = {
	"kvm-steal-time", kvm_steal_offered, { .steal = &kvm_steal_ops } };
