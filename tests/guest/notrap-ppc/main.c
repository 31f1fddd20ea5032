/* SPDX-License-Identifier: MIT */
/*
 * Never trap where nothing answers (PowerPC, ppce500 with QEMU's own device
 * tree: no /hypervisor node, no PAPR): before hyp_init() every call is
 * HYP_ENOTINIT; after it no family is found, ePAPR calls answer from the
 * fallback area (HYP_ENOSYS, raw EV_UNIMPLEMENTED), KVM and PAPR calls
 * HYP_ENOHYP. System Call (IVOR8: any `sc`) and Program (IVOR6) interrupts
 * are counted: zero.
 */
#include <guest/powerpc.h>
#include <guest/test.h>
#include <hyp/hyp.h>

static unsigned int traps;

static bool counting_trap(struct guest_frame *f)
{
	traps++;
	if (f->vector == GUEST_PPC_IVOR_SYSCALL) {
		f->gpr[3] = (unsigned long)-1;      /* resume after the sc (srr0) */
		return true;
	}
	f->srr0 += 4;                               /* Program: skip the instruction */
	return true;
}

/* Typed ePAPR calls: each must return `want`. */
static void each_epapr(int want)
{
	uint32_t a, b, c;
	char buf[16];

	report_call(want, hyp_epapr_byte_channel_send(0, "x", 1));
	report_call(want, hyp_epapr_byte_channel_write(0, "xyz", 3, 4));
	report_call(want, hyp_epapr_byte_channel_receive(0, buf, sizeof(buf)));
	report_call(want, hyp_epapr_byte_channel_poll(0, &a, &b));
	report_call(want, hyp_epapr_idle());
	report_call(want, hyp_epapr_int_set_config(1, 0, 1, 0));
	report_call(want, hyp_epapr_int_get_config(1, &a, &b, &c));
	report_call(want, hyp_epapr_int_set_mask(1, 1));
	report_call(want, hyp_epapr_int_get_mask(1, &a));
	report_call(want, hyp_epapr_int_iack(0, &a));
	report_call(want, hyp_epapr_int_eoi(1));
	report_call(want, hyp_epapr_int_send_ipi(0));
	report_call(want, hyp_epapr_int_set_task_priority(0));
	report_call(want, hyp_epapr_int_get_task_priority(&a));
	report_call(want, hyp_epapr_doorbell_send(0));
}

/* KVM calls and PAPR (typed wrappers on 64-bit builds only, raw everywhere). */
static void each_kvm_papr(int want)
{
	unsigned long features;
	uint32_t magic;

	report_call(want, hyp_kvm_ppc_features(&features));
	report_call(want, hyp_kvm_ppc_map_magic_page(0x1000, (unsigned long)-4096, &magic));
	report_call(want, hyp_papr_hypercall0(0x58, NULL));
	report_call(want, hyp_papr_hypercall1(0x58, 0, NULL));
#ifdef __powerpc64__
	unsigned long value;
	uint64_t random;
	char buf[HYP_PAPR_TERM_CHAR_MAX];

	report_call(want, hyp_papr_put_term_char(0, "x", 1));
	report_call(want, hyp_papr_term_write(0, "xyz", 3, 4));
	report_call(want, hyp_papr_get_term_char(0, buf));
	report_call(want, hyp_papr_random(&random));
	report_call(want, hyp_papr_logical_ci_load(4, 0x1000, &value));
	report_call(want, hyp_papr_logical_ci_store(4, 0x1000, 0));
	report_call(want, hyp_papr_set_mode(0, 0, 0, 0));
	report_call(want, hyp_papr_cede());
#endif
}

void test_main(void)
{
	struct hyp_platform plat = { .fdt = guest_ppc_fdt, .fdt_size = guest_ppc_fdt_size };
	const struct hyp_info *info;
	struct hyp_epapr_out out;

	guest_set_trap_handler(GUEST_PPC_IVOR_SYSCALL, counting_trap);
	guest_set_trap_handler(GUEST_PPC_IVOR_PROGRAM, counting_trap);

	report_prefix_push("before hyp_init()");
	each_epapr(HYP_ENOTINIT);
	each_kvm_papr(HYP_ENOTINIT);
	report_prefix_pop();
	report(hyp_epapr_hypercall0(HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, 1), &out) == HYP_ENOTINIT,
	       "before hyp_init(): raw ePAPR call HYP_ENOTINIT");

	report(hyp_init(&plat) == HYP_OK, "hyp_init() with QEMU's device tree (%lu bytes)",
	       guest_ppc_fdt_size);
	info = hyp_get_info();
	report(info && !info->ppc_hypervisor_node && info->families == 0,
	       "no /hypervisor node, no PAPR: no family (0x%x)", info ? info->families : 0);
	report(!hyp_epapr_patched(), "ePAPR area keeps its fallback");
	report_prefix_push("ePAPR fallback");
	each_epapr(HYP_ENOSYS);
	report_prefix_pop();
	report(hyp_epapr_hypercall0(HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, 1), &out) ==
	       HYP_EV_UNIMPLEMENTED, "raw ePAPR call: EV_UNIMPLEMENTED from the fallback");
	report_prefix_push("no KVM, no PAPR");
	each_kvm_papr(HYP_ENOHYP);
	report_prefix_pop();
	report(traps == 0, "zero System Call / Program interrupts: no sc executed (%u)", traps);
}
