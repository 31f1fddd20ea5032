/* SPDX-License-Identifier: MIT */
/*
 * ePAPR/KVM on ppce500 with a -dtb whose /hypervisor gives `sc 1`: detection
 * from the tree QEMU passes in r3, the hypercall area patched with it, every
 * stub and typed wrapper against the harness hypervisor (harness.c), the
 * magic page really mapped at -4096. With a /hypervisor whose
 * hcall-instructions has a bad length, the fallback must stay and the
 * hypervisor must never be entered.
 */
#include <guest/test.h>

#include "harness.h"

#define NOP     0x60000000u
#define BLR     0x4e800020u
#define EPAPR(nr)   HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, nr)

static bool area_is(uint32_t w0)
{
	const volatile uint32_t *a = hyp_epapr_hypercall_area;

	return a[0] == w0 && a[1] == NOP && a[2] == NOP && a[3] == NOP && a[4] == BLR;
}

static bool args_are(uint32_t token, unsigned int n, const unsigned long *want)
{
	if (hv.token != token)
		return false;
	for (unsigned int i = 0; i < n; i++)
		if (hv.args[i] != want[i])
			return false;
	return hv.call_site == (unsigned long)hyp_epapr_hypercall_area;
}

static void detection(const struct hyp_info *info)
{
	report(info->kind == HYP_KIND_KVM && !strcmp(info->signature, "linux,kvm"),
	       "detect: %s (\"%s\")", hyp_kind_name(info->kind), info->signature);
	report(info->families == (HYP_FAMILY_EPAPR | HYP_FAMILY_KVM), "families: ePAPR + KVM (0x%x)",
	       info->families);
	report(info->ppc_hypervisor_node && info->ppc_hcall_valid && info->ppc_hcall_len == 4 &&
	       info->ppc_hcall[0] == EPAPR_SC1, "hcall-instructions: 0x%08x (%u bytes)",
	       info->ppc_hcall[0], info->ppc_hcall_len);
	report(info->ppc_has_idle, "has-idle");
}

/* One PAPR-shaped call: what the harness saw and what came back. */
static bool papr_seen(unsigned int n, const unsigned long *a, const struct hyp_papr_out *out,
		      long rc)
{
	if (rc != 0 || hv.papr[0] != HV_PAPR_ECHO) {
		report_info("hvsc%u: rc %ld, r3 0x%lx", n, rc, hv.papr[0]);
		return false;
	}
	for (unsigned int i = 0; i < n; i++)
		if (hv.papr[1 + i] != a[i]) {
			report_info("hvsc%u: argument %u in r%u is 0x%lx", n, i + 1, 4 + i, hv.papr[1 + i]);
			return false;
		}
	for (unsigned int i = 0; i < 9; i++)
		if (out->r[i] != hv.papr[1 + i] + 0x2000) {
			report_info("hvsc%u: out r[%u] is 0x%lx, r%u was 0x%lx", n, i, out->r[i], 4 + i,
				    hv.papr[1 + i]);
			return false;
		}
	return true;
}

static void raw_stubs(void)
{
	struct hyp_epapr_out out;
	static const unsigned long a[8] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };
	long rc[9];
	bool args_ok[9], outs_ok[9];
	unsigned int calls;

	/* Each arity: arguments arrive in r3.., outputs come back from r4..r11. */
#define CHECK(n, call)                                                  \
	do {                                                            \
		rc[n] = call;                                           \
		args_ok[n] = args_are(HV_ECHO_TOKEN, n, a);             \
		outs_ok[n] = true;                                      \
		for (unsigned int i = 0; i < 8; i++)                    \
			if (out.r[i] != hv.args[i] + 0x1000)            \
				outs_ok[n] = false;                     \
	} while (0)
	CHECK(0, hyp_epapr_hypercall0(HV_ECHO_TOKEN, &out));
	CHECK(1, hyp_epapr_hypercall1(HV_ECHO_TOKEN, a[0], &out));
	CHECK(2, hyp_epapr_hypercall2(HV_ECHO_TOKEN, a[0], a[1], &out));
	CHECK(3, hyp_epapr_hypercall3(HV_ECHO_TOKEN, a[0], a[1], a[2], &out));
	CHECK(4, hyp_epapr_hypercall4(HV_ECHO_TOKEN, a[0], a[1], a[2], a[3], &out));
	CHECK(5, hyp_epapr_hypercall5(HV_ECHO_TOKEN, a[0], a[1], a[2], a[3], a[4], &out));
	CHECK(6, hyp_epapr_hypercall6(HV_ECHO_TOKEN, a[0], a[1], a[2], a[3], a[4], a[5], &out));
	CHECK(7, hyp_epapr_hypercall7(HV_ECHO_TOKEN, a[0], a[1], a[2], a[3], a[4], a[5], a[6], &out));
	CHECK(8, hyp_epapr_hypercall8(HV_ECHO_TOKEN, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], &out));
#undef CHECK
	for (unsigned int n = 0; n <= 8; n++)
		report(rc[n] == 0 && args_ok[n] && outs_ok[n],
		       "hyp_epapr_hypercall%u: token r11, %u argument(s), r4..r11 returned", n, n);
	report(pressure_across_call(0x1234, true) == pressure_across_call(0x1234, false),
	       "28 values live across a call survive the harness's poison");
	report(cr_across_call(1, 2) == 1 && cr_across_call(2, 2) == 2 && cr_across_call(3, 2) == 4,
	       "comparisons kept across a call survive CR poison");
	report(memory_across_call() == HV_ECHO_TOKEN, "memory the hypervisor wrote is re-read");
	calls = hv.calls;
	ctr_across_call(5);
	report(hv.calls == calls + 5, "a counted loop around the call runs 5 times (%u)", hv.calls - calls);
	report(hyp_epapr_hypercall1(HYP_EPAPR_TOKEN(3, 99), 1, NULL) == HYP_EV_UNIMPLEMENTED,
	       "unknown token: EV_UNIMPLEMENTED from the hypervisor");
}

/*
 * The PAPR stubs' registers at every arity, r12 included (QEMU's pseries
 * reads no PAPR call's r12; papr-hpt checks r4..r11 against it): opcode r3,
 * arguments r4..r12, outputs r4..r12. The PAPR gate stays closed here (no
 * PAPR platform): the gated calls answer HYP_ENOHYP without an sc.
 */
static void papr_stubs(void)
{
	static const unsigned long a[9] = { 0x101, 0x202, 0x303, 0x404, 0x505, 0x606, 0x707,
					    0x808, 0x909 };
	struct hyp_papr_out out;
	long rc[10];
	unsigned int calls;
	bool ok = true;

#define PCALL(n, call)                                                  \
	do {                                                            \
		for (unsigned int i = 0; i < 10; i++)                   \
			hv.papr[i] = 0;                                 \
		rc[n] = call;                                           \
		ok = ok && papr_seen(n, a, &out, rc[n]);                \
	} while (0)
	PCALL(0, hyp_papr_hvsc0(HV_PAPR_ECHO, &out));
	PCALL(1, hyp_papr_hvsc1(HV_PAPR_ECHO, a[0], &out));
	PCALL(2, hyp_papr_hvsc2(HV_PAPR_ECHO, a[0], a[1], &out));
	PCALL(3, hyp_papr_hvsc3(HV_PAPR_ECHO, a[0], a[1], a[2], &out));
	PCALL(4, hyp_papr_hvsc4(HV_PAPR_ECHO, a[0], a[1], a[2], a[3], &out));
	PCALL(5, hyp_papr_hvsc5(HV_PAPR_ECHO, a[0], a[1], a[2], a[3], a[4], &out));
	PCALL(6, hyp_papr_hvsc6(HV_PAPR_ECHO, a[0], a[1], a[2], a[3], a[4], a[5], &out));
	PCALL(7, hyp_papr_hvsc7(HV_PAPR_ECHO, a[0], a[1], a[2], a[3], a[4], a[5], a[6], &out));
	PCALL(8, hyp_papr_hvsc8(HV_PAPR_ECHO, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], &out));
	PCALL(9, hyp_papr_hvsc9(HV_PAPR_ECHO, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8],
				&out));
#undef PCALL
	report(ok, "hyp_papr_hvsc0..9: opcode r3, arguments r4..r12, outputs r4..r12");
	calls = hv.calls;
	report(hyp_papr_hypercall9(HV_PAPR_ECHO, 1, 2, 3, 4, 5, 6, 7, 8, 9, &out) == HYP_ENOHYP &&
	       hyp_papr_hypercall0(HV_PAPR_ECHO, &out) == HYP_ENOHYP && hv.calls == calls,
	       "PAPR gate closed: hyp_papr_hypercallN answer HYP_ENOHYP, no sc 1");
}

static void byte_channels(void)
{
	static const char msg[] = "forty bytes through the ePAPR byte chan";
	static const char busy[] = "partial and busy writes";
	char buf[HYP_EPAPR_BYTE_CHANNEL_MAX + 1];
	uint32_t rx = 0, tx = 0;
	unsigned long want[2] = { HV_CHAN_CONSOLE, 3 };
	int rc;

	rc = hyp_epapr_byte_channel_send(HV_CHAN_CONSOLE, "abc", 3);
	report(rc == 3 && args_are(EPAPR(HYP_EPAPR_BYTE_CHANNEL_SEND), 2, want) &&
	       hv.args[2] == 0x61626300, "byte channel send: 3 bytes, r5 = 0x%08lx", hv.args[2]);
	rc = hyp_epapr_byte_channel_write(HV_CHAN_CONSOLE, msg, sizeof(msg) - 1, 0);
	report(rc == (int)sizeof(msg) - 1 && hv.chan_len[0] == 3 + sizeof(msg) - 1 &&
	       !memcmp(hv.chan[0] + 3, msg, sizeof(msg) - 1), "byte channel write: %d bytes in order", rc);
	rc = hyp_epapr_byte_channel_write(HV_CHAN_BUSY, busy, sizeof(busy) - 1, 3);
	report(rc == (int)sizeof(busy) - 1 && hv.chan_len[1] == sizeof(busy) - 1 &&
	       !memcmp(hv.chan[1], busy, sizeof(busy) - 1),
	       "byte channel write through EV_EAGAIN and partial sends: nothing lost");
	rc = hyp_epapr_byte_channel_write(HV_CHAN_BUSY, busy, sizeof(busy) - 1, 0);
	report(rc == HYP_EAGAIN, "busy channel, no retries: %s", hyp_strerror(rc));
	report(hyp_epapr_byte_channel_send(HV_CHAN_CONSOLE, msg, 17) == HYP_EINVAL,
	       "17 bytes in one send: refused before the call");
	report(hyp_epapr_byte_channel_send(9, "x", 1) == HYP_EINVAL, "bad handle: EV_EINVAL -> HYP_EINVAL");

	rc = hyp_epapr_byte_channel_poll(HV_CHAN_CONSOLE, &rx, &tx);
	report(rc == 0 && rx == sizeof(hv_rx_text) - 1 && tx == 16, "poll: %u to read, %u space", rx, tx);
	memset(buf, 0, sizeof(buf));
	rc = hyp_epapr_byte_channel_receive(HV_CHAN_CONSOLE, buf, 16);
	report(rc == 16 && !memcmp(buf, hv_rx_text, 16), "receive: \"%s\"", buf);
	report(hyp_epapr_byte_channel_receive(HV_CHAN_HOSTILE, buf, 16) == HYP_EIO,
	       "receive claiming 200 bytes: HYP_EIO, buffer not overrun");
}

static void interrupts(void)
{
	uint32_t c = 0, p = 0, d = 0, m = 0, v = 0;
	unsigned long want[4] = { 5, 0x11, 7, 1 };

	report(hyp_epapr_int_set_config(5, 0x11, 7, 1) == 0 &&
	       args_are(EPAPR(HYP_EPAPR_INT_SET_CONFIG), 4, want), "int_set_config: r3..r6");
	report(hyp_epapr_int_get_config(5, &c, &p, &d) == 0 && c == 0x11 && p == 7 && d == 1,
	       "int_get_config: %u %u %u", c, p, d);
	report(hyp_epapr_int_set_config(99, 0, 0, 0) == HYP_EINVAL, "int_set_config bad irq: HYP_EINVAL");
	report(hyp_epapr_int_set_mask(5, 1) == 0 && hyp_epapr_int_get_mask(5, &m) == 0 && m == 1,
	       "int_set_mask / int_get_mask");
	report(hyp_epapr_int_iack(0, &v) == 0 && v == 0x42, "int_iack: vector 0x%x", v);
	report(hyp_epapr_int_eoi(5) == 0 && hv.eoi_last == 5, "int_eoi");
	report(hyp_epapr_int_send_ipi(3) == 0 && hv.ipi_last == 3, "int_send_ipi");
	report(hyp_epapr_int_set_task_priority(9) == 0 && hyp_epapr_int_get_task_priority(&p) == 0 &&
	       p == 9, "task priority set/get");
	report(hyp_epapr_doorbell_send(0x77) == 0 && hv.doorbell_last == 0x77, "doorbell_send");
	report(hyp_epapr_idle() == 0 && hv.idles == 1, "idle (has-idle)");
}

static void kvm_calls(void)
{
	volatile struct hyp_kvm_ppc_magic_page *mp =
		(volatile struct hyp_kvm_ppc_magic_page *)(uintptr_t)HYP_KVM_PPC_MAGIC_PAGE;
	const volatile struct hyp_kvm_ppc_magic_page *backing = (const void *)hv_magic_backing;
	unsigned long features = 0;
	uint32_t magic = 0;
	unsigned long want[2] = { (unsigned long)HYP_KVM_PPC_MAGIC_PAGE,
				  (unsigned long)HYP_KVM_PPC_MAGIC_PAGE };
	int rc;

	rc = hyp_kvm_ppc_features(&features);
	report(rc == 0 && (features & (1ul << HYP_KVM_PPC_FEATURE_MAGIC_PAGE)) &&
	       hv.token == HYP_EPAPR_KVM_TOKEN(HYP_KVM_HC_FEATURES),
	       "KVM_HC_FEATURES: token 0x%lx, features 0x%lx", hv.token, features);
	rc = hyp_kvm_ppc_map_magic_page(0, 0x1000, &magic);
	report(rc == HYP_EINVAL && !hv.magic_mapped, "map magic page elsewhere: refused (%s)",
	       hyp_strerror(rc));
	rc = hyp_kvm_ppc_map_magic_page(want[0], want[1], &magic);
	report(rc == 0 && hv.magic_mapped && args_are(HYP_EPAPR_KVM_TOKEN(HYP_KVM_HC_PPC_MAP_MAGIC_PAGE),
						      2, want),
	       "KVM_HC_PPC_MAP_MAGIC_PAGE at -4096: features 0x%x", magic);
	report(mp->msr == hv.magic_msr && mp->msr != 0, "magic page at -4096 reads the shadow MSR 0x%llx",
	       (unsigned long long)mp->msr);
	mp->scratch1 = 0x5ca1ab1e;
	report(backing->scratch1 == 0x5ca1ab1e, "a store at -4096 lands in the hypervisor's page");
}

/* routine.S */
void patch_routine(uint32_t out[12]);
extern uint32_t patch_routine_end[];

#define ROUTINE_OUT     12
static const char *const routine_what[ROUTINE_OUT] = {
	"mfmsr", "mtsprg/mfsprg 0", "mtsprg/mfsprg 1", "mtsprg/mfsprg 2", "mtsprg/mfsprg 3",
	"mtsrr0/mfsrr0", "mtsrr1/mfsrr1", "mtspr/mfspr DEAR", "mtspr/mfspr ESR",
	"wrteei 0", "wrteei 1", "mtmsr",
};

static uint32_t gen_code[4 * HYP_KVM_PPC_PATCH_SITE_WORDS];

static unsigned long read_sprg0(void)
{
	unsigned long v;

	__asm__ __volatile__("mfspr %0, 272" : "=r"(v));
	return v;
}

static unsigned long read_msr(void)
{
	unsigned long v;

	__asm__ __volatile__("mfmsr %0" : "=r"(v));
	return v;
}

static void patch_before_mapping(void)
{
	uint32_t *code = (uint32_t *)(void *)patch_routine;
	size_t words = (size_t)(patch_routine_end - code);

	report(hyp_kvm_ppc_patch(code, words, gen_code, 4 * HYP_KVM_PPC_PATCH_SITE_WORDS,
				 HYP_KVM_PPC_PATCH_BOOKE, NULL) == HYP_EPERM,
	       "patcher before the magic page is mapped: HYP_EPERM");
}

static void magic_patching(void)
{
	volatile struct hyp_kvm_ppc_magic_page *mp =
		(volatile struct hyp_kvm_ppc_magic_page *)(uintptr_t)HYP_KVM_PPC_MAGIC_PAGE;
	uint32_t *code = (uint32_t *)(void *)patch_routine;
	size_t words = (size_t)(patch_routine_end - code);
	uint32_t plain[ROUTINE_OUT], patched[ROUTINE_OUT], copy[64];
	struct hyp_kvm_ppc_patch_stats st, st2;
	unsigned long msr;
	int rc;

	patch_routine(plain);
	report(mp->msr == read_msr(), "shadow MSR in the magic page matches the real MSR");
	memcpy(copy, code, words * 4);
	rc = hyp_kvm_ppc_patch(code, words, gen_code, 4 * HYP_KVM_PPC_PATCH_SITE_WORDS,
			       HYP_KVM_PPC_PATCH_BOOKE, &st);
	report(rc == 0 && st.loads_stores == 21 && st.branches == 3 && st.skipped == 0,
	       "routine patched: %u loads/stores/nops, %u MSR writes to generated code (%zu words)",
	       st.loads_stores, st.branches, st.gen_used);
	report(memcmp(copy, code, words * 4) != 0, "the routine's words changed");

	__asm__ __volatile__("mtspr 272, %0" : : "r"(0xabc0ul));
	patch_routine(patched);
	for (unsigned int i = 0; i < ROUTINE_OUT; i++)
		report(plain[i] == patched[i], "%s: patched 0x%x, unpatched 0x%x",
		       routine_what[i], patched[i], plain[i]);
	report(read_sprg0() == 0xabc0 && mp->sprg0 == 0x1111,
	       "patched run wrote the magic page, not the real SPRG0");

	/* An interrupt pending when EE goes on: the real wrteei 1 runs. */
	mp->int_pending = 1;
	patch_routine(patched);
	msr = read_msr();
	__asm__ __volatile__("wrteei 0" : : : "memory");
	mp->int_pending = 0;
	report((msr & 0x8000) && patched[10] == plain[10],
	       "int_pending: the original wrteei 1 ran (real MSR[EE] set), results unchanged");

	memcpy(copy, code, words * 4);
	rc = hyp_kvm_ppc_patch(code, words, gen_code + st.gen_used,
			       4 * HYP_KVM_PPC_PATCH_SITE_WORDS - st.gen_used,
			       HYP_KVM_PPC_PATCH_BOOKE, &st2);
	report(rc == 0 && !memcmp(copy, code, words * 4) && st2.loads_stores + st2.branches == 0,
	       "patching twice changes nothing");
}

static void patching(void)
{
	static const uint32_t five[5] = { EPAPR_SC1, NOP, NOP, NOP, NOP };
	unsigned int calls;

	report(hyp_epapr_patch_area(five, 5) == HYP_EINVAL && area_is(EPAPR_SC1),
	       "patch with 5 words: refused, area unchanged");
	report(hyp_epapr_patch_area(five, 0) == HYP_EINVAL && area_is(EPAPR_SC1),
	       "patch with 0 words: refused");
	hyp_epapr_restore_fallback();
	calls = hv.calls;
	report(!hyp_epapr_patched() && area_is(0x3860000cu) &&
	       hyp_epapr_byte_channel_send(0, "x", 1) == HYP_ENOSYS && hv.calls == calls,
	       "fallback restored: HYP_ENOSYS, hypervisor not entered");
	report(hyp_epapr_patch_area(five, 1) == 0 && hyp_epapr_patched() &&
	       hyp_epapr_byte_channel_send(0, "y", 1) == 1 && hv.calls == calls + 1,
	       "patched again: served");
}

static void bad_length(const struct hyp_platform *plat, const struct hyp_info *info)
{
	report(info->ppc_hypervisor_node && !info->ppc_hcall_valid && info->ppc_hcall_len == 6,
	       "hcall-instructions of 6 bytes refused");
	report(!(info->families & (HYP_FAMILY_EPAPR | HYP_FAMILY_KVM)),
	       "no ePAPR or KVM family (0x%x)", info->families);
	report(hyp_init(plat) == 0, "hyp_init");
	report(!hyp_epapr_patched() && area_is(0x3860000cu) &&
	       hyp_gate_read(&hyp_epapr_gate) == HYP_GATE_EPAPR_FALLBACK, "area keeps the fallback");
	report(hyp_epapr_byte_channel_send(0, "x", 1) == HYP_ENOSYS, "byte channel send: HYP_ENOSYS");
	report(hyp_epapr_idle() == HYP_ENOSYS, "idle: HYP_ENOSYS");
	report(hyp_kvm_ppc_features(NULL) == HYP_ENOHYP, "KVM features: HYP_ENOHYP");
	report(hv.calls == 0, "the hypervisor was never entered");
}

void test_main(void)
{
	struct hyp_platform plat = { .fdt = guest_ppc_fdt, .fdt_size = guest_ppc_fdt_size };
	struct hyp_info info;
	int rc;

	epapr_harness_install(hv_answer);
	report(guest_ppc_fdt && guest_ppc_fdt_size > 0, "device tree from r3: %p, %lu bytes",
	       guest_ppc_fdt, guest_ppc_fdt_size);
	rc = hyp_detect(&plat, &info);
	report(rc == 0, "hyp_detect: %s", hyp_strerror(rc));
	if (info.ppc_hypervisor_node && !info.ppc_hcall_valid) {
		bad_length(&plat, &info);
		return;
	}
	detection(&info);
	report(hyp_epapr_hypercall0(HV_ECHO_TOKEN, NULL) == HYP_ENOTINIT && hv.calls == 0,
	       "before hyp_init: HYP_ENOTINIT, nothing executed");
	report(hyp_init(&plat) == 0 && hyp_epapr_patched() && area_is(EPAPR_SC1), "hyp_init");
	report_info("ePAPR area patched: sc 1 at %p", (void *)hyp_epapr_hypercall_area);
	raw_stubs();
	papr_stubs();
	byte_channels();
	interrupts();
	patch_before_mapping();
	kvm_calls();
	magic_patching();
	patching();
}
