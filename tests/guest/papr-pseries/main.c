/* SPDX-License-Identifier: MIT */
/*
 * pseries under TCG (-M pseries,x-vof=on): QEMU's sPAPR answers PAPR `sc 1`
 * calls for real; it gives no /hypervisor node, so the ePAPR area keeps its
 * fallback and every ePAPR call answers EV_UNIMPLEMENTED (HYP_ENOSYS)
 * without any hypercall instruction. The whole console is H_PUT_TERM_CHAR.
 */
#include <guest/test.h>

#include <hyp/hyp.h>

static const char greeting[] = "papr-pseries: this line went out through hyp_papr_term_write()\n";

/* H_LOGICAL_CI_LOAD/STORE access memory big-endian: compare bytes. */
static volatile uint8_t ci_probe[8] __attribute__((aligned(8))) = {
	0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef };

static void before_init(void)
{
	uint64_t r;

	report(hyp_epapr_hypercall0(HYP_EPAPR_TOKEN(1, HYP_EPAPR_IDLE), NULL) == HYP_ENOTINIT,
	       "ePAPR raw call before hyp_init: HYP_ENOTINIT");
	report(hyp_papr_hypercall0(HYP_PAPR_H_RANDOM, NULL) == HYP_ENOTINIT,
	       "PAPR raw call before hyp_init: HYP_ENOTINIT");
	report(hyp_papr_random(&r) == HYP_ENOTINIT, "hyp_papr_random before hyp_init: HYP_ENOTINIT");
	report(hyp_kvm_ppc_features(NULL) == HYP_ENOTINIT, "KVM features before hyp_init: HYP_ENOTINIT");
	report(hyp_epapr_int_set_config(1, 0, 1, 0) == HYP_ENOTINIT && hyp_epapr_int_set_mask(1, 1) == HYP_ENOTINIT &&
	       hyp_epapr_int_eoi(1) == HYP_ENOTINIT && hyp_epapr_int_send_ipi(0) == HYP_ENOTINIT &&
	       hyp_epapr_int_set_task_priority(0) == HYP_ENOTINIT && hyp_epapr_doorbell_send(0) == HYP_ENOTINIT,
	       "ePAPR pass-through calls before hyp_init: HYP_ENOTINIT");
}

static void detection(void)
{
	struct hyp_platform plat = { .ppc_papr = false };
	struct hyp_info info;
	const struct hyp_info *got;

	report(hyp_detect(&plat, &info) == HYP_OK && info.kind == HYP_KIND_NONE &&
	       info.families == 0, "detect without a device tree or PAPR: none");
	plat.ppc_papr = true;
	report(hyp_init(&plat) == HYP_OK, "hyp_init (kernel declares PAPR)");
	got = hyp_get_info();
	report(got && (got->families & HYP_FAMILY_PAPR), "PAPR family open");
	report(got && !got->ppc_hypervisor_node && !(got->families & HYP_FAMILY_EPAPR) &&
	       !(got->families & HYP_FAMILY_KVM), "no /hypervisor node: no ePAPR, no KVM");
	report(got && got->kind == HYP_KIND_UNKNOWN, "kind: %s (signature \"%s\")",
	       got ? hyp_kind_name(got->kind) : "?", got ? got->signature : "?");
	report(!hyp_epapr_patched() && hyp_gate_read(&hyp_epapr_gate) == HYP_GATE_EPAPR_FALLBACK,
	       "ePAPR area: fallback");
}

static void epapr_fallback(void)
{
	struct hyp_epapr_out out = { { 0 } };
	uint32_t a, b, c;
	char buf[16];
	long raw;

	raw = hyp_epapr_hypercall2(HYP_EPAPR_TOKEN(1, HYP_EPAPR_BYTE_CHANNEL_POLL), 7, 8, &out);
	report(raw == HYP_EV_UNIMPLEMENTED, "raw ePAPR call: EV_UNIMPLEMENTED (%ld)", raw);
	report(out.r[0] == 8 && out.r[7] == HYP_EPAPR_TOKEN(1, HYP_EPAPR_BYTE_CHANNEL_POLL),
	       "fallback leaves r4 and r11 as they were");
	report(hyp_epapr_byte_channel_send(0, "x", 1) == HYP_ENOSYS, "byte channel send: HYP_ENOSYS");
	report(hyp_epapr_byte_channel_write(0, "xyz", 3, 4) == HYP_ENOSYS, "byte channel write: HYP_ENOSYS");
	report(hyp_epapr_byte_channel_receive(0, buf, 16) == HYP_ENOSYS, "byte channel receive: HYP_ENOSYS");
	report(hyp_epapr_byte_channel_poll(0, &a, &b) == HYP_ENOSYS, "byte channel poll: HYP_ENOSYS");
	report(hyp_epapr_idle() == HYP_ENOSYS, "idle (no has-idle): HYP_ENOSYS");
	report(hyp_epapr_int_set_config(1, 0, 1, 0) == HYP_ENOSYS, "int_set_config: HYP_ENOSYS");
	report(hyp_epapr_int_get_config(1, &a, &b, &c) == HYP_ENOSYS, "int_get_config: HYP_ENOSYS");
	report(hyp_epapr_int_set_mask(1, 1) == HYP_ENOSYS, "int_set_mask: HYP_ENOSYS");
	report(hyp_epapr_int_get_mask(1, &a) == HYP_ENOSYS, "int_get_mask: HYP_ENOSYS");
	report(hyp_epapr_int_iack(0, &a) == HYP_ENOSYS, "int_iack: HYP_ENOSYS");
	report(hyp_epapr_int_eoi(1) == HYP_ENOSYS, "int_eoi: HYP_ENOSYS");
	report(hyp_epapr_int_send_ipi(0) == HYP_ENOSYS, "int_send_ipi: HYP_ENOSYS");
	report(hyp_epapr_int_set_task_priority(0) == HYP_ENOSYS, "int_set_task_priority: HYP_ENOSYS");
	report(hyp_epapr_int_get_task_priority(&a) == HYP_ENOSYS, "int_get_task_priority: HYP_ENOSYS");
	report(hyp_epapr_doorbell_send(0) == HYP_ENOSYS, "doorbell_send: HYP_ENOSYS");
	report(hyp_kvm_ppc_features(NULL) == HYP_ENOHYP, "KVM features: HYP_ENOHYP (no KVM found)");
	report(hyp_kvm_ppc_map_magic_page((unsigned long)HYP_KVM_PPC_MAGIC_PAGE,
					  (unsigned long)HYP_KVM_PPC_MAGIC_PAGE, NULL) == HYP_ENOHYP,
	       "KVM map magic page: HYP_ENOHYP");
}

static void papr_calls(void)
{
	unsigned long v = 0;
	uint64_t r1 = 0, r2 = 0;
	char in[HYP_PAPR_TERM_CHAR_MAX];
	long raw;
	int rc;

	rc = hyp_papr_term_write(0, greeting, sizeof(greeting) - 1, 100);
	report(rc == (int)sizeof(greeting) - 1, "H_PUT_TERM_CHAR: %d bytes written in 16-byte calls", rc);
	report(hyp_papr_put_term_char(0, "0123456789abcdefg", 17) == HYP_EINVAL,
	       "17 bytes in one call: refused before the call");
	rc = hyp_papr_put_term_char(0x7fffffff, "?", 1);
	report(rc == HYP_EINVAL, "H_PUT_TERM_CHAR to a vterm that does not exist: %s", hyp_strerror(rc));
	rc = hyp_papr_get_term_char(0, in);
	report(rc == 0, "H_GET_TERM_CHAR with no input: %d bytes", rc);

	rc = hyp_papr_logical_ci_load(8, (unsigned long)ci_probe, &v);
	report(rc == HYP_OK && v == 0x0123456789abcdeful, "H_LOGICAL_CI_LOAD 8 bytes: 0x%lx", v);
	rc = hyp_papr_logical_ci_load(4, (unsigned long)ci_probe, &v);
	report(rc == HYP_OK && v == 0x01234567ul, "H_LOGICAL_CI_LOAD 4 bytes: 0x%lx", v);
	rc = hyp_papr_logical_ci_store(4, (unsigned long)ci_probe + 4, 0xfeedface);
	report(rc == HYP_OK && ci_probe[4] == 0xfe && ci_probe[5] == 0xed && ci_probe[6] == 0xfa &&
	       ci_probe[7] == 0xce && ci_probe[3] == 0x67, "H_LOGICAL_CI_STORE 4 bytes");
	report(hyp_papr_logical_ci_load(3, (unsigned long)ci_probe, &v) == HYP_EINVAL,
	       "H_LOGICAL_CI_LOAD size 3: refused before the call");

	rc = hyp_papr_random(&r1);
	if (rc == HYP_OK) {
		report(hyp_papr_random(&r2) == HYP_OK && r1 != r2, "H_RANDOM: 0x%llx, 0x%llx",
		       (unsigned long long)r1, (unsigned long long)r2);
	} else {
		report(rc == HYP_ENOSYS, "H_RANDOM without an RNG: %s", hyp_strerror(rc));
	}

	rc = hyp_papr_set_mode(0, 0x7777, 0, 0);
	report(rc == HYP_EINVAL, "H_SET_MODE unknown resource: %s (H_P2)", hyp_strerror(rc));
	raw = hyp_papr_hypercall0(0x1ffc, NULL);
	rc = hyp_papr_error(raw);
	report(raw == HYP_PAPR_H_FUNCTION && rc == HYP_ENOSYS, "unknown opcode: %ld -> %s",
	       raw, hyp_strerror(rc));
}

void test_main(void)
{
	before_init();
	detection();
	epapr_fallback();
	papr_calls();
}
