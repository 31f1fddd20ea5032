/* SPDX-License-Identifier: MIT */
/*
 * VMware backdoor: typed commands through the conduit detection chose
 * (vmware_detect.c).
 */
#include "x86_msr.h"

unsigned char hyp_vmware_gate = HYP_GATE_UNINIT;

bool hyp_vmware_present(void)
{
	return hyp_gate_read(&hyp_vmware_gate) >= HYP_GATE_OPEN;
}

static int command(unsigned int cmd, struct hyp_vmware_regs *r)
{
	hyp_zero_bytes(r, sizeof(*r));
	r->bx = ~0ul;
	r->cx = cmd;
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
