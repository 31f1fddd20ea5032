/* SPDX-License-Identifier: MIT */
/*
 * VMware backdoor: detection, the GETVERSION proof, typed commands.
 * CPUID 0x40000010 (VMware's timing leaf; Linux 6.1
 * arch/x86/kernel/cpu/vmware.c): eax TSC kHz, ebx bus kHz, ecx bit 0
 * vmmcall, bit 1 vmcall; neither: the port.
 */
#include "x86_msr.h"

unsigned char hyp_vmware_gate = HYP_GATE_UNINIT;

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
	struct hyp_vmware_regs r = { .bx = ~0ul, .cx = HYP_VMWARE_CMD_GETVERSION };

	if (!(info->families & HYP_FAMILY_VMWARE) || info->vmware_conduit >= sizeof(gates)) {
		hyp_gate_open(&hyp_vmware_gate, HYP_GATE_ABSENT);
		return;
	}
	/* Not yet visible to other CPUs: init is still running. */
	__atomic_store_n(&hyp_vmware_gate, gates[info->vmware_conduit], __ATOMIC_RELAXED);
	hyp_vmware_call(&r);
	if ((uint32_t)r.bx != HYP_VMWARE_MAGIC || (uint32_t)r.ax == HYP_VMWARE_UNKNOWN)
		hyp_gate_open(&hyp_vmware_gate, HYP_GATE_ABSENT);
	else
		hyp_gate_open(&hyp_vmware_gate, gates[info->vmware_conduit]);
}

bool hyp_vmware_present(void)
{
	return hyp_gate_read(&hyp_vmware_gate) >= HYP_GATE_OPEN;
}

static int command(unsigned int cmd, struct hyp_vmware_regs *r)
{
	*r = (struct hyp_vmware_regs){ .bx = ~0ul, .cx = cmd };
	return hyp_vmware_call(r);
}

int hyp_vmware_get_version(uint32_t *version, uint32_t *product)
{
	struct hyp_vmware_regs r;
	int err = command(HYP_VMWARE_CMD_GETVERSION, &r);

	if (err)
		return err;
	if ((uint32_t)r.bx != HYP_VMWARE_MAGIC)
		return HYP_EIO;
	if (version)
		*version = (uint32_t)r.ax;
	if (product)
		*product = (uint32_t)r.cx;
	return HYP_OK;
}

int hyp_vmware_get_hz(uint64_t *tsc_hz, uint32_t *bus_hz)
{
	struct hyp_vmware_regs r;
	int err = command(HYP_VMWARE_CMD_GETHZ, &r);

	if (err)
		return err;
	if ((uint32_t)r.bx == HYP_VMWARE_UNKNOWN)
		return HYP_EOPNOTSUPP;
	if (tsc_hz)
		*tsc_hz = (uint64_t)(uint32_t)r.bx << 32 | (uint32_t)r.ax;
	if (bus_hz)
		*bus_hz = (uint32_t)r.cx;
	return HYP_OK;
}

int hyp_vmware_get_ram_size(uint32_t *bytes)
{
	struct hyp_vmware_regs r;
	int err = command(HYP_VMWARE_CMD_GETRAMSIZE, &r);

	if (err)
		return err;
	if ((uint32_t)r.ax == HYP_VMWARE_UNKNOWN)
		return HYP_ENOSYS;
	if (bytes)
		*bytes = (uint32_t)r.ax;
	return HYP_OK;
}

int hyp_vmware_get_vcpu_info(uint32_t *flags)
{
	struct hyp_vmware_regs r;
	int err = command(HYP_VMWARE_CMD_GETVCPU_INFO, &r);

	if (err)
		return err;
	if ((uint32_t)r.ax & HYP_VMWARE_VCPU_RESERVED)
		return HYP_EOPNOTSUPP;
	if (flags)
		*flags = (uint32_t)r.ax;
	return HYP_OK;
}

int hyp_vmware_get_time(uint32_t *sec, uint32_t *usec, uint32_t *max_lag_us)
{
	struct hyp_vmware_regs r;
	int err = command(HYP_VMWARE_CMD_GETTIME, &r);

	if (err)
		return err;
	if ((uint32_t)r.ax == HYP_VMWARE_UNKNOWN)
		return HYP_ENOSYS;
	if (sec)
		*sec = (uint32_t)r.ax;
	if (usec)
		*usec = (uint32_t)r.bx;
	if (max_lag_us)
		*max_lag_us = (uint32_t)r.cx;
	return HYP_OK;
}

int hyp_vmware_get_time_full(uint64_t *sec, uint32_t *usec, uint32_t *max_lag_us)
{
	struct hyp_vmware_regs r;
	int err = command(HYP_VMWARE_CMD_GETTIMEFULL, &r);

	if (err)
		return err;
	if ((uint32_t)r.ax != HYP_VMWARE_MAGIC)
		return HYP_ENOSYS;
	if (sec)
		*sec = (uint64_t)(uint32_t)r.si << 32 | (uint32_t)r.dx;
	if (usec)
		*usec = (uint32_t)r.bx;
	if (max_lag_us)
		*max_lag_us = (uint32_t)r.cx;
	return HYP_OK;
}
