/* SPDX-License-Identifier: MIT */
/*
 * The library's own aarch64 code (detection, the init-time probe, the typed
 * calls) against a hypervisor this image plays. QEMU virt without EL2 or
 * EL3 serves PSCI over hvc, so `smc` is UNDEFINED there (Arm ARM D1.10,
 * "SMC"): with the kernel's word "smc" every SMCCC call the library makes
 * traps to this image's EC 0 handler, which records it and answers.
 *   mode=kvm  answers as KVM (Linux Documentation/virt/kvm/arm/hypercalls.rst):
 *             KVM's UID, a KVM_FEATURES bitmap with bit 31 set, PTP, TRNG;
 *   mode=xen  the kernel declares Xen: answers as Xen 4.17, which serves only
 *             PSCI, the SMCCC arch calls and its standard-hypervisor UID and
 *             logs "Unhandled SMC/HVC" for anything else
 *             (xen-project/xen: xen/arch/arm/vsmc.c, vsmccc_handle_call).
 * Every multi-register answer has a distinct value in each register (with
 * junk in the upper half of SMC32 results, W registers, DEN0028 2.6).
 */
#include <guest/arm64.h>
#include <guest/test.h>
#include <hyp/hyp.h>

#define SMC0            0xd4000003u     /* smc #0 */
#define JUNK            0x5a5a5a5a00000000ul
#define KVM_BITMAP      0x80000003u     /* bit 31 set: still a bitmap, not a status */

static bool xen_mode;
static unsigned int smc_traps, bad_insn;
static uint32_t fids[64];
static uint64_t last_x1;

/* TRNG_RND64 and PTP answers, one distinct value per register. */
static const uint64_t rnd[4] = { 0, 0x1111111111111111ul, 0x2222222222222222ul, 0x3333333333333333ul };
static const uint32_t ptp[4] = { 0x00000065, 0x4b3c2d1e, 0x0000a1b2, 0xc3d4e5f6 };
static const uint64_t raw4[4] = { 0x0a0a0a0a0a0a0a0aul, 0x0b0b0b0b0b0b0b0bul, 0x0c0c0c0c0c0c0c0cul,
				  0x0d0d0d0d0d0d0d0dul };
#define RAW_FID         0xc6000042u     /* a 64-bit vendor-hyp ID the harness answers in x0-x3 */

static void answer4(struct guest_frame *f, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	f->x[0] = a0;
	f->x[1] = a1;
	f->x[2] = a2;
	f->x[3] = a3;
}

static bool smc_harness(struct guest_frame *f)
{
	uint32_t fid = (uint32_t)f->x[0];
	uint64_t unk = JUNK | 0xffffffffu;

	if (*(const volatile uint32_t *)f->elr != SMC0) {
		bad_insn++;
		return false;
	}
	if (smc_traps < sizeof(fids) / sizeof(fids[0]))
		fids[smc_traps] = fid;
	smc_traps++;
	last_x1 = f->x[1];
	f->elr += 4;
	switch (fid) {
	case HYP_PSCI_VERSION:
		f->x[0] = JUNK | 0x10001;
		break;
	case HYP_PSCI_FEATURES:
		f->x[0] = f->x[1] == HYP_SMCCC_VERSION ? JUNK : unk;
		break;
	case HYP_SMCCC_VERSION:
		f->x[0] = JUNK | 0x10002;
		break;
	case HYP_SMCCC_STD_HYP_CALL_UID:
		if (xen_mode)
			answer4(f, JUNK | HYP_SMCCC_UID_XEN_0, JUNK | HYP_SMCCC_UID_XEN_1,
				JUNK | HYP_SMCCC_UID_XEN_2, JUNK | HYP_SMCCC_UID_XEN_3);
		else
			f->x[0] = unk;
		break;
	case HYP_SMCCC_VENDOR_HYP_CALL_UID:
		if (xen_mode)
			f->x[0] = unk;
		else
			answer4(f, JUNK | HYP_SMCCC_UID_KVM_0, JUNK | HYP_SMCCC_UID_KVM_1,
				JUNK | HYP_SMCCC_UID_KVM_2, JUNK | HYP_SMCCC_UID_KVM_3);
		break;
	case HYP_SMCCC_KVM_FEATURES:
		f->x[0] = xen_mode ? unk : JUNK | KVM_BITMAP;
		break;
	case HYP_SMCCC_KVM_PTP:
		if (xen_mode)
			f->x[0] = unk;
		else
			answer4(f, JUNK | ptp[0], JUNK | ptp[1], JUNK | ptp[2], JUNK | ptp[3]);
		break;
	case HYP_TRNG_VERSION:
		f->x[0] = xen_mode ? unk : JUNK | 0x10000;
		break;
	case HYP_TRNG_RND64:
		answer4(f, rnd[0], rnd[1], rnd[2], rnd[3]);
		break;
	case RAW_FID:
		answer4(f, raw4[0], raw4[1], raw4[2], raw4[3]);
		break;
	default:
		f->x[0] = unk;
		break;
	}
	return true;
}

static bool sent(uint32_t fid)
{
	for (unsigned int i = 0; i < smc_traps && i < sizeof(fids) / sizeof(fids[0]); i++)
		if (fids[i] == fid)
			return true;
	return false;
}

/*
 * A device tree with one /psci node (and optionally /hypervisor), built in
 * place (Devicetree Specification 0.4, chapter 5: header, empty reservation
 * map, structure block, strings block). Strings with embedded NULs are
 * string lists; their length includes the final NUL.
 */
static uint8_t tree[512] __attribute__((aligned(8)));
static unsigned int tpos;

static void put32(unsigned int off, uint32_t v)
{
	tree[off] = (uint8_t)(v >> 24);
	tree[off + 1] = (uint8_t)(v >> 16);
	tree[off + 2] = (uint8_t)(v >> 8);
	tree[off + 3] = (uint8_t)v;
}

static void tok(uint32_t v)
{
	put32(tpos, v);
	tpos += 4;
}

static void bytes(const char *s, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		tree[tpos++] = (uint8_t)s[i];
	while (tpos % 4)
		tree[tpos++] = 0;
}

#define STR_COMPATIBLE  0u
#define STR_METHOD      11u
static const char strings[] = "compatible\0method";

static void prop(uint32_t nameoff, const char *val, unsigned int len)
{
	tok(3);
	tok(len);
	tok(nameoff);
	bytes(val, len);
}

/* The tree: psci_compat (len bytes) or none, method or none, hypervisor compatible or none. */
static size_t build(const char *compat, unsigned int clen, const char *method,
		    const char *hv, unsigned int hvlen)
{
	const unsigned int off_struct = 56;

	for (unsigned int i = 0; i < sizeof(tree); i++)
		tree[i] = 0;
	tpos = off_struct;
	tok(1);
	bytes("", 1);
	if (compat) {
		tok(1);
		bytes("psci", 5);
		prop(STR_COMPATIBLE, compat, clen);
		if (method)
			prop(STR_METHOD, method, 4);
		tok(2);
	}
	if (hv) {
		tok(1);
		bytes("hypervisor", 11);
		prop(STR_COMPATIBLE, hv, hvlen);
		tok(2);
	}
	tok(2);
	tok(9);
	put32(36, tpos - off_struct);           /* size_dt_struct */
	put32(12, tpos);                        /* off_dt_strings */
	put32(32, sizeof(strings));             /* size_dt_strings */
	for (unsigned int i = 0; i < sizeof(strings); i++)
		tree[tpos++] = (uint8_t)strings[i];
	put32(0, 0xd00dfeed);
	put32(4, tpos);                         /* totalsize */
	put32(8, off_struct);
	put32(16, 40);                          /* off_mem_rsvmap: 16 zero bytes */
	put32(20, 17);
	put32(24, 16);
	return tpos;
}

#define LIT(s) s, sizeof(s)

/* A /psci node as a real tree carries it, and the conduit it must give; no call made. */
static void vintage(const char *what, const char *compat, unsigned int clen, const char *method,
		    uint32_t conduit)
{
	unsigned int before = smc_traps;
	size_t n = build(compat, clen, method, NULL, 0);
	struct hyp_platform p = { .fdt = tree, .fdt_size = n };
	struct hyp_info i;
	bool ok = hyp_detect(&p, &i) == 0 && i.arm_conduit == conduit &&
		  !!(i.families & HYP_FAMILY_SMCCC) == (conduit != HYP_ARM_CONDUIT_DEFAULT);

	report(ok && smc_traps == before, "tree %s: conduit %u (want %u), %u calls", what,
	       i.arm_conduit, conduit, smc_traps - before);
}

/* Trees of every vintage (a table of pointers would need relocations in .rodata: calls). */
static void vintages(void)
{
	/* PSCI 0.1 alone: per-platform function IDs (QEMU < 2.0, first KVM trees): not used. */
	vintage("\"arm,psci\" (PSCI 0.1), hvc", LIT("arm,psci"), "hvc", HYP_ARM_CONDUIT_DEFAULT);
	/* Boards' own trees (Linux arch/arm64/boot/dts/allwinner/sun50i-a64.dtsi). */
	vintage("\"arm,psci-0.2\" alone, smc", LIT("arm,psci-0.2"), "smc", HYP_ARM_CONDUIT_SMC);
	vintage("\"arm,psci-0.2\" alone, hvc", LIT("arm,psci-0.2"), "hvc", HYP_ARM_CONDUIT_HVC);
	/* QEMU 2.x-4.x virt (hw/arm/virt.c fdt_add_psci_node before PSCI 1.0). */
	vintage("\"arm,psci-0.2\", \"arm,psci\", hvc", LIT("arm,psci-0.2\0arm,psci"), "hvc",
		HYP_ARM_CONDUIT_HVC);
	/* QEMU >= 5.0 virt; Xen 4.17's dom0 tree (xen/arch/arm/domain_build.c, make_psci_node). */
	vintage("\"arm,psci-1.0\", \"arm,psci-0.2\", \"arm,psci\", smc",
		LIT("arm,psci-1.0\0arm,psci-0.2\0arm,psci"), "smc", HYP_ARM_CONDUIT_SMC);
	/* Boards' own trees (Linux arch/arm64/boot/dts/rockchip/rk3399.dtsi). */
	vintage("\"arm,psci-1.0\" alone, smc", LIT("arm,psci-1.0"), "smc", HYP_ARM_CONDUIT_SMC);
	vintage("\"arm,psci-1.0\" alone, hvc", LIT("arm,psci-1.0"), "hvc", HYP_ARM_CONDUIT_HVC);
	/* No method: no conduit to use. */
	vintage("\"arm,psci-0.2\" without method", LIT("arm,psci-0.2"), NULL, HYP_ARM_CONDUIT_DEFAULT);
	vintage("\"arm,psci-1.0\" without method", LIT("arm,psci-1.0"), NULL, HYP_ARM_CONDUIT_DEFAULT);
}

/* hyp_detect() asks nothing (item of DESIGN.md "Detection"): every call would trap here. */
static void detect_is_pure(void)
{
	struct hyp_platform p;
	struct hyp_info i;
	unsigned int before = smc_traps;
	size_t n;
	bool ok;

	p = (struct hyp_platform){ .arm_conduit = HYP_ARM_CONDUIT_SMC };
	ok = hyp_detect(&p, &i) == 0 && i.arm_conduit == HYP_ARM_CONDUIT_SMC &&
	     i.families == HYP_FAMILY_SMCCC && i.kind == HYP_KIND_NONE;
	report(ok && smc_traps == before, "hyp_detect(kernel's word smc): SMCCC on smc, %u calls",
	       smc_traps - before);
	before = smc_traps;
	p.declared_kind = HYP_KIND_XEN;
	ok = hyp_detect(&p, &i) == 0 && i.kind == HYP_KIND_XEN &&
	     i.families == (HYP_FAMILY_SMCCC | HYP_FAMILY_XEN);
	report(ok && smc_traps == before, "hyp_detect(declared Xen, smc): Xen and SMCCC, %u calls",
	       smc_traps - before);

	vintages();
	before = smc_traps;
	n = build(LIT("arm,psci-1.0\0arm,psci-0.2\0arm,psci"), "smc", LIT("xen,xen-4.17\0xen,xen"));
	p = (struct hyp_platform){ .fdt = tree, .fdt_size = n };
	ok = hyp_detect(&p, &i) == 0 && i.arm_conduit == HYP_ARM_CONDUIT_SMC &&
	     i.kind == HYP_KIND_XEN && (i.families & HYP_FAMILY_XEN);
	report(ok && smc_traps == before, "Xen's dom0 tree (/hypervisor \"xen,xen\"): Xen, %u calls",
	       smc_traps - before);
	before = smc_traps;
	n = build(LIT("arm,psci-0.2"), "smc", LIT("xen,xen-4.17"));
	p = (struct hyp_platform){ .fdt = tree, .fdt_size = n };
	ok = hyp_detect(&p, &i) == 0 && !(i.families & HYP_FAMILY_XEN);
	report(ok && smc_traps == before, "/hypervisor without \"xen,xen\": not Xen, %u calls",
	       smc_traps - before);
}

/* One call, its expected number of traps, its result. */
#define CALLS(want_traps, cond, ...) do { \
	unsigned int b_ = smc_traps; \
	bool c_ = (cond); \
	report(c_ && smc_traps - b_ == (want_traps), __VA_ARGS__); \
} while (0)

static void kvm_checks(const struct hyp_info *info)
{
	struct hyp_smccc_res r = { 0, 0, 0, 0 };
	uint64_t out[3], ns = 0, cyc = 0;
	uint32_t uid[4], bm = 0;
	int rc;

	report(info->kind == HYP_KIND_KVM && (info->families & HYP_FAMILY_KVM) &&
	       info->arm_vendor_hyp_uid[0] == HYP_SMCCC_UID_KVM_0 &&
	       info->arm_vendor_hyp_uid[1] == HYP_SMCCC_UID_KVM_1 &&
	       info->arm_vendor_hyp_uid[2] == HYP_SMCCC_UID_KVM_2 &&
	       info->arm_vendor_hyp_uid[3] == HYP_SMCCC_UID_KVM_3,
	       "probe: KVM by its UID, all four words kept");
	report(info->kvm_features == KVM_BITMAP, "probe: KVM_FEATURES 0x%x (bit 31 kept)",
	       info->kvm_features);
	report(info->arm_psci_version == 0x10001 && info->arm_smccc_version == 0x10002 &&
	       info->arm_trng_version == 0x10000, "probe: PSCI, SMCCC and TRNG versions as W registers");

	CALLS(1, hyp_kvm_arm_features(&bm) == 0 && bm == KVM_BITMAP,
	      "hyp_kvm_arm_features: 0x%x, bit 31 set is a bitmap, not an error", bm);
	CALLS(1, hyp_smccc_call_uid(HYP_SMCCC_VENDOR_HYP_CALL_UID, uid) == 0 &&
	      uid[0] == HYP_SMCCC_UID_KVM_0 && uid[1] == HYP_SMCCC_UID_KVM_1 &&
	      uid[2] == HYP_SMCCC_UID_KVM_2 && uid[3] == HYP_SMCCC_UID_KVM_3,
	      "hyp_smccc_call_uid: w0..w3 each from its register");
	CALLS(1, hyp_smccc_hypercall0(RAW_FID, &r) == (long)raw4[0] && r.a0 == raw4[0] &&
	      r.a1 == raw4[1] && r.a2 == raw4[2] && r.a3 == raw4[3],
	      "hyp_smccc_hypercall0: x0..x3 each from its register");
	r = (struct hyp_smccc_res){ 0, 0, 0, 0 };
	CALLS(1, hyp_smccc_hypercall7(RAW_FID, 1, 2, 3, 4, 5, 6, 7, &r) == (long)raw4[0] &&
	      r.a0 == raw4[0] && r.a1 == raw4[1] && r.a2 == raw4[2] && r.a3 == raw4[3],
	      "hyp_smccc_hypercall7: x0..x3 each from its register");

	/* PTP: wall = w0:w1, counter = w2:w3 (ptp_kvm.rst); counter 0 and 1 only. */
	CALLS(1, hyp_kvm_arm_ptp(HYP_SMCCC_KVM_PTP_VIRT_COUNTER, &ns, &cyc) == 0 && last_x1 == 0 &&
	      ns == ((uint64_t)ptp[0] << 32 | ptp[1]) && cyc == ((uint64_t)ptp[2] << 32 | ptp[3]),
	      "PTP(counter 0): wall 0x%lx, cycles 0x%lx from w0:w1, w2:w3", (unsigned long)ns,
	      (unsigned long)cyc);
	CALLS(1, hyp_kvm_arm_ptp(HYP_SMCCC_KVM_PTP_PHYS_COUNTER, &ns, &cyc) == 0 && last_x1 == 1,
	      "PTP(counter 1, the last valid): sent");
	CALLS(0, hyp_kvm_arm_ptp(HYP_SMCCC_KVM_PTP_PHYS_COUNTER + 1, &ns, &cyc) == HYP_EINVAL,
	      "PTP(counter 2): HYP_EINVAL, not sent");
	CALLS(0, hyp_kvm_arm_ptp(~0u, &ns, &cyc) == HYP_EINVAL, "PTP(counter ~0): HYP_EINVAL, not sent");

	/* TRNG_RND64: 1..192 bits (DEN0098 2.5); x1, x2, x3 = out[0..2]. */
	out[0] = out[1] = out[2] = 0;
	CALLS(1, hyp_trng_rnd64(192, out) == 0 && last_x1 == 192 && out[0] == rnd[1] &&
	      out[1] == rnd[2] && out[2] == rnd[3], "TRNG_RND64(192, the limit): x1, x2, x3 in order");
	CALLS(1, hyp_trng_rnd64(191, out) == 0 && last_x1 == 191, "TRNG_RND64(191): sent");
	CALLS(1, hyp_trng_rnd64(1, out) == 0 && last_x1 == 1, "TRNG_RND64(1): sent");
	CALLS(0, hyp_trng_rnd64(193, out) == HYP_EINVAL, "TRNG_RND64(193): HYP_EINVAL, not sent");
	CALLS(0, hyp_trng_rnd64(0, out) == HYP_EINVAL, "TRNG_RND64(0): HYP_EINVAL, not sent");
	rc = hyp_trng_version();
	report(rc == 0x10000, "TRNG_VERSION 0x%x", (unsigned int)rc);
}

static void xen_checks(const struct hyp_info *info)
{
	report(info->kind == HYP_KIND_XEN && (info->families & HYP_FAMILY_XEN) &&
	       !(info->families & HYP_FAMILY_KVM), "probe: Xen (declared), no KVM");
	report(info->arm_std_hyp_uid[0] == HYP_SMCCC_UID_XEN_0 &&
	       info->arm_std_hyp_uid[1] == HYP_SMCCC_UID_XEN_1 &&
	       info->arm_std_hyp_uid[2] == HYP_SMCCC_UID_XEN_2 &&
	       info->arm_std_hyp_uid[3] == HYP_SMCCC_UID_XEN_3,
	       "probe: Xen's standard-hypervisor UID, all four words kept");
	report(sent(HYP_SMCCC_STD_HYP_CALL_UID) && !sent(HYP_SMCCC_VENDOR_HYP_CALL_UID) &&
	       !sent(HYP_SMCCC_KVM_FEATURES) && !sent(HYP_TRNG_VERSION),
	       "probe asked Xen only what Xen serves (no vendor UID, KVM_FEATURES, TRNG_VERSION)");
	report(info->arm_trng_version == 0, "no TRNG under Xen");
}

void test_main(void)
{
	struct hyp_platform plat = { .arm_conduit = HYP_ARM_CONDUIT_SMC };
	const struct hyp_info *info;
	unsigned int before;
	int rc;

	xen_mode = guest_cmdline_has("mode=xen");
	if (!xen_mode && !guest_cmdline_has("mode=kvm"))
		report_abort("no mode= on the command line");
	guest_set_trap_handler(ARM64_EC_UNKNOWN, smc_harness);

	detect_is_pure();

	if (xen_mode)
		plat.declared_kind = HYP_KIND_XEN;
	before = smc_traps;
	rc = hyp_init(&plat);
	info = hyp_get_info();
	report(rc == 0 && info, "hyp_init: %s, %u calls", hyp_strerror(rc), smc_traps - before);
	if (!info)
		return;
	report(sent(HYP_PSCI_VERSION) && fids[before] == HYP_PSCI_VERSION,
	       "hyp_init's probe starts with PSCI_VERSION");
	if (xen_mode)
		xen_checks(info);
	else
		kvm_checks(info);
	report(bad_insn == 0, "every trap was the library's smc #0");
}
