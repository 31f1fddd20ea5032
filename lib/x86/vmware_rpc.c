/* SPDX-License-Identifier: MIT */
/*
 * VMware RPC channel over the backdoor's MESSAGE command (the protocol
 * Linux 6.1's drivers/gpu/drm/vmwgfx/vmwgfx_msg.c speaks): ecx = type << 16
 * | MESSAGE, edx = channel << 16, esi:edi the cookie; the status comes back
 * in ecx's high half (ebx's for high-bandwidth transfers). Low bandwidth
 * moves 4 bytes per call in ebx. A backdoor that does not serve MESSAGE
 * (QEMU 7.2's hw/i386/vmport.c) answers eax 0xffffffff and leaves ecx as
 * sent, whose high half is the type: read as a status, SENDSIZE (1) and
 * RECVSIZE (3) would say SUCCESS. So eax ~0 is "not served", HYP_EIO, and
 * ecx is read only otherwise.
 */
#include "x86_msr.h"

#define MSG(type)   ((unsigned long)(type) << 16 | HYP_VMWARE_CMD_MESSAGE)
#define HB_MSG      0u          /* the command of a high-bandwidth transfer */
#define STATUS(v)   ((unsigned int)((v) >> 16) & 0xffffu)

/* One MESSAGE call: 0 and the registers; HYP_EIO where MESSAGE is not served; the gate's code. */
static int message_call(struct hyp_vmware_regs *r)
{
	int err = hyp_vmware_call(r);

	if (err)
		return err;
	return (uint32_t)r->ax == HYP_VMWARE_UNKNOWN ? HYP_EIO : HYP_OK;
}

static int channel_call(const struct hyp_vmware_channel *ch, unsigned int type,
			unsigned long bx, struct hyp_vmware_regs *r)
{
	hyp_zero_bytes(r, sizeof(*r));
	r->bx = bx;
	r->cx = MSG(type);
	r->dx = (unsigned long)ch->id << 16;
	r->si = ch->cookie_high;
	r->di = ch->cookie_low;
	return message_call(r);
}

int hyp_vmware_rpc_open(struct hyp_vmware_channel *ch)
{
	struct hyp_vmware_regs r;
	int err;

	if (!ch)
		return HYP_EINVAL;
	hyp_zero_bytes(&r, sizeof(r));
	r.bx = HYP_VMWARE_RPCI_PROTOCOL | HYP_VMWARE_MSG_FLAG_COOKIE;
	r.cx = MSG(HYP_VMWARE_MSG_OPEN);
	err = message_call(&r);
	if (err)
		return err;
	if (!(STATUS(r.cx) & HYP_VMWARE_MSG_SUCCESS))
		return HYP_EIO;
	ch->id = (uint16_t)(r.dx >> 16);
	ch->cookie_high = (uint32_t)r.si;
	ch->cookie_low = (uint32_t)r.di;
	return HYP_OK;
}

int hyp_vmware_rpc_close(const struct hyp_vmware_channel *ch)
{
	struct hyp_vmware_regs r;
	int err;

	if (!ch)
		return HYP_EINVAL;
	err = channel_call(ch, HYP_VMWARE_MSG_CLOSE, 0, &r);
	if (err)
		return err;
	return (STATUS(r.cx) & HYP_VMWARE_MSG_SUCCESS) ? HYP_OK : HYP_EIO;
}

/* One attempt: the status of the last answer. */
static int send_once(const struct hyp_vmware_channel *ch, const char *msg, size_t len,
		     unsigned int *status)
{
	struct hyp_vmware_regs r;
	int err = channel_call(ch, HYP_VMWARE_MSG_SENDSIZE, len, &r);

	if (err)
		return err;
	*status = STATUS(r.cx);
	if (!(*status & HYP_VMWARE_MSG_SUCCESS))
		return HYP_OK;
	if ((*status & HYP_VMWARE_MSG_HB) && len) {
		hyp_zero_bytes(&r, sizeof(r));
		r.bx = (unsigned long)HYP_VMWARE_MSG_SUCCESS << 16 | HB_MSG;
		r.cx = len;
		r.dx = (unsigned long)ch->id << 16;
		r.si = (unsigned long)(uintptr_t)msg;
		r.di = ch->cookie_low;
		err = hyp_vmware_hb_out(&r, ch->cookie_high);
		*status = STATUS(r.bx);
		return err;
	}
	for (size_t off = 0; off < len; off += 4) {
		uint32_t word = 0;

		for (size_t i = 0; i < 4 && off + i < len; i++)
			word |= (uint32_t)(unsigned char)msg[off + i] << (8 * i);
		err = channel_call(ch, HYP_VMWARE_MSG_SENDPAYLOAD, word, &r);
		if (err)
			return err;
		*status = STATUS(r.cx);
		if (!(*status & HYP_VMWARE_MSG_SUCCESS))
			break;
	}
	return HYP_OK;
}

int hyp_vmware_rpc_send(const struct hyp_vmware_channel *ch, const char *msg, size_t len)
{
	if (!ch || (!msg && len))
		return HYP_EINVAL;
#if __SIZE_MAX__ > 0xffffffffu
	if (len > 0xffffffffu)      /* SENDSIZE takes 32 bits */
		return HYP_EINVAL;
#endif
	for (unsigned int tries = 0; tries < HYP_VMWARE_RPC_RETRIES; tries++) {
		unsigned int status = 0;
		int err = send_once(ch, msg, len, &status);

		if (err)
			return err;
		if (status & HYP_VMWARE_MSG_SUCCESS)
			return HYP_OK;
		if (!(status & HYP_VMWARE_MSG_CPT))
			return HYP_EIO;
	}
	return HYP_EAGAIN;
}

/* One attempt: *len the reply's length (0: none), *status of the last answer. */
static int receive_once(const struct hyp_vmware_channel *ch, char *buf, size_t size,
			size_t *len, unsigned int *status)
{
	struct hyp_vmware_regs r;
	int err = channel_call(ch, HYP_VMWARE_MSG_RECVSIZE, 0, &r);

	*len = 0;
	if (err)
		return err;
	*status = STATUS(r.cx);
	if (!(*status & HYP_VMWARE_MSG_SUCCESS) || !(*status & HYP_VMWARE_MSG_DORECV))
		return HYP_OK;
	*len = (uint32_t)r.bx;
	if (*len > size && *len > HYP_VMWARE_RPC_DRAIN_MAX)
		return HYP_E2BIG;       /* left unread: draining would take up to 2^30 calls */
	if ((*status & HYP_VMWARE_MSG_HB) && *len && *len <= size) {
		hyp_zero_bytes(&r, sizeof(r));
		r.bx = (unsigned long)HYP_VMWARE_MSG_SUCCESS << 16 | HB_MSG;
		r.cx = *len;
		r.dx = (unsigned long)ch->id << 16;
		r.si = ch->cookie_low;
		r.di = (unsigned long)(uintptr_t)buf;
		err = hyp_vmware_hb_in(&r, ch->cookie_high);
		if (err)
			return err;
		*status = STATUS(r.bx);
	} else {
		for (size_t off = 0; off < *len; off += 4) {
			err = channel_call(ch, HYP_VMWARE_MSG_RECVPAYLOAD, HYP_VMWARE_MSG_SUCCESS, &r);
			if (err)
				return err;
			*status = STATUS(r.cx);
			if (!(*status & HYP_VMWARE_MSG_SUCCESS))
				return HYP_OK;
			for (size_t i = 0; i < 4 && off + i < *len && off + i < size; i++)
				buf[off + i] = (char)(r.bx >> (8 * i));
		}
	}
	if (!(*status & HYP_VMWARE_MSG_SUCCESS))
		return HYP_OK;
	err = channel_call(ch, HYP_VMWARE_MSG_RECVSTATUS, HYP_VMWARE_MSG_SUCCESS, &r);
	*status = STATUS(r.cx);
	return err;
}

int hyp_vmware_rpc_receive(const struct hyp_vmware_channel *ch, char *buf, size_t size)
{
	if (!ch || (!buf && size))
		return HYP_EINVAL;
	for (unsigned int tries = 0; tries < HYP_VMWARE_RPC_RETRIES; tries++) {
		unsigned int status = 0;
		size_t len = 0;
		int err = receive_once(ch, buf, size, &len, &status);

		if (err)
			return err;
		if (status & HYP_VMWARE_MSG_SUCCESS) {
			if (len > size)
				return HYP_ENOSPC;
			return len > 0x7fffffffu ? HYP_E2BIG : (int)len;
		}
		if (!(status & HYP_VMWARE_MSG_CPT))
			return HYP_EIO;
	}
	return HYP_EAGAIN;
}
