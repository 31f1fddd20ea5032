/* SPDX-License-Identifier: MIT */
/*
 * SMCCC typed calls, aarch64: PSCI (DEN0022 1.1, "API specification"), SMCCC
 * architecture calls (DEN0028, "Arm Architecture Calls"), KVM's vendor services (Linux
 * Documentation/virt/kvm/arm/hypercalls.rst, ptp_kvm.rst) and TRNG (DEN0098).
 * PSCI goes through hyp_psci_gate, everything else through hyp_smccc_gate.
 */
#include "arm64_internal.h"

#include <hyp/smccc.h>

/* Gated calls' answers: the closed gate's code, else mapped (lib/internal.h). */
static int psci_answer(long raw)
{
	return hyp_gate_passed(raw, &hyp_psci_gate) ? (int)raw : hyp_psci_error(raw);
}

static int smccc_answer(long raw)
{
	return hyp_gate_passed(raw, &hyp_smccc_gate) ? (int)raw : hyp_smccc_error(raw);
}

static int trng_answer(long raw)
{
	return hyp_gate_passed(raw, &hyp_smccc_gate) ? (int)raw : hyp_trng_error(raw);
}

/* KVM's vendor calls pass two gates (kvm_call): either one closed now. */
static bool kvm_gate_passed(long raw)
{
	return hyp_gate_passed(raw, &hyp_kvm_gate) || hyp_gate_passed(raw, &hyp_smccc_gate);
}

int hyp_psci_version(void)
{
	return psci_answer(hyp_psci_hypercall0(HYP_PSCI_VERSION, NULL));
}

int hyp_psci_features(uint32_t fid)
{
	return psci_answer(hyp_psci_hypercall1(HYP_PSCI_FEATURES, fid, NULL));
}

int hyp_psci_cpu_on(uint64_t target, uint64_t entry, uint64_t context)
{
	return psci_answer(hyp_psci_hypercall3(HYP_PSCI_CPU_ON, target, entry, context, NULL));
}

int hyp_psci_cpu_off(void)
{
	return psci_answer(hyp_psci_hypercall0(HYP_PSCI_CPU_OFF, NULL));
}

int hyp_psci_cpu_suspend(uint32_t power_state, uint64_t entry, uint64_t context)
{
	return psci_answer(hyp_psci_hypercall3(HYP_PSCI_CPU_SUSPEND, power_state, entry, context,
					       NULL));
}

int hyp_psci_affinity_info(uint64_t target)
{
	return psci_answer(hyp_psci_hypercall2(HYP_PSCI_AFFINITY_INFO, target, 0, NULL));
}

int hyp_psci_system_off(void)
{
	return psci_answer(hyp_psci_hypercall0(HYP_PSCI_SYSTEM_OFF, NULL));
}

int hyp_psci_system_reset(void)
{
	return psci_answer(hyp_psci_hypercall0(HYP_PSCI_SYSTEM_RESET, NULL));
}

int hyp_psci_system_reset2(uint32_t type, uint64_t cookie)
{
	int rc = hyp_psci_features(HYP_PSCI_SYSTEM_RESET2);

	if (rc < 0)
		return rc;
	return psci_answer(hyp_psci_hypercall2(HYP_PSCI_SYSTEM_RESET2, type, cookie, NULL));
}

int hyp_smccc_arch_features(uint32_t fid)
{
	return smccc_answer(hyp_smccc_hypercall1(HYP_SMCCC_ARCH_FEATURES, fid, NULL));
}

int hyp_smccc_call_uid(uint32_t fid, uint32_t uid[4])
{
	struct hyp_smccc_res r = { 0, 0, 0, 0 };
	long raw;

	if (!uid)
		return HYP_EINVAL;
	raw = hyp_smccc_hypercall0(fid, &r);
	if (hyp_gate_passed(raw, &hyp_smccc_gate))
		return (int)raw;
	if ((uint32_t)r.a0 == HYP_SMCCC_UNKNOWN_UID)
		return HYP_ENOSYS;
	uid[0] = (uint32_t)r.a0;
	uid[1] = (uint32_t)r.a1;
	uid[2] = (uint32_t)r.a2;
	uid[3] = (uint32_t)r.a3;
	return HYP_OK;
}

/* KVM's vendor calls only where detection found KVM's UID. */
static long kvm_call(uint32_t fid, unsigned long a1, struct hyp_smccc_res *res)
{
	HYP_GATE_CHECK(hyp_kvm_gate);
	return hyp_smccc_hypercall1(fid, a1, res);
}

int hyp_kvm_arm_features(uint32_t *bitmap)
{
	long raw;

	if (!bitmap)
		return HYP_EINVAL;
	raw = kvm_call(HYP_SMCCC_KVM_FEATURES, 0, NULL);
	if (kvm_gate_passed(raw))
		return (int)raw;
	/* The bitmap is w0 (bit 31 may be set): only -1 is NOT_SUPPORTED. */
	if ((int32_t)(uint32_t)raw == HYP_SMCCC_RET_NOT_SUPPORTED)
		return HYP_ENOSYS;
	*bitmap = (uint32_t)raw;
	return HYP_OK;
}

int hyp_kvm_arm_ptp(uint32_t counter, uint64_t *wall_ns, uint64_t *cycles)
{
	struct hyp_smccc_res r = { 0, 0, 0, 0 };
	long raw;

	if (!wall_ns || !cycles || counter > HYP_SMCCC_KVM_PTP_PHYS_COUNTER)
		return HYP_EINVAL;
	raw = kvm_call(HYP_SMCCC_KVM_PTP, counter, &r);
	if (kvm_gate_passed(raw))
		return (int)raw;
	if ((int32_t)(uint32_t)r.a0 == HYP_SMCCC_RET_NOT_SUPPORTED)
		return HYP_ENOSYS;
	*wall_ns = (uint64_t)(uint32_t)r.a0 << 32 | (uint32_t)r.a1;
	*cycles = (uint64_t)(uint32_t)r.a2 << 32 | (uint32_t)r.a3;
	return HYP_OK;
}

int hyp_trng_version(void)
{
	return trng_answer(hyp_smccc_hypercall0(HYP_TRNG_VERSION, NULL));
}

int hyp_trng_rnd64(unsigned int bits, uint64_t out[3])
{
	struct hyp_smccc_res r = { 0, 0, 0, 0 };
	int rc;

	if (!out || bits == 0 || bits > HYP_TRNG_RND64_MAX_BITS)
		return HYP_EINVAL;
	rc = trng_answer(hyp_smccc_hypercall1(HYP_TRNG_RND64, bits, &r));
	if (rc < 0)
		return rc;
	out[0] = r.a1;
	out[1] = r.a2;
	out[2] = r.a3;
	return HYP_OK;
}
