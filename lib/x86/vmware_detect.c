/* SPDX-License-Identifier: MIT */
/*
 * VMware backdoor detection and the GETVERSION proof that opens its gate.
 * CPUID 0x40000010 (VMware's timing leaf; Linux 6.1
 * arch/x86/kernel/cpu/vmware.c): eax TSC kHz, ebx bus kHz, ecx bit 0
 * vmmcall, bit 1 vmcall; neither: the port.
 */
#include "x86_detect.h"

void hyp_vmware_probe(const struct hyp_platform *plat, struct hyp_info *info)
{
	uint32_t regs[4];

	info->vmware_conduit = HYP_VMWARE_CONDUIT_NONE;
	if (info->kind == HYP_KIND_VMWARE) {
		info->vmware_conduit = HYP_VMWARE_CONDUIT_PORT;
		hyp_x86_platform_cpuid(plat, 0x40000000u, regs);
		if (regs[0] >= HYP_VMWARE_CPUID_FEATURES && regs[0] < 0x40000100u) {
			hyp_x86_platform_cpuid(plat, HYP_VMWARE_CPUID_FEATURES, regs);
			info->vmware_tsc_khz = regs[0];
			info->vmware_bus_khz = regs[1];
			info->vmware_features = regs[2];
			if (regs[2] & HYP_VMWARE_FEATURE_VMCALL)
				info->vmware_conduit = HYP_VMWARE_CONDUIT_VMCALL;
			else if (regs[2] & HYP_VMWARE_FEATURE_VMMCALL)
				info->vmware_conduit = HYP_VMWARE_CONDUIT_VMMCALL;
		}
	} else if (plat->x86_vmware_backdoor) {
		info->vmware_conduit = HYP_VMWARE_CONDUIT_PORT;
	}
	if (info->vmware_conduit != HYP_VMWARE_CONDUIT_NONE)
		info->families |= HYP_FAMILY_VMWARE;
}

/* Open the gate on the conduit found, run GETVERSION through it, keep it open only if it answered. */
void hyp_vmware_open_gate(const struct hyp_info *info)
{
	static const unsigned char gates[] = {
		[HYP_VMWARE_CONDUIT_NONE] = HYP_GATE_ABSENT,
		[HYP_VMWARE_CONDUIT_PORT] = HYP_GATE_VMWARE_PORT,
		[HYP_VMWARE_CONDUIT_VMCALL] = HYP_GATE_VMWARE_VMCALL,
		[HYP_VMWARE_CONDUIT_VMMCALL] = HYP_GATE_VMWARE_VMMCALL,
	};
	struct hyp_vmware_regs r;

	hyp_zero_bytes(&r, sizeof(r));
	r.bx = ~0ul;
	r.cx = HYP_VMWARE_CMD_GETVERSION;
	if (!(info->families & HYP_FAMILY_VMWARE) || info->vmware_conduit >= sizeof(gates)) {
		hyp_gate_open(&hyp_vmware_gate, HYP_GATE_ABSENT);
		return;
	}
	/* The proof goes straight through the conduit: the gate opens only after it. */
	r.ax = HYP_VMWARE_MAGIC;
	if (info->vmware_conduit == HYP_VMWARE_CONDUIT_VMCALL)
		hyp_vmware_vmcall(&r);
	else if (info->vmware_conduit == HYP_VMWARE_CONDUIT_VMMCALL)
		hyp_vmware_vmmcall(&r);
	else
		hyp_vmware_port_call(&r);
	if ((uint32_t)r.bx != HYP_VMWARE_MAGIC || (uint32_t)r.ax == HYP_VMWARE_UNKNOWN)
		hyp_gate_open(&hyp_vmware_gate, HYP_GATE_ABSENT);
	else
		hyp_gate_open(&hyp_vmware_gate, gates[info->vmware_conduit]);
}
