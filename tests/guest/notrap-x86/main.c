/* SPDX-License-Identifier: MIT */
/*
 * Never trap where nothing answers (x86): with no hypervisor (-cpu
 * max,-hypervisor) or one that offers no family libhyp calls (QEMU TCG's
 * own signature), every KVM and Xen call, raw and typed, returns
 * HYP_ENOHYP (HYP_ENOTINIT before hyp_init()) and no hypercall instruction
 * executes: #UD (vmcall/vmmcall without a hypervisor), #GP and #PF are
 * counted, and the count must stay 0. The command line says which machine
 * it is (expect=none|tcg).
 */
#include <guest/test.h>
#include <guest/x86.h>
#include <hyp/hyp.h>

static unsigned int traps;
static char expect[16] = "?";

/* Count, then step over a 3-byte vmcall/vmmcall answering -1 (the count fails the test). */
static bool counting_trap(struct guest_frame *r)
{
	const unsigned char *ip = (const unsigned char *)r->ip;

	traps++;
	if (r->vector == X86_VEC_UD && ip[0] == 0x0f && ip[1] == 0x01) {
		r->ax = (unsigned long)-1;
		r->ip += 3;
		return true;
	}
	return false;
}

static void each_xen(int want)
{
	static union hyp_xen_shared_info_page shared;
	static struct hyp_xen_vcpu_runstate_info runstate;
	static unsigned char page[4096] __attribute__((aligned(4096)));
	struct hyp_xen_evtchn_status_args status;
	char text[16];
	uint32_t submap;
	uint64_t value;

	report_call(want, hyp_xen_version());
	report_call(want, hyp_xen_extraversion(text));
	report_call(want, hyp_xen_get_features(0, &submap));
	report_call(want, hyp_xen_console_write("x", 1));
	report_call(want, hyp_xen_console_read(text, sizeof(text)));
	report_call(want, hyp_xen_sched_yield());
	report_call(want, hyp_xen_evtchn_alloc_unbound(0));
	report_call(want, hyp_xen_evtchn_bind_virq(0, 0));
	report_call(want, hyp_xen_evtchn_send(1));
	report_call(want, hyp_xen_evtchn_close(1));
	report_call(want, hyp_xen_evtchn_status(1, &status));
	report_call(want, hyp_xen_hvm_get_param(0, &value));
	report_call(want, hyp_xen_hvm_set_param(0, 0));
	report_call(want, hyp_xen_add_to_physmap(0, 0, 0x100));
	report_call(want, hyp_xen_map_shared_info(&shared));
	report_call(want, hyp_xen_current_reservation());
	report_call(want, hyp_xen_vcpu_is_up(0));
	report_call(want, hyp_xen_vcpu_runstate(0, &runstate));
	report_call(want, hyp_xen_set_iopl(3));
	report_call(want, hyp_xen_hypercall0(17));
	report_call(want, hyp_xen_hypercall1(17, 1));
	report_call(want, hyp_xen_hypercall2(17, 1, 2));
	report_call(want, hyp_xen_hypercall3(17, 1, 2, 3));
	report_call(want, hyp_xen_hypercall4(17, 1, 2, 3, 4));
	report_call(want, hyp_xen_hypercall5(17, 1, 2, 3, 4, 5));
	report_call(want, hyp_xen_set_hypercall_page(page));
	report_call(want, hyp_xen_set_direct());
	report_call(HYP_XEN_MODE_NONE, hyp_xen_mode());
}

static void each_kvm(int want)
{
	static struct hyp_kvm_clock_pairing_args pairing;

	report_call(want, hyp_kvm_vapic_poll_irq());
	report_call(want, hyp_kvm_kick_cpu(0));
	report_call(want, hyp_kvm_clock_pairing(&pairing, 0));
	report_call(want, hyp_kvm_send_ipi(1, 0, 0, 0xf0));
	report_call(want, hyp_kvm_sched_yield(0));
	report_call(want, hyp_kvm_map_gpa_range(0, 1, 0));
	report_call(want, hyp_kvm_hypercall0(1));
	report_call(want, hyp_kvm_hypercall1(1, 1));
	report_call(want, hyp_kvm_hypercall2(1, 1, 2));
	report_call(want, hyp_kvm_hypercall3(1, 1, 2, 3));
	report_call(want, hyp_kvm_hypercall4(1, 1, 2, 3, 4));
}

void test_main(void)
{
	const struct hyp_info *info;

	guest_cmdline_get("expect", expect, sizeof(expect));
	guest_set_trap_handler(X86_VEC_UD, counting_trap);
	guest_set_trap_handler(X86_VEC_GP, counting_trap);
	guest_set_trap_handler(X86_VEC_PF, counting_trap);

	report_prefix_push("before hyp_init()");
	each_kvm(HYP_ENOTINIT);
	each_xen(HYP_ENOTINIT);
	report_prefix_pop();
	report(hyp_init(NULL) == HYP_OK, "hyp_init()");
	info = hyp_get_info();
	if (!strcmp(expect, "none"))
		report(info && info->kind == HYP_KIND_NONE && !info->families,
		       "no hypervisor detected");
	else
		report(info && info->kind == HYP_KIND_TCG && !info->families,
		       "QEMU TCG detected, no family libhyp calls");
	report_prefix_push("no KVM");
	each_kvm(HYP_ENOHYP);
	report_prefix_pop();
	report_prefix_push("no Xen");
	each_xen(HYP_ENOHYP);
	report_prefix_pop();
	report(traps == 0, "zero traps (#UD #GP #PF): no hypercall instruction executed (%u)", traps);
}
