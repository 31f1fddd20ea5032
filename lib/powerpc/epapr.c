/* SPDX-License-Identifier: MIT */
/*
 * PowerPC ePAPR calls through the hypercall area (epapr_area.c): typed
 * wrappers of the ePAPR standard calls (ePAPR 1.1 chapter 8). KVM's calls
 * through the same area: kvm_ppc.c.
 */
#include "powerpc.h"

/* Defined beside the calls that read it (a local symbol: no TOC load on ppc64). */
unsigned char hyp_epapr_gate = HYP_GATE_UNINIT;

#define EPAPR(nr)   HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, nr)

/*
 * The calls that only pass their arguments through test the gate here and
 * return a closed gate's code as it is (hyp_epapr_error() would make it
 * HYP_EIO): the error mapping is called on the open path only, so
 * the closed path needs no stack frame. hyp_epapr_area_callN is the open
 * half of hyp_epapr_hypercallN.
 */
#define EPAPR_PASS(n, nr, ...)                                                  \
	do {                                                                    \
		unsigned int gate = hyp_gate_read(&hyp_epapr_gate);             \
                                                                                \
		if (gate < HYP_GATE_OPEN)                                       \
			return (int)hyp_gate_error(gate);                       \
		return hyp_epapr_error(hyp_epapr_area_call##n(EPAPR(nr), __VA_ARGS__, NULL)); \
	} while (0)

/* A gated call's answer: its closed gate's code, else mapped (lib/internal.h). */
static int epapr_answer(long raw)
{
	return hyp_gate_passed(raw, &hyp_epapr_gate) ? (int)raw : hyp_epapr_error(raw);
}

/* Byte-channel data: up to 16 bytes as four big-endian words (r5-r8). */
static void pack_be32(uint32_t words[4], const char *buf, unsigned int count)
{
	for (unsigned int i = 0; i < 4; i++)
		words[i] = 0;
	for (unsigned int i = 0; i < count; i++)
		words[i / 4] |= (uint32_t)(uint8_t)buf[i] << (24 - 8 * (i % 4));
}

static void unpack_be32(char *buf, const unsigned long regs[4], unsigned int count)
{
	for (unsigned int i = 0; i < count; i++)
		buf[i] = (char)(uint8_t)((uint32_t)regs[i / 4] >> (24 - 8 * (i % 4)));
}

int hyp_epapr_byte_channel_send(uint32_t handle, const char *buf, unsigned int count)
{
	struct hyp_epapr_out out = { { 0 } };
	uint32_t w[4];
	long raw;

	if ((!buf && count) || count > HYP_EPAPR_BYTE_CHANNEL_MAX)
		return HYP_EINVAL;
	pack_be32(w, buf, count);
	raw = hyp_epapr_hypercall6(EPAPR(HYP_EPAPR_BYTE_CHANNEL_SEND), handle, count,
				   w[0], w[1], w[2], w[3], &out);
	if (raw != HYP_EV_SUCCESS)
		return epapr_answer(raw);
	return out.r[0] > count ? HYP_EIO : (int)out.r[0];
}

int hyp_epapr_byte_channel_write(uint32_t handle, const char *buf, size_t count,
				 unsigned int retries)
{
	size_t done = 0;
	unsigned int tries = 0;

	if ((!buf && count) || count > __INT_MAX__)
		return HYP_EINVAL;
	while (done < count) {
		size_t n = count - done;
		int r;

		if (n > HYP_EPAPR_BYTE_CHANNEL_MAX)
			n = HYP_EPAPR_BYTE_CHANNEL_MAX;
		r = hyp_epapr_byte_channel_send(handle, buf + done, (unsigned int)n);
		if (r < 0 && r != HYP_EAGAIN)
			return r;
		if (r <= 0) {               /* busy or nothing taken: retry */
			if (tries++ >= retries)
				return HYP_EAGAIN;
			continue;
		}
		tries = 0;
		done += (size_t)r;
	}
	return (int)count;
}

int hyp_epapr_byte_channel_receive(uint32_t handle, char *buf, unsigned int max)
{
	struct hyp_epapr_out out = { { 0 } };
	long raw;

	if (!buf || max > HYP_EPAPR_BYTE_CHANNEL_MAX)
		return HYP_EINVAL;
	raw = hyp_epapr_hypercall2(EPAPR(HYP_EPAPR_BYTE_CHANNEL_RECEIVE), handle, max, &out);
	if (raw != HYP_EV_SUCCESS)
		return epapr_answer(raw);
	if (out.r[0] > max)
		return HYP_EIO;             /* more than asked for: refuse, never overflow */
	unpack_be32(buf, &out.r[1], (unsigned int)out.r[0]);
	return (int)out.r[0];
}

int hyp_epapr_byte_channel_poll(uint32_t handle, uint32_t *rx_count, uint32_t *tx_space)
{
	struct hyp_epapr_out out = { { 0 } };
	long raw = hyp_epapr_hypercall1(EPAPR(HYP_EPAPR_BYTE_CHANNEL_POLL), handle, &out);

	if (raw != HYP_EV_SUCCESS)
		return epapr_answer(raw);
	if (rx_count)
		*rx_count = (uint32_t)out.r[0];
	if (tx_space)
		*tx_space = (uint32_t)out.r[1];
	return HYP_OK;
}

int hyp_epapr_idle(void)
{
	const struct hyp_info *info = hyp_get_info();

	if (!info)
		return HYP_ENOTINIT;
	if (!info->ppc_has_idle)
		return HYP_ENOSYS;          /* ePAPR: EV_IDLE only with "has-idle" */
	return epapr_answer(hyp_epapr_hypercall0(EPAPR(HYP_EPAPR_IDLE), NULL));
}

int hyp_epapr_int_set_config(uint32_t irq, uint32_t config, uint32_t priority, uint32_t destination)
{
	EPAPR_PASS(4, HYP_EPAPR_INT_SET_CONFIG, irq, config, priority, destination);
}

int hyp_epapr_int_get_config(uint32_t irq, uint32_t *config, uint32_t *priority, uint32_t *destination)
{
	struct hyp_epapr_out out = { { 0 } };
	long raw = hyp_epapr_hypercall1(EPAPR(HYP_EPAPR_INT_GET_CONFIG), irq, &out);

	if (raw != HYP_EV_SUCCESS)
		return epapr_answer(raw);
	if (config)
		*config = (uint32_t)out.r[0];
	if (priority)
		*priority = (uint32_t)out.r[1];
	if (destination)
		*destination = (uint32_t)out.r[2];
	return HYP_OK;
}

int hyp_epapr_int_set_mask(uint32_t irq, uint32_t mask)
{
	EPAPR_PASS(2, HYP_EPAPR_INT_SET_MASK, irq, mask);
}

/* One output word (r4) of a call that succeeded. */
static int one_output(long raw, const struct hyp_epapr_out *out, uint32_t *value)
{
	if (raw != HYP_EV_SUCCESS)
		return epapr_answer(raw);
	if (value)
		*value = (uint32_t)out->r[0];
	return HYP_OK;
}

int hyp_epapr_int_get_mask(uint32_t irq, uint32_t *mask)
{
	struct hyp_epapr_out out = { { 0 } };

	return one_output(hyp_epapr_hypercall1(EPAPR(HYP_EPAPR_INT_GET_MASK), irq, &out), &out, mask);
}

int hyp_epapr_int_iack(uint32_t handle, uint32_t *vector)
{
	struct hyp_epapr_out out = { { 0 } };

	return one_output(hyp_epapr_hypercall1(EPAPR(HYP_EPAPR_INT_IACK), handle, &out), &out, vector);
}

int hyp_epapr_int_eoi(uint32_t irq)
{
	EPAPR_PASS(1, HYP_EPAPR_INT_EOI, irq);
}

int hyp_epapr_int_send_ipi(uint32_t ipi)
{
	EPAPR_PASS(1, HYP_EPAPR_INT_SEND_IPI, ipi);
}

int hyp_epapr_int_set_task_priority(uint32_t priority)
{
	EPAPR_PASS(1, HYP_EPAPR_INT_SET_TASK_PRIORITY, priority);
}

int hyp_epapr_int_get_task_priority(uint32_t *priority)
{
	struct hyp_epapr_out out = { { 0 } };

	return one_output(hyp_epapr_hypercall0(EPAPR(HYP_EPAPR_INT_GET_TASK_PRIORITY), &out),
			  &out, priority);
}

int hyp_epapr_doorbell_send(uint32_t handle)
{
	EPAPR_PASS(1, HYP_EPAPR_DOORBELL_SEND, handle);
}
