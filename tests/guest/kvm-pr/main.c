/* SPDX-License-Identifier: MIT */
/*
 * Under a real KVM-PR (tests/guest/kvm-host-ppc64: Linux on powernv TCG,
 * the loader runs this pseries image in a KVM_CREATE_VM type 2 vCPU) for
 * ppc64 and ppc64le. The device tree comes from the loader in r3; its
 * /hypervisor node is built from KVM_PPC_GET_PVINFO as QEMU builds it under
 * KVM, and /chosen bootargs says what to expect ("expect=kvm-pr": the node
 * is there; "expect=none": no /hypervisor, the fallback).
 *
 * What KVM answers (Linux arch/powerpc/kvm/powerpc.c kvmppc_kvm_pv(),
 * book3s_pr.c, book3s_emulate.c): KVM_HC_FEATURES r4 = 1 << MAGIC_PAGE,
 * MAP_MAGIC_PAGE r4 = FEAT_SR | FEAT_MAS0_TO_SPRG7, an unknown number
 * EV_UNIMPLEMENTED; the magic page is the vCPU's shared page (msr, sprg0-3,
 * srr0/1, dar, dsisr, int_pending), in the guest's endianness (LPCR[ILE]).
 * The loader serves PAPR (console, its H_LOADER_* calls) and OSI exits and
 * reads the vCPU's exit counters (KVM_GET_STATS_FD) for the image.
 */
#include <guest/powerpc.h>
#include <guest/test.h>

#include <hyp/fdt.h>
#include <hyp/hyp.h>

/* The loader's own PAPR hcalls and OSI selector (kvm-host-ppc64/loader.c). */
#define H_LOADER_STATS      0xf800
#define H_LOADER_ECHO       0xf801
#define OSI_LOADER_ECHO     0x4c48
#define OSI_ECHO_XOR        0x5a5a5a5a5a5a5a5aul

/* What KVM_PPC_GET_PVINFO gives a PR VM (lis r0,0x4b56; ori r0,r0,0x4d21; sc; nop). */
static const uint32_t pr_hcall[4] = { 0x3c004b56u, 0x60004d21u, 0x44000002u, 0x60000000u };

static bool expect_kvm;
static uint32_t gen_code[4 * HYP_KVM_PPC_PATCH_SITE_WORDS];

static volatile struct hyp_kvm_ppc_magic_page *const magic =
	(volatile struct hyp_kvm_ppc_magic_page *)HYP_KVM_PPC_MAGIC_PAGE;

struct exits {
	unsigned long sum, emulated, papr, osi, async;  /* async: decrementer and host interrupts */
};

/* Exits between two counts that the guest's own instructions caused. */
static unsigned long sync_exits(struct exits a, struct exits b)
{
	return (b.sum - b.async) - (a.sum - a.async);
}

static struct exits loader_stats(void)
{
	struct hyp_papr_out out = { { 0 } };
	struct exits e = { 0, 0, 0, 0, 0 };

	if (hyp_papr_hypercall0(H_LOADER_STATS, &out) == 0)
		e = (struct exits){ out.r[0], out.r[1], out.r[2], out.r[3], out.r[4] };
	return e;
}

static void read_expectation(void)
{
	struct hyp_fdt fdt;
	const void *val;
	uint32_t len;
	int node;

	if (!guest_ppc_fdt)
		report_abort("no device tree from the loader (r6 without the ePAPR magic)");
	if (hyp_fdt_open(&fdt, guest_ppc_fdt, guest_ppc_fdt_size) ||
	    (node = hyp_fdt_path_offset(&fdt, "/chosen")) < 0 ||
	    hyp_fdt_getprop(&fdt, node, "bootargs", &val, &len))
		report_abort("device tree without /chosen bootargs");
	if (hyp_fdt_stringlist_contains(val, len, "expect=kvm-pr"))
		expect_kvm = true;
	else if (!hyp_fdt_stringlist_contains(val, len, "expect=none"))
		report_abort("bootargs: neither expect=kvm-pr nor expect=none");
	report_info("device tree from the loader at %p, %lu bytes, %s", guest_ppc_fdt,
		    guest_ppc_fdt_size, expect_kvm ? "expect=kvm-pr" : "expect=none");
}

static void closed_gates(void)
{
	struct hyp_osi_out o;

	report(hyp_osi_call1(HYP_OSI_CALL_AVAILABLE, 0, &o) == HYP_ENOTINIT,
	       "OSI raw call before hyp_init: HYP_ENOTINIT");
	report(hyp_kvm_ppc_features(NULL) == HYP_ENOTINIT, "KVM features before hyp_init: HYP_ENOTINIT");
}

static bool area_is(const uint32_t w[4])
{
	for (int i = 0; i < 4; i++)
		if (hyp_epapr_hypercall_area[i] != w[i])
			return false;
	return hyp_epapr_hypercall_area[4] == 0x4e800020u;
}

static void init(void)
{
	struct hyp_platform plat = { .fdt = guest_ppc_fdt, .fdt_size = guest_ppc_fdt_size,
				     .ppc_papr = true, .ppc_osi = expect_kvm };
	const struct hyp_info *info;

	report(hyp_init(&plat) == HYP_OK, "hyp_init with the loader's tree");
	info = hyp_get_info();
	if (!info)
		report_abort("no info after hyp_init");
	if (expect_kvm) {
		report(info->kind == HYP_KIND_KVM && (info->families & HYP_FAMILY_EPAPR) &&
		       (info->families & HYP_FAMILY_KVM), "KVM and ePAPR found (%s)", info->signature);
		report(info->ppc_hcall_len == 16 && info->ppc_has_idle,
		       "hcall-instructions 16 bytes, has-idle (PVINFO flags EV_IDLE)");
		report(hyp_epapr_patched() && hyp_gate_read(&hyp_epapr_gate) == HYP_GATE_EPAPR_PATCHED &&
		       area_is(pr_hcall), "area patched with KVM-PR's 4 words %08x %08x %08x %08x",
		       hyp_epapr_hypercall_area[0], hyp_epapr_hypercall_area[1],
		       hyp_epapr_hypercall_area[2], hyp_epapr_hypercall_area[3]);
	} else {
		static const uint32_t fallback[4] = { 0x3860000cu, 0x60000000u, 0x60000000u, 0x60000000u };

		report(!info->ppc_hypervisor_node && !(info->families & (HYP_FAMILY_EPAPR | HYP_FAMILY_KVM)),
		       "no /hypervisor: neither ePAPR nor KVM");
		report(!hyp_epapr_patched() && area_is(fallback) &&
		       hyp_gate_read(&hyp_epapr_gate) == HYP_GATE_EPAPR_FALLBACK, "area keeps its fallback");
	}
	report((info->families & HYP_FAMILY_PAPR) &&
	       !!(info->families & HYP_FAMILY_OSI) == expect_kvm,
	       "PAPR open, OSI %s, on the kernel's word", expect_kvm ? "open" : "closed");
}

static void kvm_calls(void)
{
	struct hyp_epapr_out out = { { 0 } };
	unsigned long features = 0;
	uint32_t mfeat = 0;
	long raw;

	report(hyp_kvm_ppc_features(&features) == HYP_OK &&
	       features == (1ul << HYP_KVM_PPC_FEATURE_MAGIC_PAGE),
	       "KVM_HC_FEATURES: 0x%lx (magic page)", features);
	raw = hyp_epapr_hypercall0(HYP_EPAPR_KVM_TOKEN(77), &out);
	report(raw == HYP_EV_UNIMPLEMENTED && hyp_epapr_error(raw) == HYP_ENOSYS,
	       "unknown KVM hypercall 77: EV_UNIMPLEMENTED (%ld) -> HYP_ENOSYS", raw);
#if defined(__LITTLE_ENDIAN__)
	/* Interrupts big-endian while mapping: KVM keeps the page big-endian. */
	report(hyp_papr_set_mode(0, HYP_PAPR_SET_MODE_RESOURCE_LE, 0, 0) == HYP_OK,
	       "H_SET_MODE: interrupts big-endian (LPCR[ILE] 0)");
	report(hyp_kvm_ppc_map_magic_page((unsigned long)HYP_KVM_PPC_MAGIC_PAGE,
					  (unsigned long)HYP_KVM_PPC_MAGIC_PAGE, &mfeat) == HYP_EIO,
	       "map with LPCR[ILE] 0: the page is big-endian, HYP_EIO");
	report(hyp_kvm_ppc_patch(gen_code, 0, gen_code + 1, 0, 0, NULL) == HYP_EPERM,
	       "patcher refused after that");
	report(hyp_papr_set_mode(1, HYP_PAPR_SET_MODE_RESOURCE_LE, 0, 0) == HYP_OK,
	       "H_SET_MODE: interrupts little-endian again");
#endif
	report(hyp_kvm_ppc_map_magic_page((unsigned long)HYP_KVM_PPC_MAGIC_PAGE,
					  (unsigned long)HYP_KVM_PPC_MAGIC_PAGE, &mfeat) == HYP_OK &&
	       mfeat == (HYP_KVM_PPC_MAGIC_FEAT_SR | HYP_KVM_PPC_MAGIC_FEAT_MAS0_TO_SPRG7),
	       "KVM_HC_PPC_MAP_MAGIC_PAGE(-4096, -4096): magic features 0x%x", mfeat);
}

static unsigned long mfmsr(void)
{
	unsigned long v;

	__asm__ __volatile__("mfmsr %0" : "=r"(v));
	return v;
}

static void magic_page(void)
{
	unsigned long msr = mfmsr(), v;
	unsigned int pending = 0;
	long i;

	report(magic->msr == msr, "magic page msr 0x%lx = mfmsr (KVM emulated) 0x%lx",
	       (unsigned long)magic->msr, msr);
	magic->sprg2 = 0x5eed0002ul;
	__asm__ __volatile__("mfsprg %0, 2" : "=r"(v));
	report(v == 0x5eed0002ul, "guest wrote sprg2 in the page, KVM's mfsprg2 read 0x%lx", v);
	__asm__ __volatile__("mtsprg 3, %0" : : "r"(0xabcd0003ul) : "memory");
	report(magic->sprg3 == 0xabcd0003ul, "KVM's mtsprg3 wrote the page: 0x%lx",
	       (unsigned long)magic->sprg3);
	__asm__ __volatile__("mtdsisr %0" : : "r"(0x42000000ul) : "memory");
	report(magic->dsisr == 0x42000000u, "KVM's mtdsisr wrote the page's 32-bit dsisr: 0x%x",
	       (unsigned int)magic->dsisr);
	/* mtmsrd L=1 changes only EE and RI: toggle RI, KVM's copy follows. */
	__asm__ __volatile__("mtmsrd %0, 1" : : "r"(msr ^ 2ul) : "memory");
	v = magic->msr;
	__asm__ __volatile__("mtmsrd %0, 1" : : "r"(msr) : "memory");
	report(v == (msr ^ 2ul) && magic->msr == msr, "mtmsrd RI toggled and back: page msr 0x%lx then 0x%lx",
	       v, (unsigned long)magic->msr);
	/* A decrementer that expired with EE off: KVM sets int_pending. */
	report(magic->int_pending == 0, "int_pending 0 with nothing pending");
	__asm__ __volatile__("mtdec %0" : : "r"(1ul) : "memory");
	for (i = 0; i < 100000000 && !(pending = magic->int_pending); i++)
		;
	__asm__ __volatile__("mtdec %0" : : "r"(0x7ffffffful) : "memory");
	report(pending == 1, "decrementer expired with EE off: int_pending 1 after %ld reads", i);
	for (i = 0; i < 1000000 && magic->int_pending; i++)
		__asm__ __volatile__("mtdec %0" : : "r"(0x7ffffffful) : "memory");
	report(magic->int_pending == 0, "decrementer rearmed: int_pending back to 0");
	/* EV_IDLE halts the vCPU until an interrupt is pending: arm one. */
	__asm__ __volatile__("mtdec %0" : : "r"(1000ul) : "memory");
	report(hyp_epapr_idle() == HYP_OK, "EV_IDLE (has-idle): 0, woken by the decrementer");
	__asm__ __volatile__("mtdec %0" : : "r"(0x7ffffffful) : "memory");
}

/*
 * The patchable routine: every table instruction book3s has, each result
 * stored. Written SPRs are read back (SRR0/1 change on every interrupt).
 */
#define ROUTINE_OUT 11
extern uint32_t kvmpr_routine_start[], kvmpr_routine_end[];

static void __attribute__((noinline)) routine(unsigned long *out)
{
	__asm__ __volatile__(
		"	.globl kvmpr_routine_start, kvmpr_routine_end\n"
		"kvmpr_routine_start:\n"
		"	mfmsr	4\n"
		"	std	4, 0(%0)\n"
		"	li	5, 0x1111\n"
		"	mtsprg	0, 5\n"
		"	li	5, 0x2222\n"
		"	mtsprg	1, 5\n"
		"	li	5, 0x3333\n"
		"	mtsprg	2, 5\n"
		"	li	5, 0x4444\n"
		"	mtsprg	3, 5\n"
		"	mfsprg	6, 0\n"
		"	std	6, 8(%0)\n"
		"	mfsprg	6, 1\n"
		"	std	6, 16(%0)\n"
		"	mfsprg	6, 2\n"
		"	std	6, 24(%0)\n"
		"	mfsprg	6, 3\n"
		"	std	6, 32(%0)\n"
		"	li	5, 0x5550\n"
		"	mtsrr0	5\n"
		"	mfsrr0	6\n"
		"	std	6, 40(%0)\n"
		"	li	5, 0x6660\n"
		"	mtsrr1	5\n"
		"	mfsrr1	6\n"
		"	std	6, 48(%0)\n"
		"	li	5, 0x7770\n"
		"	mtdar	5\n"
		"	mfdar	6\n"
		"	std	6, 56(%0)\n"
		"	lis	5, 0x0880\n"
		"	mtdsisr	5\n"
		"	mfdsisr	6\n"
		"	std	6, 64(%0)\n"
		"	tlbsync\n"
		"	mtmsrd	4, 1\n"
		"	mtmsrd	4, 0\n"
		"	mfmsr	6\n"
		"	std	6, 72(%0)\n"
		"	mfsprg	6, 0\n"
		"	std	6, 80(%0)\n"
		"kvmpr_routine_end:\n"
		: : "b"(out) : "r4", "r5", "r6", "memory");
}

static const char *const routine_what[ROUTINE_OUT] = {
	"mfmsr", "sprg0", "sprg1", "sprg2", "sprg3", "srr0", "srr1", "dar", "dsisr",
	"mfmsr after mtmsrd", "sprg0 again",
};

static void patching(void)
{
	unsigned long plain[ROUTINE_OUT], patched[ROUTINE_OUT];
	const unsigned long want[9] = { 0, 0x1111, 0x2222, 0x3333, 0x4444, 0x5550, 0x6660, 0x7770,
					0x08800000 };
	size_t words = (size_t)(kvmpr_routine_end - kvmpr_routine_start);
	struct hyp_kvm_ppc_patch_stats st;
	struct exits a, b, p, c;
	bool same = true;
	int rc;

	a = loader_stats();
	routine(plain);
	b = loader_stats();
	for (int i = 1; i < 9; i++)
		report(plain[i] == want[i], "unpatched %s = 0x%lx under KVM-PR", routine_what[i], plain[i]);
	rc = hyp_kvm_ppc_patch(kvmpr_routine_start, words, gen_code, 4 * HYP_KVM_PPC_PATCH_SITE_WORDS,
			       0, &st);
	report(rc == HYP_OK && st.loads_stores == 20 && st.branches == 2 && st.skipped == 0,
	       "routine patched: %u loads/stores/nops, %u MSR writes to generated code",
	       st.loads_stores, st.branches);
	p = loader_stats();
	routine(patched);
	c = loader_stats();
	for (int i = 0; i < ROUTINE_OUT; i++)
		if (plain[i] != patched[i]) {
			same = false;
			report(false, "%s: patched 0x%lx, unpatched 0x%lx", routine_what[i], patched[i], plain[i]);
		}
	report(same, "patched run: the same %d results as unpatched", ROUTINE_OUT);
	/* Each loader_stats() call is one exit itself, the same in both windows. */
	report(c.emulated - p.emulated < b.emulated - a.emulated && c.sum - p.sum < b.sum - a.sum,
	       "KVM exits (loader's count): unpatched %lu (%lu emulated), patched %lu (%lu emulated)",
	       b.sum - a.sum, b.emulated - a.emulated, c.sum - p.sum, c.emulated - p.emulated);
}

static void osi(void)
{
	struct hyp_osi_out o = { { 0 } };
	struct exits a, b;
	long r;

	if (!expect_kvm) {
		/* The kernel did not declare OSI: nothing may reach the host. */
		int avail;

		a = loader_stats();
		avail = hyp_osi_call_available(OSI_LOADER_ECHO);
		r = hyp_osi_call1(OSI_LOADER_ECHO, 1, &o);
		b = loader_stats();
		report(avail == HYP_ENOHYP && r == HYP_ENOHYP, "OSI undeclared: HYP_ENOHYP");
		report(b.osi == a.osi && sync_exits(a, b) == 1, "no OSI exit, no exit but the loader's own");
		return;
	}
	report(hyp_osi_call_available(OSI_LOADER_ECHO) == 1, "OSI_CALL_AVAILABLE(echo): 1");
	report(hyp_osi_call_available(HYP_OSI_TTY_GETC) == 0, "OSI_CALL_AVAILABLE(TTY_GETC): 0");
	r = hyp_osi_call6(OSI_LOADER_ECHO, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, &o);
	report(r == 0 && o.r[0] == (0x10 ^ OSI_ECHO_XOR) && o.r[5] == (0x60 ^ OSI_ECHO_XOR),
	       "OSI echo: r3 %ld, r4 0x%lx .. r9 0x%lx (the loader's answer)", r, o.r[0], o.r[5]);
	for (int i = 0; i < 6; i++)
		if (o.r[i] != ((0x10ul * (unsigned long)(i + 1)) ^ OSI_ECHO_XOR))
			report(false, "OSI echo r%d = 0x%lx", 4 + i, o.r[i]);
}

static void papr(void)
{
	struct hyp_papr_out o = { { 0 } };
	long r = hyp_papr_hypercall9(H_LOADER_ECHO, 1, 2, 3, 4, 5, 6, 7, 8, 9, &o);
	bool ok = r == 0;

	for (int i = 0; i < 9; i++)
		ok = ok && o.r[i] == ~(unsigned long)(i + 1);
	report(ok, "PAPR sc 1 reached the loader (KVM_EXIT_PAPR_HCALL): r4..r12 inverted");
}

static void without_hypervisor(void)
{
	struct hyp_epapr_out out = { { 0 } };
	struct exits a = loader_stats(), b;
	long raw = hyp_epapr_hypercall2(HYP_EPAPR_KVM_TOKEN(HYP_KVM_HC_FEATURES), 7, 8, &out);

	b = loader_stats();
	report(raw == HYP_EV_UNIMPLEMENTED && out.r[0] == 8, "raw KVM call: the fallback's EV_UNIMPLEMENTED");
	report(sync_exits(a, b) == 1, "no exit but the loader's own between the two counts (%lu, %lu in all)",
	       sync_exits(a, b), b.sum - a.sum);
	report(hyp_kvm_ppc_features(NULL) == HYP_ENOHYP, "KVM features: HYP_ENOHYP");
	report(hyp_kvm_ppc_map_magic_page(0, 0, NULL) == HYP_ENOHYP, "map magic page: HYP_ENOHYP");
	report(hyp_epapr_idle() == HYP_ENOSYS, "EV_IDLE without has-idle: HYP_ENOSYS");
}

void test_main(void)
{
	read_expectation();
	closed_gates();
	init();
	if (expect_kvm) {
		kvm_calls();
		magic_page();
		patching();
	} else {
		without_hypervisor();
	}
	osi();
	papr();
}
