/* SPDX-License-Identifier: MIT */
/*
 * SBI against the real implementation below this S-mode (or VS-mode)
 * image: OpenSBI (QEMU's and Debian's) or KVM RISC-V (the nested loader).
 * Every extension of <hyp/sbi.h> is probed and called; answers are checked
 * against what each implementation is known to give (FACTS: OpenSBI 1.1,
 * Linux 6.1 KVM). First, in U-mode (where an ecall traps to this image and
 * is counted), every call before hyp_init() must be refused without one.
 */
#include <guest/riscv.h>
#include <guest/test.h>
#include <hyp/hyp.h>

/* regs.S */
struct contract {
	unsigned long in[8];
	unsigned long out[32];
	unsigned long sp_before;
};
void sbi_contract(struct contract *c);
#define CONTRACT_PATTERN 0x5b1c0de000000000ul

/* What an implementation answered here (README's matrix). */
struct expected {
	unsigned long impl_id, impl_version;
	uint32_t spec, extensions;
	int srst_bad_type, hfence, hart1_status, ipi_absent;
	bool stip_seen;         /* sip.STIP reads pending after set_timer(0) */
	int probe_experimental; /* probe_extension(first experimental EID) */
};
static const struct expected known[] = {
	{ HYP_SBI_IMPL_OPENSBI, 0x10001, 0x01000000,
	  HYP_SBI_HAS_BASE | HYP_SBI_HAS_TIME | HYP_SBI_HAS_IPI | HYP_SBI_HAS_RFENCE |
	  HYP_SBI_HAS_HSM | HYP_SBI_HAS_SRST | HYP_SBI_HAS_PMU | HYP_SBI_HAS_LEGACY_ALL,
	  HYP_EINVAL, HYP_OK, HYP_SBI_HSM_STATE_STOPPED, HYP_EINVAL, true, 0 },
	{ HYP_SBI_IMPL_KVM, 0x601c0, 0x01000000,
	  HYP_SBI_HAS_BASE | HYP_SBI_HAS_TIME | HYP_SBI_HAS_IPI | HYP_SBI_HAS_RFENCE |
	  HYP_SBI_HAS_HSM | HYP_SBI_HAS_SRST | HYP_SBI_HAS_LEGACY_ALL,
	  HYP_ENOSYS, HYP_ENOSYS, HYP_EINVAL, HYP_OK,
	  /* nested in QEMU 7.2 (Sstc): the timer wakes wfi, vsip.STIP reads 0 */
	  false,
	  /* KVM forwards this probe to its userspace: the loader has none */
	  0 },
};

static unsigned long user_ecalls;

static bool count_user_ecall(struct guest_frame *f)
{
	user_ecalls++;
	f->regs[RV_REG_A0] = (unsigned long)HYP_SBI_ERR_NOT_SUPPORTED;
	f->sepc += 4;
	return true;
}

/* Every typed and gated call, in U-mode before hyp_init(): returns the
 * number that did not answer HYP_ENOTINIT. */
static long closed_calls(void *arg)
{
	static struct hyp_sbi_sta_shmem sta __attribute__((aligned(64)));
	static const unsigned long mask = 1;
	struct hyp_info info;
	unsigned long v;
	long bad = 0;
	int r[] = {
		hyp_sbi_spec_version(), hyp_sbi_impl_id(), hyp_sbi_impl_version(&v),
		hyp_sbi_probe_extension(HYP_SBI_EXT_TIME), hyp_sbi_mvendorid(&v),
		hyp_sbi_marchid(&v), hyp_sbi_mimpid(&v), hyp_sbi_set_timer(0),
		hyp_sbi_send_ipi(1, 0), hyp_sbi_remote_fence_i(1, 0),
		hyp_sbi_remote_sfence_vma(1, 0, 0, 0), hyp_sbi_remote_sfence_vma_asid(1, 0, 0, 0, 0),
		hyp_sbi_remote_hfence_gvma_vmid(1, 0, 0, 0, 0), hyp_sbi_remote_hfence_gvma(1, 0, 0, 0),
		hyp_sbi_remote_hfence_vvma_asid(1, 0, 0, 0, 0), hyp_sbi_remote_hfence_vvma(1, 0, 0, 0),
		hyp_sbi_hart_start(1, 0, 0), hyp_sbi_hart_stop(), hyp_sbi_hart_get_status(0),
		hyp_sbi_hart_suspend(0, 0, 0), hyp_sbi_system_reset(0, 0),
		hyp_sbi_debug_console_write("x", 1), hyp_sbi_debug_console_read((char *)&v, 1),
		hyp_sbi_debug_console_write_byte('x'), hyp_sbi_system_suspend(0, 0, 0),
		hyp_sbi_steal_time_set_shmem(&sta), hyp_sbi_legacy_set_timer(0),
		hyp_sbi_legacy_console_putchar('x'), hyp_sbi_legacy_console_getchar(),
		hyp_sbi_legacy_clear_ipi(), hyp_sbi_legacy_send_ipi(&mask),
		hyp_sbi_legacy_remote_fence_i(&mask), hyp_sbi_legacy_remote_sfence_vma(&mask, 0, 0),
		hyp_sbi_legacy_remote_sfence_vma_asid(&mask, 0, 0, 0), hyp_sbi_legacy_shutdown(),
		hyp_sbi_console_write("x", 1),
		(int)hyp_sbi_hypercall0(HYP_SBI_EXT_BASE, 0).error,
		(int)hyp_sbi_hypercall6(HYP_SBI_EXT_BASE, 0, 1, 2, 3, 4, 5, 6).error,
	};

	(void)arg;
	for (unsigned int i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		if (r[i] != HYP_ENOTINIT)
			bad++;
	/* hyp_detect() is pure: it states the conduit, asks nothing. */
	if (hyp_detect(NULL, &info) != HYP_OK || !(info.families & HYP_FAMILY_SBI) ||
	    info.sbi_impl_id != 0 || info.sbi_extensions != 0)
		bad += 100;
	return bad;
}

static bool contract_ok(const char *what, unsigned long eid, unsigned long fid,
			unsigned long a0, unsigned long a1, unsigned long a2,
			struct hyp_sbiret *ret)
{
	struct contract c = { .in = { a0, a1, a2, 0x1111, 0x2222, 0x3333, fid, eid } };
	unsigned int wrong = 0;

	sbi_contract(&c);
	for (unsigned int x = 1; x < 32; x++) {
		unsigned long want;

		if (x == RV_REG_A0 || x == RV_REG_A1)
			continue;
		if (x == RV_REG_SP)
			want = c.sp_before;
		else if (x >= 12 && x <= 17)
			want = c.in[x - 10];
		else
			want = CONTRACT_PATTERN + x;
		if (c.out[x] != want) {
			report_info("%s: x%u = 0x%lx after the ecall, 0x%lx before", what, x,
				    c.out[x], want);
			wrong++;
		}
	}
	ret->error = (long)c.out[RV_REG_A0];
	ret->value = (long)c.out[RV_REG_A1];
	return report(wrong == 0, "register contract, %s: all but a0/a1 preserved (%u wrong)",
		      what, wrong);
}

static volatile unsigned long hart1_seen;
void secondary_main(unsigned long hartid, unsigned long opaque);
void secondary_main(unsigned long hartid, unsigned long opaque)
{
	hart1_seen = opaque + hartid;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	hyp_sbi_hart_stop();
	for (;;)
		__asm__ __volatile__("wfi");
}
extern char secondary_entry[];

/*
 * Whether `bit` becomes pending in sip. Under KVM the vCPU's pending
 * interrupts are updated when it re-enters the guest, so every try makes
 * one (side-effect free) SBI call: a guest exit.
 */
static bool sip_has(unsigned long bit)
{
	for (unsigned int i = 0; i < 1000; i++) {
		if (csr_read(sip) & bit)
			return true;
		hyp_sbi_probe_extension(HYP_SBI_EXT_BASE);
	}
	return false;
}

static void check_hsm(const struct expected *e, unsigned long me)
{
	int r = hyp_sbi_hart_get_status(me);

	report(r == HYP_SBI_HSM_STATE_STARTED, "HSM: own hart %lu status %d (started)", me, r);
	r = hyp_sbi_hart_start(me, 0x80200000, 0);
	report(r == HYP_EEXIST, "HSM: starting the running hart: %s (ALREADY_AVAILABLE)",
	       hyp_strerror(r));
	r = hyp_sbi_hart_get_status(1000);
	report(r == HYP_EINVAL, "HSM: status of hart 1000: %s (INVALID_PARAM)", hyp_strerror(r));
	r = hyp_sbi_hart_suspend(1, 0, 0);
	report(r == HYP_EINVAL, "HSM: reserved suspend type 1: %s", hyp_strerror(r));

	/* Retentive suspend returns when an enabled interrupt is pending (timer now). */
	hyp_sbi_set_timer(0);
	csr_set(sie, RV_SIP_STIP);
	r = hyp_sbi_hart_suspend(HYP_SBI_HSM_SUSPEND_RET_DEFAULT, 0, 0);
	csr_clear(sie, RV_SIP_STIP);
	hyp_sbi_set_timer(~0ull);
	report(r == 0, "HSM: retentive suspend with the timer pending returned %d", r);

	if (me != 0)
		return;
	r = hyp_sbi_hart_get_status(1);
	if (e)
		report(r == e->hart1_status, "HSM: hart 1 status %d (%s)", r,
		       r >= 0 ? "stopped" : hyp_strerror(r));
	if (r != HYP_SBI_HSM_STATE_STOPPED)
		return;
	r = hyp_sbi_hart_start(1, (unsigned long)secondary_entry, 0x100);
	report(r == 0, "HSM: hart_start(1) %d", r);
	for (uint64_t t0 = csr_read(time); !hart1_seen && csr_read(time) - t0 < 50000000ull;)
		;
	report(hart1_seen == 0x101, "HSM: hart 1 ran with a0 = hartid, a1 = opaque (0x%lx)",
	       hart1_seen);
	/* Up to 5 s of the 10 MHz timebase: TCG may not run hart 1 for a while under load. */
	for (uint64_t t0 = csr_read(time); csr_read(time) - t0 < 50000000ull;) {
		r = hyp_sbi_hart_get_status(1);
		if (r == HYP_SBI_HSM_STATE_STOPPED)
			break;
	}
	report(r == HYP_SBI_HSM_STATE_STOPPED, "HSM: hart 1 stopped itself (status %d)", r);
}

static void check_absent(const char *name, uint32_t bit, unsigned long eid, int typed)
{
	struct hyp_sbiret raw;

	if (hyp_sbi_has(bit)) {
		report_info("%s present: typed call answered %d", name, typed);
		return;
	}
	raw = hyp_sbi_hypercall3(eid, 0, 0, 0, 0);
	report(typed == HYP_ENOSYS && raw.error == HYP_SBI_ERR_NOT_SUPPORTED,
	       "%s absent: typed call refused (%s), the raw ecall answers %ld",
	       name, hyp_strerror(typed), raw.error);
}

static void check_legacy(unsigned long me)
{
	unsigned long mask = 1ul << me;
	int r;

	if (!hyp_sbi_has(HYP_SBI_HAS_LEGACY_ALL)) {
		report_info("legacy extensions not all present (0x%x)", hyp_get_info()->sbi_extensions);
		return;
	}
	r = hyp_sbi_legacy_console_putchar('L');
	r |= hyp_sbi_legacy_console_putchar('\n');
	report(r == 0, "legacy console_putchar: 0");
	r = hyp_sbi_legacy_console_getchar();
	report(r == HYP_EAGAIN, "legacy console_getchar with no input: %s", hyp_strerror(r));
	r = hyp_sbi_legacy_send_ipi(&mask);
	report(r == 0 && sip_has(RV_SIP_SSIP), "legacy send_ipi to self: %d, sip.SSIP set", r);
	r = hyp_sbi_legacy_clear_ipi();
	report(r == 0 && !(csr_read(sip) & RV_SIP_SSIP), "legacy clear_ipi: %d, sip.SSIP clear", r);
	csr_clear(sip, RV_SIP_SSIP);
	report(hyp_sbi_legacy_remote_fence_i(&mask) == 0, "legacy remote_fence_i: 0");
	report(hyp_sbi_legacy_remote_sfence_vma(&mask, 0, ~0ul) == 0, "legacy remote_sfence_vma: 0");
	report(hyp_sbi_legacy_remote_sfence_vma_asid(&mask, 0, ~0ul, 0) == 0,
	       "legacy remote_sfence_vma_asid: 0");
	report(hyp_sbi_legacy_set_timer(~0ull) == 0, "legacy set_timer: 0");
}

void test_main(void)
{
	static const char line[] = "SBI console: libhyp wrote this line through the SBI console\n";
	const struct expected *e = NULL;
	const struct hyp_info *info;
	unsigned long me = guest_boot_hartid, v;
	struct hyp_sbiret ret;
	long bad;
	int r;

	guest_set_trap_handler(RV_EXC_ECALL_U, count_user_ecall);
	bad = guest_run_user(closed_calls, NULL);
	report(bad == 0 && user_ecalls == 0,
	       "before hyp_init: every SBI call refused with HYP_ENOTINIT, %lu ecalls (%ld wrong)",
	       user_ecalls, bad);

	r = hyp_init(NULL);
	info = hyp_get_info();
	report(r == HYP_OK && info && (info->families & HYP_FAMILY_SBI), "hyp_init: SBI family");
	if (!info)
		return;
	report_info("SBI implementation: %s (id %u, version 0x%llx, %s), spec %lu.%lu, extensions 0x%x",
		    hyp_sbi_impl_name(info->sbi_impl_id), info->sbi_impl_id,
		    (unsigned long long)info->sbi_impl_version,
		    info->sbi_hypervisor ? "hypervisor" : "firmware",
		    HYP_SBI_SPEC_MAJOR(info->sbi_spec_version),
		    HYP_SBI_SPEC_MINOR(info->sbi_spec_version), info->sbi_extensions);
	for (unsigned int i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (known[i].impl_id == info->sbi_impl_id &&
		    known[i].impl_version == info->sbi_impl_version)
			e = &known[i];
	if (e) {
		report(info->sbi_spec_version == e->spec, "spec version 0x%x", info->sbi_spec_version);
		report(info->sbi_extensions == e->extensions,
		       "extensions probed present: 0x%x, expected 0x%x", info->sbi_extensions,
		       e->extensions);
	} else {
		report_skip("no recorded answers for this implementation: values not compared");
	}
	report(info->sbi_hypervisor == (info->sbi_impl_id == HYP_SBI_IMPL_KVM) &&
	       info->kind == (info->sbi_impl_id == HYP_SBI_IMPL_KVM ? HYP_KIND_KVM : HYP_KIND_NONE),
	       "hyp_info: kind %s, %s", hyp_kind_name(info->kind),
	       info->sbi_hypervisor ? "a hypervisor answers" : "firmware answers");

	/* BASE */
	report(hyp_sbi_spec_version() == (int)info->sbi_spec_version, "BASE spec version");
	report(hyp_sbi_impl_id() == (int)info->sbi_impl_id, "BASE impl id %d", hyp_sbi_impl_id());
	r = hyp_sbi_impl_version(&v);
	report(r == 0 && v == info->sbi_impl_version, "BASE impl version 0x%lx", v);
	report(hyp_sbi_probe_extension(0x12345678) == 0, "BASE probe of an unknown EID: 0");
	report(hyp_sbi_probe_extension(HYP_SBI_EXT_BASE) > 0, "BASE probe of BASE: > 0");
	r = hyp_sbi_mvendorid(&v);
	report(r == 0, "BASE mvendorid 0x%lx", v);
	r = hyp_sbi_marchid(&v);
	report(r == 0, "BASE marchid 0x%lx", v);
	r = hyp_sbi_mimpid(&v);
	report(r == 0, "BASE mimpid 0x%lx", v);
	ret = hyp_sbi_hypercall0(HYP_SBI_EXT_BASE, 99);
	report(ret.error == HYP_SBI_ERR_NOT_SUPPORTED, "BASE unknown function 99: %ld", ret.error);
	ret = hyp_sbi_hypercall0(0x0BADBAD0, 0);
	report(ret.error == HYP_SBI_ERR_NOT_SUPPORTED, "unknown extension: %ld", ret.error);
	r = hyp_sbi_probe_extension(HYP_SBI_EXT_EXPERIMENTAL_START);
	if (e)
		report(r == e->probe_experimental, "BASE probe of experimental EID 0x%lx: %d",
		       HYP_SBI_EXT_EXPERIMENTAL_START, r);
	ret = hyp_sbi_hypercall2(HYP_SBI_EXT_EXPERIMENTAL_START, 0, 1, 2);
	report(ret.error == HYP_SBI_ERR_NOT_SUPPORTED,
	       "experimental EID call: %ld (KVM: forwarded, the loader answers)", ret.error);

	/* The register contract of chapter 3, on a few calls. */
	if (contract_ok("BASE get_spec_version", HYP_SBI_EXT_BASE, 0, 0, 0, 0, &ret))
		report(ret.error == 0 && ret.value == (long)info->sbi_spec_version,
		       "contract call answered the spec version");
	if (contract_ok("BASE probe_extension(TIME)", HYP_SBI_EXT_BASE, 3, HYP_SBI_EXT_TIME, 0, 0, &ret))
		report(ret.error == 0 && ret.value == !!(info->sbi_extensions & HYP_SBI_HAS_TIME),
		       "contract call answered the probe");
	if (contract_ok("HSM hart_get_status", HYP_SBI_EXT_HSM, 2, me, 0, 0, &ret))
		report(ret.error == 0 && ret.value == 0, "contract call answered: started");
	contract_ok("unknown extension", 0x0BADBAD0, 7, 1, 2, 3, &ret);

	/* TIME: sip.STIP follows the comparison. */
	r = hyp_sbi_set_timer(0);
	if (!e || e->stip_seen) {
		report(r == 0 && sip_has(RV_SIP_STIP), "TIME set_timer(0): %d, sip.STIP pending", r);
	} else {
		/* The timer interrupt, enabled in sie (sstatus.SIE off), ends a wfi. */
		csr_set(sie, RV_SIP_STIP);
		__asm__ __volatile__("wfi" ::: "memory");
		csr_clear(sie, RV_SIP_STIP);
		report(r == 0, "TIME set_timer(0): %d, wfi woke (sip 0x%lx)", r, csr_read(sip));
	}
	r = hyp_sbi_set_timer(~0ull);
	report(r == 0 && !(csr_read(sip) & RV_SIP_STIP), "TIME set_timer(max): %d, sip.STIP clear", r);

	/* IPI to self: sip.SSIP. */
	r = hyp_sbi_send_ipi(1, me);
	report(r == 0 && sip_has(RV_SIP_SSIP), "IPI send_ipi to self: %d, sip.SSIP set", r);
	csr_clear(sip, RV_SIP_SSIP);
	r = hyp_sbi_send_ipi(1, 1000);
	if (e)
		report(r == e->ipi_absent, "IPI to absent hart 1000: %s", hyp_strerror(r));

	/* RFENCE */
	report(hyp_sbi_remote_fence_i(1, me) == 0, "RFENCE remote_fence_i: 0");
	report(hyp_sbi_remote_sfence_vma(1, me, 0, ~0ul) == 0, "RFENCE remote_sfence_vma: 0");
	report(hyp_sbi_remote_sfence_vma_asid(1, me, 0, ~0ul, 0) == 0,
	       "RFENCE remote_sfence_vma_asid: 0");
	r = hyp_sbi_remote_hfence_gvma(1, me, 0, ~0ul);
	if (e)
		report(r == e->hfence, "RFENCE remote_hfence_gvma: %s", hyp_strerror(r));
	r = hyp_sbi_remote_hfence_vvma(1, me, 0, ~0ul);
	if (e)
		report(r == e->hfence, "RFENCE remote_hfence_vvma: %s", hyp_strerror(r));

	check_hsm(e, me);

	/* SRST: a reset type the spec reserves is refused (the real one ends the run). */
	r = hyp_sbi_system_reset(5, 0);
	if (e)
		report(r == e->srst_bad_type, "SRST reserved type 5: %s", hyp_strerror(r));

	/* SBI 2.0 extensions, absent in OpenSBI 1.1 and Linux 6.1's KVM. */
	check_absent("DBCN", HYP_SBI_HAS_DBCN, HYP_SBI_EXT_DBCN, hyp_sbi_debug_console_write("x", 1));
	check_absent("SUSP", HYP_SBI_HAS_SUSP, HYP_SBI_EXT_SUSP, hyp_sbi_system_suspend(0, 0, 0));
	{
		static struct hyp_sbi_sta_shmem sta __attribute__((aligned(64)));

		check_absent("STA", HYP_SBI_HAS_STA, HYP_SBI_EXT_STA, hyp_sbi_steal_time_set_shmem(&sta));
	}
	if (hyp_sbi_has(HYP_SBI_HAS_PMU)) {
		ret = hyp_sbi_hypercall0(HYP_SBI_EXT_PMU, 0);  /* num_counters */
		report(ret.error == 0 && ret.value > 0, "PMU num_counters: %ld", ret.value);
	}

	check_legacy(me);

	r = hyp_sbi_console_write(line, sizeof(line) - 1);
	report(r == (int)sizeof(line) - 1, "console: %d of %u bytes through %s", r,
	       (unsigned int)sizeof(line) - 1,
	       hyp_sbi_has(HYP_SBI_HAS_DBCN) ? "DBCN" : "legacy putchar");
}
