/* SPDX-License-Identifier: MIT */
/*
 * aarch64 SMCCC (PSCI, SMCCC arch calls, KVM vendor services, TRNG) and Xen
 * on Arm against a hostile hypervisor, on the host: lib/arm64/smccc_calls.c,
 * smccc_probe.c, lib/smccc_error.c and lib/xen_calls.c built for aarch64
 * with the hvc/smc stubs replaced (arm64_host/hyp/arm64/). The firmware
 * answers distinct values in x0-x3, every library code in x0 (as x0 and as
 * w0), and Xen writes what its ABI lets it write. Checked: every output is
 * the register the ABI names; every caller object sits against a PROT_NONE
 * page; no answer reaches the caller as a library code; one call per typed
 * call (two for SYSTEM_RESET2), the probe's calls bounded.
 * Closing line: "N passed, N failed".
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "abi_report.h"
#include "hostile_harness.h"

#undef __x86_64__               /* the library's aarch64 API (its sources are built so) */
#define __aarch64__ 1
#include <hyp/smccc.h>
#include <hyp/xen.h>

unsigned char hyp_kvm_gate = HYP_GATE_OPEN;
unsigned char hyp_xen_gate = HYP_GATE_OPEN;
extern unsigned char hyp_psci_gate, hyp_smccc_gate;
void hyp_smccc_probe(struct hyp_info *info);

static struct hyp_info info;

const struct hyp_info *hyp_get_info(void)
{
	return &info;
}

uint64_t hyp_virt_to_phys(const void *va)
{
	return (uint64_t)(uintptr_t)va;
}

static struct {
	unsigned long x[4];             /* the next answer, or */
	void (*by_fid)(uint32_t fid, unsigned long out[4]);
	unsigned int calls;
} fw;

void host_smccc(int smc, int v10, uint32_t fid, const unsigned long a[7], unsigned long out[4])
{
	(void)smc;
	(void)v10;
	(void)a;
	fw.calls++;
	memcpy(out, fw.x, sizeof(fw.x));
	if (fw.by_fid)
		fw.by_fid(fid, out);
}

/* KVM with PSCI 1.1, SMCCC 1.1, a features bitmap with bit 31 set, no TRNG (upper halves garbage). */
static void kvm_firmware(uint32_t fid, unsigned long out[4])
{
	static const uint32_t kvm_uid[4] = { HYP_SMCCC_UID_KVM_0, HYP_SMCCC_UID_KVM_1,
					     HYP_SMCCC_UID_KVM_2, HYP_SMCCC_UID_KVM_3 };

	out[0] = 0xffffffffffffffff;
	if (fid == HYP_PSCI_VERSION || fid == HYP_SMCCC_VERSION)
		out[0] = 0x10001;
	else if (fid == HYP_PSCI_FEATURES)
		out[0] = 0;
	else if (fid == HYP_SMCCC_KVM_FEATURES)
		out[0] = 0xdead000080000003ul;
	else if (fid == HYP_SMCCC_VENDOR_HYP_CALL_UID)
		for (unsigned int i = 0; i < 4; i++)
			out[i] = 0xdead000000000000ul | kvm_uid[i];
}

static struct {
	long answer;
	unsigned int calls;
	size_t wrote;                   /* bytes Xen writes through the pointer argument */
} xen;

long host_xen(unsigned int op, unsigned long a1, unsigned long a2, unsigned long a3,
	      unsigned long a4, unsigned long a5)
{
	(void)a4;
	(void)a5;
	xen.calls++;
	if (op == HYP_XEN_HYPERCALL_console_io && a1 == HYP_XEN_CONSOLEIO_read)
		memset((void *)a3, 'x', a2);    /* at most the count it was given */
	else if (op == HYP_XEN_HYPERCALL_xen_version && a1 == HYP_XEN_XENVER_extraversion)
		memset((void *)a2, 'y', HYP_XEN_EXTRAVERSION_LEN);
	return xen.answer;
}

static void answer(unsigned long x0, unsigned long x1, unsigned long x2, unsigned long x3)
{
	fw.x[0] = x0;
	fw.x[1] = x1;
	fw.x[2] = x2;
	fw.x[3] = x3;
	fw.calls = 0;
}

/* Each output is the register the ABI names (distinct values, garbage above a W register). */
static void outputs(void)
{
	uint32_t *uid = hostile_guard_tail(4 * sizeof(uint32_t)), *bitmap = hostile_guard_tail(4);
	uint64_t *wall = hostile_guard_tail(8), *cycles = hostile_guard_tail(8);
	uint64_t *rnd = hostile_guard_tail(3 * sizeof(uint64_t));
	int r;

	answer(0xa0a0a0a011111111ul, 0xa1a1a1a122222222ul, 0xa2a2a2a233333333ul, 0xa3a3a3a344444444ul);
	r = hyp_smccc_call_uid(HYP_SMCCC_VENDOR_HYP_CALL_UID, uid);
	check(r == 0 && uid[0] == 0x11111111u && uid[1] == 0x22222222u && uid[2] == 0x33333333u &&
	      uid[3] == 0x44444444u && fw.calls == 1, "call_uid: uid[i] = w<i>, one call");
	r = hyp_kvm_arm_ptp(HYP_SMCCC_KVM_PTP_PHYS_COUNTER, wall, cycles);
	check(r == 0 && *wall == 0x1111111122222222ull && *cycles == 0x3333333344444444ull && fw.calls == 2,
	      "kvm_arm_ptp: wall = w0:w1, cycles = w2:w3");
	answer(0, 0x1000000000000001ul, 0x2000000000000002ul, 0x3000000000000003ul);
	r = hyp_trng_rnd64(HYP_TRNG_RND64_MAX_BITS, rnd);
	check(r == 0 && rnd[0] == 0x1000000000000001ull && rnd[1] == 0x2000000000000002ull &&
	      rnd[2] == 0x3000000000000003ull && fw.calls == 1, "trng_rnd64: out[i] = x<i+1>");
	answer(0xffffffff80000011ul, 0, 0, 0);
	r = hyp_kvm_arm_features(bitmap);
	check(r == 0 && *bitmap == 0x80000011u && fw.calls == 1,
	      "kvm_arm_features: a bitmap with bit 31 set is a value, not a status");
	answer(0xffffffff, 0, 0, 0);
	check(hyp_kvm_arm_features(bitmap) == HYP_ENOSYS, "kvm_arm_features: w0 = -1 is NOT_SUPPORTED");
}

/* Every library code as x0 (and as w0): never a library code to the caller, one call each. */
static void no_spoofed_codes(void)
{
	uint32_t *uid = hostile_guard_tail(4 * sizeof(uint32_t)), *bitmap = hostile_guard_tail(4);
	uint64_t *wall = hostile_guard_tail(8), *cycles = hostile_guard_tail(8);
	uint64_t *rnd = hostile_guard_tail(3 * sizeof(uint64_t)), *param = hostile_guard_tail(8);
	char *ev = hostile_guard_tail(HYP_XEN_EXTRAVERSION_LEN), *buf = hostile_guard_tail(8);
	struct hyp_xen_evtchn_status_args *st = hostile_guard_tail(sizeof(*st));
	uint32_t *features = hostile_guard_tail(4);
	struct hostile_tally smccc = { 0 }, xen_t = { 0 };

#define SPOOF(expr, ncalls) HOSTILE_TALLY(smccc, expr, fw.calls, ncalls)
#define XSPOOF(expr) HOSTILE_TALLY(xen_t, expr, xen.calls, 1)

	for (unsigned int i = 0; i < HOSTILE_ANSWERS; i++) {
		answer(hostile_answer(i), hostile_answer(i), hostile_answer(i), hostile_answer(i));
		SPOOF(hyp_psci_version(), 1);
		SPOOF(hyp_psci_features(HYP_PSCI_CPU_ON), 1);
		SPOOF(hyp_psci_cpu_on(1, 0x1000, 0), 1);
		SPOOF(hyp_psci_cpu_off(), 1);
		SPOOF(hyp_psci_affinity_info(1), 1);
		SPOOF(hyp_psci_system_off(), 1);
		SPOOF(hyp_psci_system_reset(), 1);
		SPOOF(hyp_psci_system_reset2(0, 0), 1);     /* PSCI_FEATURES says no: one call */
		SPOOF(hyp_smccc_arch_features(HYP_SMCCC_ARCH_FEATURES), 1);
		SPOOF(hyp_smccc_call_uid(HYP_SMCCC_VENDOR_HYP_CALL_UID, uid), 1);
		SPOOF(hyp_kvm_arm_features(bitmap), 1);
		SPOOF(hyp_kvm_arm_ptp(0, wall, cycles), 1);
		SPOOF(hyp_trng_version(), 1);
		SPOOF(hyp_trng_rnd64(64, rnd), 1);

		xen.answer = (long)hostile_answer(i);
		XSPOOF(hyp_xen_version());
		XSPOOF(hyp_xen_extraversion(ev));
		XSPOOF(hyp_xen_get_features(0, features));
		XSPOOF(hyp_xen_console_write("abc", 3));
		XSPOOF(hyp_xen_console_read(buf, 8));
		XSPOOF(hyp_xen_sched_yield());
		XSPOOF(hyp_xen_sched_shutdown(0));
		XSPOOF(hyp_xen_evtchn_alloc_unbound(0));
		XSPOOF(hyp_xen_evtchn_bind_virq(0, 0));
		XSPOOF(hyp_xen_evtchn_bind_ipi(0));
		XSPOOF(hyp_xen_evtchn_send(1));
		XSPOOF(hyp_xen_evtchn_close(1));
		XSPOOF(hyp_xen_evtchn_status(1, st));
		XSPOOF(hyp_xen_hvm_get_param(0, param));
		XSPOOF(hyp_xen_hvm_set_param(0, 0));
		XSPOOF(hyp_xen_add_to_physmap(0, 0, 0));
		XSPOOF(hyp_xen_current_reservation());
	}
	check(smccc.spoofed == 0 && smccc.miscounted == 0, "SMCCC/PSCI/KVM/TRNG: %u answers in the "
	      "library range, %u reached the caller as library codes (first: %s), %u calls not one",
	      HOSTILE_ANSWERS, smccc.spoofed, smccc.first, smccc.miscounted);
	check(xen_t.spoofed == 0 && xen_t.miscounted == 0, "Xen on Arm: %u answers in the library range, "
	      "%u reached the caller as library codes (first: %s), %u calls not one", HOSTILE_ANSWERS,
	      xen_t.spoofed, xen_t.first, xen_t.miscounted);
}

/* Counts: never above what was asked. */
static void counts(void)
{
	char *buf = hostile_guard_tail(8);

	xen.calls = 0;
	xen.answer = 9;
	check(hyp_xen_console_read(buf, 8) == HYP_EIO && xen.calls == 1,
	      "console_read of 8 answered 9: HYP_EIO (the 8 bytes before the guard page only)");
	xen.answer = 4;
	check(hyp_xen_console_write("abc", 3) == HYP_EIO, "console_write of 3 answered 4: HYP_EIO");
	xen.calls = 0;
	xen.answer = 1;
	check(hyp_xen_console_write("abcdef", 6) == 6 && xen.calls == 6,
	      "console_write, one byte per answer: 6 bytes in 6 calls");
}

/* The probe under every hostile answer: bounded, versions only from non-negative answers. */
static void probe(void)
{
	unsigned int bad = 0, most = 0;

	for (unsigned int i = 0; i < HOSTILE_ANSWERS; i++) {
		memset(&info, 0, sizeof(info));
		info.families = HYP_FAMILY_SMCCC;
		info.arm_conduit = HYP_ARM_CONDUIT_HVC;
		answer(hostile_answer(i), hostile_answer(i), hostile_answer(i), hostile_answer(i));
		hyp_smccc_probe(&info);
		bad += info.arm_psci_version != 0 || info.arm_smccc_version != 0 ||
		       info.arm_trng_version != 0;
		most = fw.calls > most ? fw.calls : most;
	}
	check(bad == 0 && most == 1, "probe, every answer a library code: no version taken, "
	      "one call (PSCI_VERSION); %u wrong", bad);

	memset(&info, 0, sizeof(info));
	info.families = HYP_FAMILY_SMCCC;
	info.arm_conduit = HYP_ARM_CONDUIT_HVC;
	fw.calls = 0;
	fw.by_fid = kvm_firmware;
	hyp_smccc_probe(&info);
	fw.by_fid = NULL;
	check((info.families & HYP_FAMILY_KVM) && info.kvm_features == 0x80000003u &&
	      info.arm_trng_version == 0 && fw.calls == 7, "probe of KVM: KVM's UID read from w0-w3, "
	      "features bitmap 0x%x with bit 31 (a value), TRNG's -1 no version, 7 calls",
	      info.kvm_features);
}

int main(void)
{
	hyp_psci_gate = HYP_GATE_SMCCC_HVC;
	hyp_smccc_gate = HYP_GATE_SMCCC_HVC;
	outputs();
	no_spoofed_codes();
	counts();
	probe();
	return abi_summary();
}
