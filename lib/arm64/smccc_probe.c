/* SPDX-License-Identifier: MIT */
/*
 * SMCCC: detection states the conduit the kernel or its tree named (no
 * call); hyp_init()'s probe then asks on that conduit only, in the order
 * Linux follows (Arm DEN0028, SMCCC_VERSION; drivers/firmware/psci/psci.c,
 * drivers/firmware/smccc/smccc.c):
 *   1. PSCI_VERSION: a PSCI ID, which any PSCI 0.2+ firmware serves;
 *   2. PSCI >= 1.0: PSCI_FEATURES(SMCCC_VERSION) says whether SMCCC_VERSION
 *      exists; only then SMCCC_VERSION. Plain firmware (QEMU's built-in
 *      PSCI) answers NOT_SUPPORTED there and treats any non-PSCI ID on its
 *      conduit as UNDEFINED: without SMCCC >= 1.1 no other ID is ever sent;
 *   3. SMCCC >= 1.1: only what the conduit's owner serves. Xen (known from
 *      the tree or the kernel, or by its UID) serves PSCI, the arch calls and
 *      the standard-hypervisor UID and logs "Unhandled SMC/HVC" for the rest
 *      (xen/arch/arm/vsmc.c): it is asked STD_HYP_CALL_UID and nothing more.
 *      Otherwise (unknown IDs answer NOT_SUPPORTED from 1.1 on) the vendor
 *      UID, KVM_FEATURES under KVM's UID, TRNG_VERSION.
 * Status and value share w0 (SMC32, DEN0028 2.6): a version is a value only
 * when non-negative; a bitmap (KVM_FEATURES) is a value whatever bit 31 says.
 * The discovery calls clobber x4-x17 (SMCCC 1.0 rules: the version is not
 * known yet).
 */
#include "arm64_internal.h"

#include <hyp/smccc.h>

unsigned char hyp_psci_gate = HYP_GATE_UNINIT;
unsigned char hyp_smccc_gate = HYP_GATE_UNINIT;

static long call(uint32_t conduit, uint32_t fid, unsigned long a1, struct hyp_smccc_res *res)
{
	if (conduit == HYP_ARM_CONDUIT_HVC)
		return hyp_smccc_hvc_v10(fid, a1, 0, 0, res);
	return hyp_smccc_smc_v10(fid, a1, 0, 0, res);
}

static int32_t w0(long raw)
{
	return (int32_t)(uint32_t)(unsigned long)raw;
}

static void read_uid(uint32_t conduit, uint32_t fid, uint32_t uid[4])
{
	struct hyp_smccc_res r;

	call(conduit, fid, 0, &r);
	uid[0] = (uint32_t)r.a0;
	uid[1] = (uint32_t)r.a1;
	uid[2] = (uint32_t)r.a2;
	uid[3] = (uint32_t)r.a3;
}

static bool uid_is(const uint32_t uid[4], uint32_t u0, uint32_t u1, uint32_t u2, uint32_t u3)
{
	return uid[0] == u0 && uid[1] == u1 && uid[2] == u2 && uid[3] == u3;
}

void hyp_smccc_detect(const struct hyp_arm64_detect *ctx, struct hyp_info *info)
{
	if (ctx->conduit != HYP_ARM_CONDUIT_HVC && ctx->conduit != HYP_ARM_CONDUIT_SMC)
		return;
	info->arm_conduit = ctx->conduit;
	info->families |= HYP_FAMILY_SMCCC;
}

static bool is_xen(const struct hyp_info *info)
{
	return info->kind == HYP_KIND_XEN;
}

void hyp_smccc_probe(struct hyp_info *info)
{
	uint32_t conduit = info->arm_conduit;
	int32_t v;

	if (!(info->families & HYP_FAMILY_SMCCC))
		return;
	v = w0(call(conduit, HYP_PSCI_VERSION, 0, NULL));
	info->arm_psci_version = v > 0 ? (uint32_t)v : 0;
	if (info->arm_psci_version < HYP_PSCI_VERSION_1_0)
		return;
	if (w0(call(conduit, HYP_PSCI_FEATURES, HYP_SMCCC_VERSION, NULL)) < 0)
		return;
	v = w0(call(conduit, HYP_SMCCC_VERSION, 0, NULL));
	if (v < (int32_t)HYP_SMCCC_VERSION_1_1)
		return;
	info->arm_smccc_version = (uint32_t)v;

	read_uid(conduit, HYP_SMCCC_STD_HYP_CALL_UID, info->arm_std_hyp_uid);
	if (uid_is(info->arm_std_hyp_uid, HYP_SMCCC_UID_XEN_0, HYP_SMCCC_UID_XEN_1,
		   HYP_SMCCC_UID_XEN_2, HYP_SMCCC_UID_XEN_3) && info->kind == HYP_KIND_NONE) {
		info->kind = HYP_KIND_XEN;      /* Xen without /hypervisor: its hypercalls stay closed */
		hyp_arm64_set_signature(info, "Xen");
	}
	if (is_xen(info))
		return;
	read_uid(conduit, HYP_SMCCC_VENDOR_HYP_CALL_UID, info->arm_vendor_hyp_uid);
	if (uid_is(info->arm_vendor_hyp_uid, HYP_SMCCC_UID_KVM_0, HYP_SMCCC_UID_KVM_1,
		   HYP_SMCCC_UID_KVM_2, HYP_SMCCC_UID_KVM_3)) {
		info->families |= HYP_FAMILY_KVM;
		info->kvm_features = (uint32_t)call(conduit, HYP_SMCCC_KVM_FEATURES, 0, NULL);
		if (info->kind == HYP_KIND_NONE) {
			info->kind = HYP_KIND_KVM;
			hyp_arm64_set_signature(info, "KVM");
		}
	}
	v = w0(call(conduit, HYP_TRNG_VERSION, 0, NULL));
	info->arm_trng_version = v > 0 ? (uint32_t)v : 0;
}

static unsigned int conduit_gate(uint32_t conduit)
{
	return conduit == HYP_ARM_CONDUIT_SMC ? HYP_GATE_SMCCC_SMC : HYP_GATE_SMCCC_HVC;
}

void hyp_smccc_open_gates(const struct hyp_info *info)
{
	bool psci = (info->families & HYP_FAMILY_SMCCC) != 0;

	hyp_gate_open(&hyp_psci_gate, psci ? conduit_gate(info->arm_conduit) : HYP_GATE_ABSENT);
	hyp_gate_open(&hyp_smccc_gate, psci && info->arm_smccc_version >= HYP_SMCCC_VERSION_1_1 ?
				       conduit_gate(info->arm_conduit) : HYP_GATE_ABSENT);
}

uint32_t hyp_smccc_version(void)
{
	const struct hyp_info *info = hyp_get_info();

	return info ? info->arm_smccc_version : 0;
}
