/* SPDX-License-Identifier: MIT */
/*
 * SMCCC, PSCI, KVM vendor services, TRNG and Xen on aarch64, one image for
 * every environment; the expectation comes from the command line (/chosen
 * bootargs), never from what the library detects:
 *   expect=none-hvc  QEMU virt, no EL2: QEMU's PSCI over hvc, nothing else
 *   expect=none-smc  QEMU virt with EL2 but no hypervisor: PSCI over smc
 *   expect=kvm       a real KVM (the arm64 loader, PSCI 0.2+ on)
 *   expect=xen       dom0 of a real Xen 4.17
 *   end=off|reset|reset2  after the verdict, PSCI SYSTEM_OFF / SYSTEM_RESET /
 *                    SYSTEM_RESET2 (vendor type 0x80000042, cookie 0x1234abcd)
 *                    (the loader checks the system event it sees)
 * Every exception taken counts: the run must end with none.
 */
#include <guest/arm64.h>
#include <guest/test.h>
#include <hyp/hyp.h>

static bool expect_none, expect_kvm, expect_xen;

/* x86 only (include/hyp/xen.h): declared weak here, so the test sees whether the library has them. */
int hyp_xen_vcpu_is_up(uint32_t vcpu) __attribute__((weak));
int hyp_xen_vcpu_runstate(uint32_t vcpu, struct hyp_xen_vcpu_runstate_info *out)
	__attribute__((weak));
static uint32_t expect_conduit;

static void closed_gates(const char *when, int code)
{
	struct hyp_smccc_res r = { 0, 0, 0, 0 };
	uint32_t bm, uid[4];
	uint64_t ns, cyc, rnd[3];
	bool kvm_closed = !expect_kvm || code == HYP_ENOTINIT;
	bool smccc_closed = expect_none || code == HYP_ENOTINIT;

	if (smccc_closed) {
		report(hyp_smccc_hypercall0(HYP_SMCCC_VERSION, &r) == code &&
		       hyp_smccc_hypercall7(HYP_SMCCC_KVM_FEATURES, 1, 2, 3, 4, 5, 6, 7, NULL) == code &&
		       hyp_smccc_arch_features(HYP_SMCCC_ARCH_WORKAROUND_1) == code &&
		       hyp_smccc_call_uid(HYP_SMCCC_VENDOR_HYP_CALL_UID, uid) == code &&
		       hyp_trng_version() == code && hyp_trng_rnd64(64, rnd) == code,
		       "%s: SMCCC (non-PSCI) calls answer %s, nothing executed", when,
		       hyp_strerror(code));
	}
	if (kvm_closed)
		report(hyp_kvm_arm_features(&bm) == code && hyp_kvm_arm_ptp(0, &ns, &cyc) == code,
		       "%s: KVM vendor calls answer %s", when, hyp_strerror(code));
	if (!expect_xen || code == HYP_ENOTINIT)
		report(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_xen_version, 0, 0) == code &&
		       hyp_xen_version() == code && hyp_xen_console_write("x", 1) == code,
		       "%s: Xen calls answer %s", when, hyp_strerror(code));
	if (code == HYP_ENOTINIT)
		report(hyp_psci_version() == code && hyp_psci_hypercall0(HYP_PSCI_VERSION, NULL) == code,
		       "%s: PSCI answers %s", when, hyp_strerror(code));
}

static void psci_checks(void)
{
	int v = hyp_psci_version();

	report(v >= (int)HYP_PSCI_VERSION_1_0, "PSCI_VERSION 0x%x (>= 1.0)", (unsigned int)v);
	report(hyp_psci_features(HYP_PSCI_SYSTEM_OFF) == 0 &&
	       hyp_psci_features(HYP_PSCI_CPU_ON) == 0,
	       "PSCI_FEATURES: SYSTEM_OFF and CPU_ON implemented");
	report(hyp_psci_features(0x8400001f) == HYP_ENOSYS,
	       "PSCI_FEATURES(an unassigned PSCI ID) -> HYP_ENOSYS");
	report(hyp_psci_affinity_info(0) == HYP_PSCI_AFFINITY_ON,
	       "AFFINITY_INFO(cpu 0) = ON");
	report(hyp_psci_cpu_on(0, 0, 0) == HYP_EEXIST,
	       "CPU_ON(cpu 0, the running one) -> ALREADY_ON = HYP_EEXIST");
	report(hyp_psci_hypercall0(HYP_SMCCC_VERSION, NULL) == HYP_EINVAL,
	       "hyp_psci_hypercall refuses a non-PSCI ID (HYP_EINVAL), nothing executed");
}

/*
 * CPU_ON / AFFINITY_INFO / CPU_OFF with a second CPU (QEMU -smp 2, "smp" on
 * the command line): CPU 1 starts at smp_entry with x0 = its stack, marks
 * that it ran, and turns itself off through the same conduit.
 */
static volatile unsigned long secondary_ran;
static uint8_t secondary_stack[4096] __attribute__((aligned(16)));

void smp_secondary(void);
void smp_secondary(void)
{
	secondary_ran = 1;
	__asm__ __volatile__("dsb sy" ::: "memory");
	hyp_psci_cpu_off();
	secondary_ran = 2;              /* CPU_OFF returned: a failure */
	for (;;)
		__asm__ __volatile__("wfi");
}

void smp_entry(void);
__asm__(".text\n.globl smp_entry\nsmp_entry:\n\tmov sp, x0\n\tbl smp_secondary\n1:\twfi\n\tb 1b\n");

static void smp_checks(void)
{
	unsigned long spins;
	int rc, aff = -1;

	rc = hyp_psci_cpu_on(1, (uint64_t)(uintptr_t)smp_entry,
			     (uint64_t)(uintptr_t)(secondary_stack + sizeof(secondary_stack)));
	report(rc == 0, "CPU_ON(cpu 1): %s", hyp_strerror(rc));
	for (spins = 0; secondary_ran == 0 && spins < 100000000ul; spins++)
		;
	report(secondary_ran == 1, "cpu 1 ran at its entry point");
	for (spins = 0; spins < 1000000ul; spins++) {
		aff = hyp_psci_affinity_info(1);
		if (aff == HYP_PSCI_AFFINITY_OFF)
			break;
	}
	report(aff == HYP_PSCI_AFFINITY_OFF && secondary_ran == 1,
	       "cpu 1 turned itself off (CPU_OFF); AFFINITY_INFO(cpu 1) = OFF");
	report(hyp_psci_cpu_on(2, (uint64_t)(uintptr_t)smp_entry, 0) == HYP_EINVAL,
	       "CPU_ON(cpu 2, absent) -> INVALID_PARAMS = HYP_EINVAL");
}

static void kvm_checks(const struct hyp_info *info)
{
	uint32_t uid[4], bm = 0;
	uint64_t ns = 0, cyc = 0, ns2 = 0, cyc2 = 0, a[3] = { 0 }, b[3] = { 0 };
	struct hyp_smccc_res r = { 0, 0, 0, 0 };
	int rc;

	report(info->kind == HYP_KIND_KVM && (info->families & HYP_FAMILY_KVM),
	       "detected KVM by its vendor UID (kind %s)", hyp_kind_name(info->kind));
	report(hyp_smccc_version() >= HYP_SMCCC_VERSION_1_1, "SMCCC_VERSION 0x%x (>= 1.1)",
	       hyp_smccc_version());
	rc = hyp_smccc_call_uid(HYP_SMCCC_VENDOR_HYP_CALL_UID, uid);
	report(rc == 0 && uid[0] == HYP_SMCCC_UID_KVM_0 && uid[1] == HYP_SMCCC_UID_KVM_1 &&
	       uid[2] == HYP_SMCCC_UID_KVM_2 && uid[3] == HYP_SMCCC_UID_KVM_3,
	       "VENDOR_HYP_CALL_UID = KVM's %08x %08x %08x %08x", uid[0], uid[1], uid[2], uid[3]);
	rc = hyp_kvm_arm_features(&bm);
	report(rc == 0 && (bm & (1u << HYP_SMCCC_KVM_FEATURE_FEATURES)) &&
	       (bm & (1u << HYP_SMCCC_KVM_FEATURE_PTP)), "KVM_FEATURES bitmap 0x%x (FEATURES, PTP)", bm);
	rc = hyp_kvm_arm_ptp(HYP_SMCCC_KVM_PTP_VIRT_COUNTER, &ns, &cyc);
	hyp_kvm_arm_ptp(HYP_SMCCC_KVM_PTP_VIRT_COUNTER, &ns2, &cyc2);
	/* 2020-01-01 .. 2100-01-01 in ns since the epoch. */
	report(rc == 0 && ns > 1577836800ull * 1000000000ull && ns < 4102444800ull * 1000000000ull &&
	       ns2 >= ns && cyc2 > cyc,
	       "PTP: wall clock %lu s, counter 0x%lx, both advancing", (unsigned long)(ns / 1000000000ull),
	       (unsigned long)cyc);
	report(hyp_kvm_arm_ptp(2, &ns, &cyc) == HYP_EINVAL, "PTP with counter 2 -> HYP_EINVAL, not sent");
	rc = hyp_trng_version();
	report(rc >= 0x10000, "TRNG_VERSION 0x%x (>= 1.0)", (unsigned int)rc);
	rc = hyp_trng_rnd64(192, a);
	report(rc == 0 && hyp_trng_rnd64(192, b) == 0 && (a[0] | a[1] | a[2]) &&
	       (a[0] != b[0] || a[1] != b[1] || a[2] != b[2]),
	       "TRNG_RND64(192): two draws, not zero, different");
	report(hyp_trng_rnd64(193, a) == HYP_EINVAL, "TRNG_RND64(193) -> HYP_EINVAL, not sent");
	report(hyp_smccc_arch_features(HYP_SMCCC_ARCH_WORKAROUND_1) >= 0 ||
	       hyp_smccc_arch_features(HYP_SMCCC_ARCH_WORKAROUND_1) == HYP_ENOSYS,
	       "ARCH_FEATURES(WORKAROUND_1) answered");
	report(hyp_smccc_error(hyp_smccc_hypercall0(0x86000042u, &r)) == HYP_ENOSYS &&
	       (int32_t)r.a0 == HYP_SMCCC_RET_NOT_SUPPORTED,
	       "unknown vendor-hyp ID 0x86000042 -> NOT_SUPPORTED (-1) = HYP_ENOSYS");
	report(hyp_smccc_call_uid(HYP_SMCCC_STD_HYP_CALL_UID, uid) == HYP_ENOSYS,
	       "STD_HYP_CALL_UID under KVM -> HYP_ENOSYS (unknown UID)");
	report(hyp_psci_features(HYP_PSCI_SYSTEM_RESET2) >= 0, "PSCI 1.1 SYSTEM_RESET2 offered");
}

static void xen_checks(const struct hyp_info *info)
{
	static const char msg[] = "libhyp: this line went through Xen's console_io on aarch64\n";
	/* The page type: Xen maps shared_info over all of it. */
	static union hyp_xen_shared_info_page shared;
	uint32_t uid[4];
	char extra[HYP_XEN_EXTRAVERSION_LEN];
	int v, port;

	report(info->kind == HYP_KIND_XEN && (info->families & HYP_FAMILY_XEN),
	       "detected Xen from /hypervisor (kind %s)", hyp_kind_name(info->kind));
	v = hyp_xen_version();
	report(v == 0x40011 && info->xen_version == 0x40011, "XENVER_version 0x%x (4.17)", (unsigned int)v);
	report(hyp_xen_extraversion(extra) == 0 && extra[0] == '.', "XENVER_extraversion \"%s\"", extra);
	report(hyp_xen_console_write(msg, sizeof(msg) - 1) == (int)sizeof(msg) - 1,
	       "console_io write of %u bytes", (unsigned int)(sizeof(msg) - 1));
	report(hyp_smccc_version() >= HYP_SMCCC_VERSION_1_1, "SMCCC_VERSION 0x%x through Xen",
	       hyp_smccc_version());
	report(hyp_smccc_call_uid(HYP_SMCCC_STD_HYP_CALL_UID, uid) == 0 &&
	       uid[0] == HYP_SMCCC_UID_XEN_0 && uid[1] == HYP_SMCCC_UID_XEN_1 &&
	       uid[2] == HYP_SMCCC_UID_XEN_2 && uid[3] == HYP_SMCCC_UID_XEN_3,
	       "STD_HYP_CALL_UID = Xen's %08x %08x %08x %08x", uid[0], uid[1], uid[2], uid[3]);
	/* Not VENDOR_HYP_CALL_UID: Xen logs "Unhandled SMC/HVC" for it, which fails the run. */
	port = hyp_xen_evtchn_alloc_unbound(0);
	report(port > 0, "EVTCHNOP_alloc_unbound -> port %d", port);
	if (port > 0) {
		struct hyp_xen_evtchn_status_args st;

		report(hyp_xen_evtchn_status((uint32_t)port, &st) == 0 &&
		       st.status == HYP_XEN_EVTCHNSTAT_unbound, "EVTCHNOP_status: unbound");
		report(hyp_xen_evtchn_close((uint32_t)port) == 0, "EVTCHNOP_close");
		report(hyp_xen_evtchn_close((uint32_t)port) == HYP_EINVAL, "closing it again -> HYP_EINVAL");
	}
	report(hyp_xen_sched_yield() == 0, "SCHEDOP_yield");
	/* Xen on Arm serves only register_vcpu_info and register_runstate_memory_area
	 * of vcpu_op (xen/arch/arm/domain.c, do_arm_vcpu_op: the rest is -EINVAL):
	 * libhyp does not offer the others on Arm (include/hyp/xen.h). */
	report(!hyp_xen_vcpu_is_up && !hyp_xen_vcpu_runstate,
	       "VCPUOP_is_up / get_runstate_info: not in the Arm library (Xen answers EINVAL)");
	v = hyp_xen_current_reservation();
	report(v == 64 * 256, "XENMEM_current_reservation: %d pages (dom0_mem=64M)", v);
	report(hyp_xen_map_shared_info(&shared) == 0,
	       "add_to_physmap(shared_info) over a page at %p", (void *)&shared);
	{
		long raw = hyp_xen_hypercall2(99, 0, 0);

		report(raw == -38 && hyp_xen_error(raw) == HYP_ENOSYS,
		       "unknown hypercall 99 -> %ld (-ENOSYS) = HYP_ENOSYS", raw);
	}
}

/* hyp_detect() on what the kernel hands it (no state written). */
static void detect_inputs(void)
{
	static uint8_t bad[64];
	struct hyp_platform p = { 0 };
	struct hyp_info i;

	report(hyp_detect(&p, &i) == HYP_ENOCONDUIT && i.kind == HYP_KIND_NONE && i.families == 0 &&
	       i.arm_conduit == HYP_ARM_CONDUIT_DEFAULT,
	       "no device tree, no word from the kernel: HYP_ENOCONDUIT, nothing called");
	p.arm_conduit = HYP_ARM_CONDUIT_NONE;
	report(hyp_detect(&p, &i) == 0 && i.families == 0,
	       "no device tree, the kernel says no conduit: no hypervisor (0)");
	p.arm_conduit = HYP_ARM_CONDUIT_DEFAULT;
	p = (struct hyp_platform){ .fdt = guest_fdt(), .fdt_size = guest_fdt_size(),
				   .arm_conduit = HYP_ARM_CONDUIT_NONE };
	report(hyp_detect(&p, &i) == 0 && !(i.families & HYP_FAMILY_SMCCC),
	       "the kernel says no conduit: PSCI closed despite /psci");
	p.arm_conduit = 7;
	report(hyp_detect(&p, &i) == HYP_EINVAL, "an unknown conduit value: HYP_EINVAL");
	p = (struct hyp_platform){ .fdt = guest_fdt(), .fdt_size = 100 };
	report(hyp_detect(&p, &i) == HYP_EBADDT, "a tree larger than its stated size: HYP_EBADDT");
	memcpy(bad, guest_fdt(), sizeof(bad));
	bad[0] ^= 0xff;
	p = (struct hyp_platform){ .fdt = bad, .fdt_size = sizeof(bad) };
	report(hyp_detect(&p, &i) == HYP_EBADDT, "a tree with a bad magic: HYP_EBADDT");
	p = (struct hyp_platform){ .arm_conduit = expect_conduit };
	report(hyp_detect(&p, &i) == 0 && i.families == HYP_FAMILY_SMCCC &&
	       i.arm_conduit == expect_conduit && i.arm_psci_version == 0,
	       "the kernel's word (conduit %s) without a tree: SMCCC there, nothing asked",
	       expect_conduit == HYP_ARM_CONDUIT_SMC ? "smc" : "hvc");
}

void test_main(void)
{
	const struct hyp_info *info;
	struct hyp_platform plat = { .fdt = guest_fdt(), .fdt_size = guest_fdt_size() };
	int rc;

	expect_none = guest_cmdline_has("expect=none-hvc") || guest_cmdline_has("expect=none-smc");
	expect_kvm = guest_cmdline_has("expect=kvm");
	expect_xen = guest_cmdline_has("expect=xen");
	expect_conduit = guest_cmdline_has("expect=none-smc") ? HYP_ARM_CONDUIT_SMC : HYP_ARM_CONDUIT_HVC;
	report_info("entered at EL%u, cmdline \"%s\", device tree %lu bytes", guest_entry_el(),
		    guest_cmdline(), (unsigned long)guest_fdt_size());
	if (!expect_none && !expect_kvm && !expect_xen)
		report_abort("no expect= on the command line");

	closed_gates("before hyp_init", HYP_ENOTINIT);
	detect_inputs();
	rc = hyp_init(&plat);
	info = hyp_get_info();
	report(rc == 0 && info, "hyp_init: %s", hyp_strerror(rc));
	if (!info)
		return;
	report_info("kind %s, families 0x%x, conduit %u, PSCI 0x%x, SMCCC 0x%x, TRNG 0x%x",
		    hyp_kind_name(info->kind), info->families, info->arm_conduit,
		    info->arm_psci_version, info->arm_smccc_version, info->arm_trng_version);
	report(info->arm_conduit == expect_conduit, "conduit %s from /psci",
	       info->arm_conduit == HYP_ARM_CONDUIT_SMC ? "smc" : "hvc");
	psci_checks();
	if (guest_cmdline_has("smp"))
		smp_checks();
	if (expect_none) {
		report(info->kind == HYP_KIND_NONE && info->families == HYP_FAMILY_SMCCC &&
		       info->arm_smccc_version == 0,
		       "no hypervisor; PSCI only (firmware has no SMCCC_VERSION)");
		closed_gates("after hyp_init", HYP_ENOHYP);
	}
	if (expect_kvm) {
		kvm_checks(info);
		closed_gates("after hyp_init", HYP_ENOHYP);
	}
	if (expect_xen)
		xen_checks(info);
	report(guest_arm64_traps == 0 && guest_arm64_el2_traps == 0,
	       "exceptions taken: %u at EL1, %u at the empty EL2", guest_arm64_traps,
	       guest_arm64_el2_traps);

	/* Ending through the hypervisor: the verdict goes first (the loader keeps
	 * it; Xen's runner reads the closing line), then the call that ends the VM. */
	if (guest_cmdline_has("end=off") || guest_cmdline_has("end=reset") ||
	    guest_cmdline_has("end=reset2") ||
	    guest_cmdline_has("end=xen-shutdown")) {
		bool ok = report_summary();

		guest_arm64_post_verdict(ok);
		if (guest_cmdline_has("end=off"))
			rc = hyp_psci_system_off();
		else if (guest_cmdline_has("end=reset"))
			rc = hyp_psci_system_reset();
		else if (guest_cmdline_has("end=reset2"))
			rc = hyp_psci_system_reset2(HYP_PSCI_RESET2_VENDOR | 0x42, 0x1234abcd);
		else
			rc = hyp_xen_sched_shutdown(HYP_XEN_SHUTDOWN_poweroff);
		report(false, "the VM did not end: %s", hyp_strerror(rc));
	}
}
